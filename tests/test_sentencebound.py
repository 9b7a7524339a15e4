"""A rule pattern sees one sentence, whether the scanner searches the stream in one pass or
sentence by sentence (`ketalint.sentencebound`)."""

from __future__ import annotations

import re

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from ketalint.document import STREAM_SEPARATOR, parse
from ketalint.lazyregex import lazy
from ketalint.rules.scan import stream_matches
from ketalint.startset import compile_pattern

PATTERNS = [
    r"^ketamine",
    r"\Aketamine\b",
    r"ketamine\.?$",
    r"ketamine\.?\Z",
    r"(?m)^ketamine|safe$",
    r"\bsafe[^.;]*",
    r"[^.;]*\bsafe\b[^.;]*",
    r"ketamine.*safe",
    r"(?s)ketamine.*safe",
    r"ketamine\W+\w+",
    r"ketamine[\s\S]*",
    r"\bketamine\b(?![\s\S]*\bsafe\b)",
    r"(?<![^\s])safe",
    r"(?<!\S)safe",
    r"(?<=\W)safe",
    r"ketamine[\W_]+is",
    r"ketamine[^a]{0,12}safe",
    r"^(?![\s\S]*\bnot\b)[\s\S]*\bsafe\b",
    r"(ketamine)\W+\1",
    r"(?:(?<=^)|(?<=\s))ketamine",
    r"ketamine(?:$|\s+is)",
]

SENTENCES = [
    "Ketamine is safe.",
    "ketamine",
    "Is it safe? ",
    "Some say ketamine, ketamine is not safe",
    "safe ketamine; safe",
    "Ketamine\nis safe\n",
    "",
    "_ketamine_ is safe for many",
]


def _per_sentence(pattern: re.Pattern, sentences: list[str]) -> list[tuple[int, int]]:
    """The non-empty matches of `pattern` in each sentence alone, at their stream offsets."""
    found, offset = [], 0
    for sentence in sentences:
        found += [(m.start() + offset, m.end() + offset) for m in pattern.finditer(sentence) if m.end() > m.start()]
        offset += len(sentence) + 1
    return found


def _in_stream(pattern: re.Pattern, sentences: list[str], one_pass: bool) -> list[tuple[int, int]]:
    stream = STREAM_SEPARATOR.join(sentences)
    if one_pass:
        spans = [(0, len(stream))]
    else:
        spans, offset = [], 0
        for sentence in sentences:
            spans.append((offset, offset + len(sentence)))
            offset += len(sentence) + 1
    return [m.span() for start, end in spans for m in pattern.finditer(stream, start, end) if m.end() > m.start()]


@pytest.mark.parametrize("pattern", PATTERNS)
@pytest.mark.parametrize("flags", [0, re.IGNORECASE])
def test_the_bounded_pattern_finds_in_the_stream_what_the_pattern_finds_in_each_sentence(pattern, flags):
    original = re.compile(pattern, flags)
    bounded = compile_pattern(pattern, flags, bounded=True)
    expected = _per_sentence(original, SENTENCES)
    assert _in_stream(bounded, SENTENCES, one_pass=True) == expected
    assert _in_stream(bounded, SENTENCES, one_pass=False) == expected


def test_the_patterns_as_written_would_read_the_stream_differently():
    """The cases above are not vacuous: unbounded, each of these misreads the stream."""
    for pattern in (r"^ketamine", r"ketamine\.?$", r"[^.;]*\bsafe\b[^.;]*", r"\bketamine\b(?![\s\S]*\bsafe\b)", r"(?<!\S)safe"):
        original = re.compile(pattern, re.IGNORECASE)
        assert _in_stream(original, SENTENCES, one_pass=True) != _per_sentence(original, SENTENCES), pattern


@pytest.mark.parametrize("pattern", PATTERNS)
def test_the_bounded_pattern_matches_text_without_the_separator_as_written(pattern):
    text = " ".join(SENTENCES) + "\n" + "\n".join(SENTENCES)
    for flags in (0, re.IGNORECASE, re.MULTILINE):
        original, bounded = re.compile(pattern, flags), compile_pattern(pattern, flags, bounded=True)
        assert [(m.span(), m.groups()) for m in bounded.finditer(text)] == [(m.span(), m.groups()) for m in original.finditer(text)]
        assert [m.span() for m in bounded.finditer(text, 5, 40)] == [m.span() for m in original.finditer(text, 5, 40)]


_WORDS = st.sampled_from(["ketamine", "Ketamine", "is", "safe", "not", ".", ";", ",", " ", "\n", "_", "caf\u00e9", "-"])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(_WORDS, max_size=8).map("".join), min_size=1, max_size=6), st.sampled_from(PATTERNS))
def test_any_sentences_read_alike_in_one_pass_and_one_by_one(sentences, pattern):
    for flags in (0, re.IGNORECASE):
        bounded, original = compile_pattern(pattern, flags, bounded=True), re.compile(pattern, flags)
        expected = _per_sentence(original, sentences)
        assert _in_stream(bounded, sentences, one_pass=True) == expected
        assert _in_stream(bounded, sentences, one_pass=False) == expected


def _document(sentences: list[str]):
    return parse("t.md", "\n\n".join(sentences) + "\n")


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"^ketamine", ["Ketamine", "Ketamine"]),
        (r"ketamine\.?$", ["ketamine.", "ketamine"]),
        (r"\bketamine\b(?![\s\S]*\bsafe\b)", ["Ketamine", "ketamine", "Ketamine", "ketamine"]),
    ],
)
@pytest.mark.parametrize("filler", [0, 12])
def test_the_scanner_finds_the_same_matches_however_many_sentences_may_hold_one(pattern, expected, filler):
    """With no filler every sentence holds the literal and the stream is searched in one pass;
    with many sentences that do not, it is searched sentence by sentence."""
    sentences = ["Ketamine is used with care.", "We offer ketamine.", "Ketamine helps some.", "Ask about ketamine"]
    sentences += [f"Sentence number {i} says nothing." for i in range(filler)]
    sentences += ["Is it safe?"]
    regex = lazy(pattern, re.IGNORECASE)
    assert [m.group() for m in stream_matches(_document(sentences), regex)] == expected
    assert [m.group() for m in stream_matches(_document(sentences), re.compile(pattern, re.IGNORECASE))] == expected


_ATOMS = [
    r"ketamine", r"\w+", r"\W", r"\S+", r"\D", r".", r"[^.;]*", r"[\s\S]*?", r"[\W_]+", r"^", r"$", r"\A", r"\Z",
    r"(?=\W)", r"(?![\s\S]*not)", r"(?<!\S)", r"(?<=[^a])", r"\b", r"(a|b)", r"(?(1)x|y)", r"(?m:^\w)", r"(?s:.+)",
    r"[\x00-\x1f]", r"\s*", r"[\d\W]",
]
_PATTERNS = st.lists(st.sampled_from(_ATOMS), min_size=1, max_size=4).map("".join)


@settings(max_examples=200, deadline=None)
@given(_PATTERNS, st.sampled_from([0, re.IGNORECASE, re.MULTILINE, re.DOTALL]),
       st.lists(st.lists(_WORDS, max_size=7).map("".join), min_size=1, max_size=5))
def test_patterns_of_any_shape_read_alike_in_the_stream_and_in_each_sentence(pattern, flags, sentences):
    try:
        original = re.compile(pattern, flags)
    except re.error:  # a conditional on a group the pattern does not have
        assume(False)
    bounded = compile_pattern(pattern, flags, bounded=True)
    expected = _per_sentence(original, sentences)
    assert _in_stream(bounded, sentences, one_pass=True) == expected
    assert _in_stream(bounded, sentences, one_pass=False) == expected
