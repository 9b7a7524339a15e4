"""The document model every format is parsed into: document → sections → blocks → sentences.

Blocks hold *clean prose* (markup removed, entities decoded) with an `OffsetMap` back to the
source, so nothing downstream ever searches the source again to find where a match was.
"""

from __future__ import annotations

from ketalint.document.source import OffsetMap, SourceText
from ketalint.values import Frozen

BLOCK_KINDS = ("heading", "paragraph", "list_item", "table_cell")


class Cell(Frozen):
    """Where a table cell sits: its table (numbered in document order), row and column (from 0,
    counted over every cell of the row, empty ones included), and whether it is a header cell.
    A comparison table says what it says through its headings: "Rare" under "IV ketamine" in
    the row "Dissociation" (see `ketalint.restate`)."""

    __slots__ = ("table", "row", "column", "header")

    def __init__(self, table: int, row: int, column: int, header: bool):
        self.assign(table=table, row=row, column=column, header=header)


class Block:
    """A heading, paragraph, list item or table cell, as clean prose; a table cell's `cell` says
    where in its table it is."""

    __slots__ = ("kind", "text", "offsets", "level", "quoted", "is_title", "index", "sentences", "cell")

    def __init__(
        self,
        kind: str,
        text: str,
        offsets: OffsetMap,
        level: int = 0,
        quoted: bool = False,
        is_title: bool = False,
        index: int = 0,
        sentences: list[Sentence] | None = None,
        cell: Cell | None = None,
    ):
        self.kind = kind
        self.text = text
        self.offsets = offsets
        self.level = level
        self.quoted = quoted
        self.is_title = is_title
        self.index = index
        self.sentences: list[Sentence] = [] if sentences is None else sentences
        self.cell = cell

    @property
    def source_start(self) -> int:
        return self.offsets.start(0)

    @property
    def source_end(self) -> int:
        return self.offsets.end(len(self.text))

    @property
    def scope(self) -> str:
        """The `scope:` name a rule uses to select this block."""
        if self.is_title:
            return "title"
        if self.kind == "list_item":
            return "list"
        if self.kind == "table_cell":
            return "paragraph"
        return self.kind


class Sentence:
    """A sentence of one block: `start`/`end` are offsets into the block's clean text, and
    `source_start`/`source_end` what the block's offset map makes of them. Those are kept, not
    computed on each use: rules read them for most sentences of every document."""

    __slots__ = ("block", "start", "end", "text", "source_start", "source_end", "index", "stream_start")

    def __init__(
        self,
        block: Block,
        start: int,
        end: int,
        text: str,
        source_start: int,
        source_end: int,
        index: int = 0,
        stream_start: int = 0,
    ):
        self.block = block
        self.start = start
        self.end = end
        self.text = text
        self.source_start = source_start
        self.source_end = source_end
        self.index = index
        self.stream_start = stream_start

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Source offsets of the sentence-relative clean span [start, end)."""
        offsets = self.block.offsets
        return offsets.start(self.start + start), offsets.end(self.start + end)


def follows(before: Sentence, after: Sentence) -> bool:
    """Whether `after` is read right after `before`: the next sentence of its block, or the first
    of the next block when `before` ends its own (a question and its answer, a sentence and the
    "It …" after it)."""
    if before.block is after.block:
        return True
    return (
        after.block.index == before.block.index + 1
        and before.block.sentences[-1] is before
        and after.block.sentences[0] is after
    )


class Section:
    """A heading and the blocks under it, up to the next heading of the same or a higher level.

    `heading` is None for the text before the first heading. `blocks` are the section's own
    body; `subsections` are the headings nested under it (only Markdown and HTML have levels).
    """

    __slots__ = ("heading", "blocks", "subsections")

    def __init__(self, heading: Block | None, blocks: list[Block] | None = None, subsections: list[Section] | None = None):
        self.heading = heading
        self.blocks: list[Block] = [] if blocks is None else blocks
        self.subsections: list[Section] = [] if subsections is None else subsections

    @property
    def level(self) -> int:
        return self.heading.level if self.heading else 0

    def all_blocks(self) -> list[Block]:
        """The section's body including its subsections' headings and bodies, in order."""
        out = list(self.blocks)
        for sub in self.subsections:
            if sub.heading is not None:
                out.append(sub.heading)
            out.extend(sub.all_blocks())
        return out


class Directive(Frozen):
    """An inline suppression comment: kind is disable, enable, disable-next-line or disable-file."""

    __slots__ = ("kind", "rules", "start", "end", "line")

    def __init__(self, kind: str, rules: tuple[str, ...], start: int, end: int, line: int):
        self.assign(kind=kind, rules=rules, start=start, end=end, line=line)


class Document:
    """One parsed article."""

    __slots__ = ("source", "format", "blocks", "directives", "sentences", "sections", "stream", "notes", "memo")

    def __init__(
        self,
        source: SourceText,
        format: str,
        blocks: list[Block],
        directives: list[Directive] | None = None,
        sentences: list[Sentence] | None = None,
        sections: list[Section] | None = None,
        stream: str = "",
        notes: list[str] | None = None,
        memo: dict | None = None,
    ):
        self.source = source
        self.format = format
        self.blocks = blocks
        self.directives: list[Directive] = [] if directives is None else directives
        self.sentences: list[Sentence] = [] if sentences is None else sentences
        self.sections: list[Section] = [] if sections is None else sections
        self.stream = stream
        self.notes: list[str] = [] if notes is None else notes
        self.memo: dict = {} if memo is None else memo

    @property
    def path(self) -> str:
        return self.source.path

    @property
    def text(self) -> str:
        return self.source.text

    @property
    def title(self) -> Block | None:
        for block in self.blocks:
            if block.is_title:
                return block
        return None

    @property
    def headings(self) -> list[Block]:
        return [b for b in self.blocks if b.kind == "heading"]

    def release(self) -> None:
        """Break the document's reference cycles (a block and its sentences, the memo's indexes),
        so that it is freed as soon as it is dropped: a run parses thousands of documents, and
        cyclic garbage waits for the collector, which walks every live object to find it.
        What its sentence pairs state is a document of its own (`ketalint.engine.restated`)."""
        reading = self.memo.get("restated")
        if reading is not None:
            reading.release()
        self.memo.clear()
        for block in self.blocks:
            block.sentences = []
        self.sentences = []
