"""The `substitution` rule type: wrong wording → preferred wording as suggestion and fix."""

from __future__ import annotations

from ketalint.document import parse
from ketalint.engine import check_document
from ketalint.packs import parse_pack


def _rule(keys: str):
    text = f"""\
rules:
  - id: t.neurons
    type: substitution
    category: factual
    severity: warning
    message: "Write '{{preferred}}' instead of '{{match}}'"
{keys}"""
    (rule,) = parse_pack(text, "test.yaml", "t")
    return rule


SWAP = '    swap: {"100 billion neurons": "86 billion neurons", "ketamine-assisted psychotherapy (KAP)": "ketamine-assisted psychotherapy"}\n'


def findings(rule, text: str, path: str = "x.txt"):
    return check_document(parse(path, text), [(rule, rule.spec.severity)])


def test_preferred_wording_is_suggestion_fix_and_message_value():
    (f,) = findings(_rule(SWAP), "The brain holds 100 billion neurons.")
    assert f.suggestion == "86 billion neurons"
    assert f.message == "Write '86 billion neurons' instead of '100 billion neurons'"
    assert (f.fix.start, f.fix.end, f.fix.replacement) == (16, 35, "86 billion neurons")


def test_first_letter_case_is_kept():
    (f,) = findings(_rule('    swap: {"cure": "treatment option"}\n'), "Cure is the word we use.")
    assert f.suggestion == "Treatment option"


def test_each_key_gets_its_own_preferred_wording():
    rule = _rule(SWAP)
    (f,) = findings(rule, "We offer ketamine-assisted psychotherapy (KAP) weekly.")
    assert f.suggestion == "ketamine-assisted psychotherapy"


def test_negated_and_quoted_uses_are_skipped():
    rule = _rule(SWAP)
    assert findings(rule, "The brain does not hold 100 billion neurons.") == []
    assert findings(rule, "The old figure, “100 billion neurons”, is outdated.") == []


def test_hedged_use_is_skipped_only_with_unless_hedged():
    text = "Some say the brain may hold 100 billion neurons."
    assert findings(_rule(SWAP), text)
    assert findings(_rule(SWAP + "    unless_hedged: true\n"), text) == []


def test_regex_keys_and_fix_false():
    rule = _rule('    swap: {"ten times (?:more|as many) glia": "about as many glial cells"}\n    regex: true\n    fix: false\n')
    (f,) = findings(rule, "There are ten times as many glia as neurons.")
    assert f.suggestion == "about as many glial cells"
    assert f.fix is None


def test_span_maps_through_markdown_emphasis():
    (f,) = findings(_rule(SWAP), "It has *100 billion* neurons.\n", "a.md")
    assert (f.location.column, f.location.end_column) == (9, 29)
