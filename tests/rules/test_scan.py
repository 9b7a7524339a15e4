from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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


@pytest.mark.parametrize(
    "pattern",
    [
        r"(?P<drug>ketamine|esketamine)\s+(?P<verb>raises|lowers)",
        r"(?<=(?P<before>\w{3})\s)(?P<drug>ketamine)",  # a group outside the match, in a lookbehind
        r"(?P<drug>ketamine)(?=\s+(?P<verb>\w+))",  # and in a lookahead
    ],
)
def test_matches_give_their_groups_in_the_texts_own_case(pattern):
    """The folded twin finds where matches are; their groups, even those outside the match in a
    lookaround, come in the text's own case."""
    text = "Ketamine raises it. Then esketamine Lowers it. And ketamine raises BDNF. The KETAMINE lowers. the ketamine raises.\n"
    regex = re.compile(pattern, re.IGNORECASE)
    doc = parse("t.txt", text)
    expected = [(m.span(), m.groupdict()) for m in regex.finditer(doc.stream)]
    assert [(m.span(), m.groupdict()) for m in stream_matches(doc, regex)] == expected
    texts = [" ".join(filter(None, groups.values())) for _, groups in expected]
    assert any(t == t.lower() for t in texts) and any(t != t.lower() for t in texts)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The caf\u00e9 opens \u2014 come by.\n", ["caf\u00e9"]),  # "\u00e9" is a word character to Unicode only
        ("The cafe opens \u2014 come by.\n", ["cafe"]),  # non-ASCII, but read alike with ASCII classes
        ("The cafe opens.\n", ["cafe"]),
    ],
)
def test_scan_reads_word_characters_beyond_ascii_as_the_pattern_does(text, expected):
    """The folded twin with ASCII classes stands in only where it reads the text as the pattern does."""
    regex = re.compile(r"\bcaf\w*", re.IGNORECASE)
    doc = parse("t.txt", text)
    assert [m.group() for m in stream_matches(doc, regex)] == expected == [m.group() for m in regex.finditer(doc.stream)]


_PIECES = ["Ketamine", "ketamine's", "don't", "x_y", "3.5", "20%", "(BDNF)", "why?", "e.g.", "A1c", "—", "co-op", "Café"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=8), min_size=1, max_size=5))
def test_plain_words_are_the_letter_and_digit_runs_of_sentences_without_underscore_percent_or_apostrophe(sentences):
    from ketalint.rules.scan import plain_words

    doc = parse("t.md", " ".join(" ".join(words) + "." for words in sentences) + "\n")
    found = plain_words(doc)
    lowered = doc.stream.lower()
    if not lowered.isascii():
        assert found is None
        return
    assert len(found) == len(doc.sentences)
    for sentence, words in zip(doc.sentences, found):
        text = lowered[sentence.stream_start:sentence.stream_start + len(sentence.text)]
        if any(ch in text for ch in "_%'"):
            assert words is None
        else:
            assert words == re.findall(r"[a-z0-9]+", text)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=8), min_size=1, max_size=5))
def test_the_literal_index_sees_the_words_a_regex_finds(sentences):
    from ketalint.rules.literals import _word_masks
    from ketalint.rules.scan import _sentence_spans, plain_words

    doc = parse("t.md", " ".join(" ".join(words) + "." for words in sentences) + "\n")
    lowered = doc.stream.lower()
    spans = _sentence_spans(doc)
    expected: dict[str, int] = {}
    for i, (start, end) in enumerate(spans):
        for word in re.findall(r"\w+", lowered[start:end]):
            expected[word] = expected.get(word, 0) | 1 << i
    assert _word_masks(lowered, spans, plain_words(doc)) == expected == _word_masks(lowered, spans)


def test_word_mask_names_the_sentences_holding_any_of_the_words():
    from ketalint.rules.scan import word_mask

    doc = parse("a.md", "Ketamine is an anesthetic. It's also a dissociative. The drug wears off. Nothing else.")
    assert word_mask(doc, ("it", "drug")) == 0b0110
    assert word_mask(doc, ("absent",)) == 0
