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
}


def names() -> list[str]:
    return sorted(TYPES)


def get(type_name: str) -> type[RuleType]:
    """The class for a rule type; KeyError for an unknown name (the loader reports it)."""
    module, _, attr = TYPES[type_name].partition(":")
    return getattr(import_module(module), attr)
