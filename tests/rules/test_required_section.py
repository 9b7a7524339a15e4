"""`required-section`: a promotional article needs a safety section, found by its heading."""

from __future__ import annotations

import pytest

from safety_support import FORMATS, custom_rule, findings, fixture, pack_rule, text_doc

RULE = "safety.side-effects-section"

PROMO = (
    "Ketamine infusions help many adults whose low mood has not lifted with other medicines. "
    "Our ketamine team sees patients every weekday, and ketamine sessions last about an hour."
)


def article(heading: str, body: str = "Some people feel dizzy or detached for an hour afterwards.") -> str:
    return f"Ketamine at Our Clinic\n\n{PROMO}\n\n{heading}\n\n{body}\n"


@pytest.mark.parametrize("fmt", FORMATS)
def test_complete_article_passes_in_every_format(fmt):
    assert findings(fixture(f"complete.{fmt}"), pack_rule(RULE)) == []


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("name", ["no_section", "passing_sentence"])
def test_reported_once_at_the_title(name, fmt):
    doc = fixture(f"{name}.{fmt}")
    found = findings(doc, pack_rule(RULE))
    assert len(found) == 1
    assert found[0].category == "missing-section"
    assert found[0].match == doc.title.text
    assert '"side effects"' in found[0].message and '"is safe?"' in found[0].message


@pytest.mark.parametrize("fmt", FORMATS)
def test_article_that_does_not_promote_treatment_passes(fmt):
    assert findings(fixture(f"news.{fmt}"), pack_rule(RULE)) == []


@pytest.mark.parametrize("heading", [
    "Potential Risks and Side Effects of Ketamine Therapy",
    "Is Ketamine Safe?",
    "Side effects",
    "What are the risks?",
    "Safety information",
    "Important Safety Information",
    "Is IV Ketamine Therapy Safe?",
    "How Safe Is Ketamine?",
    "Are There Side Effects?",
    "Side Efects",
    "Who Should Not Have Ketamine?",
])
def test_accepted_heading_wordings(heading):
    assert findings(text_doc(article(heading)), pack_rule(RULE)) == []


@pytest.mark.parametrize("heading", [
    "The Future of Ketamine Therapy",
    "The Effects of Ketamine on Mental Health",
    "Side Effects of Untreated Depression",
    "Fewer Side Effects Than Antidepressants",
    "Ketamine Is Safe and Effective",
    "Risk-Free Relief",
    "Asterisks and Footnotes",
])
def test_headings_that_are_not_a_safety_section(heading):
    assert len(findings(text_doc(article(heading)), pack_rule(RULE))) == 1


def test_heading_about_treatment_and_a_condition_still_counts():
    doc = text_doc(article("Ketamine Side Effects for People With Depression"))
    assert findings(doc, pack_rule(RULE)) == []


def test_matching_heading_with_nothing_under_it_is_not_a_section():
    text = f"# Ketamine at Our Clinic\n\n{PROMO}\n\n## Side effects\n\n## Book now\n\nCall us today.\n"
    assert len(findings(text_doc(text, "markdown"), pack_rule(RULE))) == 1


def test_safety_question_nested_under_a_faq_heading_counts():
    text = (
        f"# Ketamine at Our Clinic\n\n{PROMO}\n\n## Questions\n\n### How long is a session?\n\n"
        "About an hour.\n\n### Is ketamine safe?\n\nMost people feel dizzy for a while.\n"
    )
    assert findings(text_doc(text, "markdown"), pack_rule(RULE)) == []


def test_single_passing_mention_is_not_promotion():
    text = "Clinic News\n\nOur ketamine service helps many patients. We have moved to a new building.\n"
    assert findings(text_doc(text), pack_rule(RULE)) == []


def test_mentions_without_a_benefit_claim_are_not_promotion():
    text = (
        "Storage Rules\n\nKetamine is stored in a locked cabinet. Ketamine stock is counted weekly. "
        "Ketamine orders are signed by two staff members.\n"
    )
    assert findings(text_doc(text), pack_rule(RULE)) == []


def test_document_without_a_title_is_reported_at_its_first_block():
    text = f"{PROMO} We hope to see you soon at the clinic.\n"
    doc = text_doc(text)
    (found,) = findings(doc, pack_rule(RULE))
    assert found.location.line == 1 and found.location.column == 1


CUSTOM = """
rules:
  - id: t.needs-risks
    type: required-section
    category: missing-section
    severity: error
    message: "no risks section; looked for {looked_for}"
    headings: [risks]
"""


def test_without_trigger_options_every_document_needs_the_section():
    rule = custom_rule(CUSTOM)
    (found,) = findings(text_doc("Opening Hours\n\nWe are open on weekdays.\n"), rule)
    assert found.message == 'no risks section; looked for "risks"'


def test_threshold_decides_how_loose_the_match_is():
    strict = custom_rule(CUSTOM + "    threshold: 100\n")
    loose = custom_rule(CUSTOM)
    doc = text_doc("Opening Hours\n\nWe are open on weekdays.\n\nRisk\n\nSome people feel dizzy.\n")
    assert findings(doc, loose) == []
    assert len(findings(doc, strict)) == 1


def test_min_mentions_option():
    rule = custom_rule(CUSTOM + "    trigger_terms: [ketamine]\n    min_mentions: 2\n")
    once = text_doc("News\n\nThe clinic now offers ketamine.\n")
    twice = text_doc("News\n\nThe clinic now offers ketamine. Ketamine sessions start in May.\n")
    assert findings(once, rule) == []
    assert len(findings(twice, rule)) == 1


def test_trigger_term_wildcard():
    rule = custom_rule(CUSTOM + "    trigger_terms: ['infusion*']\n")
    assert len(findings(text_doc("News\n\nWe now give infusions on Saturdays.\n"), rule)) == 1
    assert findings(text_doc("News\n\nWe are open on Saturdays.\n"), rule) == []


def test_negated_benefit_claim_does_not_trigger():
    rule = custom_rule(CUSTOM + "    benefit_patterns: ['\\bcures?\\b']\n")
    assert findings(text_doc("Facts\n\nKetamine does not cure depression.\n"), rule) == []
    assert len(findings(text_doc("Facts\n\nKetamine cures depression.\n"), rule)) == 1
