"""Which files make up the site besides the ones named on the command line.

`--corpus PATH` (files or folders) and the config's `corpus:` globs (relative to the config
file) name the site; whatever of it was not named is *context*: read for its statements,
never reported on by itself.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from ketalint.config import Config
from ketalint.files import SKIPPED_DIRS, SUFFIXES, Problem, discover, relative_to_root, same_file_key
from ketalint.globs import matches

_WILDCARD = re.compile(r"[*?\[]")


def context_paths(config: Config, corpus_args, named: list[str]) -> tuple[list[str], list[Problem]]:
    """Site files that were not named, in a stable order, each once."""
    found, problems = discover(list(corpus_args), config) if corpus_args else ([], [])
    if config.corpus:
        found += [p for p in _walk_globs(config) if matches(relative_to_root(p, config), config.corpus)]
    seen = {same_file_key(p) for p in named}
    out = []
    for path in found:
        key = same_file_key(path)
        if key not in seen:
            seen.add(key)
            out.append(path)
    return out, problems


def _walk_globs(config: Config) -> list[str]:
    """Supported files under the fixed leading folders of the `corpus:` globs."""
    out: list[str] = []
    for top in sorted({_static_prefix(config.root, g) for g in config.corpus}):
        if top.is_file():
            out.append(str(top))
            continue
        for dirpath, dirnames, filenames in os.walk(top):
            dirnames[:] = sorted(d for d in dirnames if d not in SKIPPED_DIRS and not d.startswith("."))
            out.extend(os.path.join(dirpath, n) for n in sorted(filenames) if os.path.splitext(n)[1].lower() in SUFFIXES)
    return out


def _static_prefix(root: Path, pattern: str) -> Path:
    """`content/blog/**/*.md` -> root/content/blog; a pattern without '/' matches at any depth."""
    if "/" not in pattern.rstrip("/"):
        return root
    fixed = []
    for part in pattern.strip("/").split("/"):
        if _WILDCARD.search(part):
            break
        fixed.append(part)
    return root.joinpath(*fixed)
