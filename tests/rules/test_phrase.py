"""The `phrase` rule type's mechanics, with small inline rules (not the default pack)."""

from __future__ import annotations

from ketalint.document import parse
from ketalint.engine import check_document
from ketalint.examples import example_hits
from ketalint.packs import parse_pack


def _rule(keys: str):
    text = f"""\
rules:
  - id: t.forever
    type: phrase
    category: overclaim
    severity: warning
    message: "'{{match}}' promises a permanent result"
{keys}"""
    (rule,) = parse_pack(text, "test.yaml", "t")
    return rule


PHRASES = "    phrases: [\"permanently rewires\", \"won't come back\"]\n"


def flagged(rule, text: str) -> list[str]:
    doc = parse("x.txt", text, "text")
    return [doc.text[h.start:h.end] for h in example_hits(rule, text)]


def test_whole_words_any_case():
    rule = _rule(PHRASES)
    assert flagged(rule, "Ketamine PERMANENTLY Rewires the brain.") == ["PERMANENTLY Rewires"]
    assert flagged(rule, "It unpermanently rewiresx the brain.") == []


def test_matches_across_a_line_break_and_with_typographic_apostrophes():
    rule = _rule(PHRASES)
    assert flagged(rule, "Ketamine permanently\nrewires the brain.") == ["permanently\nrewires"]
    assert flagged(rule, "Your low mood won’t come back.") == ["won’t come back"]


def test_negated_questions_and_quoted_matches_are_skipped():
    rule = _rule(PHRASES)
    assert flagged(rule, "Ketamine never permanently rewires anything.") == []
    assert flagged(rule, "Ketamine does not permanently rewires anything.") == []
    assert flagged(rule, "Does ketamine permanently rewires the brain?") == []
    assert flagged(rule, "Ads say it “permanently rewires” the brain, which is hype.") == []
    assert flagged(rule, "Some clinics claim that ketamine permanently rewires the brain.") == []


def test_hedged_statements_are_flagged_unless_the_rule_says_unless_hedged():
    text = "Research suggests ketamine may permanently rewires circuits."
    assert flagged(_rule(PHRASES), text)
    assert flagged(_rule(PHRASES + "    unless_hedged: true\n"), text) == []


def test_unless_switches_can_be_turned_off():
    rule = _rule(PHRASES + "    unless_negated: false\n    unless_quoted: false\n")
    assert flagged(rule, "Ketamine never permanently rewires anything.")
    assert flagged(rule, "Ads say it “permanently rewires” the brain.")


def test_exceptions_suppress_overlapping_matches():
    rule = _rule(PHRASES + "    exceptions: ['permanently rewires nothing']\n")
    assert flagged(rule, "Ketamine permanently rewires nothing at all.") == []
    assert flagged(rule, "Ketamine permanently rewires the brain.")


def test_patterns_are_regular_expressions_and_case_sensitive_is_honoured():
    rule = _rule("    patterns: ['\\bcures?\\s+depression\\b']\n    case_sensitive: true\n")
    assert flagged(rule, "It cures depression fast.") == ["cures depression"]
    assert flagged(rule, "It CURES DEPRESSION fast.") == []


def test_fuzzy_matches_misspelt_and_inflected_variants():
    rule = _rule(PHRASES + "    fuzzy: 85\n")
    assert flagged(rule, "Ketamine permanantly rewires the brain.") == ["permanantly rewires"]
    assert flagged(rule, "Ketamine permanently rewired the brain.") == ["permanently rewired"]
    assert flagged(rule, "Ketamine gently rewards the brain.") == []
    assert flagged(_rule(PHRASES), "Ketamine permanantly rewires the brain.") == []


def test_scope_limits_the_blocks_searched():
    rule = _rule(PHRASES + "    scope: heading\n")
    text = "Ketamine Permanently Rewires Minds\n\nIt permanently rewires nothing, we hope. It permanently rewires you.\n"
    assert flagged(rule, text) == ["Permanently Rewires"]


def test_message_match_is_the_clean_prose_and_the_span_is_in_the_source():
    rule = _rule(PHRASES)
    doc = parse("a.md", "Ketamine **permanently** rewires the brain.\n")
    (finding,) = check_document(doc, [(rule, "warning")])
    assert finding.message == "'permanently rewires' promises a permanent result"
    assert finding.match == "permanently** rewires"
    assert (finding.location.line, finding.location.column, finding.location.end_column) == (1, 12, 33)
