"""Rule-pack validation: every kind of mistake is one RuleFileError naming file:line, and the
command line turns it into one line on stderr and exit code 2."""

from __future__ import annotations

from pathlib import Path

import pytest

from ketalint.errors import RuleFileError
from ketalint.packs import load_packs, parse_pack
from cli_support import run

GOOD = """\
pack: t
rules:
  - id: t.forever
    type: phrase
    category: overclaim
    severity: warning
    message: "'{match}' promises too much"
    phrases: [permanently rewires]
"""


def _with(line: str, replace: str | None = None) -> str:
    """GOOD with `replace` (a whole line) replaced by `line`, or `line` appended to the rule."""
    if replace is None:
        return GOOD + line + "\n"
    assert replace in GOOD
    return GOOD.replace(replace, line)


CASES = [
    # (pack text, expected line, words the message must contain)
    (_with("    phrase: [x]"), 9, ["unknown key 'phrase'", "did you mean 'phrases'"]),
    (_with("    phrases: permanently", "    phrases: [permanently rewires]"), 8, ["'phrases' must be a list of strings", "a string"]),
    (_with("    severity: fatal", "    severity: warning"), 6, ["unknown severity 'fatal'"]),
    (_with("    category: overclaims", "    category: overclaim"), 5, ["unknown category 'overclaims'", "did you mean 'overclaim'"]),
    (_with("    type: phrasee", "    type: phrase"), 4, ["unknown rule type 'phrasee'", "did you mean 'phrase'"]),
    (GOOD.replace("    severity: warning\n", ""), 3, ["missing the required key 'severity'"]),
    (_with("    severty: warning", "    severity: warning"), 6, ["unknown key 'severty'", "did you mean 'severity'"]),
    (GOOD.replace("    type: phrase\n", "").replace("    categroy", "    category"), 3, ["missing the required key 'type'"]),
    (_with("    patterns: ['(unclosed']"), 9, ["'patterns'", "does not compile"]),
    (_with("    patterns: ['a|']"), 9, ["matches empty text"]),
    (_with("    phrases: ['']", "    phrases: [permanently rewires]"), 8, ["empty phrase"]),
    (_with("    exceptions: ['[a-']"), 9, ["'exceptions'", "does not compile"]),
    (_with("    fuzzy: 500"), 9, ["'fuzzy' must be between 0 and 100"]),
    (_with("    unless_hedged: sometimes"), 9, ["'unless_hedged' must be true or false"]),
    (_with("    scope: paragraf"), 9, ["unknown scope 'paragraf'", "did you mean 'paragraph'"]),
    (_with("    examples: {flag: just one}"), 9, ["'flag' must be a list of strings"]),
    (_with("    examples: {fail: [x]}"), 9, ["unknown key 'fail'"]),
    (_with("    references: [{url: 'https://example.org'}]"), 9, ["reference needs a 'title'"]),
    (_with('    message: "bad {match"', "    message: \"'{match}' promises too much\""), 7, ["not a valid template"]),
    (_with("    message:", "    message: \"'{match}' promises too much\""), 7, ["'message' must be a string", "nothing"]),
    (_with("  - id: t", "  - id: t.forever"), 3, ["must be dotted"]),
    (_with("  - id: other.forever", "  - id: t.forever"), 3, ["must start with its pack name 't.'"]),
    (_with("    category: style", "    severity: warning"), 6, ["duplicate key 'category'"]),
    (_with("    phrases: [a", "    phrases: [permanently rewires]"), 9, ["invalid YAML"]),
    (GOOD + GOOD.split("rules:\n", 1)[1], 9, ["duplicate rule id 't.forever'", "first on line 3"]),
    (_with("    supersedes: {t.other: 1}"), 9, ["'supersedes' must be a rule id or a list of them"]),
    (_with("    supersedes: [Other Rule]"), 9, ["'Other Rule'", "not a rule id"]),
    (_with("    supersedes: t.forever"), 9, ["cannot supersede itself"]),
    ("pack: t\nrules: {a: 1}\n", 2, ["'rules' must be a list"]),
    ("- just\n- a list\n", 1, ["a rule pack is a mapping"]),
    ("pack: Bad Name\nrules: []\n", 1, ["'pack' must be a lower-case name"]),
    ("!!python/object/apply:os.system ['true']\n", 1, ["invalid YAML"]),
]


@pytest.mark.parametrize("text, line, words", CASES)
def test_each_mistake_is_one_error_at_its_line(text, line, words):
    with pytest.raises(RuleFileError) as exc:
        parse_pack(text, "pack.yaml", "t")
    assert exc.value.path == "pack.yaml"
    assert exc.value.line == line, str(exc.value)
    for w in words:
        assert w in exc.value.message


def test_phrase_rule_needs_phrases_or_patterns():
    text = GOOD.replace("    phrases: [permanently rewires]\n", "")
    with pytest.raises(RuleFileError, match="needs 'phrases' or 'patterns'") as exc:
        parse_pack(text, "pack.yaml", "t")
    assert exc.value.line == 3


def test_claim_order_and_within_are_checked():
    claim = GOOD.replace("type: phrase", "type: claim").replace("    phrases: [permanently rewires]\n", "    subject: [a]\n    predicate: [b]\n")
    with pytest.raises(RuleFileError, match="'order'.*sideways") as exc:
        parse_pack(claim + "    order: sideways\n", "pack.yaml", "t")
    assert exc.value.line == 10
    with pytest.raises(RuleFileError, match="'within' must be at least 0"):
        parse_pack(claim + "    within: -1\n", "pack.yaml", "t")


def test_substitution_regex_keys_are_compiled_at_their_line():
    sub = GOOD.replace("type: phrase", "type: substitution").replace(
        "    phrases: [permanently rewires]\n", "    regex: true\n    swap: {'(bad': good}\n"
    )
    with pytest.raises(RuleFileError, match="'swap'.*does not compile") as exc:
        parse_pack(sub, "pack.yaml", "t")
    assert exc.value.line == 9


def test_duplicate_ids_across_files(tmp_path: Path):
    (tmp_path / "a.yaml").write_text(GOOD.replace("pack: t\n", ""), encoding="utf-8")
    (tmp_path / "b.yaml").write_text(GOOD.replace("pack: t\n", ""), encoding="utf-8")
    for name in ("a.yaml", "b.yaml"):
        text = (tmp_path / name).read_text().replace("t.forever", f"{name[0]}.forever")
        (tmp_path / name).write_text(text)
    assert [r.id for r in load_packs([tmp_path])] == ["a.forever", "b.forever"]
    (tmp_path / "c.yaml").write_text(GOOD.replace("t.forever", "a.forever").replace("pack: t", "pack: a"))
    with pytest.raises(RuleFileError, match=r"duplicate rule id 'a.forever' \(first defined at .*a.yaml:2\)"):
        load_packs([tmp_path])


def test_files_starting_with_underscore_are_data(tmp_path: Path):
    (tmp_path / "_terms.yaml").write_text("not: [a, rule, pack]\n")
    (tmp_path / "t.yaml").write_text(GOOD)
    assert [r.id for r in load_packs([tmp_path])] == ["t.forever"]


def test_a_valid_rule_keeps_its_fields():
    (rule,) = parse_pack(GOOD + "    suggestion: Say what the evidence shows.\n    scope: [paragraph, list]\n", "p.yaml", "t")
    spec = rule.spec
    assert (spec.id, spec.type, spec.category, spec.severity, spec.line) == ("t.forever", "phrase", "overclaim", "warning", 3)
    assert spec.scope == ("paragraph", "list") and spec.suggestion == "Say what the evidence shows."


@pytest.mark.parametrize("text, line, words", [CASES[0], CASES[6], CASES[22]])
def test_cli_reports_a_broken_pack_on_one_line_with_exit_2(tmp_path: Path, monkeypatch, capsys, text, line, words):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "t.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "a.md").write_text("Fine text.\n", encoding="utf-8")
    code, out, err = run(["check", "--rules", "t.yaml", "a.md"], capsys)
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith(f"ketalint: error: t.yaml:{line}: ")


def test_the_default_pack_is_where_importlib_resources_finds_it():
    from importlib.util import find_spec

    import ketalint
    from ketalint.packs import default_pack_dir

    if find_spec("ketalint.rulepack") is None:  # the package imported from a source checkout
        assert default_pack_dir() == Path(ketalint.__file__).resolve().parent.parent / "rules"
    else:
        from importlib.resources import files

        assert default_pack_dir() == Path(str(files("ketalint.rulepack")))
    assert any(p.suffix == ".yaml" for p in default_pack_dir().iterdir())
