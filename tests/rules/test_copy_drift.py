"""`copy-drift`: near-identical sentences that lost a hedge or changed a number."""

from __future__ import annotations

from corpus_rule_support import located, shipped

RULE = "consistency.copy-drift"
HEDGED = "Ketamine infusions may ease low mood within a few hours for many adults we treat."
UNHEDGED = "Ketamine infusions ease low mood within a few hours for many adults we treat."


def test_the_copy_that_lost_its_hedge_is_reported():
    assert located(shipped(RULE), {"a.md": HEDGED, "b.md": UNHEDGED}) == {("b.md", UNHEDGED, ("a.md",))}


def test_identical_copies_and_different_sentences_are_not_reported():
    assert located(shipped(RULE), {"a.md": HEDGED, "b.md": HEDGED, "c.md": "Our clinic is open on weekday evenings and on Saturday mornings."}) == set()


def test_a_changed_number_reports_both_copies():
    a = "Most adults finish a course of 6 infusions across three weeks at the clinic."
    b = "Most adults finish a course of 8 infusions across three weeks at the clinic."
    assert {path for path, _, _ in located(shipped(RULE), {"a.md": a, "b.md": b})} == {"a.md", "b.md"}


def test_many_identical_copies_still_meet_their_drifted_twin():
    articles = {f"p{i:03}.md": HEDGED for i in range(120)}
    articles["odd.md"] = UNHEDGED
    found = located(shipped(RULE), articles)
    assert len(found) == 1
    (path, _, related) = found.pop()
    assert path == "odd.md" and len(related) == 120
