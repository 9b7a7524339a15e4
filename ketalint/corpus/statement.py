"""The unit corpus rules compare: one claim of one article, with where it is and what it is about.

Statements are plain data (they are cached as JSON between runs), so they carry their own
line and column instead of pointing back into a parsed document.
"""

from __future__ import annotations

import sys
from collections import namedtuple

from ketalint.document.model import Document, Sentence
from ketalint.finding import Location

_NO_DATA: dict = {}  # shared by statements without data; nothing writes to it


_FIELDS = ("path", "start", "end", "line", "column", "end_line", "end_column", "match", "key", "side", "variant", "data")


class Statement(namedtuple("Statement", _FIELDS, defaults=("", _NO_DATA))):
    """`key` says what the statement is about, `side` what it says of it; `variant` names the
    wording that matched (representatives are chosen to show different wordings).

    A named tuple: a run over a large site holds and creates statements by the hundred thousand
    (from worker processes and from the site store), and a tuple is built in C. Statements are
    compared by identity (`id`, `is`) wherever it matters; `data` is never modified.

    Fields: path (str); start, end (source offsets); line, column, end_line, end_column; match
    (the source text); key, side, variant (str); data (dict). `collections.namedtuple` rather
    than `typing.NamedTuple`: importing `typing` costs every run its start-up time."""

    __slots__ = ()

    def location(self) -> Location:
        return Location(self.path, self.line, self.column, self.end_line, self.end_column, self.match)

    def overlaps(self, other: "Statement") -> bool:
        return self.path == other.path and self.start < other.end and other.start < self.end

    def to_json(self) -> list:
        return list(self)

    @classmethod
    def from_json(cls, row: list) -> "Statement":
        if not isinstance(row, list) or len(row) != len(cls._fields):
            raise ValueError("not a statement")
        return _arrived(*row)

    def __reduce__(self):
        """Sent from worker processes by the hundred thousand: rebuilt on arrival with their
        wording interned, since a site repeats its sentences across articles and each copy
        would otherwise arrive as a string of its own."""
        return (_arrived, tuple(self))


_make = Statement._make


def quoted(statement: Statement) -> str:
    """What a message quotes of a statement: its words, or for a table cell ("Yes") what the
    cell says with its column's heading and its row's label ("Compounded spray: FDA-approved.")."""
    return statement.data.get("reading") or statement.match


def _arrived(path, start, end, line, column, end_line, end_column, match, key, side, variant, data) -> Statement:
    """A statement read from a cache entry or a worker: copies of a sentence share one string."""
    return _make((path, start, end, line, column, end_line, end_column, sys.intern(match), sys.intern(key), side, variant, data or _NO_DATA))


def stored_statement(path: str, row: tuple) -> Statement:
    """A statement from a site-store row (see `ketalint.corpus.store.SiteStore.fetch`)."""
    _, _, key, start, end, line, column, end_line, end_column, match, side, variant, data = row
    return _make((path, start, end, line, column, end_line, end_column, match, key, side, variant, _loads(data) if data else _NO_DATA))


def _loads(data: str) -> dict:
    import json  # only runs that read the site store need it

    return json.loads(data)


def statement_at(doc: Document, start: int, end: int, key: str, side: str, variant: str = "", data: dict | None = None) -> Statement:
    """A statement for the source span [start, end) of `doc`."""
    line, column, end_line, end_column = doc.source.span_position(start, end)
    match = sys.intern(doc.text[start:end])  # copies of a sentence across a site share one string
    return Statement(doc.path, start, end, line, column, end_line, end_column, match, key, side, variant, data or _NO_DATA)


def span_statement(doc: Document, sentence: Sentence, start: int, end: int, **keys) -> Statement:
    """A statement for the sentence-relative span [start, end)."""
    src_start, src_end = sentence.source_span(start, end)
    return statement_at(doc, src_start, src_end, **keys)
