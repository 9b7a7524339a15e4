"""The benchmark's generated sites: with `distinct`, sentences stop recurring across articles
while the same rules fire on them."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from ketalint.api import CheckOptions, run_check
from ketalint.config import Config

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from sitegen import write_site  # noqa: E402


def _sentences(folder: Path) -> list[str]:
    text = " ".join(p.read_text(encoding="utf-8") for p in sorted(folder.iterdir()))
    return [s.strip() for s in text.replace("\n", " ").split(". ") if len(s.split()) > 6]


def _per_rule(folder: Path) -> Counter:
    report = run_check(Config(root=folder), CheckOptions(paths=[str(folder)], cache=False, jobs=1))
    return Counter(f.rule for f in report.findings)


def test_a_distinct_site_repeats_few_sentences_and_fires_the_same_rules(tmp_path):
    plain, distinct = tmp_path / "plain", tmp_path / "distinct"
    write_site(plain, 12)
    write_site(distinct, 12, distinct=True)
    plain_sentences, distinct_sentences = _sentences(plain), _sentences(distinct)
    assert len(set(plain_sentences)) < 0.5 * len(plain_sentences)
    assert len(set(distinct_sentences)) > 0.75 * len(distinct_sentences)
    findings = _per_rule(plain)
    assert sum(findings.values()) > 50 and _per_rule(distinct) == findings


def test_a_site_written_again_keeps_its_unchanged_files_and_restores_edited_ones(tmp_path):
    """A kept site is not rewritten (the kernel would be writing it back while runs are timed),
    but a file a benchmark edited comes back as generated."""
    import os

    size = write_site(tmp_path, 5)
    first = tmp_path / "article-00000.md"
    os.utime(first, ns=(1_000_000_000, 1_000_000_000))
    edited = tmp_path / "article-00003.md"
    original = edited.read_bytes()
    edited.write_bytes(original + b"\nAn edit.\n")
    assert write_site(tmp_path, 5) == size
    assert first.stat().st_mtime_ns == 1_000_000_000
    assert edited.read_bytes() == original
