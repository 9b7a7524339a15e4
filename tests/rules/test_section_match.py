"""Heading matching: the shortcuts (exact runs, the length bound on rapidfuzz's ratio) decide
exactly as scoring every run of words would."""

from __future__ import annotations

import itertools

import pytest
from rapidfuzz import fuzz

import ketalint.rules.section_match as section_match
from ketalint.rules.section_match import _reaches

ACCEPTED = (("side", "effects"), ("risks",), ("who", "should", "not"), ("is", "safe", "?"), ("adverse", "reactions"))
WORDS = ["side", "effect", "effects", "risk", "risks", "who", "should", "not", "avoid", "is", "ketamine", "safe", "?", "adverse", "reaction", "reactions", "costs", "faq"]


def _scored(accepted, words, threshold) -> bool:
    best = 0.0
    for phrase in accepted:
        if "?" in phrase and "?" not in words:
            continue
        for i in range(max(1, len(words) - len(phrase) + 1)):
            best = max(best, fuzz.ratio(" ".join(phrase), " ".join(words[i:i + len(phrase)])))
    return best >= threshold


@pytest.mark.parametrize("letters_counted_first", [True, False])
def test_the_shortcuts_decide_as_scoring_every_run_would(monkeypatch, letters_counted_first):
    """Early in a process pairs are passed over by their shared letters first; later they are
    scored at once. Either way the verdict is the one scoring every run gives."""
    monkeypatch.setattr(section_match, "_PRECHECKED", 10**9 if letters_counted_first else 0)
    monkeypatch.setattr(section_match, "_PRECHECKED_SO_FAR", [0])
    _reaches.cache_clear()
    headings = [tuple(h) for n in (1, 2, 3) for h in itertools.product(WORDS, repeat=n)]
    for threshold in (70, 88, 95):
        for heading in headings:
            assert _reaches(ACCEPTED, heading, threshold) == _scored(ACCEPTED, heading, threshold), (heading, threshold)
