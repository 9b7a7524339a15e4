"""Context tests search case-insensitive cues over lower-cased ASCII text: same places, faster."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from ketalint import language
from ketalint.language import folded

PATTERNS = [language._REPORT_BEFORE_RE, language._REPORT_AFTER_RE, language._TESTIMONIAL_RE,
            language._NEW_PREDICATE, language._HEDGE_RE, language._NEGATION_RE]
WORDS = st.lists(
    st.sampled_from(["Some", "SITES", "claim", "that", "it", "Does", "NOT", "work", "may", "Help", "says", "one",
                     "Patient", "and", "is", "A", "myth", "No", "evidence", "can't", ",", ";", "'", "Kelvin"]),
    max_size=14,
).map(" ".join)


def _spans(pattern, text):
    return [m.span() for m in pattern.finditer(text)]


@settings(max_examples=120, deadline=None)
@given(WORDS)
def test_folded_cues_match_where_the_originals_do(text):
    for pattern in PATTERNS:
        twin, searched = folded(pattern, text)
        assert twin is not pattern and searched == text.lower()
        assert _spans(twin, searched) == _spans(pattern, text), pattern.pattern[:60]


def test_text_outside_ascii_and_case_sensitive_patterns_are_searched_as_they_are():
    text = "It is \u212aelvin, not a myth."
    assert folded(language._REPORT_AFTER_RE, text) == (language._REPORT_AFTER_RE, text)
    exact = re.compile(r"\bMyth\b")
    assert folded(exact, "A Myth.") == (exact, "A Myth.")
