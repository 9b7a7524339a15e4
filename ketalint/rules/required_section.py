"""`required-section`: a document that promotes a treatment must have a section on its risks.

    - id: safety.side-effects-section
      type: required-section
      headings: ["side effects", "risks", "is safe?", "safety information"]
      ignore_words: [ketamine, esketamine, spravato, therapy, treatment]
      other_subjects: [depression, anxiety, antidepressant*]   # "Side Effects of Depression" is not it
      exclude: ['\\b(?:fewer|no|minimal)\\s+side\\s+effects\\b']
      trigger_terms: [ketamine, esketamine, spravato]
      min_mentions: 3
      benefit_patterns: ['\\bhelps?\\b', '\\beffective\\b']
      message: "no section on risks (looked for headings like {looked_for})"

Only a heading counts: a sentence about side effects inside another section is not a section,
and neither is a matching heading with nothing under it. The finding is reported once, at the
document's title (or its first block when it has no title); `{looked_for}` lists the headings.
"""

from __future__ import annotations

from collections.abc import Iterator

from ketalint.document.model import Document
from ketalint.rules.base import Hit, RuleType
from ketalint.rules.promotion import TRIGGER_OPTIONS, Promotion
from ketalint.rules.section_match import HEADING_OPTIONS, HEADING_SCORER, HeadingMatcher, find_sections


class RequiredSectionRule(RuleType):
    TYPE = "required-section"
    SHARED_MODULES = HEADING_SCORER
    OPTIONS = {**HEADING_OPTIONS, **TRIGGER_OPTIONS}

    def __init__(self, spec):
        super().__init__(spec)
        self.promotion = Promotion(spec.options)
        self.matcher = HeadingMatcher.from_options(spec.options, self.promotion.terms)
        self.looked_for = ", ".join(f'"{h}"' for h in spec.options["headings"])

    def check(self, doc: Document) -> Iterator[Hit]:
        if not doc.blocks or not self.promotion.promotes(doc):
            return
        if find_sections(doc, self.matcher):
            return
        anchor = doc.title or doc.blocks[0]
        yield Hit(anchor.source_start, anchor.source_end, values=(("looked_for", self.looked_for),))
