"""Compiled programs for the regexes modules compile with `re.compile` as they are imported.

Rule and language modules compile dozens of patterns at import time, and some rule patterns are
compiled from source when first matched: several milliseconds of a one-article run, every run.
After a run that had none (and took its rules from their snapshot, so that `re` compiled no rule
pattern the snapshot holds), the programs of every pattern in `re`'s own cache are kept in
`<cache dir>/rules/regex-<key>.marshal`, keyed by the ketalint code and the interpreter's regex
engine (see `ketalint.lazyregex`); before the next run imports those modules, each program is
built back with `_sre.compile` into `re`'s cache under the very key `re.compile(pattern, flags)`
looks up, so those calls find it there. A pattern is only ever built from the program of that
same pattern and flags, so what `re.compile` returns behaves exactly as if it had compiled it.
Nothing is done when `re` keeps its cache differently.
"""

from __future__ import annotations

import marshal
import re
from pathlib import Path

FORMAT = 1
_KEPT = 4  # programs kept for this many versions of the code
_MAX_PATTERNS = 400  # `re` keeps 512; kept below that so that seeding never pushes out its own


def seed(folder: Path) -> bool:
    """Put the kept programs into `re`'s cache; False when there were none to put."""
    cache = _re_cache()
    if cache is None:
        return False
    try:
        with open(_target(folder), "rb") as handle:
            data = marshal.loads(handle.read())
        if not isinstance(data, tuple) or len(data) != 2 or data[0] != FORMAT:
            return False
        from ketalint.lazyregex import _from_program

        for pattern, flags, program in data[1]:
            key = (str, pattern, flags)
            if key not in cache:
                compiled = _from_program(pattern, program)
                if compiled is not None:
                    cache[key] = compiled
    except (OSError, ValueError, TypeError, EOFError):
        return False
    return True


def keep(folder: Path) -> None:
    """Keep the programs of the patterns `re` compiled in this run, for the runs after it."""
    cache = _re_cache()
    if cache is None:
        return
    from ketalint.lazyregex import LazyPattern, export_program
    from ketalint.snapshot import _pack
    from ketalint.storage import keep_newest, plain, write_atomic

    rows = []
    for key in list(cache)[:_MAX_PATTERNS]:
        if not (isinstance(key, tuple) and len(key) == 3 and key[0] is str and isinstance(key[2], int)):
            continue
        program = export_program(LazyPattern(key[1], key[2]))
        if program is not None:
            rows.append((key[1], key[2], _pack(program)))
    try:
        payload = marshal.dumps(plain((FORMAT, rows)))
        target = _target(folder)
    except (TypeError, ValueError, OSError):
        return
    write_atomic(target, payload)
    keep_newest(target.parent, lambda name: name.startswith("regex-") and name.endswith(".marshal"), _KEPT)


def _re_cache() -> dict | None:
    """`re`'s cache when it is the dict keyed by (type, pattern, flags) that `re.compile` reads."""
    cache = getattr(re, "_cache", None)
    if not isinstance(cache, dict) or not isinstance(getattr(re, "_MAXCACHE", None), int):
        return None
    return cache


def _target(folder: Path) -> Path:
    from ketalint import __version__
    from ketalint.cache import code_stamp
    from ketalint.lazyregex import program_format
    from ketalint.storage import blake2b

    stamp = repr((FORMAT, __version__, code_stamp(), program_format())).encode()
    return Path(folder) / "rules" / f"regex-{blake2b(stamp, digest_size=16).hexdigest()}.marshal"
