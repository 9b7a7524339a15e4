"""What an opening "it" stands for: the stand-ins found, and the sentence before that names the
subject first (or names something else first, or nothing)."""

from __future__ import annotations

import re

import pytest

from ketalint.antecedent import names_first, stand_in, stand_in_openings
from ketalint.document import parse
from ketalint.rules.scan import sentence_text

KETAMINE = re.compile(r"\bketamine\b", re.IGNORECASE)


@pytest.mark.parametrize("text, stand", [
    ("It is a neurotransmitter.", "It"),
    ("It's also FDA-approved.", "It"),
    ("It is used to treat depression.", "It"),
    ("It is effective when combined with therapy.", "It"),
    ("For younger patients, the medication is safe.", "the medication"),
    ("A: It is safe.", "It"),
    ("The drug is gentle on the heart.", "The drug"),
    ("Its benefits fade within weeks.", "Its"),
])
def test_stand_ins(text, stand):
    found = stand_in(text)
    assert found is not None and text[found[0]:found[1]] == stand


@pytest.mark.parametrize("text", [
    "It is important to rest after a session.",
    "It's common for patients to feel detached.",
    "It is worth noting that effects vary.",
    "It seems to help some people.",
    "It is likely that more trials will follow.",
    "The drug's effects fade.",
    "Ketamine is an anesthetic.",
    "Then it wears off.",
])
def test_not_stand_ins(text):
    assert stand_in(text) is None


def _named(text: str, subject=KETAMINE, possessive: bool = False):
    doc = parse("a.md", text)
    last = doc.sentences[-1]
    found = names_first(doc, last, subject, lambda s: sentence_text(doc, s), possessive)
    return None if found is None else found[0].text[found[1]:found[2]]


def test_the_subject_named_first_in_the_sentence_before():
    assert _named("Ketamine is given by IV at our clinic. It is also available as a spray.") == "Ketamine"
    assert _named("Dr. Lee spent years giving ketamine in theatres. It is also approved for depression.") == "ketamine"
    assert _named("Many clients ask whether ketamine is a psychedelic. It is a classic psychedelic.") == "ketamine"


def test_another_thing_named_first_is_what_it_stands_for():
    assert _named("BDNF comes up in every talk about ketamine. It is a neurotransmitter.") is None
    assert _named("BDNF comes up in every talk about ketamine. It is a neurotransmitter.", re.compile(r"\bBDNF\b")) == "BDNF"


def test_a_condition_named_first_is_not_what_it_stands_for():
    assert _named("Bipolar depression responds well to ketamine. It reduces PTSD symptoms.") is None
    bipolar = re.compile(r"\bbipolar\b", re.IGNORECASE)
    assert _named("Bipolar depression responds well to ketamine. It reduces PTSD symptoms.", bipolar) is None


def test_a_short_lead_in_that_names_nothing_is_passed_over():
    text = "Q: Is ketamine an option for teenagers?\n\nA: We see adults only. For younger patients, the medication is safe."
    assert _named(text) == "ketamine"


def test_a_longer_sentence_that_names_nothing_ends_the_look_back():
    assert _named("Ketamine is given by IV. Our team will walk you through every step of the visit. It is also safe.") is None


def test_the_look_back_stops_at_a_heading_it_cannot_read_through():
    assert _named("Ketamine is an anesthetic.\n\n## How it works\n\nIt blocks NMDA receptors.") is None
    assert _named("# Ketamine and glutamate\n\nIt calms glutamate down.") == "Ketamine"


def test_openings_are_a_mask_of_sentences():
    doc = parse("a.md", "Ketamine is an anesthetic. It is also a dissociative. It is important to rest.")
    assert stand_in_openings(doc) == 0b010


def test_openings_after_a_label_or_an_opening_phrase():
    doc = parse("a.txt", "Ketamine is an anesthetic.\n\nDR. LEE: It is also a dissociative.\n\n"
                         "For most adults, the medication is well tolerated.\n\nIn short it works.", "text")
    assert stand_in_openings(doc) == 0b0110


def test_openings_where_lower_casing_moves_characters():
    doc = parse("a.md", "İstanbul clinics give ketamine. The medication is well tolerated. It is also a dissociative.")
    assert stand_in_openings(doc) == 0b110


FIRST_INFUSION = re.compile(r"\btheir\s+first\s+infusion\b", re.IGNORECASE)
LONG_TERM = re.compile(r"\blong-term\s+effects\b", re.IGNORECASE)


def test_a_possessive_stands_only_for_one_of_the_things():
    assert _named("Patients ask what happens after their first infusion. Its benefits last for months.",
                  FIRST_INFUSION, possessive=True) == "their first infusion"
    # "Its mechanism" after the long-term effects is the medicine's, not the effects'.
    text = "The long-term effects are still being studied. Its mechanism is not fully understood."
    assert _named(text, LONG_TERM, possessive=True) is None
    assert _named(text, LONG_TERM) == "long-term effects"
