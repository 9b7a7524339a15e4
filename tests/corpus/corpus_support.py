"""The test site (tests/fixtures/site: seven articles in Markdown, HTML and text) and a way to
check it with only the cross-article packs, so other packs' findings do not move the tests."""

from __future__ import annotations

import shutil
from pathlib import Path

from ketalint.api import CheckOptions, run_check
from ketalint.config import Config

SITE = Path(__file__).resolve().parent.parent / "fixtures" / "site"
CORPUS_PACKS = ("contradiction", "consistency")


def copy_site(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    shutil.copytree(SITE, root)
    return root


def check(root: Path, names=None, corpus=(), cache: bool = False, config: Config | None = None, select=CORPUS_PACKS):
    """Report of a run over `root` (or the named files in it), cache off unless asked."""
    config = config or Config(root=root, cache_dir=root / ".cache")
    paths = [str(root / n) for n in names] if names is not None else [str(root)]
    options = CheckOptions(paths=paths, select=select, corpus=tuple(str(c) for c in corpus), cache=cache)
    return run_check(config, options)


def summary(report) -> set[tuple[str, int, str, tuple[tuple[str, int], ...]]]:
    """(file, line, rule, related (file, line)...) of each finding: what the tests compare."""
    return {
        (Path(f.path).name, f.location.line, f.rule, tuple((Path(r.path).name, r.line) for r in f.related))
        for f in report.findings
    }


def places(report) -> set[tuple[str, int, str]]:
    return {(Path(f.path).name, f.location.line, f.rule) for f in report.findings}
