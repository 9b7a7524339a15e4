"""Finding identity: rule + file relative to the config folder + normalised match + occurrence."""

from __future__ import annotations

from ketalint.finding import Finding, Location
from ketalint.fingerprint import fingerprints, identities, normalise_match, root_relative


def _f(path, line, match, rule="demo.x") -> Finding:
    return Finding(Location(path, line, 1, line, 1 + len(match), match), rule, "overclaim", "warning", "m")


def test_match_is_case_folded_whitespace_collapsed_and_quotes_folded():
    assert normalise_match("Permanently\n   \u201cRewires\u2019 ") == "permanently \"rewires'"


def test_occurrences_are_counted_in_document_order_whatever_the_input_order():
    findings = [_f("a.md", 9, "Cures"), _f("a.md", 2, "cures"), _f("b.md", 1, "cures")]
    assert identities(findings, None) == [
        ("demo.x", "a.md", "cures", 2),
        ("demo.x", "a.md", "cures", 1),
        ("demo.x", "b.md", "cures", 1),
    ]


def test_line_does_not_change_the_fingerprint_but_rule_path_and_match_do():
    base = fingerprints([_f("a.md", 3, "cures")], None)[0]
    assert fingerprints([_f("a.md", 30, "CURES")], None)[0] == base
    assert fingerprints([_f("a.md", 3, "cures", rule="demo.y")], None)[0] != base
    assert fingerprints([_f("b.md", 3, "cures")], None)[0] != base
    assert fingerprints([_f("a.md", 3, "heals")], None)[0] != base


def test_paths_are_relative_to_the_config_folder(tmp_path):
    inside = str(tmp_path / "blog" / "a.md")
    assert root_relative(inside, tmp_path) == "blog/a.md"
    assert root_relative("/elsewhere/b.md", tmp_path) == "/elsewhere/b.md"
    assert fingerprints([_f(inside, 1, "x")], tmp_path) == fingerprints([_f("blog/a.md", 1, "x")], None)
