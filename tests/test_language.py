"""Reported speech: frames that report or deny a claim instead of making it."""

from __future__ import annotations

import pytest

from ketalint.language import is_reported


def _reported(sentence: str, claim: str) -> bool:
    start = sentence.index(claim)
    return is_reported(sentence, start, start + len(claim))


@pytest.mark.parametrize(
    ("sentence", "claim"),
    [
        ("We never claim ketamine is a cure.", "a cure"),
        ("We do not promise that ketamine is a cure.", "a cure"),
        ("Be wary of clinics that promise a cure for depression.", "a cure"),
        ("Ads that guarantee results are misleading.", "results"),
        ("Be skeptical of any cure offered online.", "cure"),
        ("Some sites call BDNF a neurotransmitter, but it is a protein.", "neurotransmitter"),
    ],
)
def test_reporting_and_denial_frames(sentence, claim):
    assert _reported(sentence, claim)


@pytest.mark.parametrize(
    ("sentence", "claim"),
    [
        ("Our clinic offers a cure for depression.", "a cure"),
        ("We call this process ketagenesis.", "ketagenesis"),
        ("Clinics treat depression with ketamine.", "depression"),
    ],
)
def test_plain_assertions_are_not_reported(sentence, claim):
    assert not _reported(sentence, claim)
