"""`direction`: which way ketamine moves a thing, matched across wordings."""

from __future__ import annotations

from corpus_rule_support import located, shipped

from ketalint.document import parse

RULE = "consistency.direction"


def _keys(text: str):
    return [(s.key, s.side) for s in shipped(RULE).impl.extract(parse("a.txt", text))]


def test_objects_are_normalised():
    assert _keys("Ketamine increases the production of BDNF.") == [("bdnf", "increases")]
    assert _keys("Ketamine reduces inflammation in the brain.") == [("inflammation", "decreases")]
    assert _keys("Ketamine leads to a rise in BDNF levels.") == [("bdnf", "increases")]


def test_the_verb_must_belong_to_ketamine():
    assert _keys("Ketamine blocks NMDA receptors, which increases BDNF.") == [("nmda receptors", "decreases")]
    assert _keys("Stress lowers BDNF.") == []


def test_negated_verbs_are_not_statements():
    assert _keys("Ketamine does not lower BDNF.") == []


def test_fuzzy_objects_meet_across_articles():
    found = located(shipped(RULE), {"a.md": "Ketamine increases AMPA receptor activity.", "b.md": "Ketamine reduces AMPA receptors activity."})
    assert {path for path, _, _ in found} == {"a.md", "b.md"}


def test_agreeing_statements_are_not_reported():
    articles = {"a.md": "Ketamine increases BDNF levels.", "b.md": "Ketamine causes a BDNF surge.", "c.md": "Ketamine boosts BDNF."}
    assert located(shipped(RULE), articles) == set()


def test_objects_left_to_declared_axes_are_skipped():
    assert _keys("Ketamine calms glutamate.") == []


def test_different_objects_never_meet():
    rule = shipped("consistency.direction")
    assert located(rule, {"a.md": "Ketamine blocks NMDA receptors in the cortex.", "b.md": "Ketamine increases glutamate release in the cortex."}) == set()
    assert located(rule, {"a.md": "Ketamine increases inflammation markers.", "b.md": "Ketamine reduces information markers."}) == set()
    assert located(rule, {"a.md": "Ketamine blocks NMDA receptors.", "b.md": "Ketamine activates AMPA receptors."}) == set()
    assert located(rule, {"a.md": "Ketamine boosts BDNF.", "b.md": "Ketamine lowers GABA."}) == set()


def test_small_wording_differences_still_meet():
    rule = shipped("consistency.direction")
    found = located(rule, {"a.md": "Ketamine reduces depressive symptoms.", "b.md": "Ketamine increases depression symptoms at high doses."})
    assert {path for path, _, _ in found} == {"a.md", "b.md"}


def test_hedged_and_negated_statements_are_not_counted():
    rule = shipped("consistency.direction")
    assert located(rule, {"a.md": "Ketamine may increase BDNF.", "b.md": "Ketamine reduces BDNF."}) == set()
    assert located(rule, {"a.md": "Ketamine does not increase BDNF.", "b.md": "Ketamine reduces BDNF."}) == set()
