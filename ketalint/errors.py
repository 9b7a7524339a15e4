"""Errors that end a run with exit code 2 and a one-line message, never a traceback."""

from __future__ import annotations


class KetalintError(Exception):
    """A usage, configuration or rule-file problem; the message names the file (and line)."""

    def __init__(self, message: str, path: str | None = None, line: int | None = None):
        self.message = message
        self.path = path
        self.line = line
        super().__init__(str(self))

    def __str__(self) -> str:
        if self.path and self.line:
            return f"{self.path}:{self.line}: {self.message}"
        if self.path:
            return f"{self.path}: {self.message}"
        return self.message


class RuleFileError(KetalintError):
    """A rule pack that does not load or validate."""


class ConfigError(KetalintError):
    """A configuration file that does not load or validate."""
