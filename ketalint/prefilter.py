"""Cheap necessary conditions for regular expressions, so most rules skip most documents.

For a pattern we derive a set of literal strings such that every match contains at least one
of them (the idea behind trigram indexes and RE2's prefilter, on Python's own regex parse
tree). Testing `literal in text` is a memchr-speed substring search, far cheaper than running a
case-insensitive alternation that Python's regex engine must try at every position.
"""

from __future__ import annotations

import re

try:  # Python 3.11+
    from re import _constants as _c, _parser as _p
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _c
    import sre_parse as _p

_MIN_USEFUL = 3
_TRANSPARENT = {_c.AT}


def required_literals(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """Lower-cased literals one of which every match must contain; None when there is no such set."""
    try:
        parsed = _p.parse(pattern, flags)
    except re.error:
        return None
    found = _sequence(list(parsed))
    if not found or min(len(s) for s in found) < _MIN_USEFUL:
        return None
    return frozenset(s.lower() for s in found)


_KNOWN: dict[tuple[str, int], frozenset[str] | None] = {}


def literals_of(pattern: str, flags: int) -> frozenset[str] | None:
    """`required_literals`, remembered: parsing a pattern costs about as much as compiling it."""
    key = (pattern, flags)
    if key not in _KNOWN:
        _KNOWN[key] = required_literals(pattern, flags)
    return _KNOWN[key]


def known_literals() -> dict[tuple[str, int], frozenset[str] | None]:
    return dict(_KNOWN)


def remember_literals(table: dict[tuple[str, int], frozenset[str] | None]) -> None:
    """Seed the table from a rule-set snapshot (see `ketalint.snapshot`)."""
    _KNOWN.update(table)


def _sequence(items) -> set[str] | None:
    """The most selective factor set among the mandatory parts of a sequence."""
    candidates: list[set[str]] = []
    run: list[str] = []

    def close_run() -> None:
        if run:
            candidates.append({"".join(run)})
            run.clear()

    for op, arg in items:
        if op is _c.LITERAL:
            run.append(chr(arg))
            continue
        if op in _TRANSPARENT:
            continue
        close_run()
        inner = _item(op, arg)
        if inner:
            candidates.append(inner)
    close_run()
    return max(candidates, key=_selectivity, default=None)


def _item(op, arg) -> set[str] | None:
    if op is _c.SUBPATTERN:
        return _sequence(list(arg[-1]))
    if op is _c.BRANCH:
        union: set[str] = set()
        for branch in arg[1]:
            found = _sequence(list(branch))
            if not found:
                return None
            union |= found
        return union
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
        low, _, body = arg
        return _sequence(list(body)) if low >= 1 else None
    if op is getattr(_c, "ATOMIC_GROUP", None):
        return _sequence(list(arg))
    return None


def _selectivity(literals: set[str]) -> tuple[int, int]:
    """A set is as selective as its shortest member; fewer members break ties."""
    return min(len(s) for s in literals), -len(literals)


class Prefilter:
    """Answers "could this regex match this text?" from the text's lower-cased form."""

    __slots__ = ("literals",)

    def __init__(self, literals: frozenset[str] | None):
        self.literals = literals

    @classmethod
    def of(cls, regex: re.Pattern | None) -> "Prefilter":
        if regex is None:
            return cls(None)
        return cls(literals_of(regex.pattern, regex.flags))

    def may_match(self, lowered: str) -> bool:
        if self.literals is None:
            return True
        return any(literal in lowered for literal in self.literals)
