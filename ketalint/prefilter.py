"""Cheap necessary conditions for regular expressions, so most rules skip most documents.

For a pattern we derive a set of literal strings such that every match contains at least one
of them (the idea behind trigram indexes and RE2's prefilter, on Python's own regex parse
tree). Testing `literal in text` is a memchr-speed substring search, far cheaper than running a
case-insensitive alternation that Python's regex engine must try at every position.

Most rule patterns need several words in order ("permanently ... rewires") and many are
alternations of such sequences, so one set of literals admits every sentence that holds one part
of one of them. The pattern's `condition` keeps more: an "or" over its alternatives, each an
"and" of a few literal sets, every one of which a match of that alternative must touch.

A literal between word boundaries is a whole word (`WHOLE`): a sentence meets `\\bketamin\\b`
only if "ketamin" is one of its words, not wherever "ketamine" holds it. Rule patterns bound
most of their words so, and misspelling and short-word patterns would otherwise be run on
every sentence that holds a longer word. A word that runs on to a boundary through classes and
lookaheads is a word shape (`WORD_SHAPE`), met by the words that pattern matches in full.
"""

from __future__ import annotations

import marshal
import re

from ketalint.casefix import hazard
from ketalint.lazyregex import LazyPattern
from ketalint.sre import constants as _c, parser as _p

_MIN_USEFUL = 3
_TRANSPARENT = {_c.AT}
_MAX_FACTORS = 4  # literal sets kept for one alternative
_MIN_EXTRA = 3  # a set of words after an alternative's first has no shorter literal
# A document's index "or"s each literal it holds into the sets that literal belongs to
# (`rules.literals.PlanSets`), so a set costs by the literals a document holds, not by its size;
# past some width, though, a set admits nearly every sentence and only adds work.
_MAX_EXTRA_LITERALS = 64

# Marks a literal that is a whole word: a match holds a word that is that literal, not one that
# merely contains it ("ketamin" in `\\bketamin\\b` is not met by "ketamine"). A document's index
# answers it from its words (see `rules.literals`); nothing searches the text for it as written.
WHOLE = "\x01"


# Marks a literal that stands for the words a short pattern matches in full: its leading text,
# the mark, and the pattern of the rest of the word (`\\bketa(?!mine)[a-z]{4,}\\b` is "keta", the
# mark, and "(?!mine)[a-z]{4,}"). The index matches it against the words that start with that text.
WORD_SHAPE = "\x02"


def word_shape(literal: str) -> tuple[str, str] | None:
    """(leading text, the pattern of the rest of the word) of a word shape; None for any other literal."""
    text, mark, rest = literal.partition(WORD_SHAPE)
    return (text, rest) if mark else None


def whole_word(literal: str) -> str | None:
    """The word a whole-word literal stands for; None for any other literal."""
    return literal[:-1] if literal.endswith(WHOLE) else None


# A condition: alternatives, each a tuple of factor sets, each a tuple of (lower-cased literal,
# whether it always starts a word); None when there is nothing beyond `required_literals`.
Condition = tuple[tuple[tuple[tuple[str, bool], ...], ...], ...] | None


def required_literals(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """Lower-cased literals one of which every match must contain; None when there is no such set."""
    return analyse(pattern, flags)[0]


def analyse(pattern: str, flags: int = 0) -> tuple[frozenset[str] | None, frozenset[str], Condition]:
    """`required_literals`, those of them that always start a word, and the pattern's `condition`.

    A literal that follows `\\b` or a lookbehind excluding word characters, and is made of word
    characters, starts a word wherever it matches; a document none of whose words begins with it
    cannot hold it, which a sorted word list answers without searching the text.
    """
    try:
        parsed = _p.parse(pattern, flags)
    except re.error:
        return None, frozenset(), None
    if _case_hazard(parsed):
        return None, frozenset(), None
    factors, alternatives = _needs(list(parsed), False)
    found = max(factors, key=_selectivity, default=None)
    if not found or not _useful(found):
        return None, frozenset(), None
    unicode_words = not parsed.state.flags & (re.ASCII | re.LOCALE)
    shapes = unicode_words and bool(parsed.state.flags & re.IGNORECASE)
    starts_by_literal = _lowered(found, unicode_words, shapes)
    word_start = frozenset(k for k, starts in starts_by_literal.items() if starts)
    return frozenset(starts_by_literal), word_start, _condition(alternatives, unicode_words, shapes)


def _case_hazard(parsed) -> bool:
    """Whether the pattern spells a character whose lower-cased form is not what a text it
    matches holds (`casefix.hazard`: "paſs" lower-cased is no word of "pass", which it
    matches). Such a pattern gets no literals: its regex runs on every sentence."""
    return any(hazard(chr(code)) for code in _spelt(parsed))


def _spelt(items):
    """The code of every character a parsed sequence spells, in its classes, groups, branches,
    repeats and lookarounds too."""
    for op, arg in items:
        if op is _c.LITERAL:
            yield arg
        elif op is _c.IN:
            yield from (value for kind, value in arg if kind is _c.LITERAL)
        else:
            for part in arg if isinstance(arg, tuple) else (arg,):
                if isinstance(part, _p.SubPattern):
                    yield from _spelt(part)
                elif isinstance(part, list):  # a branch's alternatives
                    for branch in part:
                        yield from _spelt(branch)


Facts = tuple[frozenset[str] | None, frozenset[str], Condition]
_KNOWN: dict[tuple[str, int], Facts | bytes] = {}
_OFFERED: dict[tuple[str, int], bytes] = {}


def facts_of(pattern: str, flags: int) -> Facts:
    """`analyse`, remembered: parsing a pattern costs about as much as compiling it."""
    key = (pattern, flags)
    found = _KNOWN.get(key)
    if found is None:
        found = _OFFERED.get(key)
        if found is None:
            found = analyse(pattern, flags)
        _KNOWN[key] = found
    if isinstance(found, bytes):
        literals, word_start, condition = marshal.loads(found)
        found = _KNOWN[key] = (frozenset(literals) if literals is not None else None, frozenset(word_start), condition)
    return found


def literals_of(pattern: str, flags: int) -> frozenset[str] | None:
    return facts_of(pattern, flags)[0]


def known_literals() -> dict[tuple[str, int], Facts]:
    return {key: facts_of(*key) for key in list(_KNOWN)}


def offer_literals(table: dict[tuple[str, int], bytes]) -> None:
    """Facts of an earlier rule set (as `remember_literals` takes them), taken only for patterns
    asked about while they are offered and not already known; an empty table withdraws them."""
    _OFFERED.clear()
    _OFFERED.update(table)


def remember_literals(table: dict[tuple[str, int], bytes]) -> None:
    """Seed the table from a rule-set snapshot (see `ketalint.snapshot`): each pattern's facts
    as a marshal record of (literals, word-start literals, condition), read when first asked for."""
    _KNOWN.update(table)


def _useful(literals) -> bool:
    return all(_length(s) >= _MIN_USEFUL or _punctuation(s) for s in literals)


def _lowered(literals: dict[str, bool], unicode_words: bool, shapes: bool = True) -> dict[str, bool]:
    """The literals lower-cased, each with whether it always starts a word (a literal met twice
    starts a word only if it does at both places). A whole word (`WHOLE`) stays one only where
    `\\b` is Unicode's, as the words of a document are split, and a word shape only where case is
    ignored too (`shapes`); neither needs a start test."""
    starts_by_literal: dict[str, bool] = {}
    for literal, starts in literals.items():
        shape = word_shape(literal)
        if shape is not None:
            # A word shape is met by lower-cased words with case ignored, which a pattern that
            # heeds case may not (its `(?!mine)` lets "Mine" through): such a pattern keeps the text.
            if shapes:  # the pattern of the rest keeps its case: "\\W" is not "\\w"
                starts_by_literal[shape[0].lower() + WORD_SHAPE + shape[1]] = False
                continue
            literal = shape[0]
        elif literal.endswith(WHOLE):
            if unicode_words:
                starts_by_literal[literal.lower()] = False
                continue
            literal = literal[:-1]
        key = literal.lower()
        starts_by_literal[key] = starts_by_literal.get(key, True) and starts and unicode_words and _word(literal)
    return starts_by_literal


def _length(literal: str) -> int:
    """The characters of a literal that a match holds as they are (not a whole word's mark, nor
    what a word shape's pattern matches)."""
    return len(_text_of(literal))


def _punctuation(text: str) -> bool:
    """Short literals are useful when they are punctuation ("!", "{{"): prose has little of it."""
    return not any(_word_char(ch) or ch.isspace() for ch in text)


def _word(text: str) -> bool:
    """Starts with a word character, and lower-cases character for character."""
    return bool(text) and _word_char(text[0]) and len(text.lower()) == len(text)


def _word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def word_head(literal: str) -> tuple[str, bool]:
    """The leading run of word characters of a literal, and whether it is the whole literal
    (then a word starting with it may go on; otherwise the word is exactly that run).
    Remembered: the patterns of a pack share their literals, and a one-article run asks this
    of each literal of every pattern it plans."""
    head = _HEADS.get(literal)
    if head is None:
        found = _NOT_WORD_CHAR.search(literal)
        head = _HEADS[literal] = (literal, True) if found is None else (literal[:found.start()], False)
    return head


_HEADS: dict[str, tuple[str, bool]] = {}


_NOT_WORD_CHAR = re.compile(r"\W")  # `\w` is `_word_char`: alphanumeric or "_"


def _parts(items, word_start: bool, word_end: bool = False):
    """The parts of a sequence in order, each with whether a word character at its start starts a
    word and whether a word character at its end ends one: (None, text, starts, ends) for a run
    of literals, (op, arg, word_start, ends) for any other item but `\\b` and its kin, which only
    carry those states on. `word_start`: the sequence follows a word boundary; `word_end`: one
    follows it."""
    run: list[str] = []
    run_starts = False
    bounded_at = -1  # the length of the run when a word boundary followed it
    parts: list[list] = []
    for op, arg in items:
        if op is _c.LITERAL:
            if not run:
                run_starts = word_start and _word(chr(arg))
            run.append(chr(arg))
            word_start = not _word_char(chr(arg))
            continue
        if op in _TRANSPARENT:
            word_start = word_start or arg is _c.AT_BOUNDARY
            if arg in _WORD_ENDS:
                if run:
                    bounded_at = len(run)
                elif parts and parts[-1][3] is None:
                    parts[-1][3] = True
            continue
        if run:
            parts.append([None, "".join(run), run_starts, bounded_at == len(run) or _starts_off_word(op, arg)])
            run.clear()
            bounded_at = -1
        elif parts and parts[-1][3] is None:
            parts[-1][3] = _starts_off_word(op, arg)
        parts.append([op, arg, word_start, None])
        word_start = _ends_off_word(op, arg, word_start)
    if run:
        parts.append([None, "".join(run), run_starts, bounded_at == len(run) or word_end])
    elif parts and parts[-1][3] is None:
        parts[-1][3] = word_end
    return parts


_WORD_ENDS = frozenset((_c.AT_BOUNDARY, _c.AT_END, _c.AT_END_STRING))


def _starts_off_word(op, arg) -> bool:
    """Whether the item begins with something that ends a word before it: `\\b`, `$`, a
    non-word character or set (`\\s+`, `[-\\s]`), or a group each of whose branches does."""
    if op is _c.AT:
        return arg in _WORD_ENDS
    if op is _c.LITERAL:
        return not _word_char(chr(arg))
    if op is _c.ASSERT_NOT:
        return _excludes_word_character(arg, 1)
    if op is _c.IN:
        return _non_word_set(arg)
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
        low, _, body = arg
        return low >= 1 and _sequence_starts_off_word(body)
    if op is _c.SUBPATTERN:
        return not arg[1] & (re.ASCII | re.LOCALE) and _sequence_starts_off_word(arg[-1])
    if op is _c.BRANCH:
        return all(_sequence_starts_off_word(branch) for branch in arg[1])
    return False


def _sequence_starts_off_word(items) -> bool:
    items = list(items)
    return bool(items) and _starts_off_word(*items[0])


def _ends_off_word(op, arg, before: bool) -> bool:
    """Whether a word character right after this item starts a word: the item ends with a
    non-word character (`\\s+`, `[-\\s]`), or is a lookbehind that excludes word characters.
    `before`: the same, for the position before the item (an optional item may match nothing)."""
    if op is _c.LITERAL:
        return not _word_char(chr(arg))
    if op is _c.AT:
        return before or arg is _c.AT_BOUNDARY
    if op is _c.ASSERT_NOT:
        return _excludes_word_character(arg, -1)
    if op is _c.IN:
        return _non_word_set(arg)
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
        low, _, body = arg
        return (low >= 1 or before) and _sequence_ends_off_word(body, before)
    if op is _c.SUBPATTERN:  # a scoped ASCII group's `\\b` and `\\W` are not the ones words are split by
        return not arg[1] & (re.ASCII | re.LOCALE) and _sequence_ends_off_word(arg[-1], before)
    if op is _c.BRANCH:
        return all(_sequence_ends_off_word(branch, before) for branch in arg[1])
    return False


def _sequence_ends_off_word(items, before: bool) -> bool:
    state = before
    for op, arg in items:
        state = _ends_off_word(op, arg, state)
    return state


def _non_word_set(items) -> bool:
    """A character set that holds no word character (spaces, punctuation)."""
    for kind, value in items:
        if kind is _c.LITERAL and not _word_char(chr(value)):
            continue
        if kind is _c.CATEGORY and value in (_c.CATEGORY_SPACE, _c.CATEGORY_NOT_WORD):
            continue
        return False
    return True


def _excludes_word_character(arg, direction: int) -> bool:
    """A negative lookaround one character wide that excludes word characters, looking back
    (`direction` -1: `(?<![\\w'])`) or ahead (1: `(?![\\w'])`)."""
    looks, body = arg
    if looks != direction or len(body.data) != 1:
        return False
    op, items = body.data[0]
    if op is not _c.IN or any(kind is _c.NEGATE for kind, _ in items):
        return False
    return (_c.CATEGORY, _c.CATEGORY_WORD) in items


def _selectivity(literals: dict[str, bool]) -> tuple[bool, int, int]:
    """A set is as selective as its shortest member; fewer members break ties. A set too short
    to look for (`_useful`) comes last: "XX" must not stand for `\\bXX+\\s*%`, which "%" can."""
    return _useful(literals), min(map(_length, literals)), -len(literals)


Factors = list[dict[str, bool]]


def _needs(items, word_start: bool, word_end: bool = False) -> tuple[Factors, list[Factors]]:
    """What a match of a sequence needs: every factor set among its mandatory parts, those of
    its groups included (each literal mapped to whether it always starts a word), and its
    alternatives, each the factor sets a match of that alternative needs. A sequence whose only
    part that needs a literal is a group or an alternation (`\\b(?:A|B)\\b`, `(?P<term>A|B)`) has
    that part's alternatives; any other sequence is one alternative. Alternations nested deeper
    stand as one set each, so the number of alternatives stays that of the pattern's branches.
    `word_start`: the sequence follows a word boundary; `word_end`: a word boundary follows it.
    A run of word characters with a boundary on both sides is a whole word (`whole_word`)."""
    factors: Factors = []
    needing: list[list[Factors] | None] = []
    run = None  # (text, starts) of a run of literals just before this part
    parts = _parts(items, word_start, word_end)
    i = 0
    while i < len(parts):
        op, arg, starts, ends = parts[i]
        i += 1
        if op is None:
            found, alternatives = [{_literal(arg, starts, ends): starts}], None
            if starts and not ends and all(map(_word_char, arg)):
                word, taken = _word_from(arg, parts, i)
                if word is not None:  # the parts up to a word boundary make one word with the run
                    factors.append(word)
                    needing.append(None)
                    i += taken
                    run = None
                    continue
        else:
            found, alternatives = _item_needs(op, arg, starts, ends)
            if op is _c.BRANCH and run is not None:
                found = found + _joined(run, arg[1], ends)
        if found:
            factors.extend(found)
            needing.append(alternatives)
        run = (arg, starts) if op is None else None
    if len(needing) == 1 and needing[0] is not None:
        return factors, needing[0]
    return factors, [factors]


def _word_from(text: str, parts: list, at: int) -> tuple[dict[str, bool] | None, int]:
    """The word a run of word characters that starts one begins, when the parts from `at` on
    stay inside that word up to a word boundary: as whole words, when those parts spell a
    few endings ("cures?": "cure", "cures"), else as a word shape (`WORD_SHAPE`); and how many
    parts it takes. (None, 0) when the parts leave the word or never reach its end."""
    if at < len(parts) and parts[at][3] and parts[at][0] is not None:
        endings = _spellings([(parts[at][0], parts[at][1])])
        if endings is not None:
            return {text + ending + WHOLE: True for ending in endings}, 1
    pieces = []
    for j in range(at, len(parts)):
        op, arg, _, ends = parts[j]
        if op is None:
            if not all(map(_word_char, arg)):
                return None, 0
            pieces.append(re.escape(arg))
        else:
            piece = _inside_word(op, arg)
            if piece is None:
                return None, 0
            pieces.append(piece)
        if ends:
            return {text + WORD_SHAPE + "".join(pieces): True}, j + 1 - at
    return None, 0


def _inside_word(op, arg) -> str | None:
    """The pattern of an item that matches word characters only (letters, digits, classes and
    repeats of them, alternations, and lookaheads for words that end there or go on), as the
    source of a pattern a word is matched with alone; None for any other item."""
    if op is _c.LITERAL:
        return re.escape(chr(arg)) if _word_char(chr(arg)) else None
    if op is _c.IN:
        return _word_class(arg)
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
        low, high, body = arg
        inner = _inside_sequence(body)
        if inner is None:
            return None
        bounds = f"{{{low},}}" if high is _c.MAXREPEAT else f"{{{low},{high}}}"
        return f"(?:{inner}){bounds}" + ("?" if op is _c.MIN_REPEAT else "")
    if op is _c.SUBPATTERN and not arg[1] and not arg[2]:
        inner = _inside_sequence(arg[-1])
        return None if inner is None else f"(?:{inner})"
    if op is _c.BRANCH:
        branches = [_inside_sequence(branch) for branch in arg[1]]
        return None if None in branches else "(?:" + "|".join(branches) + ")"
    if op is _c.ASSERT_NOT and arg[0] == 1:
        inner = _ahead_in_word(list(arg[1]))
        return None if inner is None else f"(?!{inner})"
    return None


def _inside_sequence(items) -> str | None:
    pieces = [_inside_word(op, arg) for op, arg in items]
    return None if None in pieces else "".join(pieces)


def _ahead_in_word(items) -> str | None:
    """A lookahead's pattern, when it is letters and digits, each way perhaps ending the word
    (`(?!mine|lar\\b)`): seen from inside a word, it reads alike within the word alone."""
    if len(items) == 1 and items[0][0] is _c.BRANCH:
        branches = [_ahead_in_word(list(branch)) for branch in items[0][1][1]]
        return None if None in branches else "(?:" + "|".join(branches) + ")"
    pieces = []
    for k, (op, arg) in enumerate(items):
        if op is _c.LITERAL and _word_char(chr(arg)):
            pieces.append(re.escape(chr(arg)))
        elif op is _c.AT and arg is _c.AT_BOUNDARY and k == len(items) - 1 and pieces:
            pieces.append(r"\b")
        else:
            return None
    return "".join(pieces) if pieces else None


_MAX_RANGE = 1024


def _word_class(items) -> str | None:
    """A character set of word characters only, as source (`[a-z]`, `\\d`, `[\\w]`)."""
    pieces = []
    for kind, value in items:
        if kind is _c.LITERAL and _word_char(chr(value)):
            pieces.append(re.escape(chr(value)))
        elif kind is _c.RANGE and value[1] - value[0] < _MAX_RANGE and all(_word_char(chr(c)) for c in range(value[0], value[1] + 1)):
            pieces.append(f"{re.escape(chr(value[0]))}-{re.escape(chr(value[1]))}")
        elif kind is _c.CATEGORY and value in (_c.CATEGORY_DIGIT, _c.CATEGORY_WORD):
            pieces.append(r"\d" if value is _c.CATEGORY_DIGIT else r"\w")
        else:
            return None
    return "[" + "".join(pieces) + "]" if pieces else None


_MAX_SPELLINGS = 16


def _spellings(items) -> list[str] | None:
    """Every text a sequence of word characters, alternations and optional parts can match
    ("s?" "(?:e|es|ed)"), when there are at most `_MAX_SPELLINGS`; None for anything else."""
    found = [""]
    for op, arg in items:
        if op is _c.LITERAL and _word_char(chr(arg)):
            options = [chr(arg)]
        elif op is _c.BRANCH:
            options = []
            for branch in arg[1]:
                inner = _spellings(branch)
                if inner is None:
                    return None
                options.extend(inner)
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)) and arg[0] in (0, 1) and arg[1] == 1:
            options = _spellings(arg[2])
            if options is None:
                return None
            if arg[0] == 0:
                options = ["", *options]
        elif op is _c.SUBPATTERN and not arg[1] and not arg[2]:
            options = _spellings(arg[-1])
            if options is None:
                return None
        else:
            return None
        found = [text + option for text in found for option in options]
        if len(found) > _MAX_SPELLINGS:
            return None
    return list(dict.fromkeys(found))


def _literal(text: str, starts: bool, ends: bool) -> str:
    """A run of literals as a factor's literal: its text, or its text as a whole word."""
    return text + WHOLE if starts and ends and all(map(_word_char, text)) else text


def _joined(run: tuple[str, bool], branches, word_end: bool) -> Factors:
    """The run of literals before an alternation joined to each branch's leading run, when every
    branch has one: the regex parser takes a shared prefix out of the branches, so "keeps?|kept"
    arrives as "ke" and "eps?|pt", two sets too short to look for, where "keep" and "kept" are not."""
    text, starts = run
    joined: dict[str, bool] = {}
    for branch in branches:
        parts = _parts(list(branch), False, word_end)
        if not parts or parts[0][0] is not None:
            return []
        joined[_literal(text + parts[0][1], starts, parts[0][3])] = starts
    return [joined]


def _item_needs(op, arg, word_start: bool, word_end: bool) -> tuple[Factors, list[Factors] | None]:
    """`_needs` of one item; its alternatives are None where they cannot stand for a sequence
    that holds it (a run of literals, a repeat)."""
    if op is _c.SUBPATTERN:
        if arg[1] & (re.ASCII | re.LOCALE):  # its `\\b` is not the one words are split by
            factors, alternatives = _needs(list(arg[-1]), False)
            return _without_words(factors), [_without_words(factors) for factors in alternatives]
        return _needs(list(arg[-1]), word_start, word_end)
    if op is getattr(_c, "ATOMIC_GROUP", None):
        return _needs(list(arg), word_start, word_end)
    if op is _c.BRANCH:
        union: dict[str, bool] = {}
        alternatives: list[Factors] = []
        for branch in arg[1]:
            factors, inner = _needs(list(branch), word_start, word_end)
            if not factors:
                return [], None
            for literal, starts in max(factors, key=_selectivity).items():
                union[literal] = union.get(literal, True) and starts
            alternatives.extend(inner)
        return [union], alternatives
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
        low, _, body = arg
        return (_needs(list(body), word_start)[0] if low >= 1 else []), None
    return [], None


def _without_words(factors: Factors) -> Factors:
    """The factors with no literal taken to start a word or to be one."""
    return [{_text_of(literal): False for literal in factor} for factor in factors]


def _text_of(literal: str) -> str:
    """The text every match of a literal holds: its own, a whole word's, a word shape's leading text."""
    return literal.partition(WORD_SHAPE)[0].removesuffix(WHOLE)


def _condition(alternatives: list[Factors], unicode_words: bool, shapes: bool = True) -> Condition:
    """The alternatives as a `Condition`: in each, its most selective useful sets, the most
    selective first. An alternative keeps at most `_MAX_FACTORS`, and a set after the first only
    when it has at most `_MAX_EXTRA_LITERALS` literals and none shorter than `_MIN_EXTRA`, or is
    punctuation prose seldom holds (the "[" of "[insert name]", where "name" alone admits many
    sentences; not the "," most sentences hold).
    Every set a pattern keeps spares the regex the sentences that hold the others but not it:
    running a pattern over a sentence it does not match costs about as much as meeting a set.
    None when no alternative needs more than one set, for then the condition says no more than
    `required_literals`, or when some alternative needs none."""
    kept: list[tuple[tuple[tuple[str, bool], ...], ...]] = []
    for factors in alternatives:
        chosen: list[tuple[tuple[str, bool], ...]] = []
        for factor in sorted((f for f in factors if _useful(f)), key=_selectivity, reverse=True):
            if chosen and (len(factor) > _MAX_EXTRA_LITERALS or not _telling_extra(factor)):
                continue
            pairs = tuple(sorted(_lowered(factor, unicode_words, shapes).items()))
            if pairs not in chosen:
                chosen.append(pairs)
            if len(chosen) == _MAX_FACTORS:
                break
        if not chosen:
            return None
        if tuple(chosen) not in kept:
            kept.append(tuple(chosen))
    # An alternative that needs all another needs, and more, adds no sentence to the "or"; of two
    # that need the same sets in another order, the first stays.
    needs = [frozenset(factors) for factors in kept]
    kept = [mine for i, mine in enumerate(kept)
            if not any(theirs < needs[i] or (theirs == needs[i] and j < i) for j, theirs in enumerate(needs))]
    return None if all(len(factors) == 1 for factors in kept) else tuple(kept)


def _telling_extra(factor: dict[str, bool]) -> bool:
    return min(map(_length, factor)) >= _MIN_EXTRA or all(map(_rare_punctuation, factor))


def _rare_punctuation(text: str) -> bool:
    """Punctuation that prose seldom holds: "[" or "{{", not "," or "'"."""
    return _punctuation(text) and not any(ch in _PROSE_PUNCTUATION for ch in text)


_PROSE_PUNCTUATION = frozenset(".,;:!?'\"()-\u2018\u2019\u201c\u201d\u2013\u2014\u2026")


class Prefilter:
    """Answers "could this regex match this text?" from the text's lower-cased form; also holds
    the pattern's case-folded twins, with Unicode and with ASCII classes (see
    `ketalint.foldregex`) and, for a pattern that does not
    ignore case, a twin that knows its first characters (see `ketalint.startset`), each built
    on first use."""

    __slots__ = ("literals", "word_start", "condition", "_pattern", "_folded", "_searcher")

    def __init__(self, literals: frozenset[str] | None, word_start: dict[str, tuple[str, bool]] | None = None, pattern=None,
                 condition: Condition = None):
        self.literals = literals
        self.word_start = word_start or {}  # literal -> its `word_head`
        self.condition = condition
        self._pattern = pattern
        self._folded: list = [False, False]  # the folded twin, with Unicode and with ASCII classes
        self._searcher = None

    @classmethod
    def of(cls, regex: re.Pattern | None) -> "Prefilter":
        if regex is None:
            return cls(None)
        literals, word_start, condition = facts_of(regex.pattern, regex.flags)
        return cls(literals, {literal: word_head(literal) for literal in word_start}, regex, condition)

    def may_match(self, lowered: str) -> bool:
        if self.literals is None:
            return True
        return any(_text_of(literal) in lowered for literal in self.literals)

    @property
    def pattern(self):
        """The pattern this prefilter is for (None for the empty prefilter)."""
        return self._pattern

    def folded(self, ascii: bool = False) -> re.Pattern | None:
        """The folded twin; `ascii`: the one with ASCII classes (see `ketalint.foldregex`)."""
        found = self._folded[ascii]
        if found is False:
            from ketalint.foldregex import fold

            pattern = self._pattern
            found = self._folded[ascii] = None if pattern is None else fold(pattern.pattern, pattern.flags, ascii)
        return found

    def searcher(self) -> re.Pattern:
        """The pattern to search a document's stream with: its matches bounded to sentences
        (see `ketalint.sentencebound`), found faster where a first-character set helps. Rule
        patterns that ignore case are searched as they are (compiled bounded): over lower-cased
        text their folded twin does that job, and compiling a second program for each of them
        would cost more than it saves on the rare text that cannot be folded."""
        if self._searcher is None:
            pattern = self._pattern
            twin = None
            if pattern is not None and (not pattern.flags & re.IGNORECASE or not isinstance(pattern, LazyPattern)):
                from ketalint.startset import compile_pattern

                twin = compile_pattern(pattern.pattern, pattern.flags, bounded=True)
            self._searcher = twin if twin is not None else pattern
        return self._searcher
