"""Sentence splitting on clinic copy: abbreviations, decimals, ellipses, quotes, parentheses."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import pytest

from ketalint.document.sentences import MAX_SENTENCE_CHARS, split_sentences


def split(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Dr. Patel sees patients daily. She is kind.", ["Dr. Patel sees patients daily.", "She is kind."]),
        ("Take notes, e.g. about sleep. Then rest.", ["Take notes, e.g. about sleep.", "Then rest."]),
        ("It is rare, i.e. under one in ten. Ask us.", ["It is rare, i.e. under one in ten.", "Ask us."]),
        ("Infusions vs. nasal spray differ. Both help.", ["Infusions vs. nasal spray differ.", "Both help."]),
        ("It is approved in the U.S. for one use. Ask.", ["It is approved in the U.S. for one use.", "Ask."]),
        ("The dose was 0.5 mg/kg. It took 40 minutes.", ["The dose was 0.5 mg/kg.", "It took 40 minutes."]),
        ("Wait... it helps. Then what?", ["Wait... it helps.", "Then what?"]),
        ("Results vary… Some feel better.", ["Results vary…", "Some feel better."]),
        ("She said, “It helped.” Then she left.", ["She said, “It helped.”", "Then she left."]),
        ('He said "it works." Then he smiled.', ['He said "it works."', "Then he smiled."]),
        ("It helps (see Fig. 2). Next point.", ["It helps (see Fig. 2).", "Next point."]),
        ("Relief (in some. Not all) varies. Ask.", ["Relief (in some. Not all) varies.", "Ask."]),
        ("“Is it safe?” she asked. It is monitored.", ["“Is it safe?” she asked.", "It is monitored."]),
        ("Sessions cost $400. 6 are typical.", ["Sessions cost $400.", "6 are typical."]),
        ("No. It is not a cure.", ["No.", "It is not a cure."]),
        ("See No. 4 in the list.", ["See No. 4 in the list."]),
        ("Prof. J. Rivera, Ph.D. agreed. Good.", ["Prof. J. Rivera, Ph.D. agreed.", "Good."]),
    ],
)
def test_split(text, expected):
    assert split(text) == expected


def test_spans_are_trimmed_and_index_the_text():
    text = "  First one.   Second one.  "
    spans = split_sentences(text)
    assert [text[a:b] for a, b in spans] == ["First one.", "Second one."]
    assert spans[0][0] == 2


def test_text_without_an_end_is_one_sentence():
    assert split("Our team is here to help") == ["Our team is here to help"]


def test_a_run_without_sentence_ends_is_cut_into_bounded_pieces_at_spaces():
    text = "word " * 2000
    pieces = split(text)
    assert len(pieces) > 1
    assert all(len(p) <= MAX_SENTENCE_CHARS and not p.startswith(" ") for p in pieces)
    assert " ".join(pieces).split() == text.split()


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="aZ.. e,1(\n", max_size=60), st.integers(min_value=0, max_value=60))
def test_word_before_a_dot_is_what_the_pattern_finds(text, lo):
    from ketalint.document.sentences import _WORD_BEFORE_RE, _word_before

    text += "."
    end = len(text) - 1
    lo = min(lo, end)
    m = _WORD_BEFORE_RE.search(text, lo, end + 1)
    assert _word_before(text, lo, end) == (m.group(1) if m else "")
