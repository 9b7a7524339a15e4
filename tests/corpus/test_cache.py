"""The per-file result cache: warm runs skip parsing, changed files are re-read, and a broken
or concurrently written cache is a miss, never an error."""

from __future__ import annotations

import marshal
import shutil
from collections import Counter

import pytest
from corpus_support import check, copy_site, summary

import ketalint.api
from ketalint.cache import FORMAT, SUFFIX, ResultCache, entry_folder_name
from ketalint.config import Config


@pytest.fixture
def parses(monkeypatch):
    counts: Counter = Counter()
    real = ketalint.api.parse

    def counting(path, text, fmt=None):
        counts[path.rsplit("/", 1)[-1]] += 1
        return real(path, text, fmt)

    monkeypatch.setattr(ketalint.api, "parse", counting)
    return counts


def test_a_warm_run_parses_nothing_and_reports_the_same(tmp_path, parses):
    root = copy_site(tmp_path)
    cold = check(root, ["faq.md"], corpus=[root], cache=True)
    assert sum(parses.values()) == 7
    parses.clear()
    warm = check(root, ["faq.md"], corpus=[root], cache=True)
    assert sum(parses.values()) == 0
    assert summary(warm) == summary(cold)
    assert [f.message for f in warm.findings] == [f.message for f in cold.findings]


def test_a_changed_file_is_read_again_and_an_unchanged_one_is_not(tmp_path, parses):
    root = copy_site(tmp_path)
    check(root, ["faq.md"], corpus=[root], cache=True)
    parses.clear()
    safety = root / "safety.txt"
    safety.write_text(safety.read_text(encoding="utf-8").replace("can be misused", "can be misused by anyone"), encoding="utf-8")
    report = check(root, ["faq.md"], corpus=[root], cache=True)
    assert parses == Counter({"safety.txt": 1})
    assert any(r.path.endswith("safety.txt") and r.line == 3 for f in report.findings for r in f.related)


def test_a_changed_rule_set_misses(tmp_path, parses):
    root = copy_site(tmp_path)
    check(root, ["faq.md"], cache=True)
    parses.clear()
    check(root, ["faq.md"], cache=True, select=("contradiction",))
    assert parses == Counter({"faq.md": 1})


def test_corrupted_entries_are_misses_and_get_rewritten(tmp_path, parses):
    root = copy_site(tmp_path)
    cold = check(root, ["faq.md"], corpus=[root], cache=True)
    entries = sorted((root / ".cache" / entry_folder_name()).rglob(f"*{SUFFIX}"))
    assert len(entries) == 7
    entries[0].write_bytes(entries[0].read_bytes()[:40])
    entries[1].write_bytes(marshal.dumps({"format": FORMAT, "key": "someone else's"}))
    entries[2].write_bytes(b"\x00\xff" * 10)
    data = marshal.loads(entries[3].read_bytes())
    data["findings"] = [["truncated"]] if data["findings"] else 5
    entries[3].write_bytes(marshal.dumps(data))
    shutil.rmtree(root / ".cache" / "site")  # else the unchanged context files are not read at all
    parses.clear()
    warm = check(root, ["faq.md"], corpus=[root], cache=True)
    assert sum(parses.values()) == 4
    assert summary(warm) == summary(cold)
    parses.clear()
    check(root, ["faq.md"], corpus=[root], cache=True)
    assert sum(parses.values()) == 0


def test_no_cache_neither_reads_nor_writes(tmp_path, parses):
    root = copy_site(tmp_path)
    check(root, cache=False)
    check(root, cache=False)
    assert sum(parses.values()) == 14
    assert not (root / ".cache").exists()


def test_an_unwritable_cache_does_not_stop_the_run(tmp_path):
    root = copy_site(tmp_path)
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    config = Config(root=root, cache_dir=blocker / "cache")
    assert summary(check(root, ["faq.md"], corpus=[root], cache=True, config=config)) == summary(check(root, ["faq.md"], corpus=[root]))


def test_interleaved_writers_leave_a_readable_entry(tmp_path):
    root = copy_site(tmp_path)
    check(root, ["faq.md"], cache=True)
    (entry,) = (root / ".cache" / entry_folder_name()).rglob(f"*{SUFFIX}")
    key = entry.stem
    one, two = ResultCache(root / ".cache"), ResultCache(root / ".cache")
    result = one.load(key)
    assert result is not None
    # a writer that died mid-write leaves only a temporary file beside the entry
    (entry.parent / f".{key[:8]}-dead.tmp").write_bytes(marshal.dumps({"format": FORMAT})[:9])
    one.store(key, result)
    two.store(key, result)
    again = two.load(key)
    assert [f.to_dict() for f in again.findings] == [f.to_dict() for f in result.findings]
    assert sorted(p.name for p in entry.parent.iterdir() if p.suffix == SUFFIX) == [entry.name]


def test_a_file_reached_under_another_spelling_of_its_path_is_a_hit(tmp_path, parses, monkeypatch):
    root = copy_site(tmp_path)
    monkeypatch.chdir(root)
    config = Config(root=root, cache_dir=root / ".cache")
    first = ketalint.api.run_check(config, ketalint.api.CheckOptions(paths=["./faq.md"], cache=True))
    assert first.findings and all(f.path == "./faq.md" for f in first.findings)
    parses.clear()
    second = ketalint.api.run_check(config, ketalint.api.CheckOptions(paths=["faq.md"], cache=True))
    assert parses["faq.md"] == 0
    assert [(f.path, f.rule, f.location.line) for f in second.findings] == [
        ("faq.md", f.rule, f.location.line) for f in first.findings
    ]
