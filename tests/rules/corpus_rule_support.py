"""Running one corpus rule over a few short articles, as the corpus pass would."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from ketalint.document import parse
from ketalint.packs import default_pack_dir, load_packs, parse_pack


@lru_cache(maxsize=None)
def _shipped():
    return {rule.id: rule for rule in load_packs([default_pack_dir()])}


def shipped(rule_id: str):
    return _shipped()[rule_id]


def custom(yaml_text: str):
    (rule,) = parse_pack(yaml_text, "test.yaml", "t")
    return rule


def conflicts(rule, articles: dict[str, str]) -> list:
    """The rule's conflicts over articles {name: text} (format from the name), with the
    statements their sentence pairs make, as a run extracts them."""
    statements = [s for name, text in articles.items() for s in rule.impl.statements(parse(name, text))]
    return list(rule.impl.conflicts(statements))


def located(rule, articles: dict[str, str]) -> set[tuple[str, str, tuple[str, ...]]]:
    """(file, match, related files) of each conflict."""
    return {(c.statement.path, c.statement.match, tuple(sorted({t.path for t in c.counter}))) for c in conflicts(rule, articles)}


def pack_line(path: Path, needle: str) -> int:
    return next(i for i, line in enumerate(path.read_text().splitlines(), 1) if needle in line)
