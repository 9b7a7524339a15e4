"""Heading matching: the shortcuts (exact runs, the length bound on rapidfuzz's ratio) decide
exactly as scoring every run of words would."""

from __future__ import annotations

import itertools

from rapidfuzz import fuzz

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


def test_the_shortcuts_decide_as_scoring_every_run_would():
    headings = [tuple(h) for n in (1, 2, 3) for h in itertools.product(WORDS, repeat=n)]
    for threshold in (70, 88, 95):
        for heading in headings:
            assert _reaches(ACCEPTED, heading, threshold) == _scored(ACCEPTED, heading, threshold), (heading, threshold)
