"""The site store: a run naming a few articles of a site reads only the statements that can
conflict with theirs, and reports exactly what a run reading every article reports."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from corpus_support import check

import ketalint.api
import ketalint.files
from ketalint.corpus.store import SiteStore

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def _site(tmp_path: Path, name: str) -> Path:
    root = tmp_path / name
    shutil.copytree(FIXTURES / name, root)
    return root


def _full(report) -> list[tuple]:
    return [
        (Path(f.path).name, f.location.line, f.location.column, f.rule, f.severity, f.message, tuple((Path(r.path).name, r.line, r.column) for r in f.related))
        for f in report.findings
    ]


def _articles(root: Path) -> list[str]:
    return sorted(p.name for p in root.iterdir() if p.suffix in (".md", ".html", ".txt"))


@pytest.mark.parametrize("site", ["site", "realistic_site"])
def test_each_article_gets_from_the_store_what_reading_every_article_gives(tmp_path, site):
    root = _site(tmp_path, site)
    for name in _articles(root):
        expected = _full(check(root, [name], corpus=[root]))
        assert _full(check(root, [name], corpus=[root], cache=True)) == expected, name
        assert _full(check(root, [name], corpus=[root], cache=True)) == expected, name


def test_a_warm_run_reads_no_other_article(tmp_path, monkeypatch):
    root = _site(tmp_path, "realistic_site")
    check(root, ["faq.md"], corpus=[root], cache=True)
    read: list[str] = []
    real = ketalint.files.read_bytes
    monkeypatch.setattr(ketalint.files, "read_bytes", lambda path, limit: (read.append(Path(path).name), real(path, limit))[1])
    check(root, ["faq.md"], corpus=[root], cache=True)
    assert read == ["faq.md"]


def test_an_edited_article_is_read_again(tmp_path):
    root = _site(tmp_path, "realistic_site")
    check(root, ["first-infusion.md"], corpus=[root], cache=True)
    other = root / "faq.md"
    text = other.read_text(encoding="utf-8")
    before = _full(check(root, ["first-infusion.md"], corpus=[root], cache=True))
    assert any("faq.md" in message for *_, message, _ in before)
    other.write_text(text.replace("within a day or two", "over the following weeks"), encoding="utf-8")
    stat = other.stat()
    os.utime(other, ns=(stat.st_atime_ns, stat.st_mtime_ns - 10_000_000_000))  # long enough ago to be trusted
    after = check(root, ["first-infusion.md"], corpus=[root], cache=True)
    assert _full(after) == _full(check(root, ["first-infusion.md"], corpus=[root]))
    assert _full(after) != before


def test_a_deleted_article_no_longer_counts(tmp_path):
    root = _site(tmp_path, "realistic_site")
    names = _articles(root)
    for name in names:
        check(root, [name], corpus=[root], cache=True)
    for gone in names[:3]:
        (root / gone).unlink()
    for name in names[3:]:
        assert _full(check(root, [name], corpus=[root], cache=True)) == _full(check(root, [name], corpus=[root])), name
    (store_path,) = (root / ".cache" / "site").glob("*.sqlite")
    store = SiteStore(store_path)
    try:
        filed = {Path(path).name for path in store.files()}
        kept = {Path(row[0]).name for row in store.db.execute("SELECT DISTINCT path FROM statements")}
    finally:
        store.close()
    assert filed == set(names[3:])
    assert kept <= filed and not kept & set(names[:3])


def test_a_broken_store_is_rebuilt_not_an_error(tmp_path):
    root = _site(tmp_path, "realistic_site")
    check(root, ["faq.md"], corpus=[root], cache=True)
    [store] = [p for p in (root / ".cache" / "site").iterdir() if p.suffix == ".sqlite"]
    for extra in store.parent.glob(store.name + "-*"):
        extra.unlink()
    store.write_bytes(b"not a database" * 100)
    assert _full(check(root, ["faq.md"], corpus=[root], cache=True)) == _full(check(root, ["faq.md"], corpus=[root]))


def test_statements_are_found_by_lookup_only(tmp_path):
    from ketalint.corpus.statement import Statement

    store = SiteStore(tmp_path / "store.sqlite")
    a = Statement("a.md", 0, 10, 1, 1, 1, 11, "first", "k1", "up")
    b = Statement("b.md", 5, 9, 2, 3, 2, 7, "second", "k2", "down", "v", {"object": "x"})
    store.file([("/a.md", 10, 1, "d1", "e1", {"r": [a]}), ("/b.md", 12, 1, "d2", "e2", {"r": [b]})], lambda rule, s: (s.key, "shared") if s.key == "k2" else (s.key,))
    assert store.keys("r", {"shared"}) == {"shared", "k2"}
    assert store.keys("r", {"k1"}) == {"k1"}
    [row] = store.fetch("r", {"k2"})
    assert row[0] == "/b.md" and row[2:] == ("k2", 5, 9, 2, 3, 2, 7, "second", "down", "v", '{"object":"x"}')
    assert set(store.files()) == {"/a.md", "/b.md"}
    store.close()


def test_a_wording_repeated_across_files_is_looked_up_once_and_found_from_each(tmp_path):
    from ketalint.corpus.statement import Statement

    store = SiteStore(tmp_path / "store.sqlite")
    asked = []

    def lookups(rule, s):
        asked.append(s.path)
        return (s.key, "shared")

    copies = [("/" + name, 10, 1, "d", "e", {"r": [Statement(name, 0, 4, 1, 1, 1, 5, "same", "k", "up")]}) for name in ("a.md", "b.md", "c.md")]
    store.file(copies[:2], lookups)
    store.file(copies[2:], lookups)
    assert asked == ["a.md"]
    assert store.keys("r", {"shared"}) == {"shared", "k"}
    assert sorted(row[0] for row in store.fetch("r", {"k"})) == ["/a.md", "/b.md", "/c.md"]
    store.close()


def test_lookups_of_a_rolled_back_filing_are_filed_again(tmp_path):
    from ketalint.corpus.statement import Statement

    store = SiteStore(tmp_path / "store.sqlite")
    statement = Statement("a.md", 0, 4, 1, 1, 1, 5, "same", "k", "up")

    def failing(rule, s):
        raise RuntimeError("interrupted")

    def filing():
        return iter([("/a.md", 10, 1, "d", "e", {"r": [statement]}), ("/b.md", 10, 1, "d", "e", {"r": [object()]})])

    with pytest.raises(Exception):
        store.file(filing(), lambda rule, s: (s.key, "shared") if s is statement else failing(rule, s))
    store.file([("/a.md", 10, 1, "d", "e", {"r": [statement]})], lambda rule, s: (s.key, "shared"))
    assert store.keys("r", {"shared"}) == {"shared", "k"}
    store.close()
