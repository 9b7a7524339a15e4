"""The console entry point: `ketalint ...` and `python -m ketalint`.

The commands are click commands (`ketalint.commands`), but click costs a one-article run a sixth
of its time. The call pre-commit makes, `ketalint check FILE...` with no options, is therefore
run here without click: nothing in it is an option, so click's parsing would hand
`run_check_command` the same paths and defaults, and the errors, interruptions and exit codes
click would add are added here the same way. Every other command line goes to click.
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
    paths = _plain_check_paths(sys.argv[1:] if argv is None else list(argv))
    try:
        if paths is None:
            from ketalint.commands import main as click_main

            click_main(argv)
        else:
            _plain_check(paths)
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


def _plain_check_paths(args: list[str]) -> tuple[str, ...] | None:
    """The paths of `check PATH...` when click would take every argument as a path as it is;
    None for anything else (options, '-', '--', shell completion, an unreadable path)."""
    if os.name != "posix" or not args or args[0] != "check" or os.environ.get("_KETALINT_COMPLETE"):
        return None
    paths = tuple(args[1:])
    for path in paths:
        if not path or path.startswith("-"):
            return None
        # click.Path() rejects an existing path that cannot be read, with its own message.
        if os.path.exists(path) and not os.access(path, os.R_OK):
            return None
    return paths


class _Interrupted(Exception):
    """click's Abort."""


def _plain_check(paths: tuple[str, ...]) -> None:
    """`check` as `ketalint.commands.main` runs it through click, handler for handler."""
    from ketalint.console import echo

    exit_after(lambda: _as_click_main(paths), echo, interrupted=(_Interrupted,))


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


def _as_click_main(paths: tuple[str, ...]) -> int:
    """What click's `main` (not standalone) adds around the command."""
    import errno

    from ketalint.console import blank_line_on_stderr

    try:
        return _as_click_group(paths)
    except (EOFError, KeyboardInterrupt) as exc:
        blank_line_on_stderr()
        raise _Interrupted from exc
    except OSError as exc:  # a closed pipe quietly ends the run with 1
        if exc.errno != errno.EPIPE:
            raise
        _pacify_streams()
        sys.exit(1)


def _as_click_group(paths: tuple[str, ...]) -> int:
    """What the click group adds (`ketalint.commands._Group`): a known error is one line and 2."""
    from ketalint.check_command import run_check_command
    from ketalint.console import echo
    from ketalint.errors import KetalintError

    try:
        run_check_command(paths, echo=echo)
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
