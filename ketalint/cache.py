"""The per-file result cache: what analysing one file produced (findings, suppression regions,
statements for corpus rules), keyed by the file's content, its path and the rule set.

A warm run reads the rest of a site from here without parsing it. The cache is a convenience:
an entry that is missing, stale, damaged or written by another version is a miss, and a cache
that cannot be opened or written is skipped, never an error.

Entries are rows of one SQLite file, not a file each: a cold run over a site writes an entry
per article, and creating a file costs the kernel 0.1 to 0.3 ms on ext4 here, a tenth of what
analysing the article costs, where a row written with the rest of its chunk costs a few
microseconds. SQLite (in the standard library) also makes each chunk's rows appear at once,
and lets several runs (parallel pre-commit hooks, forked workers) read and write together.
A row's payload is plain data in `marshal` form, which writes and reads several times faster
than JSON; its format may change between Python versions, so the folder name holds the
interpreter's version, and an entry that does not read back as one this version wrote is a
miss. The file's name holds the installed code's stamp: entries of any other version of the
code are never read again, so opening the cache removes their files.
"""

from __future__ import annotations

import marshal
import os
import sys
from functools import lru_cache
from pathlib import Path

from ketalint import __version__
from ketalint.files import same_file_key
from ketalint.finding import Finding, Fix, Location, located, shared_finding
from ketalint.storage import blake2b, open_database, sqlite_module, transaction

FORMAT = 7
_TAG = "Signature: 8a477f597d28d172789f06886806bc55\n# A ketalint cache; safe to delete.\n"
_BATCH = 64  # entries held before they are written, where no chunk end writes them first
_BUSY_SECONDS = 10  # how long a write waits for another run's
_TABLES = (
    # Pages of 16 KiB: an entry of 10 to 20 KB is written in one or two pages rather than
    # several linked ones (a chunk's transaction took about a quarter less time).
    "PRAGMA page_size=16384",
    "CREATE TABLE IF NOT EXISTS entries(key TEXT PRIMARY KEY, path TEXT NOT NULL, rules TEXT NOT NULL, payload BLOB NOT NULL)",
    "CREATE INDEX IF NOT EXISTS entries_by_path ON entries(path, rules)",
)
_INHERITED: list = []  # connections a forked worker inherited: never used, never closed there
# Which process this is, counted up in a forked child: every look-up and store asks, and
# `os.getpid` is a system call each time.
_PROCESS = [0]


def _forked() -> None:
    _PROCESS[0] += 1


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forked)


class ResultCache:
    """Entries in `folder/v{FORMAT}-py{major}{minor}/entries-{code stamp}.sqlite`.

    Each process opens its own connection when it first needs one (SQLite connections must not
    cross a fork). Stored entries are held and written a batch at a time, in one transaction:
    `flush` writes what is held (a worker calls it after each chunk of files, a run at its end).
    """

    def __init__(self, folder: Path):
        self.root = Path(folder)
        self.folder = self.root / entry_folder_name()
        self._fingerprints: dict[int, tuple[object, str]] = {}
        self._db = None
        self._process = -1
        self._pending: list[tuple[str, str, str, bytes]] = []  # (key, path, rules, payload)
        # Whether the entries file held any entry when this process opened it; if not, only
        # the keys this process wrote are looked up: a first run over a site (a fresh checkout
        # in CI) looks up no file, though it writes entries as it goes.
        self._holds_entries = False
        self._written: set[str] = set()

    def key(self, path: str, digest: str, pairs) -> str:
        return blake2b(f"{path}\x00{digest}\x00{self.fingerprint(pairs)}".encode(), 20).hexdigest()

    def fingerprint(self, pairs) -> str:
        """The rule set as far as results depend on it: each rule's full spec (its digest) and its severity."""
        known = self._fingerprints.get(id(pairs))
        if known is not None and known[0] is pairs:
            return known[1]
        text = repr([(rule.digest, severity) for rule, severity in pairs]) + __version__ + code_stamp()
        value = blake2b(text.encode(), 16).hexdigest()
        self._fingerprints[id(pairs)] = (pairs, value)
        return value

    @property
    def path(self) -> Path:
        return self.folder / f"entries-{code_stamp()}.sqlite"

    def _connection(self):
        """This process's connection (None when the cache cannot be used)."""
        if self._process != _PROCESS[0]:
            if self._db is not None:
                _INHERITED.append(self._db)
            self._process, self._pending = _PROCESS[0], []
            self._db = _open(self.root, self.folder, self.path)
            self._holds_entries = bool(self._db) and _holds_entries(self._db)
            self._written = set()
        return self._db or None

    def load(self, key: str, path: str | None = None):
        """The cached FileResult (its own locations naming the file as `path`), or None on a miss."""
        db = self._connection()
        if db is None or not (self._holds_entries or key in self._written):
            return None
        sqlite = sqlite_module()
        try:
            row = db.execute("SELECT payload FROM entries WHERE key = ?", (key,)).fetchone()
            return None if row is None else decode(marshal.loads(row[0]), key, path)
        except sqlite.OperationalError:
            return None
        except sqlite.DatabaseError:  # damaged, as by a machine that stopped mid-write (see `_open`)
            db.close()
            _remove(self.path)
            self._db = _open(self.root, self.folder, self.path)
            return None
        except (ValueError, TypeError, KeyError, IndexError, AttributeError, EOFError):
            return None

    def store(self, key: str, result, path: str, rules: str, digest: str = "") -> None:
        """Hold one entry for the next `flush` (written at once when enough are held). `path`
        (as `key` names it) and `rules` (the rule set's `fingerprint`) say whose entry it is:
        writing it removes that file's entries for the same rules and older content, so the
        cache holds one entry per file and rule set however often the files are edited.
        `digest`: the content's, for packed statements' texts to be read back from the file."""
        if self._connection() is None:
            return
        try:
            self._pending.append((key, path, rules, marshal.dumps(encode(result, key, digest))))
        except ValueError:  # pragma: no cover - an entry holds plain data only
            return
        if len(self._pending) >= _BATCH:
            self.flush()

    def flush(self) -> None:
        """Write the held entries in one transaction; entries that cannot be written are dropped."""
        pending, self._pending = self._pending, []
        if not pending or self._process != _PROCESS[0] or not self._db:
            return
        sqlite = sqlite_module()
        db = self._db
        try:
            with transaction(db):
                db.executemany("DELETE FROM entries WHERE path = ? AND rules = ? AND key <> ?", [(p, r, k) for k, p, r, _ in pending])
                db.executemany("INSERT OR REPLACE INTO entries VALUES (?, ?, ?, ?)", pending)
            if not self._holds_entries:
                self._written.update(k for k, _, _, _ in pending)
        except sqlite.Error:
            pass

    def forget_missing(self, listed: set[str]) -> None:
        """Remove the entries of files that no longer exist (deleted or renamed), so that the
        cache of a site whose articles come and go does not grow. `listed`: paths (as entries
        name them) this run found, which exist and need no check; the others are looked up."""
        db = self._connection()
        if db is None:
            return
        sqlite = sqlite_module()
        try:
            paths = [row[0] for row in db.execute("SELECT DISTINCT path FROM entries")]
            gone = [(path,) for path in paths if path not in listed and not os.path.lexists(path)]
            if gone:
                with transaction(db):
                    db.executemany("DELETE FROM entries WHERE path = ?", gone)
        except sqlite.Error:
            pass

    def keys(self) -> list[str]:
        """The keys of the written entries, in order (for tests and diagnostics: a run never lists them)."""
        db = self._connection()
        if db is None:
            return []
        try:
            return [row[0] for row in db.execute("SELECT key FROM entries ORDER BY key")]
        except sqlite_module().Error:
            return []

    def close(self) -> None:
        """Write what is held and close this process's connection."""
        self.flush()
        if self._db and self._process == _PROCESS[0]:
            self._db.close()
        self._db, self._process = None, -1


def _holds_entries(db) -> bool:
    """Whether the entries file holds any entry (an unreadable one counts as holding some)."""
    try:
        return db.execute("SELECT 1 FROM entries LIMIT 1").fetchone() is not None
    except sqlite_module().Error:
        return True


def _open(root: Path, folder: Path, path: Path):
    """A connection to the entries file at `path`, made as needed; False when there can be none.

    Writes are not synced to disk: a cache lost when the machine stops is only read again, and
    syncing cost a one-article run about 2 ms. A file that is not a database (damaged that way,
    or something else) is replaced by a new one."""
    sqlite = sqlite_module()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        _tag(root)
        _remove_others(folder, path.name)
    except OSError:
        return False
    for replaced in (False, True):
        try:
            return open_database(path, _TABLES, "OFF", _BUSY_SECONDS)
        except sqlite.OperationalError:
            return False
        except sqlite.DatabaseError:
            if replaced:
                return False
            _remove(path)
        except sqlite.Error:
            return False
    return False


def _tag(root: Path) -> None:
    tag = root / "CACHEDIR.TAG"
    if not tag.exists():
        tag.write_text(_TAG, encoding="utf-8")
        (root / ".gitignore").write_text("*\n", encoding="utf-8")


def _remove_others(folder: Path, keep: str) -> None:
    """Remove the entry files of other versions of the code (and their SQLite side files)."""
    for entry in os.scandir(folder):
        if entry.name.startswith("entries-") and not entry.name.startswith(keep):
            _remove(Path(entry.path))


def _remove(path: Path) -> None:
    for name in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        try:
            name.unlink()
        except OSError:
            pass


def entry_folder_name() -> str:
    """The folder of this format's entries, for this interpreter (see the module's docstring)."""
    return f"v{FORMAT}-py{sys.version_info[0]}{sys.version_info[1]}"


@lru_cache(maxsize=1)
def code_stamp() -> str:
    """The installed code (paths, sizes, modification times): an edited rule type must not be
    answered from entries its previous version wrote, even when the version number is the same."""
    stats: list[tuple[str, int, int]] = []
    folders = [os.path.dirname(os.path.abspath(__file__))]
    while folders:
        with os.scandir(folders.pop()) as entries:
            for entry in entries:
                if entry.is_dir():
                    folders.append(entry.path)
                elif entry.name.endswith(".py"):
                    stat = entry.stat()
                    stats.append((entry.path, stat.st_size, stat.st_mtime_ns))
    return blake2b(repr(sorted(stats)).encode(), 16).hexdigest()


def encode(result, key: str, digest: str = "") -> dict:
    return {
        "format": FORMAT,
        "key": key,
        "path": result.path,
        "digest": digest,
        "findings": [_finding_row(f) for f in result.findings],
        "suppressions": [list(r[:2]) + [list(r[2]), r[3]] for r in result.suppressions],
        "statements": {rule: _statement_rows(rows, digest) for rule, rows in result.statements.items()},
    }


def _statement_rows(rows, digest: str):
    """A list of statement rows, or for packed statements their columns as they are (keys, the
    offsets' type code and machine bytes): copy-drift's statement per sentence makes most of an
    entry, and unpacking each to a row cost more than the rest. Their matched texts, lines and
    columns are not stored (the texts were half of an entry): they are read back from the file,
    whose content the entry's key holds (see `ketalint.corpus.packed`)."""
    from ketalint.corpus.packed import PackedStatements

    if isinstance(rows, PackedStatements):
        offsets = rows.without_matches(digest).numbers
        return (rows.keys, offsets.typecode, offsets.tobytes())
    return [s.to_json() for s in rows]


def _statements(rows, stored: str, path: str, digest: str):
    if isinstance(rows, tuple):
        from array import array

        from ketalint.corpus.packed import PackedStatements

        keys, typecode, raw = rows
        if typecode not in ("i", "q"):
            raise ValueError("not packed statements")
        numbers = array(typecode)
        numbers.frombytes(raw)
        if not (isinstance(keys, tuple) and isinstance(digest, str) and len(numbers) == 2 * len(keys)):
            raise ValueError("not packed statements")
        return PackedStatements(path, keys, None, numbers, digest)
    from ketalint.corpus.statement import Statement

    for row in rows:
        if row[0] == stored:
            row[0] = path
    return [Statement.from_json(s) for s in rows]


def decode(data: dict, key: str, path: str | None = None):
    """A FileResult from an entry; ValueError when the entry is not one this version wrote.

    With `path`, locations in the entry's own file are read as naming `path`: the entry may have
    been written under another spelling of the same file's path (see `analyze_cached`)."""
    from ketalint.api import FileResult

    if not isinstance(data, dict) or data.get("format") != FORMAT or data.get("key") != key:
        raise ValueError("not a current cache entry")
    stored = data["path"]
    path = path or stored
    # Every location in the entry's own file names it with one string, as a fresh analysis
    # does: a stored entry may hold copies, and a warm run over a large site holds them all.
    for row in data["findings"]:
        for loc in [row[0], *row[6]]:
            if loc[0] == stored:
                loc[0] = path
    return FileResult(
        path,
        [_finding(row) for row in data["findings"]],
        {rule: _statements(rows, stored, path, data["digest"]) for rule, rows in data["statements"].items()},
        suppressions=[(a, b, tuple(ids), start) for a, b, ids, start in data["suppressions"]],
    )


def _location_row(loc: Location) -> list:
    return [loc.path, loc.line, loc.column, loc.end_line, loc.end_column, loc.match]


def _finding_row(f: Finding) -> list:
    fix = [f.fix.start, f.fix.end, f.fix.replacement] if f.fix else None
    related = [_location_row(r) for r in f.related]
    return [_location_row(f.location), f.rule, f.category, f.severity, f.message, f.suggestion, related, fix, f.start, f.end]


def _finding(row: list) -> Finding:
    loc, rule, category, severity, message, suggestion, related, fix, start, end = row
    return shared_finding(
        located(*loc),
        rule,
        category,
        severity,
        message,
        suggestion,
        tuple(located(*r) for r in related),
        Fix(*fix) if fix else None,
        start,
        end,
    )


def open_cache(config, enabled: bool = True, folder: Path | None = None) -> ResultCache | None:
    """The run's cache: `--cache-dir`, else the config's `cache_dir`; None with `--no-cache`."""
    if not enabled:
        return None
    folder = folder or config.cache_dir
    return ResultCache(folder) if folder is not None else None


def analyze_cached(file_text, pairs, cache: ResultCache | None, analyze):
    """`analyze(file_text, pairs)`, or its cached result for the same file, content and rules.

    Entries are keyed by the file's absolute path, so that a file named as `./a.md` on one run
    and reached as `a.md` through the corpus on the next shares one entry; a result read under
    another spelling of the path is read as naming the file the way this run does.
    """
    if cache is None:
        return analyze(file_text, pairs)
    absolute = same_file_key(file_text.path)
    key = cache.key(absolute, file_text.digest, pairs)
    result = cache.load(key, file_text.path)
    if result is None:
        result = analyze(file_text, pairs)
        cache.store(key, result, absolute, cache.fingerprint(pairs), file_text.digest)
    return result
