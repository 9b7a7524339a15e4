"""The JSON report: a versioned, deterministic contract that other tools read."""

from __future__ import annotations

import json

from ketalint.finding import SEVERITIES


def summary(report) -> dict:
    by_severity = {s: 0 for s in reversed(SEVERITIES)}
    for finding in report.findings:
        by_severity[finding.severity] += 1
    out = {"files": report.files, "findings": len(report.findings), "by_severity": by_severity}
    if report.baselined:
        out["baselined"] = report.baselined
    return out


def render(report, **_options) -> str:
    payload = {
        "version": 1,
        "findings": [f.to_dict() for f in report.findings],
        "summary": summary(report),
    }
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"
