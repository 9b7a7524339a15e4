"""`empty-section`: a heading with nothing under it."""

from __future__ import annotations

import pytest

from safety_support import FORMATS, custom_rule, findings, fixture, pack_rule, text_doc

RULE = "style.empty-heading"


@pytest.mark.parametrize("fmt", FORMATS)
def test_empty_sources_heading_at_the_end(fmt):
    doc = fixture(f"structure.{fmt}")
    (found,) = findings(doc, pack_rule(RULE))
    assert found.match == "Sources:"
    assert found.category == "style"
    assert found.message == 'the heading "Sources:" has nothing under it'


@pytest.mark.parametrize("fmt", FORMATS)
def test_headings_with_text_pass(fmt):
    assert findings(fixture(f"complete.{fmt}"), pack_rule(RULE)) == []


def test_parent_of_subheadings_is_not_empty_but_an_empty_leaf_is():
    text = "# Guide\n\nIntro text here.\n\n## Before\n\n### Food\n\nEat lightly.\n\n### Rides\n\n## After\n\nRest.\n"
    found = findings(text_doc(text, "markdown"), pack_rule(RULE))
    assert [f.match for f in found] == ["Rides"]
    assert found[0].location.line == 11


def test_heading_followed_by_a_same_level_heading_is_empty():
    text = "# Guide\n\nIntro text here.\n\n## Parking\n\n## Directions\n\nTake the second left.\n"
    assert [f.match for f in findings(text_doc(text, "markdown"), pack_rule(RULE))] == ["Parking"]


def test_title_alone_is_not_reported():
    assert findings(text_doc("# Guide\n", "markdown"), pack_rule(RULE)) == []


def test_allow_option():
    rule = custom_rule("""
rules:
  - id: t.empty
    type: empty-section
    category: style
    severity: info
    message: empty
    allow: ['^share$']
""")
    text = "# Guide\n\nIntro text here.\n\n## Share\n\n## Sources\n"
    assert [f.match for f in findings(text_doc(text, "markdown"), rule)] == ["Sources"]
