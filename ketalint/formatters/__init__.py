"""Output formats. Each is a pure function `render(report, **options) -> str`, picked by name."""

from __future__ import annotations

from importlib import import_module

FORMATTERS: dict[str, str] = {
    "text": "ketalint.formatters.text:render",
    "json": "ketalint.formatters.json:render",
    "sarif": "ketalint.formatters.sarif:render",
    "github": "ketalint.formatters.github:render",
    "gitlab": "ketalint.formatters.gitlab:render",
}


def get(name: str):
    module, _, attr = FORMATTERS[name].partition(":")
    return getattr(import_module(module), attr)
