"""A small site for command-line tests: its own rule pack (one fixable substitution, one phrase
rule) and a config that turns the default pack off, so the tests do not move with it."""

from __future__ import annotations

from pathlib import Path

import pytest

from ketalint.cli import main

PACK = """\
pack: demo
rules:
  - id: demo.neurons
    type: substitution
    category: factual
    severity: error
    message: "'{match}' is an old estimate of the brain's neurons."
    swap:
      "100 billion neurons": "86 billion neurons"
  - id: demo.forever
    type: phrase
    category: overclaim
    severity: warning
    message: "'{match}' promises a permanent result."
    phrases: ["permanently rewires"]
"""


def make_site(root: Path) -> Path:
    (root / "pack.yaml").write_text(PACK, encoding="utf-8")
    (root / ".ketalint.yaml").write_text("default_pack: false\npacks: [pack.yaml]\n", encoding="utf-8")
    return root


def run(argv: list[str], capsys) -> tuple[int, str, str]:
    """Run the command line in-process: (exit code, stdout, stderr)."""
    with pytest.raises(SystemExit) as exc:
        main(argv)
    captured = capsys.readouterr()
    return exc.value.code, captured.out, captured.err
