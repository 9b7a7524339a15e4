"""The JSON report: a versioned, deterministic contract that other tools read."""

from __future__ import annotations

import json
from collections.abc import Iterator

from ketalint.finding import SEVERITIES


def summary(report) -> dict:
    by_severity = {s: 0 for s in reversed(SEVERITIES)}
    for finding in report.findings:
        by_severity[finding.severity] += 1
    out = {"files": report.files, "findings": len(report.findings), "by_severity": by_severity}
    if report.baselined:
        out["baselined"] = report.baselined
    return out


def render(report, **options) -> str:
    return "".join(chunks(report, **options))


def chunks(report, **_options) -> Iterator[str]:
    """The report in pieces of a few hundred findings, one finding per line, so that a report
    of a large site is never held whole in memory. `json.dumps` with `indent` runs the
    pure-Python encoder, which took longer than linting on a warm run over a large site; each
    finding is written by `encoded_finding` and the lines are laid out here."""
    findings = report.findings
    if not findings:
        yield '{\n  "version": 1,\n  "findings": [],\n'
    else:
        yield '{\n  "version": 1,\n  "findings": [\n'
        written: dict[int, str] = {}
        for at in range(0, len(findings), _PER_CHUNK):
            lines = ",\n".join("    " + encoded_finding(f, written) for f in findings[at:at + _PER_CHUNK])
            yield lines + (",\n" if at + _PER_CHUNK < len(findings) else "\n  ],\n")
    totals = json.dumps(summary(report), indent=2, ensure_ascii=False).replace("\n", "\n  ")
    yield f'  "summary": {totals}\n}}\n'


_PER_CHUNK = 500


def encoded_finding(finding, written: dict[int, str] | None = None) -> str:
    """`json.dumps(finding.to_dict(), ensure_ascii=False)`, written field by field: building a
    dict per finding and walking it took twice as long, and a site's report holds tens of
    thousands. The strings are escaped by the encoder's own function.

    `written`: the related places already written, by the identity of their tuple, which the
    findings of one contradiction share (a site's report wrote some 21,000 places, 1,460 of
    them distinct); the caller keeps the findings, and so those ids, alive meanwhile."""
    loc = finding.location
    suggestion = finding.suggestion
    related = finding.related
    if not related:
        places = ""
    elif written is None:
        places = ", ".join(map(_encoded_location, related))
    else:
        places = written.get(id(related))
        if places is None:
            places = written[id(related)] = ", ".join(map(_encoded_location, related))
    return (
        f'{{"path": {_quoted(loc.path)}, "line": {loc.line}, "column": {loc.column}, "end_line": {loc.end_line}, '
        f'"end_column": {loc.end_column}, "rule": {_quoted(finding.rule)}, "category": {_quoted(finding.category)}, '
        f'"severity": {_quoted(finding.severity)}, "message": {_quoted(finding.message)}, "match": {_quoted(loc.match)}, '
        f'"suggestion": {"null" if suggestion is None else _quoted(suggestion)}, '
        f'"related": [{places}]}}'
    )


def _encoded_location(loc) -> str:
    return (
        f'{{"path": {_quoted(loc.path)}, "line": {loc.line}, "column": {loc.column}, "end_line": {loc.end_line}, '
        f'"end_column": {loc.end_column}, "match": {_quoted(loc.match)}}}'
    )


_quoted = json.encoder.encode_basestring  # what the encoder uses with ensure_ascii=False
