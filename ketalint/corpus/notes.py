"""Notes for statements the rest of the site contradicts, when the findings are not theirs.

When an article holds the side the sources support (or the side most of the site takes), every
statement elsewhere that says the opposite gets the finding. A writer committing that article
should not be shown, let alone blocked by, a hundred findings in other files: the article gets
one `info` note per rule, at the first such statement, counting what contradicts it and naming a
few representatives. The note counts the whole site, named or not, so it is the same however a
change is split into runs.
"""

from __future__ import annotations

from collections import Counter

from ketalint.corpus.conflicts import Conflict, representatives
from ketalint.corpus.statement import quoted
from ketalint.engine import prose
from ketalint.finding import Finding

NOTE_SEVERITY = "info"


def contradicted_notes(rule, conflicts: list[Conflict], named: set[str], severity_of):
    """One note per named file and rule, at the first of its statements that have no finding of
    their own but that statements of other files contradict."""
    against_list, by_file = _index(conflicts, named)
    groups: dict[tuple[int, ...], _Against] = {}
    for path, (statements, keys) in by_file.items():
        group = tuple(keys)
        against = groups.get(group)
        if against is None:
            against = groups[group] = _Against(_in_site_order([c for key in keys for c in against_list[key]]))
        summary = against.summary(rule, path)
        if summary is not None and severity_of(rule.id, path) is not None:
            yield _note(rule, statements, summary)


class _Against:
    """What contradicts a group of statements, summarised for each file that holds them; a file's
    own statements are left out of what contradicts it."""

    def __init__(self, against: list[Conflict]):
        self.against = against
        self.statements = [c.statement for c in against]
        self.per_path = Counter(s.path for s in self.statements)
        self.whole: tuple[str, tuple] | None = None

    def summary(self, rule, path: str) -> tuple[str, tuple] | None:
        own = self.per_path.get(path, 0)
        if not own:
            if self.whole is None:
                self.whole = _summary(rule, self.against, self.statements, len(self.statements), len(self.per_path))
            return self.whole
        if own == len(self.statements):
            return None
        first = next(c for c in self.against if c.statement.path != path)
        return _summary(rule, [first], self.statements, len(self.statements) - own, len(self.per_path) - 1, path)


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


def _summary(rule, against: list[Conflict], statements: list, count: int, files: int, leaving_out: str | None = None) -> tuple[str, tuple]:
    """(message, related locations) of a note on what contradicts a file: `count` statements of
    `statements` (those not in `leaving_out`) in `files` files; `against` starts with the first
    of their conflicts."""
    shown = representatives(statements, set(), counts=None if leaving_out is None else (lambda t: t.path != leaving_out), ordered=statements)
    first, more = shown[0], count - 1
    change = dict(against[0].values).get("change")
    label = rule.impl.label(first.side)
    what = f" (a copy {change})" if change else f" (they say: {label})" if label else ""
    message = (
        f"{_count(count, 'statement')} in {_count(files, 'other article')} "
        f"{'contradict' if more else 'contradicts'} this article{what}; the findings are theirs, this is a note: "
        f'{first.path}:{first.line} ("{prose(quoted(first))}"){f" and {more} more" if more else ""}.'
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
