"""The corpus pass: every corpus rule over the statements of the whole site, as findings.

Which findings a run reports: those located in a file named on the command line. A finding
located in a file that is only context (the rest of the site, in corpus mode) is not reported;
when it contradicts a statement of a named file that has no finding of its own (the sources, or
most of the site, agree with it), that statement gets one `info` note instead, counting every
statement of the site that contradicts it. A writer committing one article thus sees what to fix
in it, and a bounded summary of what elsewhere disagrees with it. Notes are given in corpus mode
whether or not the other side was named, so what a named file gets never depends on which other
named files share the invocation, as when pre-commit splits a change across several runs.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from ketalint.corpus.conflicts import Conflict, by_place, representatives
from ketalint.corpus.notes import contradicted_notes
from ketalint.corpus.packed import SiteStatements
from ketalint.corpus.statement import quoted
from ketalint.engine import prose
from ketalint.files import relative_to_root
from ketalint.finding import Finding, severity_rank, shared_finding
from ketalint.selection import prefix_matches
from ketalint.suppress import UNUSED_RULE, regions


def regions_of(doc) -> list[tuple[int, int, tuple[str, ...], int]]:
    """A document's suppression regions as plain data: (first line, last line, rule ids, directive start)."""
    return [(r.first_line, r.last_line, tuple(r.directive.rules), r.directive.start) for r in regions(doc)] if doc.directives else []


def run(results, selection, config, site: bool = False) -> list[Finding]:
    """Corpus findings of a run, with notes when `site` (corpus mode: the site is larger than
    what was named); drops the unused-suppression notes of directives they prove used."""
    rules = [r for r in selection.rules if r.impl.CORPUS]
    named = {r.path for r in results if not r.context}
    severity_of = _Severities(selection, config)
    found: list[Finding] = []
    for rule in rules:
        statements = SiteStatements(r.statements.get(rule.id, ()) for r in results)
        if statements:
            conflicts = list(rule.impl.conflicts(statements))
            found.extend(_report(rule, conflicts, named, severity_of))
            if site:
                found.extend(contradicted_notes(rule, conflicts, named, severity_of))
    return _suppress(_dedupe(found), results)


def _report(rule, conflicts: list[Conflict], named: set[str], severity_of):
    located = {id(c.statement) for c in conflicts}
    # Statements of one side usually share one counter list: sorting it and choosing its
    # representatives once per list (and file left out of it) keeps a file that repeats a
    # contradiction thousands of times linear rather than quadratic.
    lists: dict[int, tuple[set[int], list, Counter]] = {}
    chosen: dict[tuple, list] = {}
    for c in conflicts:
        s = c.statement
        if s.path not in named:
            continue
        known = lists.get(id(c.counter))
        if known is None:
            involved = {id(t) for t in c.counter if t.path in named and id(t) not in located}
            known = lists[id(c.counter)] = (involved, sorted(c.counter, key=by_place), Counter(t.path for t in c.counter))
        involved, ordered, per_path = known
        left_out = (id(c.counter), c.without, c.overlapping)
        known = chosen.get(left_out)
        if known is None:
            related = representatives(c.counter, involved, counts=c.counts, ordered=ordered)
            # The findings that share representatives share their places too: one tuple,
            # which a report also writes out once (see `formatters.json.chunks`).
            known = chosen[left_out] = (related, tuple(t.location() for t in related))
        related, places = known
        severity = severity_of(rule.id, s.path)
        if severity is not None and related:
            yield corpus_finding(rule, severity, c, related, len(c.counter) - per_path[c.without] - len(c.overlapping), places)


def corpus_finding(rule, severity: str, conflict: Conflict, related: list, size: int | None = None,
                   places: tuple | None = None) -> Finding:
    """The finding at one side of a conflict, with representatives of the other side as
    `related`; `size`: how many statements the other side holds (all of `conflict.counter`);
    `places`: the locations of `related`, when the caller has them."""
    s, first, impl, spec = conflict.statement, related[0], rule.impl, rule.spec
    more = (len(conflict.counter) if size is None else size) - 1
    values = {
        "match": prose(quoted(s)),
        "side": impl.label(s.side),
        "other": prose(quoted(first)),
        "other_side": impl.label(first.side),
        "other_path": first.path,
        "other_line": str(first.line),
        "more": f" (and {more} more)" if more else "",
        **dict(conflict.values),
    }
    suggestion = fill(spec.suggestion.strip(), values) if spec.suggestion else None
    return shared_finding(
        s.location(),
        spec.id,
        spec.category,
        severity,
        fill(spec.message, values),
        suggestion,
        tuple(t.location() for t in related) if places is None else places,
        None,
        s.start,
        s.end,
    )


class _Leave(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def fill(template: str, values: dict) -> str:
    """A message template with its placeholders filled; unknown ones are left as written."""
    return template.format_map(_Leave(values))


class _Severities:
    """The severity of a rule for a file (None when it is off there), one selection per file."""

    def __init__(self, selection, config):
        self.selection, self.config, self.memo = selection, config, {}
        self.tables: dict[int, tuple[list, dict]] = {}  # one table per selection (files share them)

    def __call__(self, rule_id: str, path: str) -> str | None:
        table = self.memo.get(path)
        if table is None:
            pairs = self.selection.for_path(relative_to_root(path, self.config))
            known = self.tables.get(id(pairs))
            if known is None or known[0] is not pairs:
                known = self.tables[id(pairs)] = (pairs, {rule.id: severity for rule, severity in pairs})
            table = self.memo[path] = known[1]
        return table.get(rule_id)


def _dedupe(findings: list[Finding]) -> list[Finding]:
    """One finding per conflict: when two rules found the same pair of places, the more severe
    one is kept (a declared axis, with its evidence, over a generic check), else the first."""
    kept: list[Finding] = []
    by_path: dict[str, list[Finding]] = defaultdict(list)
    for f in sorted(findings, key=lambda f: -severity_rank(f.severity)):
        if not any(_same_conflict(f, g) for g in by_path[f.path]):
            by_path[f.path].append(f)
            kept.append(f)
    return kept


def _same_conflict(a: Finding, b: Finding) -> bool:
    if not (a.start < b.end and b.start < a.end):
        return False
    places = {(r.path, r.line) for r in b.related}
    return any((r.path, r.line) in places for r in a.related)


def _suppress(findings: list[Finding], results) -> list[Finding]:
    """Inline suppression in the file where a corpus finding is located."""
    files = {r.path: r for r in results}
    kept, used = [], defaultdict(set)
    for f in findings:
        result = files.get(f.path)
        region = _covering(result.suppressions, f) if result is not None else None
        if region is None:
            kept.append(f)
        else:
            used[f.path].add(region[3])
    for path, starts in used.items():
        result = files[path]
        result.findings = [g for g in result.findings if not (g.rule == UNUSED_RULE and g.start in starts)]
    return kept


def _covering(suppressions, finding: Finding):
    line = finding.location.line
    for region in suppressions:
        first, last, ids, _ = region
        if first <= line <= last and (not ids or any(prefix_matches(finding.rule, i) for i in ids)):
            return region
    return None
