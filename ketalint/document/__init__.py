"""Parse a decoded file into a `Document`, whatever its format."""

from __future__ import annotations

from ketalint.document.model import Block, Document, Section, Sentence
from ketalint.document.sentences import split_sentences
from ketalint.document.source import SourceText

FORMATS = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdx": "markdown",
    ".html": "html",
    ".htm": "html",
    ".txt": "text",
}

# Typographic quotes and apostrophes become their ASCII forms in the matching stream (one
# character for one, so offsets do not move); rules can then be written with plain ' and ".
# Everything that compares prose (fingerprints, heading matching) folds text with this table.
# It maps no ASCII character, so ASCII text is left as it is without translating it.
TYPOGRAPHY_FOLD = str.maketrans({
    "\u2019": "'", "\u2018": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u00a0": " ", "\u2009": " ", "\u202f": " ",
    "\u00ad": " ",
})

STREAM_SEPARATOR = "\x00"


def ascii_gaps(keep: str = "") -> dict[int, str]:
    """A `str.translate` table for lower-cased ASCII text: every character but a-z, 0-9 and
    those of `keep` becomes a space; the stream's sentence separator stays."""
    return str.maketrans({chr(c): " " for c in range(1, 128) if not ("a" <= chr(c) <= "z" or chr(c).isdigit() or chr(c) in keep)})


def translated_pieces(lowered: str, gaps: dict[int, str], sentences: int) -> list[str] | None:
    """The lower-cased stream translated by `gaps` (see `ascii_gaps`), one piece per sentence,
    so that a sentence's words are its piece's `split()`: several times faster than a regex.
    None when the stream is not ASCII, or a sentence holds the separator itself."""
    if not lowered.isascii():
        return None
    pieces = lowered.translate(gaps).split(STREAM_SEPARATOR)
    return pieces if len(pieces) == sentences else None


def format_of(path: str) -> str:
    """The format named by a path's extension (plain text when unknown)."""
    dot = path.rfind(".")
    return FORMATS.get(path[dot:].lower(), "text") if dot >= 0 else "text"


def parse(path: str, text: str, fmt: str | None = None) -> Document:
    """Parse `text` (the decoded content of `path`) into a Document."""
    fmt = fmt or format_of(path)
    source = SourceText.of(path, text)
    if fmt == "markdown":
        from ketalint.document.markdown import parse_markdown as parse_blocks
    elif fmt == "html":
        from ketalint.document.html import parse_html as parse_blocks
    else:
        from ketalint.document.plaintext import parse_text as parse_blocks
    blocks, directives = parse_blocks(source)
    return build(source, fmt, blocks, directives)


def build(source: SourceText, fmt: str, blocks: list[Block], directives: list) -> Document:
    """Finish a document from its blocks: title, sentences, sections and the matching stream."""
    blocks = [b for b in blocks if b.text.strip()]
    for i, block in enumerate(blocks):
        block.index = i
    _mark_title(blocks)
    doc = Document(source=source, format=fmt, blocks=blocks, directives=directives)
    sentences: list[Sentence] = []
    pieces: list[str] = []
    pos = 0
    for block in blocks:
        text = block.text
        offsets = block.offsets
        shift = offsets.shift() if len(text) <= offsets.length else None
        own: list[Sentence] = []
        for start, end in split_sentences(text):
            piece = text[start:end]
            if shift is None:
                source_start, source_end = offsets.start(start), offsets.end(end)
            else:
                source_start, source_end = shift + start, shift + end
            sentence = Sentence(block, start, end, piece, source_start, source_end, len(sentences), pos)
            own.append(sentence)
            sentences.append(sentence)
            pieces.append(piece)
            pos += end - start + 1
        block.sentences = own
    doc.sentences = sentences
    stream = STREAM_SEPARATOR.join(pieces)
    doc.stream = stream if stream.isascii() else stream.translate(TYPOGRAPHY_FOLD)
    doc.sections = build_sections(blocks)
    return doc


def _mark_title(blocks: list[Block]) -> None:
    """The title is the first level-1 heading, or else the document's first heading."""
    headings = [b for b in blocks if b.kind == "heading"]
    if not headings:
        return
    h1 = [b for b in headings if b.level == 1]
    (h1[0] if h1 else headings[0]).is_title = True


def build_sections(blocks: list[Block]) -> list[Section]:
    """Top-level sections; deeper headings nest as subsections (a stack over heading levels)."""
    root = Section(heading=None)
    stack: list[Section] = [root]
    for block in blocks:
        if block.kind == "heading":
            section = Section(heading=block)
            while len(stack) > 1 and stack[-1].level >= block.level:
                stack.pop()
            stack[-1].subsections.append(section)
            stack.append(section)
        else:
            stack[-1].blocks.append(block)
    out = [root] if root.blocks else []
    out.extend(root.subsections)
    return out


def iter_sections(sections: list[Section]):
    """Every section, depth first (a section before its subsections)."""
    for section in sections:
        yield section
        yield from iter_sections(section.subsections)
