"""The click commands. They parse options and call `check_command` or `api`; no lint logic.

Exit codes: 0 nothing at or above `--fail-on`, 1 findings, 2 usage, configuration or rule error.
Heavy modules are imported inside the commands so that start-up stays fast; the console entry
point is `ketalint.cli.main`, which runs `ketalint check FILE...` without this module at all.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ketalint import __version__
from ketalint.formatters import FORMATTERS


class _Group(click.Group):
    """Turns a known error into one line on stderr and exit code 2 inside the command itself, so
    that an embedding caller (click's test runner, a wrapper script) sees what the console sees."""

    def invoke(self, ctx: click.Context):
        from ketalint.errors import KetalintError

        try:
            return super().invoke(ctx)
        except KetalintError as exc:
            click.echo(f"ketalint: error: {exc}", err=True)
            ctx.exit(2)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="ketalint", message="%(prog)s %(version)s")
def cli() -> None:
    """Lint health-marketing articles for overclaims, factual errors, unhedged claims,
    missing safety sections and contradictions between articles."""


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("-f", "--format", "fmt", type=click.Choice(list(FORMATTERS)), default=None, help="Output format (default text).")
@click.option("--rules", "rule_paths", multiple=True, type=click.Path(), help="An extra rule pack file or folder (repeatable).")
@click.option("--select", multiple=True, help="Only these rule ids or dotted prefixes (repeatable, comma-separated).")
@click.option("--ignore", multiple=True, help="Skip these rule ids or dotted prefixes (repeatable, comma-separated).")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]), default=None, help="Lowest severity that makes the exit code 1 (default from config: warning).")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), default=None, help="Use this config file instead of searching for one.")
@click.option("--stdin-filename", default=None, help="With '-' as the path: the name (and so the format) of standard input.")
@click.option("--no-color", is_flag=True, help="Never colour the text output.")
@click.option("-q", "--quiet", is_flag=True, help="Print findings only: no summary and no notes.")
@click.option("--baseline", "baseline_path", type=click.Path(dir_okay=False), default=None, help="Report only findings not recorded in this baseline file.")
@click.option("--write-baseline", "write_baseline_path", type=click.Path(dir_okay=False), default=None, help="Record today's findings in this baseline file; they are then not reported.")
@click.option("--fix", is_flag=True, help="Apply the safe fixes (substitutions) to the files, then report what remains.")
@click.option("--diff", "show_diff", is_flag=True, help="Print the safe fixes as a unified diff and write nothing (exit 1 if there are any).")
@click.option("--corpus", "corpus_paths", multiple=True, type=click.Path(), help="More articles of the site, read for cross-article rules only (repeatable; adds to the config's corpus).")
@click.option("--no-cache", is_flag=True, help="Do not read or write the per-file result cache.")
@click.option("--cache-dir", type=click.Path(file_okay=False), default=None, help="Where the cache lives (default: the config's cache_dir, .ketalint_cache).")
@click.option("-j", "--jobs", type=click.IntRange(min=0), default=0, help="Processes sharing many files: this one and N-1 workers (default 0: all cores; 1: this one alone).")
def check(paths, fmt, rule_paths, select, ignore, fail_on, config_path, stdin_filename, no_color, quiet, baseline_path, write_baseline_path, fix, show_diff, corpus_paths, no_cache, cache_dir, jobs) -> None:
    """Lint PATHS (files or folders; default: the current folder; '-' reads standard input)."""
    from ketalint.check_command import run_check_command

    run_check_command(
        paths, fmt=fmt, rule_paths=rule_paths, select=select, ignore=ignore, fail_on=fail_on, config_path=config_path,
        stdin_filename=stdin_filename, no_color=no_color, quiet=quiet, baseline_path=baseline_path,
        write_baseline_path=write_baseline_path, fix=fix, show_diff=show_diff, corpus_paths=corpus_paths,
        no_cache=no_cache, cache_dir=cache_dir, jobs=jobs, echo=click.echo,
    )


@cli.group()
def rules() -> None:
    """List the rules, or run their examples."""


@rules.command("list")
@click.option("--rules", "rule_paths", multiple=True, type=click.Path(), help="An extra rule pack (repeatable).")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), default=None)
def rules_list(rule_paths, config_path) -> None:
    """Every rule that would run: id, severity, category and type."""
    for rule in _load(rule_paths, config_path):
        spec = rule.spec
        click.echo(f"{spec.id:44} {spec.severity:8} {spec.category:18} {spec.type}")


@rules.command("test")
@click.argument("paths", nargs=-1, type=click.Path())
def rules_test(paths) -> None:
    """Run every rule's examples (the default pack, or the packs at PATHS); exit 1 on a failure."""
    from ketalint.collector import rules_loaded
    from ketalint.examples import run_examples
    from ketalint.packs import default_pack_dir, load_packs

    loaded = load_packs([Path(p) for p in paths] or [default_pack_dir()])
    rules_loaded()
    count, failures = run_examples(loaded)
    for failure in failures:
        click.echo(str(failure))
    click.echo(f"{len(loaded)} rules, {count} examples: {count - len(failures)} passed, {len(failures)} failed")
    sys.exit(1 if failures else 0)


@cli.command()
@click.argument("rule_id")
@click.option("--rules", "rule_paths", multiple=True, type=click.Path(), help="An extra rule pack (repeatable).")
def explain(rule_id, rule_paths) -> None:
    """Show a rule: message, rationale, references and examples."""
    loaded = {r.id: r for r in _load(rule_paths, None)}
    rule = loaded.get(rule_id)
    if rule is None:
        import difflib

        close = difflib.get_close_matches(rule_id, list(loaded), n=3)
        hint = f" (did you mean {', '.join(close)}?)" if close else ""
        raise click.UsageError(f"no rule '{rule_id}'{hint}")
    spec = rule.spec
    click.echo(f"{spec.id}  ({spec.type}, {spec.category}, {spec.severity})")
    click.echo(f"\n{spec.message}")
    if spec.suggestion:
        click.echo(f"\nSuggested wording:\n  {' '.join(spec.suggestion.split())}")
    if spec.rationale:
        click.echo(f"\nWhy:\n  {' '.join(spec.rationale.split())}")
    if spec.references:
        click.echo("\nReferences:")
        for ref in spec.references:
            click.echo(f"  - {ref.title}" + (f" <{ref.link}>" if ref.link else ""))
    if spec.supersedes:
        click.echo(f"\nReplaces, where their findings overlap: {', '.join(spec.supersedes)}")
    superseded_by = sorted(other for other, r in loaded.items() if rule_id in r.spec.supersedes)
    if superseded_by:
        click.echo(f"\nReplaced where they overlap by: {', '.join(superseded_by)}")
    for title, texts in (("Flagged", spec.flag_examples), ("Not flagged", spec.pass_examples)):
        if texts:
            click.echo(f"\n{title}:")
            for text in texts:
                click.echo(f"  - {text}")
    click.echo(f"\nDefined in {spec.path}:{spec.line}")


def _load(rule_paths, config_path):
    from ketalint.api import load_rules
    from ketalint.config import load_config

    config = load_config(Path(config_path) if config_path else None)
    return load_rules(config, tuple(Path(p) for p in rule_paths))


def main(argv: list[str] | None = None) -> None:
    """Run the click commands: known errors become one line on stderr and exit code 2, never a traceback."""
    from ketalint.cli import exit_after

    def run() -> int:
        try:
            returned = cli.main(args=argv, prog_name="ketalint", standalone_mode=False)
        except click.exceptions.Exit as exc:
            return exc.exit_code
        except click.ClickException as exc:
            exc.show()
            return 2
        # Without standalone mode, click returns the code of a `ctx.exit(code)` instead of raising.
        return returned if isinstance(returned, int) else 0

    exit_after(run, click.echo, interrupted=(click.exceptions.Abort,))
