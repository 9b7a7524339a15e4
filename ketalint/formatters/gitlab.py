"""GitLab Code Quality report: a JSON array of issues that the merge request widget shows.

Severities map to GitLab's scale as error → major, warning → minor, info → info. The
fingerprint is the one the baseline uses, so an issue keeps its identity across pushes.
"""

from __future__ import annotations

import json

from ketalint.fingerprint import fingerprints
from ketalint.formatters.paths import artifact_path

SEVERITIES = {"error": "major", "warning": "minor", "info": "info"}


def render(report, root=None, **_options) -> str:
    issues = [
        {
            "description": _description(f),
            "check_name": f.rule,
            "fingerprint": fingerprint,
            "severity": SEVERITIES[f.severity],
            "location": {
                "path": artifact_path(f.path),
                "lines": {"begin": f.location.line, "end": f.location.end_line},
            },
        }
        for f, fingerprint in zip(report.findings, fingerprints(report.findings, root))
    ]
    return json.dumps(issues, indent=2, ensure_ascii=False) + "\n"


def _description(finding) -> str:
    text = f"[{finding.rule}] {finding.message}"
    if finding.suggestion:
        text += f" Suggestion: {' '.join(finding.suggestion.split())}"
    return text
