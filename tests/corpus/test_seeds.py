"""The development seeds, scored by the shared scorer (skipped when it is not present)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[3] / "shared"
SCORER = SHARED / "tools" / "score.py"


@pytest.mark.skipif(not SCORER.is_file(), reason="the shared development corpus is not available")
def test_all_seed_contradictions_are_found(tmp_path):
    report = tmp_path / "report.json"
    with open(report, "w", encoding="utf-8") as out:
        subprocess.run([sys.executable, "-m", "ketalint", "check", str(SHARED / "corpus" / "seeds"), "--format", "json", "--no-cache"], stdout=out, check=False)
    scored = subprocess.run(
        [sys.executable, str(SCORER), str(SHARED / "corpus" / "seeds-expected.yaml"), str(SHARED / "corpus" / "seeds"), str(report)],
        capture_output=True, text=True, check=True,
    )
    row = next(line.split() for line in scored.stdout.splitlines() if line.startswith("contradiction"))
    assert row[1:] == [row[1], row[1], row[1]] and int(row[1]) >= 5
