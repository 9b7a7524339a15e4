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
from ketalint.prefilter import Prefilter, required_literals
from ketalint.rules.base import stream_matches


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"\bpermanently\s+(?:rewires?|changes?)", {"permanently"}),
        (r"(?:\bBDNF\b)|(?:brain-derived\s+neurotrophic)", {"bdnf", "brain-derived"}),
        (r"\b(?:calm|reduc|lower)\w*\s+(?:\w+\s+){0,4}glutamate", {"glutamate"}),
        (r"foo(?=bar)baz", {"foo"}),
    ],
)
def test_literals_every_match_needs(pattern, expected):
    assert required_literals(pattern, re.IGNORECASE) == expected


@pytest.mark.parametrize("pattern", [r"a?b", r"(?:x|yz)", r"\d+\s*%", r"(?:cure|x)s?", r"\w+"])
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
