"""`repeated-sentence`: a sentence said twice in one article."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from safety_support import FORMATS, custom_rule, findings, fixture, pack_rule, text_doc

RULE = "style.repeated-sentence"


def repeats(text: str, fmt: str = "text", rule=None):
    return findings(text_doc(text, fmt), rule or pack_rule(RULE))


@pytest.mark.parametrize("fmt", FORMATS)
def test_second_occurrence_reported_with_the_first_as_related(fmt):
    doc = fixture(f"structure.{fmt}")
    (found,) = findings(doc, pack_rule(RULE))
    assert found.match == "Eat a light meal a few hours before you arrive."
    assert found.location.line == (5 if fmt == "html" else 7)
    assert found.related[0].line == 3
    assert found.message == "this sentence repeats one on line 3"


def test_case_whitespace_and_typographic_quotes_do_not_hide_a_repeat():
    text = "Guide\n\nWe\u2019ll  call you the day before.\n\nSome text between.\n\nWe'LL CALL you\nthe DAY before!\n"
    (found,) = repeats(text)
    assert found.location.line == 7


def test_every_later_occurrence_is_reported():
    text = "Guide\n\nBring a list of medicines. Rest today. Bring a list of medicines. Bring a list of medicines.\n"
    assert len(repeats(text)) == 2


def test_short_sentences_may_repeat():
    assert repeats("Guide\n\nCall us today. We answer fast. Call us today.\n") == []


def test_rewritten_start_with_the_same_ending_is_a_repeat():
    text = "Guide\n\nThe first visit is calm, and our nurses stay with you the whole time. Our nurses stay with you the whole time.\n"
    (found,) = repeats(text)
    assert found.match == "Our nurses stay with you the whole time."


def test_same_start_with_the_rest_cut_is_a_repeat():
    text = "Guide\n\nMost visits last about two hours from arrival to discharge. Later on. Most visits last about two hours.\n"
    assert [f.match for f in repeats(text)] == ["Most visits last about two hours."]


def test_sentences_sharing_only_a_few_words_are_not_repeats():
    text = "Guide\n\nKetamine can cause nausea for a few hours. Ketamine can cause dizziness for a short while.\n"
    assert repeats(text) == []


def test_heading_repeating_the_title_is_ignored_but_other_repeated_headings_are_not():
    text = (
        "How Our Ketamine Sessions Work\n\nHow Our Ketamine Sessions Work\n\nIntro text here.\n\n"
        "What to bring with you\n\nA list.\n\nWhat to bring with you\n\nA jacket.\n"
    )
    (found,) = repeats(text)
    assert found.match == "What to bring with you"
    assert found.location.line == 11


def test_table_cells_are_not_compared():
    text = "# Prices\n\n| Plan | Note |\n|---|---|\n| One | Not covered by most insurers |\n| Two | Not covered by most insurers |\n"
    assert repeats(text, "markdown") == []


def test_options_change_the_thresholds():
    rule = custom_rule("""
rules:
  - id: t.repeat
    type: repeated-sentence
    category: style
    severity: warning
    message: "repeat of line {first_line}"
    min_words: 2
""")
    (found,) = repeats("Guide\n\nCall us today. We answer fast. Call us today.\n", rule=rule)
    assert found.message == "repeat of line 3"


def test_a_near_repeat_is_found_past_many_sentences_with_the_same_first_word():
    fillers = " ".join(f"The note {i} matters." for i in range(80))
    text = ("Guide\n\nThe first visit is calm and our nurses stay with you. " + fillers
            + " The first visit is calm and our nurses stay.\n")
    assert [f.match for f in repeats(text)] == ["The first visit is calm and our nurses stay."]


_PIECES = ["Ketamine", "ketamine's", "don't", "rock'n'roll", "'quoted'", "x_y", "3.5", "20%", "(BDNF)", "why?", "e.g.", "A1c", "—", "co-op"]


@settings(max_examples=120, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=9), min_size=1, max_size=5))
def test_the_fast_word_split_gives_the_words_the_regex_gives(sentences):
    from ketalint.document import parse
    from ketalint.rules.repeated_sentence import _sentence_words
    from ketalint.rules.section_match import words_of

    doc = parse("t.md", " ".join(" ".join(words) + "." for words in sentences) + "\n")
    words = _sentence_words(doc)
    for sentence in doc.sentences:
        assert words(sentence) == tuple(w for w in words_of(sentence.text) if w != "?")


_WORDS = st.lists(st.sampled_from(["we", "care", "for", "you", "here", "now", "ketamine", "helps"]), min_size=1, max_size=12)


@settings(max_examples=300, deadline=None)
@given(_WORDS, st.lists(_WORDS, max_size=6), st.lists(_WORDS, max_size=6))
def test_the_earliest_repeat_is_the_one_plain_slice_compares_find(words, starts, ends):
    import math
    from types import SimpleNamespace

    from ketalint.rules.base import RuleSpec
    from ketalint.rules.repeated_sentence import RepeatedSentenceRule

    rule = RepeatedSentenceRule(RuleSpec("t.repeat", "repeated-sentence", "style", "warning", "m"))
    words = tuple(words)
    lists = [[(tuple(w), SimpleNamespace(index=i + offset)) for i, w in enumerate(ws)] for ws, offset in ((starts, 0), (ends, 100))]
    need = max(rule.min_shared, math.ceil(rule.min_share * len(words)))
    expected = None
    for candidates in lists:
        for earlier, sentence in candidates:
            if earlier[:need] == words[:need] or earlier[-need:] == words[-need:]:
                if expected is None or sentence.index < expected.index:
                    expected = sentence
                break
    assert rule._earliest_repeated(words, *lists) is expected
