"""From statements to conflicts: who disagrees with whom, and which side gets the finding.

Statements about one thing (`key`) are bucketed by what they say of it (`side`); two sides
conflict unless the rule calls them compatible. Work is per key and per pair of sides, so a
site with many articles saying the same thing costs one bucket, not one comparison per pair.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from operator import attrgetter

from ketalint.corpus.statement import Statement
from ketalint.values import Frozen, set_field

REPRESENTATIVES = 3
by_place = attrgetter("path", "start")  # C-level sort key: counter lists run to thousands


class Conflict(Frozen):
    """A statement and every statement it conflicts with; `values` fill the rule's message.

    `without` and `overlapping` say what in `counter` does not count against this statement:
    the statements of one file, or (by id) those that overlap it. Counter lists are shared by
    every statement of a side, so what one statement leaves out is named here instead of
    copying the list for it."""

    __slots__ = ("statement", "counter", "values", "without", "overlapping")

    def __init__(
        self,
        statement: Statement,
        counter: list,
        values: tuple[tuple[str, str], ...] = (),
        without: str | None = None,
        overlapping: frozenset[int] = frozenset(),
    ):
        set_field(self, "statement", statement)
        set_field(self, "counter", counter)
        set_field(self, "values", values)
        set_field(self, "without", without)
        set_field(self, "overlapping", overlapping)

    def counts(self, t: Statement) -> bool:
        return t.path != self.without and id(t) not in self.overlapping

    def others(self) -> list:
        if self.without is None and not self.overlapping:
            return self.counter
        return [t for t in self.counter if self.counts(t)]


def by_key(statements: Iterable[Statement]) -> dict[str, dict[str, list[Statement]]]:
    """key -> side -> statements, in input order."""
    groups: dict[str, dict[str, list[Statement]]] = defaultdict(lambda: defaultdict(list))
    for s in statements:
        groups[s.key][s.side].append(s)
    return groups


def side_conflicts(
    sides: dict[str, list[Statement]],
    compatible: Callable[[str, str], bool],
    supported: Callable[[str], bool] = lambda side: False,
) -> Iterator[Conflict]:
    """Conflicts within one key.

    Who is reported: never a side the sources support; always a side that contradicts a
    supported one; otherwise the side that fewer articles take (both, on a tie) — a site that
    says X in nine articles and Y in one has one odd article, not ten problems.
    """
    names = list(sides)
    for side in names:
        if supported(side):
            continue
        against = [o for o in names if not compatible(side, o)]
        if not against:
            continue
        counter = [t for o in against for t in sides[o]]
        if not any(supported(o) for o in against):
            agreeing = {t.path for o in names if o not in against for t in sides[o]}
            if len(agreeing) > len({t.path for t in counter}):
                continue
        by_path: dict[str, list[Statement]] = defaultdict(list)
        for t in counter:
            by_path[t.path].append(t)
        for s in sides[side]:
            overlapping = frozenset(id(t) for t in by_path.get(s.path, ()) if t.overlaps(s))
            if len(overlapping) < len(counter):
                yield Conflict(s, counter, overlapping=overlapping)


def representatives(counter: list, preferred: set[int], limit: int = REPRESENTATIVES, counts=None, ordered: list | None = None) -> list:
    """Up to `limit` counter-statements (of those `counts` accepts): first those in `preferred`
    (ids), then as many files, then as many wordings as possible, each in file order. `ordered`:
    `counter` already sorted by place (shared by the many conflicts with one counter list)."""
    ordered = ordered if ordered is not None else sorted(counter, key=by_place)
    chosen: list = []
    files: set[str] = set()
    wordings: set[tuple[str, str]] = set()
    tests = (
        *((lambda t: id(t) in preferred and t.path not in files,) if preferred else ()),
        lambda t: t.path not in files,
        lambda t: (t.path, t.variant) not in wordings,
        lambda t: True,
    )
    for test in tests:
        for t in ordered:
            if len(chosen) == limit:
                return chosen
            if (counts is None or counts(t)) and test(t) and not any(t is c for c in chosen):
                chosen.append(t)
                files.add(t.path)
                wordings.add((t.path, t.variant))
    return chosen
