"""Regular expressions compiled on first use, one object per distinct pattern.

A rule pack holds hundreds of patterns and a pre-commit run on one article needs only those
whose required literals occur in it (see `ketalint.prefilter`), so compiling the rest would be
most of start-up. Rule files read from YAML are still validated eagerly (`eager()`), so a bad
regex is reported at load time with its file and line; only a rule set that was validated
before (a snapshot) is loaded lazily.

A snapshot may also carry each pattern's compiled program (`export_program`; its code a list,
an array, or the raw bytes of one, in memory or mapped from a file): CPython builds a pattern
from that program with `_sre.compile`, which validates it, in microseconds instead of the
milliseconds that parsing and compiling take. Any failure falls back to `re.compile`.
"""

from __future__ import annotations

import re
import sys
from contextlib import contextmanager

_INTERNED: dict[tuple[str, int], "LazyPattern"] = {}
_OFFERED: dict[tuple[str, int], tuple] = {}
_eager = False


class LazyPattern:
    """Stands in for `re.Pattern`: `pattern` and `flags` at once, everything else after compiling."""

    # The methods rules call per sentence are slots filled when the pattern is compiled: a
    # lookup that falls through to `__getattr__` is a Python call, made tens of times an article.
    __slots__ = ("pattern", "flags", "_compiled", "program", "search", "finditer", "match")

    def __init__(self, pattern: str, flags: int):
        self.pattern = pattern
        self.flags = flags
        self._compiled: re.Pattern | None = None
        self.program: tuple | None = None

    def compiled(self) -> re.Pattern:
        if self._compiled is None:
            compiled = _from_program(self.pattern, self.program) if self.program else None
            if compiled is None:
                compiled = self._compile_keeping_program()
            if compiled is None:
                compiled = re.compile(self.pattern, self.flags)
            self._compiled = compiled
            self.search, self.finditer, self.match = compiled.search, compiled.finditer, compiled.match
        return self._compiled

    def _compile_keeping_program(self) -> re.Pattern | None:
        """Compile as `re` does (parse, then generate code), keeping the program, so that a
        snapshot of a rule file just validated need not parse every pattern a second time.
        None when that fails: `re.compile` then compiles, or raises its own error."""
        program = _program_of(self.pattern, self.flags)
        compiled = _from_program(self.pattern, program) if program is not None else None
        if compiled is not None:
            self.program = program
        return compiled

    def __getattr__(self, name: str):
        return getattr(self.compiled(), name)

    def __repr__(self) -> str:
        return f"lazy({self.pattern!r}, {self.flags})"


def lazy(pattern: str, flags: int = 0) -> LazyPattern:
    """The shared LazyPattern for `pattern`; compiled now inside `eager()` (raising re.error)."""
    key = (pattern, flags)
    found = _INTERNED.get(key)
    if found is None:
        found = _INTERNED[key] = LazyPattern(pattern, flags)
        found.program = _OFFERED.get(key)
    if _eager:
        try:
            found.compiled()
        except re.error:
            del _INTERNED[key]
            raise
    return found


def interned() -> list[LazyPattern]:
    return list(_INTERNED.values())


@contextmanager
def eager():
    """Compile every pattern made inside the block at once, so errors surface there."""
    global _eager
    before, _eager = _eager, True
    try:
        yield
    finally:
        _eager = before


def program_format() -> str:
    """What a stored program depends on: the interpreter and its regex engine."""
    import _sre

    return f"{sys.implementation.name}-{sys.version_info[:2]}-{_sre.MAGIC}-{_sre.CODESIZE}"


def export_program(pattern: LazyPattern) -> tuple | None:
    """(flags, code, groups, groupindex) of a pattern, for a snapshot; None where unavailable."""
    if pattern.program is not None:
        return pattern.program
    return _program_of(pattern.pattern, pattern.flags)


def _program_of(pattern: str, flags: int) -> tuple | None:
    try:
        from ketalint.sentencebound import bound
        from ketalint.sre import compiler, parser
        from ketalint.startset import boundaries_first

        parsed = parser.parse(pattern, flags)
        bound(parsed)
        boundaries_first(parsed)
        code = compiler._code(parsed, flags)
        return (flags | parsed.state.flags, code, parsed.state.groups - 1, dict(parsed.state.groupdict))
    except Exception:  # noqa: BLE001 - an interpreter without these internals just compiles
        return None


def _from_program(pattern: str, program: tuple) -> re.Pattern | None:
    try:
        import _sre

        flags, code, groups, groupindex = program
        if isinstance(code, (bytes, memoryview)):  # as a snapshot stores it (see `ketalint.snapshot`)
            code = memoryview(code).cast("I")
        indexgroup = [None] * (groups + 1)
        for name, index in groupindex.items():
            indexgroup[index] = name
        return _sre.compile(pattern, flags, list(code), groups, groupindex, tuple(indexgroup))
    except Exception:  # noqa: BLE001 - a stale or foreign program: compile instead
        return None


def offer_programs(table: dict[tuple[str, int], tuple]) -> None:
    """Programs of an earlier rule set, taken by the patterns `lazy` makes while they are offered
    (see `ketalint.snapshot`); an empty table withdraws them. A program is only ever taken by
    the pattern and flags it was made from."""
    _OFFERED.clear()
    _OFFERED.update(table)


def seed_program(pattern: str, flags: int, program: tuple) -> None:
    """Attach a stored program to the shared LazyPattern for (pattern, flags)."""
    key = (pattern, flags)
    found = _INTERNED.get(key)
    if found is None:
        found = _INTERNED[key] = LazyPattern(pattern, flags)
    if found._compiled is None:
        found.program = program
