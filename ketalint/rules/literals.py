"""Which sentences of a document hold which prefilter literals, answered from its words.

The scanner runs a pattern only on the sentences that hold one of its required literals (see
`ketalint.prefilter`). Searching the text once per literal reads the whole text a hundred times
over for a rule pack, though most literals are absent from any one document. A literal made of
word characters can only occur inside a word, so one pass over the document's distinct words,
given a table from a word to the literals inside it, tells which words matter at all (a site
reuses its vocabulary, so the table is kept across documents); each sentence's words are then
met with those few in one set operation. The same pass tells which words start with which
literal heads (the word-start test of `scan._candidate_sentences`). Literals with other
characters ("brain-derived", "n't") are searched for in the text.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from ketalint.document import STREAM_SEPARATOR
from ketalint.prefilter import Prefilter

_WORD = re.compile(r"\w+")
_PREFIX = 3  # every word literal is at least this long (see `prefilter._MIN_USEFUL`)
_MAX_WORDS = 200_000
_EMPTY = ((), ())


def _is_word(literal: str) -> bool:
    return len(literal) >= _PREFIX and all(ch.isalnum() or ch == "_" for ch in literal)


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
        self._heads: set[tuple[str, bool]] = set()
        self._whole_lengths: list[int] = []
        self._words: dict[str, tuple[tuple[str, ...], tuple[tuple[str, bool], ...]]] = {}
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
        new_heads = [h for h in heads if h not in self._heads]
        if not new and not new_heads:
            return
        self._known.update(new)
        for literal in new:
            if _is_word(literal):
                self.word_literals.add(literal)
                self._by_prefix.setdefault(literal[:_PREFIX], []).append(literal)
        self._heads.update(new_heads)
        self._whole_lengths = sorted({*self._whole_lengths, *(len(head) for head, whole in new_heads if whole)})
        self._words.clear()
        self._history.append((new, new_heads))
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
        heads = self._heads
        satisfied = [(word[:n], True) for n in self._whole_lengths if n <= len(word) and (word[:n], True) in heads]
        if (word, False) in heads:
            satisfied.append((word, False))
        return (tuple(inside), tuple(satisfied)) if inside or satisfied else _EMPTY


TABLE = LiteralTable()


# ASCII characters that end a word (all but letters, digits and "_") as spaces; the sentence
# separator of the stream is kept.
_WORD_GAPS = str.maketrans({chr(c): " " for c in range(1, 128) if not (chr(c).isalnum() or chr(c) == "_")})


def _sentence_words(lowered: str, sentence_spans: list[tuple[int, int]]) -> list[set[str]]:
    """The distinct words (`\\w+` runs) of each sentence. For ASCII text, a translation to
    spaces and a split find the same words several times faster than the regex."""
    if lowered.isascii():
        pieces = lowered.translate(_WORD_GAPS).split(STREAM_SEPARATOR)
        if len(pieces) == len(sentence_spans):
            return [set(piece.split()) for piece in pieces]
    findall = _WORD.findall
    return [set(findall(lowered, start, end)) for start, end in sentence_spans]


class DocumentLiterals:
    """One document's answers: the sentences holding each literal, and the heads its words start with.

    One pass over the document's distinct words tells which word literals it holds at all; most
    literals of a pack are absent from any one document, and those are answered from that set.
    The sentences of a literal that is present are found by searching the text for it, when a
    pattern first asks.
    """

    __slots__ = ("version", "lowered", "starts", "heads", "_hits")

    def __init__(self, lowered: str, sentence_spans: list[tuple[int, int]], starts: list[int]):
        self.version = TABLE.version
        self.lowered = lowered
        self.starts = starts
        word_sets = _sentence_words(lowered, sentence_spans)
        telling, self.heads = TABLE.of_words(set().union(*word_sets))
        hits: dict[str, list[int]] = {}
        if telling:
            telling_words = telling.keys()
            for index, words in enumerate(word_sets):
                for word in telling_words & words:
                    for literal in telling[word]:
                        found = hits.get(literal)
                        if found is None:
                            hits[literal] = [index]
                        elif found[-1] != index:
                            found.append(index)
        self._hits = hits

    def catch_up(self) -> None:
        """Answer for the literals added to the table since this index was built: those are
        searched for in the text, and their heads are taken as met (the head test only spares
        a search, so skipping it loses nothing)."""
        literals, heads = TABLE.added_since(self.version)
        for literal in literals:
            if literal not in self._hits:
                self._hits[literal] = self._search(literal)
        self.heads.update(heads)
        self.version = TABLE.version

    def sentences_with(self, literal: str) -> list[int]:
        """Indexes of the sentences that hold `literal`, ascending."""
        found = self._hits.get(literal)
        if found is None:
            found = self._hits[literal] = [] if literal in TABLE.word_literals else self._search(literal)
        return found

    def _search(self, literal: str) -> list[int]:
        lowered, starts = self.lowered, self.starts
        out: list[int] = []
        i = lowered.find(literal)
        while i >= 0:
            index = bisect_right(starts, i) - 1
            out.append(index)
            if index + 1 >= len(starts):
                break
            i = lowered.find(literal, max(i + 1, starts[index + 1]))
        return out


class Plan:
    """A prefilter's literals, each with the head a word must start with (None: no such test)."""

    __slots__ = ("checks",)

    def __init__(self, prefilter: Prefilter):
        word_start = prefilter.word_start
        self.checks = tuple((literal, word_start.get(literal)) for literal in sorted(prefilter.literals or ()))
        TABLE.add(prefilter.literals or (), [head for _, head in self.checks if head is not None])

    def sentences(self, found: DocumentLiterals) -> list[int]:
        """Indexes of the sentences holding any literal whose head test passes, ascending."""
        heads = found.heads
        lists = [found.sentences_with(literal) for literal, head in self.checks if head is None or head in heads]
        lists = [hits for hits in lists if hits]
        if len(lists) == 1:
            return lists[0]
        union: set[int] = set()
        for hits in lists:
            union.update(hits)
        return sorted(union)
