"""Regexes kept from one run are built back into `re`'s cache before the next run imports the
modules that compile them; what `re.compile` then returns must behave as a fresh compile."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from cli_support import make_site
from ketalint import regexseed

PATTERNS = [
    (r"(?P<n>\d+)\s+(?:billion|million)\s+neurons?\b", re.IGNORECASE),
    (r"^#+\s*(.+?)\s*$", re.MULTILINE),
    (r"(?<![\w'])(?:not\s+fully\s+understood|evidence\s+is\s+limited)(?![\w'])", 0),
]
TEXT = "# Safety\nThe brain has 86 Billion neurons; evidence is limited.\n## More  \n"


@pytest.fixture
def clean_re_cache():
    re.purge()
    yield
    re.purge()


def _behaviour(pattern: re.Pattern):
    return [(m.span(), m.groups(), m.groupdict()) for m in pattern.finditer(TEXT)], pattern.flags, pattern.groupindex


def test_kept_patterns_come_back_from_the_cache_and_match_alike(tmp_path: Path, clean_re_cache):
    fresh = [_behaviour(re.compile(p, f)) for p, f in PATTERNS]
    regexseed.keep(tmp_path)
    assert list((tmp_path / "rules").glob("regex-*.marshal"))
    re.purge()
    assert regexseed.seed(tmp_path)
    for (pattern, flags), expected in zip(PATTERNS, fresh):
        assert (str, pattern, flags) in re._cache
        assert _behaviour(re.compile(pattern, flags)) == expected


def test_a_missing_or_damaged_file_seeds_nothing(tmp_path: Path, clean_re_cache):
    assert not regexseed.seed(tmp_path)
    re.compile(*PATTERNS[0])
    regexseed.keep(tmp_path)
    (target,) = (tmp_path / "rules").glob("regex-*.marshal")
    target.write_bytes(target.read_bytes()[:20])
    re.purge()
    assert not regexseed.seed(tmp_path)
    assert (str, *PATTERNS[0]) not in re._cache


def test_runs_after_the_first_use_the_kept_regexes_and_report_the_same(tmp_path: Path):
    make_site(tmp_path)
    (tmp_path / "a.md").write_text("# Care\n\nKetamine permanently rewires the brain.\n\nThe brain has 100 billion neurons.\n", encoding="utf-8")
    outputs = []
    for _ in range(3):  # the first builds the rule snapshot, the second keeps the regexes
        proc = subprocess.run([sys.executable, "-m", "ketalint", "check", "a.md", "--format", "json"], cwd=tmp_path, capture_output=True)
        outputs.append((proc.returncode, proc.stdout, proc.stderr))
    assert list((tmp_path / ".ketalint_cache" / "rules").glob("regex-*.marshal"))
    assert outputs[0] == outputs[1] == outputs[2] and outputs[0][0] == 1
    no_cache = subprocess.run([sys.executable, "-m", "ketalint", "check", "a.md", "--format", "json", "--no-cache"], cwd=tmp_path, capture_output=True)
    assert (no_cache.returncode, no_cache.stdout, no_cache.stderr) == outputs[0]
