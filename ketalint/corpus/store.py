"""The site's statements, filed by lookup, so that a run naming a few articles of a large site
reads only the statements that can conflict with theirs.

A pre-commit run on one article of a 5,000-article site needs, for each cross-article rule, the
statements of the rest of the site filed under the lookups of the article's own statements
(`CorpusRule.lookups`): all of them, so that the article gets the same findings as in a run over
the whole site, and no others, so that the run does not decode half a million statements that
cannot conflict with it. A file is taken as unchanged when its size and modification time are
those it was filed with, as git does; one modified within a moment of being filed is read again.

SQLite (in the standard library) gives indexed look-ups, atomic updates and safe use by several
hook processes at once. The store is a cache: `StoreError` means "read the site the slow way",
never a failed run.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Callable, Iterable, NamedTuple

from ketalint.storage import open_database, transaction

SCHEMA = 1
_RACY_NS = 2_000_000_000  # a file modified this close to its filing may have changed unseen
_TABLES = (
    "CREATE TABLE IF NOT EXISTS files(path TEXT PRIMARY KEY, size INTEGER, mtime_ns INTEGER, filed_ns INTEGER,"
    " digest TEXT, entry TEXT) WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS statements(path TEXT, rule TEXT, key TEXT, seq INTEGER, start INTEGER, end INTEGER,"
    " line INTEGER, column INTEGER, end_line INTEGER, end_column INTEGER, match TEXT, side TEXT, variant TEXT, data TEXT)",
    "CREATE INDEX IF NOT EXISTS statements_by_key ON statements(rule, key)",
    "CREATE INDEX IF NOT EXISTS statements_by_path ON statements(path)",
    "CREATE TABLE IF NOT EXISTS lookups(rule TEXT, lookup TEXT, key TEXT, PRIMARY KEY(rule, lookup, key)) WITHOUT ROWID",
)
_BATCH = 500  # SQLite caps the number of bound parameters of one statement


class StoreError(Exception):
    """The store cannot be used for this run."""


class FileRecord(NamedTuple):
    size: int
    mtime_ns: int
    filed_ns: int
    digest: str
    entry: str

    def unchanged(self, stat: os.stat_result) -> bool:
        return self.size == stat.st_size and self.mtime_ns == stat.st_mtime_ns and stat.st_mtime_ns < self.filed_ns - _RACY_NS


class SiteStore:
    """One SQLite file per version of the installed code: statements and lookups depend on it."""

    def __init__(self, path: Path):
        import sqlite3

        self.path = path
        self._error = sqlite3.Error
        # (rule, key) pairs whose lookups this connection has filed: the lookups table relates
        # keys to lookups, so a wording repeated across a site is looked up and inserted once.
        # Only committed ones count: a rolled-back filing left none of its rows.
        self._looked_up: set[tuple[str, str]] = set()
        self._pending: set[tuple[str, str]] = set()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self.db = open_database(path, _TABLES, "NORMAL")
        except (OSError, sqlite3.Error) as exc:
            raise StoreError(str(exc)) from None

    def close(self) -> None:
        try:
            self.db.close()
        except self._error:
            pass

    def files(self) -> dict[str, FileRecord]:
        """Absolute path -> how it was filed."""
        try:
            return {row[0]: FileRecord(*row[1:]) for row in self.db.execute("SELECT * FROM files")}
        except self._error as exc:
            raise StoreError(str(exc)) from None

    def file(self, filings: Iterable[tuple[str, int, int, str, str, dict]], lookups: Callable) -> None:
        """File (absolute path, size and modification time taken before reading, digest, cache
        entry, statements by rule) for each file, replacing what was filed for it before, unless
        it is filed as it is; `lookups(rule_id, statement)`."""
        try:
            try:
                with transaction(self.db):
                    for path, size, mtime_ns, digest, entry, statements in filings:
                        self._file_one(path, size, mtime_ns, digest, entry, statements, lookups)
                self._looked_up |= self._pending
            finally:
                self._pending = set()
        except self._error as exc:
            raise StoreError(str(exc)) from None

    def _file_one(self, path, size, mtime_ns, digest, entry, statements, lookups) -> None:
        known = self.db.execute("SELECT size, mtime_ns, entry FROM files WHERE path = ?", (path,)).fetchone()
        if known == (size, mtime_ns, entry):
            return
        self.db.execute("DELETE FROM statements WHERE path = ?", (path,))
        rows, filed = [], []
        for rule, items in statements.items():
            for seq, s in enumerate(items):
                data = json.dumps(s.data, ensure_ascii=False, separators=(",", ":")) if s.data else None
                rows.append((path, rule, s.key, seq, s.start, s.end, s.line, s.column, s.end_line, s.end_column, s.match, s.side, s.variant, data))
                known = (rule, s.key)
                if known in self._looked_up or known in self._pending:
                    continue
                self._pending.add(known)
                keys = lookups(rule, s)
                if keys != (s.key,):
                    filed.extend((rule, lookup, s.key) for lookup in keys)
        self.db.executemany("INSERT INTO statements VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
        self.db.executemany("INSERT OR IGNORE INTO lookups VALUES (?, ?, ?)", filed)
        self.db.execute(
            "INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, ?)",
            (path, size, mtime_ns, time.time_ns(), digest, entry),
        )

    def forget(self, paths: list[str]) -> None:
        """Drop what was filed for `paths` (absolute): files that no longer exist."""
        if not paths:
            return
        try:
            with transaction(self.db):
                self.db.executemany("DELETE FROM statements WHERE path = ?", [(p,) for p in paths])
                self.db.executemany("DELETE FROM files WHERE path = ?", [(p,) for p in paths])
        except self._error as exc:
            raise StoreError(str(exc)) from None

    def keys(self, rule: str, lookups: set[str]) -> set[str]:
        """The keys of `rule` filed under `lookups` (a key is filed under itself)."""
        try:
            keys = set(lookups)
            for batch in _batches(sorted(lookups)):
                marks = ",".join("?" * len(batch))
                keys.update(k for (k,) in self.db.execute(f"SELECT key FROM lookups WHERE rule = ? AND lookup IN ({marks})", (rule, *batch)))
            return keys
        except self._error as exc:
            raise StoreError(str(exc)) from None

    def fetch(self, rule: str, keys: set[str]) -> list[tuple]:
        """(absolute path, order in its file, key, start, end, line, column, end line, end column,
        match, side, variant, data) of every statement of `rule` about one of `keys`."""
        try:
            out = []
            for batch in _batches(sorted(keys)):
                marks = ",".join("?" * len(batch))
                query = (
                    "SELECT path, seq, key, start, end, line, column, end_line, end_column, match, side, variant, data"
                    f" FROM statements WHERE rule = ? AND key IN ({marks})"
                )
                out.extend(self.db.execute(query, (rule, *batch)))
            return out
        except self._error as exc:
            raise StoreError(str(exc)) from None


def _batches(items: list[str]):
    for i in range(0, len(items), _BATCH):
        yield items[i:i + _BATCH]


def open_store(cache_root: Path) -> SiteStore:
    """The store of this version of the code under the cache folder; stores of other versions
    are removed, since nothing will read them again."""
    from ketalint.cache import code_stamp

    folder = cache_root / "site"
    name = f"v{SCHEMA}-{code_stamp()}.sqlite"
    try:
        for old in folder.iterdir():
            if not old.name.startswith(name):
                old.unlink()
    except OSError:
        pass
    return SiteStore(folder / name)
