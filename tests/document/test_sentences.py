"""Sentence splitting on clinic copy: abbreviations, decimals, ellipses, quotes, parentheses."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

import pytest

from ketalint.document.sentences import ABBREVIATIONS, MAX_SENTENCE_CHARS, split_sentences


def split(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Dr. Patel sees patients daily. She is kind.", ["Dr. Patel sees patients daily.", "She is kind."]),
        ("Take notes, e.g. about sleep. Then rest.", ["Take notes, e.g. about sleep.", "Then rest."]),
        ("It is rare, i.e. under one in ten. Ask us.", ["It is rare, i.e. under one in ten.", "Ask us."]),
        ("Infusions vs. nasal spray differ. Both help.", ["Infusions vs. nasal spray differ.", "Both help."]),
        ("It is approved in the U.S. for one use. Ask.", ["It is approved in the U.S. for one use.", "Ask."]),
        ("The dose was 0.5 mg/kg. It took 40 minutes.", ["The dose was 0.5 mg/kg.", "It took 40 minutes."]),
        ("Wait... it helps. Then what?", ["Wait... it helps.", "Then what?"]),
        ("Results vary… Some feel better.", ["Results vary…", "Some feel better."]),
        ("She said, “It helped.” Then she left.", ["She said, “It helped.”", "Then she left."]),
        ('He said "it works." Then he smiled.', ['He said "it works."', "Then he smiled."]),
        ("It helps (see Fig. 2). Next point.", ["It helps (see Fig. 2).", "Next point."]),
        ("Relief (in some. Not all) varies. Ask.", ["Relief (in some. Not all) varies.", "Ask."]),
        ("“Is it safe?” she asked. It is monitored.", ["“Is it safe?” she asked.", "It is monitored."]),
        ("Sessions cost $400. 6 are typical.", ["Sessions cost $400.", "6 are typical."]),
        ("No. It is not a cure.", ["No.", "It is not a cure."]),
        ("See No. 4 in the list.", ["See No. 4 in the list."]),
        ("Prof. J. Rivera, Ph.D. agreed. Good.", ["Prof. J. Rivera, Ph.D. agreed.", "Good."]),
        ("“It lifted within days.” — Sam, Leeds. Book now.", ["“It lifted within days.” — Sam, Leeds.", "Book now."]),
        ('"It helped." - Jo', ['"It helped." - Jo']),
        ("“It helped.” (Jo, Leeds) Book now.", ["“It helped.” (Jo, Leeds) Book now."]),
        ("He said “it helped.” (He had three sessions.) Then he left.", ["He said “it helped.”", "(He had three sessions.) Then he left."]),
        ("It helped. — Next, the costs.", ["It helped.", "— Next, the costs."]),
    ],
)
def test_split(text, expected):
    assert split(text) == expected


def test_spans_are_trimmed_and_index_the_text():
    text = "  First one.   Second one.  "
    spans = split_sentences(text)
    assert [text[a:b] for a, b in spans] == ["First one.", "Second one."]
    assert spans[0][0] == 2


def test_text_without_an_end_is_one_sentence():
    assert split("Our team is here to help") == ["Our team is here to help"]


def test_a_run_without_sentence_ends_is_cut_into_bounded_pieces_at_spaces():
    text = "word " * 2000
    pieces = split(text)
    assert len(pieces) > 1
    assert all(len(p) <= MAX_SENTENCE_CHARS and not p.startswith(" ") for p in pieces)
    assert " ".join(pieces).split() == text.split()


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="aZ.. e,1(\n", max_size=60), st.integers(min_value=0, max_value=60))
def test_word_before_a_dot_is_what_the_pattern_finds(text, lo):
    from ketalint.document.sentences import _WORD_BEFORE_RE, _word_before

    text += "."
    end = len(text) - 1
    lo = min(lo, end)
    m = _WORD_BEFORE_RE.search(text, lo, end + 1)
    assert _word_before(text, lo, end) == (m.group(1) if m else "")


# The boundary rule read straight from the module docstring, one candidate at a time, with the
# word before a period found by `_WORD_BEFORE_RE`: `split_sentences` must cut exactly where it does.
_PLAIN_END_RE = re.compile(r"(?:\.{3}|…|[.!?])+[\"'”’»)\]]*(?=\s|$)")


def _reference_split(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _PLAIN_END_RE.finditer(text):
        if m.end() - start <= MAX_SENTENCE_CHARS and not _reference_boundary(text, start, m.start(), m.end()):
            continue
        _reference_append(text, start, m.end(), spans)
        start = m.end()
    _reference_append(text, start, len(text), spans)
    return spans


def _reference_append(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > MAX_SENTENCE_CHARS:
        cut = next(
            (i for i in range(start + MAX_SENTENCE_CHARS, start + MAX_SENTENCE_CHARS // 2, -1) if text[i].isspace()),
            start + MAX_SENTENCE_CHARS,
        )
        _reference_append(text, start, cut, spans)
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        spans.append((start, end))


def _reference_boundary(text: str, sent_start: int, term_start: int, term_end: int) -> bool:
    from ketalint.document import sentences as S

    rest = text[term_end:].lstrip()
    if not rest:
        return True
    nxt = rest[0]
    terminator = text[term_start:term_end]
    if terminator[0] == "." and not terminator.startswith("..."):
        lo = max(sent_start, term_start - 40)
        m = S._WORD_BEFORE_RE.search(text, lo, term_start + 1)
        token = m.group(1).lower() if m else ""
        if token:
            if token in ("no", "nos", "p", "pp", "v") and not nxt.isdigit():
                pass
            elif token in S.ABBREVIATIONS or token.rstrip(".") in S.ABBREVIATIONS:
                if token.rstrip(".") not in S._SENTENCE_FINAL_ABBREVIATIONS or not nxt.isupper():
                    return False
            elif len(token) == 1 and token.isalpha() and text[term_start - 1].isupper():
                return False
    if terminator.startswith(("...", "…")) and nxt.islower():
        return False
    if not (nxt.isupper() or nxt.isdigit() or nxt in "\"'“‘«([•*-–—¿¡"):
        return False
    if terminator[-1] in "\"'”’»" and (nxt in "-–—" or re.match(r"\s*\([^)]{0,38}\)", text[term_end:]) and not re.match(r"\s*\([^)]*[.!?]", text[term_end:])):
        return False
    depth = text.count("(", sent_start, term_start) - text.count(")", sent_start, term_start)
    return depth <= 0 or text.find(")", term_start, term_start + 300) < 0


_PIECES = [
    "a", "Z", "É", "ß", "1", " ", " ", "  ", "\n", "\u00a0", ".", ".", "..", "...", "…", "!", "?",
    '"', "'", "”", "’", "»", ")", "]", "(", "“", "¿", "-", "Dr", "dr", "e.g", "U.S", "u.s.a", "No",
    "no", "p", "P", "pp", "v", "J", "approx", "etc", "Inc", "Ph.D", "min", "sept", "st", "word", "clear", "4", "...",
]


_WORDS = sorted(ABBREVIATIONS) + [w.upper() for w in ABBREVIATIONS] + [
    "A", "J", "x", "É", "ß", "4", "12", "3", "7", "word", "Clear", "step", "bestst", "(see", "fig)", "“Yes", "¿Qué",
]
_ENDS = ["", "", ".", ".", ". ", "...", "…", "!", "?", ".”", ".)", "?'", ".]", ",", ".” —", "!' -"]
_GAPS = [" ", " ", "  ", "\n", "\u00a0", ""]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40))
def test_split_cuts_where_the_plain_rule_does(pieces):
    text = "".join(pieces)
    assert split_sentences(text) == _reference_split(text)


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_WORDS), st.sampled_from(_ENDS), st.sampled_from(_GAPS)), max_size=25))
def test_split_of_word_runs_cuts_where_the_plain_rule_does(words):
    text = "".join(w + e + g for w, e, g in words)
    assert split_sentences(text) == _reference_split(text)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(_PIECES + ["word word word "] * 8), min_size=300, max_size=900))
def test_split_of_long_runs_cuts_where_the_plain_rule_does(pieces):
    text = "".join(pieces)
    assert split_sentences(text) == _reference_split(text)


@pytest.mark.parametrize("abbreviation", sorted(ABBREVIATIONS | {a.rstrip(".") for a in ABBREVIATIONS}))
def test_split_after_each_abbreviation_cuts_where_the_plain_rule_does(abbreviation):
    for word in (abbreviation, abbreviation.upper(), abbreviation.title(), "x" + abbreviation, "(" + abbreviation):
        for nxt in ("Then", "4 more", "(see", "“Yes", "then"):
            text = f"We saw {word}. {nxt} it. Done."
            assert split_sentences(text) == _reference_split(text), text


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="a. \n\"'”’»)]\u00a0Z", max_size=50))
def test_the_period_only_pattern_finds_the_ends_the_general_one_does(text):
    from ketalint.document.sentences import _END_RE, _PERIOD_END_RE

    def ends(pattern):
        return [(m.span(), m[1]) for m in pattern.finditer(text)]

    assert ends(_PERIOD_END_RE) == ends(_END_RE)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Super rare, honestly 💯 Drop us a question!", ["Super rare, honestly 💯", "Drop us a question!"]),
        ("ZERO chance ❌ It's just not that kind of drug.", ["ZERO chance ❌", "It's just not that kind of drug."]),
        ("Great 👍🏽 Thanks 🙏", ["Great 👍🏽", "Thanks 🙏"]),
        ("Book now! 🎉 We open at 9.", ["Book now! 🎉", "We open at 9."]),
        # an arrow joins its two halves; a pictograph before lower case or opening a line ends nothing
        ("One infusion ➡️ Months of relief ✨", ["One infusion ➡️ Months of relief ✨"]),
        ("Feeling floaty 🌀 is normal.", ["Feeling floaty 🌀 is normal."]),
        ("✓ Yes (IV ketamine)", ["✓ Yes (IV ketamine)"]),
    ],
)
def test_a_pictograph_before_a_capital_ends_a_sentence(text, expected):
    assert split(text) == expected
