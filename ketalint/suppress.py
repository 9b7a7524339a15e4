"""Inline suppression: `<!-- ketalint-disable ids -->` … `<!-- ketalint-enable ids -->`,
`<!-- ketalint-disable-next-line ids -->` and `<!-- ketalint-disable-file ids -->`.

Ids match whole dotted prefixes and no ids means every rule. A directive that suppressed
nothing is reported itself (rule `ketalint.unused-suppression`, info) so stale ones get removed.
"""

from __future__ import annotations

from ketalint.document.model import Directive, Document
from ketalint.finding import Finding, Location
from ketalint.selection import prefix_matches

UNUSED_RULE = "ketalint.unused-suppression"


class _Region:
    __slots__ = ("directive", "first_line", "last_line", "used")

    def __init__(self, directive: Directive, first_line: int, last_line: int, used: bool = False):
        self.directive = directive
        self.first_line = first_line
        self.last_line = last_line
        self.used = used

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return (self.directive, self.first_line, self.last_line, self.used) == (other.directive, other.first_line, other.last_line, other.used)

    __hash__ = None  # type: ignore[assignment]

    def covers(self, rule: str, line: int) -> bool:
        if not self.first_line <= line <= self.last_line:
            return False
        ids = self.directive.rules
        return not ids or any(prefix_matches(rule, i) for i in ids)


def regions(doc: Document) -> list[_Region]:
    """The line ranges each directive of a document covers."""
    last = len(doc.source.line_starts)
    out: list[_Region] = []
    open_regions: list[_Region] = []
    for d in doc.directives:
        if d.kind == "disable-file":
            out.append(_Region(d, 1, last))
        elif d.kind == "disable-next-line":
            target = _next_content_line(doc, d)
            out.append(_Region(d, target, target))
        elif d.kind == "disable":
            region = _Region(d, d.line, last)
            open_regions.append(region)
            out.append(region)
        elif d.kind == "enable":
            for region in list(open_regions):
                if not d.rules or set(region.directive.rules) <= set(d.rules) and region.directive.rules:
                    region.last_line = d.line
                    open_regions.remove(region)
    return out


def _next_content_line(doc: Document, d: Directive) -> int:
    line = doc.source.line_col(d.end)[0]
    total = len(doc.source.line_starts)
    after_comment = doc.text[d.end:doc.source.line_starts[line] - 1 if line < total else len(doc.text)]
    if after_comment.strip():
        return line
    for candidate in range(line + 1, total + 1):
        if doc.source.line_text(candidate).strip():
            return candidate
    return line + 1


def apply(doc: Document, findings: list[Finding], ran: set[str]) -> list[Finding]:
    """Findings not suppressed, plus one info finding per directive that suppressed nothing.

    A directive naming only rules that did not run this time (`--select`, config) is not
    called unused: it may well be needed by a full run.
    """
    if not doc.directives:
        return findings
    active = regions(doc)
    kept = [f for f in _sweep(findings, active) if f is not None]
    for region in active:
        ids = region.directive.rules
        if region.used or (ids and not any(any(prefix_matches(r, i) for r in ran) for i in ids)):
            continue
        kept.append(_unused(doc, region.directive))
    return kept


def _sweep(findings: list[Finding], all_regions: list[_Region]):
    """Each finding, or None where a region covers it (marking the region used).

    Findings and regions are visited in line order and only the regions open at a finding's line
    are tested, so a file with thousands of directives and findings stays linear.
    """
    by_start = sorted(all_regions, key=lambda r: r.first_line)
    order = sorted(range(len(findings)), key=lambda i: findings[i].location.line)
    out: list[Finding | None] = list(findings)
    open_now: list[_Region] = []
    next_region = 0
    for i in order:
        line = findings[i].location.line
        while next_region < len(by_start) and by_start[next_region].first_line <= line:
            open_now.append(by_start[next_region])
            next_region += 1
        open_now = [r for r in open_now if r.last_line >= line]
        covering = [r for r in open_now if r.covers(findings[i].rule, line)]
        for region in covering:
            region.used = True
        if covering:
            out[i] = None
    return out


def _unused(doc: Document, d: Directive) -> Finding:
    line, col, end_line, end_col = doc.source.span_position(d.start, d.end)
    text = doc.text[d.start:d.end]
    what = " ".join(d.rules) if d.rules else "all rules"
    return Finding(
        Location(doc.path, line, col, end_line, end_col, text),
        UNUSED_RULE,
        "style",
        "info",
        f"this ketalint-{d.kind} comment ({what}) suppressed nothing; remove it",
        start=d.start,
        end=d.end,
    )
