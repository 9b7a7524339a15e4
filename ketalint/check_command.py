"""What `ketalint check` does once its options are parsed: load, lint, print, choose the exit code.

Shared by the click command (`ketalint.commands`) and the plain entry point (`ketalint.cli`), so
it takes the function that prints (`echo`) and imports no click itself.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def run_check_command(
    paths, *, fmt=None, rule_paths=(), select=(), ignore=(), fail_on=None, config_path=None, stdin_filename=None,
    no_color=False, quiet=False, baseline_path=None, write_baseline_path=None, fix=False, show_diff=False,
    corpus_paths=(), no_cache=False, cache_dir=None, jobs=0, echo,
) -> None:
    """Lint PATHS and exit: 0 nothing at or above `--fail-on`, 1 findings, 2 errors."""
    from ketalint.config import load_config

    config = load_config(Path(config_path) if config_path else None, cache=not no_cache, cache_dir=Path(cache_dir) if cache_dir else None)
    unseeded = _seed_regexes(Path(cache_dir) if cache_dir else config.cache_dir) if not no_cache else None
    from ketalint.api import CheckOptions, run_check
    from ketalint.finding import severity_rank
    from ketalint.formatters import get_chunks as output_chunks

    fmt = fmt or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    options = CheckOptions(
        paths=list(paths) or ["."],
        select=_split(select),
        ignore=_split(ignore),
        rule_paths=tuple(Path(p) for p in rule_paths),
        corpus=tuple(corpus_paths),
        cache=not no_cache,
        cache_dir=Path(cache_dir) if cache_dir else None,
        jobs=jobs,
        keep_texts=bool(fix or show_diff) or fmt == "text",
    )
    if fix and "-" in paths:
        from click import UsageError

        raise UsageError("--fix cannot write to standard input (use --diff)")
    if paths == ("-",):
        options.stdin_text = sys.stdin.buffer.read()
        options.stdin_filename = stdin_filename or "stdin.md"
    elif "-" in paths:
        from click import UsageError

        raise UsageError("'-' (standard input) cannot be combined with other paths")
    known = _read_baseline(baseline_path)
    bar = _progress_bar(quiet)
    options.progress = bar
    try:
        report = run_check(config, options)
    finally:
        if bar is not None:
            bar.close()
    if unseeded is not None:
        _keep_regexes(unseeded)
    if fix or show_diff:
        report = _fix(report, known, show_diff, quiet, lambda: run_check(config, options), config.root, echo)
    if write_baseline_path:
        known = _write_baseline(Path(write_baseline_path), report.findings, config.root)
    if known is not None:
        from ketalint.baseline import apply_baseline

        report = apply_baseline(report, known, config.root)
    color = fmt == "text" and not no_color and "NO_COLOR" not in os.environ and sys.stdout.isatty()
    _print_report(echo, output_chunks(fmt)(report, color=color, quiet=quiet, root=config.root))
    for problem in report.problems:
        if not quiet or problem.level == "error":
            echo(f"ketalint: {problem}", err=True)
    threshold = severity_rank(fail_on or config.fail_on)
    if report.has_errors:
        sys.exit(2)
    sys.exit(1 if any(severity_rank(f.severity) >= threshold for f in report.findings) else 0)


def _print_report(echo, chunks) -> None:
    """A report or diff that cannot be written (a full disk) ends the run with one line and
    exit code 2; a closed pipe goes on to end it quietly (see `ketalint.cli`)."""
    try:
        for chunk in chunks:
            echo(chunk, nl=False)
    except BrokenPipeError:
        raise
    except OSError as exc:
        from ketalint.errors import KetalintError

        raise KetalintError(f"cannot write the report: {exc.strerror or exc}") from exc


def _seed_regexes(folder: Path | None) -> Path | None:
    """Before the rule modules are imported: their regexes from the cache (see
    `ketalint.regexseed`); the folder to keep them in when there were none."""
    if folder is None:
        return None
    from ketalint.regexseed import seed

    return None if seed(folder) else folder


def _keep_regexes(folder: Path) -> None:
    """Only after a run whose rules came from their snapshot: then `re` compiled only what
    a snapshot does not hold (the first run compiles every rule's patterns too)."""
    from ketalint.snapshot import used_snapshot

    if used_snapshot():
        # Imported only by runs that analyse an article: compiled here once, so that the
        # programs kept include its patterns even when every article's results were cached.
        import ketalint.restate  # noqa: F401
        from ketalint.regexseed import keep

        keep(folder)


def _progress_bar(quiet: bool):
    """A bar on standard error for long runs, only when standard error is a terminal."""
    if quiet or not sys.stderr.isatty():
        return None
    from ketalint.progress import ProgressBar

    return ProgressBar(sys.stderr)


def _split(values) -> tuple[str, ...]:
    return tuple(v.strip() for value in values for v in value.split(",") if v.strip())


def _read_baseline(path: str | None) -> set[str] | None:
    if path is None:
        return None
    from ketalint.baseline import read_baseline

    return read_baseline(Path(path))


def _write_baseline(path: Path, findings, root: Path) -> set[str]:
    from ketalint.baseline import read_baseline, write_baseline

    write_baseline(path, findings, root)
    return read_baseline(path)


def _fix(report, known, show_diff: bool, quiet: bool, relint, root: Path, echo):
    """--diff prints the planned fixes and exits; --fix writes them, then lints again so that
    the report shows what remains at its new position. Baselined findings are left alone."""
    from ketalint.baseline import apply_baseline
    from ketalint.fix import plan_fixes, render_diff, write_fixes

    todo = apply_baseline(report, known, root) if known is not None else report
    plans = plan_fixes(todo.findings, report.texts)
    if show_diff:
        diff = render_diff(plans)
        _print_report(echo, (diff,))
        for problem in report.problems:
            echo(f"ketalint: {problem}", err=True)
        sys.exit(2 if report.has_errors else 1 if diff else 0)
    outcome = write_fixes(plans)
    for problem in outcome.problems:
        echo(f"ketalint: {problem}", err=True)
    if not quiet and (outcome.fixed or outcome.skipped):
        echo(f"ketalint: {outcome.summary()}", err=True)
    return relint() if outcome.fixed else report
