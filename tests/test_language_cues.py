"""Negation, quotation and question cues that are easy to get wrong in marketing copy."""

from __future__ import annotations

import pytest

from ketalint.language import Context, is_negated, is_question, is_testimonial


def _negated(sentence: str, claim: str) -> bool:
    return is_negated(sentence, sentence.index(claim))


@pytest.mark.parametrize(
    ("sentence", "claim"),
    [
        ("Ketamine is nothing short of a miracle.", "a miracle"),
        ("There is no doubt that ketamine cures depression.", "cures"),
        ("Ketamine has no addictive potential and does not raise blood pressure.", "does not raise"),
        ("It is not a sedative, and it is safe for everyone.", "safe for everyone"),
        ("Your brain holds no fewer than 100 billion neurons.", "100 billion"),
        ("Ketamine never fails to stop suicidal thoughts.", "stop suicidal"),
        ("Nothing stops you from taking Spravato at home alone.", "at home alone"),
    ],
)
def test_idioms_and_new_statements_do_not_carry_a_negation(sentence, claim):
    assert not _negated(sentence, claim)


@pytest.mark.parametrize(
    ("sentence", "claim"),
    [
        ("Nobody can guarantee results.", "guarantee"),
        ("Ketamine is not safe or effective for teens.", "effective"),
        ("We do not promise a cure.", "a cure"),
        ("Ketamine never stops suicidal thoughts.", "stops suicidal"),
        ("Ketamine carries zero risk of addiction.", "risk of addiction"),
        ("Your brain holds no 100 billion neurons.", "100 billion"),
    ],
)
def test_negations_still_reach_their_claim(sentence, claim):
    assert _negated(sentence, claim)


def test_a_quoted_patient_testimonial_is_still_asserted():
    sentence = '"My depression was gone for good," says one client.'
    start = sentence.index("gone")
    assert is_testimonial(sentence)
    assert not Context().excuses(sentence, start, start + len("gone for good"))


@pytest.mark.parametrize(
    "sentence",
    [
        '"My panic was gone for good." — Dana, Austin', '"Gone for good." - Lee', '"It was gone for good!" — Sam (Leeds)',
        '"It will do the same for you." (James, Bristol)', '"My panic was gone for good," says Karen, a client since 2023.',
    ],
)
def test_a_quotation_signed_after_a_dash_is_a_testimonial(sentence):
    assert is_testimonial(sentence)


@pytest.mark.parametrize(
    ("sentence", "testimonial"),
    [
        ('By her one-year check-in, she put it simply: "Ketamine cured my depression."', True),
        ("Her verdict on the recovery chair: \u201cIt does nothing to your blood pressure.\u201d", True),
        ('In his own words: "I felt cured after one visit."', True),
        ('Critics put it bluntly: "ketamine is a fad."', False),  # not a patient's words
        ('The FDA\'s verdict: "not approved for depression."', False),
    ],
)
def test_a_patients_words_after_a_colon_are_a_testimonial(sentence, testimonial):
    assert is_testimonial(sentence) is testimonial


def test_a_scare_quote_before_a_dash_is_not_a_testimonial():
    assert not is_testimonial('Clinics call it a "reset" — it is not one.')


def test_a_quoted_phrase_without_a_speaker_is_excused():
    sentence = 'Phrases like "gone for good" should make you skeptical.'
    start = sentence.index("gone")
    assert not is_testimonial(sentence)
    assert Context().excuses(sentence, start, start + len("gone for good"))


@pytest.mark.parametrize("text", ["Ready to feel better instantly?", "Why wait for lasting relief?",
                                  "Who would have guessed that one infusion could do this, yet it does?"])
def test_invitations_are_not_questions(text):
    assert not is_question(text)


def test_real_questions_are_questions():
    assert is_question("Is ketamine a cure for depression?")
