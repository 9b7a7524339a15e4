"""What every rule type shares: its option table, the validated spec, hits, and term matching.

A rule type is a class with `TYPE`, `OPTIONS` and one `check(doc)` generator of `Hit`s. The
engine, not the rule type, turns hits into findings (rule id, category, severity, message), as
yamllint's linter stamps its problems.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ketalint.document.model import Document
from ketalint.finding import Location
from ketalint.language import Context, Cues
from ketalint.lazyregex import lazy
from ketalint.rules.scan import (  # noqa: F401 - re-exported: rule types import them from here
    StreamIndex,
    candidate_mask,
    candidate_sentences,
    find_among,
    find_in_sentences,
    in_scope,
    lowered_stream,
    matches_by_sentence,
    overlaps_exception,
    plain_words,
    sentence_matches,
    sentence_spans,
    sentence_text,
    stream_index,
    stream_matches,
    stream_spans,
)
from ketalint.values import Frozen, set_field

TYPE_CHECKING = False
if TYPE_CHECKING:  # annotations only: importing typing costs every run its start-up time
    from typing import Any, ClassVar


SCOPES = ("any", "title", "heading", "paragraph", "list")


class Option(Frozen):
    """One type-specific key of a rule: its expected YAML shape and whether it is required."""

    __slots__ = ("kind", "required", "default", "doc", "choices", "minimum", "maximum")

    def __init__(
        self,
        kind: str,  # "str", "int", "float", "bool", "list[str]", "dict[str,str]", "list[dict]", "dict", "any"
        required: bool = False,
        default: Any = None,
        doc: str = "",
        choices: tuple = (),
        minimum: float | None = None,
        maximum: float | None = None,
    ):
        self.assign(kind=kind, required=required, default=default, doc=doc, choices=choices, minimum=minimum, maximum=maximum)


class Reference(Frozen):
    __slots__ = ("title", "url", "pmid", "doi")

    def __init__(self, title: str, url: str | None = None, pmid: str | None = None, doi: str | None = None):
        self.assign(title=title, url=url, pmid=pmid, doi=doi)

    @property
    def link(self) -> str | None:
        if self.url:
            return self.url
        if self.doi:
            return f"https://doi.org/{self.doi}"
        if self.pmid:
            return f"https://pubmed.ncbi.nlm.nih.gov/{self.pmid}/"
        return None


class RuleSpec(Frozen):
    """A validated rule entry of a pack: the common fields plus the type's own options."""

    __slots__ = (
        "id", "type", "category", "severity", "message", "suggestion", "rationale", "references", "scope",
        "supersedes", "flag_examples", "pass_examples", "options", "path", "line",
    )

    def __init__(
        self,
        id: str,
        type: str,
        category: str,
        severity: str,
        message: str,
        suggestion: str | None = None,
        rationale: str | None = None,
        references: tuple[Reference, ...] = (),
        scope: tuple[str, ...] = ("any",),
        supersedes: tuple[str, ...] = (),
        flag_examples: tuple[str, ...] = (),
        pass_examples: tuple[str, ...] = (),
        options: dict | None = None,
        path: str = "",
        line: int = 0,
    ):
        self.assign(
            id=id, type=type, category=category, severity=severity, message=message, suggestion=suggestion,
            rationale=rationale, references=references, scope=scope, supersedes=supersedes,
            flag_examples=flag_examples, pass_examples=pass_examples,
            options={} if options is None else options, path=path, line=line,
        )

    @property
    def pack(self) -> str:
        return self.id.split(".", 1)[0]


class Hit(Frozen):
    """What a rule type reports: a source span, and optionally a fix, message values, related places."""

    __slots__ = ("start", "end", "replacement", "values", "related", "suggestion")

    def __init__(
        self,
        start: int,
        end: int,
        replacement: str | None = None,
        values: tuple[tuple[str, str], ...] = (),
        related: tuple[Location, ...] = (),
        suggestion: str | None = None,
    ):
        set_field(self, "start", start)
        set_field(self, "end", end)
        set_field(self, "replacement", replacement)
        set_field(self, "values", values)
        set_field(self, "related", related)
        set_field(self, "suggestion", suggestion)


class OptionError(ValueError):
    """Raised by a rule type's constructor for options that are well-typed but do not make sense
    together; the pack loader reports it at the line of `key`."""

    def __init__(self, key: str, message: str):
        self.key = key
        super().__init__(message)


class RuleType:
    """Base class: keeps the spec and the `unless_*` context switches common to matching rules."""

    TYPE: ClassVar[str] = ""
    OPTIONS: ClassVar[dict[str, Option]] = {}
    CORPUS: ClassVar[bool] = False
    FIXABLE: ClassVar[bool] = False
    # Judges statements one sentence at a time, so it also reads what an answered question
    # states (`ketalint.restate`); a corpus rule type also compares those statements.
    RESTATED: ClassVar[bool] = False
    # Modules its work loads in every process of a long run: a run that forks workers loads
    # them first, so that each worker inherits them instead of loading them again.
    SHARED_MODULES: ClassVar[tuple[str, ...]] = ()

    def __init__(self, spec: RuleSpec):
        self.spec = spec
        self.options = spec.options

    def check(self, doc: Document) -> Iterator[Hit]:  # pragma: no cover - interface
        raise NotImplementedError


CONTEXT_OPTIONS = {
    "unless_negated": Option("bool", doc="skip statements that are negated (default true)"),
    "unless_hedged": Option("bool", doc="skip statements that carry a hedge (default false)"),
    "unless_quoted": Option("bool", doc="skip matches inside quotation marks (default true)"),
    "unless_question": Option("bool", doc="skip questions (default true)"),
    "unless_reported": Option("bool", doc="skip reported or denied claims (default true)"),
    "hedges": Option("list[str]", doc="extra hedge cues for this rule"),
    "negations": Option("list[str]", doc="extra negation cues for this rule"),
    "exceptions": Option("list[str]", doc="regexes; a match overlapping one of them is not reported"),
    "case_sensitive": Option("bool", doc="match case exactly (default false)"),
}


def context_of(options: dict) -> Context:
    return Context(
        negated=options.get("unless_negated", True),
        hedged=options.get("unless_hedged", False),
        quoted=options.get("unless_quoted", True),
        question=options.get("unless_question", True),
        reported=options.get("unless_reported", True),
    )


def cues_of(options: dict) -> Cues:
    return Cues.extended(options.get("hedges", ()), options.get("negations", ()))


def phrase_pattern(phrase: str) -> str:
    """A literal phrase as a regex: whole words, any run of whitespace, either apostrophe."""
    phrase = phrase.replace("\u2019", "'").replace("\u2018", "'").strip()
    words = phrase.split()
    body = r"\s+".join(re.escape(w) for w in words)
    if re.match(r"\w", phrase):
        body = r"\b" + body
    if re.search(r"\w$", phrase):
        body += r"\b"
    return body


def compile_terms(phrases, patterns, case_sensitive: bool = False) -> re.Pattern | None:
    """One regex for a rule's phrases (literal) and patterns (regular expressions)."""
    alternatives = [phrase_pattern(p) for p in phrases or ()]
    alternatives += [p for p in patterns or ()]
    if not alternatives:
        return None
    flags = 0 if case_sensitive else re.IGNORECASE
    return lazy("|".join(f"(?:{a})" for a in alternatives), flags)
