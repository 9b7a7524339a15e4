"""Timing of corpus mode on a generated site: a cold run, a warm run (everything cached) and a
pre-commit-style run (one changed file, the rest of the site from the cache).

    .venv/bin/python bench/corpus_run.py [ARTICLES]
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

from ketalint.api import CheckOptions, run_check
from ketalint.config import Config

SITE = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "site"


def build(root: Path, articles: int) -> list[Path]:
    """Copies of the test site's articles, each with a sentence of its own so no two are equal."""
    sources = sorted(SITE.iterdir())
    out = []
    for i in range(articles):
        src = sources[i % len(sources)]
        text = src.read_text(encoding="utf-8")
        extra = f"Visit number {i} is booked through the front desk of clinic {i % 37}."
        text = text.replace("</body>", f"<p>{extra}</p></body>") if src.suffix == ".html" else text + f"\n{extra}\n"
        path = root / f"a{i:05}{src.suffix}"
        path.write_text(text, encoding="utf-8")
        out.append(path)
    return out


def timed(label: str, config: Config, options: CheckOptions) -> None:
    start = time.perf_counter()
    report = run_check(config, options)
    print(f"{label:34} {time.perf_counter() - start:7.2f} s  {len(report.findings):6} findings")


def main(articles: int) -> None:
    root = Path(tempfile.mkdtemp(prefix="ketalint-bench-"))
    try:
        paths = build(root, articles)
        config = Config(root=root, cache_dir=root / ".cache", corpus=("*",))
        print(f"{articles} articles")
        timed("cold (parse all, write cache)", config, CheckOptions(paths=[str(root)]))
        timed("warm (all from cache)", config, CheckOptions(paths=[str(root)]))
        paths[0].write_text(paths[0].read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
        timed("one changed file + cached corpus", config, CheckOptions(paths=[str(paths[0])]))
        timed("one file, no cache", config, CheckOptions(paths=[str(paths[0])], cache=False))
    finally:
        shutil.rmtree(root)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
