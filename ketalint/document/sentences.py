"""Sentence splitting for marketing prose.

A sentence ends at `.`, `!`, `?` or an ellipsis, plus any closing quotes or brackets, when
whitespace and a plausible sentence start follow. It does not end after a known abbreviation
(Dr., e.g., U.S., vs.), an initial, inside a decimal (no space follows), after an ellipsis that
continues in lower case, or inside an open parenthesis that closes soon after.

A run of text with no sentence end (a list pasted as one line, a page without punctuation) is
cut into pieces of at most `MAX_SENTENCE_CHARS` at whitespace: every rule's work per match is
bounded by the sentence it is in, so bounded sentences keep a whole run linear in the file size.
"""

from __future__ import annotations

import re

ABBREVIATIONS = frozenset("""
dr mr mrs ms mx prof sr jr st mt vs v etc e.g eg i.e ie cf al approx ca inc ltd co corp
no nos fig figs vol pp p ph.d phd m.d md b.a m.a u.s u.k u.s.a e.u a.m p.m jan feb mar apr
jun jul aug sep sept oct nov dec dept est min max mg ml approx. viz resp incl
""".split())

# Abbreviations after which a capitalised word usually *does* start a new sentence.
_SENTENCE_FINAL_ABBREVIATIONS = frozenset({"etc", "u.s", "u.k", "u.s.a", "e.u", "a.m", "p.m", "inc", "ltd", "co", "corp"})

def _compiled(pattern: str) -> re.Pattern:
    """`re.compile`, with the set of characters a match starts with: CPython finds none for a
    pattern that begins with a repeated alternation, and tries it at every character."""
    from ketalint.startset import compile_pattern

    return compile_pattern(pattern, 0) or re.compile(pattern)


_END_RE = _compiled(r"(?:\.{3}|…|[.!?])+[\"'”’»)\]]*(?=\s|$)")
_OPENERS = "\"'“‘«([•*-–—¿¡"
_WORD_BEFORE_RE = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")
_WORD_BEFORE_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.")
_CLOSE_PAREN_WINDOW = 300
_WORD_BEFORE_WINDOW = 40
MAX_SENTENCE_CHARS = 1000


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Spans (start, end) of the sentences of `text`, trimmed of surrounding whitespace."""
    spans: list[tuple[int, int]] = []
    start = 0
    n = len(text)
    for m in _END_RE.finditer(text):
        end = m.end()
        if end - start <= MAX_SENTENCE_CHARS and not _is_boundary(text, start, m.start(), end, n):
            continue
        _append(text, start, end, spans)
        start = end
    _append(text, start, n, spans)
    return spans


def _append(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > MAX_SENTENCE_CHARS:
        cut = _last_space(text, start, start + MAX_SENTENCE_CHARS)
        _append(text, start, cut, spans)
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        spans.append((start, end))


def _last_space(text: str, start: int, limit: int) -> int:
    """Where to cut an over-long run: its last whitespace before `limit` (or `limit` itself)."""
    for i in range(limit, start + MAX_SENTENCE_CHARS // 2, -1):
        if text[i].isspace():
            return i
    return limit


def _is_boundary(text: str, sent_start: int, term_start: int, term_end: int, n: int) -> bool:
    nxt = _next_char(text, term_end, n)
    if nxt is None:
        return True
    terminator = text[term_start:term_end]
    if terminator[0] == "." and not terminator.startswith("..."):
        token = _word_before(text, max(sent_start, term_start - _WORD_BEFORE_WINDOW), term_start)
        if token:
            token = token.lower()
            if token in ("no", "nos", "p", "pp", "v") and not nxt.isdigit():
                pass  # "No. It is not." is an answer, not "No. 5"
            elif token in ABBREVIATIONS or token.rstrip(".") in ABBREVIATIONS:
                if token.rstrip(".") not in _SENTENCE_FINAL_ABBREVIATIONS or not nxt.isupper():
                    return False
            elif len(token) == 1 and token.isalpha() and text[term_start - 1].isupper():
                return False  # an initial: "J. Smith"
    if terminator.startswith(("...", "…")) and nxt.islower():
        return False
    if not (nxt.isupper() or nxt.isdigit() or nxt in _OPENERS):
        return False
    return not _inside_open_parenthesis(text, sent_start, term_start)


def _word_before(text: str, lo: int, end: int) -> str:
    """The run of ASCII letters and dots that ends at `end` and begins with a letter, no further
    back than `lo` ("Dr", "e.g", "U.S"), or "": what `_WORD_BEFORE_RE` finds, read backwards
    a character at a time instead of trying the pattern at each of the window's positions."""
    i = end
    while i > lo and text[i - 1] in _WORD_BEFORE_CHARS:
        i -= 1
    while i < end and text[i] == ".":
        i += 1
    return text[i:end]


def _next_char(text: str, pos: int, n: int) -> str | None:
    while pos < n and text[pos].isspace():
        pos += 1
    return text[pos] if pos < n else None


def _inside_open_parenthesis(text: str, sent_start: int, pos: int) -> bool:
    depth = text.count("(", sent_start, pos) - text.count(")", sent_start, pos)
    if depth <= 0:
        return False
    return text.find(")", pos, pos + _CLOSE_PAREN_WINDOW) >= 0
