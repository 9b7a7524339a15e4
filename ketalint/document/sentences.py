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


# The lookahead after the terminator also captures the next non-space character (None at the
# end of the text), which every boundary decision reads.
_TERMINATOR = r"(?:\.{3}|…|[.!?])+[\"'”’»)\]]*"
_END_RE = _compiled(_TERMINATOR + r"(?=\s|$)(?:(?=\s*(\S))|)")
# The same ends in text whose only terminator is the period (most blocks). Beginning with a
# literal, it lets the engine skip to each period with a fast search instead of testing every
# character against a set.
_PERIOD_END_RE = re.compile(r"\.\.*[\"'”’»)\]]*(?=\s|$)(?:(?=\s*(\S))|)")
# Social copy ends a sentence with a pictograph instead of a stop: "Super rare 💯 Drop us a
# question". Arrows are left out: "One infusion ➡️ Months of relief" joins its two halves.
PICTOGRAPHS = "\u2600-\u2793\u2b50\u2b55\U0001f000-\U0001faff"  # a character class's ranges
_PICTOGRAPH_RE = re.compile(f"[{PICTOGRAPHS}]")
_END_OR_PICTOGRAPH_RE = re.compile(
    f"(?:{_TERMINATOR}|(?P<pictograph>[{PICTOGRAPHS}][{PICTOGRAPHS}\ufe0f\u200d]*))" + r"(?=\s|$)(?:(?=\s*(\S))|)"
)
_OPENERS = "\"'“‘«([•*-–—¿¡"
_DASHES = "-–—"
_CLOSING_QUOTES = "\"'”’»"
_WORD_BEFORE_RE = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")
_WORD_BEFORE_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.")
_CLOSE_PAREN_WINDOW = 300
_WORD_BEFORE_WINDOW = 40
MAX_SENTENCE_CHARS = 1000

# The word before a period is an abbreviation (in any case, with or without trailing dots) only
# if its last two characters end one or it is a one-letter one, and an initial ends in a capital:
# most words are told apart by their last characters without reading them back whole.
_ABBREVIATION_FORMS = ABBREVIATIONS | {a.rstrip(".") for a in ABBREVIATIONS}
_ABBREVIATION_TAILS = frozenset(a[-2:] for a in _ABBREVIATION_FORMS if len(a) >= 2)
_ABBREVIATION_LAST = frozenset(
    {a for a in _ABBREVIATION_FORMS if len(a) == 1} | set("ABCDEFGHIJKLMNOPQRSTUVWXYZ.")
)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Spans (start, end) of the sentences of `text`, trimmed of surrounding whitespace."""
    spans: list[tuple[int, int]] = []
    start = 0
    ends = _END_RE if "!" in text or "?" in text or "…" in text else _PERIOD_END_RE
    next_group = 1
    if not text.isascii() and _PICTOGRAPH_RE.search(text) is not None:
        ends, next_group = _END_OR_PICTOGRAPH_RE, 2
    for m in ends.finditer(text):
        term_start, end = m.span()
        nxt = m[next_group]
        if next_group == 2 and m.start("pictograph") >= 0 and (
            nxt is None or not (nxt.isupper() or nxt.isdigit()) or not any(c.isalnum() for c in text[start:term_start])
        ):
            continue  # a pictograph ends a sentence only between words, before a capital
        if nxt is not None and end - start <= MAX_SENTENCE_CHARS:
            # Not a boundary unless a plausible sentence start follows; a lower-case letter is
            # none, which also keeps an ellipsis that continues in lower case inside its sentence.
            if not (nxt.isupper() or nxt.isdigit() or nxt in _OPENERS):
                continue
            if text[end - 1] in _CLOSING_QUOTES and (nxt in _DASHES or (nxt == "(" and _signature_follows(text, end))):
                continue  # a quotation signed after it ("…for good." — Sam; "…" (Jo, Leeds)) is one sentence
            if (
                text[term_start] == "."
                and not text.startswith("...", term_start)
                and (text[term_start - 1] in _ABBREVIATION_LAST
                     or text[term_start - 2:term_start].lower() in _ABBREVIATION_TAILS)
                and _after_abbreviation(text, start, term_start, nxt)
            ):
                continue
            if text.find("(", start, term_start) >= 0 and _inside_open_parenthesis(text, start, term_start):
                continue
        # A boundary: the text up to the terminator is a sentence. It ends in the terminator,
        # never in whitespace, so only its start needs trimming.
        while text[start].isspace():
            start += 1
        if end - start > MAX_SENTENCE_CHARS:
            _append(text, start, end, spans)
        else:
            spans.append((start, end))
        start = end
    _append(text, start, len(text), spans)
    return spans


def _signature_follows(text: str, end: int) -> bool:
    """A short bracketed name after `end`, with no sentence end inside: "(Jo, Leeds)"."""
    opening = text.find("(", end)
    closing = text.find(")", opening, opening + _SIGNATURE_CHARS)
    return closing > 0 and not any(mark in text[opening:closing] for mark in ".!?")


_SIGNATURE_CHARS = 40


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


def _after_abbreviation(text: str, sent_start: int, term_start: int, nxt: str) -> bool:
    """Whether the period at `term_start` ends an abbreviation or an initial rather than a
    sentence, given the next non-space character `nxt`."""
    token = _word_before(text, max(sent_start, term_start - _WORD_BEFORE_WINDOW), term_start)
    if not token:
        return False
    token = token.lower()
    if token in ("no", "nos", "p", "pp", "v") and not nxt.isdigit():
        return False  # "No. It is not." is an answer, not "No. 5"
    bare = token.rstrip(".")
    if token in ABBREVIATIONS or bare in ABBREVIATIONS:
        return bare not in _SENTENCE_FINAL_ABBREVIATIONS or not nxt.isupper()
    return len(token) == 1 and token.isalpha() and text[term_start - 1].isupper()  # "J. Smith"


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


def _inside_open_parenthesis(text: str, sent_start: int, pos: int) -> bool:
    depth = text.count("(", sent_start, pos) - text.count(")", sent_start, pos)
    if depth <= 0:
        return False
    return text.find(")", pos, pos + _CLOSE_PAREN_WINDOW) >= 0
