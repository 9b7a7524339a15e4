"""`repeated-sentence`: a sentence said twice in one article, usually an editing slip.

    - id: style.repeated-sentence
      type: repeated-sentence
      min_words: 4           # shorter sentences may repeat (default 4)
      min_shared_words: 5    # a near repeat shares at least this many words ... (default 5)
      min_share: 0.75        # ... and this share of the later sentence's words (default 0.75)

Sentences are compared as lower-case words, so case, punctuation, whitespace and typographic
quotes do not matter. A sentence repeats an earlier one when their words are the same, or when
the later sentence's first or last words are the earlier one's first or last words and make up
most of it: "Our team is here to help you heal." after "Ketamine works fast, and our team is
here to help you heal." is a left-over of a rewrite. The finding is at the second (and each
later) occurrence, with the first as a related location and `{first_line}` in the message.

Body text and headings are compared separately, headings only for exact repeats, and a heading
that repeats the title is skipped (pasted web pages often print the title twice). Table cells
are left out: columns repeat by design.
"""

from __future__ import annotations

import math
from collections.abc import Iterator

from ketalint.document.model import Document, Sentence
from ketalint.rules.base import Hit, Option, RuleType, lowered_stream, plain_words, sentence_text
from ketalint.rules.section_match import WORD_RE, span_location, words_of

_BODY_KINDS = ("paragraph", "list_item")


class RepeatedSentenceRule(RuleType):
    TYPE = "repeated-sentence"
    OPTIONS = {
        "min_words": Option("int", minimum=1, doc="sentences with fewer words are never reported (default 4)"),
        "min_shared_words": Option("int", minimum=1, doc="words a near repeat shares with the earlier sentence (default 5)"),
        "min_share": Option("float", minimum=0, maximum=1, doc="share of the later sentence those words make up (default 0.75)"),
    }

    def __init__(self, spec):
        super().__init__(spec)
        opts = spec.options
        self.min_words = opts.get("min_words", 4)
        self.min_shared = opts.get("min_shared_words", 5)
        self.min_share = float(opts.get("min_share", 0.75))

    def check(self, doc: Document) -> Iterator[Hit]:
        body = [s for s in doc.sentences if s.block.kind in _BODY_KINDS]
        for sentence, first in self._body_repeats(doc, body):
            yield _hit(doc, sentence, first)
        for sentence, first in self._heading_repeats(doc):
            yield _hit(doc, sentence, first)

    def _body_repeats(self, doc: Document, sentences: list[Sentence]):
        """Earlier sentences are indexed by their first and by their last `min_shared` words:
        a near repeat shares at least that many first or last words, so it is found among the
        few sentences with the same key, not among all that start with "the"."""
        edge, min_words = self.min_shared, self.min_words
        by_start: dict[tuple[str, ...], list[tuple[tuple[str, ...], Sentence]]] = {}
        by_end: dict[tuple[str, ...], list[tuple[tuple[str, ...], Sentence]]] = {}
        first_exact: dict[tuple[str, ...], Sentence] = {}
        words_of_sentence = _sentence_words(doc)
        for sentence in sentences:
            words = words_of_sentence(sentence)
            if len(words) < min_words:
                continue
            earlier = first_exact.setdefault(words, sentence)
            if earlier is not sentence:
                yield sentence, earlier
                continue
            start, end = words[:edge], words[-edge:]
            same_start, same_end = by_start.get(start), by_end.get(end)
            if same_start is not None or same_end is not None:
                # Only the latest near-repeats are compared, so a file that repeats one opening
                # word thousands of times stays linear.
                earlier = self._earliest_repeated(words, _latest(same_start), _latest(same_end))
                if earlier is not None:
                    yield sentence, earlier
            entry = (words, sentence)
            if same_start is None:
                by_start[start] = [entry]
            else:
                same_start.append(entry)
            if same_end is None:
                by_end[end] = [entry]
            else:
                same_end.append(entry)

    def _earliest_repeated(self, words: tuple[str, ...], *candidate_lists) -> Sentence | None:
        """The earliest sentence of the lists (each in document order) that `words` repeats.

        A repeat shares at least `need` first or last words (tested as slices: C-speed tuple
        compares); identical words share both, so they need no test of their own. A sentence
        shorter than that share cannot hold it, and is passed over without slicing.
        """
        need = max(self.min_shared, math.ceil(self.min_share * len(words)))
        head, tail = words[:need], words[-need:]
        shortest = len(head)
        # The last word of the shared opening and the first of the shared ending are compared
        # first: they differ in most candidates, and a word compare costs less than a slice.
        last_of_head, first_of_tail = head[-1], tail[0]
        best = None
        for candidates in candidate_lists:
            for earlier, sentence in candidates:
                if len(earlier) >= shortest and (
                    (earlier[shortest - 1] == last_of_head and earlier[:need] == head)
                    or (earlier[-shortest] == first_of_tail and earlier[-need:] == tail)
                ):
                    if best is None or sentence.index < best.index:
                        best = sentence
                    break
        return best

    def _heading_repeats(self, doc: Document):
        title = doc.title
        title_words = " ".join(words_of(title.text)) if title else None
        first_of: dict[tuple[str, ...], Sentence] = {}
        for block in doc.headings:
            if block.is_title or not block.sentences:
                continue
            words = tuple(words_of(block.text))
            joined = " ".join(words)
            if title_words and (joined in title_words or title_words in joined):
                continue
            if len(words) < self.min_words:
                continue
            if words in first_of:
                yield block.sentences[0], first_of[words]
            else:
                first_of[words] = block.sentences[0]


_MAX_CANDIDATES = 64


def _latest(candidates: list | None) -> list | tuple:
    if candidates is None:
        return ()
    return candidates if len(candidates) <= _MAX_CANDIDATES else candidates[-_MAX_CANDIDATES:]


def _sentence_words(doc: Document):
    """A function giving a sentence's words as `words_of` gives them, without "?".

    For an ASCII document, lower-casing and folding typography change nothing but case, so
    the words are read from the document's lower-cased stream in place, without copying
    each sentence and lower-casing and translating it again; and where a sentence has no
    apostrophe, its words are its plain words (`plain_words`, shared with other rules), found
    by a translation to spaces and a split several times faster than the regex.
    """
    stream = doc.stream
    if not stream.isascii():
        return lambda sentence: tuple(filter(_NOT_QUESTION, words_of(sentence_text(doc, sentence))))
    lowered = lowered_stream(doc)
    findall = WORD_RE.findall
    plain = plain_words(doc)

    def words(sentence: Sentence) -> tuple[str, ...]:
        if plain is not None:
            found = plain[sentence.index]
            if found is not None:
                return tuple(found)
        start = sentence.stream_start
        return tuple(filter(_NOT_QUESTION, findall(lowered, start, start + len(sentence.text))))

    return words


_NOT_QUESTION = "?".__ne__


def _hit(doc: Document, sentence: Sentence, first: Sentence) -> Hit:
    first_place = span_location(doc, first.source_start, first.source_end)
    values = (("first_line", str(first_place.line)),)
    return Hit(sentence.source_start, sentence.source_end, values=values, related=(first_place,))
