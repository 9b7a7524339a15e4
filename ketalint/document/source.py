"""Source text and the maps that take any offset of clean prose back to line:column in the file."""

from __future__ import annotations

from bisect import bisect_right

from ketalint.values import Frozen, set_field


class SourceText(Frozen):
    """A decoded file: the text every offset in ketalint refers to, with a line index."""

    __slots__ = ("path", "text", "line_starts")

    def __init__(self, path: str, text: str, line_starts: tuple[int, ...] = ()):
        set_field(self, "path", path)
        set_field(self, "text", text)
        set_field(self, "line_starts", line_starts)

    @classmethod
    def of(cls, path: str, text: str) -> "SourceText":
        starts = [0]
        find = text.find
        i = find("\n")
        while i >= 0:
            starts.append(i + 1)
            i = find("\n", i + 1)
        return cls(path, text, tuple(starts))

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column (in characters) of a character offset."""
        starts = self.line_starts
        line = bisect_right(starts, offset)
        return line, offset - starts[line - 1] + 1

    def span_position(self, start: int, end: int) -> tuple[int, int, int, int]:
        """(line, column, end line, end column) of [start, end), in one call: findings and
        statements need both ends, copy-drift for nearly every sentence of every article."""
        starts = self.line_starts
        line, end_line = bisect_right(starts, start), bisect_right(starts, end)
        return line, start - starts[line - 1] + 1, end_line, end - starts[end_line - 1] + 1

    def line_text(self, line: int) -> str:
        """The text of a 1-based line, without its line ending."""
        start = self.line_starts[line - 1]
        end = self.line_starts[line] - 1 if line < len(self.line_starts) else len(self.text)
        return self.text[start:end].rstrip("\r")


class OffsetMap:
    """Maps offsets in a piece of clean prose to offsets in the source text.

    Clean prose is built from runs: a *verbatim* run copies source characters one for one; a
    *replaced* run stands for a source span that was decoded (an HTML entity, an escape), so
    its characters all map to that whole span. Markup between runs is simply absent from the
    clean text, which is why the map is piecewise rather than a single shift.
    """

    __slots__ = ("clean_starts", "src_starts", "src_ends", "verbatim", "length")

    def __init__(self) -> None:
        self.clean_starts: list[int] = []
        self.src_starts: list[int] = []
        self.src_ends: list[int] = []
        self.verbatim: list[bool] = []
        self.length = 0

    def add_verbatim(self, src_start: int, length: int) -> None:
        if length <= 0:
            return
        if (
            self.verbatim
            and self.verbatim[-1]
            and self.src_ends[-1] == src_start
        ):
            self.src_ends[-1] += length
        else:
            self.clean_starts.append(self.length)
            self.src_starts.append(src_start)
            self.src_ends.append(src_start + length)
            self.verbatim.append(True)
        self.length += length

    def add_replaced(self, src_start: int, src_end: int, length: int) -> None:
        if length <= 0:
            return
        self.clean_starts.append(self.length)
        self.src_starts.append(src_start)
        self.src_ends.append(src_end)
        self.verbatim.append(False)
        self.length += length

    def shift(self) -> int | None:
        """The source offset of clean offset 0 when the map is one verbatim run, so that every
        clean offset from 0 to `length` maps to itself plus that; else None."""
        if len(self.verbatim) == 1 and self.verbatim[0] and self.src_ends[0] - self.src_starts[0] == self.length:
            return self.src_starts[0]
        return None

    def start(self, clean: int) -> int:
        """Source offset of the clean character at `clean`."""
        i = bisect_right(self.clean_starts, clean) - 1
        if i < 0:
            return self.src_starts[0] if self.src_starts else 0
        if self.verbatim[i]:
            return min(self.src_starts[i] + clean - self.clean_starts[i], self.src_ends[i])
        return self.src_starts[i]

    def end(self, clean_end: int) -> int:
        """Source offset just past the clean character before `clean_end` (an exclusive end)."""
        if clean_end <= 0:
            return self.src_starts[0] if self.src_starts else 0
        last = clean_end - 1
        i = bisect_right(self.clean_starts, last) - 1
        if self.verbatim[i]:
            return min(self.src_starts[i] + last - self.clean_starts[i] + 1, self.src_ends[i])
        return self.src_ends[i]
