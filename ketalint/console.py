"""Printing for the plain entry point, exactly as `click.echo` prints, without importing click.

The common case is written here: a regular text stream (`sys.stdout` or `sys.stderr` as Python
opened them) with an encoding other than ASCII, on a POSIX system; click writes such a stream
as it is. Escape sequences are kept on a terminal and stripped elsewhere by click, so a text
that holds one and goes elsewhere is handed to click, as is every stream that is not regular
(click may rewrap it, or write through the Windows console).
"""

from __future__ import annotations

import io
import os
import sys


def echo(message: str, err: bool = False, nl: bool = True) -> None:
    """`click.echo(message, err=err, nl=nl)` for a str message."""
    stream = sys.stderr if err else sys.stdout
    out = message + "\n" if nl else message
    if not _written_as_is(stream) or ("\033" in out and not _isatty(stream)):
        import click

        click.echo(message, err=err, nl=nl)
        return
    if out:
        stream.write(out)
    stream.flush()


def blank_line_on_stderr() -> None:
    """What click prints when interrupted: `click.echo(file=sys.stderr)`."""
    if sys.stderr is not None:
        sys.stderr.write("\n")
        sys.stderr.flush()


def _written_as_is(stream) -> bool:
    """Whether click would write to `stream` directly (see `click._compat._force_correct_text_stream`)."""
    if os.name != "posix" or type(stream) is not io.TextIOWrapper:
        return False
    try:
        import codecs

        return stream.errors is not None and codecs.lookup(stream.encoding).name != "ascii"
    except (LookupError, TypeError):
        return False


def _isatty(stream) -> bool:
    try:
        return stream.isatty()
    except Exception:  # noqa: BLE001 - as click: a stream that cannot say is not a terminal
        return False
