"""Markdown → blocks: what is prose, what is not, and line:column of every sentence (hand-checked)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from ketalint.document import parse

ARTICLE = """\
---
title: Not prose
---

# Ketamine care, “step by step”

Our **team** explains each visit. Read [the intake guide](https://example.org/intake) first.

- Blood pressure is *checked* often.
- You may feel detached — it passes.

```
code is not prose
```

    indented code is not prose either

Text with `inline code`, an ![alt text here](photo.png) and &amp; an entity.

More prose <!-- a comment --> after the comment.
"""


def _doc(text: str = ARTICLE):
    return parse("article.md", text)


def _where(doc, sentence_text: str) -> tuple[tuple[int, int], tuple[int, int]]:
    (sentence,) = [s for s in doc.sentences if s.text == sentence_text]
    return doc.source.line_col(sentence.source_start), doc.source.line_col(sentence.source_end)


def test_blocks_and_kinds():
    doc = _doc()
    kinds = [(b.kind, b.text) for b in doc.blocks]
    assert kinds[0] == ("heading", "Ketamine care, “step by step”")
    assert ("list_item", "Blood pressure is checked often.") in kinds
    assert ("list_item", "You may feel detached — it passes.") in kinds
    assert doc.blocks[0].is_title and doc.blocks[0].level == 1


def test_code_front_matter_urls_and_comments_are_not_prose():
    prose = " ".join(b.text for b in _doc().blocks)
    for absent in ("Not prose", "code is not prose", "indented code", "inline code", "example.org", "photo.png", "a comment"):
        assert absent not in prose


def test_link_text_and_image_alt_are_prose():
    prose = " ".join(b.text for b in _doc().blocks)
    assert "the intake guide" in prose
    assert "alt text here" in prose
    assert "& an entity" in prose


def test_line_and_column_of_sentences():
    doc = _doc()
    assert _where(doc, "Ketamine care, “step by step”") == ((5, 3), (5, 32))
    assert _where(doc, "Our team explains each visit.") == ((7, 1), (7, 34))
    assert _where(doc, "Read the intake guide first.") == ((7, 35), (7, 93))
    assert _where(doc, "Blood pressure is checked often.") == ((9, 3), (9, 37))
    assert _where(doc, "More prose  after the comment.") == ((20, 1), (20, 49))


def test_columns_count_characters_not_bytes():
    doc = parse("x.md", "Café — naïve 😀 text. Second sentence here.\n")
    second = doc.sentences[1]
    assert second.text == "Second sentence here."
    assert doc.source.line_col(second.source_start) == (1, 22)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab \n*é—😀中\u00a0", max_size=40))
def test_byte_offsets_become_the_offsets_of_the_same_characters(text):
    from ketalint.document.markdown import _ByteIndex

    index = _ByteIndex(text)
    for i in range(len(text) + 1):
        assert index.char(len(text[:i].encode("utf-8"))) == i


def test_crlf_and_soft_breaks_map_back():
    doc = parse("x.md", "First line of a\r\nparagraph here.\r\n")
    (sentence,) = doc.sentences
    assert sentence.text == "First line of a\nparagraph here."
    assert doc.source.line_col(sentence.source_end) == (2, 16)


def test_entity_maps_to_its_whole_source_span():
    doc = parse("x.md", "Salt &amp; pepper.\n")
    (block,) = doc.blocks
    amp = block.text.index("&")
    assert (block.offsets.start(amp), block.offsets.end(amp + 1)) == (5, 10)


def test_blockquote_marks_blocks_quoted_and_tables_give_cells():
    doc = parse("x.md", "> Quoted words here.\n\n| a | b |\n|---|---|\n| left | right |\n")
    assert doc.blocks[0].quoted
    cells = [b.text for b in doc.blocks if b.kind == "table_cell"]
    assert cells == ["a", "b", "left", "right"]


def test_a_cell_knows_its_table_row_and_column_counting_empty_cells():
    text = "| | IV | Spray |\n|---|---|---|\n| Onset | Hours | |\n\nBetween.\n\n| a | b |\n|---|---|\n| c | d |\n"
    doc = parse("x.md", text)
    cells = [(b.text, b.cell.table, b.cell.row, b.cell.column, b.cell.header) for b in doc.blocks if b.kind == "table_cell"]
    assert cells == [
        ("IV", 0, 0, 1, True), ("Spray", 0, 0, 2, True), ("Onset", 0, 1, 0, False), ("Hours", 0, 1, 1, False),
        ("a", 1, 0, 0, True), ("b", 1, 0, 1, True), ("c", 1, 1, 0, False), ("d", 1, 1, 1, False),
    ]
    assert next(b for b in doc.blocks if b.kind == "paragraph").cell is None


def test_sections_nest_by_heading_level():
    doc = parse("x.md", "# T\n\nIntro.\n\n## A\n\nBody a.\n\n### A1\n\nDeep.\n\n## B\n\nBody b.\n")
    (top,) = doc.sections
    assert top.heading.text == "T"
    assert [s.heading.text for s in top.subsections] == ["A", "B"]
    assert [s.heading.text for s in top.subsections[0].subsections] == ["A1"]
    assert [b.text for b in top.subsections[0].all_blocks()] == ["Body a.", "A1", "Deep."]


def test_directives_in_comments_are_found_with_their_line():
    doc = parse("x.md", "Para.\n\n<!-- ketalint-disable-next-line overclaim, style.x -- reason -->\nNext.\n")
    (d,) = doc.directives
    assert (d.kind, d.rules, d.line) == ("disable-next-line", ("overclaim", "style.x"), 3)
