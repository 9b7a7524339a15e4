"""A folded pattern over lower-cased text must match exactly where the original matches."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ketalint.api import load_rules
from ketalint.config import Config
from ketalint.foldregex import ascii_classes, fold, foldable
from ketalint.lazyregex import interned

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from sitegen import render  # noqa: E402


def _spans(pattern: re.Pattern, text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


@pytest.mark.parametrize(
    ("pattern", "text"),
    [
        (r"\bBDNF\b", "Levels of bdnf, BDNF and Bdnf rise; xBDNF does not count."),
        (r"[A-Z]{2,}\d", "Codes: ab1, AB2, aB3, a4."),
        (r"\b([a-z]+)\s+\1\b", "It is is fine. The THE end. Not no."),
        (r"[^A-Z]+", "abc DEF 123"),
        (r"(?<![\w'])(?:no\s+longer|never)(?![\w'])", "It NEVER works, and no Longer hurts; nevermore."),
    ],
)
def test_folded_pattern_matches_where_the_original_does(pattern, text):
    original = re.compile(pattern, re.IGNORECASE)
    folded = fold(pattern, re.IGNORECASE)
    assert folded is not None
    assert _spans(original, text) == _spans(folded, text.lower())
    assert _spans(original, text)  # every case above has matches


def test_patterns_that_change_case_rules_inside_are_not_folded():
    assert fold(r"ab(?-i:C)", re.IGNORECASE) is None
    assert fold(r"(?a)\bfoo", re.IGNORECASE) is None
    assert fold(r"ab(?u:\w+)", re.IGNORECASE) is None  # its classes would escape the ASCII twin's
    assert fold(r"foo", 0) is None


def test_texts_where_lower_is_not_enough_are_not_foldable():
    assert foldable("plain text", "plain text")
    assert foldable("caf\u00e9 \u2014 ok", "caf\u00e9 \u2014 ok")
    # The long s matches "s" under IGNORECASE but stays itself under lower().
    assert not foldable("\u017ftop", "\u017ftop")
    # A dotted capital I lower-cases to two characters: offsets would move.
    assert not foldable("\u0130stanbul", "\u0130stanbul".lower())
    # A capital sigma lower-cases to "ς" or "σ" by what follows it.
    assert not foldable("\u039f\u0394\u039f\u03a3", "\u039f\u0394\u039f\u03a3".lower())


def test_patterns_spelling_characters_lower_is_not_enough_for_are_not_folded():
    for pattern, text in [("pa\u017fs", "PASS"), ("\u03d0eta", "\u0392ETA"), ("foo\u0345", "FOO\u0399"),
                          ("[\u03b1-\u03c9]+", "\u03a3\u039f\u03a6\u0399\u0391")]:
        assert re.search(pattern, text, re.IGNORECASE)
        assert fold(pattern, re.IGNORECASE) is None
    assert fold("caf\u00e9", re.IGNORECASE) is not None


def _default_patterns() -> list:
    load_rules(Config(root=Path(".")))
    return [p for p in interned() if p.flags & re.IGNORECASE]


def _generated_texts(count: int = 12) -> list[str]:
    """Openings of generated articles (some default patterns are slow on whole articles)."""
    return [render(i)[1][:1500] for i in range(count)]


def test_every_default_pattern_folds_soundly_on_generated_articles():
    patterns = _default_patterns()
    texts = _generated_texts()
    texts += [t.upper() for t in texts[:3]] + [t.swapcase() for t in texts[3:6]]
    assert all(ascii_classes(text.lower()) for text in texts)
    folded_count = 0
    for pattern in patterns:
        folded = fold(pattern.pattern, pattern.flags)
        with_ascii_classes = fold(pattern.pattern, pattern.flags, ascii=True)
        assert (folded is None) == (with_ascii_classes is None)
        if folded is None:
            continue
        folded_count += 1
        assert with_ascii_classes.flags & re.ASCII and not folded.flags & re.ASCII
        for text in texts:
            expected = _spans(pattern, text)
            assert expected == _spans(folded, text.lower()), pattern.pattern[:80]
            assert expected == _spans(with_ascii_classes, text.lower()), pattern.pattern[:80]
    assert folded_count > 0.9 * len(patterns)


@pytest.mark.parametrize(
    ("text", "alike"),
    [
        ("plain ascii text, 42 words.", True),
        ("a dash \u2014 an ellipsis\u2026 a bullet \u2022 and \u00ae", True),
        ("caf\u00e9", False),  # a letter to Unicode, not to ASCII
        ("em\u2003space", False),  # whitespace to Unicode only
        ("\u0663 doses", False),  # an Arabic-Indic digit
        ("field\x1cseparator", False),  # ASCII, but whitespace to Unicode only
        ("", True),
    ],
)
def test_ascii_classes_tells_texts_both_twins_read_alike(text, alike):
    assert ascii_classes(text) is alike


@pytest.mark.parametrize(
    ("pattern", "text"),
    [
        (r"\bcaf\w*", "cafe caf\u00e9s"),
        (r"\bdoses\s+of\b", "doses\u2003of"),
        (r"\d+\s*mg", "\u0663 mg and 3 mg"),
        (r"rest\s+here", "rest\x1chere"),
    ],
)
def test_the_ascii_twin_differs_on_texts_ascii_classes_rejects(pattern, text):
    """Why the check is needed: on each of these texts the two twins disagree."""
    assert not ascii_classes(text)
    unicode_twin, ascii_twin = fold(pattern, re.IGNORECASE), fold(pattern, re.IGNORECASE, ascii=True)
    assert _spans(unicode_twin, text) == _spans(re.compile(pattern, re.IGNORECASE), text)
    assert _spans(ascii_twin, text) != _spans(unicode_twin, text)


cased_words = st.sampled_from(
    ["Ketamine", "KETAMINE", "may", "MAY", "Help", "not", "NOT", "permanently", "Rewires", "BDNF",
     "glutamate", "Glutamate", "is", "a", "cure", "Café", "naïve", "-", "\u2014", ",", "'s", "don't", "DON'T"]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(cased_words, min_size=1, max_size=30))
def test_folding_agrees_on_mixed_case_word_soup(words):
    text = " ".join(words)
    lowered = text.lower()
    for pattern in _SAMPLE:
        expected = _spans(pattern, text)
        assert expected == _spans(fold(pattern.pattern, pattern.flags), lowered)
        if ascii_classes(lowered):
            assert expected == _spans(fold(pattern.pattern, pattern.flags, ascii=True), lowered)


_SAMPLE = [
    re.compile(r"(?<![\w'])(?:not|don't|never)(?![\w'])", re.I),
    re.compile(r"\bpermanently\s+rewires?\b", re.I),
    re.compile(r"\b(?:may|might)\s+(?:\w+\s+){0,2}help\b", re.I),
    re.compile(r"\b(\w+)\s+\1\b", re.I),
    re.compile(r"[A-Z][a-z]+", re.I),
]
