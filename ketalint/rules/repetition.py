"""`repetition`: a word said twice in a row ("the the"), an editing slip.

    - id: style.doubled-word
      type: repetition
      exceptions: ['\\bthat[ \\t]+that\\b']   # deliberate doubles; a match overlapping one is not reported

A repeat is a run of letters, then spaces or tabs only, then the same run (in any case) ending
a word; a line break, punctuation or a digit between the two is not a repeat, so navigation
left-overs on separate lines ("Next" above "Next") and "that, that" pass. Quoted, negated or
asked sentences are reported too: a slip is a slip wherever it is.

The regex that finds repeats is tried at every word of a text, and most articles hold none.
Where a document's text is ASCII, its words are first compared with their neighbours in one
pass over the split text (in C), and the regex runs only if some word equals the next.
"""

from __future__ import annotations

from collections.abc import Iterator
from operator import eq

from ketalint.document import STREAM_SEPARATOR, ascii_gaps
from ketalint.document.model import Document
from ketalint.rules.base import (
    Hit,
    Option,
    RuleType,
    compile_terms,
    find_in_sentences,
    lowered_stream,
    overlaps_exception,
    plain_words,
    sentence_text,
)

_REPEAT = r"\b([A-Za-z]++)[ \t]+\1\b"
# `\w` runs of lower-cased ASCII text, with the sentence separator as a gap too: a repeat is two
# equal neighbours among them (a letter run bounded by `\b` on both sides is a whole `\w` run).
_WORD_GAPS = {**ascii_gaps("_"), ord(STREAM_SEPARATOR): " "}


class RepetitionRule(RuleType):
    TYPE = "repetition"
    OPTIONS = {
        "exceptions": Option("list[str]", doc="regexes for deliberate repeats; a match overlapping one is not reported"),
    }

    def __init__(self, spec):
        super().__init__(spec)
        self.regex = compile_terms((), [_REPEAT])
        self.exceptions = compile_terms((), spec.options.get("exceptions"))

    def check(self, doc: Document) -> Iterator[Hit]:
        if not _may_repeat(doc):
            return
        for sentence, start, end in find_in_sentences(doc, self.regex, self.spec.scope):
            if overlaps_exception(doc, sentence, sentence_text(doc, sentence), start, end, self.exceptions):
                continue
            src_start, src_end = sentence.source_span(start, end)
            yield Hit(src_start, src_end, values=(("match", sentence.text[start:end]),))


def _may_repeat(doc: Document) -> bool:
    """False only when no word of the document equals the word after it (ASCII text).

    The sentences' plain words (`plain_words`, split once for several rules) serve where a
    sentence has them: splitting the text again cost more than comparing the words. A plain
    word is a run of letters and digits, so a repeated run of letters is a repeated plain word;
    the last word of one sentence is compared with the first of the next, which can only say
    yes too often."""
    lowered = lowered_stream(doc)
    if lowered is None or not lowered.isascii():
        return True
    plain = plain_words(doc)
    if plain is None:
        words = lowered.translate(_WORD_GAPS).split()
    else:
        words = []
        for sentence, found in zip(doc.sentences, plain):
            if found is None:
                start = sentence.stream_start
                found = lowered[start:start + len(sentence.text)].translate(_WORD_GAPS).split()
            words += found
    return any(map(eq, words, words[1:]))
