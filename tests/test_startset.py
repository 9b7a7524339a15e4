"""A program with a first-character set must match exactly where `re.compile` matches."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ketalint.sre import constants, parser
from ketalint.startset import _IGNORECASE_TWINS, compile_pattern, program

PATTERNS = [
    r"\b(?:increases?|boosts?|raises?)\b",
    r"(?<![\w'])(?:no\s+longer|never)(?![\w'])",
    r"\b(?i:lorem\s+ipsum)\b|\[\s*(?i:insert|your)[^\]\n]{0,40}\]|\bXX+\s*(?:%|percent)|\{\{[^}\n]{0,40}\}\}|\b(?:TODO|TBD)\b",
    r"(?:\s*\(x\))?\s+is\b",
    r"(?P<term>\bbdnf\b|\bgaba\b)(?!\s*receptors?)\s+is\s+(?:an?\s+)?(?P<kind>\w+)",
    r"\b\d{1,3}(?:,\d{3})+|\b\w+ing\b",
    r"(?i:k)elvin|(?i:s)ign|(?i:i)nk",
    r"(?:a|b)?c+",
    r"x*(?:y|z)",
    r"(?<!-)\b(?:bdnf|gaba)\b|(?<=s\s)(?:(?<=ks\s)|(?<=is\s))\b(?:a\s+)?protein",
    r"(?<![\w-])(?=[a-z])\b(?:never|no)\b(?!\s*longer)",
    r"(?:(?<=x)\B|\b(?<!k))ccc|^(?<=)\bxx",
]
TEXT = st.text(alphabet="abcikskyxzXIK \u212a\u0130\u0131\u017f()[]{}%,'-0123456789\n", max_size=60)
WORDS = st.lists(
    st.sampled_from(["bdnf", "BDNF", "is", "a", "protein", "never", "no longer", "Lorem ipsum", "[Insert", "stat]",
                     "XXX %", "{{x}}", "TODO", "increases", "ks protein", "is a protein", "-gaba", "xccc", "kccc", "Kelvin", "\u212aelvin", "\u017fign", "\u0130nk", "(x)", "1,000", "ccc", "xxy"]),
    max_size=12,
).map(" ".join)


def _spans(regex, text: str) -> list[tuple[int, int]]:
    return [m.span() for m in regex.finditer(text)]


@settings(max_examples=150, deadline=None)
@given(text=st.one_of(TEXT, WORDS))
def test_programs_with_a_start_set_match_where_re_does(text):
    for pattern in PATTERNS:
        for flags in (0, re.IGNORECASE):
            fast = compile_pattern(pattern, flags)
            assert fast is not None
            assert _spans(fast, text) == _spans(re.compile(pattern, flags), text), (pattern, flags)


def test_boundaries_move_ahead_of_the_lookarounds_beside_them():
    parsed = parser.parse(r"(?:(?<!-)(?<=s\s)\b(?:never|no)|(?<=x)(?=y)$z)", 0)
    first, second = parsed.data[0][1][1]
    program(parsed, 0)
    assert [op for op, _ in first.data[:3]] == [constants.AT, constants.ASSERT_NOT, constants.ASSERT]
    assert [op for op, _ in second.data[:3]] == [constants.AT, constants.ASSERT, constants.ASSERT]


def test_groups_and_names_are_those_of_the_pattern():
    fast = compile_pattern(PATTERNS[4], re.IGNORECASE)
    m = fast.search("Levels rise: BDNF is a protein.")
    assert m.group("term") == "BDNF" and m.group("kind") == "protein"
    assert fast.groupindex == re.compile(PATTERNS[4]).groupindex


def _info_mask(pattern: str, flags: int = 0) -> int:
    code = program(parser.parse(pattern, flags), flags)
    assert code[0] == constants.INFO
    return code[2]


def test_patterns_that_start_after_a_boundary_get_a_start_set():
    assert _info_mask(r"\b(?:increases?|boosts?)\b") == constants.SRE_INFO_CHARSET
    assert _info_mask(r"(?<!side\s)(?:relief|benefits?)") == constants.SRE_INFO_CHARSET


def test_patterns_with_unknown_first_characters_get_none():
    assert _info_mask(r".foo") == 0
    assert _info_mask(r"[^a]foo") == 0
    assert _info_mask(r"(?:x|.)y") == 0
    assert _info_mask(r"(\w)\1|x") == constants.SRE_INFO_CHARSET  # a word character or x
    assert _info_mask(r"(?i:\u00e9)t") == 0  # IGNORECASE outside ASCII is not worked out


def test_ascii_twins_are_every_character_ignorecase_matches():
    everything = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)
    for code in range(128):
        ch = chr(code)
        matched = set(re.findall(re.escape(ch), everything, re.IGNORECASE)) - {ch}
        assert matched == set(_IGNORECASE_TWINS[ch]), repr(ch)


@pytest.mark.parametrize("text", ["\u212aelvin and kelvin", "\u017fign, sign", "\u0130nk ink \u0131nk"])
def test_case_insensitive_starts_include_characters_beyond_ascii(text):
    pattern = PATTERNS[6]
    assert _spans(compile_pattern(pattern, 0), text) == _spans(re.compile(pattern), text)
