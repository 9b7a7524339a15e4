"""`term-kind`: what a thing *is*, across a site. "BDNF is a protein" and "a neurotransmitter
called BDNF" are a conflict; "a protein" and "a growth factor" are not.

    - id: consistency.term-kind
      type: term-kind
      terms:                      # the glossary: name -> aliases and the kinds the sources support
        BDNF: {aliases: [brain-derived neurotrophic factor], kinds: [protein, growth factor]}
      kinds:
        includes: {protein: [growth factor, enzyme], growth factor: [neurotrophin]}
        disjoint: [[neurotransmitter, protein]]   # nothing is under two members of one set
        aliases: {neurotrophic factor: growth factor}

Recognised wordings: "X is a Y" (also "X, an aside, is a Y"), "X, a Y", "X (the Y …)", "X,
one of the Ys", "a Y called X", "Ys such as X" (every term of a list: "Ys such as X, Z and
W"), and a glossary entry ("X" on a line of its own, or before a colon or dash, then "A Y that
…"), and "It is a Y" after a sentence that names X first (see `ketalint.antecedent`). "X
receptors", "X neurons" and the like are not X. Two kinds conflict only when the table
says so (unknown kinds never conflict); a kind under a term's supported kinds is never
reported, one that conflicts with them always is.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import partial

from ketalint.antecedent import names_first, stand_in, stand_in_openings
from ketalint.corpus.conflicts import Conflict, by_key, side_conflicts
from ketalint.corpus.rule import CorpusRule
from ketalint.corpus.statement import Statement, span_statement
from ketalint.document.model import Document
from ketalint.lazyregex import lazy
from ketalint.rules.base import (
    CONTEXT_OPTIONS,
    Option,
    OptionError,
    candidate_mask,
    candidate_sentences,
    context_of,
    cues_of,
    in_scope,
    phrase_pattern,
    sentence_matches,
    sentence_text,
)
from ketalint.rules.kinds import KindTable
from ketalint.rules.literals import indexes

_DET = r"(?:a|an|the|another|one\s+of\s+(?:the|many|several))"
_ADJ = r"(?:(?!(?:a|an|the|another|of|not|no|never|than|and|or|but|which|that|is|are)\b)[\w'-]+\s+){0,4}?"
_PAREN = r"(?:\s*\([^)]{1,60}\))?"
# "glutamate receptors" and "dopamine neurons" are not glutamate or dopamine.
_NOT_PART = r"(?!\s*-?\s*(?:receptors?|transporters?|neurons?|interneurons?|systems?|pathways?|signal(?:l)?ing)\b)"
# "an NMDA receptor antagonist" is an antagonist, not a receptor: the kind is the head of its phrase.
_HEAD = r"(?!\s*-?\s*(?:antagonists?|agonists?|blockers?|modulators?|inhibitors?|activators?|ligands?)\b)"
_SHAPES = {
    # An aside between the term and its verb: "BDNF, brain-derived neurotrophic factor, is …",
    # "BDNF, I learned, is …".
    # "BDNF is nothing but a neurotransmitter" says it is one; so does "BDNF is classified as a
    # neurotransmitter".
    "copula": r"(?P<term>{T}){N}{P}(?:,\s+[^,.;:()?!]{{1,60}}?,)?\s+(?:is|are|was|acts\s+as|functions\s+as|serves\s+as|"
    r"(?:is|are|was)\s+(?:(?:usually|generally|commonly|formally|officially|properly|now)\s+)?(?:classified|classed|categori[sz]ed|counted|grouped)\s+as)\s+"
    r"(?:(?:nothing\s+(?:but|more\s+than)|no\s+more\s+than|just|simply|merely)\s+)?(?:{D}\s+)?(?:(?:type|kind|form|class|member|family)\s+of\s+(?:the\s+)?)?{A}(?P<kind>{K}){H}",
    "appositive": r"(?P<term>{T}){N}{P},\s+{D}\s+{A}(?P<kind>{K}){H}",
    # An aside in brackets: "BDNF (the excitatory neurotransmitter released …)".
    "bracketed": r"(?P<term>{T}){N}\s*\(\s*{D}\s+{A}(?P<kind>{K}){H}",
    # A glossary entry: the term on a line of its own (or before a colon or dash), its definition after.
    "definition": r"\W*(?P<term>{T}){N}{P}[*_]*(?:\n|:\s|\s[—–-]\s)\s*{D}\s+{A}(?P<kind>{K}){H}",
    "called": r"\b{D}\s+{A}(?P<kind>{K}),?\s+(?:called|named|known\s+as)\s+(?P<term>{T}){N}",
    "such-as": r"(?P<kind>{K}),?\s+(?:such\s+as|like|including)\s+(?:[\w-]+,?\s+(?:and\s+|or\s+)?){{0,4}}?(?P<term>{T}){N}",
    # The answer to "what BDNF is", after a colon: "give them the simple answer: it's a neurotransmitter".
    "what-is": r"\bwhat\s+(?P<term>{T}){N}{P}\s+(?:is|are|really\s+is)\b[^.;:!?]{{0,60}}:\s*(?:it['’]s|it\s+is|they['’]re|they\s+are)\s+"
    r"(?:{D}\s+)?{A}(?P<kind>{K}){H}",
}
# After a sentence that names the term first, "It is a Y": the kind said of the "it" (see
# `ketalint.antecedent`), matched from the end of the "it".
_STAND_IN_KIND = (
    r"(?:['’]s|\s+(?:is|was|acts\s+as|functions\s+as|serves\s+as))\s+(?:{D}\s+)?"
    r"(?:(?:type|kind|form|class|member|family)\s+of\s+(?:the\s+)?)?{A}(?P<kind>{K}){H}"
)
# Shapes tried only where a block starts (a glossary entry opens its paragraph): one attempt per
# such sentence that may hold a term, instead of a search through every sentence.
_AT_BLOCK_START = frozenset({"definition"})
# The rest of a list after its first term: ", GABA and dopamine" (each item a term, perhaps with one word before it).
_MORE = r"(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)(?:[\w-]+\s+)?(?P<term>{T}){N}"


class TermKindRule(CorpusRule):
    TYPE = "term-kind"
    RESTATED = True
    OPTIONS = {
        "terms": Option("dict", required=True, doc="term -> {aliases: [...], kinds: [kinds the sources support]}"),
        "kinds": Option("dict", required=True, doc="{includes: {kind: [kinds]}, disjoint: [[kinds]], aliases: {word: kind}}"),
        **CONTEXT_OPTIONS,
    }

    def __init__(self, spec):
        super().__init__(spec)
        self.table = KindTable.parse(spec.options["kinds"])
        self.names, self.supported = _glossary(spec.options["terms"], self.table)
        flags = 0 if spec.options.get("case_sensitive") else re.IGNORECASE
        terms = _alternation(self.names)
        kinds = _alternation(self.table.words(), plural=True)
        self.shapes = [
            (name, lazy(shape.format(T=terms, K=kinds, D=_DET, A=_ADJ, P=_PAREN, N=_NOT_PART, H=_HEAD), flags))
            for name, shape in _SHAPES.items()
        ]
        self.more = lazy(_MORE.format(T=terms, N=_NOT_PART), flags)
        self.term = lazy(f"{terms}{_NOT_PART}", flags)
        self.stand_in_kind = lazy(_STAND_IN_KIND.format(K=kinds, D=_DET, A=_ADJ, H=_HEAD), flags)
        self.context = context_of(spec.options)
        self.cues = cues_of(spec.options)

    def extract(self, doc: Document) -> list[Statement]:
        out: list[Statement] = []
        seen: set[tuple[int, str]] = set()
        for shape, regex in self.shapes:
            found = _starting(doc, regex, self.spec.scope) if shape in _AT_BLOCK_START else sentence_matches(doc, regex, self.spec.scope)
            for sentence, m in found:
                offset = sentence.stream_start
                start, end = m.start() - offset, m.end() - offset
                text = sentence_text(doc, sentence)
                if self.context.excuses(text, start, end, self.cues, negation_at=m.start("kind") - offset):
                    continue
                kind = self.table.canonical(m.group("kind"))
                items = [(m.group("term"), end)] + (self._more_items(text, end) if shape == "such-as" else [])
                for name, item_end in items:
                    term = self.names[" ".join(name.lower().split())]
                    if (sentence.index, term) not in seen:
                        seen.add((sentence.index, term))
                        out.append(span_statement(doc, sentence, start, item_end, key=term, side=kind, variant=shape))
        if stand_in_openings(doc):
            out.extend(self._said_of_stand_ins(doc, seen))
        return out

    def _said_of_stand_ins(self, doc: Document, seen: set[tuple[int, str]]) -> Iterator[Statement]:
        """"BDNF comes up in every talk about ketamine. It is a neurotransmitter …": the kind
        said of an "it" that stands for a term the sentence before names first."""
        openings = stand_in_openings(doc)
        named = candidate_mask(doc, self.term)
        if named is not None:
            openings &= named << 1 | named << 2
        if not openings:
            return
        text_of = partial(sentence_text, doc)
        for index in indexes(openings):
            sentence = doc.sentences[index]
            if not in_scope(sentence, self.spec.scope):
                continue
            text = text_of(sentence)
            opening = stand_in(text)
            m = None if opening is None else self.stand_in_kind.match(text, opening[1])
            if m is None:
                continue
            named = names_first(doc, sentence, self.term, text_of)
            if named is None:
                continue
            before, name_start, name_end = named
            term = self.names.get(" ".join(text_of(before)[name_start:name_end].lower().split()))
            if term is None or (index, term) in seen:
                continue
            start, end = opening[0], m.end()
            if self.context.excuses(text, start, end, self.cues, negation_at=m.start("kind")):
                continue
            seen.add((index, term))
            kind = self.table.canonical(m.group("kind"))
            yield span_statement(doc, sentence, start, end, key=term, side=kind, variant="stand-in")

    def _more_items(self, text: str, end: int) -> list[tuple[str, int]]:
        """(term, end) of the further items of a "Ys such as X, Z and W" list."""
        items = []
        for m in iter(lambda: self.more.match(text, end), None):
            items.append((m.group("term"), m.end()))
            end = m.end()
        return items

    def conflicts(self, statements: list[Statement], single: bool = False) -> Iterator[Conflict]:
        for term, sides in by_key(statements).items():
            known = self.supported.get(term, ())
            evidence = f" The sources describe {term} as: {', '.join(known)}." if known else ""
            is_supported = (lambda kind, known=known: any(self.table.related(kind, k) for k in known))
            for c in side_conflicts(sides, self.table.compatible, is_supported):
                yield Conflict(c.statement, c.counter, (("term", term), ("evidence", evidence)), overlapping=c.overlapping)


def _glossary(terms: dict, table: KindTable) -> tuple[dict[str, str], dict[str, tuple[str, ...]]]:
    """lower-case name or alias -> term; term -> the kinds the sources support."""
    names: dict[str, str] = {}
    supported: dict[str, tuple[str, ...]] = {}
    for term, entry in terms.items():
        entry = entry or {}
        if not isinstance(entry, dict) or set(entry) - {"aliases", "kinds"}:
            raise OptionError("terms", f"term '{term}' takes 'aliases' and 'kinds' (lists), nothing else")
        aliases, kinds = entry.get("aliases", []), entry.get("kinds", [])
        if not all(isinstance(v, list) and all(isinstance(x, str) for x in v) for v in (aliases, kinds)):
            raise OptionError("terms", f"term '{term}': 'aliases' and 'kinds' must be lists of strings")
        for name in [str(term), *aliases]:
            names[" ".join(name.lower().split())] = str(term)
        supported[str(term)] = tuple(table.canonical(k) for k in kinds)
    return names, supported


def _alternation(phrases, plural: bool = False) -> str:
    """Longest first, so "NMDA receptor" wins over "NMDA"; kinds may take a plural -s."""
    suffix = r"(?:e?s)?" if plural else ""
    parts = [phrase_pattern(p).removesuffix(r"\b") + suffix + r"\b" for p in sorted(phrases, key=len, reverse=True)]
    return "(?:" + "|".join(parts) + ")"


def _starting(doc: Document, regex, scope):
    """(sentence, match) for the first sentences of blocks whose text `regex` matches from its
    first character, with stream offsets as `sentence_matches` gives them."""
    stream = doc.stream
    for sentence in candidate_sentences(doc, regex):
        if sentence.block.sentences[0] is sentence and in_scope(sentence, scope):
            m = regex.match(stream, sentence.stream_start, sentence.stream_start + len(sentence.text))
            if m is not None:
                yield sentence, m
