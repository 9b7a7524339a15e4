"""Plain text (web copy pasted as text): inferred headings, bullets, typographic quotes, columns."""

from __future__ import annotations

from ketalint.document import parse

ARTICLE = """\
Why Patients Ask About Ketamine

Clinics describe the drug’s “rapid” effect. Dr. Okafor explains the evidence.

What Are the Side Effects?
Dissociation and a rise in blood pressure are common during a session.

Good to know:
  • Sessions take about an hour.
- Someone should drive you home.
* Eat lightly beforehand.
1. Bring a list of your medicines.
2) Ask about monitoring.

Related Posts
Read more
"""


def _doc(text: str = ARTICLE):
    return parse("article.txt", text)


def _at(doc, text: str):
    (sentence,) = [s for s in doc.sentences if s.text == text]
    return doc.source.line_col(sentence.source_start), doc.source.line_col(sentence.source_end)


def test_headings_are_short_unpunctuated_lines_followed_by_body():
    headings = [(b.text, b.level) for b in _doc().blocks if b.kind == "heading"]
    assert headings == [
        ("Why Patients Ask About Ketamine", 1),
        ("What Are the Side Effects?", 2),
        ("Good to know:", 2),
    ]


def test_heading_without_a_blank_line_after_it():
    blocks = _doc().blocks
    texts = [(b.kind, b.text) for b in blocks]
    assert ("paragraph", "Dissociation and a rise in blood pressure are common during a session.") in texts


def test_trailing_navigation_is_not_a_heading():
    tail = [b for b in _doc().blocks if "Related" in b.text or "Read more" in b.text]
    assert tail and all(b.kind == "paragraph" for b in tail)


def test_wrapped_prose_is_not_split_into_a_heading():
    doc = _doc("Our clinic team will review the plan with\nYou and your doctor before any session starts.\n")
    assert [b.kind for b in doc.blocks] == ["paragraph"]


def test_a_line_that_opens_with_a_quoted_lower_case_word_carries_on_the_line_before():
    doc = _doc("Infusions act on a region called the brain\n'reward' circuit, among others.\n")
    assert [b.kind for b in doc.blocks] == ["paragraph"]


def test_a_line_ending_in_a_possessive_carries_on():
    doc = _doc("Every session follows the clinic's\nSafety checklist, step by step.\n")
    assert [b.kind for b in doc.blocks] == ["paragraph"]


def test_a_heading_may_be_followed_by_a_quotation_without_a_blank_line():
    doc = _doc("What Our Patients Say\n\u201cThe staff made me feel safe,\u201d one client wrote.\n")
    assert [b.kind for b in doc.blocks] == ["heading", "paragraph"]


def test_bullets_and_numbered_lines_are_list_items():
    items = [b.text for b in _doc().blocks if b.kind == "list_item"]
    assert items == [
        "Sessions take about an hour.",
        "Someone should drive you home.",
        "Eat lightly beforehand.",
        "Bring a list of your medicines.",
        "Ask about monitoring.",
    ]


def test_line_and_column_with_typographic_quotes_and_bullets():
    doc = _doc()
    assert _at(doc, "Clinics describe the drug’s “rapid” effect.") == ((3, 1), (3, 44))
    assert _at(doc, "Dr. Okafor explains the evidence.") == ((3, 45), (3, 78))
    assert _at(doc, "Sessions take about an hour.") == ((9, 5), (9, 33))
    assert _at(doc, "Bring a list of your medicines.") == ((12, 4), (12, 35))


def test_typographic_quotes_are_text_and_folded_in_the_stream():
    doc = _doc()
    (sentence,) = [s for s in doc.sentences if s.text.startswith("Clinics")]
    stream = doc.stream[sentence.stream_start:sentence.stream_start + len(sentence.text)]
    assert stream == "Clinics describe the drug's \"rapid\" effect."


def test_the_typography_fold_leaves_ascii_alone_so_an_ascii_stream_is_kept_as_joined():
    from ketalint.document import STREAM_SEPARATOR, TYPOGRAPHY_FOLD

    assert all(code > 0x7F for code in TYPOGRAPHY_FOLD)
    doc = parse("a.txt", "Plain \"ASCII\" copy. It's kept as is.\n")
    assert doc.stream == STREAM_SEPARATOR.join(s.text for s in doc.sentences)


def test_empty_and_blank_text():
    assert parse("e.txt", "").blocks == []
    assert parse("e.txt", "\n \n\t\n").sentences == []


def test_comment_lines_hold_directives_and_are_not_prose():
    doc = _doc("<!-- ketalint-disable-file style -->\nBody text here.\n")
    assert [d.kind for d in doc.directives] == ["disable-file"]
    assert [b.text for b in doc.blocks] == ["Body text here."]
