"""`term-kind`: what a thing is, in the four wordings, with compatible and conflicting kinds."""

from __future__ import annotations

import pytest
from corpus_rule_support import custom, located, shipped

from ketalint.document import parse
from ketalint.errors import RuleFileError

RULE = "consistency.term-kind"


@pytest.mark.parametrize("text, kind", [
    ("BDNF is a protein that helps neurons survive.", "protein"),
    ("Brain-derived neurotrophic factor (BDNF), a growth factor, rises.", "growth factor"),
    ("It raises a neurotransmitter called BDNF.", "neurotransmitter"),
    ("Neurotrophins such as BDNF support synapses.", "neurotrophin"),
    ("Glutamate, one of the brain's main neurotransmitters, rises.", "neurotransmitter"),
    ("NMDA receptors are a type of glutamate receptor.", "glutamate receptor"),
])
def test_wordings(text, kind):
    (statement,) = shipped(RULE).impl.extract(parse("a.txt", text))
    assert statement.side == kind


@pytest.mark.parametrize("text", [
    "BDNF is not a neurotransmitter.",
    "Is BDNF a neurotransmitter?",
    "Some sites claim that BDNF is a neurotransmitter.",
])
def test_denied_asked_and_reported_kinds_are_not_statements(text):
    assert shipped(RULE).impl.extract(parse("a.txt", text)) == []


def test_compatible_kinds_do_not_conflict():
    articles = {"a.md": "BDNF is a protein.", "b.md": "BDNF is a growth factor.", "c.md": "BDNF, a neurotrophin, rises."}
    assert located(shipped(RULE), articles) == set()


def test_glutamate_is_both_an_amino_acid_and_a_neurotransmitter():
    assert located(shipped(RULE), {"a.md": "Glutamate is an amino acid.", "b.md": "Glutamate is a neurotransmitter."}) == set()


def test_the_kind_the_sources_do_not_support_gets_the_finding():
    articles = {"a.md": "BDNF is a neurotransmitter.", "b.md": "BDNF is a protein.", "c.md": "BDNF is a protein too."}
    assert located(shipped(RULE), articles) == {("a.md", "BDNF is a neurotransmitter", ("b.md", "c.md"))}


def test_kinds_the_table_does_not_relate_never_conflict():
    articles = {"a.md": "Ketamine is an anesthetic.", "b.md": "Ketamine is an antidepressant."}
    assert located(shipped(RULE), articles) == set()


def test_bad_kind_tables_are_rule_file_errors():
    text = """
pack: t
rules:
  - id: t.kinds
    type: term-kind
    category: contradiction
    severity: error
    message: m
    terms: {BDNF: {kinds: [protein]}}
    kinds: {disjoint: [[protein]]}
"""
    with pytest.raises(RuleFileError, match="at least two kinds"):
        custom(text)


def test_every_term_of_a_list_gets_the_kind():
    rule = shipped("consistency.term-kind")
    found = located(rule, {"a.md": "Neurotransmitters such as glutamate, GABA and BDNF carry signals.", "b.md": "BDNF is a protein."})
    assert found == {("a.md", "Neurotransmitters such as glutamate, GABA and BDNF", ("b.md",))}


def test_a_list_ends_where_the_sentence_goes_on():
    rule = shipped("consistency.term-kind")
    assert located(rule, {"a.md": "Proteins such as BDNF help glutamate do its work.", "b.md": "Glutamate is a neurotransmitter."}) == set()
    assert located(rule, {"a.md": "Proteins like BDNF and glutamate receptors change.", "b.md": "Glutamate is a neurotransmitter."}) == set()


def test_compatible_kinds_are_never_reported():
    rule = shipped("consistency.term-kind")
    bdnf = {"a.md": "BDNF is a protein.", "b.md": "BDNF, a neuromodulator, rises.", "c.md": "BDNF is a neurotrophin.", "d.md": "BDNF is a growth factor."}
    assert located(rule, bdnf) == set()
    assert located(rule, {"a.md": "Glutamate is an amino acid.", "b.md": "Neurotransmitters such as glutamate, GABA and dopamine carry signals."}) == set()


def test_a_glossary_entry_names_the_kind_after_the_term():
    rule = shipped(RULE)
    text = "**BDNF (brain-derived neurotrophic factor)**\nA secreted growth-factor protein that helps nerve cells survive.\n"
    assert [(s.key, s.side) for s in rule.impl.statements(parse("g.md", text))] == [("BDNF", "protein")]


def test_the_kind_said_of_an_it_that_stands_for_a_term():
    doc = parse("a.md", "BDNF comes up in every talk about ketamine. It is a neurotransmitter that helps neurons grow.")
    (statement,) = shipped(RULE).impl.extract(doc)
    assert (statement.key, statement.side, statement.match) == ("BDNF", "neurotransmitter", "It is a neurotransmitter")


def test_an_it_stands_for_the_term_named_first():
    doc = parse("a.md", "Ketamine comes up in every talk about BDNF. It is a dissociative anesthetic.")
    assert [s.key for s in shipped(RULE).impl.extract(doc)] == ["ketamine"]


@pytest.mark.parametrize("text", [
    "BDNF comes up in every talk about ketamine. It is not a neurotransmitter.",
    "BDNF comes up often.\n\n## What it is\n\nIt is a neurotransmitter.",
])
def test_an_it_that_stands_for_no_term_or_denies_is_not_a_statement(text):
    assert shipped(RULE).impl.extract(parse("a.md", text)) == []
