"""`SourceText`: offsets to 1-based lines and columns."""

from __future__ import annotations

import pytest

from ketalint.document.source import SourceText

TEXT = "first line\nsecond\n\nfourth line here"


@pytest.mark.parametrize(("start", "end"), [(0, 0), (0, 5), (6, 14), (11, 17), (18, 19), (3, len(TEXT)), (19, 23)])
def test_span_position_is_line_col_of_both_ends(start, end):
    source = SourceText.of("a.txt", TEXT)
    assert source.span_position(start, end) == (*source.line_col(start), *source.line_col(end))


def test_line_col_counts_from_one():
    source = SourceText.of("a.txt", TEXT)
    assert source.line_col(0) == (1, 1)
    assert source.line_col(TEXT.index("fourth")) == (4, 1)
    assert source.line_col(TEXT.index("cond")) == (2, 3)
