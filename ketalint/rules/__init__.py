"""The table of rule types: a rule file's `type:` names one of these classes.

Types are registered here explicitly, not discovered, so that the table is the one place that
says what a rule file may ask for. Types are imported on first use to keep start-up fast.
"""

from __future__ import annotations

from importlib import import_module

from ketalint.rules.base import RuleType

TYPES: dict[str, str] = {
    "phrase": "ketalint.rules.phrase:PhraseRule",
    "substitution": "ketalint.rules.substitution:SubstitutionRule",
    "claim": "ketalint.rules.claim:ClaimRule",
    "contradiction": "ketalint.rules.contradiction:ContradictionRule",
    "term-kind": "ketalint.rules.term_kind:TermKindRule",
    "direction": "ketalint.rules.direction:DirectionRule",
    "quantity": "ketalint.rules.quantity:QuantityRule",
    "copy-drift": "ketalint.rules.copy_drift:CopyDriftRule",
    "required-section": "ketalint.rules.required_section:RequiredSectionRule",
    "section-content": "ketalint.rules.section_content:SectionContentRule",
    "fair-balance": "ketalint.rules.fair_balance:FairBalanceRule",
    "empty-section": "ketalint.rules.empty_section:EmptySectionRule",
    "repeated-sentence": "ketalint.rules.repeated_sentence:RepeatedSentenceRule",
    "repetition": "ketalint.rules.repetition:RepetitionRule",
}


def names() -> list[str]:
    return sorted(TYPES)


def get(type_name: str) -> type[RuleType]:
    """The class for a rule type; KeyError for an unknown name (the loader reports it)."""
    module, _, attr = TYPES[type_name].partition(":")
    return getattr(import_module(module), attr)
