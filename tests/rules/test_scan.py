from __future__ import annotations

import re

import pytest

from ketalint.document import parse
from ketalint.rules.scan import stream_matches

TEXT = "We saw Growth and GROWTH here.\n\nMore growth follows. Nothing else.\n"


@pytest.mark.parametrize(
    "pattern",
    [
        r"(?:|growth)",  # the empty alternative comes first
        r"(?:growth)??",  # lazy: the empty match is preferred
        r"(?:growth)?",
        r"\b(?:more\s+)?growth",
    ],
)
def test_scan_reports_the_non_empty_matches_a_full_scan_gives(pattern):
    """A pattern that prefers an empty match at a position still has the non-empty one that
    `finditer` tries next there; the case-folded path must report that one, in the text's case."""
    regex = re.compile(pattern, re.IGNORECASE)
    doc = parse("t.txt", TEXT)
    expected = [(m.span(), m.group()) for m in regex.finditer(doc.stream) if m.end() > m.start()]
    assert [(m.span(), m.group()) for m in stream_matches(doc, regex)] == expected
    assert expected  # the text holds matches for every pattern above
