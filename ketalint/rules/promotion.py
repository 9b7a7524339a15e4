"""Whether a document promotes a treatment, and which of its sentences claim a benefit.

A page that names the treatment often enough *and* says something good about it is selling it;
a news item that mentions ketamine while reporting on regulation is not. Both halves are
configurable; a rule with neither applies to every document.
"""

from __future__ import annotations

import re

from ketalint.document.model import Document, Sentence
from ketalint.language import Context
from ketalint.lazyregex import lazy
from ketalint.rules.base import Option, candidate_sentences, sentence_spans, sentence_text, stream_spans
from ketalint.rules.section_match import wildcard_terms

TRIGGER_OPTIONS = {
    "trigger_terms": Option("list[str]", doc="phrases naming the treatment (a trailing * matches any word ending)"),
    "min_mentions": Option("int", minimum=0, doc="how often the trigger terms must occur (default 1)"),
    "benefit_patterns": Option("list[str]", doc="regexes marking a benefit claim; when given, one is needed too"),
    "min_benefit_claims": Option("int", minimum=0, doc="how many benefit-claim sentences are needed (default 1)"),
}

_ASSERTED = Context()


class Promotion:
    """The trigger of the section rules, built from `TRIGGER_OPTIONS`."""

    def __init__(self, options: dict):
        self.terms = wildcard_terms(options.get("trigger_terms"))
        self.min_mentions = options.get("min_mentions", 1)
        patterns = options.get("benefit_patterns")
        self.benefit = lazy("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE) if patterns else None
        self.min_claims = options.get("min_benefit_claims", 1)

    def promotes(self, doc: Document) -> bool:
        if self.terms is not None and not _at_least(stream_spans(doc, self.terms), self.min_mentions):
            return False
        if self.benefit is not None and not self._claims_at_least(doc, self.min_claims):
            return False
        return True

    def _claims_at_least(self, doc: Document, count: int) -> bool:
        """Whether `count` sentences claim a benefit, read until the `count`th: a page that sells
        the treatment says so early, and most rules ask only this (remembered per document)."""
        key = ("claims_at_least", self.benefit.pattern, count)
        verdict = doc.memo.get(key)
        if verdict is None:
            listed = doc.memo.get(("benefit_sentences", self.benefit.pattern))
            if listed is not None:
                verdict = len(listed) >= count
            else:
                claims = (s for s in candidate_sentences(doc, self.benefit) if self._claims(doc, s))
                verdict = _at_least(claims, count)
            doc.memo[key] = verdict
        return verdict

    def benefit_sentences(self, doc: Document) -> list[Sentence]:
        """Sentences that assert a benefit: not negated, quoted, reported or asked."""
        if self.benefit is None:
            return []
        key = ("benefit_sentences", self.benefit.pattern)
        found = doc.memo.get(key)
        if found is None:
            found = doc.memo[key] = [s for s in candidate_sentences(doc, self.benefit) if self._claims(doc, s)]
        return found

    def _claims(self, doc: Document, sentence: Sentence) -> bool:
        text = sentence_text(doc, sentence)
        return any(not _ASSERTED.excuses(text, a, b) for a, b in sentence_spans(doc, self.benefit, sentence))


def _at_least(matches, count: int) -> bool:
    for seen, _ in enumerate(matches, start=1):
        if seen >= count:
            return True
    return count <= 0
