"""`contradiction`: a declared claim axis. Statements on different poles contradict each other,
whether they are in two articles or in one.

    - id: contradiction.glutamate
      type: contradiction
      axis: which way ketamine moves glutamate
      evidence: raises            # optional: the pole the sources support
      poles:
        raises:
          label: raises glutamate release (a brief surge)
          claims:                 # claim patterns, as in `claim` rules
            - {subject: ['\\bglutamate\\b'], predicate: ['\\bsurges?\\b'], order: any}
        lowers:
          label: calms, lowers or blocks glutamate
          claims:
            - {subject: ['\\bglutamate\\b'], predicate: ['\\bcalm\\w*'], order: predicate-first}

Claims are negation-aware, so "does not permanently change the brain" is on no pole. With
`evidence`, findings go to the statements on the other poles and the message says which side
the sources support (`{evidence}`); without it, to the side fewer articles take.

An axis that holds separately for several subjects names them as `topics` (name -> regex):
"proven for chronic pain" and "early evidence for anxiety" are on two poles of the evidence
axis but do not contradict each other. A statement is then filed under each topic its sentence
names and compared only with statements filed under the same topic; one that names none is
left out, since nothing says which article it could contradict.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator

from ketalint.corpus.conflicts import Conflict, by_key, side_conflicts
from ketalint.corpus.rule import CorpusRule
from ketalint.corpus.statement import Statement, statement_at
from ketalint.document.model import Document
from ketalint.rules.base import CONTEXT_OPTIONS, Hit, Option, OptionError, RuleSpec, compile_terms
from ketalint.rules.claim import ClaimRule
from ketalint.values import Frozen

_CLAIM_KEYS = frozenset(ClaimRule.OPTIONS)


class Pole(Frozen):
    __slots__ = ("name", "label", "claims")

    def __init__(self, name: str, label: str, claims: tuple[ClaimRule, ...]):
        self.assign(name=name, label=label, claims=claims)


class ContradictionRule(CorpusRule):
    TYPE = "contradiction"
    RESTATED = True
    OPTIONS = {
        "axis": Option("str", doc="what the poles disagree about (for messages)"),
        "poles": Option("dict", required=True, doc="pole name -> {label, claims: [claim patterns]} or a list of claims"),
        "evidence": Option("str", doc="the pole the sources support"),
        "topics": Option("dict", doc="topic name -> regex: statements contradict only statements whose sentences name the same topic"),
        **CONTEXT_OPTIONS,
    }

    def __init__(self, spec: RuleSpec):
        super().__init__(spec)
        poles = spec.options["poles"]
        if len(poles) < 2:
            raise OptionError("poles", "an axis needs at least two poles")
        self.poles = [_pole(spec, str(name), body) for name, body in poles.items()]
        self.evidence = spec.options.get("evidence")
        if self.evidence is not None and self.evidence not in poles:
            raise OptionError("evidence", f"'evidence' names no pole: '{self.evidence}' (poles: {', '.join(map(str, poles))})")
        self.labels = {p.name: p.label for p in self.poles}
        self.topics = tuple(_topic(name, regex) for name, regex in (spec.options.get("topics") or {}).items())

    def label(self, side: str) -> str:
        return self.labels.get(side, side)

    def extract(self, doc: Document) -> list[Statement]:
        out: list[Statement] = []
        for pole in self.poles:
            seen: set[int] = set()
            for i, claim in enumerate(pole.claims):
                for hit in claim.check(doc):
                    if hit.start not in seen:
                        seen.add(hit.start)
                        for key in self._keys(doc, hit):
                            out.append(statement_at(doc, hit.start, hit.end, key, pole.name, str(i)))
        return out

    def _keys(self, doc: Document, hit: Hit) -> tuple[str, ...]:
        """The statement's keys: one per topic its sentence names or, when it names none, the
        nearest heading above it ("### Is ketamine approved for PTSD?" over "None of those uses is"), or the title."""
        if not self.topics:
            return (self.spec.id,)
        sentence = _sentence_holding(doc, hit.start)
        if sentence is None:
            return ()
        names = self._topics_in(sentence.text)
        if not names:
            heading = _heading_above(doc, sentence.block)
            names = self._topics_in(heading.text) if heading is not None else ()
        return tuple(f"{self.spec.id}:{name}" for name in names)

    def _topics_in(self, text: str) -> tuple[str, ...]:
        return tuple(name for name, regex in self.topics if regex.search(text))

    def conflicts(self, statements: list[Statement], single: bool = False) -> Iterator[Conflict]:
        evidence = f" The sources support: {self.label(self.evidence)}." if self.evidence else ""
        values = (("axis", self.spec.options.get("axis", "")), ("evidence", evidence))
        for sides in by_key(statements).values():
            for c in side_conflicts(sides, lambda a, b: a == b, lambda side: side == self.evidence):
                yield Conflict(c.statement, c.counter, values, overlapping=c.overlapping)


def _sentence_holding(doc: Document, position: int):
    starts = doc.memo.get("sentence_source_starts")
    if starts is None:
        starts = doc.memo["sentence_source_starts"] = [s.source_start for s in doc.sentences]
    index = bisect_right(starts, position) - 1
    if index < 0:
        return None
    sentence = doc.sentences[index]
    return sentence if position < sentence.source_end else None


def _heading_above(doc: Document, block):
    for candidate in reversed(doc.blocks[:block.index + 1]):
        if candidate.kind == "heading":
            return None if candidate is block else candidate
    return None


def _topic(name, regex):
    if not isinstance(regex, str) or not regex:
        raise OptionError("topics", f"topic '{name}' needs a regex (a string)")
    return str(name), compile_terms((), [regex])


def _pole(spec: RuleSpec, name: str, body) -> Pole:
    """A pole is a list of claim patterns, or a mapping with `label` and `claims`."""
    label, claims = name, body
    if isinstance(body, dict):
        unknown = set(body) - {"label", "claims"}
        if unknown or not isinstance(body.get("claims"), list):
            raise OptionError("poles", f"pole '{name}' needs 'claims' (a list) and an optional 'label', nothing else")
        label, claims = str(body.get("label", name)), body["claims"]
    if not isinstance(claims, list) or not claims:
        raise OptionError("poles", f"pole '{name}' needs at least one claim")
    return Pole(name, label, tuple(_claim(spec, name, i, c) for i, c in enumerate(claims)))


def _claim(spec: RuleSpec, pole: str, index: int, entry) -> ClaimRule:
    """One claim pattern, compiled by the `claim` rule type; the rule's `unless_*` keys are defaults."""
    if not isinstance(entry, dict) or "subject" not in entry or "predicate" not in entry:
        raise OptionError("poles", f"claim {index + 1} of pole '{pole}' needs 'subject' and 'predicate'")
    unknown = set(entry) - _CLAIM_KEYS
    if unknown:
        raise OptionError("poles", f"claim {index + 1} of pole '{pole}': unknown key '{sorted(unknown)[0]}'")
    for key in ("subject", "predicate", "exceptions"):
        if key in entry and (not isinstance(entry[key], list) or not all(isinstance(p, str) for p in entry[key])):
            raise OptionError("poles", f"claim {index + 1} of pole '{pole}': '{key}' must be a list of regexes")
    defaults = {k: v for k, v in spec.options.items() if k in CONTEXT_OPTIONS}
    options = {**defaults, **entry}
    return ClaimRule(RuleSpec(f"{spec.id}#{pole}{index}", "claim", spec.category, spec.severity, "", scope=spec.scope, options=options))
