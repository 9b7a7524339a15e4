"""Whether a document promotes the treatment: the benefit-claim count is read only as far as it
must be, and agrees with the full list of claim sentences."""

from __future__ import annotations

import pytest

from ketalint.document import parse
from ketalint.rules.promotion import Promotion

_TEXTS = [
    "Ketamine cures depression. It cures anxiety too. Our ketamine care cures pain.",
    "Ketamine does not cure depression. Some say it cures anxiety, but that is not proven.",
    "We opened a new office. Parking is free.",
    '"It cures everything," one forum post claimed. Ketamine cures nothing on its own.',
    "Does ketamine cure depression? Ketamine cures some people's symptoms for a while.",
]


def _doc(text: str):
    return parse("doc.txt", f"Notes\n\n{text}\n", "text")


@pytest.mark.parametrize("text", _TEXTS)
@pytest.mark.parametrize("count", [0, 1, 2, 3])
def test_promotes_agrees_with_the_listed_claims(text, count):
    promotion = Promotion({"benefit_patterns": [r"\bcures?\b"], "min_benefit_claims": count})
    asked_first = promotion.promotes(_doc(text))
    listed = len(promotion.benefit_sentences(_doc(text))) >= count
    doc = _doc(text)
    promotion.benefit_sentences(doc)
    asked_after_listing = promotion.promotes(doc)
    assert asked_first == listed == asked_after_listing


def test_claims_are_read_only_until_enough_are_found(monkeypatch):
    promotion = Promotion({"benefit_patterns": [r"\bcures?\b"], "min_benefit_claims": 1})
    read: list[str] = []
    real = Promotion._claims

    def counting(self, doc, sentence):
        read.append(sentence.text)
        return real(self, doc, sentence)

    monkeypatch.setattr(Promotion, "_claims", counting)
    doc = _doc(_TEXTS[0])
    assert promotion.promotes(doc)
    assert read == ["Ketamine cures depression."]
    assert promotion.promotes(doc) and len(read) == 1  # the verdict is kept for the document
    assert len(promotion.benefit_sentences(doc)) == 3
