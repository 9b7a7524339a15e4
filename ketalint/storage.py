"""What the compiled snapshots in the cache folder share: plain data only, digests, atomic writes.

Snapshots are `marshal` of plain values, never pickle, so that a cache folder cannot make
ketalint run code; `plain` checks that before anything is written.
"""

from __future__ import annotations

import os
from pathlib import Path

_PLAIN_SCALARS = (str, int, float, bool, type(None), bytes)


def plain(value):
    """`value` rebuilt from plain types only (a YAML mapping is a dict subclass, a regex flag an
    int subclass); TypeError for anything else."""
    if isinstance(value, dict):
        return {plain(k): plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, tuple):
        return tuple(plain(v) for v in value)
    if type(value) in _PLAIN_SCALARS:
        return value
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
