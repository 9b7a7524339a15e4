"""The default pack on held-out probe sentences: claims phrased unlike the rules' own examples.

Each sentence is linted alone, as a plain-text article, by every per-document rule of the
claim-level categories. A `flag` sentence must be reported under its category (by any rule of
that category); a `pass` sentence must draw no finding of those categories at all.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from ketalint.examples import example_hits
from ketalint.packs import default_pack_dir, load_packs

CATEGORIES = ("overclaim", "factual", "unhedged")
PROBES = yaml.safe_load((Path(__file__).parent / "data" / "probe_sentences.yaml").read_text(encoding="utf-8"))
RULES = [
    rule
    for rule in load_packs([default_pack_dir()])
    if rule.spec.category in CATEGORIES and not type(rule.impl).CORPUS
]


def categories_reported(text: str) -> set[str]:
    return {rule.spec.category for rule in RULES if example_hits(rule, text)}


def _flag_cases():
    for category, texts in PROBES["flag"].items():
        for i, text in enumerate(texts):
            yield pytest.param(category, text, id=f"{category}-{i}")


@pytest.mark.parametrize(("category", "text"), list(_flag_cases()))
def test_flag_probe_is_reported_in_its_category(category, text):
    assert category in categories_reported(text), f"missed {category}: {text!r}"


@pytest.mark.parametrize("text", PROBES["pass"], ids=[f"pass-{i}" for i in range(len(PROBES["pass"]))])
def test_pass_probe_draws_no_claim_finding(text):
    assert not categories_reported(text), f"wrongly flagged: {text!r}"


def test_probe_set_is_large_and_balanced():
    flagged = sum(len(texts) for texts in PROBES["flag"].values())
    assert flagged >= 75 and len(PROBES["pass"]) >= flagged
    assert set(PROBES["flag"]) == set(CATEGORIES)


BLIND = yaml.safe_load((Path(__file__).parent / "data" / "blind_probes.yaml").read_text(encoding="utf-8"))
KNOWN_MISSES = set(BLIND["known_misses"])
ROUNDS = sorted((name for name in BLIND if name.startswith("round_")), key=lambda name: int(name.split("_")[1]))


def _blind_cases(kind: str):
    for name in ROUNDS:
        if kind == "flag":
            for category, texts in BLIND[name]["flag"].items():
                for i, text in enumerate(texts):
                    yield pytest.param(category, text, id=f"{name}-{category}-{i}")
        else:
            for i, text in enumerate(BLIND[name]["pass"]):
                yield pytest.param(text, id=f"{name}-pass-{i}")


@pytest.mark.parametrize(("category", "text"), list(_blind_cases("flag")))
def test_blind_round_claim_is_reported_unless_a_known_miss(category, text):
    caught = category in categories_reported(text)
    assert caught != (text in KNOWN_MISSES), f"{'now caught, drop from known_misses' if caught else 'missed'}: {text!r}"


@pytest.mark.parametrize("text", list(_blind_cases("pass")))
def test_blind_round_sound_sentence_draws_no_claim_finding(text):
    assert not categories_reported(text), f"wrongly flagged: {text!r}"


def test_every_round_is_read():
    assert ROUNDS[0] == "round_4" and len(ROUNDS) >= 4 and all(BLIND[name]["pass"] for name in ROUNDS)


def test_known_misses_are_flag_sentences_of_a_round():
    flagged = {t for name in ROUNDS for texts in BLIND[name]["flag"].values() for t in texts}
    assert KNOWN_MISSES <= flagged
