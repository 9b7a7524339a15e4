"""Parsed configuration tables kept by the exact text they were parsed from.

Importing PyYAML and parsing even a one-line `.ketalint.yaml` costs a pre-commit run more than
linting one article's first sentences. A config file that loaded and validated is kept as plain
data under `<cache dir>/rules/config-<key>.marshal`, where the key is a digest of the file's
whole text, the ketalint code and the installed PyYAML: any edit, however quick and whatever it
does to the file's size or time stamps, changes the key, so a stale table is never used. Only
validated tables are kept, so a broken config is always parsed again and reported with its line.
Like the rule snapshot, the file is `marshal` of plain values, never pickle: it cannot run code.
"""

from __future__ import annotations

import marshal
import os
from functools import lru_cache
from pathlib import Path

from ketalint.storage import blake2b, keep_newest, plain, write_atomic

FORMAT = 1


def read_table(folder: Path, text: str) -> dict | None:
    """The table stored for exactly this text, or None (missing, unreadable, another version)."""
    try:
        target = _target(folder, text)
        with open(target, "rb") as handle:
            data = marshal.loads(handle.read())
    except (OSError, ValueError, TypeError, EOFError, ImportError):
        return None
    if not isinstance(data, tuple) or len(data) != 3 or data[0] != FORMAT or data[1] != target.stem:
        return None
    return data[2] if isinstance(data[2], dict) else None


def write_table(folder: Path, text: str, table: dict) -> None:
    """Keep a validated table; a value that is not plain data skips it."""
    try:
        target = _target(folder, text)
        payload = marshal.dumps((FORMAT, target.stem, plain(table)))
    except (OSError, ValueError, TypeError, ImportError):
        return
    write_atomic(target, payload)
    keep_newest(target.parent, lambda name: name.startswith("config-") and name.endswith(".marshal"), _KEPT)


_KEPT = 16  # tables kept (a few dozen bytes each): one per configuration text and version of the code


def _target(folder: Path, text: str) -> Path:
    from ketalint import __version__
    from ketalint.cache import code_stamp

    stamp = repr((FORMAT, __version__, code_stamp(), yaml_stamp())).encode()
    digest = blake2b(stamp + b"\x00" + text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()
    return Path(folder) / "rules" / f"config-{digest}.marshal"


@lru_cache(maxsize=1)
def yaml_stamp() -> tuple:
    """The installed PyYAML (its location, size and time), found without importing it: an upgrade
    may parse the same text differently."""
    from importlib.util import find_spec

    spec = find_spec("yaml")
    if spec is None or not spec.origin:
        return ()
    stat = os.stat(spec.origin)
    folder = os.stat(os.path.dirname(spec.origin))  # changes when a module (the C loader) comes or goes
    return (spec.origin, stat.st_size, stat.st_mtime_ns, folder.st_mtime_ns)
