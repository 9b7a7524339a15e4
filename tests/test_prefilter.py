"""The prefilter must never skip a text that a pattern matches: it is a necessary condition."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ketalint.api import load_rules
from ketalint.config import Config
from ketalint.document import parse
from ketalint.lazyregex import interned
from ketalint.prefilter import Prefilter, analyse, required_literals, word_head
from ketalint.rules.base import stream_matches


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"\bpermanently\s+(?:rewires?|changes?)", {"permanently"}),
        (r"(?:\bBDNF\b)|(?:brain-derived\s+neurotrophic)", {"bdnf", "brain-derived"}),
        (r"\b(?:calm|reduc|lower)\w*\s+(?:\w+\s+){0,4}glutamate", {"glutamate"}),
        (r"foo(?=bar)baz", {"foo"}),
        # Punctuation is rare in prose, so even one character of it narrows the search.
        (r"\d+\s*%", {"%"}),
        (r"!{2,}|\?!+", {"!", "?"}),
    ],
)
def test_literals_every_match_needs(pattern, expected):
    assert required_literals(pattern, re.IGNORECASE) == expected


@pytest.mark.parametrize("pattern", [r"a?b", r"(?:x|yz)", r"\d+\s*x", r"(?:cure|x)s?", r"\w+"])
def test_no_literals_when_no_useful_set_exists(pattern):
    assert required_literals(pattern, re.IGNORECASE) is None


def _default_pack_patterns():
    load_rules(Config(root=__import__("pathlib").Path(".")))
    return [p for p in interned()]


def _example_texts():
    rules = load_rules(Config(root=__import__("pathlib").Path(".")))
    return [t for r in rules for t in r.spec.flag_examples + r.spec.pass_examples]


def test_prefilter_is_sound_for_every_default_pattern_on_every_example():
    patterns = _default_pack_patterns()
    texts = _example_texts()
    assert len(patterns) > 50 and len(texts) > 200
    for pattern in patterns:
        prefilter = Prefilter.of(pattern)
        for text in texts:
            if pattern.search(text):
                assert prefilter.may_match(text.lower()), (pattern.pattern[:80], text)


words = st.sampled_from(
    ["ketamine", "permanently", "rewires", "BDNF", "is", "a", "neurotransmitter", "not", "may", "help",
     "glutamate", "calms", "the", "brain", "100", "billion", "neurons", "cure", "anxiety", "PTSD"]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(words, min_size=1, max_size=12), min_size=1, max_size=6))
def test_sentence_restricted_scan_finds_what_a_full_scan_finds(sentences):
    text = " ".join(" ".join(s).capitalize() + "." for s in sentences)
    doc = parse("t.txt", text + "\n")
    for pattern in _PATTERNS:
        full = [(m.start(), m.end()) for m in pattern.finditer(doc.stream) if m.end() > m.start() and "\x00" not in m.group()]
        assert [(m.start(), m.end()) for m in stream_matches(doc, pattern)] == full


_PATTERNS = [
    re.compile(r"\bpermanently\s+rewires?\b", re.I),
    re.compile(r"\bBDNF\b[^.]{0,40}\bneurotransmitters?\b", re.I),
    re.compile(r"\b(?:calm|block)\w*\s+(?:\w+\s+){0,3}glutamate\b", re.I),
    re.compile(r"\b100\s+billion\s+neurons\b", re.I),
]


@pytest.mark.parametrize(
    ("pattern", "word_start"),
    [
        (r"\bpermanently\s+(?:rewires?|changes?)", {"permanently"}),
        (r"(?<![\w'])(?:never|seldom\s+again)(?![\w'])", {"never", "seldom"}),
        (r"\b(?:calm|block)\w*\s+(?:\w+\s+){0,4}glutamate", {"glutamate"}),
        (r"\bbrain-derived\b", {"brain-derived"}),
        (r"foo(?=bar)baz", set()),
        (r"xglutamate", set()),
        (r"(?a)\bglutamate", set()),
        (r"(?:\bserotonin|dopamine)", {"serotonin"}),
    ],
)
def test_literals_that_always_start_a_word(pattern, word_start):
    assert analyse(pattern, re.IGNORECASE)[1] == word_start


def _present(literal: str, lowered: str, words: set[str], word_start: frozenset[str]) -> bool:
    """The document-level test the scanner makes: a word-start literal needs a word that begins
    with its leading word characters (exactly that word when the literal goes on after them)."""
    if literal not in word_start:
        return literal in lowered
    head, whole = word_head(literal)
    return any(w.startswith(head) if whole else w == head for w in words)


def test_word_start_literals_are_sound_for_every_default_pattern():
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
    from sitegen import render

    patterns = _default_pack_patterns()
    texts = _example_texts() + [render(i)[1][:1500] for i in range(8)]
    lowered_texts = [(t, t.lower()) for t in texts]
    for pattern in patterns:
        prefilter = Prefilter.of(pattern)
        if prefilter.literals is None:
            continue
        for text, lowered in lowered_texts:
            if not pattern.search(text):
                continue
            words = set(re.findall(r"\w+", lowered))
            assert any(_present(lit, lowered, words, prefilter.word_start) for lit in prefilter.literals), (
                pattern.pattern[:80], text[:80])


def test_scan_finds_what_a_full_scan_finds_for_every_default_pattern():
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
    from sitegen import render

    docs = [parse(name, text[:1500]) for name, text in (render(i) for i in range(6))]
    docs.append(parse("mixed.md", "# KETAMINE Therapy\n\nKetamine MAY help. It NEVER rewires the Brain; BDNF is a protein.\n"))
    for pattern in _default_pack_patterns():
        for doc in docs:
            every = list(pattern.finditer(doc.stream))
            if any("\x00" in m.group() for m in every):
                continue  # a match across sentences hides others from a whole-text scan
            full = [m.span() for m in every if m.end() > m.start()]
            assert [m.span() for m in stream_matches(doc, pattern)] == full, pattern.pattern[:80]


def test_a_literal_that_starts_a_word_for_one_pattern_is_still_found_inside_words_for_another():
    doc = parse("t.md", "Preheat the oven slowly.\n")
    # No word starts with "heat", so the first pattern is answered without a search...
    assert stream_matches(doc, re.compile(r"\bheat\b", re.I)) == []
    # ...and that answer must not stand for a pattern that finds "heat" inside a word.
    assert [m.group() for m in stream_matches(doc, re.compile(r"heat", re.I))] == ["heat"]


_BRANCHED = [
    re.compile(r"(?:\bpermanently\s+rewires?\b)|(?:\b(?:calms?|blocks?)\s+(?:the\s+)?glutamate\b)|(?:\bmay\s+help\b)", re.I),
    re.compile(r"\b(?:ketamine|it)\s+(?:is\s+)?(?:a\s+)?(?:cure|neurotransmitter)\b", re.I),
    re.compile(r"\b(?:100|billion)\s+neurons\b|\bnot\s+(?:a\s+)?cure\b"),
]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(words, min_size=1, max_size=12), min_size=1, max_size=6))
def test_scan_of_branched_patterns_finds_what_a_full_scan_finds(sentences):
    text = " ".join(" ".join(s).capitalize() + "." for s in sentences)
    doc = parse("t.txt", text + "\n")
    for pattern in _BRANCHED:
        full = [m.span() for m in pattern.finditer(doc.stream) if m.end() > m.start() and "\x00" not in m.group()]
        assert [m.span() for m in stream_matches(doc, pattern)] == full, pattern.pattern


def test_candidate_indexes_name_the_sentences_holding_a_needed_literal():
    from ketalint.rules.scan import candidate_indexes

    doc = parse("t.md", "BDNF is a protein. Ketamine helps. It raises BDNF levels.\n")
    assert candidate_indexes(doc, re.compile(r"\bBDNF\b", re.I)) == {0, 2}
    assert candidate_indexes(doc, re.compile(r"\w+ly\b")) is None
