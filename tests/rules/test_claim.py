"""The `claim` rule type: subject and predicate paired in one sentence, and `same_clause`."""

from __future__ import annotations

from ketalint.examples import example_hits
from ketalint.packs import parse_pack


def _rule(extra: str = ""):
    text = f"""\
rules:
  - id: t.anxiety
    type: claim
    category: unhedged
    severity: warning
    message: efficacy for anxiety stated as fact
    subject: ['\\banxiety\\b']
    predicate: ['\\beffective\\b']
    order: any
{extra}"""
    (rule,) = parse_pack(text, "test.yaml", "t")
    return rule


def _flagged(rule, text: str) -> bool:
    return bool(example_hits(rule, text))


def test_pairs_across_a_contrast_by_default():
    assert _flagged(_rule(), "Ketamine is effective for depression, but it can cause anxiety.")


def test_same_clause_does_not_pair_across_a_contrast():
    rule = _rule("    same_clause: true\n")
    assert not _flagged(rule, "Ketamine is effective for depression, but it can cause anxiety.")
    assert not _flagged(rule, "Ketamine is effective for depression; anxiety is a side effect.")
    assert not _flagged(rule, "It is effective for depression — anxiety is another matter.")


def test_same_clause_still_pairs_within_one_statement():
    rule = _rule("    same_clause: true\n")
    assert _flagged(rule, "Ketamine is effective for anxiety.")
    assert _flagged(rule, "Anxiety: ketamine is effective and fast.")


def test_same_clause_must_be_true_or_false():
    import pytest

    from ketalint.errors import RuleFileError

    with pytest.raises(RuleFileError, match="same_clause"):
        _rule("    same_clause: sometimes\n")


def test_one_report_for_two_predicates_of_one_claim():
    text = """\
rules:
  - id: t.ptsd
    type: claim
    category: unhedged
    severity: warning
    message: efficacy for PTSD stated as fact
    subject: ['\\bPTSD\\b']
    predicate: ['\\bbeen\\s+shown\\b', '\\breduce\\s+symptoms\\b']
    order: any
"""
    (rule,) = parse_pack(text, "test.yaml", "t")
    assert len(example_hits(rule, "Ketamine has been shown to reduce symptoms of PTSD.")) == 1
    assert len(example_hits(rule, "It has been shown to help PTSD. It can reduce symptoms of PTSD.")) == 2
