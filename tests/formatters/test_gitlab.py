"""GitLab Code Quality: the fields GitLab requires, the severity mapping, and the fingerprints."""

from __future__ import annotations

import json

from ketalint.api import Report
from ketalint.finding import Finding, Location
from ketalint.fingerprint import fingerprints
from ketalint.formatters.gitlab import render


def _finding(line, severity, match, rule="demo.x") -> Finding:
    return Finding(Location("blog/a.md", line, 3, line + 1, 2, match), rule, "overclaim", severity, "promises too much", suggestion="say it may help")


def test_issue_has_every_field_gitlab_requires():
    issue = json.loads(render(Report([_finding(4, "error", "cures")], 1, [], [])))[0]
    assert issue == {
        "description": "[demo.x] promises too much Suggestion: say it may help",
        "check_name": "demo.x",
        "fingerprint": fingerprints([_finding(4, "error", "cures")], None)[0],
        "severity": "major",
        "location": {"path": "blog/a.md", "lines": {"begin": 4, "end": 5}},
    }


def test_severities_map_to_gitlab_scale():
    findings = [_finding(n, sev, "cures") for n, sev in enumerate(("error", "warning", "info"), 1)]
    issues = json.loads(render(Report(findings, 1, [], [])))
    assert [i["severity"] for i in issues] == ["major", "minor", "info"]


def test_fingerprints_are_unique_for_repeated_matches():
    findings = [_finding(1, "error", "cures"), _finding(9, "error", "Cures")]
    issues = json.loads(render(Report(findings, 1, [], [])))
    assert len({i["fingerprint"] for i in issues}) == 2


def test_empty_report_is_an_empty_array():
    assert json.loads(render(Report([], 0, [], []))) == []
