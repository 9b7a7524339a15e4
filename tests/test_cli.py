"""The command line through click's test runner: exit codes, both formats, selection, stdin,
`explain`, `rules list` and `--version`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from cli_support import make_site
from ketalint import __version__
from ketalint.cli import cli

ARTICLE = "# Care\n\nKetamine permanently rewires the brain.\n\nThe brain has 100 billion neurons.\n"


@pytest.fixture
def site(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.chdir(make_site(tmp_path))
    (tmp_path / "a.md").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "clean.md").write_text("# Care\n\nWe explain risks and benefits.\n", encoding="utf-8")
    return tmp_path


def invoke(*args: str, input: bytes | None = None):
    return CliRunner().invoke(cli, list(args), input=input)


def test_exit_1_with_findings_and_text_output(site: Path):
    r = invoke("check", "a.md")
    assert r.exit_code == 1
    lines = r.stdout.splitlines()
    assert lines[0] == "a.md:3:10: warning [demo.forever] 'permanently rewires' promises a permanent result."
    assert lines[1] == "     3 | Ketamine permanently rewires the brain."
    assert lines[2] == "       |          ^^^^^^^^^^^^^^^^^^^"
    assert "a.md:5:15: error [demo.neurons]" in r.stdout
    assert "    suggestion: 86 billion neurons" in r.stdout
    assert lines[-1] == "Found 2 problems (1 error, 1 warning) in 1 file."
    assert "\x1b[" not in r.stdout


def test_exit_0_when_clean(site: Path):
    r = invoke("check", "clean.md")
    assert r.exit_code == 0 and r.stdout == "No problems found in 1 file.\n"


def test_default_path_is_the_current_folder(site: Path):
    r = invoke("check")
    assert r.exit_code == 1 and "in 2 files." in r.stdout


def test_json_contract(site: Path):
    r = invoke("check", "--format", "json", "a.md", "clean.md")
    assert r.exit_code == 1
    report = json.loads(r.stdout)
    assert set(report) == {"version", "findings", "summary"} and report["version"] == 1
    first, second = report["findings"]
    assert first == {
        "path": "a.md", "line": 3, "column": 10, "end_line": 3, "end_column": 29,
        "rule": "demo.forever", "category": "overclaim", "severity": "warning",
        "message": "'permanently rewires' promises a permanent result.", "match": "permanently rewires",
        "suggestion": None, "related": [],
    }
    assert (second["rule"], second["suggestion"], second["end_column"]) == ("demo.neurons", "86 billion neurons", 34)
    assert report["summary"] == {"files": 2, "findings": 2, "by_severity": {"error": 1, "warning": 1, "info": 0}}


def test_json_output_is_sorted_and_deterministic(site: Path):
    (site / "b.md").write_text(ARTICLE)
    runs = [invoke("check", "-f", "json", "b.md", "a.md").stdout for _ in range(2)]
    assert runs[0] == runs[1]
    keys = [(f["path"], f["line"], f["column"], f["rule"]) for f in json.loads(runs[0])["findings"]]
    assert keys == sorted(keys)


def test_fail_on(site: Path):
    assert invoke("check", "--fail-on", "error", "--select", "demo.forever", "a.md").exit_code == 0
    assert invoke("check", "--fail-on", "error", "a.md").exit_code == 1
    assert invoke("check", "--fail-on", "info", "--select", "demo.forever", "a.md").exit_code == 1


def test_config_fail_on_is_the_default(site: Path):
    (site / ".ketalint.yaml").write_text("default_pack: false\npacks: [pack.yaml]\nfail_on: error\n")
    assert invoke("check", "--select", "demo.forever", "a.md").exit_code == 0


def test_select_and_ignore_by_id_and_prefix(site: Path):
    def rules(*args):
        return [f["rule"] for f in json.loads(invoke("check", "-f", "json", *args, "a.md").stdout)["findings"]]

    assert rules("--select", "demo.neurons") == ["demo.neurons"]
    assert rules("--select", "demo") == ["demo.forever", "demo.neurons"]
    assert rules("--select", "dem") == []
    assert rules("--ignore", "demo.forever") == ["demo.neurons"]
    assert rules("--ignore", "demo.forever,demo.neurons") == []
    assert rules("--select", "demo", "--ignore", "demo.neurons") == ["demo.forever"]


def test_stdin_with_stdin_filename(site: Path):
    r = invoke("check", "-", "--stdin-filename", "post.txt", input=b"Ketamine permanently rewires the brain.\n")
    assert r.exit_code == 1
    assert r.stdout.startswith("post.txt:1:10: warning [demo.forever]")
    r = invoke("check", "-", "--stdin-filename", "page.html", "-f", "json", input=b"<p>It has 100 billion neurons.</p>\n")
    (finding,) = json.loads(r.stdout)["findings"]
    assert (finding["path"], finding["column"]) == ("page.html", 11)


def test_stdin_cannot_be_mixed_with_paths(site: Path):
    r = invoke("check", "-", "a.md", input=b"x")
    assert r.exit_code == 2 and "cannot be combined" in r.stderr


def test_extra_rules_option(site: Path, tmp_path: Path):
    extra = site / "extra.yaml"
    extra.write_text(
        "pack: extra\nrules:\n  - id: extra.brain\n    type: phrase\n    category: style\n"
        "    severity: info\n    message: brain\n    phrases: [brain]\n"
    )
    r = invoke("check", "--rules", "extra.yaml", "--select", "extra", "-f", "json", "a.md")
    assert [f["line"] for f in json.loads(r.stdout)["findings"]] == [3, 5]


def test_usage_errors_exit_2(site: Path):
    assert invoke("check", "--format", "xml", "a.md").exit_code == 2
    assert invoke("check", "--fail-on", "never", "a.md").exit_code == 2
    assert invoke("frobnicate").exit_code == 2
    r = invoke("check", "--rules", "missing.yaml", "a.md")
    assert r.exit_code == 2 and r.stderr == "ketalint: error: missing.yaml: no such rule pack file or folder\n"


def test_quiet_prints_findings_only(site: Path):
    r = invoke("check", "--quiet", "a.md", "clean.md")
    assert r.exit_code == 1 and "Found" not in r.stdout and "a.md:3:10" in r.stdout
    assert invoke("check", "-q", "clean.md").stdout == ""


def test_no_color_and_no_terminal_mean_no_escape_codes(site: Path):
    assert "\x1b[" not in invoke("check", "--no-color", "a.md").stdout


def test_rules_list(site: Path):
    r = invoke("rules", "list")
    assert r.exit_code == 0
    assert [line.split()[:4] for line in r.stdout.splitlines()] == [
        ["demo.neurons", "error", "factual", "substitution"],
        ["demo.forever", "warning", "overclaim", "phrase"],
    ]


def test_explain_shows_message_rationale_references_and_examples(site: Path):
    (site / "explained.yaml").write_text(
        """\
pack: ex
rules:
  - id: ex.cure
    type: phrase
    category: overclaim
    severity: error
    message: "'{match}' promises a cure."
    suggestion: Say that it may ease symptoms.
    rationale: No treatment for depression is a cure for everyone.
    references:
      - {title: A review of treatment response, pmid: "12345678"}
      - A plain reference title
    phrases: [cures depression]
    examples:
      flag: ["It cures depression."]
      pass: ["It does not cure depression."]
"""
    )
    r = invoke("explain", "ex.cure", "--rules", "explained.yaml")
    assert r.exit_code == 0
    for part in (
        "ex.cure  (phrase, overclaim, error)", "'{match}' promises a cure.", "Say that it may ease symptoms.",
        "No treatment for depression is a cure for everyone.",
        "A review of treatment response <https://pubmed.ncbi.nlm.nih.gov/12345678/>", "- A plain reference title",
        "Flagged:\n  - It cures depression.", "Not flagged:\n  - It does not cure depression.", "explained.yaml:3",
    ):
        assert part in r.stdout


def test_explain_names_the_rules_a_rule_replaces_and_is_replaced_by():
    r = invoke("explain", "factual.single-infusion-duration")
    assert r.exit_code == 0 and "Replaces, where their findings overlap: overclaim.durability" in r.stdout
    r = invoke("explain", "overclaim.durability")
    assert r.exit_code == 0 and "Replaced where they overlap by: factual.single-infusion-duration" in r.stdout


def test_explain_unknown_rule_suggests_a_close_one(site: Path):
    r = invoke("explain", "demo.forevr")
    assert r.exit_code == 2 and "did you mean demo.forever" in r.stderr


def test_version():
    r = invoke("--version")
    assert r.exit_code == 0 and r.stdout == f"ketalint {__version__}\n"


def test_python_dash_m(site: Path):
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-m", "ketalint", "check", "a.md"], capture_output=True, text=True)
    assert out.returncode == 1 and out.stdout.startswith("a.md:3:10: warning [demo.forever]")
