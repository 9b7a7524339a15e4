"""Case-insensitive patterns run as case-sensitive ones over lower-cased text.

Python's regex engine gets no help from its literal checks for a case-insensitive pattern: every
character comparison folds case, and an alternation of words is tried branch by branch at every
position. The same pattern with its literals and character sets lower-cased, compiled without
IGNORECASE and run over `text.lower()`, matches at the same places (the program has the same
shape; only each comparison changes, to an equivalent one) and runs several times faster.

The two agree when lower-casing keeps every character in place (the lower-cased text has the
same length) and the text holds none of the characters that IGNORECASE folds beyond `lower()`
(the long s, the dotless i, a few Greek symbols: CPython's own case-fix table, and the capital
sigma; see `ketalint.casefix`). Callers check `foldable(text)` and otherwise use the original
pattern; a pattern that spells such a character is not folded. Patterns this module does not fully
understand (scoped case flags, wide ranges of cased characters) are not folded at all.

Each twin also comes as an ASCII program (`re.ASCII` classes): its `\\b`, `\\w`, `\\s` and `\\d`
are table look-ups where the Unicode ones call Python's character database, about a sixth of
the engine's time over rule patterns. The two read a text alike when none of its characters is
classed differently by the two (`ascii_classes`): ASCII is, but for four control characters
that only Unicode counts as whitespace, and so is a text whose other characters are dashes,
symbols and punctuation. The articles ketalint reads are mostly such text.
"""

from __future__ import annotations

import re

from ketalint.casefix import HAZARDS, hazard
from ketalint.sentencebound import bound
from ketalint.sre import constants as _c, parser as _p
from ketalint.startset import program

_MAX_RANGE = 512


def foldable(text: str, lowered: str) -> bool:
    """Whether a folded pattern over `lowered` matches exactly as the original over `text`."""
    if len(lowered) != len(text):
        return False
    if text.isascii():
        return True
    return HAZARDS is not None and HAZARDS.isdisjoint(text)


_UNICODE_ONLY_ASCII = "\x1c\x1d\x1e\x1f"  # whitespace to Unicode `\\s`, not to ASCII's
_BEYOND_ASCII = re.compile(r"[^\x00-\x7f]")


def ascii_classes(text: str) -> bool:
    """Whether the ASCII twin reads `text` as the Unicode one does: no character of it is a
    word character, whitespace or a digit to the one and not to the other."""
    if any(c in text for c in _UNICODE_ONLY_ASCII):
        return False
    return text.isascii() or not any(c.isalnum() or c.isspace() for c in set(_BEYOND_ASCII.findall(text)))


# (pattern, flags, ascii) -> the twin's program
_PROGRAMS: dict[tuple[str, int, bool], tuple | None] = {}
_OFFERED: dict[tuple[str, int, bool], tuple | None] = {}


def fold(pattern: str, flags: int, ascii: bool = False) -> re.Pattern | None:
    """The case-sensitive twin of an IGNORECASE pattern, for lower-cased text; None if unsure.
    `ascii`: the twin with ASCII classes, for text where `ascii_classes` holds."""
    program = folded_program(pattern, flags, ascii)
    if program is None:
        return None
    from ketalint.lazyregex import _from_program

    return _from_program(pattern, program)


def folded_program(pattern: str, flags: int, ascii: bool = False) -> tuple | None:
    """The twin's compiled program (see `ketalint.lazyregex`), remembered; a snapshot stores it."""
    key = (pattern, flags, ascii)
    if key not in _PROGRAMS:
        _PROGRAMS[key] = _OFFERED[key] if key in _OFFERED else _build_program(pattern, flags, ascii)
    return _PROGRAMS[key]


def offer_programs(table: dict[tuple[str, int, bool], tuple | None]) -> None:
    """Twins' programs of an earlier rule set, taken only for patterns folded while they are
    offered (see `ketalint.snapshot`); an empty table withdraws them."""
    _OFFERED.clear()
    _OFFERED.update(table)


def remember_programs(table: dict[tuple[str, int, bool], tuple | None]) -> None:
    _PROGRAMS.update(table)


def _build_program(pattern: str, flags: int, ascii: bool = False) -> tuple | None:
    if not flags & re.IGNORECASE:
        return None
    try:
        parsed = _p.parse(pattern, flags)
        if parsed.state.flags & (re.LOCALE | re.ASCII) or not _fold_items(parsed.data):
            return None
        bound(parsed)
        parsed.state.flags &= ~re.IGNORECASE
        flags &= ~re.IGNORECASE
        if ascii:  # the compiler picks each class's codes from these flags
            parsed.state.flags = parsed.state.flags & ~re.UNICODE | re.ASCII
            flags = flags & ~re.UNICODE | re.ASCII
        code = program(parsed, flags)
        return (flags | parsed.state.flags, code, parsed.state.groups - 1, dict(parsed.state.groupdict))
    except (re.error, RecursionError, TypeError, ValueError, AttributeError):
        return None


def _lower(code: int) -> int | None:
    """The code lower-cased; None for a character the twin cannot stand for (`casefix`)."""
    char = chr(code)
    return None if hazard(char) else ord(char.lower())


def _fold_items(items: list) -> bool:
    """Lower-case the literals of a parsed sequence in place; False when it cannot be folded."""
    for i, (op, arg) in enumerate(items):
        if op in (_c.LITERAL, _c.NOT_LITERAL):
            low = _lower(arg)
            if low is None:
                return False
            items[i] = (op, low)
        elif op is _c.IN:
            folded = _fold_set(arg)
            if folded is None:
                return False
            items[i] = (op, folded)
        elif not _fold_nested(op, arg):
            return False
    return True


def _fold_nested(op, arg) -> bool:
    if op is _c.SUBPATTERN:
        _, add_flags, del_flags, body = arg
        if (add_flags | del_flags) & (re.IGNORECASE | re.ASCII | re.LOCALE | re.UNICODE):
            return False  # a scoped class flag would also escape the ASCII twin's classes
        return _fold_items(body.data)
    if op is _c.BRANCH:
        return all(_fold_items(branch.data) for branch in arg[1])
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
        return _fold_items(arg[2].data)
    if op in (_c.ASSERT, _c.ASSERT_NOT):
        return _fold_items(arg[1].data)
    if op is getattr(_c, "ATOMIC_GROUP", None):
        return _fold_items(arg.data)
    if op is _c.GROUPREF_EXISTS:
        _, yes, no = arg
        return _fold_items(yes.data) and (no is None or _fold_items(no.data))
    return op in (_c.ANY, _c.AT, _c.GROUPREF, _c.CATEGORY)


def _fold_set(items: list) -> list | None:
    """A character set that holds the lower-cased form of each of its members as well."""
    out = list(items)
    for op, arg in items:
        if op is _c.LITERAL:
            low = _lower(arg)
            if low is None:
                return None
            if low != arg:
                out.append((_c.LITERAL, low))
        elif op is _c.RANGE:
            low, high = arg
            if high - low >= _MAX_RANGE:
                return None
            for c in range(low, high + 1):
                folded = _lower(c)
                if folded is None:
                    return None
                if folded != c:
                    out.append((_c.LITERAL, folded))
        elif op not in (_c.NEGATE, _c.CATEGORY):
            return None
    return out
