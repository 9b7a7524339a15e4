"""`section-content`: the safety section must cover listed topics."""

from __future__ import annotations

import pytest

from safety_support import FORMATS, custom_rule, findings, fixture, pack_rule, text_doc

RULE = "safety.side-effects-coverage"
DEFAULT_TOPICS = [
    "dissociation", "blood pressure", "nausea or dizziness", "misuse or dependence",
    "who should not be treated", "monitoring or supervision",
]


@pytest.mark.parametrize("fmt", FORMATS)
def test_complete_section_passes(fmt):
    assert findings(fixture(f"complete.{fmt}"), pack_rule(RULE)) == []


@pytest.mark.parametrize("fmt", FORMATS)
def test_missing_topics_named_in_one_finding_at_the_heading(fmt):
    doc = fixture(f"incomplete.{fmt}")
    (found,) = findings(doc, pack_rule(RULE))
    assert found.category == "incomplete-section"
    assert found.match == "Side effects"
    assert found.message == (
        "the safety section does not mention: blood pressure, misuse or dependence, "
        "who should not be treated, monitoring or supervision"
    )


@pytest.mark.parametrize("name", ["no_section", "passing_sentence", "news"])
@pytest.mark.parametrize("fmt", FORMATS)
def test_nothing_to_check_without_a_safety_section(name, fmt):
    assert findings(fixture(f"{name}.{fmt}"), pack_rule(RULE)) == []


def test_default_topics_are_the_ones_the_fact_base_requires():
    assert list(pack_rule(RULE).spec.options["topics"]) == DEFAULT_TOPICS


def test_subsection_text_counts_for_the_section():
    text = (
        "# Ketamine Care\n\nKetamine helps many of our patients. Ketamine sessions are short. Ketamine is given here.\n\n"
        "## Side effects\n\nMost people feel detached and a little dizzy.\n\n"
        "### Blood pressure and monitoring\n\nA nurse monitors your blood pressure during the session.\n\n"
        "### Who should not have it\n\nKetamine can be misused, and it is not recommended for people who are pregnant.\n"
    )
    assert findings(text_doc(text, "markdown"), pack_rule(RULE)) == []


def test_text_after_the_section_does_not_count():
    text = (
        "# Ketamine Care\n\nKetamine helps many of our patients. Ketamine sessions are short. Ketamine is given here.\n\n"
        "## Side effects\n\nMost people feel detached and a little dizzy.\n\n"
        "## About us\n\nA nurse monitors your blood pressure. Ketamine can be misused. It is not recommended in pregnancy.\n"
    )
    (found,) = findings(text_doc(text, "markdown"), pack_rule(RULE))
    assert "blood pressure" in found.message and "dissociation" not in found.message


CUSTOM = """
rules:
  - id: t.coverage
    type: section-content
    category: incomplete-section
    severity: warning
    message: "missing {missing}; covered {covered}"
    headings: [side effects, who should not]
    topics:
      dissociation: ['dissociat*']
      blood pressure: [blood pressure, hypertension]
"""


def test_wildcard_synonym_and_covered_placeholder():
    doc = text_doc("Clinic\n\nWe are open daily.\n\nSide Effects\n\nDissociative feelings pass quickly.\n")
    (found,) = findings(doc, custom_rule(CUSTOM))
    assert found.message == "missing blood pressure; covered dissociation"


def test_synonyms_match_whole_words_only():
    doc = text_doc("Clinic\n\nWe are open daily.\n\nSide Effects\n\nHypertensions are rare here.\n")
    (found,) = findings(doc, custom_rule(CUSTOM))
    assert found.message == "missing dissociation, blood pressure; covered none"


def test_several_safety_sections_are_read_together_and_reported_once():
    text = (
        "# Clinic\n\nWe are open daily.\n\n## Side effects\n\nDissociation is common.\n\n"
        "## Parking\n\nPark at the back.\n\n## Who should not be treated?\n\nPeople with high blood pressure.\n"
    )
    doc = text_doc(text, "markdown")
    assert findings(doc, custom_rule(CUSTOM)) == []
    only_first = text.replace("high blood pressure", "heart problems")
    (found,) = findings(text_doc(only_first, "markdown"), custom_rule(CUSTOM))
    assert found.match == "Side effects"
    assert [r.match for r in found.related] == ["Who should not be treated?"]
    assert found.related[0].line == 13


def test_rejects_a_topic_list_that_is_not_strings():
    from ketalint.errors import RuleFileError

    bad = CUSTOM.replace("blood pressure: [blood pressure, hypertension]", "blood pressure: [1, 2]")
    with pytest.raises(RuleFileError, match="mapping of names to lists of strings"):
        custom_rule(bad)
