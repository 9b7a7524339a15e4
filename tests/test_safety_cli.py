"""The safety and structure rules from the command line: every output format, and both ways of
switching them off (an inline comment and the config)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from ketalint.cli import cli
from ketalint.formatters import FORMATTERS

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "safety"


def run(*args: str):
    return CliRunner().invoke(cli, ["check", *args], catch_exceptions=False)


@pytest.fixture
def article(tmp_path):
    target = tmp_path / "article.md"
    shutil.copy(FIXTURES / "no_section.md", target)
    (tmp_path / ".ketalint.yaml").write_text("rules: {}\n", encoding="utf-8")
    return target


def rules_in(output: str) -> list[str]:
    return [f["rule"] for f in json.loads(output)["findings"]]


def test_json_report_has_the_missing_section_finding(article):
    result = run(str(article), "--format", "json", "--config", str(article.parent / ".ketalint.yaml"))
    assert result.exit_code == 1
    (found,) = [f for f in json.loads(result.output)["findings"] if f["rule"] == "safety.side-effects-section"]
    assert found["category"] == "missing-section"
    assert (found["line"], found["column"]) == (1, 3)
    assert '"side effects"' in found["message"]


def test_text_report_has_the_findings(article):
    result = run(str(article), "--no-color", "--config", str(article.parent / ".ketalint.yaml"))
    assert result.exit_code == 1
    assert "[safety.side-effects-section]" in result.output


def test_structure_findings_in_json():
    result = run(str(FIXTURES / "structure.txt"), "--format", "json")
    assert sorted(rules_in(result.output)) == ["style.empty-heading", "style.repeated-sentence"]


def test_inline_comment_disables_the_safety_pack(article):
    article.write_text("<!-- ketalint-disable safety -->\n" + article.read_text(encoding="utf-8"), encoding="utf-8")
    result = run(str(article), "--format", "json", "--config", str(article.parent / ".ketalint.yaml"))
    assert not [r for r in rules_in(result.output) if r.startswith("safety.")]


def test_config_turns_the_safety_pack_off(article):
    config = article.parent / ".ketalint.yaml"
    config.write_text("rules:\n  safety: off\n", encoding="utf-8")
    result = run(str(article), "--format", "json", "--config", str(config))
    assert not [r for r in rules_in(result.output) if r.startswith("safety.")]


def test_select_runs_only_the_chosen_rule():
    result = run(str(FIXTURES / "incomplete.md"), "--format", "json", "--select", "safety.side-effects-coverage")
    assert rules_in(result.output) == ["safety.side-effects-coverage"]


@pytest.mark.parametrize("fmt", sorted(FORMATTERS))
def test_every_output_format_carries_the_findings(fmt):
    result = run(str(FIXTURES / "no_section.txt"), str(FIXTURES / "structure.md"), "--format", fmt)
    assert result.exit_code == 1
    for rule in ("safety.side-effects-section", "style.empty-heading", "style.repeated-sentence"):
        assert rule in result.output
