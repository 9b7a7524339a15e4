"""Inline suppression comments, whole-prefix matching, and the report of unused directives."""

from __future__ import annotations

from ketalint.document import parse
from ketalint.engine import check_document
from ketalint.packs import parse_pack
from ketalint.suppress import UNUSED_RULE

PACK = """\
pack: demo
rules:
  - id: demo.forever
    type: phrase
    category: overclaim
    severity: warning
    message: permanent
    phrases: ["lasts forever"]
  - id: demo.cure
    type: phrase
    category: overclaim
    severity: error
    message: cure
    phrases: ["cures depression"]
"""
RULES = [(r, r.spec.severity) for r in parse_pack(PACK, "demo.yaml")]


def lint(text: str, path: str = "a.md", rules=RULES) -> list[tuple[int, str]]:
    return sorted((f.location.line, f.rule) for f in check_document(parse(path, text), rules))


def test_without_directives_everything_is_reported():
    assert lint("Relief lasts forever.\n\nIt cures depression.\n") == [(1, "demo.forever"), (3, "demo.cure")]


def test_disable_next_line_for_one_rule():
    text = "<!-- ketalint-disable-next-line demo.forever -->\nRelief lasts forever and cures depression.\n"
    assert lint(text) == [(2, "demo.cure")]


def test_disable_next_line_skips_blank_lines():
    text = "<!-- ketalint-disable-next-line -->\n\nRelief lasts forever.\n\nIt cures depression.\n"
    assert lint(text) == [(5, "demo.cure")]


def test_disable_and_enable_a_region_by_prefix():
    text = (
        "Relief lasts forever.\n\n<!-- ketalint-disable demo -->\n\nRelief lasts forever. It cures depression.\n\n"
        "<!-- ketalint-enable demo -->\n\nIt cures depression.\n"
    )
    assert lint(text) == [(1, "demo.forever"), (9, "demo.cure")]


def test_prefixes_are_whole_dotted_parts():
    text = "<!-- ketalint-disable-file dem demo.cur -->\nRelief lasts forever. It cures depression.\n"
    found = lint(text)
    assert found == [(2, "demo.cure"), (2, "demo.forever")]


def test_disable_file_without_ids_means_all_rules():
    assert lint("Text.\n\n<!-- ketalint-disable-file -->\n\nRelief lasts forever. It cures depression.\n") == []


def test_unused_directive_is_reported_as_info_at_its_place():
    doc = parse("a.md", "Fine words.\n\n<!-- ketalint-disable-next-line demo.cure -->\nRelief lasts forever.\n")
    findings = check_document(doc, RULES)
    unused = [f for f in findings if f.rule == UNUSED_RULE]
    assert len(unused) == 1
    (u,) = unused
    assert (u.severity, u.location.line, u.location.column) == ("info", 3, 1)
    assert "demo.cure" in u.message
    assert any(f.rule == "demo.forever" for f in findings)


def test_directive_for_a_rule_that_did_not_run_is_not_called_unused():
    only_forever = [pair for pair in RULES if pair[0].id == "demo.forever"]
    text = "<!-- ketalint-disable-next-line demo.cure -->\nRelief lasts forever.\n"
    assert lint(text, rules=only_forever) == [(2, "demo.forever")]


def test_html_and_plain_text_comments_work_too():
    html = "<p>Relief lasts forever.</p>\n<!-- ketalint-disable-next-line demo.forever -->\n<p>Relief lasts forever.</p>\n"
    assert lint(html, "a.html") == [(1, "demo.forever")]
    text = "Relief lasts forever.\n\n<!-- ketalint-disable-next-line demo.forever -->\nRelief lasts forever.\n"
    assert lint(text, "a.txt") == [(1, "demo.forever")]


def test_directive_inside_a_code_block_is_not_a_directive():
    text = "```\n<!-- ketalint-disable-file -->\n```\n\nRelief lasts forever.\n"
    assert lint(text) == [(5, "demo.forever")]


def test_many_directives_and_findings_are_matched_line_by_line():
    block = "<!-- ketalint-disable-next-line demo.forever -->\nRelief lasts forever. It cures depression.\n\n"
    found = lint(block * 300)
    assert len(found) == 300 and {rule for _, rule in found} == {"demo.cure"}
