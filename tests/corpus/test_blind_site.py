"""A clinic site written from the fact base alone, with contradictions planted across articles
(tests/fixtures/blind_site, pairs.yaml): each planted pair must be linked by a cross-article
finding, unless it is a listed known miss, and the pairs that agree must not be."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from corpus_support import check

SITE = Path(__file__).resolve().parent.parent / "fixtures" / "blind_site"
PAIRS = yaml.safe_load((SITE / "pairs.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def findings(tmp_path_factory):
    root = tmp_path_factory.mktemp("blind") / "site"
    shutil.copytree(SITE, root, ignore=shutil.ignore_patterns("*.yaml"))
    return check(root).findings


def _lines(side: dict) -> tuple[str, int, int]:
    """(file, first line, last line) of a side's text; an FAQ side is "question / answer"."""
    text = (SITE / side["file"]).read_text(encoding="utf-8")
    spans = []
    for part in side["text"].split(" / "):
        at = text.index(part)
        spans.append((text.count("\n", 0, at) + 1, text.count("\n", 0, at + len(part)) + 1))
    return side["file"], min(a for a, _ in spans), max(b for _, b in spans)


def _at(path: str, line: int, end_line: int, side: tuple[str, int, int]) -> bool:
    name, first, last = side
    return Path(path).name == name and line <= last and end_line >= first


def _links(findings, pair: dict) -> bool:
    """Some finding sits on one side of the pair and names the other in `related`."""
    a, b = _lines(pair["a"]), _lines(pair["b"])
    for f in findings:
        here = f.location
        for this, other in ((a, b), (b, a)):
            if _at(here.path, here.line, here.end_line, this) and any(_at(r.path, r.line, r.end_line, other) for r in f.related):
                return True
    return False


def _name(pair: dict) -> str:
    return f"axis {pair['axis']}: {pair['a']['text'][:50]}"


@pytest.mark.parametrize("pair", PAIRS["conflicts"], ids=_name)
def test_a_planted_contradiction_is_linked(findings, pair):
    expected = pair["a"]["text"] not in PAIRS["known_misses"]
    assert _links(findings, pair) is expected, "linked" if not expected else "not linked"


@pytest.mark.parametrize("pair", PAIRS["non_conflicts"], ids=_name)
def test_statements_that_agree_are_not_linked(findings, pair):
    assert not _links(findings, pair)


def test_every_cross_article_finding_is_on_a_planted_pair(findings):
    planted = PAIRS["conflicts"]
    stray = [f for f in findings if not any(_links([f], pair) for pair in planted)]
    assert stray == []


def test_the_known_misses_are_planted_sides():
    sides = {pair["a"]["text"] for pair in PAIRS["conflicts"]}
    assert set(PAIRS["known_misses"]) <= sides
