"""The baseline: findings a site accepted when it adopted ketalint, so only new ones are reported.

The file is JSON with a `version` and one entry per finding; entries are matched by fingerprint
(see `fingerprint`), so a finding stays baselined when lines are added above it. Rewriting the
baseline records only today's findings, so the ones fixed since drop out.
"""

from __future__ import annotations

import json
from pathlib import Path

from ketalint.errors import KetalintError
from ketalint.fingerprint import fingerprint_of, identities

VERSION = 1


class BaselineError(KetalintError):
    """A baseline file that cannot be read or is not a ketalint baseline."""


def render_baseline(findings: list, root: Path | None) -> str:
    """The baseline file's text for these findings (sorted, so that rewrites diff cleanly)."""
    entries = [
        {"rule": rule, "path": path, "match": match, "occurrence": occurrence,
         "fingerprint": fingerprint_of((rule, path, match, occurrence))}
        for rule, path, match, occurrence in identities(findings, root)
    ]
    entries.sort(key=lambda e: (e["path"], e["rule"], e["match"], e["occurrence"]))
    payload = {"version": VERSION, "findings": entries}
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"


def write_baseline(path: Path, findings: list, root: Path | None) -> None:
    try:
        path.write_text(render_baseline(findings, root), encoding="utf-8")
    except OSError as exc:
        raise BaselineError(f"cannot write baseline: {exc.strerror or exc}", str(path)) from None


def read_baseline(path: Path) -> set[str]:
    """The fingerprints recorded in a baseline file."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise BaselineError(f"cannot read baseline: {exc.strerror or exc}", str(path)) from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BaselineError(f"not a valid baseline (invalid JSON: {exc})", str(path)) from None
    if not isinstance(data, dict) or data.get("version") != VERSION:
        raise BaselineError(f"not a ketalint baseline (expected an object with \"version\": {VERSION})", str(path))
    entries = data.get("findings")
    if not isinstance(entries, list) or not all(
        isinstance(e, dict) and isinstance(e.get("fingerprint"), str) for e in entries
    ):
        raise BaselineError("not a valid baseline ('findings' must be a list of entries with a 'fingerprint')", str(path))
    return {e["fingerprint"] for e in entries}


def apply_baseline(report, known: set[str], root: Path | None):
    """The report without the findings recorded in the baseline; `baselined` counts them."""
    from ketalint.api import Report

    kept = [
        finding
        for finding, identity in zip(report.findings, identities(report.findings, root))
        if fingerprint_of(identity) not in known
    ]
    dropped = len(report.findings) - len(kept)
    return Report(kept, report.files, report.problems, report.rules, report.baselined + dropped, report.texts)
