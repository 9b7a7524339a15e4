"""`direction`: which way ketamine moves a thing. "Ketamine increases BDNF" in one article and
"ketamine lowers BDNF levels" in another conflict; the thing moved is matched across articles
after normalising ("the release of the neurotransmitter glutamate" is "glutamate") and fuzzily
(rapidfuzz), so small wording differences still meet; two objects are one only when their
words pair up ("depressive symptoms" and "depression symptoms", never "inflammation" and
"information"). Statements are negation- and hedge-aware: "ketamine may lower X" claims nothing
a site must keep consistent (`unless_hedged` defaults to true here).

    - id: consistency.direction
      type: direction
      subject: ['\\bketamine\\b']
      increase: ['\\bincreas(?:e|es|ed|ing)\\b', '\\bcauses?\\s+an?\\s+(?P<object>[\\w-]+)\\s+surge\\b']
      decrease: ['\\breduc(?:e|es|ed|ing)\\b']
      within: 5          # words allowed between the subject and the verb (default 5)
      similarity: 88     # rapidfuzz token-sort ratio for two objects to be the same thing
      skip_objects: [glutamate]   # left to a declared axis that knows which side is right

A verb pattern may capture the object itself (`(?P<object>…)`); otherwise the object is the
words after the verb up to a preposition, a conjunction or a clause break.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator

from ketalint.corpus.conflicts import Conflict, by_key, side_conflicts
from ketalint.corpus.rule import CorpusRule
from ketalint.corpus.statement import Statement, span_statement
from ketalint.document.model import Document
from ketalint.rules.base import CONTEXT_OPTIONS, Option, compile_terms, context_of, cues_of, sentence_matches, sentence_text

_GAP_BREAK = re.compile(r"[,;:()\[\]]|\b(?:which|that|who|but|while|whereas|although|and|or)\b", re.IGNORECASE)
_WORD = re.compile(r"[\w'-]+")
_STOP = frozenset("in on at which that and or by to for while so because as with within after before from into than when where".split())
_IGNORED = frozenset(
    "the a an your its their our this these those other of levels level release production activity activities "
    "amount amounts concentration concentrations signaling signalling function neurotransmitter chemical "
    "brain's brain body's natural certain specific".split()
)
_MAX_OBJECT_WORDS = 4


class DirectionRule(CorpusRule):
    TYPE = "direction"
    RESTATED = True
    OPTIONS = {
        "subject": Option("list[str]", required=True, doc="regexes for what does the moving (ketamine)"),
        "increase": Option("list[str]", required=True, doc="regexes for verbs that raise something"),
        "decrease": Option("list[str]", required=True, doc="regexes for verbs that lower something"),
        "within": Option("int", doc="words allowed between subject and verb (default 5)", minimum=0),
        "similarity": Option("int", doc="rapidfuzz score (0-100) for two objects to count as one (default 88)", minimum=50, maximum=100),
        "ignore_words": Option("list[str]", doc="more words dropped when objects are compared"),
        "skip_objects": Option("list[str]", doc="objects left to declared axes, which know the evidence"),
        **CONTEXT_OPTIONS,
    }

    def __init__(self, spec):
        super().__init__(spec)
        opts = spec.options
        cs = opts.get("case_sensitive", False)
        self.subject = compile_terms((), opts["subject"], cs)
        self.verbs = {"increases": compile_terms((), opts["increase"], cs), "decreases": compile_terms((), opts["decrease"], cs)}
        self.within = opts.get("within", 5)
        self.similarity = opts.get("similarity", 88)
        self.ignored = _IGNORED | {w.lower() for w in opts.get("ignore_words", ())}
        self.skipped = {" ".join(o.lower().split()) for o in opts.get("skip_objects", ())}
        self.context = context_of({"unless_hedged": True, **opts})
        self.cues = cues_of(opts)

    def extract(self, doc: Document) -> list[Statement]:
        out: list[Statement] = []
        for side, regex in self.verbs.items():
            for sentence, m in sentence_matches(doc, regex, self.spec.scope):
                offset = sentence.stream_start
                text = sentence_text(doc, sentence)
                found = self._statement(text, m, offset)
                if found is not None:
                    start, end, obj, shown = found
                    out.append(span_statement(doc, sentence, start, end, key=obj, side=side, variant=m.group().lower(), data={"object": shown}))
        return out

    def _statement(self, text: str, m: re.Match, offset: int):
        """(start, end, normalised object) when a subject governs this verb; else None."""
        v_start, v_end = m.start() - offset, m.end() - offset
        subject = self._subject_before(text, v_start)
        if subject is None:
            return None
        captured = m.groupdict().get("object")
        raw, end = (captured, v_end) if captured else self._object_after(text, v_end)
        obj, shown = self._normalise(raw or "")
        if not obj or obj in self.skipped or self.context.excuses(text, subject, end, self.cues, negation_at=v_start):
            return None
        return subject, end, obj, shown

    def _subject_before(self, text: str, verb_start: int) -> int | None:
        best = None
        for s in self.subject.finditer(text, 0, verb_start):
            gap = text[s.end():verb_start]
            if len(_WORD.findall(gap)) <= self.within and not _GAP_BREAK.search(gap):
                best = s.start()
        return best

    def _object_after(self, text: str, start: int) -> tuple[str, int]:
        words, end = [], start
        for w in _WORD.finditer(text, start):
            if text[end:w.start()].strip() or (words and w.group().lower() in _STOP) or len(words) == 6:
                break
            words.append(w.group())
            end = w.end()
        return " ".join(words), end

    def _normalise(self, phrase: str) -> tuple[str, str]:
        """(comparison key, words as written) of an object; empty when too long or all filler."""
        words = [w for w in phrase.replace("'s", "").split() if w.lower() not in self.ignored]
        if not 0 < len(words) <= _MAX_OBJECT_WORDS:
            return "", ""
        return " ".join(words).lower(), " ".join(words)

    def lookups(self, statement: Statement) -> tuple[str, ...]:
        """Objects join one cluster only when their words match (`same_words`)."""
        return (" ".join(sorted(map(_stem, statement.key.split()))),)

    def conflicts(self, statements: list[Statement], single: bool = False) -> Iterator[Conflict]:
        clusters = _cluster(sorted({s.key for s in statements}), self.similarity)
        grouped = by_key(_rekeyed(statements, clusters))
        for obj, sides in grouped.items():
            for c in side_conflicts(sides, lambda a, b: a == b):
                yield Conflict(c.statement, c.counter, (("object", c.statement.data.get("object", obj)),), overlapping=c.overlapping)


def _rekeyed(statements: list[Statement], clusters: dict[str, str]):
    """Statements with the object of their cluster as key (the first name in sorted order)."""
    return [s if clusters[s.key] == s.key else s._replace(key=clusters[s.key]) for s in statements]


def _cluster(objects: list[str], similarity: int) -> dict[str, str]:
    """object -> its cluster's name. Only objects that share a word are scored (blocking), and
    only those with the same words (`same_words`, cheap and rarely true) are scored at all."""
    parent = {o: o for o in objects}

    def root(o: str) -> str:
        while parent[o] != o:
            parent[o] = parent[parent[o]]
            o = parent[o]
        return o

    by_stem: dict[str, list[str]] = defaultdict(list)
    for o in objects:
        for stem in {_stem(w) for w in o.split()}:
            by_stem[stem].append(o)
    for members in by_stem.values():
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                if root(a) != root(b) and same_words(a, b) and _similar(a, b, similarity):
                    parent[max(root(a), root(b))] = min(root(a), root(b))
    return {o: root(o) for o in objects}


def _similar(a: str, b: str, similarity: int) -> bool:
    from rapidfuzz import fuzz

    return fuzz.token_sort_ratio(a, b) >= similarity


def same_words(a: str, b: str) -> bool:
    """Every word of one object has a counterpart in the other: the same after a plural -s, or
    the same long stem ("depressive"/"depression"). A similar score alone would join "inflammation"
    and "information", or "NMDA receptors" and "AMPA receptors"."""
    return sorted(map(_stem, a.split())) == sorted(map(_stem, b.split()))


def _stem(word: str) -> str:
    """Plural -s folded; long words cut to their first seven letters."""
    word = word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word
    return word[:7] if len(word) > 7 else word
