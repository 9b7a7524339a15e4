"""HTML → blocks, with the standard library's tokenizer and a small model of a browser's tree builder.

`html.parser.HTMLParser` only tokenizes, so block structure is rebuilt here from a stack of
block-level elements that closes unclosed `<p>`, `<li>`, `<td>` the way browsers do: real pages
rarely validate and must still give sensible blocks. Character references arrive on their own
(`convert_charrefs=False`), so each decoded character maps back to its whole `&...;` span while
the text around it maps verbatim and columns stay right. Scripts, styles, navigation, footers,
code and form controls are not prose and are skipped. Unlike Markdown, `<img alt>` text is
skipped too: in HTML it is mostly screen-reader description or SEO filler, not copy the reader
sees, and linting it would mostly produce noise.
"""

from __future__ import annotations

from html import unescape
from html.parser import HTMLParser

from ketalint.document.directives import find_directives
from ketalint.document.model import Block, Cell, Directive
from ketalint.document.source import OffsetMap, SourceText

_HEADINGS = frozenset(f"h{n}" for n in range(1, 7))
_OWN_KIND = {"li": "list_item", "td": "table_cell", "th": "table_cell", **{h: "heading" for h in _HEADINGS}}

# Block-level elements: each start or end tag ends the current block. Any tag not listed here
# or below (a, em, span, abbr, custom elements, ...) is inline and does not break a block.
_CONTAINERS = frozenset("""
html body div section article main header aside address figure figcaption ul ol menu dl dt dd
table caption thead tbody tfoot tr blockquote details summary fieldset legend hgroup center
dialog search p li td th
""".split()) | _HEADINGS

# Elements whose content is not prose. The block-level ones also end the current paragraph;
# the inline ones cannot outlive the block they sit in, so an unclosed `<code>` in one paragraph
# does not swallow the rest of the page.
_SKIPPED_BLOCK = frozenset("head nav footer pre form template".split())
_SKIPPED_INLINE = frozenset("code button select textarea iframe".split())
_SKIPPED = _SKIPPED_BLOCK | _SKIPPED_INLINE | frozenset("script style title noscript svg".split())

# A start tag closes an open element of the first set, unless an element of the second set
# (the enclosing list or table) comes first: `<li>a<li>b` is two items, as in a browser.
_TABLE = frozenset({"table", "thead", "tbody", "tfoot"})
_TABLE_PARTS = frozenset({"table", "tr", "td", "th"})
_IMPLIED = {
    "li": (frozenset({"li"}), frozenset({"ul", "ol", "menu"})),
    **{t: (frozenset({"dt", "dd"}), frozenset({"dl"})) for t in ("dt", "dd")},
    **{t: (frozenset({"td", "th"}), _TABLE | {"tr"}) for t in ("td", "th")},
    "tr": (frozenset({"tr"}), _TABLE),
    **{t: (_TABLE - {"table"}, frozenset({"table"})) for t in ("thead", "tbody", "tfoot")},
}
# Implied closes look at most this far down the stack, which keeps pathological nesting linear.
_SCAN_LIMIT = 64
_ROOT = ("", "paragraph", 0, False, None)
# Fed after the text so that every unclosed comment, tag or declaration finds its end: without
# it the tokenizer rescans to the end of input for each one, which is quadratic. Browsers also
# end such constructs at end of input, and nothing past the text is kept.
_SENTINEL = "<!---->"


class _Builder(HTMLParser):
    """Collects text runs between block boundaries; each run becomes one block."""

    def __init__(self, source: SourceText):
        super().__init__(convert_charrefs=False)
        self.source = source
        self.text = source.text
        self.blocks: list[Block] = []
        self.directives: list[Directive] = []
        self.stack: list[tuple[str, str, int, bool, Cell | None]] = []  # (tag, kind, level, quoted, cell)
        self.tables = 0
        self.open_tables: list[list[int]] = []  # [number, row, next column] of each open table
        self.open: dict[str, int] = {}  # how many of each tag are on the stack
        self.skipping: list[str] = []  # open non-prose elements, innermost last
        self.hard_skips = 0  # how many of those are not in _SKIPPED_INLINE
        self.parts: list[str] = []
        self.offsets = OffsetMap()

    def pos(self) -> int:
        """Character offset of the token being handled (getpos gives its line and column)."""
        line, col = self.getpos()
        return self.source.line_starts[line - 1] + col

    def handle_starttag(self, tag: str, attrs) -> None:
        if self.skipping:
            if tag in _SKIPPED:
                self.push_skip(tag)
            if tag != "body" or self.skipping[0] != "head":
                return
            self.skipping.clear()  # `<body>` ends an unclosed `<head>`
            self.hard_skips = 0
        if tag == "br":
            start = self.pos()
            self.add_break(start, start + len(self.get_starttag_text() or "<br>"))
        elif tag == "hr":
            self.open_block(tag)
        elif tag in _SKIPPED:
            if tag in _SKIPPED_BLOCK:
                self.open_block(tag)
            self.push_skip(tag)
        elif tag in _CONTAINERS:
            self.open_block(tag)
            self.push(tag, attrs)

    def handle_startendtag(self, tag: str, attrs) -> None:
        """`<br/>` is a break and `<svg/>` is empty; `<p/>` opens a paragraph, as in browsers."""
        self.handle_starttag(tag, attrs)
        if tag in _SKIPPED and self.skipping and self.skipping[-1] == tag:
            self.pop_skip(tag)

    def handle_endtag(self, tag: str) -> None:
        if self.skipping:
            if tag in self.skipping[-_SCAN_LIMIT:]:
                self.pop_skip(tag)
                return
            if self.hard_skips or tag not in _CONTAINERS or not self.open.get(tag):
                return
            self.skipping.clear()  # the block holding an unclosed `<code>` ends here
        if tag == "br":  # browsers read `</br>` as `<br>`
            start = self.pos()
            end = self.text.find(">", start)
            self.add_break(start, end + 1 if end >= 0 else len(self.text))
        elif tag in _CONTAINERS:
            self.flush()
            index = self.find_open(tag)
            if index >= 0:
                self.pop_to(index)

    def handle_data(self, data: str) -> None:
        start = self.pos()
        data = data[: len(self.text) - start]
        if self.skipping or not data:
            return
        if self.text.startswith(data, start):
            self.offsets.add_verbatim(start, len(data))
        else:  # not expected from the tokenizer; keep the text, mapped to where it was seen
            self.offsets.add_replaced(start, start + len(data), len(data))
        self.parts.append(data)

    def handle_entityref(self, name: str) -> None:
        self.add_reference(self.pos(), 1 + len(name))

    def handle_charref(self, name: str) -> None:
        self.add_reference(self.pos(), 2 + len(name))

    def handle_comment(self, data: str) -> None:
        start = self.pos()
        if start + 4 + len(data) <= len(self.text):  # else unclosed in the file: not a directive
            self.directives.extend(find_directives(f"<!--{data}-->", start, self.line_of))

    def line_of(self, offset: int) -> int:
        return self.source.line_col(offset)[0]

    def parse_marked_section(self, i: int, report: int = 1) -> int:
        """`<![foo[` makes the standard library raise; read it as a bogus comment, as browsers do."""
        position = self.getpos()
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:
            self.lineno, self.offset = position  # it moved the position before raising
            end = self.rawdata.find(">", i)
            return -1 if end < 0 else end + 1

    def add_reference(self, start: int, length: int) -> None:
        """A character reference: decoded, and mapped to its whole span so columns stay right."""
        if self.skipping:
            return
        end = start + length
        if self.text.startswith(";", end):
            end += 1
        raw = self.text[start:end]
        decoded = unescape(raw)
        # What the decoding left alone maps verbatim: all but the `&` of an unknown `&foo;`, and
        # the `-x` of `&amp-x`, which decodes like a browser to `&-x`.
        keep = 0
        while keep < len(decoded) - 1 and raw[-1 - keep] == decoded[-1 - keep]:
            keep += 1
        self.offsets.add_replaced(start, end - keep, len(decoded) - keep)
        self.offsets.add_verbatim(end - keep, keep)
        self.parts.append(decoded)

    def add_break(self, start: int, end: int) -> None:
        self.offsets.add_replaced(start, end, 1)
        self.parts.append("\n")

    def flush(self) -> None:
        """End the current run; it becomes a block of the innermost open element's kind."""
        if not self.parts:
            return
        text = "".join(self.parts)
        if text.strip():
            _, kind, level, quoted, cell = self.stack[-1] if self.stack else _ROOT
            block = Block(kind, text, self.offsets, level, quoted)
            if cell is not None:
                block.cell = cell  # set apart: a call with a keyword costs every block
            self.blocks.append(block)
        self.parts = []
        self.offsets = OffsetMap()

    def open_block(self, tag: str) -> None:
        """A block-level start tag: end the run and close what a browser would close."""
        self.flush()
        top = self.stack[-1][0] if self.stack else ""
        if top == "p" or (tag in _HEADINGS and top in _HEADINGS):
            self.pop_to(len(self.stack) - 1)
        rule = _IMPLIED.get(tag)
        if rule is None or not any(self.open.get(t) for t in rule[0]):
            return
        closes, bounds = rule
        for index in range(len(self.stack) - 1, max(-1, len(self.stack) - 1 - _SCAN_LIMIT), -1):
            name = self.stack[index][0]
            if name in closes:
                self.pop_to(index)
                return
            if name in bounds:
                return

    def push(self, tag: str, attrs=()) -> None:
        """Open an element; it inherits kind, level, quoting and table cell unless it sets its own."""
        _, kind, level, quoted, cell = self.stack[-1] if self.stack else _ROOT
        if tag in _OWN_KIND:
            kind = _OWN_KIND[tag]
            level = int(tag[1]) if tag in _HEADINGS else 0
        if tag in _TABLE_PARTS:
            cell = self.table_cell(tag, attrs)
        self.stack.append((tag, kind, level, quoted or tag == "blockquote", cell))
        self.open[tag] = self.open.get(tag, 0) + 1

    def table_cell(self, tag: str, attrs) -> Cell | None:
        """Count a table's rows and columns as a browser lays them out (a cell spans `colspan`
        columns); a `<th>`, or any cell in `<thead>`, is a header."""
        if tag == "table":
            self.open_tables.append([self.tables, -1, 0])
            self.tables += 1
            return None
        if not self.open_tables:
            return None
        state = self.open_tables[-1]
        if tag == "tr" or state[1] < 0:
            state[1] += 1
            state[2] = 0
        if tag == "tr":
            return None
        column = state[2]
        span = next((value for name, value in attrs if name == "colspan"), None)
        state[2] += int(span) if span and span.strip().isdecimal() and 0 < int(span) <= 1000 else 1
        return Cell(state[0], state[1], column, tag == "th" or bool(self.open.get("thead")))

    def find_open(self, tag: str) -> int:
        """Stack index of the element an end tag closes (any heading closes any heading), or -1."""
        names = (tag,) if tag not in _HEADINGS or self.open.get(tag) else _HEADINGS
        if not any(self.open.get(name) for name in names):
            return -1
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] in names:
                return index
        return -1

    def pop_to(self, index: int) -> None:
        """Close the element at `index` and everything opened inside it."""
        for tag, *_ in self.stack[index:]:
            self.open[tag] -= 1
            if tag == "table" and self.open_tables:
                self.open_tables.pop()
        del self.stack[index:]

    def push_skip(self, tag: str) -> None:
        self.skipping.append(tag)
        self.hard_skips += tag not in _SKIPPED_INLINE

    def pop_skip(self, tag: str) -> None:
        while self.skipping:
            name = self.skipping.pop()
            self.hard_skips -= name not in _SKIPPED_INLINE
            if name == tag:
                return


def parse_html(source: SourceText) -> tuple[list[Block], list[Directive]]:
    """Blocks and suppression directives of an HTML file (or fragment)."""
    builder = _Builder(source)
    builder.feed(source.text + _SENTINEL)
    builder.close()
    builder.flush()
    return builder.blocks, builder.directives
