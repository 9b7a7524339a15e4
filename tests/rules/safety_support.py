"""Helpers shared by the tests of the section and structure rule types."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from ketalint.document import parse
from ketalint.engine import check_document
from ketalint.packs import default_pack_dir, load_packs, parse_pack

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "safety"
FORMATS = ("md", "html", "txt")


@lru_cache(maxsize=None)
def _default_rules():
    return {rule.id: rule for rule in load_packs([default_pack_dir()])}


def pack_rule(rule_id: str):
    """A rule of the default pack, as shipped."""
    return _default_rules()[rule_id]


def custom_rule(yaml_text: str):
    """The single rule of a small pack written in the test."""
    (rule,) = parse_pack(yaml_text, "test.yaml", "t")
    return rule


def fixture(name: str):
    path = FIXTURES / name
    return parse(str(path), path.read_text(encoding="utf-8"))


def text_doc(text: str, fmt: str = "text"):
    ext = {"text": "txt", "markdown": "md", "html": "html"}[fmt]
    return parse(f"doc.{ext}", text, fmt)


def findings(doc, rule):
    """Findings of one rule on one document, as the engine makes them (suppressions applied)."""
    return check_document(doc, [(rule, rule.spec.severity)])


def covered_text(doc, finding) -> str:
    return doc.text[finding.start:finding.end]
