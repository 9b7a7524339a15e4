from __future__ import annotations

import re

import pytest

from ketalint import lazyregex
from ketalint.lazyregex import LazyPattern, eager, export_program, lazy, seed_program


@pytest.fixture(autouse=True)
def fresh_pattern_store(monkeypatch):
    """Patterns made here (some deliberately broken) must not leak into the shared store."""
    monkeypatch.setattr(lazyregex, "_INTERNED", {})


def test_patterns_compile_on_first_use_and_are_shared():
    pattern = lazy(r"\bunique-lazy-test-(\d+)\b", re.IGNORECASE)
    assert pattern._compiled is None
    assert lazy(r"\bunique-lazy-test-(\d+)\b", re.IGNORECASE) is pattern
    assert pattern.search("a UNIQUE-LAZY-TEST-42 b").group(1) == "42"
    assert pattern._compiled is not None


def test_eager_block_reports_bad_patterns_at_once_and_keeps_none():
    with pytest.raises(re.error):
        with eager():
            lazy(r"(unclosed-eager-test")
    assert (r"(unclosed-eager-test", 0) not in lazyregex._INTERNED
    bad = lazy(r"(unclosed-lazy-test")
    with pytest.raises(re.error):
        bad.search("x")


def test_a_stored_program_builds_an_equivalent_pattern():
    source = r"(?P<n>\d+)\s+(?:billion|million)\s+neurons?\b|\bBDNF\b"
    original = LazyPattern(source, re.IGNORECASE)
    program = export_program(original)
    assert program is not None
    seed_program(source, re.IGNORECASE | re.ASCII, program)  # a key nobody else uses
    rebuilt = lazy(source, re.IGNORECASE | re.ASCII)
    text = "The brain has 86 Billion neurons; bdnf is a protein."
    assert [m.span() for m in rebuilt.finditer(text)] == [m.span() for m in re.finditer(source, text, re.I)]
    assert rebuilt.search(text).group("n") == "86"


def test_a_broken_program_falls_back_to_compiling():
    source = r"\bfallback-program-test\b"
    seed_program(source, 0, (0, [1, 2, 3], 0, {}))
    assert lazy(source).search("x fallback-program-test y")


def test_an_eagerly_compiled_pattern_keeps_its_program_and_matches_as_re_does():
    source = r"(?P<word>eager-keeps-\w+)\s+(\d+)"
    with eager():
        pattern = lazy(source, re.IGNORECASE)
    assert pattern.program is not None and export_program(pattern) is pattern.program
    text = "EAGER-keeps-Program 42 and eager-keeps-x 7"
    expected = [(m.span(), m.groups(), m.groupdict()) for m in re.finditer(source, text, re.IGNORECASE)]
    assert [(m.span(), m.groups(), m.groupdict()) for m in pattern.finditer(text)] == expected
    assert pattern.compiled().flags == re.compile(source, re.IGNORECASE).flags


def test_an_eager_pattern_that_does_not_compile_raises_re_own_error():
    with pytest.raises(re.error) as info, eager():
        lazy(r"eager-(unclosed")
    with pytest.raises(re.error) as direct:
        re.compile(r"eager-(unclosed")
    assert str(info.value) == str(direct.value)
