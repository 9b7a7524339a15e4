"""`fair-balance`: the risk content must not be dwarfed by the benefit claims.

    - id: safety.fair-balance
      type: fair-balance
      headings: ["side effects", "risks", "is safe?"]     # plus every option of required-section
      benefit_patterns: ['\\bhelps?\\b', '\\beffective\\b', '\\brelief\\b']
      min_ratio: 0.5          # risk words per benefit-claim word (default 0.5)
      min_benefit_words: 40   # too few claims to weigh below this (default 40)
      message: "{risk_words} words on risks against {benefit_words} words of benefit claims"

Risk words are the words of the safety sections (as found by the heading options, sub-headings
included). Benefit words are the words of the sentences outside them that assert a benefit
(a `benefit_patterns` match that is not negated, quoted, reported or asked). The finding is
reported at the first safety section's heading with `{risk_words}`, `{benefit_words}`,
`{ratio}` and `{min_ratio}`. A page with no safety section at all is `required-section`'s
finding, not this one's.
"""

from __future__ import annotations

from collections.abc import Iterator

from ketalint.document.model import Document
from ketalint.rules.base import Hit, Option, RuleType
from ketalint.rules.promotion import TRIGGER_OPTIONS, Promotion
from ketalint.rules.section_match import HEADING_OPTIONS, HEADING_SCORER, HeadingMatcher, count_words, find_sections, word_count


class FairBalanceRule(RuleType):
    TYPE = "fair-balance"
    SHARED_MODULES = HEADING_SCORER
    OPTIONS = {
        **HEADING_OPTIONS,
        **TRIGGER_OPTIONS,
        "benefit_patterns": Option("list[str]", required=True, doc="regexes marking a benefit claim"),
        "min_ratio": Option("float", minimum=0, doc="lowest acceptable risk words per benefit word (default 0.5)"),
        "min_benefit_words": Option("int", minimum=0, doc="fewer benefit words than this are not weighed (default 40)"),
    }

    def __init__(self, spec):
        super().__init__(spec)
        self.promotion = Promotion(spec.options)
        self.matcher = HeadingMatcher.from_options(spec.options, self.promotion.terms)
        self.min_ratio = float(spec.options.get("min_ratio", 0.5))
        self.min_benefit_words = spec.options.get("min_benefit_words", 40)

    def check(self, doc: Document) -> Iterator[Hit]:
        sections = find_sections(doc, self.matcher)
        if not sections or not self.promotion.promotes(doc):
            return
        inside = {id(b) for s in sections for b in [s.heading, *s.all_blocks()]}
        claims = [s for s in self.promotion.benefit_sentences(doc) if id(s.block) not in inside]
        benefit_words = sum(count_words(s.text) for s in claims)
        if benefit_words < self.min_benefit_words:
            return
        risk_words = sum(word_count(s.all_blocks()) for s in sections)
        ratio = risk_words / benefit_words
        if ratio >= self.min_ratio:
            return
        heading = sections[0].heading
        yield Hit(heading.source_start, heading.source_end, values=(
            ("risk_words", str(risk_words)),
            ("benefit_words", str(benefit_words)),
            ("ratio", f"{ratio:.2f}"),
            ("min_ratio", f"{self.min_ratio:g}"),
        ))
