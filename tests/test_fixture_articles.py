"""Whole articles through the default pack: careful copy stays clean, planted claims are found.

The probe sentences test one claim at a time; these articles test the same rules inside real
structure (headings, bullets, bold labels, quotes, claims broken across lines) in Markdown and
plain text, where sentence splitting and clause boundaries can hide or invent a finding.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest
import yaml

from ketalint.document import parse
from ketalint.engine import check_document
from ketalint.packs import default_pack_dir, load_packs

HERE = Path(__file__).parent / "fixtures" / "articles"
EXPECTED = yaml.safe_load((HERE / "expected.yaml").read_text(encoding="utf-8"))
RULES = [(rule, rule.spec.severity) for rule in load_packs([default_pack_dir()])]


@cache
def findings_of(name: str):
    path = HERE / name
    return check_document(parse(str(path), path.read_text(encoding="utf-8")), RULES)


def span_of(text: str, quote: str) -> tuple[int, int]:
    pattern = r"\s+".join(re.escape(word) for word in quote.split())
    m = re.search(pattern, text)
    assert m, f"quote not in article: {quote!r}"
    return m.start(), m.end()


@pytest.mark.parametrize("name", EXPECTED["careful"])
def test_careful_article_draws_no_finding(name):
    assert [(f.location.line, f.rule, f.match) for f in findings_of(name)] == []


def _planted():
    for name, items in EXPECTED["problems"].items():
        for item in items:
            yield pytest.param(name, item["category"], item["quote"], id=f"{name}:{item['quote'][:30]}")


@pytest.mark.parametrize(("name", "category", "quote"), list(_planted()))
def test_planted_claim_is_reported_in_its_category(name, category, quote):
    text = (HERE / name).read_text(encoding="utf-8")
    start, end = span_of(text, quote)
    assert any(f.category == category and f.start < end and start < f.end for f in findings_of(name)), (
        f"{name}: no {category} finding over {quote!r}"
    )
