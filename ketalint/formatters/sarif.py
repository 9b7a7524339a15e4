"""SARIF 2.1.0, the format GitHub code scanning and other CI dashboards import.

Every loaded rule is described in `tool.driver.rules` (its rationale is the help text, its first
reference the help URI); each finding is a result with its region, the other places of a
contradiction as `relatedLocations`, a safe fix as `fixes`, and a line-independent
`partialFingerprints` entry (see `fingerprint`) so that dashboards track it across edits.
Columns count Unicode code points, as ketalint's do.
"""

from __future__ import annotations

import json
import re
from urllib.parse import quote

from ketalint import __version__
from ketalint.fingerprint import SARIF_KEY, fingerprints
from ketalint.formatters.paths import artifact_path

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
NOTIFICATION_LEVELS = {"error": "error", "warning": "warning", "note": "note"}
_PLACEHOLDER = re.compile(r"\{\w+\}")


def render(report, root=None, **_options) -> str:
    descriptors = rule_descriptors(report)
    index = {d["id"]: i for i, d in enumerate(descriptors)}
    results = [
        result(f, fingerprint, index[f.rule])
        for f, fingerprint in zip(report.findings, fingerprints(report.findings, root))
    ]
    run = {
        "tool": {"driver": {"name": "ketalint", "version": __version__, "semanticVersion": __version__, "rules": descriptors}},
        "invocations": [invocation(report)],
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    log = {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


def rule_descriptors(report) -> list[dict]:
    """The loaded rules, then any rule that reported without being loaded from a pack."""
    out = [descriptor(rule.spec) for rule in report.rules]
    known = {d["id"] for d in out}
    for f in report.findings:
        if f.rule not in known:
            known.add(f.rule)
            out.append({"id": f.rule, "shortDescription": {"text": f.rule}, "properties": {"tags": [f.category]}})
    return out


def descriptor(spec) -> dict:
    template = " ".join(_PLACEHOLDER.sub("…", spec.message).split())
    out = {
        "id": spec.id,
        "name": spec.id,
        "shortDescription": {"text": _first_sentence(template)},
        "fullDescription": {"text": template},
        "help": {"text": _help(spec, template)},
        "defaultConfiguration": {"level": LEVELS[spec.severity]},
        "properties": {"tags": [spec.category], "category": spec.category},
    }
    links = [ref.link for ref in spec.references if ref.link]
    if links:
        out["helpUri"] = links[0]
    return out


def result(finding, fingerprint: str, rule_index: int) -> dict:
    loc = finding.location
    text = finding.message
    if finding.suggestion:
        text += f" Suggestion: {' '.join(finding.suggestion.split())}"
    out = {
        "ruleId": finding.rule,
        "ruleIndex": rule_index,
        "level": LEVELS[finding.severity],
        "message": {"text": text},
        "locations": [{"physicalLocation": physical_location(loc)}],
        "partialFingerprints": {SARIF_KEY: fingerprint},
    }
    if finding.related:
        out["relatedLocations"] = [
            {"id": i, "physicalLocation": physical_location(rel), "message": {"text": " ".join(rel.match.split()) or rel.path}}
            for i, rel in enumerate(finding.related, start=1)
        ]
    if finding.fix is not None:
        out["fixes"] = [sarif_fix(loc.path, finding.fix)]
    return out


def physical_location(loc) -> dict:
    region = {"startLine": loc.line, "startColumn": loc.column, "endLine": loc.end_line, "endColumn": loc.end_column}
    if loc.match:
        region["snippet"] = {"text": loc.match}
    return {"artifactLocation": {"uri": _uri(loc.path)}, "region": region}


def sarif_fix(path: str, fix) -> dict:
    return {
        "description": {"text": f"Replace with '{fix.replacement}'"},
        "artifactChanges": [{
            "artifactLocation": {"uri": _uri(path)},
            "replacements": [{
                "deletedRegion": {"charOffset": fix.start, "charLength": fix.end - fix.start},
                "insertedContent": {"text": fix.replacement},
            }],
        }],
    }


def invocation(report) -> dict:
    notes = [
        {
            "level": NOTIFICATION_LEVELS.get(p.level, "note"),
            "message": {"text": p.message},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(p.path)}}}],
        }
        for p in report.problems
    ]
    out: dict = {"executionSuccessful": not report.has_errors}
    if notes:
        out["toolExecutionNotifications"] = notes
    return out


def _help(spec, template: str) -> str:
    parts = [" ".join(spec.rationale.split()) if spec.rationale else template]
    if spec.suggestion:
        parts.append("Suggested wording: " + " ".join(_PLACEHOLDER.sub("…", spec.suggestion).split()))
    if spec.references:
        parts.append("References:\n" + "\n".join(
            f"- {ref.title}" + (f" <{ref.link}>" if ref.link else "") for ref in spec.references
        ))
    return "\n\n".join(parts)


def _first_sentence(text: str) -> str:
    match = re.match(r"(.+?[.!?])(?:\s|$)", text)
    return match.group(1) if match else text


def _uri(path: str) -> str:
    return quote(artifact_path(path), safe="/")
