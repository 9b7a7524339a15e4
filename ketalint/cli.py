"""The console entry point: `ketalint ...` and `python -m ketalint`.

The commands are click commands (`ketalint.commands`), but importing click costs a one-article
run a sixth of its time (about 22 ms). The call pre-commit makes, `ketalint check FILE...`, and
the lines CI and scripts write, `ketalint check . -q --format json`, are therefore run here
without click: their paths and the few options read here (`-q`, `--no-color`, `--no-cache`,
`--format`, `--fail-on`, `--jobs`) reach `run_check_command` as click's parsing would hand them
on, and the errors, interruptions and exit codes click would add are added here the same way.
Every other command line, and any value click would convert or refuse, goes to click.
"""

from __future__ import annotations

import os
import sys


# Most of what a run allocates lives until it exits (modules, rules, the snapshot), and the
# collector's default of a young collection every 700 allocations scans it again and again:
# about 3 ms of a one-article run. Cyclic garbage still goes, after at most this many objects.
_YOUNG_COLLECTION_EVERY = 50_000


def main(argv: list[str] | None = None) -> None:
    """Entry point: known errors become one line on stderr and exit code 2, never a traceback."""
    import gc

    young, older, oldest = gc.get_threshold()
    gc.set_threshold(max(young, _YOUNG_COLLECTION_EVERY), older, oldest)
    if argv is None:
        from ketalint.collector import pause_for_startup

        pause_for_startup()
    line = _plain_check_line(sys.argv[1:] if argv is None else list(argv))
    try:
        if line is None:
            from ketalint.commands import main as click_main

            click_main(argv)
        else:
            _plain_check(*line)
    except SystemExit as stop:
        if argv is None and (stop.code is None or isinstance(stop.code, int)):
            end_process(stop.code or 0)
        raise
    finally:
        if argv is None:
            # A process not ended by `end_process` (a traceback under KETALINT_DEBUG) ends
            # here: everything it still holds leaves the collector's care, so the collection at
            # interpreter shutdown does not walk the whole loaded rule set again.
            gc.freeze()


def end_process(code: int) -> None:
    """Exit with `code` once the standard streams are flushed, without freeing what the process
    holds one object at a time: the loaded rule set, and after a run over a site every file's
    findings and statements. The system takes the memory back at once; freeing it object by
    object cost a one-article run about 4 ms, and a 1,000-article run about 27 ms.
    Every file ketalint writes (cache, snapshot, fixed articles) is closed by then, and it
    registers no exit handlers. Only the command line ends this way, never a caller of `main`.

    Output still buffered is written now. A failure to write it ends the run as one earlier
    would: a closed pipe quietly with exit code 1, anything else (a full disk) with one line and
    exit code 2, unless the run has already ended with an error, which it has reported."""
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        code = code or 1
    except OSError as exc:
        if code != 2:
            _say(f"ketalint: error: cannot write the report: {exc.strerror or exc}")
            code = 2
    except ValueError:  # a stream already closed
        pass
    _say("")
    os._exit(code)


def _say(line: str) -> None:
    """`line` on stderr (nothing but a flush when empty), whatever state stderr is in."""
    try:
        if line:
            sys.stderr.write(line + "\n")
        sys.stderr.flush()
    except (OSError, ValueError):
        pass


def __getattr__(name: str):
    """`ketalint.cli.cli`, the click group, for callers that drive click themselves (tests)."""
    if name == "cli":
        from ketalint.commands import cli

        return cli
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# The options of the command lines CI and scripts write (`check . -q --format json`), read here
# as click reads them: a flag, or a value in the next argument or after "=", the last given
# winning. Anything else about them (an unknown value, a value click would convert) goes to click.
_PLAIN_FLAGS = {"-q": "quiet", "--quiet": "quiet", "--no-color": "no_color", "--no-cache": "no_cache"}
_PLAIN_VALUES = {"-f": "fmt", "--format": "fmt", "--fail-on": "fail_on", "-j": "jobs", "--jobs": "jobs"}
_FAIL_ON = ("error", "warning", "info")


def _plain_check_line(args: list[str]) -> tuple[tuple[str, ...], dict] | None:
    """(paths, options) of a `check` line that holds only paths and the options above, given
    as click would accept them; None for anything else."""
    if os.name != "posix" or not args or args[0] != "check" or os.environ.get("_KETALINT_COMPLETE"):
        return None
    paths: list[str] = []
    options: dict = {}
    rest = iter(args[1:])
    for arg in rest:
        if arg.startswith("-"):
            name, equals, value = arg.partition("=")
            if not equals and name in _PLAIN_FLAGS:
                options[_PLAIN_FLAGS[name]] = True
                continue
            key = _PLAIN_VALUES.get(name) if name.startswith("--") or not equals else None
            if key is None:
                return None
            if not equals:
                value = next(rest, None)
            value = _plain_value(key, value)
            if value is None:
                return None
            options[key] = value
            continue
        if not arg:
            return None
        # click.Path() rejects an existing path that cannot be read, with its own message.
        if os.path.exists(arg) and not os.access(arg, os.R_OK):
            return None
        paths.append(arg)
    return tuple(paths), options


def _plain_value(key: str, value: str | None):
    """The value as click would pass it on, or None where click would convert it, or refuse it."""
    if value is None:
        return None
    if key == "jobs":
        return int(value) if value.isascii() and value.isdigit() else None
    if key == "fail_on":
        return value if value in _FAIL_ON else None
    from ketalint.formatters import FORMATTERS

    return value if value in FORMATTERS else None


class _Interrupted(Exception):
    """click's Abort."""


def _plain_check(paths: tuple[str, ...], options: dict) -> None:
    """`check` as `ketalint.commands.main` runs it through click, handler for handler."""
    from ketalint.console import echo

    exit_after(lambda: _as_click_main(paths, options), echo, interrupted=(_Interrupted,))


def exit_after(run, echo, interrupted: tuple[type[BaseException], ...] = ()) -> None:
    """Exit with the code `run()` returns. A known error is one line on stderr and exit code 2,
    an interruption 130, and a bug one line and 2 as well (its traceback with KETALINT_DEBUG=1):
    never a traceback. Shared by both entry points, with their own `echo`."""
    from ketalint.errors import KetalintError

    try:
        returned = run()
    except interrupted:
        echo("ketalint: interrupted", err=True)
        sys.exit(130)
    except KetalintError as exc:
        echo(f"ketalint: error: {exc}", err=True)
        sys.exit(2)
    except (BrokenPipeError, KeyboardInterrupt):
        sys.exit(130)
    except Exception as exc:  # noqa: BLE001 - a bug must still end in one line and exit 2
        if os.environ.get("KETALINT_DEBUG"):
            raise
        echo(f"ketalint: internal error: {type(exc).__name__}: {exc} (set KETALINT_DEBUG=1 for details)", err=True)
        sys.exit(2)
    sys.exit(returned)


def _as_click_main(paths: tuple[str, ...], options: dict) -> int:
    """What click's `main` (not standalone) adds around the command."""
    import errno

    from ketalint.console import blank_line_on_stderr

    try:
        return _as_click_group(paths, options)
    except (EOFError, KeyboardInterrupt) as exc:
        blank_line_on_stderr()
        raise _Interrupted from exc
    except OSError as exc:  # a closed pipe quietly ends the run with 1
        if exc.errno != errno.EPIPE:
            raise
        _pacify_streams()
        sys.exit(1)


def _as_click_group(paths: tuple[str, ...], options: dict) -> int:
    """What the click group adds (`ketalint.commands._Group`): a known error is one line and 2."""
    from ketalint.check_command import run_check_command
    from ketalint.console import echo
    from ketalint.errors import KetalintError

    try:
        run_check_command(paths, echo=echo, **options)
    except KetalintError as exc:
        echo(f"ketalint: error: {exc}", err=True)
        return 2
    return 0


def _pacify_streams() -> None:
    """What click does after a closed pipe: later flushes of stdout and stderr stay silent."""
    from click import utils

    wrapper = getattr(utils, "_PacifyFlushWrapper", None) or getattr(utils, "PacifyFlushWrapper")
    sys.stdout = wrapper(sys.stdout)
    sys.stderr = wrapper(sys.stderr)
