"""Output formats. Each is a pure function `render(report, **options) -> str`, picked by name;
one may also offer `chunks(report, **options)`, the same text in pieces, written as they come."""

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


def get_chunks(name: str):
    """`chunks` of a format, or its `render` as a single piece."""
    module = import_module(FORMATTERS[name].partition(":")[0])
    chunks = getattr(module, "chunks", None)
    if chunks is not None:
        return chunks
    render = get(name)
    return lambda report, **options: [render(report, **options)]
