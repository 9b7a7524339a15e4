"""`quantity`: numbers parsed into ranges and compared with a tolerance."""

from __future__ import annotations

import pytest
from corpus_rule_support import located, shipped

from ketalint.document import parse
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
    ("4 in 10", "percent", (40, 40)),
    ("one out of every four", "percent", (25, 25)),
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


def _numbers(articles: dict[str, str]) -> set:
    return located(shipped("consistency.numbers"), articles)


def test_overlapping_ranges_agree():
    assert _numbers({"a.md": "Sessions usually last 40 to 60 minutes.", "b.md": "Each session lasts about 45 minutes."}) == set()


def test_an_infusion_and_the_visit_around_it_are_different_quantities():
    a = "Each infusion lasts about 40 minutes."
    b = "Appointments take about two hours, including rest and monitoring."
    assert _numbers({"a.md": a, "b.md": b}) == set()
    assert {p for p, _, _ in _numbers({"a.md": a, "b.md": "Each infusion takes two hours."})} == {"a.md", "b.md"}


def test_within_is_an_upper_bound_and_side_effects_are_not_relief():
    assert _numbers({"a.md": "Some people feel relief within an hour.", "b.md": "Most notice improvement within 24 hours of the first infusion."}) == set()
    assert _numbers({"a.md": "Side effects usually fade within two hours.", "b.md": "Relief often comes within a day of the first infusion."}) == set()


def test_an_upper_bound_within_the_sourced_range_is_the_supported_side():
    found = _numbers({
        "a.md": "After one infusion the lift in mood usually fades within about a week.",
        "b.md": "That infusion kept the fog away for nearly four months.",
        "c.md": "Most patients enjoy three to six months of relief from a single infusion.",
    })
    assert {path for path, _, _ in found} == {"b.md", "c.md"}


def test_a_proportion_is_a_share_and_fewer_than_an_upper_bound():
    found = _numbers({
        "a.md": "Fewer than 5 percent of patients notice any dissociation.",
        "b.md": "In the trials, about 4 in 10 people reported dissociation.",
    })
    assert found == {("a.md", "5 percent of patients notice any dissociation", ("b.md",))}
    assert _numbers({"a.md": "Our response rate is 40%.", "b.md": "Four in ten patients respond to a first series."}) == set()


def test_two_wordings_of_one_figure_in_a_sentence_are_one_statement():
    rule = shipped("consistency.numbers")
    doc = parse("a.md", "Relief can come within 40 minutes of the first infusion.")
    assert len(rule.impl.extract(doc)) == 1


def test_an_abbreviated_unit_is_a_duration():
    assert _numbers({"a.md": "Each session lasts 2 hrs.", "b.md": "Each session lasts about 40 minutes."}) == {
        ("a.md", "session lasts 2 hrs", ("b.md",)),
        ("b.md", "session lasts about 40 minutes", ("a.md",)),
    }


def test_a_duration_without_its_unit_is_no_figure():
    """"a session" holds "a", which reads as one; a duration needs its unit to be a value."""
    assert _numbers({"a.md": "Book a session today. A session lasts 45 minutes.", "b.md": "Each session lasts about 40 minutes."}) == set()
