"""`claim`: a subject and a predicate in one sentence, asserted (not negated, and optionally not hedged).

    - id: factual.bdnf-neurotransmitter
      type: claim
      subject: ['\\bBDNF\\b', 'brain-derived neurotrophic factor']
      predicate: ['\\bneurotransmitters?\\b']
      within: 6            # at most this many words between the two (default 8)
      order: any           # subject-first, predicate-first or any (default subject-first)
      unless_hedged: true  # also skip hedged statements (default false)
      same_clause: true    # subject and predicate may not straddle "; ", " but ", " — " (default false)

Flags "another neurotransmitter, called BDNF"; passes "BDNF is a protein, not a
neurotransmitter". Negation is looked for just before the predicate, and between the two. An
aside between the two, in brackets, between commas after a verb ("Side effects are, in the
trials, rare") or a relative clause between commas after the first half ("Ketamine, which has
a long record in surgery, is gentle on the heart"), neither counts towards `within` nor breaks
the clause.
With `same_clause`, "effective for depression, but it can cause anxiety" does not pair
"effective" with "anxiety": a contrast or a semicolon starts another statement. A colon does
not, so a bullet's label still pairs with its text ("Anxiety: ketamine is effective").
A sentence that opens on "it" pairs its predicate with the "it" when the sentence before names
the subject first ("Ketamine is given by IV here. It is also FDA-approved for depression.";
see `ketalint.antecedent`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ketalint.antecedent import names_first, stand_in, stand_in_openings
from ketalint.document.model import Document
from ketalint.language import folded, intensifier_spans, is_denied_after
from ketalint.rules.base import (
    CONTEXT_OPTIONS,
    Hit,
    Option,
    RuleType,
    candidate_mask,
    compile_terms,
    context_of,
    cues_of,
    find_among,
    find_in_sentences,
    overlaps_exception,
    sentence_text,
)
from ketalint.rules.section_match import span_location

_WORD_RE = re.compile(r"[\w'’-]+")
_CONTRAST = r"[;]|(?<!nothing\s)\b(?:but|however|although|though|whereas|while|yet|unlike|instead)\b"
_STATEMENT_BREAK = re.compile(_CONTRAST + r"|\s[—–-]\s|—|–", re.IGNORECASE)
# In a headline a dash joins the topic to what is said of it: "Ketamine Infusions for PTSD —
# Relief From Flashbacks and Nightmares" is one statement.
_HEADLINE_BREAK = re.compile(_CONTRAST, re.IGNORECASE)
_CAPITALISED = re.compile(r"\b[A-Z0-9]")
# An aside in brackets between the two halves is not part of the statement: "Ketamine (like the
# esketamine spray) was approved for depression" pairs as "Ketamine was approved for depression".
_ASIDE = re.compile(r"\([^()]*\)")
# So is a phrase between commas that opens on a preposition, right after the first half or a
# verb: "Ketamine, by a faster route, works by raising serotonin"; "Side effects are, in the
# trials as in our audit, uncommon". Elsewhere a comma may start another statement, and so may
# a contrast between commas ("is, by contrast, settled").
_COMMA_ASIDE = re.compile(
    r"(?:^|(?P<verb>\b(?:is|are|was|were|be|been|has|have|had|does|do|did|can|could|may|might|will|would|should|must|remains?)\b))"
    r"\s*,\s*(?!(?:by|in)\s+contrast\b|on\s+the\s+(?:contrary|other\s+hand)\b)"
    r"(?:in|at|on|across|among|according\s+to|by|for|from|as|within|over|after|during)\b[^,;:()]{0,80},",
    re.IGNORECASE,
)
# And a relative clause between commas right after the first half: "The medication we use for
# infusions, which has a long track record in operating rooms, is gentle on the heart" pairs as
# "The medication we use for infusions is gentle on the heart".
_RELATIVE_ASIDE = re.compile(r"^\s*,\s*(?:which|who)\b[^,;:()]{0,120},", re.IGNORECASE)
ORDERS = ("subject-first", "predicate-first", "any")


def is_headline(text: str) -> bool:
    """A short line without a closing stop whose words are mostly capitalised."""
    stripped = text.rstrip()
    if not stripped or stripped[-1] in ".!?…" or len(stripped) > 120:
        return False
    words = _WORD_RE.findall(stripped)
    return len(words) >= 3 and len(_CAPITALISED.findall(stripped)) * 10 >= len(words) * 6


class ClaimRule(RuleType):
    TYPE = "claim"
    RESTATED = True
    OPTIONS = {
        "subject": Option("list[str]", required=True, doc="regexes for what the claim is about"),
        "predicate": Option("list[str]", required=True, doc="regexes for what is claimed of it"),
        "within": Option("int", doc="maximum words between subject and predicate (default 8)", minimum=0),
        "order": Option("str", doc="subject-first, predicate-first or any", choices=ORDERS),
        "same_clause": Option("bool", doc="subject and predicate must sit in one statement (default false)"),
        **CONTEXT_OPTIONS,
    }

    def __init__(self, spec):
        super().__init__(spec)
        opts = spec.options
        cs = opts.get("case_sensitive", False)
        self.subject = compile_terms((), opts["subject"], cs)
        self.predicate = compile_terms((), opts["predicate"], cs)
        self.exceptions = compile_terms((), opts.get("exceptions"), cs)
        self.within = opts.get("within", 8)
        self.order = opts.get("order", "subject-first")
        self.same_clause = opts.get("same_clause", False)
        self.context = context_of(opts)
        self.cues = cues_of(opts)

    def check(self, doc: Document) -> Iterator[Hit]:
        """Most claims of a pack find no sentence holding both halves in a given document: that
        answer, from the halves' sentence masks, is an empty tuple, without the cost of listing
        either half's sentences or starting a generator. A sentence that opens on "it" after
        one that names the subject first may pair its predicate with the "it" (see
        `ketalint.antecedent`)."""
        with_subject = candidate_mask(doc, self.subject)
        if with_subject is None:
            return self._hits(doc, find_in_sentences(doc, self.predicate, self.spec.scope))
        if not with_subject:
            return ()  # no literal the subject needs: no pair
        with_predicate = candidate_mask(doc, self.predicate)
        carried = doc.memo.get("stand_in_openings")
        if carried is None:
            carried = stand_in_openings(doc)
        if carried:  # most documents: no sentence opens on "it"
            if self.order == "predicate-first":
                carried = 0
            else:
                carried &= with_subject << 1 | with_subject << 2
                if carried and with_predicate is not None:
                    carried &= with_predicate
        if with_predicate is not None and not with_subject & with_predicate and not carried:
            return ()  # most claims: the two halves' literals meet in no sentence
        return self._hits(doc, find_among(doc, self.predicate, self.spec.scope, with_subject | carried), carried)

    def _hits(self, doc: Document, predicates, carried: int = 0) -> Iterator[Hit]:
        # One report per stretch of a sentence: "has been shown to reduce symptoms of PTSD" holds
        # two predicates for one subject, and is still one claim.
        done: dict[int, list[tuple[int, int]]] = {}
        for sentence, p_start, p_end in predicates:
            text = sentence_text(doc, sentence)
            span = self._pair(text, p_start, p_end)
            related = shown = None
            if span is None and carried >> sentence.index & 1:
                span, related, shown = self._carried_pair(doc, sentence, text, p_start, p_end)
            reported = done.setdefault(sentence.index, [])
            if span is None or any(a < span[1] and span[0] < b for a, b in reported):
                continue
            start, end, s_start, s_end = span
            if overlaps_exception(doc, sentence, text, start, end, self.exceptions):
                continue
            if self.context.excuses(text, start, end, self.cues, negation_at=p_start):
                continue
            # From the subject's end: a subject that runs on to its pronoun ("Spravato rather than
            # ketamine … it") holds a contrast, not a denial.
            if self.context.negated and s_start < p_start and _negation_between(text, s_end, p_start, self.cues):
                continue
            # Predicate first: "an increase in synapses was not seen after a dose" denies the
            # claim between its two halves.
            if self.context.reported and p_start < s_start and is_denied_after(text, p_end):
                continue
            reported.append((start, end))
            src_start, src_end = sentence.source_span(start, end)
            yield Hit(src_start, src_end, values=(("match", shown or sentence.text[start:end]),), related=related or ())

    def _carried_pair(self, doc: Document, sentence, text: str, p_start: int, p_end: int):
        """The pair the predicate makes with the "it" that opens the sentence, when that stands
        for the subject (see `ketalint.antecedent`), where the subject is named, and the claim as
        a message quotes it: "It (ketamine) is also FDA-approved"."""
        opening = stand_in(text)
        if opening is None or opening[1] > p_start:
            return None, None, None
        possessive = text[opening[0]:opening[1]].lower() == "its"  # "Its benefits …"
        named = names_first(doc, sentence, self.subject, lambda s: sentence_text(doc, s), possessive)
        if named is None:
            return None, None, None
        span = self._pair(text, p_start, p_end, opening)
        if span is None:
            return None, None, None
        before, name_start, name_end = named
        start, end = span[0], span[1]
        words = sentence.text
        name = " ".join(before.text[name_start:name_end].split())
        if possessive:  # "Its (their first infusion's) benefits"
            name += "'s"
        shown = f"{words[start:opening[1]]} ({name}){words[opening[1]:end]}"
        return span, (span_location(doc, *before.source_span(name_start, name_end)),), shown

    def _pair(self, text: str, p_start: int, p_end: int, opening: tuple[int, int] | None = None):
        """The nearest subject match allowed by `order` and `within`: (start, end, subject_start,
        subject_end). With `opening`, that span (a stand-in) is the only subject."""
        best = None
        if opening is None:
            subject, searched = folded(self.subject, text)
            spans = (m.span() for m in subject.finditer(searched))
        else:
            spans = (opening,)
        for s_start, s_end in spans:
            if s_start < p_end and p_start < s_end:
                continue
            subject_first = s_end <= p_start
            if self.order == "subject-first" and not subject_first:
                continue
            if self.order == "predicate-first" and subject_first:
                continue
            gap = text[s_end:p_start] if subject_first else text[p_end:s_start]
            words = len(_WORD_RE.findall(gap))
            if words > self.within or (self.same_clause and _breaks_statement(text, gap)):
                # Asides are looked for only where they could make the difference: an aside
                # between commas takes two.
                if "(" not in gap and gap.count(",") < 2:
                    continue
                if "(" in gap:
                    gap = _ASIDE.sub(" ", gap)
                if gap.count(",") >= 2:
                    gap = _COMMA_ASIDE.sub(r"\g<verb> ", _RELATIVE_ASIDE.sub(" ", gap))
                words = len(_WORD_RE.findall(gap))
                if words > self.within or (self.same_clause and _breaks_statement(text, gap)):
                    continue
            if best is None or words < best[0]:
                best = (words, min(s_start, p_start), max(s_end, p_end), s_start, s_end)
        return None if best is None else best[1:]


def _breaks_statement(text: str, gap: str) -> bool:
    if _STATEMENT_BREAK.search(gap) is None:
        return False
    return not is_headline(text) or _HEADLINE_BREAK.search(gap) is not None


def _negation_between(text: str, a: int, b: int, cues) -> bool:
    """A negation between subject and predicate denies the pairing, unless it sits in a relative
    clause closed by a comma: in "patients whose anxiety has not improved with therapy, ketamine
    eases …" the "not" describes the patients; or in a clause a semicolon closes before the
    predicate, as for a reporting frame (`language.is_reported`): "Ketamine isn't in a different
    class from LSD; it is a classic psychedelic" asserts the second clause. A dash may close an
    aside instead ("is not — whatever you have read — a cure"), so it leaves the negation in."""
    a = max(a, text.rfind(";", a, b) + 1)
    negation, searched = folded(cues.negation, text)
    found = [m.start() for m in negation.finditer(searched, a, b)]
    found += [m.start() for m in _NOT_SUFFIX.finditer(text, a, b)]
    if found:
        idioms = intensifier_spans(text, a, b)
        found = [at for at in found if not any(s <= at < e for s, e in idioms)]
    return any(not _in_closed_relative_clause(text, at, b) for at in found)


_NOT_SUFFIX = re.compile(r"n't\b")
_RELATIVE = re.compile(r"\b(?:whose|who|which|that|where|when)\b", re.IGNORECASE)


def _in_closed_relative_clause(text: str, at: int, b: int) -> bool:
    """The clause may open before the subject ("patients whose anxiety has not …")."""
    return _RELATIVE.search(text, text.rfind(",", 0, at) + 1, at) is not None and text.find(",", at, b) >= 0
