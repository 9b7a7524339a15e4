"""Lint one very large article and show that time and memory grow linearly with its size.

    python bench/large_file.py              # 5, 25 and 50 MB, Markdown and plain text
    python bench/large_file.py --sizes 1 2  # other sizes (MB)

Each size runs in a fresh process so that its peak resident memory is its own. The article
mixes headings, lists, emphasis, links, inline code, entities, quotes and long paragraphs, and
the run uses the default pack plus a few rules of every type that fire often, so matching,
context tests, suppression and finding creation are all exercised. Seconds per MB should stay
flat as the size grows; a quadratic step shows up as seconds per MB rising with the size.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RULES = """
pack: bench
rules:
  - id: bench.forever
    type: phrase
    category: overclaim
    severity: warning
    message: "Promise of permanence: {match}"
    phrases: ["lasts forever", "permanent relief"]
    fuzzy: 90
  - id: bench.neurons
    type: substitution
    category: factual
    severity: warning
    message: "Say {preferred}"
    swap: {"hundred billion neurons": "86 billion neurons"}
  - id: bench.bdnf
    type: claim
    category: factual
    severity: error
    message: BDNF is a growth factor, not a neurotransmitter
    subject: ['\\bBDNF\\b']
    predicate: ['\\bneurotransmitters?\\b']
    order: any
    within: 6
    unless_hedged: true
"""

SECTION = """## Section {n}: what a visit looks like

Our team reviews your history first (including medicines, e.g. blood-pressure tablets) before any
plan is made. Dr. Rivera explains each step; sessions last about 40 minutes &amp; you rest after.
Some people feel relief quickly, while others notice changes over several weeks... results vary.
Our *new* programme offers **permanent relief** that lasts forever, and the brain has a hundred
billion neurons. BDNF is a neurotransmitter, they say. BDNF is a protein, not a neurotransmitter.
See [our guide](https://example.org/guide-{n}) or the `intake` form; call us at 555-0100.

- Blood pressure is checked before, during and after each session.
- You may feel “floaty” or detached for a short while; this usually passes within the hour.
- Nausea and dizziness can occur; please arrange a ride home.

<!-- ketalint-disable-next-line bench.neurons -->
A long paragraph follows, written as one block so that sentence splitting, abbreviation checks and
quotation tests run over many sentences in a row. It is not a promise that treatment works for
everyone. Dr. Chen (M.D.) and Prof. Ortiz vs. the old approach: i.e. a measured plan, approx. 6
sessions over 2.5 weeks. Patients said “it helped” and “it was calm”. A hundred billion neurons.

"""


def write_article(path: Path, megabytes: float, fmt: str) -> int:
    """Write an article of about `megabytes` MB; returns its size in bytes."""
    target = int(megabytes * 1_000_000)
    written, n = 0, 0
    with open(path, "w", encoding="utf-8") as handle:
        while written < target:
            chunk = SECTION.format(n=n)
            if fmt == "text":
                chunk = chunk.replace("## ", "").replace("- ", "• ").replace("**", "").replace("*", "")
            handle.write(chunk)
            written += len(chunk.encode("utf-8"))
            n += 1
    return written


def measure_one(megabytes: float, fmt: str) -> dict:
    """Run in a child process: lint one generated article; seconds, MB/s, findings, peak MB."""
    from ketalint.api import CheckOptions, load_rules, run_check
    from ketalint.config import Config
    from ketalint.packs import parse_pack

    with tempfile.TemporaryDirectory() as tmp:
        article = Path(tmp) / ("big.md" if fmt == "markdown" else "big.txt")
        size = write_article(article, megabytes, fmt)
        config = Config(root=Path(tmp), max_file_size_mb=1000)
        rules = load_rules(config) + parse_pack(RULES, "bench.yaml")
        start = time.perf_counter()
        report = run_check(config, CheckOptions(paths=[str(article)]), rules)
        seconds = time.perf_counter() - start
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "format": fmt, "mb": size / 1e6, "seconds": seconds, "mb_per_s": size / 1e6 / seconds,
        "findings": len(report.findings), "peak_mb": peak_kb / 1024,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="+", type=float, default=[5, 25, 50])
    parser.add_argument("--formats", nargs="+", default=["markdown", "text"])
    parser.add_argument("--one", nargs=2, metavar=("MB", "FORMAT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure_one(float(args.one[0]), args.one[1])))
        return
    print(f"{'format':9} {'MB':>6} {'seconds':>8} {'s/MB':>6} {'MB/s':>6} {'findings':>9} {'peak MB':>8}")
    for fmt in args.formats:
        for size in args.sizes:
            out = subprocess.run(
                [sys.executable, __file__, "--one", str(size), fmt],
                check=True, capture_output=True, text=True, env=dict(os.environ),
            )
            r = json.loads(out.stdout)
            print(f"{r['format']:9} {r['mb']:6.1f} {r['seconds']:8.2f} {r['seconds'] / r['mb']:6.2f} "
                  f"{r['mb_per_s']:6.2f} {r['findings']:9d} {r['peak_mb']:8.0f}")


if __name__ == "__main__":
    main()
