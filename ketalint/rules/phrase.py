"""`phrase`: any of a list of phrases or regular expressions, stated as an assertion.

    - id: overclaim.literally
      type: phrase
      phrases: ["literally refreshes", "literally rewires"]
      patterns: ['\\bliterally\\s+(?:heals|resets)\\b']
      exceptions: ['not literally']
      fuzzy: 90        # optional: also match misspelt or inflected variants (rapidfuzz score)

Phrases match whole words, case-insensitively, across line breaks and with either apostrophe.
A match that the sentence negates, quotes, reports or asks about is skipped (see `unless_*`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ketalint.document.model import Document
from ketalint.rules.base import (
    CONTEXT_OPTIONS,
    Hit,
    Option,
    OptionError,
    RuleType,
    candidate_mask,
    compile_terms,
    context_of,
    cues_of,
    find_in_sentences,
    in_scope,
    overlaps_exception,
    sentence_text,
)


class PhraseRule(RuleType):
    TYPE = "phrase"
    RESTATED = True
    OPTIONS = {
        "phrases": Option("list[str]", doc="literal phrases (whole words, any case)"),
        "patterns": Option("list[str]", doc="regular expressions"),
        "fuzzy": Option("int", doc="rapidfuzz score (0-100) for near-miss spellings of `phrases`", minimum=0, maximum=100),
        **CONTEXT_OPTIONS,
    }

    def __init__(self, spec):
        super().__init__(spec)
        opts = spec.options
        if not opts.get("phrases") and not opts.get("patterns"):
            raise OptionError("phrases", "a phrase rule needs 'phrases' or 'patterns'")
        if opts.get("fuzzy") is not None and not opts.get("phrases"):
            raise OptionError("fuzzy", "'fuzzy' applies to 'phrases', and this rule has none")
        self.regex = compile_terms(opts.get("phrases"), opts.get("patterns"), opts.get("case_sensitive", False))
        self.exceptions = compile_terms((), opts.get("exceptions"), opts.get("case_sensitive", False))
        self.context = context_of(opts)
        self.cues = cues_of(opts)
        self.fuzzy = opts.get("fuzzy")
        self.phrases = [p.lower() for p in opts.get("phrases") or ()]

    def check(self, doc: Document) -> Iterator[Hit]:
        seen: dict[int, list[tuple[int, int]]] = {}
        # Most phrase rules find no sentence that holds their literals: asked first, that
        # answer spares setting up the search.
        if self.regex is not None and candidate_mask(doc, self.regex) != 0:
            for sentence, start, end in find_in_sentences(doc, self.regex, self.spec.scope):
                hit = self._hit(doc, sentence, start, end)
                if hit:
                    seen.setdefault(sentence.index, []).append((start, end))
                    yield hit
        if self.fuzzy and self.phrases:
            for sentence, start, end in self._fuzzy_matches(doc):
                exact = seen.get(sentence.index, ())
                if any(a < end and start < b for a, b in exact):
                    continue
                hit = self._hit(doc, sentence, start, end)
                if hit:
                    yield hit

    def _hit(self, doc, sentence, start, end) -> Hit | None:
        text = sentence_text(doc, sentence)
        if overlaps_exception(doc, sentence, text, start, end, self.exceptions):
            return None
        if self.context.excuses(text, start, end, self.cues):
            return None
        src_start, src_end = sentence.source_span(start, end)
        return Hit(src_start, src_end, values=(("match", sentence.text[start:end]),))

    def _fuzzy_matches(self, doc):
        """Windows of as many words as a phrase whose rapidfuzz ratio reaches the threshold."""
        from rapidfuzz import fuzz

        for sentence in doc.sentences:
            if not in_scope(sentence, self.spec.scope):
                continue
            text = sentence_text(doc, sentence)
            words = [(m.start(), m.end()) for m in re.finditer(r"[\w'’-]+", text)]
            lowered = text.lower()
            for phrase in self.phrases:
                size = len(phrase.split())
                for i in range(len(words) - size + 1):
                    a, b = words[i][0], words[i + size - 1][1]
                    if fuzz.ratio(phrase, lowered[a:b], score_cutoff=self.fuzzy):
                        yield sentence, a, b
