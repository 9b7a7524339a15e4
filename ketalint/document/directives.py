"""Parsing of inline suppression comments (`<!-- ketalint-disable ids -->` and friends)."""

from __future__ import annotations

import re

from ketalint.document.model import Directive

DIRECTIVE_RE = re.compile(
    r"<!--\s*ketalint-(disable-next-line|disable-file|disable|enable)\b([^>]*?)-->",
    re.IGNORECASE,
)


def find_directives(text: str, base: int, line_of) -> list[Directive]:
    """Directives in an HTML comment (or several) found in `text`, which starts at source offset `base`.

    `line_of(offset)` gives the 1-based line of a source offset. Ids are separated by spaces or
    commas; a `--` ends the ids so that a reason can follow (`<!-- ketalint-disable x -- quoting -->`).
    """
    found = []
    for m in DIRECTIVE_RE.finditer(text):
        body = m.group(2).split("--", 1)[0]
        rules = tuple(r for r in re.split(r"[\s,]+", body.strip()) if r)
        start = base + m.start()
        found.append(Directive(m.group(1).lower(), rules, start, base + m.end(), line_of(start)))
    return found
