"""Regrouped alternations must match what the pattern matches, where it matches, with its groups."""

from __future__ import annotations

import re
from pathlib import Path

import _sre
from hypothesis import given, settings
from hypothesis import strategies as st

from ketalint import alternation, startset
from ketalint.alternation import factor
from ketalint.api import load_rules
from ketalint.config import Config
from ketalint.foldregex import _build_program
from ketalint.lazyregex import _from_program, interned
from ketalint.sre import compiler, constants, parser

PATTERNS = [
    r"(?:reduces|relieves|eases)\s+pain",
    r"\b(?:reduc(?:es|ed)|relieves?|eases)\b\s+(?:the\s+)?(?:pain|panic)|\b(?:reduction|relief)\s+of\b",
    r"(?:ab|a)(?:c|bc)|abd",  # the first alternative that matches wins, not the longest
    r"(?P<verb>rais|reduc)(?:es|ed)\s+(?P<what>bdnf|gaba)|(?P<noun>rise|reduction)\s+in",
    r"(?:|un)(?:safe|sure)\b",  # an empty branch
    r"(\w+)\s+(?:\1|again)",  # a back-reference after the alternation
    r"(?:(?:no|never)\s+(?:longer|more)|not\s+any\s+more)(?!\w)",
    r"(?:a|b)*(?:ac|bc)c",
    r"(?<=\bin\s)(?:rats|mice)|(?:rats|mice)(?=\s+only)",
    r"x(?i:ab|ac)|xa(?:d|e)",  # a group that ignores case is left alone
    r"^(?:one|two|twenty)(?:\s+(?:one|two))?$",
    r"(?:(?P<how>very|really)\s+)?(?:well|wonders)|(?:no\s+)??(?P<what>longer|more)\b",  # optional openings
    r"(?:a(?:b|c)?)?(?:bc|c)|(?:x*)?y",
]
TEXT = st.lists(
    st.sampled_from(["reduces", "relieves", "eases", "reduced", "pain", "panic", "the", "relief", "of", "reduction",
                     "abc", "abd", "ac", "abbc", "raises", "bdnf", "rise", "in", "unsafe", "safe", "unsure", "word",
                     "again", "no", "never", "longer", "more", "not", "any", "rats", "mice", "only", "xab", "xAC", "xad",
                     "one", "two", "twenty", "aabcc", "bacc", "very", "really", "well", "wonders", "ab", "abc", "xy", "y", "\n"]),
    max_size=10,
).map(" ".join)


def _compiled(pattern: str, flags: int, factored: bool) -> re.Pattern:
    parsed = parser.parse(pattern, flags)
    if factored:
        factor(parsed, flags)
    code = compiler._code(parsed, flags)
    index = [None] * parsed.state.groups
    for name, number in parsed.state.groupdict.items():
        index[number] = name
    return _sre.compile(pattern, flags | parsed.state.flags, code, parsed.state.groups - 1,
                        dict(parsed.state.groupdict), tuple(index))


def _matches(regex: re.Pattern, text: str) -> list:
    return [(m.regs, m.lastindex) for m in regex.finditer(text)]


@settings(max_examples=200, deadline=None)
@given(text=TEXT)
def test_factored_programs_match_as_re_does(text):
    for pattern in PATTERNS:
        expected = _matches(re.compile(pattern), text)
        assert _matches(_compiled(pattern, 0, True), text) == expected, pattern


def test_alternatives_open_on_their_first_characters():
    parsed = parser.parse(r"(?:reduces|relieves|eases)\s+pain|lessens", 0)
    factor(parsed)
    (op, (_, branches)), = parsed.data
    assert op is constants.BRANCH
    firsts = [branch.data[0] for branch in branches]
    assert firsts == [(constants.LITERAL, ord("r")), (constants.LITERAL, ord("e")), (constants.LITERAL, ord("l"))]


def test_a_long_tail_is_not_copied(monkeypatch):
    monkeypatch.setattr(alternation, "_MAX_COPIED", 2)
    parsed = parser.parse(r"(?:reduces|eases)\s+the\s+pain|lessens", 0)
    factor(parsed)
    (_, (_, branches)), = parsed.data
    assert branches[0].data[0][0] is constants.BRANCH  # left opening on its alternation


def test_case_insensitive_programs_are_left_alone():
    parsed = parser.parse(r"(?:reduces|relieves)\s+pain|eases", re.IGNORECASE)
    before = repr(parsed.data)
    factor(parsed, re.IGNORECASE)
    assert repr(parsed.data) == before


def test_the_default_pack_matches_alike_on_its_own_examples(monkeypatch):
    """Every folded program of the default pack, factored and not, over the lower-cased
    examples of every rule: the phrasings the patterns were written for. (That the folded
    programs match as their patterns do is `test_foldregex`'s.)"""
    rules = load_rules(Config(root=Path(".")))
    # One text, the examples joined by the separator a document's stream has between sentences,
    # which the folded programs (bounded to one sentence) do not match across.
    text = "\x00".join(sorted({t.lower() for rule in rules for t in (*rule.spec.flag_examples, *rule.spec.pass_examples)}))
    patterns = [p for p in interned() if p.flags & re.IGNORECASE]
    factored = [_build_program(p.pattern, p.flags, ascii=True) for p in patterns]
    monkeypatch.setattr(startset, "factor", lambda parsed, flags: None)
    compared = changed = 0
    for regex, program in zip(patterns, factored):
        if program is None:
            continue
        compared += 1
        pattern = regex.pattern
        plain = _build_program(pattern, regex.flags, ascii=True)
        assert program[0] == plain[0] and program[2:] == plain[2:]
        if program[1] != plain[1]:  # the same code matches alike
            changed += 1
            assert _matches(_from_program(pattern, program), text) == _matches(_from_program(pattern, plain), text), pattern[:80]
    assert compared > 300 and changed > 100


def _spans(regex: re.Pattern, text: str) -> list[tuple[int, int]]:
    return [m.span() for m in regex.finditer(text)]
