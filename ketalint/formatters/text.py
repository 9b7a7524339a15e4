"""Human output: `path:line:col: severity [rule] message`, the line with the span underlined,
the suggestion, and a closing summary. Colour is the caller's decision (a terminal or not)."""

from __future__ import annotations

from ketalint.finding import SEVERITIES

_COLORS = {"error": "\x1b[31m", "warning": "\x1b[33m", "info": "\x1b[36m"}
_BOLD, _DIM, _RESET = "\x1b[1m", "\x1b[2m", "\x1b[0m"
_MAX_LINE = 160


def render(report, color: bool = False, quiet: bool = False, **_options) -> str:
    def paint(code: str, text: str) -> str:
        return f"{code}{text}{_RESET}" if color else text

    out: list[str] = []
    for f in report.findings:
        loc = f.location
        head = f"{loc.path}:{loc.line}:{loc.column}: {paint(_COLORS[f.severity], f.severity)} [{f.rule}] {f.message}"
        out.append(paint(_BOLD, head) if color else head)
        source = report.texts.get(loc.path)
        if source is not None:
            out.extend(_excerpt(source.text, loc, paint))
        if f.suggestion:
            out.append(f"    suggestion: {' '.join(f.suggestion.split())}")
        for rel in f.related:
            out.append(f"    related: {rel.path}:{rel.line}:{rel.column}: {' '.join(rel.match.split())}")
    if not quiet:
        out.append(_summary(report))
    return "\n".join(out) + "\n" if out else ""


def _excerpt(text: str, loc, paint) -> list[str]:
    lines = text.split("\n")
    if loc.line > len(lines):
        return []
    line = lines[loc.line - 1].rstrip("\r").expandtabs(1)
    start = loc.column - 1
    end = loc.end_column - 1 if loc.end_line == loc.line else len(line)
    end = max(end, start + 1)
    if len(line) > _MAX_LINE:
        left = max(0, min(start - 40, len(line) - _MAX_LINE))
        line = line[left:left + _MAX_LINE]
        start, end = start - left, min(end - left, _MAX_LINE)
    gutter = f"{loc.line:>6} | "
    marker = " " * len(gutter[:-2]) + "| " + " " * start + "^" * max(1, end - start)
    return [paint(_DIM, gutter) + line if paint(_DIM, "") else gutter + line, marker]


def _summary(report) -> str:
    counts = {s: 0 for s in SEVERITIES}
    for f in report.findings:
        counts[f.severity] += 1
    files = f"{report.files} file{'s' if report.files != 1 else ''}"
    tail = f" ({report.baselined} baselined finding{'s' if report.baselined != 1 else ''} not shown)" if report.baselined else ""
    if not report.findings:
        return f"No problems found in {files}.{tail}"
    parts = [f"{counts[s]} {s}{'s' if counts[s] != 1 else ''}" for s in reversed(SEVERITIES) if counts[s]]
    total = len(report.findings)
    return f"Found {total} problem{'s' if total != 1 else ''} ({', '.join(parts)}) in {files}.{tail}"
