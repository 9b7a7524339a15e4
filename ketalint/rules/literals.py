"""Which sentences of a document hold which prefilter literals, answered from its words.

The scanner runs a pattern only on the sentences that meet its literal condition (see
`ketalint.prefilter`): for some alternative of the pattern, a literal of each of its sets.
Searching the text once per literal reads the whole text a hundred times over for a rule pack,
though most literals are absent from any one document. A literal made of word characters can
only occur inside a word, so one pass over the document's words gives each word its sentences,
and one pass over its distinct words, given a table from a word to the literals inside it,
tells which literals it holds and where (a site reuses its vocabulary, so the table is kept
across documents). The same pass tells which words start with which literal heads (the
word-start test of `scan._candidate_mask`). Literals with other characters
("brain-derived", "n't") are searched for in the text, but only where some word holds the
longest word inside them. A whole word (`prefilter.WHOLE`) is met only by that word, and a word
shape (`prefilter.WORD_SHAPE`) by the words its pattern matches in full: the table lists each
for those words alone. The sentences of a literal are a bit mask, so an "and" of literal
sets is an integer "and", and the sets of every pattern are "or"ed together in one pass over
the literals a document holds (`PlanSets`).
"""

from __future__ import annotations

import re
from bisect import bisect_right

from ketalint.prefilter import WHOLE, WORD_SHAPE, Prefilter, whole_word, word_head, word_shape

_WORD = re.compile(r"\w+")
_PREFIX = 3  # every word literal is at least this long (see `prefilter._MIN_USEFUL`)
_MAX_WORDS = 200_000
_EMPTY = ((), ())
_FEW_SENTENCES = 6  # a literal is searched for in at most this many sentences one by one, else in the whole text


def _is_word(literal: str) -> bool:
    """At least `_PREFIX` characters, all alphanumeric or "_"; or a whole word (`prefilter.WHOLE`)
    or a word shape (`prefilter.WORD_SHAPE`) whose text is so."""
    shape = word_shape(literal)
    if shape is not None:
        return _word_text(shape[0])
    if literal.endswith(WHOLE):
        return _word_text(literal[:-1])
    return len(literal) >= _PREFIX and _word_text(literal)


def _met_by_words_alone(literal: str) -> bool:
    """A whole word or a word shape: met by a word as a whole, never by a part of one."""
    return literal.endswith(WHOLE) or WORD_SHAPE in literal


def _word_text(text: str) -> bool:
    return text.replace("_", "0").isalnum()


def _shape_test(literal: str):
    """The test a word that starts with a word shape's text must pass to meet it: a match of the
    rest of the pattern in full, compiled when first needed (a pack has some 175 shapes, and a
    one-article run meets few). Matched on lower-cased words with case ignored, as the patterns
    the prefilter writes shapes for ignore it. Most shapes are "the text and any word
    characters" (`\\bcalm\\w*\\s`): every such word passes, and nothing is compiled."""
    found = _SHAPE_TESTS.get(literal)
    if found is None:
        text, rest = word_shape(literal)
        if rest == _ANY_WORD_CHARACTERS:
            found = _ANY_WORD
        else:
            try:
                found = re.compile(re.escape(text) + rest, re.IGNORECASE).fullmatch
            except re.error:  # not a shape the prefilter writes: any word that starts with the text
                found = _ANY_WORD
        _SHAPE_TESTS[literal] = found
    return found


_ANY_WORD_CHARACTERS = r"(?:[\w]){0,}"
_ANY_WORD = bool  # every word tested starts with the shape's text
_SHAPE_TESTS: dict = {}


class LiteralTable:
    """Every literal the scanner has been asked about, and what each word holds of them.

    `version` changes when literals are added; a document's index built before that catches
    up (see `DocumentLiterals.catch_up`) instead of reading all its words again.
    """

    def __init__(self) -> None:
        self.version = 0
        self._known: set[str] = set()
        self.word_literals: set[str] = set()
        self._by_prefix: dict[str, list[str]] = {}
        self._whole: set[str] = set()  # the whole-word literals, each as the word and its mark
        self._shapes: dict[str, list[str]] = {}  # leading text -> the word shapes that start with it
        self._shape_lengths: list[int] = []
        self._heads: set[tuple[str, bool]] = set()
        self._whole_lengths: list[int] = []
        self._words: dict[str, tuple[tuple[str, ...], tuple[tuple[str, bool], ...]]] = {}
        self.key_of: dict[str, tuple[str, ...]] = {}  # literal with other characters -> the words inside it
        self._history: list[tuple[list[str], list[tuple[str, bool]]]] = []  # what each version added

    def added_since(self, version: int) -> tuple[set[str], set[tuple[str, bool]]]:
        """The literals and heads added after `version`."""
        literals: set[str] = set()
        heads: set[tuple[str, bool]] = set()
        for new, new_heads in self._history[version:]:
            literals.update(new)
            heads.update(new_heads)
        return literals, heads

    def add(self, literals, heads) -> None:
        new = [lit for lit in literals if lit not in self._known]
        listed = set(new)
        for literal in new[:]:
            if not _is_word(literal):
                keys = _key_words(literal)
                if keys:
                    self.key_of[literal] = keys
                    for key in keys:
                        if key not in self._known and key not in listed:
                            listed.add(key)
                            new.append(key)
        new_heads = [h for h in heads if h not in self._heads]
        if not new and not new_heads:
            return
        self._known.update(new)
        for literal in new:
            if _is_word(literal):
                self.word_literals.add(literal)
                if literal.endswith(WHOLE):
                    self._whole.add(literal)
                elif WORD_SHAPE in literal:
                    self._shapes.setdefault(word_shape(literal)[0], []).append(literal)
                else:
                    self._by_prefix.setdefault(literal[:_PREFIX], []).append(literal)
        self._shape_lengths = sorted({len(text) for text in self._shapes})
        self._heads.update(new_heads)
        self._whole_lengths = sorted({*self._whole_lengths, *(len(head) for head, whole in new_heads if whole)})
        self._words.clear()
        self._history.append((new, new_heads))
        self.version += 1

    def state(self) -> tuple:
        """The table as plain data, for a rule-set snapshot: joining the literals of every
        pattern of a pack costs a one-article run about a millisecond (see `scan._prime`)."""
        by_prefix = {prefix: list(literals) for prefix, literals in sorted(self._by_prefix.items())}
        shapes = {text: list(literals) for text, literals in sorted(self._shapes.items())}
        return (sorted(self._known), sorted(self.word_literals), by_prefix, sorted(self._heads), list(self._whole_lengths),
                sorted(self.key_of.items()), sorted(self._whole), shapes)

    def restore(self, state: tuple) -> None:
        """Take the literals of a snapshot's table: at once into a fresh table, else as `add`
        adds them (marshal gives the heads back as tuples)."""
        known, word_literals, by_prefix, heads, whole_lengths, key_of, whole, shapes = state
        if self._known:
            self.add(known, heads)
            return
        self.key_of = dict(key_of)
        self._known = set(known)
        self.word_literals = set(word_literals)
        self._whole = set(whole)
        self._shapes = shapes
        self._shape_lengths = sorted({len(text) for text in shapes})
        self._by_prefix = by_prefix
        self._heads = set(heads)
        self._whole_lengths = whole_lengths
        self._words.clear()
        self._history.append((known, heads))
        self.version += 1

    def of_words(self, words) -> tuple[dict[str, tuple[str, ...]], set[tuple[str, bool]]]:
        """({word: the word literals inside it} for those of `words` that hold any, the literal
        heads any of `words` satisfies)."""
        telling: dict[str, tuple[str, ...]] = {}
        heads: set[tuple[str, bool]] = set()
        known = self._words
        if len(known) + len(words) > _MAX_WORDS:
            known.clear()
        for word in words:
            found = known.get(word)
            if found is None:
                found = known[word] = self._work_out(word)
            if found is not _EMPTY:
                if found[0]:
                    telling[word] = found[0]
                heads.update(found[1])
        return telling, heads

    def _work_out(self, word: str):
        inside = []
        by_prefix = self._by_prefix
        for i in range(len(word) - _PREFIX + 1):
            for literal in by_prefix.get(word[i:i + _PREFIX], ()):
                if word.startswith(literal, i) and literal not in inside:
                    inside.append(literal)
        if word + WHOLE in self._whole:
            inside.append(word + WHOLE)
        for n in self._shape_lengths:
            for literal in self._shapes.get(word[:n], ()) if n <= len(word) else ():
                if _shape_test(literal)(word):
                    inside.append(literal)
        heads = self._heads
        satisfied = [(word[:n], True) for n in self._whole_lengths if n <= len(word) and (word[:n], True) in heads]
        if (word, False) in heads:
            satisfied.append((word, False))
        return (tuple(inside), tuple(satisfied)) if inside or satisfied else _EMPTY


def _key_words(literal: str) -> tuple[str, ...]:
    """The runs of at least `_PREFIX` ASCII word characters inside `literal`, longest first.

    A text that holds "depression-free" has a word holding "depression" and one holding "free"
    in the same sentence, so only the sentences whose words hold both need be searched for it,
    and a document with none need not be: the runs are word literals, answered from the
    document's words with the others.
    """
    runs = dict.fromkeys(run for run in _ASCII_RUN.findall(literal) if len(run) >= _PREFIX)
    return tuple(sorted(runs, key=len, reverse=True))


_ASCII_RUN = re.compile(r"[a-z0-9_]+")

TABLE = LiteralTable()


def _word_masks(lowered: str, sentence_spans: list[tuple[int, int]], plain: list[list[str] | None] | None = None) -> dict[str, int]:
    """{word (a `\\w+` run): the sentences that hold it, as a bit mask}. Built in one pass over
    every word: most of a document's words hold some literal of a pack, so meeting each
    sentence's words with the telling ones first saves nothing. `plain`: the sentences' words
    from `scan.plain_words`, which are their `\\w+` runs wherever it gives any; the regex
    finds the others (all of them in a text that is not ASCII)."""
    by_word: dict[str, int] = {}
    get = by_word.get
    findall = _WORD.findall
    if plain is None:
        plain = [None] * len(sentence_spans)
    words_of = (findall(lowered, *span) if words is None else words for words, span in zip(plain, sentence_spans))
    bit = 1
    for words in words_of:
        for word in words:
            by_word[word] = get(word, 0) | bit
        bit <<= 1
    return by_word


class DocumentLiterals:
    """One document's answers: the sentences holding each literal, and the heads its words start with.

    One pass over the document's distinct words tells which word literals it holds at all; most
    literals of a pack are absent from any one document, and those are answered from that set.
    The sentences of a literal with other characters are found by searching the text for it,
    when a pattern first asks. A literal's sentences are kept as a bit mask (bit i: sentence
    i), so that a pattern's condition is met with a few integer "or"s and "and"s.
    """

    __slots__ = ("version", "lowered", "starts", "heads", "starting", "words_held", "masks", "touched", "covered", "answers",
                 "words")

    def __init__(self, lowered: str, sentence_spans: list[tuple[int, int]], starts: list[int],
                 plain: list[list[str] | None] | None = None):
        self.version = TABLE.version
        self.lowered = lowered
        self.starts = starts
        by_word = self.words = _word_masks(lowered, sentence_spans, plain)  # every word's sentences, kept for `scan.word_mask`
        telling, self.heads = TABLE.of_words(by_word)
        masks: dict[str, int] = {}
        for word, literals in telling.items():
            mask = by_word[word]
            for literal in literals:
                masks[literal] = masks.get(literal, 0) | mask
        self.masks = masks
        self.words_held = set(masks)  # the word literals the document holds
        # The literals some word starts with: a word literal's head is the literal itself.
        self.starting = {head for head, whole in self.heads if whole}
        self.touched, self.covered = SETS.touched(masks, self.starting)
        self.answers = None  # every plan's mask at once, where a run compiled `answers` (see `scan._define_answers`)

    def catch_up(self) -> None:
        """Answer for the literals added to the table since this index was built: those are
        searched for in the text, and their heads are taken as met (the head test only spares
        a search, so skipping it loses nothing)."""
        literals, heads = TABLE.added_since(self.version)
        masks = self.masks
        for literal in literals:
            if literal not in masks:
                found = masks[literal] = self._search(literal)
                if found and literal in TABLE.word_literals:
                    self.words_held.add(literal)
        self.heads.update(heads)
        self.starting.update(head for head, whole in heads if whole)
        self.version = TABLE.version

    def mask_of(self, literal: str) -> int:
        """The sentences that hold `literal`, as a bit mask."""
        found = self.masks.get(literal)
        if found is None:
            if literal in TABLE.word_literals:
                found = 0
            else:
                keys = TABLE.key_of.get(literal)
                within = -1
                if keys is not None:
                    masks = self.masks
                    for key in keys:
                        within &= masks.get(key, 0)
                found = self._search(literal, within) if within else 0
            self.masks[literal] = found
        return found

    def _search(self, literal: str, within: int = -1) -> int:
        """The sentences that hold `literal`, among those in the mask `within` (a few are searched
        one by one, more as one text)."""
        word = whole_word(literal)
        if word is not None:
            return self._search_words(word.__eq__)
        if WORD_SHAPE in literal:
            text = word_shape(literal)[0]
            test = _shape_test(literal)
            return self._search_words(lambda word: word.startswith(text) and test(word))
        lowered, starts = self.lowered, self.starts
        mask = 0
        if 0 < within and within.bit_count() <= _FEW_SENTENCES:
            find, last = lowered.find, len(starts) - 1
            for index in indexes(within):
                if find(literal, starts[index], starts[index + 1] if index < last else len(lowered)) >= 0:
                    mask |= 1 << index
            return mask
        i = lowered.find(literal)
        while i >= 0:
            index = bisect_right(starts, i) - 1
            mask |= 1 << index
            if index + 1 >= len(starts):
                break
            i = lowered.find(literal, max(i + 1, starts[index + 1]))
        return mask

    def _search_words(self, meets) -> int:
        """The sentences holding a word (a `\\w+` run) that `meets` accepts."""
        starts, mask = self.starts, 0
        for m in _WORD.finditer(self.lowered):
            if meets(m.group()):
                mask |= 1 << (bisect_right(starts, m.start()) - 1)
        return mask


def join_table(plans) -> None:
    """Add the literals of `plans` to the table in one step: each step sorts the table's head
    lengths and forgets what it knew of words, so a plan at a time costs a one-article run more."""
    heads: dict[str, tuple[str, bool] | None] = {}
    for plan in plans:
        heads.update(plan._heads)
    TABLE.add(heads, [head for head in heads.values() if head is not None])


def indexes(mask: int) -> list[int]:
    """The set bits of `mask`, lowest first: bit by bit when they are few, else a byte at a
    time from a table of the bits each byte value sets at each of the first byte positions."""
    out: list[int] = []
    if mask.bit_count() <= _FEW_BITS:
        while mask:
            low = mask & -mask
            out.append(low.bit_length() - 1)
            mask ^= low
        return out
    rows = _BYTE_BITS
    for position, byte in enumerate(mask.to_bytes((mask.bit_length() + 7) // 8, "little")):
        if byte:
            if position < _TABLE_BYTES:
                while position >= len(rows):
                    rows.append([None] * 256)
                bits = rows[position][byte]
                if bits is None:
                    bits = rows[position][byte] = tuple(map((position * 8).__add__, rows[0][byte]))
                out.extend(bits)
            else:
                out.extend(map((position * 8).__add__, _bits_of_byte(byte)))
    return out


def _bits_of_byte(byte: int) -> tuple[int, ...]:
    return tuple(bit for bit in range(8) if byte >> bit & 1)


_FEW_BITS = 4
_TABLE_BYTES = 32  # sentences beyond the 256th are rare; their bits are worked out
# [byte position][byte value] -> the bits it sets. Entries past the first row are worked out when
# first needed: making whole rows cost a one-article run about 5 ms for the few it used.
_BYTE_BITS: list[list[tuple[int, ...] | None]] = [[_bits_of_byte(value) for value in range(256)]]


class Plan:
    """A prefilter's condition (see `prefilter.Condition`; its literals alone when it has none),
    ready to be met with a document's index.

    Each literal has the head a word must start with (None: no such test). The word literals
    a document holds are found with set intersections (`DocumentLiterals.words_held`, and
    `starting` for those that must start a word); only the literal sets those touch are given
    a mask, and only the alternatives whose first set is touched are met with the rest, so the
    many alternatives of a pattern cost little in the documents that hold few of its words.
    Once its sets are numbered across the pack (`PlanSets`), the document's index has touched
    them already, and only the alternatives are left to meet.
    """

    __slots__ = ("starting_words", "inner_words", "others", "_heads", "_sets_of", "_by_first", "_set_count",
                 "_first_others", "_later_others", "needs", "_at", "_sets_at", "_by_first_at", "_later_at", "slot")

    def __init__(self, prefilter: Prefilter):
        literals = prefilter.literals
        if literals is None:
            condition = ()
        elif prefilter.condition:
            condition = prefilter.condition
        else:
            condition = ((tuple((literal, literal in prefilter.word_start) for literal in sorted(literals)),),)
        starts_everywhere: dict[str, bool] = {}
        numbered: dict[frozenset[str], int] = {}
        by_first: dict[int, list[tuple[int, ...]]] = {}
        for factors in condition:
            indexes = []
            for factor in factors:
                for literal, starts in factor:
                    starts_everywhere[literal] = starts_everywhere.get(literal, True) and starts
                indexes.append(numbered.setdefault(frozenset(literal for literal, _ in factor), len(numbered)))
            by_first.setdefault(indexes[0], []).append(tuple(indexes[1:]))
        # A whole word or a word shape needs no head test: the index answers it from the words themselves.
        heads = self._heads = {literal: word_head(literal) if starts and not _met_by_words_alone(literal) else None
                               for literal, starts in starts_everywhere.items()}
        TABLE.add(heads, [head for head in heads.values() if head is not None])
        words = {literal for literal in heads if _is_word(literal)}
        self.starting_words = frozenset(literal for literal in words if heads[literal] is not None)
        self.inner_words = frozenset(words - self.starting_words)
        self.others = tuple(sorted((literal, head) for literal, head in heads.items() if literal not in words))
        sets_of: dict[str, list[int]] = {}
        for literals_of_set, index in numbered.items():
            for literal in literals_of_set:
                sets_of.setdefault(literal, []).append(index)
        self._sets_of = {literal: tuple(indexes) for literal, indexes in sets_of.items()}  # the sets holding it
        self._by_first = tuple((first, tuple(rests)) for first, rests in by_first.items())
        self._set_count = len(numbered)
        self._split_others()
        self.slot = None
        SETS.enlist(self)

    def _split_others(self) -> None:
        """Literals with other characters are found by searching the text, so those that sit only
        in later sets are searched for only when an alternative's first set is met: in most
        documents none is, and the search is spared."""
        firsts = {first for first, _ in self._by_first}
        self._first_others = tuple(other for other in self.others if not firsts.isdisjoint(self._sets_of[other[0]]))
        later: dict[int, list[tuple[str, tuple[str, bool] | None]]] = {}
        for other in self.others:
            if other not in self._first_others:
                for index in self._sets_of[other[0]]:
                    later.setdefault(index, []).append(other)
        self._later_others = {index: tuple(found) for index, found in later.items()}

    def state(self) -> tuple:
        """The plan as plain data, for a rule-set snapshot: planning every pattern of a pack
        costs a one-article run a few milliseconds (see `ketalint.snapshot`). With its sets'
        numbers across the pack, once `PlanSets` has given them."""
        numbering = None if self.needs is None else (SETS.token(), self._at)
        return (
            tuple(sorted(self._heads.items())),
            tuple(sorted(self.starting_words)),
            tuple(sorted(self.inner_words)),
            self.others,
            tuple(sorted(self._sets_of.items())),
            self._by_first,
            self._set_count,
            numbering,
        )

    @classmethod
    def restored(cls, state: tuple, join: bool = True) -> "Plan":
        """The plan whose `state` this is; its literals join the table as planning adds them
        (unless `join` is false: the caller adds those of many plans at once, see `join_table`)."""
        heads, starting, inner, others, sets_of, by_first, set_count, numbering = state
        plan = cls.__new__(cls)
        plan._heads = dict(heads)  # plain data keeps tuples tuples (`storage.plain`, marshal)
        if join:
            join_table([plan])
        plan.starting_words, plan.inner_words = frozenset(starting), frozenset(inner)
        plan.others, plan._sets_of, plan._by_first, plan._set_count = others, dict(sets_of), by_first, set_count
        plan._split_others()
        plan.slot = None
        if numbering is not None and numbering[0] == SETS.taken:
            plan.take_numbers(numbering[1])
        else:
            SETS.enlist(plan)
        return plan

    def take_numbers(self, at: tuple[int, ...]) -> None:
        """Number the plan's sets across the pack: `at[i]` for its set i (see `PlanSets`).
        Only the literals with other characters need their sets' numbers here: the index
        touches those of word literals itself."""
        self._at = at
        self.needs = 1 + max(at, default=-1)
        self._sets_at = {literal: tuple(at[i] for i in self._sets_of[literal]) for literal, _ in self._first_others}
        self._by_first_at = tuple((at[first], tuple(tuple(at[i] for i in rest) for rest in rests))
                                  for first, rests in self._by_first)
        self._later_at = {at[index]: others for index, others in self._later_others.items()}

    def sentence_mask(self, found: DocumentLiterals) -> int:
        """The sentences that may hold a match, as a bit mask (bit i: sentence i): those that
        hold, for some alternative, a literal of each of its sets whose head test passes. A rule
        that needs two patterns in one sentence meets their masks before listing either."""
        needs = self.needs
        if needs is not None and needs <= found.covered:
            return self.answer_mask(found)
        present = found.starting & self.starting_words
        if self.inner_words:
            present |= found.words_held & self.inner_words
        if self._first_others:
            heads = found.heads
            for literal, head in self._first_others:
                if (head is None or head in heads) and found.mask_of(literal):
                    present.add(literal)
        if not present:
            return 0
        masks = found.masks
        if self._set_count == 1:
            mask = 0
            for literal in present:
                mask |= masks.get(literal, 0)
            return mask
        sets_of = self._sets_of
        touched = [0] * self._set_count
        for literal in present:
            mask = masks.get(literal, 0)
            if mask:
                for index in sets_of[literal]:
                    touched[index] |= mask
        return _met(found, touched, self._by_first, self._later_others)

    def answer_mask(self, found: DocumentLiterals) -> int:
        """`sentence_mask`, from the document's sets already touched by its word literals (see
        `PlanSets`; the caller has checked that they cover this plan's): only literals with
        other characters are still to be searched for."""
        touched = found.touched
        if self._first_others:
            heads, sets_at = found.heads, self._sets_at
            for literal, head in self._first_others:
                if head is None or head in heads:
                    mask = found.mask_of(literal)
                    if mask:
                        for index in sets_at[literal]:
                            touched[index] |= mask
        return _met(found, touched, self._by_first_at, self._later_at)

    def answers_alone(self) -> bool:
        """Whether the plan's answer follows from a document's touched sets alone: its sets are
        numbered across the pack and hold word literals only, so nothing is left to search for."""
        return self.needs is not None and not self._first_others and not self._later_others

    def numbered_alternatives(self) -> tuple:
        """Its alternatives in the numbers of the sets across the pack: (first set, rests)."""
        return self._by_first_at


def answers_source(alternatives_of_plans: list[tuple], sets: int) -> str:
    """Python source of `answers(t)`, which gives, for each plan (its `numbered_alternatives`)
    in order, the mask `Plan.answer_mask` gives, from a document's touched sets `t`.

    A pack asks a few hundred plans about every document, and more than half answer 0. Met one
    at a time, each answer cost a few calls and a loop over the plan's alternatives; written out
    as one expression per plan ("the first set, and any of the rests in full"), all made at once
    and looked up by a shorter path in `scan._candidate_mask`, they save an article 2.2 % of its
    instructions. The source holds nothing but set numbers, each checked to be an integer
    below `sets`, the number of sets `t` holds (they may come from a snapshot file), and
    operators."""
    rows = []
    for alternatives in alternatives_of_plans:
        terms = []
        for first, rests in alternatives:
            if not rests:
                continue  # nothing follows the first set: no alternative (`_met` gives 0)
            if not all(rests):  # an alternative of the first set alone
                terms.append(f"t[{_number(first, sets)}]")
            else:
                either = " | ".join(" & ".join(f"t[{_number(i, sets)}]" for i in rest) for rest in rests)
                terms.append(f"((x := t[{_number(first, sets)}]) and x & ({either}))")
        rows.append(" | ".join(terms) or "0")
    return "def answers(t):\n    return (\n" + "".join(f"        {row},\n" for row in rows) + "    )\n"


def _number(value, sets: int) -> int:
    if type(value) is not int or not 0 <= value < sets:
        raise ValueError(f"not the number of one of {sets} sets: {value!r}")
    return value


class PlanSets:
    """The literal sets of every plan, numbered across plans, and for each word literal the sets
    it belongs to: a document's index then "or"s each literal it holds into its sets in one
    pass (`touched`), instead of each plan meeting the document's literals with its own when a
    rule asks. A rule pack asks about most of its patterns in every document, and that meeting,
    a few hundred times an article, was a quarter of the time an article took.

    Numbering a pack's sets costs a process about what twenty-five documents save, so the first
    `documents_alone` documents of a process (a pre-commit run over a few articles) leave the plans
    to answer alone, as does a plan made after a document was indexed, until the next one is. A
    rule-set snapshot keeps the numbering of every plan of its pack (`state`, `Plan.state`): a
    run over many files takes it (`restore`, see `scan.expect_documents`) and answers from its
    first document on, each worker without the 11 ms of numbering and the twenty documents
    answered alone (about 15 ms a process); it numbers only plans the snapshot did not hold,
    after the stored numbers.
    """

    documents_alone = 20

    def __init__(self) -> None:
        self.size = 0
        self.indexed = 0
        # Names this process's numbering in what it stores; `taken`: the name of the stored
        # numbering it took, which only plans stored with that numbering may use.
        self._token: str | None = None
        self.taken: str | None = None
        # word literal -> (the sets it counts in wherever it occurs, those it counts in only
        # where a word starts with it)
        self.sets_of: dict[str, tuple[tuple[int, ...], tuple[int, ...]]] = {}
        self._numbers: dict[frozenset, int] = {}
        self._waiting: list[Plan] = []

    def token(self) -> str:
        if self._token is None:
            import os

            self._token = os.urandom(8).hex()
        return self._token

    def state(self) -> tuple:
        """The numbering of the plans made so far, as plain data (`number_waiting` first)."""
        return self.token(), self.size, tuple(sorted(self.sets_of.items()))

    def restore(self, state: tuple) -> None:
        """Take a snapshot's numbering, unless this process has numbered sets of its own."""
        if self.size or self._numbers:
            return
        token, size, sets_of = state
        self.size = size
        self.sets_of = dict(sets_of)
        self._token = self.taken = token

    def number_waiting(self) -> None:
        """Number the plans made so far now, as a snapshot stores them."""
        if self._waiting:
            self._number()

    def enlist(self, plan: Plan) -> None:
        plan.needs = None
        self._waiting.append(plan)

    def touched(self, masks: dict[str, int], starting: set[str]) -> tuple[list[int], int]:
        """(for each set, the sentences holding one of its word literals; how many sets that covers)."""
        self.indexed += 1
        if self._waiting and self.indexed > self.documents_alone:
            self._number()
        touched = [0] * self.size
        sets_of = self.sets_of
        for literal, mask in masks.items():
            sets = sets_of.get(literal)
            if sets is not None:
                anywhere, at_start = sets
                for index in anywhere:
                    touched[index] |= mask
                if at_start and literal in starting:
                    for index in at_start:
                        touched[index] |= mask
        return touched, self.size

    def _number(self) -> None:
        """Give each set of the waiting plans its number: sets of the same literals (with the
        same head tests) share one, as many patterns share a subject or a verb."""
        numbers = self._numbers
        sets_of = self.sets_of
        for plan in self._waiting:
            content: list[list[tuple[str, tuple[str, bool] | None]]] = [[] for _ in range(plan._set_count)]
            for literal, indexes in plan._sets_of.items():
                for index in indexes:
                    content[index].append((literal, plan._heads[literal]))
            at = []
            for literals in content:
                key = frozenset(literals)
                number = numbers.get(key)
                if number is None:
                    number = numbers[key] = self.size  # after a snapshot's numbers, if taken
                    self.size += 1
                    # This numbering now differs from any other process's: stored, it needs a
                    # name of its own (the snapshot's plans keep using the numbers taken).
                    self._token = None
                    for literal, head in literals:
                        if _is_word(literal):
                            anywhere, at_start = sets_of.get(literal, ((), ()))
                            if head is None:
                                sets_of[literal] = (anywhere + (number,), at_start)
                            else:
                                sets_of[literal] = (anywhere, at_start + (number,))
                at.append(number)
            plan.take_numbers(tuple(at))
        self._waiting.clear()


SETS = PlanSets()


def _met(found: DocumentLiterals, touched: list[int], by_first, later) -> int:
    """The sentences that meet some alternative, given each set's sentences in `touched` (numbered
    as `by_first` and `later` number them); the literals with other characters that only later
    sets hold are searched for when an alternative first reaches such a set."""
    unsearched = set(later) if later else None
    union = 0
    for first, rests in by_first:
        opened = touched[first]
        if opened:
            for rest in rests:
                common = opened
                for index in rest:
                    if unsearched and index in unsearched:
                        unsearched.discard(index)
                        touched[index] |= _mask_of_others(found, later[index])
                    common &= touched[index]
                    if not common:
                        break
                union |= common
    return union


def _mask_of_others(found: DocumentLiterals, others) -> int:
    heads = found.heads
    mask = 0
    for literal, head in others:
        if head is None or head in heads:
            mask |= found.mask_of(literal)
    return mask
