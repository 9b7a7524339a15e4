"""What a sentence that opens on "it" (or "its", "the medication") is about: the thing the
sentence before it names first.

Clinic copy names the medicine once and then says "it": "Ketamine is given by IV at our clinic.
It is also available as an FDA-approved nasal spray." The second sentence makes a claim about
ketamine with no ketamine in it. A claim rule therefore reads such an opening as its subject
when the nearest sentence before it that names any of the things these articles talk about
(a medicine, a messenger, a brain region: `_THINGS`) names the rule's subject first:

- "BDNF comes up in every conversation about ketamine. It is a neurotransmitter …" is about
  BDNF (named first), not ketamine;
- "Many clients ask whether ketamine is a psychedelic. It is a classic psychedelic …" is about
  ketamine: people are not among the things, so "clients" does not stand in the way;
- "Q: Is ketamine an option for teenagers?" "A: We see adults only." "For younger patients, the
  medication is safe …": the answer's first sentence names nothing, so the question is read;
- "Patients often ask what happens after their first infusion. Its benefits last …" says how
  long the benefits of a first infusion last: a possessive "its" stands in the same way;
- "Bipolar depression responds well to ketamine. It reduces PTSD symptoms …" is read as about
  nothing: a condition named first is not what "it" stands for (here it is ketamine, the
  treatment), and ketamine is not named first.

Only the two sentences before are read, and never across a heading: under "## How it works",
"It blocks NMDA receptors" is about the article's subject, which the heading does not name, so
nothing is read into it. A heading right above is read ("## The lateral habenula" / "It is part
of …"). An "it" that stands for what follows ("It is important to …", "It seems that …") is not
a subject that stands for anything.
"""

from __future__ import annotations

import re

from ketalint.document.model import follows
from ketalint.language import folded
from ketalint.lazyregex import lazy
from ketalint.rules.literals import indexes
from ketalint.rules.scan import word_mask

# An "it" that stands for what follows it: "It is important to …", "It's likely that …", "It is
# common for patients to …", "It seems …".
_FOR_WHAT_FOLLOWS = (
    r"(?:['’]s|\s+(?:is|was|can\s+be|may\s+be|might\s+be|will\s+be|would\s+be|isn['’]t|is\s+not|has\s+been))\s+"
    r"(?:(?:not|very|also|so|really|quite|often|always|never|perfectly|completely|entirely)\s+)?"
    r"(?:important|possible|impossible|hard|difficult|easy|normal|common|uncommon|okay|ok|fine|natural|"
    r"best|wise|crucial|essential|vital|helpful|useful|necessary|tempting|fair|true|clear|unclear|"
    r"likely|unlikely|understandable|worth\s+\w+|safe\s+to\s+say|no\s+(?:surprise|wonder|secret)|"
    r"a\s+good\s+idea|up\s+to\s+you|thought|believed|said|known\s+that|estimated)"
    r"\s*(?:to|that|whether|for\s+[\w\s]{1,30}?\s+to|,)(?:\s|$)"
    r"|\s+(?:seems|seemed|appears|appeared|turns\s+out|turned\s+out|depends|happens|means\s+that|may\s+seem|"
    r"might\s+seem|remains\s+to\s+be)\b"
)
# Where the sentence opens: an optional speaker or answer label ("A:"), an optional opening
# phrase that ends on a comma ("For younger patients, …"), then the stand-in.
_STAND_IN = lazy(
    r"[\s*_\"'“‘(\[]*(?:[A-Z][\w.'’-]{0,20}(?:\s+[A-Z][\w.'’-]{0,20}){0,2}\s*:\s*)?"
    r"(?:(?:for|in|with|after|during|at|among|like|unlike|today|now)\b[^,.;:!?]{0,40},\s*)?"
    r"(?P<stand_in>it\b(?!" + _FOR_WHAT_FOLLOWS + r")|its\b|the\s+(?:medication|medicine|drug)\b(?!['’]s\b))",
    re.IGNORECASE,
)
# The words a stand-in opening holds.
_WORDS = ("it", "its", "medication", "medicine", "drug")

# The things these articles talk about, which an opening "it" may stand for. A thing named
# before the rule's subject in the sentence read is what the "it" stands for instead.
_THINGS = lazy(
    r"\b(?:(?:es|ar)?ketamine|spravato|bdnf|glutamate|gaba|serotonin|dopamine|norepinephrine|"
    r"(?:lateral\s+)?habenula|default\s+mode\s+network|prefrontal\s+cortex|amygdala|hippocampus|"
    r"psilocybin|lsd|mdma|nmda|ampa|ssris?|snris?|antidepressants?|lithium|ect|tms|therapy|"
    r"nasal\s+spray|infusions?|the\s+(?:medication|medicine|drug|spray)|"
    r"depression|anxiety|ptsd|ocd|pain|bipolar|addiction|side\s+effects?|dissociation|nausea|"
    r"blood\s+pressure|the\s+brain)\b",
    re.IGNORECASE,
)
# A condition named first is not taken for what "it" stands for: "Bipolar depression responds
# well to ketamine. It reduces PTSD symptoms …" is about ketamine, the treatment, which the
# first sentence names after the condition.
_CONDITION = lazy(
    r"(?:treatment-resistant\s+|major\s+|bipolar\s+|chronic\s+|severe\s+)*"
    r"(?:depression|bipolar|anxiety|ptsd|ocd|pain|addiction|suicidal|mdd|trd|migraines?)\b",
    re.IGNORECASE,
)
_LOOK_BACK = 2
_SHORT_LEAD = 6  # spaces: a lead-in of up to six words


def stand_in_openings(doc) -> int:
    """The sentences that open on a stand-in for a thing named before, as a bit mask (bit i:
    sentence i). Remembered per document (`doc.memo["stand_in_openings"]`): every claim rule asks.

    A loop over every sentence, or a search of the whole text for "It", would cost an article
    more than the rest of this: only the few sentences that hold one of the stand-ins' words
    anywhere (from the literal index's words) are tried with the regex."""
    memo = doc.memo
    found = memo.get("stand_in_openings")
    if found is None:
        holding = word_mask(doc, _WORDS)
        sentences = doc.sentences
        match = _STAND_IN.match
        found = 0
        for sentence in sentences if holding is None else map(sentences.__getitem__, indexes(holding)):
            if match(sentence.text) is not None:
                found |= 1 << sentence.index
        memo["stand_in_openings"] = found
    return found


def stand_in(text: str) -> tuple[int, int] | None:
    """(start, end) of the stand-in that opens `text`, if one does."""
    m = _STAND_IN.match(text)
    return None if m is None else m.span("stand_in")


def names_first(doc, sentence, subject, text_of, possessive: bool = False):
    """Where the thing a stand-in opening `sentence` stands for is named, if that is a match of
    `subject`: (the sentence, start, end) of the match in the nearest of the sentences before
    it (up to `_LOOK_BACK`, not across a heading) that names a thing or the subject, when it
    names the subject first; else None. `text_of(sentence)` is the text matched.

    A `possessive` stand-in ("Its mechanism …") stands only for a match that names one of the
    things: after "The long-term effects are still being studied.", "Its mechanism" is the
    medicine's, which the article is about, not the effects'."""
    sentences = doc.sentences
    after = sentence
    for _ in range(_LOOK_BACK):
        index = after.index - 1
        if index < 0:
            return None
        before = sentences[index]
        if not _reads_on(before, after):
            return None
        text = text_of(before)
        pattern, searched = folded(subject, text)
        own = pattern.search(searched)
        other = _THINGS.search(text)
        if own is not None:
            if (other is not None and other.start() < own.start()) or _CONDITION.match(searched, own.start()):
                return None
            if possessive and (other is None or other.start() >= own.end()):
                return None
            return (before, *own.span())
        # A sentence that names nothing is passed over only when it is a short lead-in ("A: We
        # see adults only."): after a longer one the "it" may stand for anything it says.
        if other is not None or before.block.kind == "heading" or text.count(" ") >= _SHORT_LEAD:
            return None
        after = before
    return None


def _reads_on(before, after) -> bool:
    """Whether `after` reads on from `before` (`follows`); a heading ends the look back after it
    is read."""
    return after.block.kind != "heading" and follows(before, after)
