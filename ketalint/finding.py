"""The values every stage passes along: severities, locations, fixes and findings."""

from __future__ import annotations

import sys

from ketalint.deferred import import_deferring

# `inspect` (with `ast`, `dis` and `tokenize`) cost a one-article run about 4 ms, a fourteenth
# of it; `dataclasses` reads it only to write a signature into a class without a docstring.
_dataclasses = import_deferring("dataclasses", "inspect")
dataclass, field = _dataclasses.dataclass, _dataclasses.field

SEVERITIES = ("info", "warning", "error")
CATEGORIES = (
    "overclaim",
    "factual",
    "unhedged",
    "contradiction",
    "missing-section",
    "incomplete-section",
    "consistency",
    "style",
)


def severity_rank(severity: str) -> int:
    """Order severities so that `--fail-on` can compare them."""
    return SEVERITIES.index(severity)


@dataclass(frozen=True, slots=True)
class Location:
    """A span of one file: 1-based line and column, end column exclusive, columns in characters."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    match: str = ""

    def __reduce__(self):
        """Rebuilt by a function when it arrives from a worker: a frozen slotted dataclass's
        own unpickling looks up its fields anew for every object, and a site's results hold
        tens of thousands of locations (a file's results: 51 to 43 µs to read back, 36 to 28 µs
        to send)."""
        return located, (self.path, self.line, self.column, self.end_line, self.end_column, self.match)

    def to_dict(self) -> dict[str, object]:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "match": self.match,
        }


@dataclass(frozen=True, slots=True)
class Fix:
    """Replace the characters [start, end) of the file's decoded text with `replacement`."""

    start: int
    end: int
    replacement: str

    def __reduce__(self):
        return Fix, (self.start, self.end, self.replacement)


@dataclass(frozen=True, slots=True)
class Finding:
    """One reported problem. The rule type finds it; the engine stamps rule, category and severity."""

    location: Location
    rule: str
    category: str
    severity: str
    message: str
    suggestion: str | None = None
    related: tuple[Location, ...] = ()
    fix: Fix | None = None
    start: int = field(default=0, compare=False)
    end: int = field(default=0, compare=False)

    def __reduce__(self):
        """Sent from worker processes by the ten thousand: rebuilt on arrival with the texts a
        rule repeats in every finding (its id, category, severity, message, suggestion) shared."""
        return (shared_finding, (self.location, self.rule, self.category, self.severity, self.message, self.suggestion, self.related, self.fix, self.start, self.end))

    @property
    def path(self) -> str:
        return self.location.path

    @property
    def match(self) -> str:
        return self.location.match

    def sort_key(self) -> tuple:
        loc = self.location
        return (loc.path, loc.line, loc.column, self.rule, loc.end_line, loc.end_column, self.message)

    def to_dict(self) -> dict[str, object]:
        """The JSON report's finding object (the contract `score.py` reads)."""
        loc = self.location
        return {
            "path": loc.path,
            "line": loc.line,
            "column": loc.column,
            "end_line": loc.end_line,
            "end_column": loc.end_column,
            "rule": self.rule,
            "category": self.category,
            "severity": self.severity,
            "message": self.message,
            "match": loc.match,
            "suggestion": self.suggestion,
            "related": [r.to_dict() for r in self.related],
        }


def shared_finding(location, rule, category, severity, message, suggestion, related=(), fix=None, start=0, end=0) -> Finding:
    """A finding whose texts are the process's one copy of each (`sys.intern`).

    A site's findings repeat a few texts: on a 5,000-article site, 32,000 findings held 102
    distinct messages and 36 suggestions, but each arrived from a worker or the cache as a
    string of its own, 11 MB of copies. A message filled with its match is kept once too."""
    intern = sys.intern
    suggestion = intern(suggestion) if suggestion is not None else None
    return Finding(location, intern(rule), intern(category), intern(severity), intern(message), suggestion, related, fix, start, end)


def located(path: str, line: int, column: int, end_line: int, end_column: int, match: str = "") -> Location:
    """A location whose matched text is the process's one copy of it: a site repeats the
    phrases its rules match (3,100 distinct among 32,000 findings on a 5,000-article site)."""
    return Location(path, line, column, end_line, end_column, sys.intern(match))
