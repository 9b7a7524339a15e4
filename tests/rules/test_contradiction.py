"""`contradiction` rules: declared axes, negation-aware poles, evidence, and rule-file errors."""

from __future__ import annotations

import pytest
from corpus_rule_support import conflicts, custom, located, shipped

from ketalint.errors import RuleFileError
from ketalint.examples import example_hits

AXIS = """
pack: t
rules:
  - id: t.speed
    type: contradiction
    category: contradiction
    severity: error
    message: '{{match}} vs {{other}}'
    {evidence}
    poles:
      fast:
        label: works fast
        claims:
          - {{subject: ['\\bketamine\\b'], predicate: ['\\bworks\\s+fast\\b'], within: 4}}
      slow: [{{subject: ['\\bketamine\\b'], predicate: ['\\bworks\\s+slowly\\b'], within: 4}}]
"""


def test_without_evidence_both_sides_of_a_tie_are_reported():
    rule = custom(AXIS.format(evidence=""))
    found = located(rule, {"a.md": "Ketamine works fast.", "b.md": "Ketamine works slowly."})
    assert found == {("a.md", "Ketamine works fast", ("b.md",)), ("b.md", "Ketamine works slowly", ("a.md",))}


def test_without_evidence_the_minority_side_is_reported():
    rule = custom(AXIS.format(evidence=""))
    articles = {"a.md": "Ketamine works fast.", "b.md": "Ketamine works fast.", "c.md": "Ketamine works slowly."}
    assert located(rule, articles) == {("c.md", "Ketamine works slowly", ("a.md", "b.md"))}


def test_evidence_puts_the_finding_on_the_unsupported_side_even_when_it_is_the_majority():
    rule = custom(AXIS.format(evidence="evidence: slow"))
    articles = {"a.md": "Ketamine works fast.", "b.md": "Ketamine works fast.", "c.md": "Ketamine works slowly."}
    assert {path for path, _, _ in located(rule, articles)} == {"a.md", "b.md"}


def test_negated_statements_are_on_no_pole():
    rule = custom(AXIS.format(evidence=""))
    assert located(rule, {"a.md": "Ketamine does not work fast.", "b.md": "Ketamine works slowly."}) == set()


def test_hedged_unknown_long_term_statements_count():
    rule = shipped("contradiction.durability")
    found = located(rule, {
        "a.md": "Ketamine permanently changes how you feel.",
        "b.md": "Its long-term effects may still be unknown, and they are being studied.",
    })
    assert found == {("a.md", "Ketamine permanently", ("b.md",))}


def test_permanent_harm_and_no_cure_are_not_the_permanent_pole():
    rule = shipped("contradiction.durability")
    text = "Heavy misuse of ketamine can cause permanent bladder damage. There is no cure, and relapse is common."
    assert [s for s in rule.impl.extract(_doc(text)) if s.side == "permanent"] == []


def test_nmda_glutamate_receptors_are_not_glutamate():
    rule = shipped("contradiction.glutamate-direction")
    text = "Ketamine blocks NMDA receptors, a type of glutamate receptor. Ketamine modulates glutamate."
    assert rule.impl.extract(_doc(text)) == []


def test_example_hits_run_one_article():
    rule = shipped("contradiction.glutamate-direction")
    assert example_hits(rule, "Ketamine calms glutamate. Ketamine causes a glutamate surge.")
    assert not example_hits(rule, "Ketamine causes a glutamate surge. It does not calm glutamate.")


@pytest.mark.parametrize("evidence, poles, error", [
    ("evidence: medium", None, "'evidence' names no pole"),
    ("", "poles: {fast: [{subject: ['a'], predicate: ['b']}]}", "at least two poles"),
    ("", "poles: {fast: [{subject: ['a']}], slow: [{subject: ['a'], predicate: ['b']}]}", "needs 'subject' and 'predicate'"),
    ("", "poles: {fast: [{subject: ['a'], predicate: ['b'], widthin: 3}], slow: [{subject: ['a'], predicate: ['b']}]}", "unknown key 'widthin'"),
    ("", "poles: {fast: [{subject: ['('], predicate: ['b']}], slow: [{subject: ['a'], predicate: ['b']}]}", "does not compile"),
])
def test_bad_axes_are_rule_file_errors(evidence, poles, error):
    text = AXIS.format(evidence=evidence)
    if poles:
        text = text[: text.index("    poles:")] + "    " + poles + "\n"
    with pytest.raises(RuleFileError) as exc:
        custom(text)
    assert error in str(exc.value)
    assert str(exc.value).startswith("test.yaml:")


def _doc(text: str):
    from ketalint.document import parse

    return parse("a.txt", text)


def test_conflict_values_fill_the_message():
    rule = shipped("contradiction.misuse-risk")
    (c,) = conflicts(rule, {"a.md": "Ketamine is non-addictive.", "b.md": "Ketamine can be misused."})
    assert dict(c.values)["evidence"] == " The sources support: can be misused or cause dependence."


TOPICS = AXIS.replace("    {evidence}\n", "    {evidence}\n    topics: {{pain: '\\bpain\\b', anxiety: '\\banxiety\\b'}}\n")


def test_topics_compare_only_statements_that_name_the_same_topic():
    rule = custom(TOPICS.format(evidence=""))
    articles = {"a.md": "For pain, ketamine works fast.", "b.md": "For anxiety, ketamine works slowly."}
    assert located(rule, articles) == set()
    articles["c.md"] = "For anxiety and pain, ketamine works fast."
    assert located(rule, articles) == {
        ("b.md", "ketamine works slowly", ("c.md",)),
        ("c.md", "ketamine works fast", ("b.md",)),
    }


def test_a_statement_naming_no_topic_is_left_out():
    rule = custom(TOPICS.format(evidence=""))
    assert located(rule, {"a.md": "Ketamine works fast.", "b.md": "For pain, ketamine works slowly."}) == set()


def test_a_statement_is_filed_under_each_topic_its_sentence_names():
    rule = custom(TOPICS.format(evidence=""))
    keys = {s.key for s in rule.impl.statements(_doc("For anxiety and pain, ketamine works fast."))}
    assert keys == {"t.speed:pain", "t.speed:anxiety"}


def test_a_topic_regex_that_does_not_compile_is_a_rule_file_error():
    with pytest.raises(RuleFileError) as exc:
        custom(TOPICS.format(evidence="").replace("\\bpain\\b", "\\bpain("))
    assert str(exc.value).startswith("test.yaml:") and "'topics'" in str(exc.value)


def test_evidence_beyond_depression_is_compared_condition_by_condition():
    rule = shipped("contradiction.other-conditions-evidence")
    articles = {
        "a.md": "Ketamine is proven to relieve chronic pain.",
        "b.md": "Early studies suggest ketamine may help some people with anxiety.",
    }
    assert located(rule, articles) == set()
    articles["c.md"] = "For chronic pain, the evidence for ketamine is still small and mixed."
    assert {path for path, _, _ in located(rule, articles)} == {"a.md"}
