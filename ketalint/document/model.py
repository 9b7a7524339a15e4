"""The document model every format is parsed into: document → sections → blocks → sentences.

Blocks hold *clean prose* (markup removed, entities decoded) with an `OffsetMap` back to the
source, so nothing downstream ever searches the source again to find where a match was.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ketalint.document.source import OffsetMap, SourceText

BLOCK_KINDS = ("heading", "paragraph", "list_item", "table_cell")


@dataclass(slots=True, eq=False)
class Block:
    """A heading, paragraph, list item or table cell, as clean prose."""

    kind: str
    text: str
    offsets: OffsetMap
    level: int = 0
    quoted: bool = False
    is_title: bool = False
    index: int = 0
    sentences: list["Sentence"] = field(default_factory=list)

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


@dataclass(slots=True, eq=False)
class Sentence:
    """A sentence of one block: `start`/`end` are offsets into the block's clean text, and
    `source_start`/`source_end` what the block's offset map makes of them. Those are kept, not
    computed on each use: rules read them for most sentences of every document."""

    block: Block
    start: int
    end: int
    text: str
    source_start: int
    source_end: int
    index: int = 0
    stream_start: int = 0

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Source offsets of the sentence-relative clean span [start, end)."""
        offsets = self.block.offsets
        return offsets.start(self.start + start), offsets.end(self.start + end)


@dataclass(slots=True, eq=False)
class Section:
    """A heading and the blocks under it, up to the next heading of the same or a higher level.

    `heading` is None for the text before the first heading. `blocks` are the section's own
    body; `subsections` are the headings nested under it (only Markdown and HTML have levels).
    """

    heading: Block | None
    blocks: list[Block] = field(default_factory=list)
    subsections: list["Section"] = field(default_factory=list)

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


@dataclass(frozen=True, slots=True)
class Directive:
    """An inline suppression comment: kind is disable, enable, disable-next-line or disable-file."""

    kind: str
    rules: tuple[str, ...]
    start: int
    end: int
    line: int


@dataclass(slots=True, eq=False)
class Document:
    """One parsed article."""

    source: SourceText
    format: str
    blocks: list[Block]
    directives: list[Directive] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    stream: str = ""
    notes: list[str] = field(default_factory=list)
    memo: dict = field(default_factory=dict, repr=False)

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
        cyclic garbage waits for the collector, which walks every live object to find it."""
        self.memo.clear()
        for block in self.blocks:
            block.sentences = []
        self.sentences = []
