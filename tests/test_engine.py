"""Per-document findings: a rule that supersedes another replaces its findings where they overlap."""

from __future__ import annotations

from pathlib import Path

import pytest

from ketalint.document import parse
from ketalint.engine import check_document
from ketalint.errors import RuleFileError
from ketalint.packs import load_packs, parse_pack

PACK = """\
pack: t
rules:
  - id: t.wrong-fact
    type: phrase
    category: factual
    severity: error
    message: wrong
    phrases: [approved for teenagers]
    {supersedes}
  - id: t.overstated
    type: phrase
    category: unhedged
    severity: warning
    message: overstated
    phrases: [for teenagers, works for teens]
"""


def _rules(supersedes: str = "supersedes: [t.overstated]"):
    return [(rule, rule.spec.severity) for rule in parse_pack(PACK.format(supersedes=supersedes), "t.yaml", "t")]


def _reported(text: str, rules) -> list[tuple[str, str]]:
    doc = parse("a.md", text)
    return sorted((f.rule, text[f.start:f.end]) for f in check_document(doc, rules))


TEXT = "Spravato is approved for teenagers.\n\nKetamine works for teens, we are told.\n"


def test_an_overlapping_finding_of_a_superseded_rule_is_dropped():
    assert _reported(TEXT, _rules()) == [
        ("t.overstated", "works for teens"),  # no finding of the superseding rule here
        ("t.wrong-fact", "approved for teenagers"),
    ]


def test_without_supersedes_both_are_reported():
    assert _reported(TEXT, _rules(supersedes="")) == [
        ("t.overstated", "for teenagers"),
        ("t.overstated", "works for teens"),
        ("t.wrong-fact", "approved for teenagers"),
    ]


def test_a_suppressed_finding_supersedes_nothing():
    text = "Spravato is approved for teenagers. <!-- ketalint-disable-line t.wrong-fact -->\n"
    assert _reported(text, _rules()) == [("t.overstated", "for teenagers")]


def test_a_superseded_rule_of_a_loaded_pack_must_exist(tmp_path: Path):
    pack = tmp_path / "t.yaml"
    pack.write_text(PACK.format(supersedes="supersedes: [t.overstatd]"), encoding="utf-8")
    with pytest.raises(RuleFileError, match="supersedes 't.overstatd', which pack 't' does not define") as exc:
        load_packs([pack])
    assert exc.value.line == 3


def test_a_rule_of_a_pack_not_loaded_has_nothing_to_replace(tmp_path: Path):
    pack = tmp_path / "t.yaml"
    pack.write_text(PACK.format(supersedes="supersedes: [other.overstated]"), encoding="utf-8")
    assert [rule.id for rule in load_packs([pack])] == ["t.wrong-fact", "t.overstated"]
