"""A hedged lead-in frames the list after it: its items are not bare claims."""

from __future__ import annotations

import pytest

from ketalint.document import parse
from ketalint.engine import check_document
from ketalint.framing import framed_spans, is_framed
from ketalint.packs import parse_pack

PACK = """\
pack: t
rules:
  - id: t.unhedged
    type: phrase
    category: unhedged
    severity: warning
    message: unhedged
    phrases: [quiets GABA interneurons]
    unless_hedged: {hedged}
"""

LIST = "{lead}\n\n1. Ketamine quiets GABA interneurons.\n2. Glutamate release rises.\n\nKetamine quiets GABA interneurons.\n"


def _framed_items(text: str) -> list[str]:
    doc = parse("a.md", text)
    return [text[start:end] for start, end in framed_spans(doc)]


def test_a_hedged_lead_in_ending_with_a_colon_frames_the_items_after_it():
    text = LIST.format(lead="The leading model, built on rodent studies, runs like this:")
    assert _framed_items(text) == ["Ketamine quiets GABA interneurons.", "Glutamate release rises."]


@pytest.mark.parametrize("lead", [
    "Ketamine works like this:",  # no hedge
    "The leading model, built on rodent studies, runs like this.",  # no colon
])
def test_a_plain_or_closed_lead_in_frames_nothing(lead):
    assert _framed_items(LIST.format(lead=lead)) == []


def test_the_frame_ends_with_the_list():
    text = LIST.format(lead="Researchers are testing several explanations:")
    doc = parse("a.md", text)
    spans = framed_spans(doc)
    last = text.rindex("Ketamine quiets")
    assert is_framed(spans, text.index("Ketamine quiets")) and not is_framed(spans, last)


@pytest.mark.parametrize(("hedged", "reported"), [("true", 1), ("false", 2)])
def test_rules_that_skip_hedged_claims_skip_framed_items(hedged, reported):
    rules = [(rule, rule.spec.severity) for rule in parse_pack(PACK.format(hedged=hedged), "t.yaml", "t")]
    doc = parse("a.md", LIST.format(lead="The leading model, built on rodent studies, runs like this:"))
    assert len(check_document(doc, rules)) == reported


def test_an_item_that_claims_evidence_of_its_own_is_not_framed():
    text = "It is thought to act on several pathways, including:\n\n- GABA: ketamine has been shown to raise GABA.\n- mTOR: ketamine turns on mTOR.\n"
    assert _framed_items(text) == ["mTOR: ketamine turns on mTOR."]
