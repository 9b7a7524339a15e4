"""From statements to conflicts: who disagrees with whom, and which side gets the finding.

Statements about one thing (`key`) are bucketed by what they say of it (`side`); two sides
conflict unless the rule calls them compatible. Work is per key and per pair of sides, so a
site with many articles saying the same thing costs one bucket, not one comparison per pair.
"""

from __future__ import annotations

from collections import defaultdict
from operator import attrgetter
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator

from ketalint.corpus.statement import Statement

REPRESENTATIVES = 3
_place = attrgetter("path", "start")  # C-level sort key: counter lists run to thousands


@dataclass(frozen=True, slots=True)
class Conflict:
    """A statement and every statement it conflicts with; `values` fill the rule's message."""

    statement: Statement
    counter: list
    values: tuple[tuple[str, str], ...] = ()


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
            others = _without_overlap(s, counter, by_path.get(s.path, ()))
            if others:
                yield Conflict(s, others)


def _without_overlap(s: Statement, counter: list, same_file) -> list:
    """A sentence that says both things is not its own counter-statement. `same_file`: the
    counter-statements in the statement's own file (looked up once, so that many statements
    against one long counter list stay linear)."""
    dropped = {id(t) for t in same_file if t.overlaps(s)}
    if not dropped:
        return counter
    return [t for t in counter if id(t) not in dropped]


def representatives(counter: list, preferred: set[int], limit: int = REPRESENTATIVES) -> list:
    """Up to `limit` counter-statements: first those in `preferred` (ids), then as many files,
    then as many wordings as possible, each in file order."""
    ordered = sorted(counter, key=_place)
    chosen: list = []
    files: set[str] = set()
    wordings: set[tuple[str, str]] = set()
    tests = (
        lambda t: id(t) in preferred and t.path not in files,
        lambda t: t.path not in files,
        lambda t: (t.path, t.variant) not in wordings,
        lambda t: True,
    )
    for test in tests:
        for t in ordered:
            if len(chosen) == limit:
                return chosen
            if test(t) and not any(t is c for c in chosen):
                chosen.append(t)
                files.add(t.path)
                wordings.add((t.path, t.variant))
    return chosen
