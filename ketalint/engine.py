"""Running rules over documents: hits become findings, suppressions apply, output is sorted."""

from __future__ import annotations

import re
from bisect import bisect_right
from sys import intern

from ketalint.document.model import Document
from ketalint.finding import Finding, Fix, Location
from ketalint.framing import framed_spans, is_framed
from ketalint.rules.base import Hit
from ketalint.tables import myth_cells
from ketalint.values import Frozen
from ketalint import suppress


class _Template(dict):
    """Leaves unknown `{placeholders}` in a message as they are."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def collapse(text: str) -> str:
    return " ".join(text.split())


_LINK_TAIL = re.compile(r"\]\([^)\s]*\)?")
_MARKUP = re.compile(r"<[^<>]{0,200}>|\*\*|__|(?<!\w)[*_](?=\w)|(?<=\w)[*_](?!\w)|[\[\]]")


def prose(text: str) -> str:
    """A source span as a message quotes it: without the HTML tags, emphasis and link syntax that a
    statement's span holds when its claim runs across markup ("Ketamine is a <em>dissociative
    anesthetic" → "Ketamine is a dissociative anesthetic")."""
    if "<" in text or "*" in text or "_" in text or "[" in text or "]" in text:
        text = _MARKUP.sub("", _LINK_TAIL.sub("", text))
    if "&" in text:
        from html import unescape

        text = unescape(text)
    return collapse(text)


def make_finding(doc: Document, rule, severity: str, hit: Hit) -> Finding:
    """A finding from a hit: location from source offsets, message filled with `{match}` and values."""
    source = doc.source
    line, col, end_line, end_col = source.span_position(hit.start, hit.end)
    match = doc.text[hit.start:hit.end]
    values = _Template(match=match)
    values.update(hit.values)
    values["match"] = collapse(values["match"])
    spec = rule.spec
    suggestion = hit.suggestion or spec.suggestion
    if suggestion:
        suggestion = intern(suggestion.strip().format_map(values))
    fix = Fix(hit.start, hit.end, hit.replacement) if hit.replacement is not None else None
    # Interned: a run over many articles holds every finding, and a rule's findings mostly
    # repeat one message and suggestion (see `finding.shared_finding`).
    return Finding(
        Location(doc.path, line, col, end_line, end_col, intern(match)),
        spec.id,
        spec.category,
        severity,
        intern(spec.message.format_map(values)),
        suggestion,
        hit.related,
        fix,
        hit.start,
        hit.end,
    )


def check_document(doc: Document, rules: list[tuple[object, str]]) -> list[Finding]:
    """All per-document findings of one document, after its inline suppressions."""
    findings = []
    superseding: dict[str, tuple[str, ...]] = {}
    framed = None
    myths = myth_cells(doc)
    for rule, severity in rules:
        impl = rule.impl
        if impl.CORPUS:
            continue
        if rule.spec.supersedes:
            superseding[rule.id] = rule.spec.supersedes
        for hit in impl.check(doc):
            if _lets_hedges_through(impl):
                if framed is None:
                    framed = framed_spans(doc)
                if framed and is_framed(framed, hit.start):
                    continue
            if myths and is_framed(myths, hit.start) and _skips_reported(impl):
                continue
            findings.append(make_finding(doc, rule, severity, hit))
    findings.extend(restated_findings(doc, rules, findings))
    ran = {rule.id for rule, _ in rules}
    findings = suppress.apply(doc, findings, ran)
    return without_superseded(findings, superseding) if superseding else findings


def _skips_reported(impl) -> bool:
    """Rules that skip a claim the sentence reports ("Myth: …") also skip the cells of a
    myth-and-fact table's myth column (see `ketalint.tables.myth_cells`)."""
    context = getattr(impl, "context", None)
    return context is not None and context.reported


def _lets_hedges_through(impl) -> bool:
    """Rules that skip hedged statements also skip the items of a list under a hedged lead-in
    (see `ketalint.framing`)."""
    context = getattr(impl, "context", None)
    return context is not None and context.hedged


class Restated(Frozen):
    """What a document's sentence pairs state (see `ketalint.restate`), read as one plain-text
    article of a paragraph each: the per-document rules that judge statements and the corpus
    rules that compare them both read it, so it is parsed once per document.

    `starts[i]` is where restatement `i` begins in `doc`."""

    __slots__ = ("found", "starts", "doc")

    def __init__(self, found: list, starts: list[int], doc: Document):
        self.assign(found=found, starts=starts, doc=doc)

    def at(self, start: int, end: int) -> tuple:
        """(restatement, source start, source end) for the span [start, end) of `doc`: where in
        the article a hit on the restatement is reported."""
        index = bisect_right(self.starts, start) - 1
        restatement = self.found[index]
        offset = self.starts[index]
        return (restatement, *restatement.span_of(start - offset, end - offset))

    def in_label(self, start: int, end: int) -> bool:
        """Whether the span [start, end) of `doc` lies within the label a restatement puts before
        a sentence of the document ("IV ketamine, Dissociation: " before a table cell's "Rare"):
        a label is judged where it is written, in its own heading or cell."""
        index = bisect_right(self.starts, start) - 1
        restatement = self.found[index]
        return restatement.sentence is not None and end - self.starts[index] <= restatement.copied_at

    def release(self) -> None:
        self.doc.release()


def restated(doc: Document) -> Restated | None:
    """The document's restatements read as one article, or None when it has none; built once
    per document and kept in its memo (released with it)."""
    memo = doc.memo
    if "restated" in memo:
        return memo["restated"]
    from ketalint.restate import restatements

    found = restatements(doc)
    reading = None
    if found:
        from ketalint.document import parse

        starts, pos = [], 0
        for restatement in found:
            starts.append(pos)
            pos += len(restatement.statement) + 2
        statements = parse("statements.txt", "\n\n".join(r.statement for r in found), "text")
        # Each restatement is read on its own: an "it" opening one does not stand for a thing
        # the one before names (see `ketalint.antecedent`).
        statements.memo["stand_in_openings"] = 0
        reading = Restated(found, starts, statements)
    memo["restated"] = reading
    return reading


def restated_findings(doc: Document, rules: list[tuple[object, str]], findings: list[Finding]) -> list[Finding]:
    """Findings on what the document's answered questions state ("Is ketamine addictive?"
    "No."), and its sentences under a condition heading ("Anxiety" over "Ketamine works
    fast."; see `ketalint.restate`), reported at the answer or the sentence, with how the copy
    says it at the end of the message.

    Style rules judge wording, and a restatement's wording is not the writer's. A rule that
    already reports something in the question or its answer has said it there. Nothing is fixed
    automatically: the fix would be to the statement, which is not in the file."""
    reading = restated(doc)
    if reading is None:
        return []
    statements = reading.doc
    said = [(finding.rule, finding.start, finding.end) for finding in findings]
    out = []
    for rule, severity in rules:
        impl = rule.impl
        if impl.CORPUS or not impl.RESTATED or rule.spec.category == "style":
            continue
        for hit in impl.check(statements):
            if reading.in_label(hit.start, hit.end):
                continue
            restatement, start, end = reading.at(hit.start, hit.end)
            first, last = restatement.first, restatement.last
            if any(id_ == rule.id and start_ < last and first < end_ for id_, start_, end_ in said):
                continue
            stated = make_finding(statements, rule, severity, hit)
            line, col, end_line, end_col = doc.source.span_position(start, end)
            out.append(Finding(
                Location(doc.path, line, col, end_line, end_col, intern(doc.text[start:end])),
                stated.rule,
                stated.category,
                severity,
                intern(f"{stated.message} {restatement.note}"),
                stated.suggestion,
                (),
                None,
                start,
                end,
            ))
            said.append((rule.id, first, last))
    out.sort(key=lambda finding: finding.start)
    return out


def without_superseded(findings: list[Finding], superseding: dict[str, tuple[str, ...]]) -> list[Finding]:
    """`findings` less those a finding of a superseding rule overlaps.

    A sentence that gets a fact wrong often also overstates it ("approved for teenagers"): the
    factual rule says all the other would say, with the same fix, and two reports of one span
    read as noise. A rule lists the rules it replaces (`supersedes:` in its pack); each keeps
    its findings elsewhere. A finding suppressed inline supersedes nothing."""
    replaced: dict[str, list[tuple[int, int]]] = {}
    for finding in findings:
        for other in superseding.get(finding.rule, ()):
            replaced.setdefault(other, []).append((finding.start, finding.end))
    if not replaced:
        return findings
    return [
        finding
        for finding in findings
        if not any(start < finding.end and finding.start < end for start, end in replaced.get(finding.rule, ()))
    ]


def sort_findings(findings: list[Finding]) -> list[Finding]:
    return sorted(findings, key=Finding.sort_key)
