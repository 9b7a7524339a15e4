"""Answered questions restated as statements: the shapes restated, and those left alone."""

from __future__ import annotations

import pytest

from ketalint.document import parse
from ketalint.restate import (
    answered,
    base_form,
    condition_heading,
    declarative,
    resolved,
    restatements,
    subject_length,
    third_person,
)


@pytest.mark.parametrize(
    ("question", "answer", "statement"),
    [
        ("Is ketamine addictive?", "No.", "ketamine is not addictive."),
        ("Is ketamine habit-forming?", "Not at all.", "ketamine is not habit-forming."),
        ("Does ketamine cure depression?", "Yes.", "ketamine cures depression."),
        ("Does ketamine have side effects?", "None.", "ketamine has no side effects."),
        ("Does ketamine have any side effects?", "No.", "ketamine has no side effects."),
        ("Is ketamine safe?", "Completely.", "ketamine is completely safe."),
        ("Does it work?", "Always.", "it always works."),
        ("Is the effect permanent?", "Yes — for most of our patients.", "the effect is permanent, for most of our patients."),
        ("Is there any risk of addiction?", "No.", "there is no risk of addiction."),
        ("Are there side effects?", "Zero.", "there are no side effects."),
        ("Will there be any side effects?", "Nope!", "there will be no side effects."),
        ("Will the results last forever?", "Yes!", "the results will last forever."),
        ("Will depression come back?", "Never.", "depression will not come back."),
        ("Can ketamine grow new brain cells?", "Of course.", "ketamine can grow new brain cells."),
        ("Can ketamine cause side effects?", "No.", "ketamine cannot cause side effects."),
        ("Q: Do the long-term effects of ketamine last?", "Yes they do.", "the long-term effects of ketamine last, they do."),
        ("Has ketamine been approved for depression?", "Yes.", "ketamine has been approved for depression."),
        ("Did the relief fade?", "No.", "the relief did not fade."),
        ("Is the euphoria dangerous?", "No, it passes.", "the euphoria is not dangerous, it passes."),
        ("Does ketamine change your brain?", "Yes.", "ketamine changes your brain."),
    ],
)
def test_a_bare_yes_or_no_states_the_question(question: str, answer: str, statement: str):
    assert answered(question, answer)[0] == statement


def test_the_span_is_the_answer_word():
    answer = "“Absolutely not — it can be misused.”"
    statement, start, end = answered("Is ketamine addictive?", answer)
    assert answer[start:end] == "Absolutely not"
    assert statement == "ketamine is not addictive, it can be misused."


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("Does it work?", "No one knows for sure."),  # "No" opening a sentence, not answering
        ("Does it work?", "Sometimes."),  # a hedge, not a yes
        ("Does it work?", "It can, for some people."),
        ("Isn't ketamine addictive?", "No."),  # a negated question: "No" could mean either
        ("Is ketamine not addictive?", "Yes."),
        ("Is ketamine safe or risky?", "Yes."),  # a choice
        ("How long does relief last?", "Always."),  # not a yes/no question
        ("Why is ketamine different?", "Yes."),
        ("Is?", "Yes."),
    ],
)
def test_other_answers_and_questions_are_not_restated(question: str, answer: str):
    assert answered(question, answer) is None


@pytest.mark.parametrize(
    ("verb", "inflected"),
    [("cure", "cures"), ("have", "has"), ("fix", "fixes"), ("relieve", "relieves"), ("carry", "carries"), ("stay", "stays"), ("go", "goes")],
)
def test_third_person(verb: str, inflected: str):
    assert third_person(verb) == inflected


@pytest.mark.parametrize(
    ("words", "verb_next", "length"),
    [
        ("ketamine cure depression", True, 1),
        ("ketamine treatment safe", False, 2),
        ("IV ketamine treatment safe for everyone", False, 3),
        ("the long-term effects of ketamine last", True, 5),
        ("the euphoria dangerous", False, 2),
        ("that permanent", False, 1),
        ("insurance cover ketamine", True, 1),
        ("ketamine", False, None),  # nothing left to state of it
        ("my regular physician give me Spravato", True, None),  # an unknown noun: no guess
        ("my regular doctor give me Spravato", True, 3),
    ],
)
def test_subject_length(words: str, verb_next: bool, length: int | None):
    assert subject_length(words.split(), verb_next) == length


def test_a_condition_question_lends_its_condition_to_the_answers_pronoun():
    assert resolved("Stuck in bipolar depression?", "Ketamine lifts it.") == "Ketamine lifts bipolar depression."
    assert resolved("Do you suffer from chronic pain?", "Our infusions ease it for good.") == "Our infusions ease chronic pain for good."
    assert resolved("Living with OCD?", "Ketamine can help with that.") == "Ketamine can help with OCD."
    assert resolved("Worried about your anxiety?", "We treat them all.") == "We treat anxiety all."


def test_a_condition_question_without_a_pronoun_in_the_answer_is_left_alone():
    assert resolved("Tired of depression?", "Call us today.") is None
    assert resolved("Is ketamine addictive?", "Ketamine treats it.") is None
    assert resolved("Stuck in depression?", "Does ketamine help it?") is None


def test_declarative_is_none_for_shapes_it_does_not_know():
    assert declarative("What is ketamine?", negative=False) is None
    assert declarative("Ketamine, really?", negative=True) is None


def _statements(text: str, path: str = "a.md") -> list[tuple[str, str]]:
    doc = parse(path, text)
    return [(r.statement, text[r.start:r.end]) for r in restatements(doc)]


def test_a_question_heading_pairs_with_the_first_sentence_under_it():
    text = "# FAQ\n\n## Is ketamine addictive?\n\nNo. We screen everyone.\n"
    assert _statements(text) == [("ketamine is not addictive.", "No")]


def test_a_question_pairs_with_the_next_sentence_of_its_paragraph():
    text = "Some wonder. Does ketamine cure depression? Absolutely, for most people. Call us.\n"
    assert _statements(text) == [("ketamine absolutely cures depression, for most people.", "Absolutely")]


def test_an_answer_further_away_is_not_paired():
    text = "## Is ketamine addictive?\n\nWe hear this often. No.\n"
    assert _statements(text) == []
    text = "Is ketamine addictive? We hear this often.\n\nNo.\n"
    assert _statements(text) == []


def test_an_invitation_is_not_a_question_to_answer():
    assert _statements("Ready to feel better? Yes.\n") == []


def test_the_whole_answer_is_the_span_of_a_resolved_pronoun():
    text = "Stuck in bipolar depression? Ketamine lifts it.\n"
    assert _statements(text) == [("Ketamine lifts bipolar depression.", "Ketamine lifts it.")]


def test_typographic_quotes_and_plain_text_headings():
    text = "Is ketamine “addictive”?\n\nNo.\n"
    assert _statements(text, "a.txt") == [('ketamine is not "addictive".', "No")]


def test_a_document_without_questions_has_none():
    assert _statements("Ketamine is an anaesthetic. No.\n") == []


def test_a_topic_asked_in_a_few_words_stands_for_the_pronoun_opening_the_answer():
    assert resolved("Side effects?", "They're rare and mild.") == "Side effects are rare and mild."
    assert resolved("FAQ: Bladder problems?", "Those only happen with street use.") == "Bladder problems only happen with street use."
    assert resolved("Dissociation?", "It is harmless.") == "Dissociation is harmless."


def test_a_full_question_or_an_answer_without_an_opening_pronoun_is_not_a_topic():
    assert resolved("Is it safe?", "It is.") is None
    assert resolved("How long does it last?", "Call us to ask.") is None
    assert resolved("Why choose us?", "Our team is kind.") is None
    assert resolved("Side effects?", "Call us to ask.") is None
    assert resolved("Side effects?", "Are they common?") is None


def test_a_one_word_verdict_on_a_topic_is_a_statement_about_it():
    assert resolved("Dissociation?", "Uncommon — most people barely notice it.") == "Dissociation is uncommon — most people barely notice it."
    assert resolved("Side effects?", "Minimal.") == "Side effects are minimal."
    assert resolved("Side effects?", "None.") == "there are no side effects."
    assert resolved("Side effects?", "Mostly mild.") is None  # not a bare verdict


def test_q_and_a_labels_are_not_part_of_the_question_or_the_answer():
    assert answered("Q: Does ketamine cure depression?", "A: Yes.") == ("ketamine cures depression.", 3, 6)
    assert answered("FAQ 3. Is ketamine addictive?", "Answer: No.")[0] == "ketamine is not addictive."


@pytest.mark.parametrize(
    ("question", "answer", "statement"),
    [
        ("Worried about side effects?", "There aren't any.", "there are no side effects."),
        ("What about side effects?", "Practically none worth mentioning.", "there are practically no side effects worth mentioning."),
        ("Our success rate?", "95%.", "Our success rate is 95%."),
        ("Nerve pain?", "Ketamine infusions treat it.", "Ketamine infusions treat Nerve pain."),
        ("Social anxiety holding you back?", "Ketamine treats it.", "Ketamine treats Social anxiety."),
        ("How common is dissociation?", "It affects about 2% of patients.", "dissociation affects about 2% of patients."),
        ("How many neurons are in the human brain?", "About 100 billion.", "the human brain has about 100 billion neurons."),
        ("How long does one infusion last?", "Typically three to six months.", "relief typically lasts three to six months after one infusion."),
        ("How long does an infusion last?", "About 40 minutes.", "an infusion lasts about 40 minutes."),
        ("What does ketamine do to the default mode network?", "It resets it.", "ketamine resets the default mode network."),
        ("How does ketamine work?", "It blocks NMDA receptors.", "ketamine blocks NMDA receptors."),
        ("How long do the effects last?", "About a week.", "the effects last about a week."),
        ("What is BDNF?", "A neurotransmitter that helps neurons grow.", "BDNF is a neurotransmitter that helps neurons grow."),
        ("What is esketamine?", "An antidepressant approved in 2019.", "esketamine is an antidepressant approved in 2019."),
        ("What is the success rate?", "About 80%.", "the success rate is about 80%."),
        ("What is the risk of addiction?", "Zero.", "there is no risk of addiction."),
        ("What about downtime?", "None.", "there is no downtime."),
        ("Feeling detached during your session?", "That's the medicine working.", "Feeling detached during your session is the medicine working."),
    ],
)
def test_what_an_answer_says_of_the_questions_subject(question: str, answer: str, statement: str):
    assert resolved(question, answer) == statement


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("What is a ketamine infusion?", "A ketamine infusion is a slow drip into a vein."),
        ("What is ketamine used for?", "Anesthesia, and more recently depression."),
        ("What is it like?", "A dream, some say."),
        ("What is BDNF?", "Researchers are still learning."),
    ],
)
def test_a_what_is_question_is_defined_only_by_a_definition(question: str, answer: str):
    assert resolved(question, answer) is None


@pytest.mark.parametrize(
    ("question", "answer", "statement"),
    [
        ("JONAH: Is ketamine addictive?", "DR. AMADI: No.", "ketamine is not addictive."),
        ("HOST: And is there a risk of addiction?", "GUEST: None at all.", "there is no risk of addiction."),
        ("So, is ketamine addictive?", "No.", "ketamine is not addictive."),
        ("Is ketamine addictive?", "NO: never at our doses.", "ketamine is not addictive, never at our doses."),
    ],
)
def test_a_speaker_label_and_a_follow_up_conjunction_are_not_part_of_the_question(question, answer, statement):
    assert answered(question, answer)[0] == statement


def test_a_capitalised_word_before_a_colon_in_mixed_case_is_no_speaker():
    assert answered("Is ketamine addictive?", "Rarely: most people never misuse it.") is None


@pytest.mark.parametrize(
    ("question", "answer", "statement"),
    [
        ("Is ketamine addictive?", "It can be misused.", "ketamine can be misused."),
        ("Does the infusion hurt?", "It's just a small pinch.", "the infusion is just a small pinch."),
        ("Are side effects common?", "They usually pass within hours.", "side effects usually pass within hours."),
        ("Can I drive after an infusion?", "It isn't safe until the next day.", None),
        ("Is ketamine safe?", "They say so.", None),
    ],
)
def test_a_yes_no_question_lends_its_subject_to_the_answers_pronoun(question, answer, statement):
    assert resolved(question, answer) == statement


@pytest.mark.parametrize(
    ("question", "answer", "statement"),
    [
        ("Can ketamine or Spravato prevent suicide?", "That has not been shown.",
         "ketamine or Spravato has not been shown to prevent suicide."),
        ("Is ketamine safe for teenagers?", "That hasn't been established yet.",
         "ketamine has not been established to be safe for teenagers."),
        ("Can I drive home afterwards?", "That has not been shown.", None),
        ("Does ketamine help anxiety?", "It has been shown to help in small trials.", "ketamine has been shown to help in small trials."),
    ],
)
def test_that_has_not_been_shown_says_the_questions_claim_is_unshown(question, answer, statement):
    assert resolved(question, answer) == statement


def test_a_glossary_term_is_defined_by_the_definition_after_it():
    doc = parse("glossary.md", "**Lateral habenula.** A small paired nucleus in the epithalamus.\n\n**Dosing.** Ketamine treats PTSD.\n")
    statements = [r.statement for r in restatements(doc)]
    assert statements == ["Lateral habenula is a small paired nucleus in the epithalamus."]


def test_not_yet_is_a_no():
    assert answered("Is there an approved nasal spray for depression?", "Not yet — one is in trials.")[0] == (
        "there is no approved nasal spray for depression, one is in trials."
    )


def test_a_fragment_names_the_topic_of_the_sentence_after_it():
    assert _statements("Spravato. It must be taken with a daily antidepressant.\n") == [
        ("Spravato must be taken with a daily antidepressant.", "It must be taken with a daily antidepressant.")
    ]
    assert _statements("The lateral habenula. Ketamine silences its burst firing.\n")[0][0] == (
        "Ketamine silences The lateral habenula's burst firing."
    )


def test_a_short_statement_or_a_heading_is_not_a_fragment():
    assert _statements("Ketamine treats PTSD. Its mechanism is unclear.\n") == []
    assert _statements("## Side effects and safety\n\nIt is not suitable for everyone.\n") == []


def test_a_condition_fragment_labels_the_sentence_about_the_treatment_after_it():
    doc = parse("a.md", "OCD. Ketamine reduces obsessive thoughts.\n\nOCD. Many people live with the condition.\n")
    (restatement,) = restatements(doc)
    assert restatement.statement == "OCD: Ketamine reduces obsessive thoughts."
    assert restatement.span_of(5, 13) == (5, 13)  # "Ketamine" in the statement is "Ketamine" in the file


def test_under_a_condition_heading_sentences_about_the_treatment_are_labelled():
    text = "# Conditions\n\n## PTSD\n\nOur infusions are effective. Many veterans live with PTSD. Call us.\n"
    doc = parse("a.md", text)
    assert [(r.statement, r.note) for r in restatements(doc)] == [
        ("PTSD: Our infusions are effective.", '(read under its heading "PTSD")')
    ]


_TABLE = """\
| | IV ketamine | Spravato |
|---|---|---|
| FDA-approved for depression | ✓ | ✗ |
| Dissociation | Rare. Brief. | |
| Onset | Hours | Yes |
"""


def test_a_table_cell_is_read_with_its_column_heading_and_row_label():
    doc = parse("a.md", _TABLE)
    found = {r.statement: r for r in restatements(doc)}
    assert list(found) == [
        "IV ketamine: FDA-approved for depression.",
        "Spravato: not FDA-approved for depression.",
        "IV ketamine, Dissociation: Rare.",
        "IV ketamine, Dissociation: Brief.",
        "IV ketamine, Onset: Hours.",
        "Spravato: Onset.",
    ]
    rare = found["IV ketamine, Dissociation: Rare."]
    at = _TABLE.index("Rare")
    assert rare.note == '(read in its table as "IV ketamine, Dissociation: Rare.")'
    assert rare.span_of(len("IV ketamine, Dissociation: "), len("IV ketamine, Dissociation: Rare")) == (at, at + 4)
    tick = found["IV ketamine: FDA-approved for depression."]
    assert (tick.start, tick.end) == (_TABLE.index("✓"), _TABLE.index("✓") + 1)


def test_a_table_without_a_header_row_reads_as_labels_and_values():
    html = "<table><tr><td>Dissociation</td><td>Rare</td></tr><tr><td>Nausea:</td><td>Common</td><td>✓</td></tr></table>"
    assert [r.statement for r in restatements(parse("a.html", html))] == ["Dissociation: Rare.", "Nausea: Common."]


def test_a_single_column_or_a_header_row_alone_is_left_to_its_cells():
    assert restatements(parse("a.md", "| Ketamine | Spravato |\n|---|---|\n")) == []
    assert restatements(parse("a.md", "| Ketamine |\n|---|\n| Rare |\n")) == []


@pytest.mark.parametrize(
    ("heading", "is_condition"),
    [("Anxiety", True), ("PTSD and trauma", True), ("Ketamine for OCD", True), ("Treatment-resistant depression", True),
     ("Side effects and safety", False), ("How ketamine works", False), ("Is it right for my anxiety?", False),
     ("Chronic", False)],
)
def test_condition_heading(heading: str, is_condition: bool):
    assert condition_heading(heading) is is_condition


@pytest.mark.parametrize(("text", "statement"), [
    ("You'll hear the term BDNF a lot in ketamine circles. It is a neurotransmitter that nerve cells fire.",
     "BDNF is a neurotransmitter that nerve cells fire."),
    ("Our nurses use a drug called Spravato every week. It's given only in the clinic.",
     "Spravato is given only in the clinic."),
])
def test_it_after_a_sentence_that_introduces_a_term_stands_for_the_term(text, statement):
    assert [r.statement for r in restatements(parse("a.md", text))] == [statement]


@pytest.mark.parametrize("text", [
    "You'll hear the term BDNF a lot in ketamine circles. Knowing the word is nice.",
    "Ketamine has been used in hospitals for decades. It is an anesthetic.",
])
def test_without_a_term_introduced_or_an_opening_it_nothing_is_restated(text):
    assert restatements(parse("a.md", text)) == []


def test_a_mark_with_more_words_and_a_heading_that_asks():
    text = (
        "| | IV ketamine | Compounded spray |\n|---|---|---|\n"
        "| FDA-approved? | ✗ No | Yes (pharmacy-made) |\n| Evidence | No evidence yet | ✓ |\n"
    )
    assert [r.statement for r in restatements(parse("a.md", text))] == [
        "IV ketamine: not FDA-approved.",
        "Compounded spray: FDA-approved, (pharmacy-made).",
        "IV ketamine, Evidence: No evidence yet.",
        "Compounded spray: Evidence.",
    ]


def test_a_label_that_is_a_sentence_names_nothing_and_a_myth_column_is_not_read():
    text = (
        "| Myth | Fact |\n|---|---|\n"
        "| Ketamine is just a party drug. | It is an approved anesthetic. |\n"
        "| Ketamine grows new neurons | It grows new synapses in rodents. |\n"
    )
    assert [r.statement for r in restatements(parse("a.md", text))] == [
        "Fact: It is an approved anesthetic.", "Fact: It grows new synapses in rodents.",
    ]


@pytest.mark.parametrize(
    ("sentence", "statement"),
    [
        ("The release of glutamate is dampened by ketamine.", "Ketamine dampens the release of glutamate."),
        ("Within minutes, glutamate release is quickly dampened by ketamine, and calm follows.",
         "Within minutes, ketamine quickly dampens glutamate release, and calm follows."),
        ("Blood pressure is left unchanged by a ketamine infusion.", "A ketamine infusion leaves blood pressure unchanged."),
        ("Suicidal behavior is prevented by Spravato in patients at risk.", "Spravato prevents suicidal behavior in patients at risk."),
        ("Months of relief are produced by just one infusion.", "Just one infusion produces months of relief."),
        ("Studies show that new neurons are grown by repeated infusions.", "Studies show that repeated infusions grow new neurons."),
        ("BDNF is released by ketamine within minutes.", "Ketamine releases BDNF within minutes."),
    ],
)
def test_a_passive_whose_agent_is_the_treatment_is_read_in_the_active(sentence, statement):
    found = restatements(parse("a.md", sentence))
    assert [r.statement for r in found] == [statement]
    assert found[0].note == f'(read as "{statement}")'
    assert (found[0].start, found[0].end) == (0, len(sentence))


@pytest.mark.parametrize(
    "sentence",
    [
        "Glutamate may be dampened by ketamine.",  # a modal hedges
        "Glutamate is not dampened by ketamine.",  # a negation denies
        "Glutamate is never dampened by ketamine.",
        "The clinic was founded by Dr. Lee in 2019.",  # the agent is not the treatment
        "Ketamine, which is given by IV, works within hours.",
        "The mechanism has been worked out by neuroscientists.",
        "Patients are driven home by a friend after each infusion.",
    ],
)
def test_other_passives_are_left_as_they_are(sentence):
    assert restatements(parse("a.md", sentence)) == []


@pytest.mark.parametrize(
    ("participle", "base"),
    [("dampened", "dampen"), ("raised", "raise"), ("reduced", "reduce"), ("prevented", "prevent"), ("stopped", "stop"),
     ("carried", "carry"), ("left", "leave"), ("grown", "grow"), ("eliminated", "eliminate"), ("treated", "treat"),
     ("created", "create"), ("freed", "free"), ("repaired", "repair"), ("changed", "change"), ("passed", "pass"),
     ("restored", "restore"), ("monitored", "monitor"), ("prepared", "prepare"), ("appeared", "appear"),
     ("combined", "combine"), ("joined", "join"), ("decided", "decide"), ("avoided", "avoid"), ("faded", "fade"),
     ("loaded", "load"), ("compiled", "compile"), ("failed", "fail"), ("enabled", "enable"), ("settled", "settle"),
     ("controlled", "control"), ("labelled", "label"), ("Compelled", "Compel"), ("filled", "fill"),
     ("installed", "install"), ("recalled", "recall"), ("ridden", "ride")],
)
def test_base_form_of_a_participle(participle, base):
    assert base_form(participle) == base


def test_a_claim_rule_reports_a_passive_at_the_sentence(tmp_path, monkeypatch):
    """The engine reads the restatement with the rules that judge claims, and reports at the
    sentence with how it read it."""
    from ketalint.api import CheckOptions, run_check
    from ketalint.config import load_config

    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text("# Care\n\nThe release of glutamate in the brain is dampened by ketamine.\n", encoding="utf-8")
    report = run_check(load_config(start=tmp_path, cache=False), CheckOptions(paths=["a.md"], cache=False))
    found = [f for f in report.findings if f.rule == "factual.glutamate-direction"]
    assert len(found) == 1 and (found[0].location.line, found[0].location.column) == (3, 1)
    assert found[0].message.endswith('(read as "Ketamine dampens the release of glutamate in the brain.")')


@pytest.mark.parametrize(
    ("sentence", "statement"),
    [
        ("Just as Spravato is FDA-approved for depression, so is the IV ketamine we give.",
         "The IV ketamine we give is FDA-approved for depression."),
        ("As SSRIs have been shown to help, so has therapy.", "Therapy has been shown to help."),
    ],
)
def test_a_parallel_says_of_the_second_thing_what_it_says_of_the_first(sentence, statement):
    assert [r.statement for r in restatements(parse("a.md", sentence))] == [statement]


@pytest.mark.parametrize("sentence", ["We open at nine, so come early.", "Just as you would for any visit, so plan ahead."])
def test_other_sentences_with_so_are_left_alone(sentence):
    assert restatements(parse("a.md", sentence)) == []


@pytest.mark.parametrize(
    ("sentence", "statement"),
    [
        ("BP: no change expected.", "blood pressure: no change expected."),
        ("The LHb is a core DMN node.", "The lateral habenula is a core default mode network node."),
        ("Benefit holds for 3–4 mo in most pts.", "Benefit holds for 3–4 months in most patients."),
        ("Spravato must be co-prescribed with an oral AD.", "Spravato must be co-prescribed with an oral antidepressant."),
    ],
)
def test_clinical_shorthand_is_read_written_out(sentence, statement):
    assert [r.statement for r in restatements(parse("a.md", sentence))] == [statement]


@pytest.mark.parametrize("sentence", ["The BPD clinic opens at nine.", "Our ADHD program is separate.", "Say hi to the team."])
def test_words_that_hold_the_letters_are_not_shorthand(sentence):
    assert restatements(parse("a.md", sentence)) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("## 1. True or false: Ketamine is a classic psychedelic.\n\nTrue — it sits beside LSD.\n",
         [("Ketamine is a classic psychedelic.", "True")]),
        ("Fact or fiction: BDNF is a neurotransmitter.\n\nFact! It carries signals.\n", [("BDNF is a neurotransmitter.", "Fact")]),
        ("True or false? Ketamine grows new neurons. True.", [("Ketamine grows new neurons.", "True")]),
        ("## True or false: Ketamine lowers glutamate.\n\nFalse. It triggers a brief surge.\n", []),
    ],
)
def test_a_quiz_item_answered_true_states_the_item(text, expected):
    assert _statements(text) == expected


@pytest.mark.parametrize(
    ("question", "answer", "statement"),
    [
        ("Who says ketamine is addictive?", "Not the science.", "ketamine is not addictive."),
        ("Who says it can cure depression?", "Nobody here.", "it cannot cure depression."),
        ("Who said ketamine was a party drug?", "Not our doctors.", "ketamine was not a party drug."),
        ("Who says you have to wait?", "Not us: book today.", None),  # "have to" is no auxiliary to deny
        ("Who says ketamine is addictive?", "Plenty of people.", None),
        ("Ketamine vs. ECT?", "Ketamine wins, hands down.", "Ketamine works better than ECT, hands down."),
        ("Ketamine vs ECT?", "ECT is the better option for some inpatients.", "ECT works better than Ketamine for some inpatients."),
        ("Tea vs coffee?", "Ketamine wins.", None),
    ],
)
def test_a_rhetorical_question_or_a_match_up_is_read_with_its_answer(question, answer, statement):
    assert resolved(question, answer) == statement


def test_a_bare_no_may_be_a_chance_given_with_a_pictograph():
    assert answered("Is ketamine addictive?", "ZERO chance ❌") == ("ketamine is not addictive.", 0, 11)
    assert answered("Can it help?", "No chance of that being bad.") is None


def test_a_speaker_with_a_stage_direction_and_the_labels_above_a_question():
    text = "SCENE 3: THE BIG QUESTION\n[On screen: a title]\nJONAH (to camera): Can you get hooked on it? ZERO chance ❌ It is not that kind of drug.\n"
    assert _statements(text, "a.txt") == [("you cannot get hooked on it.", "ZERO chance")]


def test_a_question_about_blood_pressure_has_a_subject():
    assert declarative("Does my blood pressure change during treatment?", negative=True) == "my blood pressure does not change during treatment"
    assert declarative("Does your heart rate go up?", negative=True) == "your heart rate does not go up"


@pytest.mark.parametrize(
    ("text", "statement"),
    [
        ("One infusion ➡️ months of feeling like yourself again ✨", "One infusion brings months of feeling like yourself again ✨"),
        ("Call us → we answer fast.", None),  # the effect opens on a person
        ("Cost → Free consults", None),  # a label and its value, not a cause and an effect
    ],
)
def test_an_arrow_between_a_cause_and_an_effect_reads_as_brings(text, statement):
    read = [r.statement for r in restatements(parse("a.md", text)) if r.note.startswith("(read as")]
    assert read == ([] if statement is None else [statement])


@pytest.mark.parametrize(
    ("path", "text", "expected"),
    [
        ("a.md", "Our Spravato program is designed to:\n\n- Ease symptoms in adults\n- Prevent suicide in patients at risk\n",
         ["Our Spravato program is designed to ease symptoms in adults",
          "Our Spravato program is designed to prevent suicide in patients at risk"]),
        ("a.html", "<p>What ketamine does to glutamate:</p><ul><li>Turns down the amount released</li></ul>",
         ["What ketamine does to glutamate: Turns down the amount released"]),
        ("a.md", "Bring these to your visit:\n\n- A photo ID\n", []),  # the lead-in names no treatment
    ],
)
def test_a_list_item_is_read_after_its_lead_in(path, text, expected):
    read = [r for r in restatements(parse(path, text)) if r.note.startswith("(read after its lead-in")]
    assert [r.statement for r in read] == expected
    for r in read:  # reported at the item itself, each on its own
        assert text[r.first:r.first + 4] == text[r.start:r.start + 4]


def test_a_glossary_term_without_a_stop_is_read_with_its_definition():
    text = "<dl><dt>Lateral habenula</dt><dd>A small nucleus in the epithalamus, deep in the brain.</dd><dt>Costs</dt><dd>It varies.</dd></dl>"
    assert [r.statement for r in restatements(parse("a.html", text))] == ["Lateral habenula is a small nucleus in the epithalamus, deep in the brain."]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # signed in the block below: each sentence the quotation marks open or close is read as said
        ("> \u201cKetamine regrows brain cells. It is amazing.\u201d\n>\n> \u2014 Priya S., 33, patient since 2024\n",
         [(" Ketamine regrows brain cells.", "\u201cKetamine regrows brain cells."), ("It is amazing. ", "It is amazing.\u201d")]),
        ("\u2605\u2605\u2605\u2605\u2605 Verified patient\n\n\"Ketamine cured me for good.\"\n",
         [(" Ketamine cured me for good. ", "\"Ketamine cured me for good.\"")]),
        ("\"Ketamine cured me for good.\"\n\n\u2013 Dana R.\n", [(" Ketamine cured me for good. ", "\"Ketamine cured me for good.\"")]),
        # a quotation with nothing to sign it, or a dash line that is no name
        ("\"Ketamine cured me for good,\" some sites claim.\n\nThat is not true.\n", []),
        ("\"Ketamine cured me for good.\"\n\n\u2014 and that is what worries us.\n", []),
    ],
)
def test_a_signed_or_rated_quotation_is_read_as_said(text, expected):
    assert _statements(text) == expected
