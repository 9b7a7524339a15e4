"""`ketalint rules test`: runs every rule's examples and fails, listing each one that went wrong."""

from __future__ import annotations

from cli_support import run

BROKEN_PACK = """\
pack: broken
rules:
  - id: broken.forever
    type: phrase
    category: overclaim
    severity: warning
    message: "'{match}' promises a permanent result."
    phrases: ["permanently rewires"]
    examples:
      flag:
        - Ketamine permanently rewires the brain.
        - Ketamine rewires the brain for good.
      pass:
        - Ketamine does not permanently rewire anything.
"""


def test_default_pack_examples_all_pass(capsys):
    code, out, _ = run(["rules", "test"], capsys)
    assert code == 0, out
    assert " 0 failed" in out.splitlines()[-1]


def test_a_missed_example_fails_and_is_listed(tmp_path, capsys):
    pack = tmp_path / "broken.yaml"
    pack.write_text(BROKEN_PACK, encoding="utf-8")
    code, out, _ = run(["rules", "test", str(pack)], capsys)
    assert code == 1
    assert "[broken.forever] missed (should be flagged): 'Ketamine rewires the brain for good.'" in out
    assert out.splitlines()[-1] == "1 rules, 3 examples: 2 passed, 1 failed"
