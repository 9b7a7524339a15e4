"""Configuration: discovery by walking up, `.ketalint.yaml` vs `[tool.ketalint]`, rule settings,
per-glob overrides, and clear errors for broken files."""

from __future__ import annotations

from pathlib import Path

import pytest

from cli_support import PACK, run
from ketalint.api import CheckOptions, run_check
from ketalint.config import Config, find_config, load_config
from ketalint.errors import ConfigError
from ketalint.globs import matches

ARTICLE = "Ketamine permanently rewires the brain. The brain has 100 billion neurons.\n"


def _site(root: Path, config: str, name: str = ".ketalint.yaml") -> Path:
    (root / "pack.yaml").write_text(PACK, encoding="utf-8")
    (root / name).write_text(config, encoding="utf-8")
    return root


def _rules_found(root: Path, paths: list[str]) -> dict[str, list[tuple[str, str]]]:
    config = load_config(start=root)
    report = run_check(config, CheckOptions(paths=[str(root / p) for p in paths]))
    out: dict[str, list[tuple[str, str]]] = {}
    for f in report.findings:
        out.setdefault(Path(f.path).relative_to(root).as_posix(), []).append((f.rule, f.severity))
    return out


def test_no_config_gives_defaults(tmp_path: Path):
    config = load_config(start=tmp_path)
    assert config.path is None and config.default_pack and config.fail_on == "warning"


def test_found_by_walking_up_from_the_start_folder(tmp_path: Path):
    _site(tmp_path, "fail_on: error\n")
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    config = load_config(start=deep)
    assert config.path == (tmp_path / ".ketalint.yaml").resolve() and config.fail_on == "error"
    assert config.root == tmp_path.resolve()


def test_yaml_wins_over_pyproject_in_the_same_folder(tmp_path: Path):
    (tmp_path / "pyproject.toml").write_text('[tool.ketalint]\nfail_on = "info"\n')
    (tmp_path / ".ketalint.yaml").write_text("fail_on: error\n")
    assert load_config(start=tmp_path).fail_on == "error"


def test_nearest_folder_wins_whatever_the_kind(tmp_path: Path):
    (tmp_path / ".ketalint.yaml").write_text("fail_on: error\n")
    inner = tmp_path / "site"
    inner.mkdir()
    (inner / "pyproject.toml").write_text('[tool.ketalint]\nfail_on = "info"\n')
    assert load_config(start=inner).fail_on == "info"


def test_pyproject_without_the_table_is_passed_over(tmp_path: Path):
    (tmp_path / ".ketalint.yaml").write_text("fail_on: error\n")
    inner = tmp_path / "pkg"
    inner.mkdir()
    (inner / "pyproject.toml").write_text('[project]\nname = "x"\n')
    found = find_config(inner)
    assert found is not None and found[0].name == ".ketalint.yaml"


def test_paths_are_resolved_against_the_config_folder(tmp_path: Path):
    _site(tmp_path, "packs: [pack.yaml]\ncache_dir: .cache\n")
    config = load_config(start=tmp_path / ".")
    assert config.packs == ((tmp_path / "pack.yaml").resolve(),)
    assert config.cache_dir == (tmp_path / ".cache").resolve()


def test_rules_off_severity_and_most_specific_prefix(tmp_path: Path):
    _site(tmp_path, "default_pack: false\npacks: [pack.yaml]\nrules:\n  demo: off\n  demo.forever: error\n")
    (tmp_path / "a.md").write_text(ARTICLE)
    assert _rules_found(tmp_path, ["a.md"]) == {"a.md": [("demo.forever", "error")]}


def test_per_glob_overrides_apply_after_rules(tmp_path: Path):
    config = """\
default_pack: false
packs: [pack.yaml]
rules: {demo.neurons: warning}
overrides:
  - files: ["legacy/**"]
    rules: {demo.neurons: off, demo.forever: info}
"""
    _site(tmp_path, config)
    (tmp_path / "legacy").mkdir()
    (tmp_path / "a.md").write_text(ARTICLE)
    (tmp_path / "legacy" / "b.md").write_text(ARTICLE)
    found = _rules_found(tmp_path, ["."])
    assert found["a.md"] == [("demo.forever", "warning"), ("demo.neurons", "warning")]
    assert found["legacy/b.md"] == [("demo.forever", "info")]


def test_include_and_exclude_globs(tmp_path: Path):
    _site(tmp_path, "default_pack: false\npacks: [pack.yaml]\ninclude: ['content/**']\nexclude: ['**/draft-*']\n")
    for rel in ("content/a.md", "content/draft-b.md", "other/c.md"):
        (tmp_path / rel).parent.mkdir(exist_ok=True)
        (tmp_path / rel).write_text(ARTICLE)
    assert set(_rules_found(tmp_path, ["."])) == {"content/a.md"}


def test_default_pack_is_on_unless_turned_off(tmp_path: Path):
    from ketalint.api import rule_pack_paths
    from ketalint.packs import default_pack_dir

    assert rule_pack_paths(Config(root=tmp_path)) == [default_pack_dir()]
    _site(tmp_path, "default_pack: false\npacks: [pack.yaml]\n")
    assert rule_pack_paths(load_config(start=tmp_path)) == [(tmp_path / "pack.yaml").resolve()]


def test_pyproject_table_is_read(tmp_path: Path):
    _site(tmp_path, '[tool.ketalint]\ndefault_pack = false\npacks = ["pack.yaml"]\n[tool.ketalint.rules]\n"demo.forever" = "off"\n', "pyproject.toml")
    (tmp_path / "a.md").write_text(ARTICLE)
    assert _rules_found(tmp_path, ["a.md"]) == {"a.md": [("demo.neurons", "error")]}


@pytest.mark.parametrize(
    "text, line, words",
    [
        ("fail_onn: error\n", 1, ["unknown key 'fail_onn'", "did you mean 'fail_on'"]),
        ("include: ['a']\ndefault_pack: maybe\n", 2, ["'default_pack' must be true or false"]),
        ("fail_on: fatal\n", 1, ["'fail_on' must be one of"]),
        ("packs: {a: 1}\n", 1, ["'packs' must be a list of strings"]),
        ("rules:\n  style: loud\n", 2, ["'style' must be set to one of"]),
        ("overrides:\n  - rules: {style: off}\n", 2, ["each override needs 'files'"]),
        ("max_file_size_mb: -1\n", 1, ["positive number"]),
        ("- a list\n", 1, ["must be a mapping"]),
        ("rules: [unclosed\n", 2, ["invalid YAML"]),
    ],
)
def test_broken_yaml_config_names_file_line_and_key(tmp_path: Path, text, line, words):
    (tmp_path / ".ketalint.yaml").write_text(text)
    with pytest.raises(ConfigError) as exc:
        load_config(start=tmp_path)
    assert exc.value.path.endswith(".ketalint.yaml") and exc.value.line == line, str(exc.value)
    for w in words:
        assert w in exc.value.message


def test_broken_pyproject_names_the_file(tmp_path: Path):
    (tmp_path / "pyproject.toml").write_text("[tool.ketalint\n")
    with pytest.raises(ConfigError, match="invalid TOML") as exc:
        load_config(start=tmp_path)
    assert exc.value.path.endswith("pyproject.toml")
    (tmp_path / "pyproject.toml").write_text('[tool.ketalint]\nfail_on = "never"\n')
    with pytest.raises(ConfigError, match="'fail_on' must be one of"):
        load_config(start=tmp_path)


def test_cli_exits_2_with_one_line_for_a_broken_config(tmp_path: Path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".ketalint.yaml").write_text("fail_onn: error\n")
    (tmp_path / "a.md").write_text("Fine.\n")
    code, out, err = run(["check", "a.md"], capsys)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.endswith(".ketalint.yaml:1: unknown key 'fail_onn' (did you mean 'fail_on'?)\n")


def test_explicit_config_option(tmp_path: Path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    _site(tmp_path, "default_pack: false\npacks: [pack.yaml]\nrules: {demo: off}\n", "strict.yaml")
    (tmp_path / "a.md").write_text(ARTICLE)
    code, out, _ = run(["check", "--config", "strict.yaml", "a.md"], capsys)
    assert code == 0 and "No problems found" in out
    code, _, err = run(["check", "--config", "missing.yaml", "a.md"], capsys)
    assert code == 2 and "config file not found" in err


@pytest.mark.parametrize(
    "path, pattern, expected",
    [
        ("content/a.md", "content/**", True),
        ("./content/a.md", "content/**", True),
        ("./.hidden/a.md", "hidden/**", False),
        ("blog/draft-x.md", "draft-*", True),
        ("blog/sub/x.md", "blog/*.md", False),
        ("blog/sub/x.md", "blog/**/*.md", True),
        ("blog/x.md", "blog/", True),
    ],
)
def test_glob_matching(path, pattern, expected):
    assert matches(path, [pattern]) is expected


def _no_yaml(monkeypatch):
    import ketalint.config as config_module

    def fail(*args, **kwargs):
        raise AssertionError("the YAML was parsed again")

    monkeypatch.setattr(config_module, "load_yaml", fail)


def test_a_kept_config_is_read_without_parsing_yaml_and_gives_the_same_settings(tmp_path: Path, monkeypatch):
    _site(tmp_path, "default_pack: false\npacks: [pack.yaml]\nrules: {demo: off, style: info}\noverrides:\n  - files: ['a/**']\n    rules: {demo: on}\nmax_file_size_mb: 2.5\n")
    parsed = load_config(start=tmp_path, cache=True)
    assert list((tmp_path / ".ketalint_cache" / "rules").glob("config-*.marshal"))
    _no_yaml(monkeypatch)
    assert load_config(start=tmp_path, cache=True) == parsed


def test_a_kept_config_equals_the_parsed_one(tmp_path: Path):
    _site(tmp_path, "packs: [pack.yaml]\nrules: {demo: off}\noverrides:\n  - files: 'a/**'\n    rules: {demo: true}\ncorpus: '**/*.md'\n")
    load_config(start=tmp_path, cache=True)
    assert load_config(start=tmp_path, cache=True) == load_config(start=tmp_path)


def test_an_edit_that_keeps_size_and_time_is_still_read(tmp_path: Path):
    import os

    _site(tmp_path, "fail_on: error\n")
    path = tmp_path / ".ketalint.yaml"
    assert load_config(start=tmp_path, cache=True).fail_on == "error"
    stat = path.stat()
    path.write_text("fail_on:  info\n", encoding="utf-8")  # as long as "fail_on: error\n"
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert path.stat().st_size == stat.st_size
    assert load_config(start=tmp_path, cache=True).fail_on == "info"


def test_a_broken_config_is_never_kept_and_is_reported_with_its_line(tmp_path: Path):
    _site(tmp_path, "fail_on: error\n")
    load_config(start=tmp_path, cache=True)
    (tmp_path / ".ketalint.yaml").write_text("fail_on: error\ndefault_pack: maybe\n")
    for _ in range(2):
        with pytest.raises(ConfigError) as exc:
            load_config(start=tmp_path, cache=True)
        assert exc.value.line == 2
    assert len(list((tmp_path / ".ketalint_cache" / "rules").glob("config-*.marshal"))) == 1


def test_a_config_with_its_own_cache_folder_leaves_the_default_one_alone(tmp_path: Path):
    _site(tmp_path, "cache_dir: elsewhere\n")
    assert load_config(start=tmp_path, cache=True).cache_dir == tmp_path / "elsewhere"
    assert not (tmp_path / ".ketalint_cache").exists()
    load_config(start=tmp_path, cache=True, cache_dir=tmp_path / "given")
    assert list((tmp_path / "given" / "rules").glob("config-*.marshal"))


def test_a_damaged_kept_config_is_parsed_again(tmp_path: Path):
    _site(tmp_path, "fail_on: error\n")
    load_config(start=tmp_path, cache=True)
    (kept,) = (tmp_path / ".ketalint_cache" / "rules").glob("config-*.marshal")
    kept.write_bytes(kept.read_bytes()[:7])
    assert load_config(start=tmp_path, cache=True).fail_on == "error"


def test_the_cli_reports_a_broken_config_after_a_good_one_was_kept(tmp_path: Path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".ketalint.yaml").write_text("fail_on: error\n")
    (tmp_path / "a.md").write_text("Fine.\n")
    assert run(["check", "a.md"], capsys)[0] == 0
    (tmp_path / ".ketalint.yaml").write_text("fail_onn: error\n")
    code, out, err = run(["check", "a.md"], capsys)
    assert code == 2 and out == ""
    assert err.endswith(".ketalint.yaml:1: unknown key 'fail_onn' (did you mean 'fail_on'?)\n")
