"""A document's tables: headings and labels, the cells a "Myth" heading marks, and labels that
are statements rather than names."""

from __future__ import annotations

from ketalint.document import parse
from ketalint.tables import MOST_CELLS, has_tables, myth_cells, naming, tables

_COMPARISON = """\
Intro.

| | IV ketamine | Spravato |
|---|---|---|
| Dissociation | Common | Common |
| Onset: | Hours | |
"""


def test_headings_come_from_the_last_header_row_and_labels_from_the_first_column():
    doc = parse("a.md", _COMPARISON)
    (table,) = tables(doc)
    assert table.header_rows == {0}
    assert [table.heading(column) for column in (1, 2)] == ["IV ketamine", "Spravato"]
    assert [table.label(row) for row in (1, 2)] == ["Dissociation", "Onset"]
    assert sorted((row, column) for row, column, _ in table.body()) == [(1, 1), (1, 2), (2, 1)]


def test_an_html_row_of_th_is_a_header_row_but_a_th_label_is_not():
    html = "<table><tr><th>Drug</th><th>Onset</th></tr><tr><th>Ketamine</th><td>Hours</td></tr></table>"
    (table,) = tables(parse("a.html", html))
    assert table.header_rows == {0}
    assert (table.heading(1), table.label(1)) == ("Onset", "Ketamine")


def test_has_tables():
    assert has_tables(parse("a.md", _COMPARISON))
    assert not has_tables(parse("a.md", "# Title\n\nNo table here.\n"))


def test_myth_cells_are_the_cells_under_or_beside_a_myth_heading():
    text = "| Myth | Fact |\n|---|---|\n| Ketamine is a party drug | It is an anesthetic |\n"
    doc = parse("a.md", text)
    assert [text[start:end] for start, end in myth_cells(doc)] == ["Ketamine is a party drug"]
    transposed = "| | Ketamine |\n|---|---|\n| What you may have heard | It is addictive |\n| Fact | It can be misused |\n"
    assert [transposed[a:b] for a, b in myth_cells(parse("a.md", transposed))] == ["It is addictive"]
    assert myth_cells(parse("a.md", _COMPARISON)) == []


def test_a_label_that_says_something_names_nothing():
    assert naming("FDA-approved for depression") == "FDA-approved for depression"
    assert naming("Ketamine is just a party drug.") == ""
    assert naming(" ".join(["word"] * 13)) == ""


def test_a_table_of_more_cells_than_the_limit_is_left_out():
    side = int(MOST_CELLS ** 0.5) + 2
    rows = ["| " + " | ".join("x" for _ in range(side)) + " |" for _ in range(side)]
    rows.insert(1, "|" + "---|" * side)
    assert tables(parse("a.md", "\n".join(rows) + "\n")) == []
