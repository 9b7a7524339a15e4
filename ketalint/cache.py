"""The per-file result cache: what analysing one file produced (findings, suppression regions,
statements for corpus rules), keyed by the file's content, its path and the rule set.

A warm run reads the rest of a site from here without parsing it. The cache is a convenience:
an entry that is missing, stale, truncated, written by another version or by two runs at once
is a miss, never an error. One file per entry, written to a temporary name and renamed, so a
reader never sees half an entry. Entries are plain data in `marshal` form: a cold run writes one
per file, and `marshal` writes and reads them several times faster than JSON. Its format may
change between Python versions, so the folder name holds the interpreter's version, and an entry
that does not read back as one this version wrote is a miss.
"""

from __future__ import annotations

import marshal
import os
import sys
from functools import lru_cache
from pathlib import Path

from ketalint import __version__
from ketalint.files import same_file_key
from ketalint.finding import Finding, Fix, Location
from ketalint.storage import blake2b, temporary_file

FORMAT = 2
SUFFIX = ".entry"
_TAG = "Signature: 8a477f597d28d172789f06886806bc55\n# A ketalint cache; safe to delete.\n"


class ResultCache:
    """Entries under `folder/v{FORMAT}-py{major}{minor}/ab/abcdef….entry`."""

    def __init__(self, folder: Path):
        self.root = Path(folder)
        self.folder = self.root / entry_folder_name()
        self._fingerprints: dict[int, tuple[object, str]] = {}
        self._made: set[str] = set()  # entry folders known to exist

    def key(self, path: str, digest: str, pairs) -> str:
        return blake2b(f"{path}\x00{digest}\x00{self._fingerprint(pairs)}".encode(), 20).hexdigest()

    def _fingerprint(self, pairs) -> str:
        """The rule set as far as results depend on it: each rule's full spec (its digest) and its severity."""
        known = self._fingerprints.get(id(pairs))
        if known is not None and known[0] is pairs:
            return known[1]
        text = repr([(rule.digest, severity) for rule, severity in pairs]) + __version__ + code_stamp()
        value = blake2b(text.encode(), 16).hexdigest()
        self._fingerprints[id(pairs)] = (pairs, value)
        return value

    def _file(self, key: str) -> str:
        return os.path.join(self.folder, key[:2], key + SUFFIX)

    def load(self, key: str, path: str | None = None):
        """The cached FileResult (its own locations naming the file as `path`), or None on a miss."""
        try:
            with open(self._file(key), "rb") as handle:
                return decode(marshal.loads(handle.read()), key, path)
        except (OSError, ValueError, TypeError, KeyError, IndexError, AttributeError, EOFError):
            return None

    def store(self, key: str, result) -> None:
        """Write one entry atomically; a cache that cannot be written is skipped silently."""
        target = self._file(key)
        try:
            payload = marshal.dumps(encode(result, key))
        except ValueError:  # pragma: no cover - an entry holds plain data only
            return
        try:
            folder = os.path.dirname(target)
            if folder not in self._made:
                os.makedirs(folder, exist_ok=True)
                self._tag()
                self._made.add(folder)
            fd, tmp = temporary_file(folder, f".{key[:8]}-", ".tmp")
            try:
                with os.fdopen(fd, "wb") as handle:
                    handle.write(payload)
                os.replace(tmp, target)
            except BaseException:
                _unlink(tmp)
                raise
        except OSError:
            return

    def _tag(self) -> None:
        tag = self.root / "CACHEDIR.TAG"
        if not tag.exists():
            tag.write_text(_TAG, encoding="utf-8")
            (self.root / ".gitignore").write_text("*\n", encoding="utf-8")


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


def _unlink(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


def encode(result, key: str) -> dict:
    return {
        "format": FORMAT,
        "key": key,
        "path": result.path,
        "findings": [_finding_row(f) for f in result.findings],
        "suppressions": [list(r[:2]) + [list(r[2]), r[3]] for r in result.suppressions],
        "statements": {rule: [s.to_json() for s in rows] for rule, rows in result.statements.items()},
    }


def decode(data: dict, key: str, path: str | None = None):
    """A FileResult from an entry; ValueError when the entry is not one this version wrote.

    With `path`, locations in the entry's own file are read as naming `path`: the entry may have
    been written under another spelling of the same file's path (see `analyze_cached`)."""
    from ketalint.api import FileResult
    from ketalint.corpus.statement import Statement

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
    for rows in data["statements"].values():
        for row in rows:
            if row[0] == stored:
                row[0] = path
    return FileResult(
        path,
        [_finding(row) for row in data["findings"]],
        {rule: [Statement.from_json(s) for s in rows] for rule, rows in data["statements"].items()},
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
    return Finding(
        Location(*loc),
        rule,
        category,
        severity,
        message,
        suggestion,
        tuple(Location(*r) for r in related),
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
    key = cache.key(same_file_key(file_text.path), file_text.digest, pairs)
    result = cache.load(key, file_text.path)
    if result is None:
        result = analyze(file_text, pairs)
        cache.store(key, result)
    return result
