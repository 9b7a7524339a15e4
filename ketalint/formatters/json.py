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
    """One finding per line. `json.dumps` with `indent` runs the pure-Python encoder, which took
    longer than linting on a warm run over a large site; each finding is encoded by the C encoder
    and the lines are laid out here."""
    encode = json.JSONEncoder(ensure_ascii=False).encode
    findings = ",\n    ".join(encode(f.to_dict()) for f in report.findings)
    findings = f"[\n    {findings}\n  ]" if findings else "[]"
    totals = json.dumps(summary(report), indent=2, ensure_ascii=False).replace("\n", "\n  ")
    return f'{{\n  "version": 1,\n  "findings": {findings},\n  "summary": {totals}\n}}\n'
