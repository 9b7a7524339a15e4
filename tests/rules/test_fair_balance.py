"""`fair-balance`: risk content weighed against benefit claims, with the figures in the message."""

from __future__ import annotations

import pytest

from ketalint.examples import run_examples
from safety_support import FORMATS, custom_rule, findings, fixture, pack_rule, text_doc

CUSTOM = """
rules:
  - id: t.balance
    type: fair-balance
    category: incomplete-section
    severity: warning
    message: "{risk_words} vs {benefit_words} ({ratio} < {min_ratio})"
    headings: [risks]
    benefit_patterns: ['\\bhelps\\b']
    min_ratio: 0.5
    min_benefit_words: 10
"""

# Benefit claims: "Ketamine helps people feel better fast." (6 words) and
# "It helps with sleep and low mood too." (8 words): 14 words in all.
CLAIMS = "Clinic\n\nKetamine helps people feel better fast. It helps with sleep and low mood too. We are open daily.\n\n"


def test_thin_section_reported_with_hand_counted_figures():
    doc = text_doc(CLAIMS + "Risks\n\nSome people feel dizzy.\n")
    (found,) = findings(doc, custom_rule(CUSTOM))
    assert found.message == "4 vs 14 (0.29 < 0.5)"
    assert found.match == "Risks"


def test_balanced_section_passes():
    doc = text_doc(CLAIMS + "Risks\n\nSome people feel dizzy and a bit sick.\n")
    assert findings(doc, custom_rule(CUSTOM)) == []


def test_claims_inside_the_safety_section_are_risk_words_not_benefit_words():
    doc = text_doc(CLAIMS + "Risks\n\nSome people feel dizzy. Rest helps.\n")
    (found,) = findings(doc, custom_rule(CUSTOM))
    assert found.message == "6 vs 14 (0.43 < 0.5)"


def test_negated_claims_are_not_benefit_words():
    doc = text_doc(CLAIMS.replace("We are open daily.", "It never helps with pain.") + "Risks\n\nSome people feel dizzy.\n")
    (found,) = findings(doc, custom_rule(CUSTOM))
    assert found.message == "4 vs 14 (0.29 < 0.5)"


def test_too_few_benefit_words_are_not_weighed():
    rule = custom_rule(CUSTOM.replace("min_benefit_words: 10", "min_benefit_words: 15"))
    assert findings(text_doc(CLAIMS + "Risks\n\nSome people feel dizzy.\n"), rule) == []


def test_no_safety_section_is_left_to_required_section():
    assert findings(text_doc(CLAIMS), custom_rule(CUSTOM)) == []


def test_benefit_patterns_are_required():
    from ketalint.errors import RuleFileError

    with pytest.raises(RuleFileError, match="needs 'benefit_patterns'"):
        custom_rule(CUSTOM.replace("    benefit_patterns: ['\\bhelps\\b']\n", ""))


def test_negative_ratio_is_rejected():
    from ketalint.errors import RuleFileError

    with pytest.raises(RuleFileError, match="min_ratio"):
        custom_rule(CUSTOM.replace("min_ratio: 0.5", "min_ratio: -1"))


@pytest.mark.parametrize("fmt", FORMATS)
def test_default_pack_passes_the_complete_fixture(fmt):
    assert findings(fixture(f"complete.{fmt}"), pack_rule("safety.fair-balance")) == []


def test_default_pack_examples_of_the_safety_and_structure_rules():
    ids = ["safety.side-effects-section", "safety.side-effects-coverage", "safety.fair-balance",
           "style.empty-heading", "style.repeated-sentence"]
    count, failures = run_examples([pack_rule(i) for i in ids])
    assert failures == []
    assert count >= 2 * len(ids)
