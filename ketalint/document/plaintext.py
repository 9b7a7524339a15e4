"""Plain text (web copy pasted as text) → blocks.

Headings have no markup here, so they are inferred from shape: a line on its own, short,
starting with a capital and without sentence-final punctuation (a question is allowed; a colon
only for a short label such as "Sources:"). A run of such lines counts as headings only when
body text follows it, which keeps navigation left-overs at the end of a page ("Related Posts",
"Read more") out. Levels are inferred too: in a run of headings the first is the parent, and a
lone heading is a sibling of the previous run's last heading. `•`, `-`, `*` and numbered lines
are list items; typographic quotes and apostrophes are ordinary text.
"""

from __future__ import annotations

import re

from ketalint.document.directives import find_directives
from ketalint.document.model import Block, Directive
from ketalint.document.source import OffsetMap, SourceText

_BULLET_RE = re.compile(r"[ \t]*(?:[•·◦▪‣*\-–—]|\d{1,3}[.)])[ \t]+(?=\S)")
_COMMENT_LINE_RE = re.compile(r"[ \t]*<!--.*-->[ \t]*\r?$")
_MAX_HEADING_CHARS = 120
_MAX_HEADING_WORDS = 16
_MAX_QUESTION_WORDS = 14
_MAX_LABEL_WORDS = 4


def parse_text(source: SourceText) -> tuple[list[Block], list[Directive]]:
    """Blocks and suppression directives of a plain-text file."""
    text = source.text
    directives: list[Directive] = []
    chunks: list[list[tuple[int, int]]] = []
    current: list[tuple[int, int]] = []
    starts = source.line_starts
    for i, start in enumerate(starts):
        end = starts[i + 1] - 1 if i + 1 < len(starts) else len(text)
        line = text[start:end]
        if _COMMENT_LINE_RE.match(line):
            directives.extend(find_directives(line, start, lambda off: source.line_col(off)[0]))
            continue
        if line.strip():
            current.append((start, end))
        elif current:
            chunks.append(current)
            current = []
    if current:
        chunks.append(current)
    return _blocks(text, _split_leading_headings(text, chunks)), directives


# A line ending in one of these words is more likely wrapped prose than a heading.
_CONTINUING_WORDS = frozenset(
    "a an the of to and or but in on at for with by from as is are was were that which your our their its".split()
)


def _split_leading_headings(text: str, chunks: list[list[tuple[int, int]]]) -> list[list[tuple[int, int]]]:
    """A heading-shaped first line directly followed by a line that starts a sentence or a bullet
    is a heading of its own, as when copy is pasted without a blank line after each heading."""
    out = []
    for chunk in chunks:
        if len(chunk) > 1 and _heads_chunk(text, chunk[0], chunk[1]):
            out.extend(([chunk[0]], chunk[1:]))
        else:
            out.append(chunk)
    return out


def _heads_chunk(text: str, first: tuple[int, int], second: tuple[int, int]) -> bool:
    if not _looks_like_heading(text, first):
        return False
    last_word = text[first[0]:first[1]].split()[-1].lower()
    if last_word in _CONTINUING_WORDS or last_word.endswith(("'s", "’s")):
        return False  # "... fall under Spravato's" goes on to say whose what
    nxt = text[second[0]:second[1]].lstrip()
    # A quotation opens a sentence when a capital or a figure follows the quote mark; a quoted
    # word in lower case ("'anti-reward' center") carries on the line before.
    opening = nxt.lstrip("\"'“‘")[:1]
    return bool(_BULLET_RE.match(nxt)) or opening.isupper() or opening.isdigit()


def _blocks(text: str, chunks: list[list[tuple[int, int]]]) -> list[Block]:
    items = [_chunk_items(text, chunk) for chunk in chunks]
    heading_like = [
        len(chunk) == 1 and len(parts) == 1 and parts[0][0] == "paragraph" and _looks_like_heading(text, chunk[0])
        for chunk, parts in zip(chunks, items)
    ]
    is_heading = _confirm_headings(text, chunks, heading_like)
    blocks: list[Block] = []
    leaf_level = 2
    run: list[Block] = []
    for idx, parts in enumerate(items):
        if is_heading[idx]:
            block = _make_block(text, "heading", *parts[0][1])
            blocks.append(block)
            run.append(block)
            continue
        if run:
            leaf_level = _assign_levels(run, leaf_level, first=not any(b.level for b in blocks[: -len(run)]))
            run = []
        for kind, (start, end) in parts:
            blocks.append(_make_block(text, kind, start, end))
    if run:
        _assign_levels(run, leaf_level, first=len(blocks) == len(run))
    return blocks


def _assign_levels(run: list[Block], leaf_level: int, first: bool) -> int:
    """Levels for a run of consecutive headings; returns the level later lone headings take."""
    if first:
        run[0].level = 1
        run = run[1:]
        if not run:
            return leaf_level
    if len(run) == 1:
        run[0].level = leaf_level
        return leaf_level
    for depth, block in enumerate(run):
        block.level = 2 + depth
    return run[-1].level


def _confirm_headings(text: str, chunks, heading_like: list[bool]) -> list[bool]:
    """A run of heading-like lines is headings if body text follows it (or it is the first line)."""
    out = [False] * len(chunks)
    i = 0
    while i < len(chunks):
        if not heading_like[i]:
            i += 1
            continue
        j = i
        while j < len(chunks) and heading_like[j]:
            j += 1
        followed_by_body = j < len(chunks)
        for k in range(i, j):
            start, end = chunks[k][0]
            is_label = text[start:end].rstrip().endswith(":")
            out[k] = followed_by_body or is_label or k == 0
        i = j
    return out


def _chunk_items(text: str, chunk: list[tuple[int, int]]) -> list[tuple[str, tuple[int, int]]]:
    """Split a chunk of lines into a leading paragraph and list items (one per bullet line)."""
    parts: list[tuple[str, list[int]]] = []
    for start, end in chunk:
        bullet = _BULLET_RE.match(text, start, end)
        if bullet:
            parts.append(("list_item", [bullet.end(), end]))
        elif parts:
            parts[-1][1][1] = end
        else:
            parts.append(("paragraph", [start, end]))
    return [(kind, (span[0], span[1])) for kind, span in parts]


def _looks_like_heading(text: str, line: tuple[int, int]) -> bool:
    raw = text[line[0]:line[1]].strip()
    if not raw or len(raw) > _MAX_HEADING_CHARS or _BULLET_RE.match(raw):
        return False
    first = raw.lstrip("\"'“‘(")[:1]
    if not (first.isupper() or first.isdigit()):
        return False
    words = len(raw.split())
    last = raw[-1]
    if last == "?":
        return words <= _MAX_QUESTION_WORDS
    if last == ":":
        return words <= _MAX_LABEL_WORDS
    if last in ".!;,…" or raw.endswith(("”", '"')) and raw[-2:-1] in ".!?":
        return False
    return words <= _MAX_HEADING_WORDS


def _make_block(text: str, kind: str, start: int, end: int) -> Block:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    offsets = OffsetMap()
    offsets.add_verbatim(start, end - start)
    return Block(kind, text[start:end], offsets)
