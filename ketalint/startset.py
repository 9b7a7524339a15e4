"""Compiled regex programs that tell the engine which characters a match can start with.

CPython's regex search skips ahead with a C loop only when it knows a literal prefix or a set
of first characters, and it finds one only when the pattern *begins* with a literal, a set, or
an alternation of literals. Rule patterns begin with `\\b` or a lookbehind, or with an
alternation of words each after `\\b`, so the engine runs the whole program at every position
of the text: an alternation of thirty words costs thirty tries per character.

Zero-width items (`\\b`, lookarounds) do not consume the first character, so the set of first
characters is still plain to read from the parse tree. `program` emits the same code as
`re.compile`, with that set in the program's info block when CPython found nothing better; the
engine then tries a match only where a possible first character stands. Matches are unchanged:
the set holds every character a match can begin with, and the match itself is the same code.
"""

from __future__ import annotations

from ketalint.alternation import factor
from ketalint.sre import compiler as _cmp, constants as _c, parser as _p



def program(parsed, flags: int) -> list:
    """The code of `parsed` (a `parser.parse` tree) as `compiler._code` makes it, with a
    first-character set added to the info block where CPython's own has none, word
    boundaries tested before the lookarounds beside them (`boundaries_first`), and the
    alternatives of a case-sensitive program grouped by first character (`alternation.factor`)."""
    boundaries_first(parsed)
    factor(parsed, flags)
    code = _cmp._code(parsed, flags)
    if code[0] != _c.INFO or code[2] != 0 or code[3] == 0:
        return code  # no info, a prefix or charset already, or an empty match is possible
    all_flags = parsed.state.flags | flags
    if all_flags & _c.SRE_FLAG_LOCALE:
        return code
    chars, _ = _first(parsed.data, bool(all_flags & _c.SRE_FLAG_IGNORECASE))
    if not chars:
        return code
    body = code[1 + code[1]:]
    info = [_c.INFO, 0, _c.SRE_INFO_CHARSET, code[3], code[4]]
    charset, hascased = _cmp._optimize_charset(chars)
    if hascased:  # pragma: no cover - only with a case-folding fixup, which is not passed
        return code
    _cmp._compile_charset(charset, all_flags, info)
    info[1] = len(info) - 1
    return info + body


def boundaries_first(parsed) -> None:
    """Move `\\b` and the other position tests (`^`, `$`) ahead of the lookarounds they stand
    among at the start of the pattern and of each of its leading alternatives, in place.

    The engine tests a lookaround by running a sub-match, at every position where the pattern
    may start; a position test is one inline check that fails inside words, which is most
    positions. Rules write "(?<!-)\\b(?:ketamine|…)" or put lookbehinds before a word, so
    testing the boundary first spares most of those sub-matches. Zero-width tests at one
    position hold or fail together whatever their order, so matches are unchanged."""
    _boundaries_first(parsed.data)


def _boundaries_first(items: list) -> None:
    lead = 0
    while lead < len(items) and _zero_width(*items[lead]):
        lead += 1
    positions = [item for item in items[:lead] if item[0] is _c.AT]
    if positions and items[:len(positions)] != positions:
        items[:lead] = positions + [item for item in items[:lead] if item[0] is not _c.AT]
    if lead < len(items):
        op, arg = items[lead]
        if op is _c.BRANCH:
            for branch in arg[1]:
                _boundaries_first(branch.data)
        elif op is _c.SUBPATTERN:
            _boundaries_first(arg[3].data)


def _zero_width(op, arg) -> bool:
    """An item that matches no character: a position test, a lookaround, or a group or
    alternation made of those only."""
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
        return True
    if op is _c.SUBPATTERN:
        return bool(arg[3].data) and all(_zero_width(*item) for item in arg[3].data)
    if op is _c.BRANCH:
        return all(branch.data and all(_zero_width(*item) for item in branch.data) for branch in arg[1])
    return False


def _first(items, ignorecase: bool):
    """(charset items every match of the sequence starts with, whether it can match empty);
    None for the items when any character may start one."""
    out: list = []
    for op, arg in items:
        chars, nullable = _first_of(op, arg, ignorecase)
        if chars is None:
            return None, False
        out.extend(chars)
        if not nullable:
            return out, False
    return out, True


def _first_of(op, arg, ignorecase: bool):
    if op is _c.LITERAL:
        return _cased([(op, arg)], ignorecase), False
    if op is _c.IN:
        if any(kind is _c.NEGATE for kind, _ in arg):
            return None, False
        return _cased(list(arg), ignorecase), False
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
        return [], True
    if op is _c.SUBPATTERN:
        _, add_flags, del_flags, body = arg
        if (add_flags | del_flags) & (_c.SRE_FLAG_LOCALE | _c.SRE_FLAG_ASCII):
            return None, False
        if add_flags & _c.SRE_FLAG_IGNORECASE:
            ignorecase = True
        if del_flags & _c.SRE_FLAG_IGNORECASE:
            ignorecase = False
        return _first(body.data, ignorecase)
    if op is _c.BRANCH:
        out: list = []
        nullable = False
        for branch in arg[1]:
            chars, empty = _first(branch.data, ignorecase)
            if chars is None:
                return None, False
            out.extend(chars)
            nullable = nullable or empty
        return out, nullable
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
        low, _, body = arg
        chars, empty = _first(body.data, ignorecase)
        return chars, (empty or low == 0) if chars is not None else False
    if op is getattr(_c, "ATOMIC_GROUP", None):
        return _first(arg.data, ignorecase)
    return None, False  # ANY, back-references, conditionals: anything may come first


def _cased(items: list, ignorecase: bool) -> list | None:
    """A set's items, with every other case of its letters when the set ignores case; None
    when that is not known (a character outside ASCII, or a class mixed with letters)."""
    if not ignorecase:
        return items
    out = list(items)
    has_category = False
    for op, arg in items:
        if op is _c.LITERAL:
            codes = (arg,)
        elif op is _c.RANGE:
            codes = range(arg[0], arg[1] + 1)
        elif op is _c.CATEGORY:
            has_category = True
            continue
        else:
            return None
        for code in codes:
            if code >= 128:
                return None
            out.extend((_c.LITERAL, ord(other)) for other in _IGNORECASE_TWINS.get(chr(code), ""))
    if has_category and len(out) > 1:
        return None  # a class with letters is matched on the lower-cased character
    return out


def _twins() -> dict[str, str]:
    """For each ASCII character, the other characters IGNORECASE lets match it: the other
    ASCII case, the two characters whose simple lower case is ASCII (the dotted capital I and
    the Kelvin sign), and CPython's extra equivalences (dotless i, long s); see the tests."""
    beyond_ascii = {"i": "\u0130\u0131", "k": "\u212a", "s": "\u017f"}
    out = {}
    for code in range(128):
        ch = chr(code)
        others = {ch.lower(), ch.upper()} - {ch}
        out[ch] = "".join(sorted(others)) + beyond_ascii.get(ch.lower(), "")
    return out


_IGNORECASE_TWINS = _twins()


def compile_pattern(pattern: str, flags: int, bounded: bool = False):
    """`re.compile(pattern, flags)` with a first-character set where one is known; None when
    the pattern cannot be read this way. `bounded`: a rule pattern, to search a document's
    stream with (see `ketalint.sentencebound`)."""
    try:
        parsed = _p.parse(pattern, flags)
        if bounded:
            from ketalint.sentencebound import bound

            bound(parsed)
        code = program(parsed, flags)
        import _sre

        groupindex = dict(parsed.state.groupdict)
        indexgroup = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        return _sre.compile(pattern, flags | parsed.state.flags, code, parsed.state.groups - 1, groupindex, tuple(indexgroup))
    except Exception:  # noqa: BLE001 - an interpreter without these internals: no twin
        return None
