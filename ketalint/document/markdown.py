"""Markdown → blocks, with a CommonMark parser that maps every inline node to its source.

markdown-it-pyrs gives each node a source map (UTF-8 byte offsets), inline text included, so
columns come from the parser instead of searching for the text afterwards. Code (fenced,
indented, inline), front matter, link and image URLs, HTML comments and raw tags are not
prose; link text and image alt text are.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from itertools import accumulate

from ketalint.document.directives import find_directives
from ketalint.document.model import Block, Cell, Directive
from ketalint.document.source import OffsetMap, SourceText

_PARSER = None
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_SKIPPED_BLOCKS = frozenset({"code_block", "fence", "front_matter", "hr", "html_block", "math_block"})
_SKIPPED_INLINE = frozenset({"code_inline", "html_inline", "autolink", "math_inline"})
_INLINE = frozenset({
    "text", "softbreak", "hardbreak", "text_special", "em", "strong", "link", "image",
    "code_inline", "html_inline", "strikethrough", "autolink",
})


def _parser():
    global _PARSER
    if _PARSER is None:
        import markdown_it_pyrs

        _PARSER = markdown_it_pyrs.MarkdownIt("commonmark").enable_many(
            ["front_matter", "table", "strikethrough"]
        )
    return _PARSER


class _ByteIndex:
    """Converts UTF-8 byte offsets from the parser into character offsets (of a text that is
    not all ASCII: in one that is, they are the same)."""

    def __init__(self, text: str):
        chars = [m.start() for m in _NON_ASCII.finditer(text)]
        # Bytes beyond the first of each non-ASCII character, in total up to and including it.
        self.extra = list(accumulate(len(text[i].encode("utf-8")) - 1 for i in chars))
        self.starts = [i + before for i, before in zip(chars, [0, *self.extra])]

    def char(self, byte_offset: int) -> int:
        k = bisect_left(self.starts, byte_offset)
        return byte_offset - (self.extra[k - 1] if k else 0)


class _Walker:
    def __init__(self, source: SourceText):
        self.source = source
        self.text = source.text
        self.index = None if source.text.isascii() else _ByteIndex(source.text)
        self.blocks: list[Block] = []
        self.directives: list[Directive] = []
        self.tables = 0

    def span(self, node) -> tuple[int, int]:
        if self.index is None:
            return node.srcmap
        start, end = node.srcmap
        return self.index.char(start), self.index.char(end)

    def walk_blocks(self, nodes, quoted: bool = False, in_list: bool = False) -> None:
        pending: list = []
        for node in nodes:
            name = node.name
            if name in _INLINE:
                pending.append(node)
                continue
            if pending:
                self.add_block("list_item" if in_list else "paragraph", pending, quoted)
                pending = []
            if name == "heading":
                self.add_block("heading", node.children, quoted, level=int(node.meta.get("level", 1)))
            elif name == "paragraph":
                self.add_block("list_item" if in_list else "paragraph", node.children, quoted)
            elif name == "table":
                self.walk_table(node, quoted)
            elif name == "html_block":
                self.scan_directives(node)
            elif name in _SKIPPED_BLOCKS:
                continue
            else:
                self.walk_blocks(
                    node.children,
                    quoted or name == "blockquote",
                    in_list or name == "list_item",
                )
        if pending:
            self.add_block("list_item" if in_list else "paragraph", pending, quoted)

    def walk_table(self, table, quoted: bool) -> None:
        """Each cell a block that knows its row and column; the rows of `thead` are headers."""
        number = self.tables
        self.tables += 1
        row = 0
        for part in table.children:
            for trow in part.children:
                if trow.name != "trow":
                    continue
                for column, tcell in enumerate(trow.children):
                    self.add_block("table_cell", tcell.children, quoted, cell=Cell(number, row, column, part.name == "thead"))
                row += 1

    def scan_directives(self, node) -> None:
        start, end = self.span(node)
        self.directives.extend(find_directives(self.text[start:end], start, self._line_of))

    def _line_of(self, offset: int) -> int:
        return self.source.line_col(offset)[0]

    def add_block(self, kind: str, children, quoted: bool, level: int = 0, cell: Cell | None = None) -> None:
        parts: list[str] = []
        offsets = OffsetMap()
        self.inline(children, parts, offsets)
        text = "".join(parts)
        if text.strip():
            block = Block(kind, text, offsets, level, quoted)
            if cell is not None:
                block.cell = cell  # set apart: a call with a keyword costs every block
            self.blocks.append(block)

    def inline(self, nodes, parts: list[str], offsets: OffsetMap) -> None:
        text = self.text
        for node in nodes:
            name = node.name
            if name == "text":
                start, end = node.srcmap if self.index is None else self.span(node)
                content = node.meta.get("content", "")
                if end - start == len(content) and text.startswith(content, start):
                    offsets.add_verbatim(start, end - start)
                else:
                    _align(content, text, start, end, offsets)
                parts.append(content)
            elif name in ("softbreak", "hardbreak"):
                start, end = self.span(node)
                newline = self.text.find("\n", start, end)
                offsets.add_replaced(newline if newline >= 0 else start, (newline if newline >= 0 else start) + 1, 1)
                parts.append("\n")
            elif name == "text_special":
                start, end = self.span(node)
                content = node.meta.get("content", "")
                offsets.add_replaced(start, end, len(content))
                parts.append(content)
            elif name == "html_inline":
                self.scan_directives(node)
            elif name in _SKIPPED_INLINE or (name == "link" and _is_autolink(node, self.text, self.span(node))):
                continue
            else:
                self.inline(node.children, parts, offsets)


def _is_autolink(node, text: str, span: tuple[int, int]) -> bool:
    return text.startswith("<", span[0])


def _align(content: str, text: str, start: int, end: int, offsets: OffsetMap) -> None:
    """Map `content` onto the source span character by character, skipping markup it lacks."""
    pos = start
    for i, ch in enumerate(content):
        found = text.find(ch, pos, end)
        if found < 0:
            offsets.add_replaced(pos, max(pos, min(end, pos + 1)), len(content) - i)
            return
        offsets.add_verbatim(found, 1)
        pos = found + 1


def parse_markdown(source: SourceText) -> tuple[list[Block], list[Directive]]:
    """Blocks and suppression directives of a Markdown file."""
    walker = _Walker(source)
    root = _parser().tree(source.text)
    walker.walk_blocks(root.children)
    return walker.blocks, walker.directives
