"""Notes for statements the rest of the site contradicts, when the findings are not theirs.

When an article holds the side the sources support (or the side most of the site takes), every
statement elsewhere that says the opposite gets the finding. A writer committing that article
should not be shown, let alone blocked by, a hundred findings in other files: the article gets
one `info` note per rule, at the first such statement, counting what contradicts it and naming a
few representatives. The note counts the whole site, named or not, so it is the same however a
change is split into runs.
"""

from __future__ import annotations

from ketalint.corpus.conflicts import Conflict, representatives
from ketalint.engine import collapse
from ketalint.finding import Finding

NOTE_SEVERITY = "info"


def contradicted_notes(rule, conflicts: list[Conflict], named: set[str], severity_of):
    """One note per named file and rule, at the first of its statements that have no finding of
    their own but that statements of other files contradict."""
    against_list, by_file = _index(conflicts, named)
    summaries: dict[tuple[int, ...], tuple] = {}
    for path, (statements, keys) in by_file.items():
        group = tuple(keys)
        if group not in summaries:
            against = _in_site_order([c for key in keys for c in against_list[key]])
            summaries[group] = (against, {c.statement.path for c in against}, _summary(rule, against))
        against, paths, summary = summaries[group]
        if path in paths:
            against = [c for c in against if c.statement.path != path]
            summary = _summary(rule, against) if against else None
        if summary is not None and severity_of(rule.id, path) is not None:
            yield _note(rule, statements, summary)


def _index(conflicts: list[Conflict], named: set[str]):
    """(counter list -> the conflicts that have it, named file -> (its statements that have no
    finding but are contradicted, their counter lists)); counter lists are keyed by identity, as
    the statements of one side share one."""
    located = {id(c.statement) for c in conflicts}
    against_list: dict[int, list] = {}
    by_file: dict[str, tuple[list, dict]] = {}
    for c in conflicts:
        key = id(c.counter)
        if key not in against_list:
            against_list[key] = []
            for t in c.counter:
                if t.path in named and id(t) not in located:
                    statements, keys = by_file.setdefault(t.path, ([], {}))
                    statements.append(t)
                    keys[key] = None  # an ordered set: a file meets many counter lists
        against_list[key].append(c)
    return against_list, by_file


def _in_site_order(against: list[Conflict]) -> list[Conflict]:
    """Each contradicting statement once, ordered by file and place."""
    seen: set[int] = set()
    out = []
    for c in sorted(against, key=lambda c: (c.statement.path, c.statement.start)):
        if id(c.statement) not in seen:
            seen.add(id(c.statement))
            out.append(c)
    return out


def _summary(rule, against: list[Conflict]) -> tuple[str, tuple]:
    """(message, related locations) of a note on what `against` says."""
    statements = [c.statement for c in against]
    shown = representatives(statements, set())
    first, more = shown[0], len(statements) - 1
    change = dict(against[0].values).get("change")
    label = rule.impl.label(first.side)
    what = f" (a copy {change})" if change else f" (they say: {label})" if label else ""
    message = (
        f"{_count(len(statements), 'statement')} in {_count(len({s.path for s in statements}), 'other article')} "
        f"{'contradict' if more else 'contradicts'} this article{what}; the findings are theirs, this is a note: "
        f'{first.path}:{first.line} ("{collapse(first.match)}"){f" and {more} more" if more else ""}.'
    )
    return message, tuple(s.location() for s in shown)


def _note(rule, statements: list, summary: tuple[str, tuple]) -> Finding:
    """At the file's first contradicted statement; the others are named in the message."""
    first = min(statements, key=lambda t: t.start)
    message, related = summary
    lines = sorted({t.line for t in statements} - {first.line})
    if lines:
        message += f" It also says this at line{'s' if len(lines) > 1 else ''} {', '.join(map(str, lines))}."
    return Finding(first.location(), rule.spec.id, rule.spec.category, NOTE_SEVERITY, message, None, related, None, first.start, first.end)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'s' if n != 1 else ''}"
