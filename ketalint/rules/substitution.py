"""`substitution`: wrong wording → preferred wording; the preferred wording is the suggestion and the fix.

    - id: factual.neuron-count
      type: substitution
      swap:
        "100 billion neurons": "86 billion neurons"
        'ten times (?:more|as many) glia': "roughly as many glial cells"   # keys may be regexes
      regex: true          # treat keys as regular expressions (default: literal phrases)

A fix keeps the first letter's case. `fix: false` makes the rule suggest without fixing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ketalint.document.model import Document
from ketalint.lazyregex import lazy
from ketalint.rules.base import (
    CONTEXT_OPTIONS,
    Hit,
    Option,
    OptionError,
    RuleType,
    context_of,
    cues_of,
    find_in_sentences,
    overlaps_exception,
    phrase_pattern,
    compile_terms,
    sentence_text,
)


class SubstitutionRule(RuleType):
    TYPE = "substitution"
    RESTATED = True
    FIXABLE = True
    OPTIONS = {
        "swap": Option("dict[str,str]", required=True, doc="wrong wording → preferred wording"),
        "regex": Option("bool", doc="the keys of `swap` are regular expressions"),
        "fix": Option("bool", doc="offer the preferred wording as an automatic fix (default true)"),
        **CONTEXT_OPTIONS,
    }

    def __init__(self, spec):
        super().__init__(spec)
        opts = spec.options
        flags = 0 if opts.get("case_sensitive") else re.IGNORECASE
        if not opts["swap"] or any(not key.strip() for key in opts["swap"]):
            raise OptionError("swap", "'swap' needs at least one entry, and no empty wording")
        self.pairs = [
            (lazy(key if opts.get("regex") else phrase_pattern(key), flags), value)
            for key, value in opts["swap"].items()
        ]
        self.regex = lazy("|".join(f"(?:{p.pattern})" for p, _ in self.pairs), flags)
        self.exceptions = compile_terms((), opts.get("exceptions"), opts.get("case_sensitive", False))
        self.context = context_of(opts)
        self.cues = cues_of(opts)
        self.fixable = opts.get("fix", True)

    def check(self, doc: Document) -> Iterator[Hit]:
        for sentence, start, end in find_in_sentences(doc, self.regex, self.spec.scope):
            text = sentence_text(doc, sentence)
            if overlaps_exception(doc, sentence, text, start, end, self.exceptions):
                continue
            if self.context.excuses(text, start, end, self.cues):
                continue
            matched = text[start:end]
            preferred = next((v for p, v in self.pairs if p.fullmatch(matched)), self.pairs[0][1])
            preferred = _match_case(sentence.text[start:end], preferred)
            src_start, src_end = sentence.source_span(start, end)
            yield Hit(
                src_start,
                src_end,
                replacement=preferred if self.fixable else None,
                values=(("preferred", preferred), ("match", sentence.text[start:end])),
                suggestion=preferred,
            )


def _match_case(original: str, preferred: str) -> str:
    if original[:1].isupper() and preferred[:1].islower():
        return preferred[:1].upper() + preferred[1:]
    return preferred
