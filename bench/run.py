"""Benchmark ketalint as a whole process on generated sites (see sitegen.py).

    python bench/run.py                 # the full set of scenarios
    python bench/run.py --quick         # fewer runs, no 5,000-article site

Each scenario is run several times; the median wall time, throughput and the peak resident
memory of the largest single process are printed. Where `proselint` is on PATH it is timed on
the same files in the same run and the ratio is shown.

"cold" means no per-file results are cached, while the compiled rule set (built by the first
run after installing or editing rules, see ketalint/snapshot.py) is; "nothing cached" also
removes that, as on the very first run. "warm cache" keeps both.

The full set ends with a 5,000-article site whose sentences nearly all differ (`sitegen
--distinct`): the bank's sentences recur across the other sites far more than a real site's
copy does, which spares the cross-article rules most of what they hold and compare.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from sitegen import write_site  # noqa: E402


def _console_script() -> list[str]:
    """The `ketalint` console script of this interpreter's environment, as pre-commit runs it;
    `python -m ketalint` where none is installed (it pays for runpy on every start)."""
    script = Path(sys.executable).with_name("ketalint.exe" if os.name == "nt" else "ketalint")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "ketalint"]


KETALINT = _console_script()


def timed(cmd: list[str], cwd: Path, env: dict | None = None) -> tuple[float, float, int]:
    """(wall seconds, peak RSS in MB of the largest process, exit code) of one run."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}): {err.strip()[:500]}")
    return wall, usage.ru_maxrss / 1024, proc.returncode


def _output(cmd: list[str], cwd: Path, before) -> bytes:
    """What one run prints (to compare the output of two ways of running)."""
    before()
    return subprocess.run(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, check=False).stdout


def _shown(cmd: list[str]) -> str:
    return " ".join(cmd if len(cmd) <= 12 else cmd[:3] + [f"<{len(cmd) - 3} files>"])


def measure(cmd, cwd, runs: int, before=None) -> dict:
    print(f"  $ (cd {cwd} && {_shown(cmd)})  x{runs}", flush=True)
    walls, peaks = [], []
    for _ in range(runs):
        if before:
            before()
        wall, peak, _ = timed(cmd, cwd)
        walls.append(wall)
        peaks.append(peak)
    return {"median": statistics.median(walls), "min": min(walls), "peak_mb": max(peaks)}


def alternated(runs_of: list[tuple[Path, list[str]]], runs: int) -> list[dict]:
    """`measure` of each (folder, command), cold (per-file results dropped before each run), the
    commands taking turns `runs` times."""
    for folder, cmd in runs_of:
        print(f"  $ (cd {folder} && {_shown(cmd)})  x{runs}, in turns", flush=True)
    walls: list[list[float]] = [[] for _ in runs_of]
    peaks: list[list[float]] = [[] for _ in runs_of]
    for _ in range(runs):
        for i, (folder, cmd) in enumerate(runs_of):
            _drop_results(folder / ".ketalint_cache")
            wall, peak, _ = timed(cmd, folder)
            walls[i].append(wall)
            peaks[i].append(peak)
    return [{"median": statistics.median(w), "min": min(w), "peak_mb": max(p)} for w, p in zip(walls, peaks)]


def report(name: str, result: dict, size_bytes: int | None = None, extra: str = "") -> None:
    rate = f"{size_bytes / 1e6 / result['median']:7.2f} MB/s" if size_bytes else " " * 12
    print(f"{name:48} {result['median'] * 1000:9.0f} ms {rate}  peak {result['peak_mb']:6.1f} MB  {extra}", flush=True)


def _drop_results(cache: Path) -> None:
    """Forget every per-file result but keep the compiled rule-set snapshot (`rules/`)."""
    if cache.is_dir():
        for entry in cache.iterdir():
            if entry.name != "rules":
                shutil.rmtree(entry, ignore_errors=True) if entry.is_dir() else entry.unlink()


def _settle() -> None:
    """Write out what was just written (a generated site, a rule set compiled into the cache)
    before timing anything: the kernel otherwise writes it back while the next runs are timed."""
    if hasattr(os, "sync"):
        os.sync()


def build_rule_set(folder: Path) -> None:
    """"Cold" keeps the compiled rule set: it is built here, untimed, as the first run after
    installing builds it, so that no timed run (and no peak) includes building it."""
    subprocess.run(KETALINT + ["check", "article-00000.md"], cwd=folder, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, check=False)
    _settle()


def site(root: Path, count: int, distinct: bool = False) -> tuple[Path, int]:
    folder = root / (f"site-{count}-distinct" if distinct else f"site-{count}")
    size = write_site(folder, count, distinct=distinct)
    (folder / ".ketalint.yaml").write_text("corpus: ['**/*']\n", encoding="utf-8")
    return folder, size


def main() -> None:
    parser = argparse.ArgumentParser(description="Benchmark ketalint on generated sites.")
    parser.add_argument("--quick", action="store_true", help="fewer runs, and no 5,000-article site")
    parser.add_argument("--keep", type=Path, help="generate the sites here and keep them")
    args = parser.parse_args()
    runs_small, runs_big = (3, 1) if args.quick else (10, 3)
    root = args.keep or Path(tempfile.mkdtemp(prefix="ketalint-bench-"))
    proselint = shutil.which("proselint")
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores; proselint: {proselint or 'not installed'}")
    try:
        sizes = [1, 100, 1000] + ([] if args.quick else [5000])
        sites = {n: site(root, n) for n in sizes}
        _settle()
        results = {}
        for n in sizes:
            folder, size = sites[n]
            cache = folder / ".ketalint_cache"
            runs = runs_small if n <= 100 else runs_big
            # One article is timed as pre-commit runs the hook: `ketalint check FILE`.
            command = KETALINT + (["check", "article-00000.md"] if n == 1 else ["check", ".", "-q", "--format", "json"])
            if n == 1:
                first = measure(command, folder, runs, before=lambda c=cache: shutil.rmtree(c, ignore_errors=True))
                report("1 article, nothing cached (first run)", first)
            else:
                build_rule_set(folder)
            cold = measure(command, folder, runs, before=lambda c=cache: _drop_results(c))
            results[n] = cold
            extra = ""
            if proselint and n <= 1000:  # proselint on 5,000 files takes minutes
                files = sorted(str(p) for p in folder.iterdir() if p.suffix in (".md", ".html", ".txt"))
                # The two take turns, so that the ratio is not skewed by the machine's speed
                # drifting between them; the row's own time is the runs above.
                ours, theirs = alternated([(folder, command), (folder, [proselint, "check", *files])], runs_small if n == 1 else runs_big)
                extra = (f"proselint {theirs['median'] * 1000:.0f} ms, ratio {ours['median'] / theirs['median']:.2f}"
                         f" in turns ({ours['median'] * 1000:.0f} ms)")
            report(f"{n} article(s), cold", cold, size, extra)
            if extra:
                _output(command, folder, lambda: None)  # the turns end with the results dropped
            warm = measure(command, folder, runs)
            report(f"{n} article(s), warm cache", warm, size)
        if 1000 in sites:
            # Cold, as the rows above, so that the ratio is the parallel speed-up of the per-file
            # work; without a cache at all, each run also compiles the rule pack in one process
            # before any work is shared out (the second pair shows that).
            folder, size = sites[1000]
            cache = folder / ".ketalint_cache"
            base = KETALINT + ["check", ".", "-q", "--format", "json"]
            # The two ways take turns, so that the ratio is not skewed by the machine's speed
            # drifting between them.
            drop = lambda c=cache: _drop_results(c)  # noqa: E731
            one, every = alternated([(folder, base + ["--jobs", "1"]), (folder, base)], runs_big)
            report("1000 articles, cold, --jobs 1", one, size)
            same = _output(base + ["--jobs", "1"], folder, drop) == _output(base, folder, drop)
            report("1000 articles, cold, all cores (default)", every, size,
                   f"speed-up: {one['median'] / every['median']:.2f}x, output {'identical' if same else 'DIFFERENT'}")
            uncached = base + ["--no-cache"]
            one, every = alternated([(folder, uncached + ["--jobs", "1"]), (folder, uncached)], runs_big)
            report("1000 articles, no cache, --jobs 1", one, size)
            report("1000 articles, no cache, all cores (default)", every, size, f"speed-up: {one['median'] / every['median']:.2f}x")
        biggest = max(sites)
        if biggest >= 1000:
            folder, size = sites[biggest]
            target = folder / "article-00003.md"
            original = target.read_text(encoding="utf-8")

            def touch_one() -> None:
                target.write_text(original + f"\nA sentence added at {time.time()}.\n", encoding="utf-8")

            hook = KETALINT + ["check", target.name]
            first_hook = measure(hook, folder, 1, before=touch_one)
            report(f"1 changed article in {biggest} (pre-commit), first run: files the site", first_hook)
            warm_one = measure(hook, folder, runs_small, before=touch_one)
            report(f"1 changed article in {biggest} (pre-commit), warm", warm_one)
            warm_all = measure(KETALINT + ["check", ".", "-q", "--format", "json"], folder, runs_big, before=touch_one)
            report(f"whole {biggest}-article site, 1 changed, warm", warm_all, size)
            target.write_text(original, encoding="utf-8")
        if 5000 in results and 1000 in results:
            print(f"growth 1000 -> 5000 articles (cold, rows above): {results[5000]['median'] / results[1000]['median']:.2f}x")
            # The rows above are minutes apart, and this machine's speed drifts by more than the
            # margin the target leaves; runs taken in turns share whatever it is doing.
            small, large = alternated([(sites[n][0], KETALINT + ["check", ".", "-q", "--format", "json"]) for n in (1000, 5000)], runs_big)
            print(f"growth 1000 -> 5000 articles (cold, in turns): {large['median'] / small['median']:.2f}x"
                  f" ({small['median'] * 1000:.0f} ms and {large['median'] * 1000:.0f} ms)", flush=True)
        if 5000 in sites:
            # The sentence bank recurs across the site far more than a real site's copy does; here
            # nearly every sentence is the site's only one of its kind (`sitegen --distinct`).
            folder, size = site(root, 5000, distinct=True)
            cache = folder / ".ketalint_cache"
            command = KETALINT + ["check", ".", "-q", "--format", "json"]
            build_rule_set(folder)
            report("5000 articles, distinct sentences, cold", measure(command, folder, 1, before=lambda c=cache: _drop_results(c)), size)
            report("5000 articles, distinct sentences, warm cache", measure(command, folder, runs_big), size)
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
