"""What the cache folder's files share: plain data only, digests, atomic writes, SQLite files.

Snapshots are `marshal` of plain values, never pickle, so that a cache folder cannot make
ketalint run code; `plain` checks that before anything is written.
"""

from __future__ import annotations

import os
import time
from contextlib import contextmanager
from pathlib import Path

_PLAIN_SCALARS = frozenset((str, int, float, bool, type(None), bytes))


def plain(value):
    """`value` rebuilt from plain types only (a YAML mapping is a dict subclass, a regex flag an
    int subclass); TypeError for anything else.

    A snapshot is a few hundred thousand values, most of them scalars in lists and tuples of
    scalars: those are told apart by their exact type first, and such a tuple is kept as it is
    and such a list copied whole, rather than either being rebuilt item by item."""
    kind = type(value)
    if kind in _PLAIN_SCALARS:
        return value
    if kind is tuple or kind is list:
        for item in value:
            if type(item) not in _PLAIN_SCALARS:
                return kind(map(plain, value))
        return value if kind is tuple else list(value)
    if isinstance(value, dict):
        return {plain(k): plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, tuple):
        return tuple(plain(v) for v in value)
    if isinstance(value, int) and not isinstance(value, bool):
        return int(value)
    raise TypeError(f"not plain data: {type(value).__name__}")


def blake2b(data: bytes, digest_size: int):
    """hashlib's blake2b is this very class; importing it directly skips loading OpenSSL."""
    try:
        from _blake2 import blake2b as digest
    except ImportError:  # pragma: no cover - an interpreter built without it
        from hashlib import blake2b as digest
    return digest(data, digest_size=digest_size)


def temporary_file(folder: Path, prefix: str, suffix: str) -> tuple[int, str]:
    """(descriptor, path) of a new file no one else can have opened: what `tempfile.mkstemp`
    does, without importing `tempfile` (and `random`, `shutil`) on every run that writes a cache entry."""
    for _ in range(100):
        path = os.path.join(folder, f"{prefix}{os.urandom(6).hex()}{suffix}")
        try:
            return os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600), path
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name in {folder}")


def write_atomic(target: Path, payload: bytes) -> None:
    """Write to a temporary name and rename, so a reader never sees half a file; a folder that
    cannot be written only costs the next run its start-up time."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = temporary_file(target.parent, ".tmp-", target.suffix)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(payload)
            os.replace(tmp, target)
        except BaseException:
            try:
                os.unlink(tmp)
            except OSError:
                pass
            raise
    except OSError:
        pass


def keep_newest(folder: Path, kind, keep: int) -> None:
    """Remove all but the `keep` newest files of `folder` whose names `kind` accepts.

    What a run compiles into the cache is keyed by what it was compiled from (the code, the rule
    packs, the configuration), and every edit or upgrade makes a new key: without this the
    compiled rule sets of every edit a pack ever had (several megabytes each) would stay.
    A file removed while another run uses it is only compiled again."""
    try:
        found = [(entry.stat().st_mtime_ns, entry.name) for entry in os.scandir(folder)
                 if entry.is_file(follow_symlinks=False) and kind(entry.name)]
    except OSError:
        return
    for _, name in sorted(found, reverse=True)[keep:]:
        try:
            os.unlink(os.path.join(folder, name))
        except OSError:
            pass


_OPEN_TRIES, _OPEN_PAUSE = 100, 0.01


def sqlite_module():
    """SQLite's C module where it can be imported alone: the `sqlite3` package around it also
    imports `datetime` for adapters the cache does not use (0.7 ms of a one-article run). Its
    error classes are the package's own."""
    try:
        import _sqlite3 as sqlite
    except ImportError:  # pragma: no cover - an interpreter that lays SQLite out otherwise
        import sqlite3 as sqlite
    return sqlite


def open_database(path: Path, tables, synchronous: str, timeout: float = 10):
    """A connection to the SQLite file at `path` in WAL mode (several runs read and write it at
    once), with the `tables` statements run; `sqlite3.Error` when there can be none.

    Runs and workers that start together may all find the file missing: one creates it while
    the others wait their turn (SQLite answers "locked" at once to a change of journal mode
    instead of waiting for the `timeout` it gives other writes)."""
    sqlite = sqlite_module()
    for attempt in range(_OPEN_TRIES):
        db = sqlite.connect(str(path), timeout=timeout, isolation_level=None, check_same_thread=False)
        try:
            if db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                db.execute("PRAGMA journal_mode=WAL")
            db.execute(f"PRAGMA synchronous={synchronous}")
            for statement in tables:
                db.execute(statement)
            return db
        except sqlite.OperationalError:
            db.close()
            if attempt + 1 == _OPEN_TRIES:
                raise
            time.sleep(_OPEN_PAUSE)
        except BaseException:
            db.close()
            raise
    raise AssertionError("unreachable")  # pragma: no cover


@contextmanager
def transaction(db):
    """One write transaction on `db`, taken at once (BEGIN IMMEDIATE, so that a writer waits
    for another here rather than failing at its first write), rolled back on any error."""
    db.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")
