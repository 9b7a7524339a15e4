"""Finding the articles to lint and reading them, with a clear note for every file that cannot be.

Unreadable files, symlink loops and files over the size limit are errors (the run goes on with
the other files, and exits 2); binary files are skipped with a note; invalid UTF-8 is decoded
with replacement characters and a warning; empty files are fine.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ketalint.config import Config
from ketalint.globs import matches
from ketalint.storage import blake2b
from ketalint.values import Frozen

SUFFIXES = frozenset({".md", ".markdown", ".mdx", ".html", ".htm", ".txt"})
SKIPPED_DIRS = frozenset({
    ".git", ".hg", ".svn", "node_modules", ".venv", "venv", "__pycache__", ".ketalint_cache",
    ".tox", ".nox", ".mypy_cache", ".pytest_cache", ".ruff_cache", "site-packages",
})
_BINARY_SNIFF = 8192


class Problem(Frozen):
    """A file-level problem: level is "error" (exit 2), "warning" or "note"."""

    __slots__ = ("path", "level", "message")

    def __init__(self, path: str, level: str, message: str):
        self.assign(path=path, level=level, message=message)

    def __str__(self) -> str:
        return f"{self.path}: {self.level}: {self.message}"


class FileText(Frozen):
    """A decoded article and what `--fix` needs to write it back faithfully."""

    __slots__ = ("path", "text", "digest", "bom", "lossless")

    def __init__(self, path: str, text: str, digest: str, bom: bool = False, lossless: bool = True):
        self.assign(path=path, text=text, digest=digest, bom=bom, lossless=lossless)


_working_directory: list[str] = []  # the run's, while one is under way (see `run_directory`)


@contextmanager
def run_directory() -> Iterator[None]:
    """Within it, relative paths are made absolute against the working directory as it was on
    entry, which a run does not change: `os.path.abspath` asks the system for it every time,
    and a run asked some eight times a file."""
    try:
        directory = os.getcwd()
    except OSError:  # removed under the process: `abspath` says so where it is needed
        directory = None
    if directory is None:
        yield
        return
    _working_directory.append(directory)
    try:
        yield
    finally:
        _working_directory.pop()


def absolute(path: str) -> str:
    """`os.path.abspath(path)`, against the run's working directory during a run."""
    if not _working_directory or os.path.isabs(path):
        return os.path.abspath(path)
    return os.path.normpath(os.path.join(_working_directory[-1], path))


def same_file_key(path: str) -> str:
    """One spelling for every way of naming a file (`./a.md`, `a.md`, an absolute path)."""
    return os.path.normcase(absolute(path))


def relative_to_root(path: str, config: Config) -> str:
    """The path as config globs see it. String work on POSIX: a site's every file goes through
    here on each run, and pathlib costs more than the rest of deciding what applies to it."""
    absolute_path = absolute(path)
    root = str(config.root)
    if os.sep == "/" and absolute_path.startswith(root.rstrip("/") + "/"):
        return absolute_path[len(root.rstrip("/")) + 1:]
    try:
        return Path(absolute_path).relative_to(config.root).as_posix()
    except ValueError:
        return Path(path).as_posix()


def discover(paths: list[str], config: Config) -> tuple[list[str], list[Problem]]:
    """Files to lint: named files as given, folders walked for the supported suffixes."""
    found: list[str] = []
    problems: list[Problem] = []
    seen: set[str] = set()
    for given in paths:
        if os.path.isdir(given):
            candidates = _walk(given, problems)
        elif os.path.lexists(given):
            candidates = [given]
        else:
            problems.append(Problem(given, "error", "no such file or folder"))
            continue
        for path in candidates:
            rel = relative_to_root(path, config)
            if config.exclude and matches(rel, config.exclude):
                continue
            if config.include and os.path.isdir(given) and not matches(rel, config.include):
                continue
            key = same_file_key(path)
            if key not in seen:
                seen.add(key)
                found.append(path)
    return found, problems


def _walk(folder: str, problems: list[Problem]) -> list[str]:
    out = []

    def on_error(exc: OSError) -> None:
        problems.append(Problem(exc.filename or folder, "error", f"cannot read folder: {exc.strerror}"))

    for dirpath, dirnames, filenames in os.walk(folder, onerror=on_error):
        dirnames[:] = sorted(d for d in dirnames if d not in SKIPPED_DIRS and not d.startswith("."))
        for name in sorted(filenames):
            if os.path.splitext(name)[1].lower() in SUFFIXES:
                out.append(os.path.join(dirpath, name))
    return out


def read_article(path: str, max_bytes: int) -> tuple[FileText | None, list[Problem]]:
    """Read and decode one file; None when it cannot or should not be linted."""
    text, problems, _ = decoded(path, *read_bytes(path, max_bytes))
    return text, problems


def read_bytes(path: str, max_bytes: int) -> tuple[os.stat_result | None, bytes | None, list[Problem]]:
    """(the file's status when read, its bytes, problems): one open, one `fstat` and reads to the
    end, so the status (which the cache keys unchanged files by) is that of the bytes read. A
    file that is, or grows, larger than `max_bytes` is not read past the limit."""
    try:
        fd = os.open(path, _READ_FLAGS)
    except OSError as exc:
        return None, None, [_unreadable(path, exc)]
    try:
        status = os.fstat(fd)
        if status.st_size > max_bytes:
            return status, None, [_too_large(path, status.st_size, max_bytes)]
        parts = []
        total = 0
        want = status.st_size + 1  # one read takes a regular file whole; the next finds its end
        while True:
            part = os.read(fd, want)
            if not part:
                break
            parts.append(part)
            total += len(part)
            if total > max_bytes:
                return status, None, [_too_large(path, total, max_bytes)]
            want = 1 << 16
    except OSError as exc:
        return None, None, [_unreadable(path, exc)]
    finally:
        os.close(fd)
    return status, parts[0] if len(parts) == 1 else b"".join(parts), []


_READ_FLAGS = os.O_RDONLY | getattr(os, "O_BINARY", 0)  # bytes as stored, on systems that would translate line ends


def decoded(path: str, status: os.stat_result | None, data: bytes | None, problems: list[Problem]
            ) -> tuple[FileText | None, list[Problem], os.stat_result | None]:
    """`read_bytes`'s answer decoded (see `decode`)."""
    if data is None:
        return None, problems, status
    text, problems = decode(path, data)
    return text, problems, status


def _unreadable(path: str, exc: OSError) -> Problem:
    return Problem(path, "error", f"cannot read file: {exc.strerror or exc}")


def _too_large(path: str, size: int, max_bytes: int) -> Problem:
    return Problem(path, "error", f"file is too large ({size / 1e6:.1f} MB; the limit is {max_bytes / 1e6:.0f} MB, set max_file_size_mb to raise it)")


class ReadAhead:
    """Files read a chunk at a time, just before the chunk is analysed.

    Reading a file between two analyses costs several times what reading it after another
    file does: the analysis evicts the kernel's file-reading code and data from the processor's
    caches (on this project's 2-core machine, about 60 to 95 against 12 to 19 microseconds a
    file, some 2 % of a cold run's work). At most `budget` bytes are held ahead; the rest are
    read when asked for.
    """

    __slots__ = ("max_bytes", "budget", "held")

    def __init__(self, max_bytes: int, budget: int = 4_000_000):
        self.max_bytes, self.budget = max_bytes, budget
        self.held: dict[str, tuple[os.stat_result | None, bytes | None, list[Problem]]] = {}

    def read(self, paths) -> None:
        """Read `paths` ahead, dropping what an earlier chunk left unasked."""
        held = self.held
        held.clear()
        left = self.budget
        for path in paths:
            if left <= 0:
                break
            read = held[path] = read_bytes(path, self.max_bytes)
            if read[1] is not None:
                left -= len(read[1])

    def article(self, path: str) -> tuple[FileText | None, list[Problem], os.stat_result | None]:
        """(the decoded file, problems, its status when read), read ahead or now."""
        read = self.held.pop(path, None)
        return decoded(path, *(read if read is not None else read_bytes(path, self.max_bytes)))


def decode(path: str, data: bytes) -> tuple[FileText | None, list[Problem]]:
    """Decode bytes as UTF-8 (a BOM is remembered and removed); binary data is skipped."""
    if b"\x00" in data[:_BINARY_SNIFF]:
        return None, [Problem(path, "note", "binary file skipped")]
    digest = blake2b(data, digest_size=16).hexdigest()
    bom = data.startswith(b"\xef\xbb\xbf")
    body = data[3:] if bom else data
    try:
        return FileText(path, body.decode("utf-8"), digest, bom), []
    except UnicodeDecodeError as exc:
        text = body.decode("utf-8", errors="replace")
        warning = Problem(path, "warning", f"invalid UTF-8 at byte {exc.start + (3 if bom else 0)}; decoded with replacement characters (--fix will not write this file)")
        return FileText(path, text, digest, bom, lossless=False), [warning]
