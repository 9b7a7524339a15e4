"""One identity for a finding, shared by the baseline, SARIF `partialFingerprints` and GitLab.

A finding's line moves whenever text is added above it, so the identity leaves the line out: it
is the rule, the file (relative to the configuration's folder, in `/` form), the matched text
normalised (case-folded, whitespace collapsed, typographic quotes folded) and which occurrence
of that same (rule, file, text) it is, counted in document order. Rewording the match or
moving it to another file makes it a new finding, which is what a baseline should notice.
"""

from __future__ import annotations

import hashlib
import os
from collections import Counter
from pathlib import Path

from ketalint.document import TYPOGRAPHY_FOLD
from ketalint.finding import Finding

SARIF_KEY = "ketalint/v1"


def normalise_match(text: str) -> str:
    return " ".join(text.translate(TYPOGRAPHY_FOLD).casefold().split())


def root_relative(path: str, root: Path | None) -> str:
    """`path` relative to `root` in `/` form; as given (in `/` form) when outside it."""
    if root is not None:
        try:
            return Path(os.path.abspath(path)).relative_to(root).as_posix()
        except ValueError:
            pass
    return Path(path).as_posix()


def identities(findings: list[Finding], root: Path | None) -> list[tuple[str, str, str, int]]:
    """(rule, path, normalised match, occurrence) for each finding, in the order given."""
    keys = [(f.rule, root_relative(f.path, root), normalise_match(f.match)) for f in findings]
    occurrences = [0] * len(findings)
    seen: Counter = Counter()
    for i in sorted(range(len(findings)), key=lambda i: _document_order(findings[i])):
        seen[keys[i]] += 1
        occurrences[i] = seen[keys[i]]
    return [(*key, n) for key, n in zip(keys, occurrences)]


def fingerprint_of(identity: tuple[str, str, str, int]) -> str:
    rule, path, match, occurrence = identity
    payload = "\x00".join((rule, path, match, str(occurrence))).encode("utf-8")
    return hashlib.blake2b(payload, digest_size=16).hexdigest()


def fingerprints(findings: list[Finding], root: Path | None) -> list[str]:
    """The fingerprint of each finding, in the order given."""
    return [fingerprint_of(identity) for identity in identities(findings, root)]


def _document_order(f: Finding) -> tuple:
    loc = f.location
    return (loc.path, loc.line, loc.column, loc.end_line, loc.end_column, f.rule, f.message)
