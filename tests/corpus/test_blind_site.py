"""Clinic sites written from the fact base alone, with contradictions planted across articles
(tests/fixtures/blind_sites/*/pairs.yaml): each planted pair must be linked by a cross-article
finding, unless it is a listed known miss, and the pairs that agree must not be. The whole
pack, per article, reports every unsupported side and no sound planted sentence."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from corpus_support import check

SITES = sorted((Path(__file__).resolve().parent.parent / "fixtures" / "blind_sites").iterdir())
PAIRS = {site.name: yaml.safe_load((site / "pairs.yaml").read_text(encoding="utf-8")) for site in SITES}


@pytest.fixture(scope="module")
def findings(tmp_path_factory):
    """Each site's findings, by site name."""
    out = {}
    for site in SITES:
        root = tmp_path_factory.mktemp(site.name) / "site"
        shutil.copytree(site, root, ignore=shutil.ignore_patterns("*.yaml"))
        out[site.name] = check(root).findings
    return out


@pytest.fixture(scope="module")
def per_article(tmp_path_factory):
    """Each site's per-article findings (not cross-article, not missing sections), by site name."""
    out = {}
    for site in SITES:
        root = tmp_path_factory.mktemp(site.name + "-all") / "site"
        shutil.copytree(site, root, ignore=shutil.ignore_patterns("*.yaml"))
        found = check(root, select=()).findings
        out[site.name] = [f for f in found if not f.rule.startswith(("contradiction.", "consistency.", "safety."))]
    return out


def _text(site: str, name: str) -> str:
    return (Path(SITES[0].parent) / site / name).read_text(encoding="utf-8")


def _span(site: str, side: dict) -> tuple[str, int, int]:
    """(file, start, end) of a side's text; an FAQ side is "question / answer"."""
    text = _text(site, side["file"])
    parts = side["text"].split(" / ")
    start = text.index(parts[0])
    return side["file"], start, text.index(parts[-1], start) + len(parts[-1])


def _offset(site: str, path: str, line: int, column: int) -> int:
    text = _text(site, Path(path).name)
    starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
    return starts[line - 1] + column - 1


def _on(site: str, place, side: tuple[str, int, int]) -> bool:
    name, start, end = side
    if Path(place.path).name != name:
        return False
    return _offset(site, place.path, place.line, place.column) < end and start < _offset(site, place.path, place.end_line, place.end_column)


def _links(site: str, findings, pair: dict) -> bool:
    """Some finding sits on one side of the pair and names the other in `related`. The sound side
    may be any of the sentences listed with it (`b_also`: others of the site that say the same,
    which a finding may name instead when more than a few do)."""
    a = _span(site, pair["a"])
    sound = [_span(site, side) for side in (pair["b"], *pair.get("b_also", ()))]
    return any(
        (_on(site, f.location, a) and any(_on(site, r, b) for r in f.related for b in sound))
        or (any(_on(site, f.location, b) for b in sound) and any(_on(site, r, a) for r in f.related))
        for f in findings
    )


def _cases(kind: str):
    return [
        pytest.param(site, pair, id=f"{site}: axis {pair['axis']}: {pair['a']['text'][:40]}")
        for site, pairs in PAIRS.items()
        for pair in pairs[kind]
    ]


@pytest.mark.parametrize(("site", "pair"), _cases("conflicts"))
def test_a_planted_contradiction_is_linked(findings, site, pair):
    expected = pair["a"]["text"] not in PAIRS[site]["known_misses"]
    assert _links(site, findings[site], pair) is expected, "linked" if not expected else "not linked"


@pytest.mark.parametrize(("site", "pair"), _cases("non_conflicts"))
def test_statements_that_agree_are_not_linked(findings, site, pair):
    assert not _links(site, findings[site], pair)


@pytest.mark.parametrize("site", PAIRS)
def test_every_cross_article_finding_is_on_a_planted_pair(findings, site):
    planted = PAIRS[site]["conflicts"]
    stray = [f for f in findings[site] if not any(_links(site, [f], pair) for pair in planted)]
    assert stray == []


@pytest.mark.parametrize("site", PAIRS)
def test_the_known_misses_are_planted_sides(site):
    sides = {pair["a"]["text"] for pair in PAIRS[site]["conflicts"]}
    assert set(PAIRS[site]["known_misses"]) <= sides


def _sides(site: str, unsupported: bool) -> list[dict]:
    pairs = PAIRS[site]
    wrong = {pair["a"]["text"]: pair["a"] for pair in pairs["conflicts"]}
    if unsupported:
        return list(wrong.values())
    sound = {side["text"]: side for pair in pairs["conflicts"] for side in (pair["b"], *pair.get("b_also", ()))}
    sound.update({side["text"]: side for pair in pairs["non_conflicts"] for side in (pair["a"], pair["b"])})
    return [side for text, side in sound.items() if text not in wrong]


@pytest.mark.parametrize("site", PAIRS)
def test_every_unsupported_side_draws_a_per_article_finding(per_article, site):
    """Unless listed in `per_article_misses`; a listed one that starts to be reported fails too."""
    missed = [side["text"] for side in _sides(site, True)
              if not any(_on(site, f.location, _span(site, side)) for f in per_article[site])]
    assert sorted(missed) == sorted(PAIRS[site].get("per_article_misses", ()))


@pytest.mark.parametrize("site", PAIRS)
def test_no_sound_planted_sentence_draws_a_per_article_finding(per_article, site):
    accepted = {(item["text"], item["rule"]) for item in PAIRS[site].get("accepted_reports", ())}
    reported = [(side["text"], f.rule) for side in _sides(site, False)
                for f in per_article[site] if _on(site, f.location, _span(site, side))]
    assert [r for r in reported if r not in accepted] == []


@pytest.mark.parametrize("site", PAIRS)
def test_an_accepted_report_is_still_made(per_article, site):
    """A listed report that stops being made is taken off the list, so the list stays true."""
    for item in PAIRS[site].get("accepted_reports", ()):
        side = next(s for s in _sides(site, False) if s["text"] == item["text"])
        assert any(f.rule == item["rule"] and _on(site, f.location, _span(site, side)) for f in per_article[site])
