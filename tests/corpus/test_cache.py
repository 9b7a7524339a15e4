"""The per-file result cache: warm runs skip parsing, changed files are re-read, and a broken
or concurrently written cache is a miss, never an error."""

from __future__ import annotations

import marshal
import shutil
import sys
from collections import Counter
from pathlib import Path

import pytest
from corpus_support import check, copy_site, summary

import ketalint.api
import ketalint.cache
from ketalint.cache import FORMAT, ResultCache, entry_folder_name
from ketalint.config import Config
from ketalint.parallel import MIN_FILES_PER_JOB

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from sitegen import write_site  # noqa: E402


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


def _entries(root) -> tuple:
    import sqlite3

    cache = ResultCache(root / ".cache")
    return cache, sqlite3.connect(cache.path)


def test_corrupted_entries_are_misses_and_get_rewritten(tmp_path, parses):
    root = copy_site(tmp_path)
    cold = check(root, ["faq.md"], corpus=[root], cache=True)
    cache, db = _entries(root)
    keys = cache.keys()
    assert len(keys) == 7
    payload = dict(db.execute("SELECT key, payload FROM entries"))
    data = marshal.loads(payload[keys[3]])
    data["findings"] = [["truncated"]] if data["findings"] else 5
    damaged = {
        keys[0]: payload[keys[0]][:40],
        keys[1]: marshal.dumps({"format": FORMAT, "key": "someone else's"}),
        keys[2]: b"\x00\xff" * 10,
        keys[3]: marshal.dumps(data),
    }
    with db:
        db.executemany("UPDATE entries SET payload = ? WHERE key = ?", [(v, k) for k, v in damaged.items()])
    db.close()
    shutil.rmtree(root / ".cache" / "site")  # else the unchanged context files are not read at all
    parses.clear()
    warm = check(root, ["faq.md"], corpus=[root], cache=True)
    assert sum(parses.values()) == 4
    assert summary(warm) == summary(cold)
    parses.clear()
    check(root, ["faq.md"], corpus=[root], cache=True)
    assert sum(parses.values()) == 0


def test_a_cache_file_that_is_not_a_database_is_replaced(tmp_path, parses):
    root = copy_site(tmp_path)
    cold = check(root, ["faq.md"], corpus=[root], cache=True)
    cache = ResultCache(root / ".cache")
    cache.path.write_bytes(b"not a database, " * 300)
    for side in ("-wal", "-shm"):
        Path(f"{cache.path}{side}").unlink(missing_ok=True)
    shutil.rmtree(root / ".cache" / "site")
    parses.clear()
    warm = check(root, ["faq.md"], corpus=[root], cache=True)
    assert sum(parses.values()) == 7
    assert summary(warm) == summary(cold)
    assert len(ResultCache(root / ".cache").keys()) == 7


def test_a_database_damaged_inside_is_dropped_and_built_again(tmp_path, parses):
    root = copy_site(tmp_path)
    cold = check(root, ["faq.md"], cache=True)
    cache = ResultCache(root / ".cache")
    assert not Path(f"{cache.path}-wal").exists()  # the run's connection, the last, folded it in
    data = bytearray(cache.path.read_bytes())
    assert len(data) >= 3 * 4096
    data[4096:] = b"\x5a" * (len(data) - 4096)  # every page but the header's
    cache.path.write_bytes(bytes(data))
    parses.clear()
    assert summary(check(root, ["faq.md"], cache=True)) == summary(cold)
    assert parses["faq.md"] == 1
    parses.clear()
    assert summary(check(root, ["faq.md"], cache=True)) == summary(cold)
    assert parses["faq.md"] == 0
    assert len(ResultCache(root / ".cache").keys()) == 1


def test_an_edited_file_leaves_one_entry_per_rule_set(tmp_path):
    root = copy_site(tmp_path)
    faq = root / "faq.md"
    check(root, ["faq.md", "safety.txt"], cache=True)
    first = set(ResultCache(root / ".cache").keys())
    assert len(first) == 2
    for edit in (" Call us to book.", " Call us today to book."):
        faq.write_text(faq.read_text(encoding="utf-8") + edit, encoding="utf-8")
        check(root, ["faq.md", "safety.txt"], cache=True)
    kept = set(ResultCache(root / ".cache").keys())
    assert len(kept) == 2 and len(kept & first) == 1  # safety.txt's entry, and faq.md's latest
    check(root, ["faq.md"], cache=True, select=("contradiction",))
    assert len(ResultCache(root / ".cache").keys()) == 3  # another rule set keeps its own


def _entry_paths(root: Path) -> list[str]:
    cache = ResultCache(root / ".cache")
    try:
        return sorted(Path(row[0]).name for row in cache._connection().execute("SELECT path FROM entries"))
    finally:
        cache.close()


def test_a_run_over_the_folder_drops_the_entries_of_deleted_and_renamed_files(tmp_path):
    root = copy_site(tmp_path)
    names = sorted(p.name for p in root.iterdir() if p.is_file())
    check(root, cache=True)
    assert _entry_paths(root) == names
    (root / names[0]).unlink()
    (root / names[1]).rename(root / ("renamed-" + names[1]))
    check(root, [names[2]], cache=True)  # a run naming files does not look for missing ones
    assert len(_entry_paths(root)) == len(names)
    check(root, cache=True)
    assert _entry_paths(root) == sorted([*names[2:], "renamed-" + names[1]])


def test_files_a_run_over_a_subfolder_leaves_out_keep_their_entries(tmp_path):
    root = copy_site(tmp_path)
    sub = root / "sub"
    sub.mkdir()
    shutil.copy(root / "faq.md", sub / "copy.md")
    check(root, cache=True)
    before = _entry_paths(root)
    check(root, ["sub"], cache=True)
    assert _entry_paths(root) == before


def test_entries_of_other_versions_of_the_code_are_removed(tmp_path):
    root = copy_site(tmp_path)
    folder = root / ".cache" / entry_folder_name()
    folder.mkdir(parents=True)
    (folder / "entries-0123456789abcdef.sqlite").write_bytes(b"old")
    (folder / "entries-0123456789abcdef.sqlite-wal").write_bytes(b"old")
    check(root, ["faq.md"], cache=True)
    assert sorted(p.name for p in folder.iterdir() if not p.name.endswith(("-wal", "-shm"))) == [ResultCache(root / ".cache").path.name]


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


def test_two_writers_of_one_entry_leave_a_readable_entry(tmp_path):
    root = copy_site(tmp_path)
    check(root, ["faq.md"], cache=True)
    (key,) = ResultCache(root / ".cache").keys()
    one, two = ResultCache(root / ".cache"), ResultCache(root / ".cache")
    result = one.load(key)
    assert result is not None
    one.store(key, result, "faq.md", "rules")
    two.store(key, result, "faq.md", "rules")
    two.flush()
    one.flush()
    again = two.load(key)
    assert [f.to_dict() for f in again.findings] == [f.to_dict() for f in result.findings]
    assert ResultCache(root / ".cache").keys() == [key]


def _lookups(cache: ResultCache) -> list[str]:
    """The entry look-ups `cache`'s connection makes from now on."""
    statements: list[str] = []
    cache._connection().set_trace_callback(statements.append)
    return statements


def test_a_cache_empty_when_opened_is_not_searched_until_written(tmp_path):
    root = copy_site(tmp_path)
    check(root, ["faq.md"], cache=True)
    (key,) = ResultCache(root / ".cache").keys()
    result = ResultCache(root / ".cache").load(key)
    shutil.rmtree(root / ".cache")

    cache = ResultCache(root / ".cache")
    traced = _lookups(cache)
    assert cache.load(key) is None
    assert not [s for s in traced if "SELECT payload" in s]  # a first run looks up no file
    cache.store(key, result, "faq.md", "rules")
    cache.flush()
    assert cache.load("0" * 40) is None
    assert not [s for s in traced if "SELECT payload" in s]  # nor, once it has written, another file
    assert cache.load(key) is not None  # what the process wrote, it reads
    assert [s for s in traced if "SELECT payload" in s]

    opened_full = ResultCache(root / ".cache")
    traced = _lookups(opened_full)
    assert opened_full.load(key) is not None
    assert [s for s in traced if "SELECT payload" in s]


def test_a_writer_kept_waiting_by_another_run_drops_its_entries_and_the_run_goes_on(tmp_path, monkeypatch):
    import sqlite3

    monkeypatch.setattr(ketalint.cache, "_BUSY_SECONDS", 0.05)
    root = copy_site(tmp_path)
    cold = check(root, ["faq.md"], cache=True)
    cache = ResultCache(root / ".cache")
    (key,) = cache.keys()
    other = sqlite3.connect(cache.path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another run in the middle of writing
    other.execute("DELETE FROM entries")
    try:
        assert summary(check(root, ["faq.md", "safety.txt"], cache=True)) == summary(check(root, ["faq.md", "safety.txt"]))
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert ResultCache(root / ".cache").keys() == [key]
    assert summary(check(root, ["faq.md"], cache=True)) == summary(cold)


def test_forked_workers_write_the_entries_of_their_files(tmp_path):
    write_site(tmp_path / "site", MIN_FILES_PER_JOB * 3)
    config = Config(root=tmp_path / "site", cache_dir=tmp_path / "cache")
    options = ketalint.api.CheckOptions(paths=[str(tmp_path / "site")], cache=True, jobs=2)
    cold = ketalint.api.run_check(config, options)
    assert len(ResultCache(tmp_path / "cache").keys()) == MIN_FILES_PER_JOB * 3
    warm = ketalint.api.run_check(config, ketalint.api.CheckOptions(paths=[str(tmp_path / "site")], cache=True, jobs=1))
    assert [f.to_dict() for f in warm.findings] == [f.to_dict() for f in cold.findings]


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


@pytest.mark.parametrize("offset", [0, 2**31])
def test_packed_statements_come_back_from_an_entry_with_their_numbers(tmp_path, offset):
    from ketalint.corpus.packed import PackedStatements
    from ketalint.corpus.statement import Statement
    from ketalint.files import read_article

    path = str(tmp_path / "a.md")
    Path(path).write_text(" ".join(f"Said {i}." for i in range(3)) + "\n", encoding="utf-8")
    digest = read_article(path, 10**6)[0].digest
    statements = [Statement(path, offset + 8 * i, offset + 8 * i + 7, 1, 8 * i + 1, 1, 8 * i + 8, f"Said {i}.", f"said {i}", "") for i in range(3)]
    result = ketalint.api.FileResult(path, [], {"consistency.copy-drift": PackedStatements.pack(path, statements)})
    entry = marshal.loads(marshal.dumps(ketalint.cache.encode(result, "k", digest)))
    back = ketalint.cache.decode(entry, "k").statements["consistency.copy-drift"]
    assert back.matches is None  # the texts are not stored: they are read back from the file
    rebuilt = list(back)
    assert [(s.start, s.end, s.key) for s in rebuilt] == [(s.start, s.end, s.key) for s in statements]
    assert back.numbers.itemsize == (4 if offset == 0 else 8)
    if offset == 0:  # (the other offset is past the end of any file this test can write)
        assert rebuilt == statements  # texts, lines and columns worked out from the file
    keys, _, raw = entry["statements"]["consistency.copy-drift"]
    entry["statements"]["consistency.copy-drift"] = (keys, "d", raw)
    with pytest.raises(ValueError):
        ketalint.cache.decode(entry, "k")


def test_findings_read_back_from_the_cache_share_their_repeated_texts(tmp_path):
    root = copy_site(tmp_path)
    check(root, cache=True)
    warm = check(root, cache=True)
    by_text: dict[tuple[str, str], set[int]] = {}
    for f in warm.findings:
        for name in ("message", "suggestion", "rule", "match"):
            value = getattr(f, name)
            by_text.setdefault((name, value), set()).add(id(value))
    repeated = [key for key in by_text if sum(1 for f in warm.findings if getattr(f, key[0]) == key[1]) > 1]
    assert repeated, "the site's findings repeat some text"
    assert all(len(by_text[key]) == 1 for key in repeated)
