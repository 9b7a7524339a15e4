"""Inline suppression of corpus findings, in the file where the finding is located."""

from __future__ import annotations

from corpus_support import check, copy_site, places

from ketalint.suppress import UNUSED_RULE


def _prepend_directive(path, before: str, directive: str) -> None:
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(before, f"{directive}\n{before}", 1), encoding="utf-8")


def test_a_directive_suppresses_the_corpus_finding_and_counts_as_used(tmp_path):
    root = copy_site(tmp_path)
    _prepend_directive(root / "calm-mind.html", "<p>Ketamine permanently", "<!-- ketalint-disable-next-line contradiction.durability -->")
    found = places(check(root))
    assert not any(rule == "contradiction.durability" for _, _, rule in found)
    assert not any(rule == UNUSED_RULE for _, _, rule in found)
    assert ("calm-mind.html", 10, "contradiction.misuse-risk") in found  # the next line is not covered


def test_a_directive_in_the_other_file_does_not_suppress(tmp_path):
    root = copy_site(tmp_path)
    _prepend_directive(root / "long-term.md", "The long-term effects", "<!-- ketalint-disable-next-line contradiction.durability -->")
    found = places(check(root))
    assert ("calm-mind.html", 7, "contradiction.durability") in found
    assert ("long-term.md", 3, UNUSED_RULE) in found


def test_config_can_turn_a_corpus_rule_off(tmp_path):
    root = copy_site(tmp_path)
    found = places(check(root, select=("contradiction",)))
    assert {rule for _, _, rule in found} <= {r for r in (
        "contradiction.glutamate-direction", "contradiction.durability", "contradiction.misuse-risk", "contradiction.side-effect-frequency")}
    assert not any(rule.startswith("consistency.") for _, _, rule in found)
