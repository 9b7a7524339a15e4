"""The `claim` rule type: subject and predicate paired in one sentence, and `same_clause`."""

from __future__ import annotations

import pytest

from ketalint.examples import example_hits
from ketalint.packs import parse_pack
from ketalint.rules.claim import is_headline


def _rule(extra: str = ""):
    text = f"""\
rules:
  - id: t.anxiety
    type: claim
    category: unhedged
    severity: warning
    message: efficacy for anxiety stated as fact
    subject: ['\\banxiety\\b']
    predicate: ['\\beffective\\b']
    order: any
{extra}"""
    (rule,) = parse_pack(text, "test.yaml", "t")
    return rule


def _flagged(rule, text: str) -> bool:
    return bool(example_hits(rule, text))


def test_pairs_across_a_contrast_by_default():
    assert _flagged(_rule(), "Ketamine is effective for depression, but it can cause anxiety.")


def test_same_clause_does_not_pair_across_a_contrast():
    rule = _rule("    same_clause: true\n")
    assert not _flagged(rule, "Ketamine is effective for depression, but it can cause anxiety.")
    assert not _flagged(rule, "Ketamine is effective for depression; anxiety is a side effect.")
    assert not _flagged(rule, "It is effective for depression — anxiety is another matter.")


def test_same_clause_still_pairs_within_one_statement():
    rule = _rule("    same_clause: true\n")
    assert _flagged(rule, "Ketamine is effective for anxiety.")
    assert _flagged(rule, "Anxiety: ketamine is effective and fast.")


def test_same_clause_must_be_true_or_false():
    import pytest

    from ketalint.errors import RuleFileError

    with pytest.raises(RuleFileError, match="same_clause"):
        _rule("    same_clause: sometimes\n")


def test_one_report_for_two_predicates_of_one_claim():
    text = """\
rules:
  - id: t.ptsd
    type: claim
    category: unhedged
    severity: warning
    message: efficacy for PTSD stated as fact
    subject: ['\\bPTSD\\b']
    predicate: ['\\bbeen\\s+shown\\b', '\\breduce\\s+symptoms\\b']
    order: any
"""
    (rule,) = parse_pack(text, "test.yaml", "t")
    assert len(example_hits(rule, "Ketamine has been shown to reduce symptoms of PTSD.")) == 1
    assert len(example_hits(rule, "It has been shown to help PTSD. It can reduce symptoms of PTSD.")) == 2


def _bdnf(extra: str = ""):
    text = f"""\
rules:
  - id: t.bdnf
    type: claim
    category: factual
    severity: error
    message: BDNF is a growth factor, not a neurotransmitter
    subject: ['\\bBDNF\\b', 'brain-derived neurotrophic factor']
    predicate: ['\\bneurotransmitters?\\b']
{extra}"""
    (rule,) = parse_pack(text, "test.yaml", "t")
    return rule


def test_flags_the_subject_named_after_the_predicate_with_order_any():
    rule = _bdnf("    order: any\n")
    assert _flagged(rule, "Ketamine releases another neurotransmitter, called BDNF.")
    assert _flagged(rule, "BDNF is a neurotransmitter that helps neurons grow.")


def test_order_subject_first_ignores_predicate_first_sentences():
    rule = _bdnf()
    assert _flagged(rule, "BDNF is a neurotransmitter.")
    assert not _flagged(rule, "Ketamine releases another neurotransmitter, called BDNF.")
    assert _flagged(_bdnf("    order: predicate-first\n"), "Ketamine releases another neurotransmitter, called BDNF.")


def test_negated_statements_pass():
    rule = _bdnf("    order: any\n")
    assert not _flagged(rule, "BDNF is a protein, not a neurotransmitter.")
    assert not _flagged(rule, "BDNF isn't a neurotransmitter.")
    assert not _flagged(rule, "Unlike glutamate, BDNF is never a neurotransmitter.")


def test_hedged_statements_pass_only_with_unless_hedged():
    text = "Researchers think BDNF may act like a neurotransmitter."
    assert _flagged(_bdnf("    order: any\n"), text)
    assert not _flagged(_bdnf("    order: any\n    unless_hedged: true\n"), text)


def test_quoted_and_asked_claims_pass():
    rule = _bdnf("    order: any\n")
    assert not _flagged(rule, "Is BDNF a neurotransmitter?")
    assert not _flagged(rule, "The ad called it “BDNF, the neurotransmitter” and moved on.")


def test_within_limits_the_words_between_subject_and_predicate():
    far = "BDNF levels rise after treatment in many of the people we see, as does one neurotransmitter."
    assert not _flagged(_bdnf("    within: 4\n"), far)
    assert _flagged(_bdnf("    within: 20\n"), far)


def test_words_in_brackets_between_the_halves_are_an_aside():
    rule = _rule("    within: 3\n    same_clause: true\n")
    assert _flagged(rule, "For anxiety (in our audit of the last two years, but less so for panic) it is effective.")
    assert not _flagged(rule, "For anxiety in our audit of the last two years it is effective.")
    assert not _flagged(rule, "For anxiety (in our audit) and for the other five conditions we treat it is effective.")


def test_a_prepositional_aside_between_commas_after_a_verb_is_an_aside():
    rule = _rule("    within: 3\n    same_clause: true\n")
    assert _flagged(rule, "Anxiety treatment is, in the trials as in our own audit of patients, effective.")
    assert _flagged(rule, "Anxiety, in the trials as in our own audit of patients, responds and is effective.")
    assert not _flagged(rule, "Anxiety treatment is, by contrast with most of the other options, effective.")
    assert not _flagged(rule, "Anxiety treatment in the trials as in our own audit of patients is effective.")


def test_a_relative_clause_between_commas_after_the_first_half_is_an_aside():
    rule = _rule("    within: 3\n    same_clause: true\n")
    assert _flagged(rule, "For anxiety, which many of our patients describe as constant worry, it is effective.")
    assert not _flagged(rule, "For anxiety that many of our patients describe as constant worry it is effective.")
    # Only right after the first half: elsewhere a comma may start another statement.
    assert not _flagged(rule, "For anxiety it is what many describe, which our team hears daily, as effective.")
    # A negation inside the clause describes the subject, not the claim.
    assert _flagged(rule, "For anxiety, which is not a rare condition at all, it is effective.")


def test_a_negation_in_a_clause_a_semicolon_closes_does_not_reach_the_predicate():
    rule = _rule("    within: 10\n")
    assert _flagged(rule, "Anxiety isn't a rare condition; our treatment for it is effective.")
    assert not _flagged(rule, "Anxiety treatment here is not, for most people, effective.")


def test_a_contrast_inside_a_subject_that_runs_on_to_its_pronoun_does_not_deny_the_claim():
    text = """\
rules:
  - id: t.anxiety
    type: claim
    category: unhedged
    severity: warning
    message: efficacy for anxiety stated as fact
    subject: ['\\banxiety\\b[^.]{0,60}?\\bit(?=\\s+is)', '\\banxiety\\b']
    predicate: ['\\beffective\\b']
    within: 3
"""
    (rule,) = parse_pack(text, "test.yaml", "t")
    assert _flagged(rule, "For anxiety rather than panic, our team has found that it is effective.")
    assert not _flagged(rule, "For anxiety rather than panic, our team has found that it is not effective.")


def test_subject_and_predicate_must_share_a_sentence():
    assert not _flagged(_bdnf("    order: any\n"), "BDNF is a protein. Glutamate is a neurotransmitter.")


def test_hit_spans_from_the_first_to_the_last_term():
    rule = _bdnf("    order: any\n")
    text = "It boosts another neurotransmitter, called BDNF."
    (hit,) = example_hits(rule, text)
    assert text[hit.start:hit.end] == "neurotransmitter, called BDNF"


def test_a_denial_between_a_predicate_and_the_subject_after_it_passes():
    rule = _rule()
    assert not _flagged(rule, "An effective drug for anxiety was not found in that trial.")
    assert not _flagged(rule, "Effective relief was not shown for anxiety.")
    assert _flagged(rule, "Effective relief was shown for anxiety.")


def test_a_negation_in_a_relative_clause_before_the_predicate_does_not_deny_it():
    rule = _rule()
    assert _flagged(rule, "For people whose anxiety has not lifted with therapy, ketamine is effective.")
    assert not _flagged(rule, "For anxiety, ketamine is not effective.")
    assert not _flagged(rule, "Anxiety is not something ketamine is effective for.")


def test_an_intensifier_built_from_a_negation_word_does_not_deny_the_claim():
    rule = _rule()
    assert _flagged(rule, "For anxiety without exception ketamine is effective.")
    assert _flagged(rule, "For anxiety, with no exceptions, ketamine is effective.")
    assert not _flagged(rule, "For anxiety without therapy ketamine is not effective.")
    assert not _flagged(rule, "Anxiety without exception is no reason to think ketamine effective.")


@pytest.mark.parametrize(("text", "headline"), [
    ("Ketamine Infusions for PTSD — Relief From Flashbacks and Nightmares", True),
    ("IV Ketamine Infusions — FDA-Cleared for Major Depression", True),
    ("We treat PTSD — and ketamine is effective for many.", False),
    ("ketamine for ptsd — relief from flashbacks", False),
])
def test_a_headline_is_a_short_capitalised_line_without_a_stop(text, headline):
    assert is_headline(text) is headline


def test_a_dash_in_a_headline_joins_the_topic_to_its_claim():
    rule = _rule("    same_clause: true\n")
    assert _flagged(rule, "Ketamine for Anxiety — Effective Relief in Days")
    assert not _flagged(rule, "Ketamine is effective for depression — anxiety is another matter.")
    assert not _flagged(rule, "Anxiety Care, But Ketamine Is Effective for Depression")


def _fda_rule(order: str = "subject-first"):
    text = f"""\
rules:
  - id: t.fda
    type: claim
    category: factual
    severity: error
    message: 'says "{{match}}"'
    subject: ['\\bketamine\\b']
    predicate: ['\\bFDA-approved\\s+for\\s+depression\\b']
    order: {order}
    within: 4
    unless_hedged: true
"""
    (rule,) = parse_pack(text, "test.yaml", "t")
    return rule


def test_an_opening_it_stands_for_the_subject_named_first_before_it():
    from ketalint.document import parse
    from ketalint.engine import check_document

    doc = parse("a.md", "Dr. Lee spent years giving ketamine in theatres. It is also FDA-approved for depression.")
    (finding,) = check_document(doc, [(_fda_rule(), "error")])
    assert finding.location.match == "It is also FDA-approved for depression"
    assert finding.message == 'says "It (ketamine) is also FDA-approved for depression"'
    assert [(r.line, r.column, r.match) for r in finding.related] == [(1, 28, "ketamine")]


def test_an_opening_its_is_quoted_as_the_possessive_of_what_it_stands_for():
    from ketalint.document import parse
    from ketalint.engine import check_document

    text = """
rules:
  - id: t.months
    type: claim
    category: overclaim
    severity: warning
    message: 'says "{match}"'
    subject: ['\\b(?:a|their)\\s+first\\s+infusion\\b']
    predicate: ['\\blast\\s+for\\s+months\\b']
    within: 3
"""
    (rule,) = parse_pack(text, "test.yaml", "t")
    doc = parse("a.md", "Patients ask what happens after their first infusion. Its benefits last for months.")
    (finding,) = check_document(doc, [(rule, "warning")])
    assert finding.message == 'says "Its (their first infusion\'s) benefits last for months"'
    assert [r.match for r in finding.related] == ["their first infusion"]


@pytest.mark.parametrize("text", [
    "BDNF comes up in every talk about ketamine. It is also FDA-approved for depression.",
    "Ketamine is an anesthetic. It is not FDA-approved for depression.",
    "Ketamine is an anesthetic. It may be FDA-approved for depression one day, some say.",
    "Spravato is a nasal spray. It is FDA-approved for depression.",
])
def test_an_opening_it_that_stands_for_something_else_or_denies_is_not_a_claim(text):
    assert not _flagged(_fda_rule(), text)


def test_an_opening_it_under_a_heading_that_names_nothing_is_not_read():
    from ketalint.document import parse
    from ketalint.engine import check_document

    text = "Ketamine is an anesthetic.\n\n## Approval\n\nIt is also FDA-approved for depression.\n"
    assert check_document(parse("a.md", text), [(_fda_rule(), "error")]) == []
    named = text.replace("## Approval", "## Ketamine and approval")
    assert len(check_document(parse("a.md", named), [(_fda_rule(), "error")])) == 1


def test_a_predicate_first_claim_does_not_read_an_opening_it():
    assert _flagged(_fda_rule("any"), "Ketamine is an anesthetic. It is also FDA-approved for depression.")
    assert not _flagged(_fda_rule("predicate-first"), "Ketamine is an anesthetic. It is also FDA-approved for depression.")


def test_restatements_are_read_one_by_one():
    from ketalint.document import parse
    from ketalint.engine import restated

    doc = parse("a.md", "Is ketamine safe?\n\nYes.\n\nIs it approved?\n\nNo.")
    reading = restated(doc)
    assert reading is not None and reading.doc.memo["stand_in_openings"] == 0
