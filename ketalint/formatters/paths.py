"""Paths as CI systems want them: relative to the folder the check ran in, with `/` separators.

GitHub annotations, code scanning and GitLab's Code Quality widget resolve paths against the
repository checkout, which is where CI runs ketalint; a path given on the command line is kept.
"""

from __future__ import annotations

import os
from pathlib import Path


def artifact_path(path: str) -> str:
    if os.path.isabs(path):
        try:
            return Path(path).relative_to(Path.cwd()).as_posix()
        except ValueError:
            return Path(path).as_posix()
    return Path(os.path.normpath(path)).as_posix()
