"""Statements of one file and rule kept as columns, for rules that extract one per sentence.

Copy-drift extracts a statement from nearly every sentence of every article, and a run over a
5,000-article site held half a million of them as objects (a tuple and four integers each) until
the corpus pass, which then needed only the few whose wording has a drifted twin. Packed, a
statement costs a reference to its wording and two machine integers (four bytes each, in any
article under 2 GB); it is rebuilt as a `Statement` only when asked for.

A run over a whole site does not even keep the sentences' own words, nor their lines and
columns (`without_matches`): in a site whose articles say different things, the words were a
third of all it held, and the lines and columns 8 MB of a 5,000-article run. They are worked
out again from the few files whose statements a rule reports, read back then: the offsets are
exact if the file is unchanged, and its sentences then read as they did.
"""

from __future__ import annotations

import sys
from array import array
from collections.abc import Callable, Iterable, Iterator

from ketalint.corpus.statement import _NO_DATA, Statement
from ketalint.document.source import SourceText

_make = Statement._make


def number_column(largest: int) -> array:
    """An empty column for numbers no larger than `largest`: four bytes each where they fit. The
    numbers were the largest part of what a warm run over a 5,000-article site held."""
    return array("i" if largest < 2**31 else "q")


class PackedStatements:
    """Statements without side, variant or data (as copy-drift extracts them), in file order.

    With their matched texts (`matches`), `numbers` holds six numbers a statement: start, end,
    line, column, end line, end column. Without them (`matches` None), only start and end: the
    texts and the lines and columns are worked out from the file's text, read back when asked
    for (its content named by `digest`)."""

    __slots__ = ("path", "keys", "matches", "numbers", "digest")

    def __init__(self, path: str, keys: tuple[str, ...], matches: tuple[str, ...] | None, numbers: array, digest: str | None = None):
        self.path, self.keys, self.matches, self.numbers, self.digest = path, keys, matches, numbers, digest

    def without_matches(self, digest: str) -> "PackedStatements":
        """These statements, their matched texts and places to be read back from the file whose content has `digest`."""
        if self.matches is None:
            return PackedStatements(self.path, self.keys, None, self.numbers, digest)
        n = self.numbers
        offsets = array(n.typecode)
        for at in range(0, len(n), 6):
            offsets.append(n[at])
            offsets.append(n[at + 1])
        return PackedStatements(self.path, self.keys, None, offsets, digest)

    def with_matches(self, text: str) -> "PackedStatements":
        """These statements with their matched texts and places taken from `text`, the file's text as read."""
        if self.matches is not None:
            return self
        n, span_position = self.numbers, SourceText.of(self.path, text).span_position
        numbers = number_column(max(n, default=0))
        for at in range(0, len(n), 2):
            start, end = n[at], n[at + 1]
            numbers.extend((start, end, *span_position(start, end)))
        return PackedStatements(self.path, self.keys, tuple(text[n[at]:n[at + 1]] for at in range(0, len(n), 2)), numbers)

    @classmethod
    def pack(cls, path: str, statements: list[Statement]) -> "PackedStatements | list[Statement]":
        """Packed, unless a statement has what the columns do not keep (it is then left as is)."""
        if any(s.side or s.variant or s.data or s.path != path for s in statements):
            return statements
        values = [n for s in statements for n in (s.start, s.end, s.line, s.column, s.end_line, s.end_column)]
        numbers = number_column(max(values, default=0))
        numbers.extend(values)
        return cls(path, tuple(s.key for s in statements), tuple(s.match for s in statements), numbers)

    def __len__(self) -> int:
        return len(self.keys)

    def __iter__(self) -> Iterator[Statement]:
        return self.having(None)

    def having(self, keys: set[str] | None) -> Iterator[Statement]:
        """The statements (all, or those about `keys`), each rebuilt anew."""
        n, path = self.numbers, self.path
        matches = self.matches
        if matches is not None:
            for i, key in enumerate(self.keys):
                if keys is None or key in keys:
                    at = 6 * i
                    yield _make((path, n[at], n[at + 1], n[at + 2], n[at + 3], n[at + 4], n[at + 5], matches[i], key, "", "", _NO_DATA))
            return
        read = None
        for i, key in enumerate(self.keys):
            if keys is None or key in keys:
                if read is None:
                    read = _read_back(path, self.digest)
                text, same, span_position = read
                start, end = n[2 * i], n[2 * i + 1]
                # A file changed since it was read: its sentence is shown as compared, and placed
                # where its offsets fall in the file as it is now.
                match = text[start:end] if same else key
                yield _make((path, start, end, *span_position(min(start, len(text)), min(end, len(text))), match, key, "", "", _NO_DATA))

    def __getstate__(self):
        return self.path, self.keys, self.matches, self.numbers, self.digest

    def __setstate__(self, state) -> None:
        """Arrived from a worker process: copies of a sentence across files share one string."""
        path, keys, matches, numbers, digest = state
        intern = sys.intern
        self.path, self.numbers, self.digest = path, numbers, digest
        self.keys = tuple(map(intern, keys))
        self.matches = None if matches is None else tuple(map(intern, matches))


def _read_back(path: str, digest: str | None) -> tuple[str, bool, Callable]:
    """(the text of `path` as it is now ("" if it cannot be read), whether its content still has
    `digest`, the `span_position` of that text). The last few are kept: a rule may ask for a
    file's statements more than once (grouping them, then reporting)."""
    key = (path, digest)
    found = _recent.get(key)
    if found is None:
        from ketalint.files import read_article

        file_text, _ = read_article(path, sys.maxsize)
        text = "" if file_text is None else file_text.text
        found = (text, file_text is not None and file_text.digest == digest, SourceText.of(path, text).span_position)
        if len(_recent) >= _RECENT:
            del _recent[next(iter(_recent))]
        _recent[key] = found
    return found


_RECENT = 4
_recent: dict[tuple[str, str | None], tuple] = {}


class SiteStatements:
    """One rule's statements over a run's files, in file order, without unpacking them: what a
    corpus rule's `conflicts` receives. Iterating yields each file's statements; a packed file's
    are rebuilt on each pass, so a rule that needs the same objects twice keeps them itself."""

    def __init__(self, parts: Iterable):
        self.parts = [p for p in parts if p]

    def __iter__(self) -> Iterator[Statement]:
        for part in self.parts:
            yield from part

    def keys(self) -> Iterator[str]:
        for part in self.parts:
            if isinstance(part, PackedStatements):
                yield from part.keys
            else:
                yield from (s.key for s in part)

    def having(self, keys: set[str]) -> list[Statement]:
        out: list[Statement] = []
        for part in self.parts:
            if isinstance(part, PackedStatements):
                out.extend(part.having(keys))
            else:
                out.extend(s for s in part if s.key in keys)
        return out

    def paths(self) -> set[str]:
        """The articles the statements come from."""
        found: set[str] = set()
        for part in self.parts:
            if isinstance(part, PackedStatements):
                found.add(part.path)
            else:
                found.update(s.path for s in part)
        return found

    def __bool__(self) -> bool:
        return bool(self.parts)
