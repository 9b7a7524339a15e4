"""Safe autofix: apply the replacements that rules declare safe, or show them as a diff.

Only the replaced spans change. A file is written back exactly as it was read otherwise: the same
UTF-8 bytes, its BOM if it had one, its line endings (a fix whose span or replacement crosses a
line is skipped rather than join or split lines). Overlapping fixes are skipped, the earliest one
winning. A file that was not valid UTF-8, or that changed on disk since it was read, is refused.
Writes go to a temporary file in the same folder that then replaces the original, so a crash
never leaves half an article; the original's permission bits are kept.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from ketalint.files import FileText, Problem, decode
from ketalint.finding import Finding, Fix


@dataclass(frozen=True)
class FilePlan:
    """The fixes chosen for one file, and how many were left out (overlapping or multi-line)."""

    source: FileText
    fixes: tuple[Fix, ...]
    skipped: int = 0

    @property
    def path(self) -> str:
        return self.source.path

    def fixed_text(self) -> str:
        return apply_fixes(self.source.text, self.fixes)


@dataclass
class FixOutcome:
    fixed: int = 0
    files: list[str] = field(default_factory=list)
    skipped: int = 0
    problems: list[Problem] = field(default_factory=list)

    def summary(self) -> str:
        text = f"fixed {_count(self.fixed, 'problem')} in {_count(len(self.files), 'file')}"
        if self.skipped:
            text += f"; {_count(self.skipped, 'overlapping or multi-line fix')} skipped"
        return text


def plan_fixes(findings: list[Finding], texts: dict[str, FileText]) -> list[FilePlan]:
    """One plan per file that has at least one fix, in path order."""
    by_path: dict[str, list[Fix]] = {}
    for finding in findings:
        if finding.fix is not None and finding.path in texts:
            by_path.setdefault(finding.path, []).append(finding.fix)
    plans = []
    for path in sorted(by_path):
        source = texts[path]
        kept, skipped = choose_fixes(source.text, by_path[path])
        if kept or skipped:
            plans.append(FilePlan(source, kept, skipped))
    return plans


def choose_fixes(text: str, fixes: list[Fix]) -> tuple[tuple[Fix, ...], int]:
    """The fixes that can be applied together: single-line, not overlapping, earliest first."""
    kept: list[Fix] = []
    last_end = -1
    candidates = sorted(set(fixes), key=lambda f: (f.start, f.end, f.replacement))
    for fix in candidates:
        if _crosses_line(text[fix.start:fix.end]) or _crosses_line(fix.replacement):
            continue
        if fix.start < last_end:
            continue
        kept.append(fix)
        last_end = fix.end
    return tuple(kept), len(candidates) - len(kept)


def apply_fixes(text: str, fixes: tuple[Fix, ...]) -> str:
    """`text` with non-overlapping `fixes` (sorted by position) applied."""
    parts, pos = [], 0
    for fix in fixes:
        parts.append(text[pos:fix.start])
        parts.append(fix.replacement)
        pos = fix.end
    parts.append(text[pos:])
    return "".join(parts)


def render_diff(plans: list[FilePlan]) -> str:
    """A unified diff of every planned change, as `git apply` reads it; writes nothing."""
    import difflib

    out: list[str] = []
    for plan in plans:
        if not plan.fixes:
            continue
        before = plan.source.text.splitlines(keepends=True)
        after = plan.fixed_text().splitlines(keepends=True)
        name = plan.path.replace(os.sep, "/")
        for line in difflib.unified_diff(before, after, f"a/{name}", f"b/{name}"):
            out.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(out)


def write_fixes(plans: list[FilePlan]) -> FixOutcome:
    """Write every plan's file; files that cannot be written safely are reported, not touched."""
    outcome = FixOutcome()
    for plan in plans:
        outcome.skipped += plan.skipped
        if not plan.fixes:
            continue
        problem = _refusal(plan.source)
        if problem is None:
            problem = _write(plan)
        if problem is not None:
            outcome.problems.append(problem)
            continue
        outcome.fixed += len(plan.fixes)
        outcome.files.append(plan.path)
    return outcome


def encode(source: FileText, text: str) -> bytes:
    """`text` as the file's bytes: UTF-8, with the BOM again if the file had one."""
    data = text.encode("utf-8")
    return b"\xef\xbb\xbf" + data if source.bom else data


def _refusal(source: FileText) -> Problem | None:
    if not source.lossless:
        return Problem(source.path, "warning", "not fixed: the file is not valid UTF-8, so it cannot be written back unchanged")
    try:
        with open(source.path, "rb") as handle:
            current = handle.read()
    except OSError as exc:
        return Problem(source.path, "warning", f"not fixed: cannot read the file again: {exc.strerror or exc}")
    now, _ = decode(source.path, current)
    if now is None or now.digest != source.digest:
        return Problem(source.path, "warning", "not fixed: the file changed since it was read")
    return None


def _write(plan: FilePlan) -> Problem | None:
    try:
        write_atomic(os.path.realpath(plan.path), encode(plan.source, plan.fixed_text()))
    except OSError as exc:
        return Problem(plan.path, "warning", f"not fixed: cannot write the file: {exc.strerror or exc}")
    return None


def write_atomic(path: str, data: bytes) -> None:
    """Replace `path` with `data` via a temporary file in the same folder, keeping its mode bits."""
    import shutil
    import tempfile

    folder, name = os.path.split(path)
    handle, temp = tempfile.mkstemp(prefix=f".{name}.", suffix=".ketalint-tmp", dir=folder or ".")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        shutil.copymode(path, temp)
        os.replace(temp, path)
    except BaseException:
        if os.path.exists(temp):
            os.unlink(temp)
        raise


def _crosses_line(text: str) -> bool:
    return "\n" in text or "\r" in text


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 'es' if noun.endswith('x') else 's'}"
