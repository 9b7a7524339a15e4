"""GitHub Actions workflow commands: one `::error …::message` line per finding, which GitHub
shows as an annotation on the pull request's changed lines.

Escaping follows the Actions toolkit: in the message `%`, CR and LF are percent-encoded; in
properties (`file=`, `title=`…) `:` and `,` are too, since they separate the properties.
"""

from __future__ import annotations

from ketalint.formatters.paths import artifact_path

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(report, **_options) -> str:
    return "".join(command(f) + "\n" for f in report.findings)


def command(finding) -> str:
    loc = finding.location
    props = {
        "file": artifact_path(loc.path),
        "line": loc.line,
        "col": loc.column,
        "endLine": loc.end_line,
        "endColumn": loc.end_column,
        "title": f"ketalint {finding.rule}",
    }
    joined = ",".join(f"{key}={escape_property(str(value))}" for key, value in props.items())
    return f"::{COMMANDS[finding.severity]} {joined}::{escape_data(_message(finding))}"


def _message(finding) -> str:
    lines = [finding.message]
    if finding.suggestion:
        lines.append(f"Suggestion: {' '.join(finding.suggestion.split())}")
    for rel in finding.related:
        lines.append(f"Related: {artifact_path(rel.path)}:{rel.line}:{rel.column}: {' '.join(rel.match.split())}")
    return "\n".join(lines)
