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
    finding is encoded by the C encoder and the lines are laid out here."""
    encode = _finding_encoder()
    findings = report.findings
    if not findings:
        yield '{\n  "version": 1,\n  "findings": [],\n'
    else:
        yield '{\n  "version": 1,\n  "findings": [\n'
        for at in range(0, len(findings), _PER_CHUNK):
            lines = ",\n".join("    " + encode(f.to_dict()) for f in findings[at:at + _PER_CHUNK])
            yield lines + (",\n" if at + _PER_CHUNK < len(findings) else "\n  ],\n")
    totals = json.dumps(summary(report), indent=2, ensure_ascii=False).replace("\n", "\n  ")
    yield f'  "summary": {totals}\n}}\n'


_PER_CHUNK = 500


def _finding_encoder():
    """`json.JSONEncoder(ensure_ascii=False).encode`, without setting up the C encoder again for
    each of a report's thousands of findings (what `encode` does on every call)."""
    from json.encoder import c_make_encoder, encode_basestring

    encoder = json.JSONEncoder(ensure_ascii=False)
    if c_make_encoder is None:  # pragma: no cover - an interpreter without the C encoder
        return encoder.encode
    make = c_make_encoder(
        {}, encoder.default, encode_basestring, None, encoder.key_separator, encoder.item_separator, False, False, True
    )
    return lambda value: "".join(make(value, 0))
