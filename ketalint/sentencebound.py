"""Rule patterns that see one sentence, wherever they are searched.

A rule pattern is written for one sentence: `^` and `\\A` hold at its start, `$` and `\\Z` at
its end, and `[^.]*` or a lookahead stops where it stops. The scanner searches the stream of a
document's sentences joined by a NUL (`document.STREAM_SEPARATOR`), in one pass when most
sentences may hold a match and sentence by sentence otherwise (see `ketalint.rules.scan`).
Searched as written, such a pattern would read the stream differently: `^` would hold only at
the stream's start, `[^.;]*` would run on into the next sentence (and the match, crossing a
sentence end, would be dropped, taking with it the match the sentence held), and a lookahead
such as `(?![\\s\\S]*Spravato)` would look at the sentences after.

So every program ketalint compiles from a rule pattern is first bounded (`bound`): each anchor
becomes a test for the separator or an end of the text, and each item that could match the
separator no longer does (`[^.;]` becomes `[^.;\\x00]`, `.` becomes `[^\\n\\x00]`, and an item no
set can say that of gets a `(?!\\x00)` before it). Over text without a NUL, which is every
sentence and every text a rule reads, the bounded pattern matches exactly where the pattern
does; over the stream it finds what the pattern finds in each sentence alone.
"""

from __future__ import annotations

import re

from ketalint.sre import constants as _c, parser as _p

_NUL = 0
_NEWLINE = 10
_REPEATS = tuple(op for op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)) if op is not None)
_ATOMIC = getattr(_c, "ATOMIC_GROUP", None)
_NEGATED_CATEGORIES = {
    _c.CATEGORY_NOT_DIGIT: _c.CATEGORY_DIGIT,
    _c.CATEGORY_NOT_SPACE: _c.CATEGORY_SPACE,
    _c.CATEGORY_NOT_WORD: _c.CATEGORY_WORD,
    _c.CATEGORY_NOT_LINEBREAK: _c.CATEGORY_LINEBREAK,
}


def bound(parsed) -> None:
    """Bound a `parser.parse` tree to one sentence of the stream, in place (see above)."""
    _bound_items(parsed.data, parsed.state, parsed.state.flags)


def _bound_items(items: list, state, flags: int) -> None:
    for i, (op, arg) in enumerate(items):
        replaced = _bounded_item(op, arg, state, flags)
        if replaced is not None:
            items[i] = replaced


def _bounded_item(op, arg, state, flags: int):
    """The item bounded, or None when it is bounded already (its parts are bounded in place)."""
    if op is _c.AT:
        return _anchor(arg, state, flags)
    if op is _c.IN:
        return _set_without_nul(arg, state)
    if op is _c.ANY:
        members = [(_c.NEGATE, None), (_c.LITERAL, _NUL)]
        if not flags & re.DOTALL:
            members.insert(1, (_c.LITERAL, _NEWLINE))
        return (_c.IN, members)
    if op is _c.NOT_LITERAL:
        return None if arg == _NUL else (_c.IN, [(_c.NEGATE, None), (_c.LITERAL, arg), (_c.LITERAL, _NUL)])
    if op is _c.SUBPATTERN:
        group, add_flags, del_flags, body = arg
        _bound_items(body.data, state, (flags | add_flags) & ~del_flags)
    elif op is _c.BRANCH:
        for branch in arg[1]:
            _bound_items(branch.data, state, flags)
    elif op in _REPEATS:
        _bound_items(arg[2].data, state, flags)
    elif op in (_c.ASSERT, _c.ASSERT_NOT):
        _bound_items(arg[1].data, state, flags)
    elif op is _ATOMIC:
        _bound_items(arg.data, state, flags)
    elif op is _c.GROUPREF_EXISTS:
        _, yes, no = arg
        _bound_items(yes.data, state, flags)
        if no is not None:
            _bound_items(no.data, state, flags)
    return None


def _anchor(code, state, flags: int):
    """A start or end of the text becomes a start or end of a sentence: a position with no
    character before (after) it but the separator (or a line break, for a multi-line `^`, `$`)."""
    multiline = bool(flags & re.MULTILINE)
    if code is _c.AT_BEGINNING_STRING or (code is _c.AT_BEGINNING and not multiline):
        return _not_beside(state, -1, (_NUL,))
    if code is _c.AT_BEGINNING:
        return _not_beside(state, -1, (_NUL, _NEWLINE))
    if code is _c.AT_END_STRING:
        return _not_beside(state, 1, (_NUL,))
    if code is _c.AT_END and multiline:
        return _not_beside(state, 1, (_NUL, _NEWLINE))
    if code is _c.AT_END:  # the end, or a line break that ends the text
        optional_newline = (_c.MAX_REPEAT, (0, 1, _p.SubPattern(state, [(_c.LITERAL, _NEWLINE)])))
        return (_c.ASSERT, (1, _p.SubPattern(state, [optional_newline, _not_beside(state, 1, (_NUL,))])))
    return None  # \b and \B: the separator is no word character, like an end of the text


def _not_beside(state, direction: int, allowed: tuple[int, ...]):
    """A test that the character before (-1) or after (1) is none but one of `allowed`."""
    members = [(_c.NEGATE, None)] + [(_c.LITERAL, code) for code in allowed]
    return (_c.ASSERT_NOT, (direction, _p.SubPattern(state, [(_c.IN, members)])))


def _set_without_nul(members: list, state):
    """The set less the separator, or None when it does not hold it."""
    negated = bool(members) and members[0][0] is _c.NEGATE
    holds = any(_holds_nul(op, value) for op, value in members)
    if negated:
        return None if holds else (_c.IN, members + [(_c.LITERAL, _NUL)])
    if not holds:
        return None
    categories = {value for op, value in members if op is _c.CATEGORY}
    negated_kinds = [value for value in categories if value in _NEGATED_CATEGORIES]
    if any(_NEGATED_CATEGORIES[value] in categories for value in negated_kinds):
        return (_c.IN, [(_c.NEGATE, None), (_c.LITERAL, _NUL)])  # [\s\S] and its like: any character
    if len(members) == 1 and len(negated_kinds) == 1:  # \W, \S, \D: not a word character nor the separator
        return (_c.IN, [(_c.NEGATE, None), (_c.CATEGORY, _NEGATED_CATEGORIES[negated_kinds[0]]), (_c.LITERAL, _NUL)])
    guard = (_c.ASSERT_NOT, (1, _p.SubPattern(state, [(_c.LITERAL, _NUL)])))
    return (_c.SUBPATTERN, (None, 0, 0, _p.SubPattern(state, [guard, (_c.IN, members)])))


def _holds_nul(op, value) -> bool:
    if op is _c.LITERAL:
        return value == _NUL
    if op is _c.RANGE:
        return value[0] == _NUL
    if op is _c.CATEGORY:
        return value in _NEGATED_CATEGORIES
    return False
