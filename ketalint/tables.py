"""What a document's tables are: cells by row and column, the heading of each column and the
label of each row, and the cells that a "Myth" heading marks as what others say.

A comparison table makes its claims through its headings ("Rare" under "IV ketamine" in the row
"Dissociation"), which `ketalint.restate` reads; a myth-and-fact table states its myths to deny
them, which the rules that skip reported claims heed (`myth_cells`).
"""

from __future__ import annotations

import re
from operator import attrgetter

# A heading that marks what is under it as what others say, not what the page says.
MYTH_HEADING = re.compile(
    r"^(?:the\s+|a\s+|common\s+)?(?:myths?|misconceptions?|misbeliefs?|fiction|rumou?rs?|claims?\s+you\s+(?:may\s+)?(?:have\s+)?(?:heard|read)"
    r"|(?:what\s+)?you\s+(?:may\s+|might\s+)?(?:have\s+)?(?:heard|read)|what\s+(?:people|some\s+(?:people|sites|clinics))\s+(?:say|think|believe))\b",
    re.IGNORECASE,
)
_SENTENCE_END = (".", "!", "…")
# A label longer than this is a statement of its own, not a name for its row or column.
_MOST_LABEL_WORDS = 12
_CELL = attrgetter("cell")
# A table bigger than this is data, not copy; its cells are read on their own.
MOST_CELLS = 1000


class _Table:
    """A table's cells by (row, column), with its header rows: the last of them heads each column."""

    def __init__(self, cells: dict[tuple[int, int], list]):
        self.cells = cells
        rows = {row for (row, _), blocks in cells.items() if blocks[0].cell.header}
        rows -= {row for (row, column), blocks in cells.items() if column > 0 and not blocks[0].cell.header}
        self.header_rows = rows
        self.head = max(rows, default=None)

    def heading(self, column: int) -> str:
        return _cell_label(self.cells.get((self.head, column))) if self.head is not None else ""

    def label(self, row: int) -> str:
        return _cell_label(self.cells.get((row, 0)))

    def is_myth(self, row: int, column: int) -> bool:
        """Whether the cell sits under a "Myth" heading, or right of a "Myth" label."""
        return bool(MYTH_HEADING.match(self.heading(column)) or (column > 0 and MYTH_HEADING.match(self.label(row))))

    def body(self):
        """(row, column, blocks) of each cell under the header rows, right of the label column."""
        for (row, column), blocks in self.cells.items():
            if column > 0 and row not in self.header_rows:
                yield row, column, blocks


def tables(doc) -> list[_Table]:
    """The document's tables, but those of more than `MOST_CELLS` cells."""
    by_table: dict[int, dict[tuple[int, int], list]] = {}
    for block in doc.blocks:
        cell = block.cell
        if cell is not None:
            by_table.setdefault(cell.table, {}).setdefault((cell.row, cell.column), []).append(block)
    return [_Table(cells) for cells in by_table.values() if len(cells) <= MOST_CELLS]


def has_tables(doc) -> bool:
    """Whether any block of the document is a table cell (asked of every document: kept to a
    loop in C)."""
    return any(map(_CELL, doc.blocks))


def myth_cells(doc) -> list[tuple[int, int]]:
    """Source spans of the cells under a "Myth" heading or beside a "Myth" label, in order: a
    myth-and-fact table states its myths to deny them, as "Myth: …" does in a sentence."""
    memo = doc.memo
    found = memo.get("myth_cells")
    if found is None:
        found = []
        if has_tables(doc):
            for table in tables(doc):
                for (row, column), blocks in table.cells.items():
                    if row in table.header_rows:
                        continue
                    if table.is_myth(row, column):
                        found.append((blocks[0].source_start, blocks[-1].source_end))
            found.sort()
        memo["myth_cells"] = found
    return found


def naming(label: str) -> str:
    """`label`, or "" where it says something rather than names its row or column: it ends
    with a stop, or runs past `_MOST_LABEL_WORDS` words."""
    if label.endswith(_SENTENCE_END) or label.count(" ") >= _MOST_LABEL_WORDS:
        return ""
    return label


def _cell_label(blocks) -> str:
    """A heading or row label as one line, without a closing colon."""
    if not blocks:
        return ""
    return " ".join(" ".join(block.text.split()) for block in blocks).rstrip(":").strip()
