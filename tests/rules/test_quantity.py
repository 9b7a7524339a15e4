"""`quantity`: numbers parsed into ranges and compared with a tolerance."""

from __future__ import annotations

import pytest
from corpus_rule_support import located, shipped

from ketalint.rules.quantity import parse_value

RULE = "consistency.numbers"


@pytest.mark.parametrize("text, unit, value", [
    ("86 billion", "count", (86e9, 86e9)),
    ("1,000", "count", (1000, 1000)),
    ("40-60 minutes", "duration", (40, 60)),
    ("between two and four hours", "duration", (120, 240)),
    ("an hour", "duration", (60, 60)),
    ("2 weeks", "duration", (20160, 20160)),
    ("52.5%", "percent", (52.5, 52.5)),
    ("70 percent", "percent", (70, 70)),
    ("hours", "duration", None),
    ("40", "duration", None),
])
def test_parse_value(text, unit, value):
    assert parse_value(text, unit) == value


def test_values_within_tolerance_agree():
    articles = {"a.md": "Each session lasts about 40 minutes.", "b.md": "Sessions take 45 minutes."}
    assert located(shipped(RULE), articles) == set()


def test_a_range_agrees_with_a_value_inside_it():
    articles = {"a.md": "Each session lasts 40-60 minutes.", "b.md": "Sessions take an hour."}
    assert located(shipped(RULE), articles) == set()


def test_the_sourced_value_wins():
    articles = {"a.md": "The brain holds 100 billion neurons.", "b.md": "The brain holds 86 billion neurons."}
    assert located(shipped(RULE), articles) == {("a.md", "100 billion neurons", ("b.md",))}


def test_different_quantities_are_not_compared():
    articles = {"a.md": "Each session lasts 40 minutes.", "b.md": "Relief lasts up to two weeks."}
    assert located(shipped(RULE), articles) == set()
