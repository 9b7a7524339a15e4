"""The default rule pack, tested from its own files: every rule's examples, plus pack hygiene.

The examples live next to the rules they test, so adding a rule adds its tests. The hygiene
checks hold the pack to the issue's bar: ids unique and prefixed by their pack, at least one flag
and one pass example per rule, sources on every factual rule, and the fact base's "Don't flag"
statements passing every rule.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from ketalint.examples import example_hits
from ketalint.packs import default_pack_dir, load_packs, pack_files

RULES = load_packs([default_pack_dir()])
DONT_FLAG = yaml.safe_load((Path(__file__).parent / "data" / "dont_flag.yaml").read_text(encoding="utf-8"))
REGEX_OPTIONS = ("patterns", "subject", "predicate", "exceptions")


def _cases(kind: str):
    attr = "flag_examples" if kind == "flag" else "pass_examples"
    for rule in RULES:
        for i, text in enumerate(getattr(rule.spec, attr)):
            yield pytest.param(rule, text, id=f"{rule.id}-{kind}{i}")


@pytest.mark.parametrize(("rule", "text"), list(_cases("flag")))
def test_flag_example_is_reported(rule, text):
    assert example_hits(rule, text), f"{rule.id} missed: {text!r}"


@pytest.mark.parametrize(("rule", "text"), list(_cases("pass")))
def test_pass_example_is_not_reported(rule, text):
    assert not example_hits(rule, text), f"{rule.id} wrongly flagged: {text!r}"


def test_every_category_pack_is_present():
    packs = {rule.spec.pack for rule in RULES}
    assert {"overclaim", "factual", "unhedged", "style"} <= packs


CONTRADICTION_EXAMPLES = [
    pytest.param(rule, text, id=f"{rule.id}-{i}")
    for rule in RULES
    if rule.spec.type == "contradiction"
    for i, text in enumerate(rule.spec.flag_examples + rule.spec.pass_examples)
]


@pytest.mark.parametrize(("rule", "text"), CONTRADICTION_EXAMPLES)
def test_no_wording_is_on_two_poles_of_an_axis(rule, text):
    """A pole's pattern that also matches inside the other pole's wording ("addictive" in
    "non-addictive") makes one statement contradict itself and draws a second report on it."""
    from ketalint.document import parse

    poles_at: dict[tuple[int, int], set[str]] = {}
    for statement in rule.impl.extract(parse("example.md", text)):
        poles_at.setdefault((statement.start, statement.end), set()).add(statement.side)
    assert all(len(poles) == 1 for poles in poles_at.values()), poles_at


def test_rule_ids_are_unique():
    ids = [rule.id for rule in RULES]
    assert len(ids) == len(set(ids))


def test_rule_ids_are_prefixed_by_their_pack_file():
    for file in pack_files(default_pack_dir()):
        for rule in load_packs([file]):
            assert rule.id.startswith(file.stem + "."), (rule.id, file.name)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_rule_has_a_flag_and_a_pass_example(rule):
    assert rule.spec.flag_examples and rule.spec.pass_examples


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_rule_explains_itself(rule):
    spec = rule.spec
    assert spec.suggestion and spec.rationale and len(spec.rationale.split()) >= 15


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_rule_cites_a_linked_source(rule):
    assert rule.spec.references and all(ref.title and ref.link for ref in rule.spec.references)


@pytest.mark.parametrize("rule", [r for r in RULES if r.spec.category == "factual"], ids=lambda r: r.id)
def test_factual_rule_cites_a_linked_source(rule):
    assert rule.spec.references
    assert all(ref.title and ref.link for ref in rule.spec.references)


@pytest.mark.parametrize("rule", [r for r in RULES if r.spec.pack in ("overclaim", "unhedged")], ids=lambda r: r.id)
def test_claim_rules_cite_a_linked_source(rule):
    assert rule.spec.references and all(ref.link for ref in rule.spec.references)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_every_regex_compiles(rule):
    options = rule.spec.options
    patterns = [p for key in REGEX_OPTIONS for p in options.get(key) or ()]
    if options.get("regex"):
        patterns += list(options["swap"])
    for pattern in patterns:
        re.compile(pattern)


@pytest.mark.parametrize("rule", [r for r in RULES if r.spec.category == "unhedged" and r.spec.type == "claim"], ids=lambda r: r.id)
def test_unhedged_claims_skip_hedged_statements(rule):
    assert rule.spec.options.get("unless_hedged") is True


@pytest.mark.parametrize("entry", DONT_FLAG, ids=lambda e: e["text"][:40])
def test_dont_flag_statement_passes_every_rule(entry):
    flagged = [rule.id for rule in RULES if example_hits(rule, entry["text"])]
    assert flagged == []


@pytest.mark.parametrize("entry", DONT_FLAG, ids=lambda e: e["text"][:40])
def test_dont_flag_statement_is_a_pass_example_of_its_rule(entry):
    rule = next(r for r in RULES if r.id == entry["rule"])
    assert entry["text"] in rule.spec.pass_examples
    if entry["phrase"]:
        assert entry["phrase"].lower() in entry["text"].lower()


def test_every_rule_of_the_pack_is_listed_in_the_readme():
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    unlisted = [rule.id for rule in RULES if f"`{rule.id}`" not in readme]
    assert not unlisted, f"add to the README's rule tables: {unlisted}"


_REGEX_KEYS = ("patterns", "subject", "predicate", "exceptions", "exclude", "benefit_patterns", "allow")
_UNANCHORED_RUN = re.compile(r"^(?:\[\^[^\]]*\]|\.)[*+]")


def _regexes_in(node, key=None):
    """Every regex string under a regex key of a pack's YAML, however deep (a contradiction
    rule's claims sit inside its poles)."""
    if isinstance(node, dict):
        for k, value in node.items():
            yield from _regexes_in(value, k)
    elif isinstance(node, list):
        for value in node:
            yield from _regexes_in(value, key)
    elif isinstance(node, str) and key in _REGEX_KEYS:
        yield node


PACK_REGEXES = sorted({p for path in pack_files(default_pack_dir()) for p in _regexes_in(yaml.safe_load(path.read_text(encoding="utf-8")))})


def test_pack_regexes_are_found_across_poles():
    assert len(PACK_REGEXES) > 500
    assert any("Spravato" in p for p in PACK_REGEXES)


def test_no_pattern_opens_on_an_unanchored_run():
    """`[^.;]*\\bSpravato\\b` is tried from every character of a sentence, each try reading to
    the clause's end and back (quadratic in a long sentence); `(?<![^.;])` in front finds the
    same matches from where a clause starts only."""
    assert _UNANCHORED_RUN.match(r"[^.;]*\bSpravato\b") and not _UNANCHORED_RUN.match(r"(?<![^.;])[^.;]*\bSpravato\b")
    assert [p for p in PACK_REGEXES if _UNANCHORED_RUN.match(p)] == []


def test_anchored_clause_run_finds_what_the_bare_run_finds():
    bare = re.compile(r"[^,;.]*\b(?:Spravato|esketamine)\b(?:\s*\)?\s*,[^,;.]*,)?[^,;.]*", re.IGNORECASE)
    anchored = re.compile(r"(?<![^,;.])" + bare.pattern, re.IGNORECASE)
    texts = [
        "Unlike ketamine, Spravato is approved, and esketamine, the spray, is given in clinics; ketamine is not.",
        "Esketamine works. Spravato (the spray), as labelled, needs monitoring",
        "no match here, none at all.",
        "spravato",
    ]
    for text in texts:
        assert [m.span() for m in anchored.finditer(text)] == [m.span() for m in bare.finditer(text)]
