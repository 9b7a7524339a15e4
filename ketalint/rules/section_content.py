"""`section-content`: the sections a heading list describes must cover listed topics.

    - id: safety.side-effects-coverage
      type: section-content
      headings: ["side effects", "risks", "is safe?"]     # plus every option of required-section
      topics:
        dissociation: [dissociat*, detached, dreamlike]
        blood pressure: [blood pressure, hypertension]
      message: "the safety section does not mention: {missing}"

A topic is covered when any of its synonyms (whole words, any case; a trailing `*` lets the
word run on) occurs in the section, its sub-headings or its heading. When a page has more than
one such section ("Side Effects" and, further down, "Who Should Not Have Ketamine?"), they are
read together: the finding is reported once, at the first one's heading, with the others as
related locations. `{missing}` and `{covered}` list topic names. A document without any such
section is left to `required-section`.
"""

from __future__ import annotations

from collections.abc import Iterator

from ketalint.document.model import Document
from ketalint.language import folded
from ketalint.rules.base import Hit, Option, RuleType
from ketalint.rules.promotion import TRIGGER_OPTIONS, Promotion
from ketalint.rules.section_match import (
    HEADING_OPTIONS,
    HEADING_SCORER,
    HeadingMatcher,
    find_sections,
    section_text,
    span_location,
    wildcard_terms,
)


class SectionContentRule(RuleType):
    TYPE = "section-content"
    SHARED_MODULES = HEADING_SCORER
    OPTIONS = {
        **HEADING_OPTIONS,
        **TRIGGER_OPTIONS,
        "topics": Option("dict[str,list[str]]", required=True, doc="topic name -> synonyms"),
    }

    def __init__(self, spec):
        super().__init__(spec)
        self.promotion = Promotion(spec.options)
        self.matcher = HeadingMatcher.from_options(spec.options, self.promotion.terms)
        self.topics = [(name, wildcard_terms(words)) for name, words in spec.options["topics"].items()]

    def check(self, doc: Document) -> Iterator[Hit]:
        sections = find_sections(doc, self.matcher)
        if not sections or not self.promotion.promotes(doc):
            return
        text = "\n".join(section_text(s) for s in sections)
        missing = [name for name, regex in self.topics if regex is None or not _mentions(regex, text)]
        if not missing:
            return
        covered = [name for name, _ in self.topics if name not in missing]
        headings = [s.heading for s in sections]
        yield Hit(
            headings[0].source_start,
            headings[0].source_end,
            values=(("missing", ", ".join(missing)), ("covered", ", ".join(covered) or "none")),
            related=tuple(span_location(doc, h.source_start, h.source_end) for h in headings[1:]),
        )


def _mentions(regex, text: str) -> bool:
    """Whether `text` names the topic: its case-folded twin over the lower-cased text, where it can."""
    pattern, searched = folded(regex, text)
    return pattern.search(searched) is not None
