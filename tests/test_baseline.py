"""Baseline: record today's findings, report only new ones, survive edits above a finding."""

from __future__ import annotations

import json

from cli_support import make_site, run

ARTICLE = (
    "Adults have 100 billion neurons.\n"
    "\n"
    "This treatment permanently rewires the brain.\n"
    "Again: 100 billion neurons.\n"
)


def _site(tmp_path, monkeypatch, text=ARTICLE):
    make_site(tmp_path)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "post.md").write_text(text, encoding="utf-8")
    return tmp_path / "post.md"


def test_written_baseline_records_every_finding_and_hides_them(tmp_path, monkeypatch, capsys):
    _site(tmp_path, monkeypatch)
    code, out, _ = run(["check", "post.md", "--write-baseline", "base.json"], capsys)
    assert code == 0
    assert out == "No problems found in 1 file. (3 baselined findings not shown)\n"
    data = json.loads((tmp_path / "base.json").read_text(encoding="utf-8"))
    assert data["version"] == 1
    assert [(e["rule"], e["path"], e["match"], e["occurrence"]) for e in data["findings"]] == [
        ("demo.forever", "post.md", "permanently rewires", 1),
        ("demo.neurons", "post.md", "100 billion neurons", 1),
        ("demo.neurons", "post.md", "100 billion neurons", 2),
    ]


def test_baselined_findings_stay_baselined_when_lines_are_added_above(tmp_path, monkeypatch, capsys):
    post = _site(tmp_path, monkeypatch)
    run(["check", "post.md", "--write-baseline", "base.json"], capsys)
    post.write_text("# A new title\n\nA new opening paragraph.\n\n" + ARTICLE, encoding="utf-8")
    code, out, _ = run(["check", "post.md", "--baseline", "base.json"], capsys)
    assert code == 0
    assert out == "No problems found in 1 file. (3 baselined findings not shown)\n"


def test_a_new_finding_is_reported(tmp_path, monkeypatch, capsys):
    post = _site(tmp_path, monkeypatch)
    run(["check", "post.md", "--write-baseline", "base.json"], capsys)
    post.write_text(ARTICLE + "Some say 100 billion neurons too.\n", encoding="utf-8")
    code, out, _ = run(["check", "post.md", "--baseline", "base.json", "--format", "json"], capsys)
    report = json.loads(out)
    assert code == 1
    assert [(f["rule"], f["line"]) for f in report["findings"]] == [("demo.neurons", 5)]
    assert report["summary"]["baselined"] == 3


def test_fixed_findings_drop_out_when_the_baseline_is_rewritten(tmp_path, monkeypatch, capsys):
    post = _site(tmp_path, monkeypatch)
    run(["check", "post.md", "--write-baseline", "base.json"], capsys)
    post.write_text(ARTICLE.replace("permanently rewires", "may change"), encoding="utf-8")
    code, out, _ = run(["check", "post.md", "--baseline", "base.json", "--write-baseline", "base.json"], capsys)
    entries = json.loads((tmp_path / "base.json").read_text(encoding="utf-8"))["findings"]
    assert [e["rule"] for e in entries] == ["demo.neurons", "demo.neurons"]
    assert "(2 baselined findings not shown)" in out


def test_baseline_matches_from_another_working_folder(tmp_path, monkeypatch, capsys):
    _site(tmp_path, monkeypatch)
    (tmp_path / "sub").mkdir()
    run(["check", "post.md", "--write-baseline", "base.json"], capsys)
    monkeypatch.chdir(tmp_path / "sub")
    code, out, _ = run(["check", "../post.md", "--baseline", "../base.json"], capsys)
    assert code == 0
    assert "3 baselined" in out


def test_fix_leaves_baselined_findings_alone(tmp_path, monkeypatch, capsys):
    post = _site(tmp_path, monkeypatch)
    run(["check", "post.md", "--write-baseline", "base.json"], capsys)
    code, _, _ = run(["check", "post.md", "--baseline", "base.json", "--fix"], capsys)
    assert post.read_text(encoding="utf-8") == ARTICLE
    assert code == 0


def test_broken_baseline_is_a_one_line_error(tmp_path, monkeypatch, capsys):
    _site(tmp_path, monkeypatch)
    (tmp_path / "base.json").write_text('{"version": 1, "findings": [', encoding="utf-8")
    code, out, err = run(["check", "post.md", "--baseline", "base.json"], capsys)
    assert code == 2
    assert out == ""
    assert err.startswith("ketalint: error: base.json: not a valid baseline (invalid JSON")
    assert err.count("\n") == 1


def test_baseline_of_another_version_or_shape_is_refused(tmp_path, monkeypatch, capsys):
    _site(tmp_path, monkeypatch)
    for content in ('{"version": 2, "findings": []}', '{"version": 1, "findings": [{"rule": "x"}]}', "[]"):
        (tmp_path / "base.json").write_text(content, encoding="utf-8")
        code, _, err = run(["check", "post.md", "--baseline", "base.json"], capsys)
        assert code == 2
        assert "base.json: not a" in err


def test_missing_baseline_is_an_error(tmp_path, monkeypatch, capsys):
    _site(tmp_path, monkeypatch)
    code, _, err = run(["check", "post.md", "--baseline", "missing.json"], capsys)
    assert code == 2
    assert err == "ketalint: error: missing.json: cannot read baseline: No such file or directory\n"
