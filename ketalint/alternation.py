"""Alternations regrouped so that the regex engine passes over most alternatives with one comparison.

CPython's engine tries an alternation's alternatives one by one. It passes over an alternative
with a single comparison only when the alternative opens on a literal character (or a set) that
the text's next character does not match; any other alternative is entered: a frame is pushed,
its nested alternation is tried branch by branch, and the frame is popped. Rule patterns are
long alternations of phrasings, most of them opening on a nested alternation of words
(`(?:relieves?|eases|lessens) …`), so at every word of a candidate sentence the engine entered
nearly all of them.

`factor` rewrites a parse tree into one that matches the same texts at the same places with the
same groups, whose alternatives open on literal characters:

- an alternative that opens on a nested alternation is spread over that alternation's branches,
  one copy per first character (`(?:reduces|relieves|eases) X` becomes
  `r(?:educes|elieves) X|eases X`), and one that opens on an optional item over its two ways
  (`(?:very\\s+)?well` becomes `very\\s+well|well`), where the copies of its tail stay small
  (`_MAX_COPIED`);
- neighbouring alternatives that open on the same character share it (`r(?:educes X|elieves X)`).

Alternatives that open on different characters cannot both match at one position, so their
order among themselves does not matter; those that open on the same one keep theirs, and spreading
`(?:a|b)X` into `aX|bX` tries the same paths in the same order. A program that ignores case
compares characters folded, and is left as it is, as is a group that turns case-folding on.
"""

from __future__ import annotations

from ketalint.sre import constants as _c, parser as _p

# How many items of its tail an alternative may copy when it is spread (tail size times copies
# beyond the first): enough for a rule's phrasing after its opening verb, not for a pattern whose
# whole remainder follows one alternation.
_MAX_COPIED = 600
_REPEATS = tuple(op for op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)) if op is not None)
_CASE_FLAGS = _c.SRE_FLAG_IGNORECASE | _c.SRE_FLAG_LOCALE


def factor(parsed, flags: int = 0) -> None:
    """Regroup the alternations of a `parser.parse` tree in place (see above); `flags`: those it
    is compiled with."""
    if (parsed.state.flags | flags) & _CASE_FLAGS:
        return
    parsed.data[:] = _items(parsed.data, parsed.state)


def _items(items, state) -> list:
    out = []
    for op, arg in items:
        if op is _c.BRANCH:
            out.extend(_alternation([_items(branch.data, state) for branch in arg[1]], state))
        elif op is _c.SUBPATTERN and not (arg[1] | arg[2]) & _CASE_FLAGS:
            group, add_flags, del_flags, body = arg
            out.append((op, (group, add_flags, del_flags, _p.SubPattern(state, _items(body.data, state)))))
        elif op in _REPEATS:
            low, high, body = arg
            out.append((op, (low, high, _p.SubPattern(state, _items(body.data, state)))))
        else:
            out.append((op, arg))
    return out


def _alternation(alternatives: list[list], state) -> list:
    spread = []
    for alternative in alternatives:
        spread.extend(_spread(alternative))
    return _as_items(_grouped(spread, state), state)


def _spread(alternative: list) -> list[list]:
    """An alternative that opens on an alternation, as one alternative per branch of it (the
    branches are grouped by first character already); one that opens on an optional item that
    cannot match empty, as that item's alternatives followed by the tail and then the tail alone
    (`(?:very\\s+)?well` tries `very\\s+well`, then `well`: the order the repeat tries them in),
    each spread in turn. Only where the tail is small enough to copy."""
    if not alternative:
        return [alternative]
    op, arg = alternative[0]
    tail = alternative[1:]
    if op is _c.BRANCH:
        heads = [list(branch.data) for branch in arg[1]]
    elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and arg[:2] == (0, 1) and arg[2].getwidth()[0] > 0:
        heads = [list(arg[2].data), []] if op is _c.MAX_REPEAT else [[], list(arg[2].data)]
    else:
        return [alternative]
    if tail and (len(heads) - 1) * _size(tail) > _MAX_COPIED:
        return [alternative]
    out = []
    for head in heads:
        out.extend(_spread(head + tail) if head else [tail])
    return out


def _grouped(alternatives: list[list], state) -> list[list]:
    """The alternatives, each run of neighbours opening on literal characters grouped by that
    character (first appearance first; within a group, their order)."""
    out: list[list] = []
    run: dict[int, list[list]] = {}
    for alternative in alternatives:
        if alternative and alternative[0][0] is _c.LITERAL:
            run.setdefault(alternative[0][1], []).append(alternative)
        else:
            _flush(run, out, state)
            out.append(alternative)
    _flush(run, out, state)
    return out


def _flush(run: dict[int, list[list]], out: list[list], state) -> None:
    for code, group in run.items():
        if len(group) == 1:
            out.append(group[0])
        else:
            out.append([(_c.LITERAL, code)] + _as_items(_grouped([alternative[1:] for alternative in group], state), state))
    run.clear()


def _as_items(alternatives: list[list], state) -> list:
    if len(alternatives) == 1:
        return alternatives[0]
    return [(_c.BRANCH, (None, [_p.SubPattern(state, alternative) for alternative in alternatives]))]


def _size(items) -> int:
    """The number of items in a sequence, counting those inside groups, repeats, lookarounds
    and alternations: a measure of the code a copy of it adds."""
    total = 0
    for op, arg in items:
        total += 1
        if op is _c.BRANCH:
            total += sum(_size(branch.data) for branch in arg[1])
        elif op is _c.SUBPATTERN:
            total += _size(arg[3].data)
        elif op in _REPEATS:
            total += _size(arg[2].data)
        elif op in (_c.ASSERT, _c.ASSERT_NOT):
            total += _size(arg[1].data)
    return total
