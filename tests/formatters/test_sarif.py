"""SARIF output: valid against the official 2.1.0 schema, with rules, regions, related locations
of a contradiction, fixes and line-independent fingerprints."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import jsonschema
import pytest

from ketalint.api import Report
from ketalint.files import Problem
from ketalint.finding import Finding, Fix, Location
from ketalint.formatters import get
from ketalint.packs import Rule
from ketalint.rules.base import Reference, RuleSpec

SCHEMA = Path(__file__).resolve().parent.parent / "data" / "sarif-schema-2.1.0.json"

SAYS = RuleSpec(
    id="demo.says-permanent",
    type="phrase",
    category="overclaim",
    severity="warning",
    message="'{match}' promises a permanent result. Results vary between patients.",
    suggestion="say that effects often fade",
    rationale="Effects of a single course often fade within weeks.",
    references=(Reference("A trial report", pmid="12345678"), Reference("A review", url="https://example.org/review")),
)
CONTRADICTS = RuleSpec(
    id="demo.session-count",
    type="claim",
    category="contradiction",
    severity="error",
    message="this article gives a different number of sessions than another one",
)


def _finding(path, line, rule, severity, match, **extra) -> Finding:
    loc = Location(path, line, 5, line, 5 + len(match), match)
    return Finding(loc, rule, "overclaim", severity, f"message about {match}", **extra)


def _report(findings, problems=()) -> Report:
    rules = [Rule(SAYS, None), Rule(CONTRADICTS, None)]
    return Report(findings, 2, list(problems), rules)


def _render(report, root=None) -> dict:
    return json.loads(get("sarif")(report, root=root))


@pytest.fixture
def contradiction() -> Finding:
    related = (Location("blog/other post.md", 7, 3, 7, 13, "six sessions"), Location("blog/third.md", 2, 1, 2, 10, "4 sessions"))
    return _finding("blog/first.md", 12, "demo.session-count", "error", "two sessions", related=related)


def _validate(log: dict) -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.Draft7Validator(schema, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)
    validator.validate(log)


def test_report_with_related_locations_fixes_and_problems_is_valid_sarif(contradiction):
    findings = [
        contradiction,
        _finding("blog/first.md", 3, "demo.says-permanent", "info", "permanently", fix=Fix(40, 51, "for a while")),
        _finding("blog/first.md", 4, "ketalint.unused-suppression", "info", ""),
    ]
    log = _render(_report(findings, [Problem("blog/bad.md", "warning", "invalid UTF-8 at byte 3")]))
    _validate(log)
    assert log["version"] == "2.1.0"


def test_an_invalid_log_is_rejected_by_the_schema(contradiction):
    log = _render(_report([contradiction]))
    log["runs"][0]["results"][0]["level"] = "fatal"
    with pytest.raises(jsonschema.ValidationError):
        _validate(log)


def test_rules_describe_the_packs_with_rationale_and_help_uri():
    rules = _render(_report([]))["runs"][0]["tool"]["driver"]["rules"]
    says, contradicts = rules
    assert says["id"] == "demo.says-permanent"
    assert says["shortDescription"] == {"text": "'…' promises a permanent result."}
    assert says["fullDescription"] == {"text": "'…' promises a permanent result. Results vary between patients."}
    assert says["help"]["text"] == (
        "Effects of a single course often fade within weeks.\n\n"
        "Suggested wording: say that effects often fade\n\n"
        "References:\n- A trial report <https://pubmed.ncbi.nlm.nih.gov/12345678/>\n- A review <https://example.org/review>"
    )
    assert says["helpUri"] == "https://pubmed.ncbi.nlm.nih.gov/12345678/"
    assert says["defaultConfiguration"] == {"level": "warning"}
    assert "helpUri" not in contradicts
    assert contradicts["help"]["text"] == "this article gives a different number of sessions than another one"


def test_result_has_rule_level_region_and_related_locations(contradiction):
    log = _render(_report([contradiction]))
    run = log["runs"][0]
    result = run["results"][0]
    assert result["ruleId"] == "demo.session-count"
    assert run["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == "demo.session-count"
    assert result["level"] == "error"
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "blog/first.md"}
    assert location["region"] == {"startLine": 12, "startColumn": 5, "endLine": 12, "endColumn": 17, "snippet": {"text": "two sessions"}}
    related = result["relatedLocations"]
    assert [r["id"] for r in related] == [1, 2]
    assert related[0]["physicalLocation"]["artifactLocation"] == {"uri": "blog/other%20post.md"}
    assert related[0]["physicalLocation"]["region"]["startLine"] == 7
    assert related[1]["message"] == {"text": "4 sessions"}


def test_levels_map_info_to_note():
    findings = [_finding("a.md", n, "demo.says-permanent", sev, "permanently") for n, sev in enumerate(("error", "warning", "info"), 1)]
    assert [r["level"] for r in _render(_report(findings))["runs"][0]["results"]] == ["error", "warning", "note"]


def test_fix_is_a_replacement_of_the_span():
    finding = _finding("a.md", 1, "demo.says-permanent", "warning", "permanently", fix=Fix(4, 15, "for a while"))
    fix = _render(_report([finding]))["runs"][0]["results"][0]["fixes"][0]
    replacement = fix["artifactChanges"][0]["replacements"][0]
    assert replacement == {"deletedRegion": {"charOffset": 4, "charLength": 11}, "insertedContent": {"text": "for a while"}}


def test_fingerprint_survives_lines_added_above(contradiction):
    moved = dataclasses.replace(contradiction, location=dataclasses.replace(contradiction.location, line=40, end_line=40))
    before = _render(_report([contradiction]))["runs"][0]["results"][0]["partialFingerprints"]
    after = _render(_report([moved]))["runs"][0]["results"][0]["partialFingerprints"]
    assert before == after
    assert list(before) == ["ketalint/v1"]


def test_absolute_paths_under_the_working_folder_become_relative(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    finding = _finding(str(tmp_path / "site" / "a.md"), 1, "demo.says-permanent", "warning", "permanently")
    location = _render(_report([finding]))["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "site/a.md"


def test_execution_fails_when_a_file_could_not_be_read():
    log = _render(_report([], [Problem("gone.md", "error", "cannot read file: No such file")]))
    invocation = log["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert invocation["toolExecutionNotifications"][0]["message"] == {"text": "cannot read file: No such file"}
