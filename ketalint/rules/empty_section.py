"""`empty-section`: a heading with nothing under it, such as an empty "Sources:" at the end.

    - id: style.empty-heading
      type: empty-section
      allow: ['^share$']     # optional: regexes of headings that may stand alone

A heading is empty when neither text nor a sub-heading follows it before the next heading of
the same or a higher level. A heading followed only by sub-headings is their parent, not empty.
The title is left alone: a page that is only a title has no copy to lint.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ketalint.document import iter_sections
from ketalint.document.model import Document
from ketalint.lazyregex import lazy
from ketalint.rules.base import Hit, Option, RuleType


class EmptySectionRule(RuleType):
    TYPE = "empty-section"
    OPTIONS = {
        "allow": Option("list[str]", doc="regexes: headings that may have nothing under them"),
    }

    def __init__(self, spec):
        super().__init__(spec)
        allow = spec.options.get("allow")
        self.allow = lazy("|".join(f"(?:{p})" for p in allow), re.IGNORECASE) if allow else None

    def check(self, doc: Document) -> Iterator[Hit]:
        for section in iter_sections(doc.sections):
            heading = section.heading
            if heading is None or heading.is_title or section.blocks or section.subsections:
                continue
            if self.allow is not None and self.allow.search(heading.text.strip()):
                continue
            yield Hit(heading.source_start, heading.source_end)
