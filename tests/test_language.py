"""Reported speech: frames that report or deny a claim instead of making it."""

from __future__ import annotations

import pytest

from ketalint.language import is_hedged, is_negated, is_reported


def _reported(sentence: str, claim: str) -> bool:
    start = sentence.index(claim)
    return is_reported(sentence, start, start + len(claim))


@pytest.mark.parametrize(
    ("sentence", "claim"),
    [
        ("We never claim ketamine is a cure.", "a cure"),
        ("We do not promise that ketamine is a cure.", "a cure"),
        ("Be wary of clinics that promise a cure for depression.", "a cure"),
        ("Ads that guarantee results are misleading.", "results"),
        ("Be skeptical of any cure offered online.", "cure"),
        ("Some sites call BDNF a neurotransmitter, but it is a protein.", "neurotransmitter"),
        ("It would be wrong to say that one session ends depression for good.", "for good"),
        ("It is misleading to call an infusion risk-free.", "risk-free"),
        ("Patients often ask us whether the relief is permanent.", "permanent"),
        ("Readers wonder if ketamine works instantly.", "instantly"),
        ("A rise in synapse numbers was not seen in people after one dose.", "rise in synapse numbers"),
        ("Lasting benefit has not been shown in trials.", "Lasting benefit"),
        ("Ketamine creates new neurons, but this was not found to be true in people.", "creates new neurons"),
        ("Ketamine has been described as the first rapid-acting antidepressant.", "rapid-acting"),
        ("Some doctors wondered whether ketamine works like a benzodiazepine.", "works like"),
        ("You might have read that infusions reset the brain; they do not.", "reset the brain"),
        ("Some sites say ketamine ends panic attacks; it does not.", "ends panic attacks"),
        ("A friend might tell you infusions are risk-free; they are not.", "risk-free"),
        ("Ads say infusions reset the brain; they do not work that way.", "reset the brain"),
        ("Ketamine ends panic attacks, some claim, but that is not true.", "ends panic attacks"),
        ("Older textbooks say the adult brain cannot grow new connections.", "cannot grow new connections"),
        ("Some wellness blogs claim ketamine heals the brain; the evidence is thinner.", "heals the brain"),
        ("Be careful with influencers who promise instant relief.", "instant relief"),
        ("This surprises many people who expect a receptor blocker to dampen glutamate.", "dampen glutamate"),
        ("Patients often assume ketamine stays in the body for weeks.", "stays in the body for weeks"),
    ],
)
def test_reporting_and_denial_frames(sentence, claim):
    assert _reported(sentence, claim)


@pytest.mark.parametrize(
    ("sentence", "claim"),
    [
        ("Our clinic offers a cure for depression.", "a cure"),
        ("We call this process ketagenesis.", "ketagenesis"),
        ("Clinics treat depression with ketamine.", "depression"),
        ("It is wrong to wait: ketamine ends depression for good.", "for good"),
        ("Ask your doctor about ketamine, which ends depression for good.", "for good"),
        ("Ketamine relieves panic disorder that hasn't responded to other medicines.", "relieves panic disorder"),
        ("Our doctors will tell you infusions are risk-free.", "risk-free"),
        ("Ketamine ends the low mood that does not lift with pills.", "ends the low mood"),
        ("In rodents, ketamine sprouts new synapses; it does not create new neurons.", "new synapses"),
        ("In rodents, ketamine sprouts new synapses; it has not been shown to create new neurons.", "new synapses"),
        ("Some doctors wondered whether it was too stimulating; we now know ketamine works like a benzodiazepine.", "works like"),
        ("We expect ketamine to cure your depression.", "cure your depression"),
    ],
)
def test_plain_assertions_are_not_reported(sentence, claim):
    assert not _reported(sentence, claim)


def test_remembered_verdicts_keep_apart_contexts_cues_and_spans():
    from ketalint.language import Context, Cues

    text = "Ketamine may ease low mood within hours."
    start, end = text.index("ease"), text.index("ease") + len("ease low mood")
    asserted, unless_hedged = Context(), Context(hedged=True)
    for _ in range(2):  # the second round answers from memory
        assert not asserted.excuses(text, start, end)
        assert unless_hedged.excuses(text, start, end)
    plain = "Ketamine eases low mood within hours, rarely."
    at = plain.index("eases")
    assert not unless_hedged.excuses(plain, at, at + 5)
    assert unless_hedged.excuses(plain, at, at + 5, Cues.extended(hedges=["rarely"]))


def _hedged(sentence: str, claim: str) -> bool:
    start = sentence.index(claim)
    return is_hedged(sentence, start, start + len(claim))


@pytest.mark.parametrize(
    ("sentence", "claim"),
    [
        ("Ketamine may lift low mood for some people, and it relieves PTSD.", "relieves PTSD"),
        ("Infusions can help with depression, and ketamine ends OCD symptoms.", "ends OCD symptoms"),
        ("Ketamine eases PTSD, and it may also help with low mood.", "eases PTSD"),
        ("One infusion carries people through months, and some people need very little after.", "carries people through months"),
        ("You may feel a heaviness, and that calm comes from ketamine blocking glutamate.", "blocking glutamate"),
        ("Possibly the most important finding is that ketamine works better than ECT.", "works better"),
    ],
)
def test_a_hedge_does_not_reach_a_coordinated_statement(sentence, claim):
    assert not _hedged(sentence, claim)


@pytest.mark.parametrize(
    ("sentence", "claim"),
    [
        ("Ketamine may lift low mood, and for some people it eases PTSD.", "eases PTSD"),
        ("Ketamine may lift low mood and ease PTSD.", "ease PTSD"),
        ("Studies suggest that ketamine lifts low mood and that it eases PTSD.", "eases PTSD"),
        ("Early studies suggest ketamine lifts low mood, and it eases PTSD.", "eases PTSD"),
        ("Ketamine eases PTSD, and it may do so quickly.", "do so quickly"),
        ("Ketamine possibly works better than ECT.", "works better"),
        ("Possibly the most important finding is that ketamine may work better than ECT.", "work better"),
    ],
)
def test_a_hedge_still_covers_its_own_statement(sentence, claim):
    assert _hedged(sentence, claim)


@pytest.mark.parametrize(
    ("sentence", "claim"),
    [
        ("No one can honestly promise that the relief is permanent.", "permanent"),
        ("Neither trial supports telling a patient that ketamine outperforms ECT.", "ketamine outperforms ECT"),
        ("No clinic can guarantee that you will respond.", "you will respond"),
    ],
)
def test_disclaimed_promises_are_reported_not_made(sentence, claim):
    assert _reported(sentence, claim)


@pytest.mark.parametrize(("sentence", "hedged"), [
    ("One likely explanation is this: ketamine quiets interneurons.", True),
    ("The model that may explain it is simple: ketamine quiets interneurons.", True),
    ("Results may vary: ketamine quiets interneurons.", False),
    ("One likely explanation is simple, and ketamine quiets interneurons.", False),
])
def test_a_hedged_explanation_frames_what_its_colon_opens(sentence, hedged):
    assert _hedged(sentence, "quiets interneurons") is hedged


def test_admitted_ignorance_hedges_the_mechanism():
    sentence = "Researchers don't yet fully understand how ketamine lifts low mood."  # sentences are read with typography folded
    assert _hedged(sentence, "lifts low mood")
    assert not _hedged("Researchers understand how ketamine lifts low mood.", "lifts low mood")


@pytest.mark.parametrize(
    ("sentence", "claim", "hedged"),
    [
        ("Apart from its clear benefit in panic disorder, ketamine is under study for OCD.", "benefit in panic disorder", False),
        ("Apart from its clear benefit in panic disorder, ketamine is under study for OCD.", "for OCD", True),
        ("Besides low mood, ketamine may ease PTSD.", "ease PTSD", True),
        ("In addition to easing low mood, it relieves PTSD.", "relieves PTSD", False),
    ],
)
def test_an_opening_adjunct_is_outside_the_main_clause_hedge(sentence, claim, hedged):
    assert _hedged(sentence, claim) is hedged


@pytest.mark.parametrize(("sentence", "hedged"), [
    ("In a randomized crossover trial, anxiety improved after ketamine.", True),
    ("A randomized trial found that anxiety improved after ketamine.", True),
    ("Randomized trials prove that ketamine relieves anxiety.", False),
])
def test_one_named_trial_bounds_what_it_found(sentence, hedged):
    start = sentence.index("anxiety")
    assert is_hedged(sentence, start, start + len("anxiety")) is hedged


@pytest.mark.parametrize(("sentence", "negated"), [
    ("Ketamine at home with nobody watching is safe.", False),
    ("Lozenges taken with no supervision are safe.", False),
    ("Ketamine at home with nobody watching is not safe.", True),
    ("Ketamine at home with no one around is never safe.", True),
    ("Home use of Spravato without a clinician present is considered safe.", False),
    ("Home use of Spravato without a clinician present is never safe.", True),
    ("Spravato used without monitoring is safe.", True),
])
def test_a_circumstance_with_nobody_in_it_is_no_denial(sentence, negated):
    assert is_negated(sentence, sentence.index("safe")) is negated


@pytest.mark.parametrize(("sentence", "hedged"), [
    ("The leading idea, based mostly on animal work, is that ketamine quiets inhibitory cells.", True),
    ("The two largest trials point in different directions: in one, ketamine quiets inhibitory cells.", True),
    ("The two largest trials agree: ketamine quiets inhibitory cells.", False),
    ("Our team has one goal: ketamine quiets inhibitory cells.", False),
])
def test_ideas_and_disagreeing_findings_hedge_what_they_introduce(sentence, hedged):
    start = sentence.index("quiets")
    assert is_hedged(sentence, start, start + len("quiets")) is hedged


@pytest.mark.parametrize(("sentence", "negated"), [
    ("What people don't realize is that ketamine stays in your system for weeks.", False),
    ("Most patients do not realise that ketamine stays in the body for weeks.", False),
    ("What most people don't know is that ketamine stays in the body for weeks.", False),
    ("We don't know that ketamine stays in the body for weeks.", True),  # not established
    ("Patients don't realize that ketamine does not stay in the body for weeks.", True),
])
def test_not_knowing_what_is_so_asserts_it(sentence, negated):
    assert is_negated(sentence, sentence.index("stay")) is negated


@pytest.mark.parametrize(("sentence", "at", "negated"), [
    ("No ketamine treatment, Spravato included, has been shown to prevent suicide.", "shown", True),
    ("No ketamine treatment, Spravato included, has been shown to prevent suicide.", "Spravato", True),
    ("No treatment, not even Spravato, has been shown to prevent suicide.", "shown", True),
    ("No product, including Spravato, is approved for teens.", "approved", True),
    ("Every treatment, Spravato included, has been shown to prevent suicide.", "shown", False),
    ("Not a cure, ketamine helps.", "helps", False),
])
def test_a_negated_subject_reaches_past_an_aside_of_what_it_includes(sentence, at, negated):
    assert is_negated(sentence, sentence.index(at)) is negated


@pytest.mark.parametrize("sentence", [
    "True or false: ketamine lowers glutamate.",
    "3. Fact or fiction: BDNF is a neurotransmitter.",
    "Myth or fact: ketamine grows new neurons.",
])
def test_a_quiz_item_is_asked_not_stated(sentence):
    assert is_reported(sentence, len(sentence) - 10, len(sentence) - 1)
