"""The `repetition` rule type: a word said twice in a row, and the word check that spares the regex."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from ketalint.document import parse
from ketalint.examples import example_hits
from ketalint.packs import parse_pack
from ketalint.rules.repetition import _REPEAT, _may_repeat

PACK = """\
rules:
  - id: t.doubled
    type: repetition
    category: style
    severity: info
    message: '"{match}" repeats a word.'
    exceptions: ['\\bthat[ \\t]+that\\b']
"""


def _rule():
    (rule,) = parse_pack(PACK, "t.yaml", "t")
    return rule


def _reported(text: str) -> list[str]:
    doc = parse("t.md", text)
    return [doc.text[h.start:h.end] for h in _rule().impl.check(doc)]


def test_a_doubled_word_is_reported_in_any_case_and_any_sentence():
    assert _reported("Ketamine blocks the the receptor. Is it safe safe? “It helped helped,” she said.\n") == [
        "the the", "safe safe", "helped helped",
    ]
    assert _reported("The THE first session.\n") == ["The THE"]


def test_punctuation_line_breaks_digits_and_exceptions_are_not_repeats():
    assert _reported("Long, long enough. He said that that dose helped. Take 2 2 times.\n") == []
    assert _reported("Next\n\nNext article\n") == []


def test_non_ascii_text_is_still_checked():
    assert _reported("At the café, the the dose is set.\n") == ["the the"]


def test_a_repeat_that_opens_a_sentence_is_found_after_the_sentence_before():
    assert _reported("Go now. The the dose is set.\n\nThe the end.\n") == ["The the", "The the"]


def test_rule_files_accept_the_type():
    assert example_hits(_rule(), "Most sessions last about about forty minutes.")


_WORDS = ["the", "The", "THE", "a", "that", "x_y", "2", "café", "Café", "b2", "The the", "Go now."]
_GAPS = [" ", "  ", "\t", "\n", ", ", ". ", "-", "'", " (", ") ", "\n\n", "? ", "_", "% "]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_WORDS), st.sampled_from(_GAPS)), min_size=1, max_size=30))
def test_the_word_check_never_hides_a_repeat_the_regex_finds(parts):
    """`_may_repeat` only spares the regex: wherever the regex finds a repeat in a sentence, the
    check lets it run."""
    doc = parse("t.md", "".join(word + gap for word, gap in parts) + "\n")
    pattern = re.compile(_REPEAT, re.IGNORECASE)
    if any(pattern.search(s.text) for s in doc.sentences):
        assert _may_repeat(doc)
