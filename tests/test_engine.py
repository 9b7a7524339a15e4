"""Per-document findings: superseding rules, and findings on what answered questions state."""

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


ANSWER_PACK = """\
pack: q
rules:
  - id: q.non-addictive
    type: phrase
    category: overclaim
    severity: error
    message: '"{match}" is wrong'
    suggestion: Say that it can be misused.
    phrases: [not addictive, no risk of addiction]
  - id: q.cure
    type: claim
    category: overclaim
    severity: warning
    message: a cure
    subject: ['\\bketamine\\b']
    predicate: ['\\bcures\\b']
    unless_hedged: true
  - id: q.wording
    type: phrase
    category: style
    severity: info
    message: wording
    phrases: [ketamine is not]
"""


def _answer_findings(text: str) -> list:
    rules = [(rule, rule.spec.severity) for rule in parse_pack(ANSWER_PACK, "q.yaml", "q")]
    return check_document(parse("a.md", text), rules)


def test_a_bare_answer_is_reported_with_what_the_pair_states():
    text = "## Is ketamine addictive?\n\nNo. We screen everyone.\n"
    (finding,) = _answer_findings(text)
    assert (finding.rule, text[finding.start:finding.end], finding.location.line, finding.location.column) == (
        "q.non-addictive", "No", 3, 1,
    )
    assert finding.message == '"not addictive" is wrong (answering "Is ketamine addictive?" with "No" says "ketamine is not addictive.")'
    assert finding.suggestion == "Say that it can be misused."
    assert finding.fix is None


def test_style_rules_do_not_judge_a_restatement():
    assert [f.rule for f in _answer_findings("Is ketamine addictive? No.\n")] == ["q.non-addictive"]


def test_a_rule_that_already_reports_the_answer_is_not_repeated():
    text = "## Is ketamine addictive?\n\nNo. There is no risk of addiction.\n"
    assert [(f.rule, text[f.start:f.end]) for f in _answer_findings(text)] == [("q.non-addictive", "no risk of addiction")]


def test_a_hedge_in_the_answer_reaches_the_statement():
    assert [f.rule for f in _answer_findings("Does ketamine cure depression? Yes.\n")] == ["q.cure"]
    assert _answer_findings("Does ketamine cure depression? Yes, it may for some people.\n") == []


TABLE_PACK = """\
pack: tb
rules:
  - id: tb.rare-dissociation
    type: phrase
    category: factual
    severity: error
    message: '"{match}" is wrong'
    patterns: ['\\bdissociation:\\s*rare\\b']
  - id: tb.approved
    type: claim
    category: factual
    severity: error
    message: not approved
    subject: ['\\bketamine\\b']
    predicate: ['\\bapproved\\s+for\\s+depression\\b']
  - id: tb.label
    type: phrase
    category: factual
    severity: warning
    message: a label
    phrases: [disinhibition]
"""


def test_a_table_cell_is_judged_with_its_headings_and_reported_at_the_cell():
    text = (
        "| | IV ketamine | Spravato |\n|---|---|---|\n"
        "| Approved for depression | Yes | Yes |\n| Dissociation | Rare | Common |\n| Disinhibition | Likely | |\n"
    )
    rules = [(rule, rule.spec.severity) for rule in parse_pack(TABLE_PACK, "tb.yaml", "tb")]
    found = sorted((f.rule, text[f.start:f.end], f.location.line) for f in check_document(parse("a.md", text), rules))
    # The label "Disinhibition" is reported in its own cell, not again in the cell beside it.
    assert found == [("tb.approved", "Yes", 3), ("tb.label", "Disinhibition", 5), ("tb.rare-dissociation", "Rare", 4)]


def test_a_restated_finding_can_be_suppressed_inline():
    text = "Is ketamine addictive?\n<!-- ketalint-disable-next-line q.non-addictive -->\nNo.\n"
    assert _answer_findings(text) == []


@pytest.mark.parametrize(("source", "quoted"), [
    ("Ketamine is a <em>dissociative anesthetic", "Ketamine is a dissociative anesthetic"),
    ("Spravato</em>, a nasal spray", "Spravato, a nasal spray"),
    ("a [proven treatment](https://example.org/a_b) for PTSD", "a proven treatment for PTSD"),
    ("a [proven treatment for PTSD", "a proven treatment for PTSD"),
    ("the *KetECT* and __ELEKT-D__ trials", "the KetECT and ELEKT-D trials"),
    ("snake_case stays, and so does 5 * 3", "snake_case stays, and so does 5 * 3"),
    ("risks &amp; benefits", "risks & benefits"),
])
def test_a_span_across_markup_is_quoted_as_prose(source, quoted):
    from ketalint.engine import prose

    assert prose(source) == quoted


def test_the_cells_of_a_myth_column_are_reported_claims():
    text = "| Myth | Fact |\n|---|---|\n| Disinhibition explains it all | Disinhibition is one model |\n"
    rules = [(rule, rule.spec.severity) for rule in parse_pack(TABLE_PACK, "tb.yaml", "tb")]
    found = [(f.rule, f.location.column) for f in check_document(parse("a.md", text), rules)]
    assert found == [("tb.label", text.splitlines()[2].index("Disinhibition is") + 1)]
