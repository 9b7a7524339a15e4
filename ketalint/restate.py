"""Claims made across two sentences, restated as the single statements they make.

FAQ copy asserts in two sentences what no single sentence says: "Is ketamine addictive?" asks,
and "No." says nothing on its own, but together they state that ketamine is not addictive.
Likewise a condition named in a question is what the answer's pronoun stands for ("Stuck in
bipolar depression? Ketamine lifts it."), a fragment names what the next sentence is about
("Spravato. It must be taken with …"), and on a page of conditions a clinic treats, what is said
under "PTSD" is said of PTSD. The rules that judge claims read these restatements as they read
any sentence, and the engine reports what they find at the answer or the sentence.

Only plain shapes are restated: yes/no questions opened by their auxiliary verb and answered
by a bare yes or no word; condition, topic and a few wh-questions answered about their subject;
fragments of a few words without a verb; headings that name only a condition. A question that
already holds a negation, or offers a choice ("… or …"), is left alone: what "No" means there is
a matter of reading. So is a question whose subject is not a noun this module knows, since a
wrong split could move a "not" off its verb.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ketalint.document.model import follows
from ketalint.document.sentences import PICTOGRAPHS
from ketalint.tables import has_tables, naming, tables
from ketalint.values import Frozen


class Restatement(Frozen):
    """The statement a question and its answer (or a heading and a sentence under it) make together.

    `start`/`end` is the source span a finding is reported at (the answer word, or the whole
    answer); `first`/`last` the source span from the question to the end of the answer's block,
    within which a finding the document already has for the same rule says the same thing
    ("No. There is no risk of addiction." is reported once, at "no risk of addiction"). When the
    statement ends with a sentence of the document word for word (from `copied_at` on), a
    finding inside that copy is reported where the words are: `sentence` is that sentence."""

    __slots__ = ("statement", "start", "end", "first", "last", "note", "sentence", "copied_at", "in_table")

    def __init__(self, statement: str, start: int, end: int, first: int, last: int, note: str, sentence=None, copied_at: int = -1,
                 in_table: bool = False):
        self.assign(statement=statement, start=start, end=end, first=first, last=last, note=note, sentence=sentence,
                    copied_at=copied_at, in_table=in_table)

    def span_of(self, start: int, end: int) -> tuple[int, int]:
        """The source span to report a finding at whose statement span is [start, end)."""
        if self.sentence is not None and start >= self.copied_at:
            return self.sentence.source_span(start - self.copied_at, end - self.copied_at)
        return self.start, self.end


def _answer_note(question: str, answer: str, statement: str) -> str:
    return f'(answering "{question}" with "{answer}" says "{statement}")'


_OPENING = r"^[\s*_\"'“‘(\[]*"
_OPENING_RE = re.compile(_OPENING)
# The speaker of a transcript or interview, in capitals: "JONAH:", "DR. AMADI:", "JONAH (to
# camera):" (not a shouted "NO:").
_SPEAKER = r"(?-i:(?!(?:NO|YES|NOPE|NEVER|NOT)\b)(?:[A-Z][A-Z.'’-]*\s+){0,2}[A-Z][A-Z'’-]+\s*(?:\([^()]{0,60}\)\s*)?:\s*)"
_SPEAKER_AT = re.compile(_OPENING + _SPEAKER)
# A label before the question: "FAQ 3:", "Q.", "1)", the channel labels of ad copy ("Subject:",
# "Headline:"), a speaker, and the conjunction a host opens a follow-up with ("And is there …?").
_LEAD = re.compile(
    _OPENING + r"(?:" + _SPEAKER + r")?(?:(?:faq|q|question)\s*\d*\s*[:.)\-–—]\s*|(?:subject|headline|caption|preview|sms|email|ad)\s*:\s*|\d+[.)]\s+)?"
    r"(?:(?:and|so|but|okay|ok|well|now)\b,?\s+)?",
    re.IGNORECASE,
)
_ANSWER = re.compile(
    _OPENING
    + r"(?:" + _SPEAKER + r")?"
    + r"""(?:(?:a|answer)\s*[:.)\-–—]\s*)?(?:
        (?P<no>(?:zero|no|not\s+a|not\s+one)\s+chance|no\s+way|absolutely\s+not|definitely\s+not|certainly\s+not|of\s+course\s+not|not\s+at\s+all|not\s+really|not\s+yet
           |nope|no|never|none(?:\s+at\s+all|\s+whatsoever)?|zero|nothing)
        |(?P<yes>yes|yep|yeah|absolutely|definitely|certainly|of\s+course|sure|indeed|undoubtedly
           |without\s+(?:a\s+|any\s+)?doubt|100\s*%|always|completely|totally|guaranteed
           |forever|permanently|for\s+good|for\s+life)
        )(?:[\s*_""" + PICTOGRAPHS + r"""\ufe0f\u200d]*(?P<stop>[.,!;:—–]|\s-\s|$)|(?(yes)(?=\s+(?:it|they|ketamine|esketamine|spravato|you|we|this|that|there)\b)|(?!)))""",
    re.IGNORECASE | re.VERBOSE,
)
# Yes-words that say how much, not only whether: kept in the statement.
_DEGREES = {"completely", "totally", "absolutely", "100%", "always"}
# Yes-words that say how long: they complete the statement ("Will it last? Forever!").
_LENGTHS = {"forever", "permanently", "for good", "for life"}
# A question whose own words deny or choose: what a bare "No" answers is not plain.
_UNCLEAR = re.compile(r"n't\b|\b(?:not|never|no|or|nor|without)\b", re.IGNORECASE)
_THERE = re.compile(r"^(is|are|was|were|will)\s+there\s+(.+)$", re.IGNORECASE)
_AUXILIARY = re.compile(r"^(is|are|was|were|does|do|did|has|have|can|could|will|would|should|may|might|must)\s+(.+)$", re.IGNORECASE)
_COPULAS = {"is", "are", "was", "were"}
_DO = {"does", "do", "did"}

_DETERMINERS = {
    "the", "a", "an", "your", "my", "our", "its", "their", "his", "her", "this", "that", "these", "those",
    "each", "every", "one", "any", "all", "some", "most",
}
_DEMONSTRATIVES = {"this", "that", "these", "those"}
_HEADS = {
    "ketamine", "esketamine", "spravato", "kap", "psychotherapy", "treatment", "treatments", "therapy", "therapies",
    "infusion", "infusions", "injection", "injections", "session", "sessions", "course", "series", "effect", "effects",
    "result", "results", "benefit", "benefits", "relief", "improvement", "improvements", "change", "changes", "cure",
    "drug", "drugs", "medicine", "medicines", "medication", "medications", "spray", "lozenge", "lozenges", "troche",
    "troches", "dose", "doses", "dosing", "risk", "risks", "brain", "brains", "mood", "depression", "anxiety", "ptsd",
    "ocd", "pain", "patient", "patients", "people", "everyone", "everybody", "anyone", "anybody", "someone", "protocol",
    "program", "programme", "approach", "option", "response", "remission", "symptoms", "clinic", "procedure",
    "antidepressant", "antidepressants", "dissociation", "euphoria", "experience", "feelings", "it", "they", "you",
    "we", "i", "he", "she", "insurance", "neurons", "synapses", "connections", "doctor", "doctors", "clinician",
    "clinicians", "provider", "nurse", "psychiatrist", "team", "staff", "pressure", "rate", "pulse", "heartbeat",
}
_MODIFIERS = {
    "iv", "intravenous", "oral", "nasal", "at-home", "home", "low-dose", "repeated", "long-term", "short-term",
    "ketamine-assisted", "side", "single", "first", "whole", "full", "new", "these", "ketamine's", "spravato's",
    "regular", "usual", "own", "local", "family", "medical", "care", "blood", "heart",
}
# Words that read as a verb where a `do` or modal question needs one: "Does ketamine cure …".
_VERBISH = {"cure", "change", "effect", "dose", "spray", "risk", "help", "work", "treat", "care", "experience"}
_LINKS = {"of", "from", "with"}


def answered(question: str, answer: str) -> tuple[str, int, int] | None:
    """(statement, start, end) when `answer` is a bare yes or no to the yes/no `question`:
    the question as a statement of that polarity, and the answer word's span in `answer`.

    The rest of an answer's sentence after a comma stays with the statement ("Yes, for some
    people" keeps its hedge); an answer word that ends its sentence claims the question whole."""
    m = _ANSWER.match(answer)
    if m is None:
        return None
    word = m.group("no") or m.group("yes")
    key = " ".join(word.lower().split())
    degree = key if key in _DEGREES else ""
    statement = declarative(question, negative=m.group("no") is not None, degree=degree)
    if statement is None:
        return None
    if key in _LENGTHS:
        statement = f"{statement} {key}"
    start = m.start("no") if m.group("no") else m.start("yes")
    rest = answer[m.end():].strip() if m.group("stop") not in (".", "!") else ""
    rest = rest.rstrip(" .!\"'”’)]")
    return (f"{statement}, {rest}." if rest else f"{statement}."), start, start + len(word)


def declarative(question: str, negative: bool, degree: str = "") -> str | None:
    """The statement a yes (or, with `negative`, a no) answer makes of `question`; None when
    its shape is not one this module restates. A `degree` answer ("Completely.") goes before
    the predicate, which it strengthens: "Is ketamine safe? Completely." → "ketamine is
    completely safe"."""
    text = _LEAD.sub("", question.strip()).rstrip().rstrip("\"')]*_ ").rstrip("?").strip()
    if not text or _UNCLEAR.search(text):
        return None
    m = _THERE.match(text)
    if m:
        return _there(m.group(1).lower(), m.group(2), negative)
    m = _AUXILIARY.match(text)
    if m is None:
        return None
    auxiliary, words = m.group(1).lower(), m.group(2).split()
    length = subject_length(words, verb_next=_verb_next(auxiliary))
    if length is None:
        return None
    subject, rest = " ".join(words[:length]), words[length:]
    if auxiliary in _DO:
        return _with_do(subject, auxiliary, rest, negative, degree)
    if not negative:
        return f"{subject} {auxiliary} {degree + ' ' if degree else ''}{' '.join(rest)}"
    if auxiliary == "can":
        return f"{subject} cannot {' '.join(rest)}"
    return f"{subject} {auxiliary} not {' '.join(rest)}"


def _there(auxiliary: str, rest: str, negative: bool) -> str:
    """ "Is there any risk of addiction?" → "there is no risk of addiction"."""
    words = rest.split()
    verb = auxiliary
    if auxiliary == "will" and words and words[0].lower() == "be":
        verb, words = "will be", words[1:]
    if negative:
        if words and words[0].lower() in {"any", "a", "an"}:
            words = words[1:]
        return f"there {verb} no {' '.join(words)}"
    if words and words[0].lower() == "any":
        words = ["a", *words[1:]] if auxiliary in {"is", "was"} else words[1:]
    return f"there {verb} {' '.join(words)}"


def _with_do(subject: str, auxiliary: str, rest: list[str], negative: bool, degree: str = "") -> str | None:
    """ "Does ketamine have any side effects?" → "ketamine has no side effects" (no) or
    "ketamine has any side effects" (yes); "Do infusions hurt?" → "infusions hurt"."""
    verb, after = rest[0], rest[1:]
    tail = " ".join(after)
    if auxiliary == "did":
        return f"{subject} did {'not ' if negative else ''}{verb} {tail}".rstrip()
    inflected = third_person(verb) if auxiliary == "does" else verb
    if negative:
        if after and after[0].lower() == "any":
            return f"{subject} {inflected} no {' '.join(after[1:])}".rstrip()
        if verb.lower() == "have":
            return f"{subject} {inflected} no {tail}".rstrip()
        return f"{subject} {auxiliary} not {verb} {tail}".rstrip()
    return f"{subject} {degree + ' ' if degree else ''}{inflected} {tail}".rstrip()


def third_person(verb: str) -> str:
    """The present-tense form a singular subject takes: "cure" → "cures", "have" → "has"."""
    lowered = verb.lower()
    if lowered == "have":
        return "has"
    if lowered.endswith(("s", "sh", "ch", "x", "z", "o")):
        return verb + "es"
    if len(lowered) > 1 and lowered.endswith("y") and lowered[-2] not in "aeiou":
        return verb[:-1] + "ies"
    return verb + "s"


def subject_length(words: list[str], verb_next: bool) -> int | None:
    """How many of `words` name the question's subject: determiners, then modifiers and nouns
    of the domain up to the last noun ("the long-term effects of ketamine"); a determiner and
    the word after it when the noun is not one this module knows and one word is left ("the
    euphoria dangerous"). With
    `verb_next`, a noun that also reads as a verb ends the subject before it ("Does ketamine
    cure …"). None when nothing would be left for the predicate."""
    i = 0
    while i < len(words) and words[i].lower() in _DETERMINERS:
        i += 1
    last = None
    j = i
    while j < len(words) and j < i + 4:
        word = words[j].lower()
        if word in _HEADS and not (verb_next and last is not None and word in _VERBISH):
            last = j
        elif word not in _MODIFIERS and not word.endswith("'s"):
            break
        j += 1
    if last is not None:
        end = last + 1
        if end + 1 < len(words) and words[end].lower() in _LINKS:
            more = subject_length(words[end + 1:], verb_next)
            if more is not None:
                end += 1 + more
        return end if end < len(words) else None
    if i > 0 and words[i - 1].lower() in _DEMONSTRATIVES and i < len(words):
        return i
    if i == len(words) - 2:
        return i + 1  # "Is the euphoria dangerous?": one word left can only be the predicate
    return None  # an unknown subject: a wrong split could move a "not" off its verb


_CONDITION_QUESTION = re.compile(
    _OPENING
    + r"""(?:
        (?:are\s+you\s+|still\s+|feeling\s+|always\s+)*
        (?:stuck|struggling|living|dealing|battling|suffering|coping|trapped|tired|sick|fed\s+up|worried|afraid|scared
           |haunted|overwhelmed|plagued|exhausted|frustrated|held\s+back|burdened|fighting|losing\s+(?:hope|sleep))
        \s+(?:in|with|from|about|by|of|over)
        |(?:do|did)\s+you\s+(?:have|suffer\s+from|struggle\s+with|live\s+with|deal\s+with|experience|battle|fight)
        |does\s+(?:your|a)\s+(?:child|partner|teen|teenager|spouse|loved\s+one|family\s+member)\s+(?:have|suffer\s+from|struggle\s+with|live\s+with)
        )\s+(?:your\s+|the\s+|an?\s+)?(?P<condition>[^?!.]{2,60}?)\s*\?[\s"')\]]*$""",
    re.IGNORECASE | re.VERBOSE,
)
_PRONOUN = re.compile(r"\b(?:it|them)\b|\bthat(?=\s*[.!,;]|\s*$)", re.IGNORECASE)


# A topic asked about in a few words ("Bladder problems?", "What about side effects?").
_TOPIC_QUESTION = re.compile(
    _OPENING + r"(?:(?:faq|q)\s*:\s*)?(?:(?:what|how)\s+about\s+)?(?P<topic>[A-Za-z][\w'%-]*(?:\s+[\w'%-]+){0,3}?)\s*\?[\s\"')\]]*$",
    re.IGNORECASE,
)
# "Feeling detached during your session?": a feeling, asked about in more words than a topic.
_FEELING_QUESTION = re.compile(
    _OPENING + r"(?:are\s+you\s+)?(?P<topic>feeling\s+[\w'-]+(?:\s+[\w'-]+){0,5}?|(?:that|this|the)\s+(?:[\w'-]+,?\s+){1,3}?(?:feeling|sensation))\s*\?[\s\"')\]]*$", re.IGNORECASE
)
_NOT_TOPICS = re.compile(
    r"^(?:is|are|was|were|does|do|did|has|have|can|could|will|would|should|may|might|must|who|what|when|where|why|how|which"
    r"|ready|want|need|looking|curious|wondering|sound|interested)\b",
    re.IGNORECASE,
)
# A condition named before what it does to you: "Social anxiety holding you back?"
_CONDITION_FIRST = re.compile(
    _OPENING + r"(?P<condition>[A-Za-z][\w'-]*(?:\s+[\w'-]+){0,4}?)\s+(?:holding\s+you\s+back|ruling\s+your\s+life"
    r"|taking\s+over(?:\s+your\s+life)?|getting\s+worse|keeping\s+you\s+up(?:\s+at\s+night)?|won't\s+(?:go\s+away|let\s+up|quit|lift)"
    r"|not\s+lifting|still\s+there|wearing\s+you\s+down|running\s+your\s+life)\s*\?[\s\"')\]]*$",
    re.IGNORECASE,
)
_HOW_COMMON = re.compile(r"^how\s+(?:common|likely|rare|frequent|often)\s+(?:is|are)\s+(?P<topic>.+)$", re.IGNORECASE)
_HOW_LONG = re.compile(r"^how\s+long\s+(?P<aux>does|do|will|can)\s+(?P<topic>.+?)\s+last$", re.IGNORECASE)
_HOW_MANY = re.compile(
    r"^how\s+many\s+(?P<counted>[\w\s-]+?)\s+(?:are\s+(?:there\s+)?in|does|do)\s+(?P<whole>.+?)(?:\s+(?:have|contain|hold))?$",
    re.IGNORECASE,
)
_DO_TO = re.compile(r"^what\s+(?:does|do|will|can)\s+(?P<topic>.+?)\s+do\s+(?:to|for)\s+(?P<target>.+)$", re.IGNORECASE)
# "What happens to blood pressure during a session?" + "It climbs." → "blood pressure climbs."
_HAPPENS_TO = re.compile(r"^what\s+happens\s+(?:to|with)\s+(?P<topic>.+?)(?:\s+(?:during|after|while|when|in|on|at)\b.*)?$", re.IGNORECASE)
_WH = re.compile(r"^(?:how|why|what|when)\s+(?:does|do|is|are|can|will)\s+(?P<rest>.+)$", re.IGNORECASE)
# "What is BDNF?" + "A protein that helps neurons grow." A definition opens with "a" or "an" and
# has no verb of its own before any relative clause ("A ketamine infusion is …" answers in a sentence).
_WHAT_IS = re.compile(r"^what\s+(?P<verb>is|are)\s+(?P<topic>[\w'-]+(?:\s+[\w'-]+){0,3})$", re.IGNORECASE)
_DEFINITION = re.compile(_OPENING + r"(?P<head>an?\s+[^,;:.!?]*?)(?=\s+(?:that|which|who|used|made|given|approved)\b|[,;:.!?]|$)", re.IGNORECASE)
# "What is ketamine used for?", "What is it like?": the question goes on past its subject.
_NOT_WHAT_IS = re.compile(r"\b(?:used|made|given|approved)\b|\b(?:like|known|called|for|to|in|on|of|about|with|from)$", re.IGNORECASE)
_FINITE = re.compile(r"\b(?:is|are|was|were|has|have|had|can|could|will|would|does|do|did|may|might|must|should)\b", re.IGNORECASE)

_OPENING_PRONOUN = re.compile(_OPENING + r"(?P<pronoun>it|they|those|these|that|this)(?P<verb>'s|'re|\s+(?=[a-z]))", re.IGNORECASE)
_SOFTENERS = r"(?:(?P<adverb>practically|virtually|almost|basically|essentially|very|extremely|super|incredibly|totally|completely)\s+)?"
# A verdict on the topic: "Dissociation? Uncommon — …", "Side effects? Practically none."
_VERDICT = re.compile(
    _OPENING + _SOFTENERS + r"(?P<word>rare|uncommon|unlikely|minimal|mild|minor|harmless|safe|painless|none|zero|nothing"
    r"|negligible|nonexistent|non-existent|temporary|permanent|lasting|guaranteed|effective|proven|instant|immediate)\b",
    re.IGNORECASE,
)
_THE = re.compile(r"^(?:the|your|our|any)\s+", re.IGNORECASE)
_NONE_THERE = re.compile(_OPENING + r"there\s+(?:aren't|are\s+not|isn't|is\s+not)\s+any\b", re.IGNORECASE)
_QUANTITY = re.compile(
    _OPENING + r"(?:(?:only|just|about|around|roughly|over|nearly|almost|up\s+to|more\s+than|fewer\s+than|less\s+than|typically|usually)\s+)*"
    r"(?:\d[\d.,]*|one|two|three|four|five|six|seven|eight|nine|ten|a\s+few|a\s+couple|an?(?=\s+(?:minute|hour|day|week|month|year)s?\b))\b",
    re.IGNORECASE,
)


def resolved(question: str, answer: str) -> str | None:
    """The answer as a statement about what the question asks about: the condition of "Stuck
    in bipolar depression?" + "Ketamine lifts it." ("Ketamine lifts bipolar depression."), the
    topic of "Bladder problems?" + "Those only happen with street use.", or the subject of a
    few question words ("How common is dissociation?" + "It affects 2% of patients."). None
    when the question names none of these or the answer says nothing of it."""
    if answer.rstrip().endswith("?"):
        return None
    question = _LEAD.sub("", question.strip())
    answer = _SPEAKER_AT.sub("", answer, count=1)
    text = question.rstrip().rstrip("\"')]*_ ").rstrip("?").strip()
    unshown = _not_shown(text, answer)
    if unshown is not None:
        return unshown
    denied = _denied_claim(text, answer)
    if denied is not None:
        return denied
    winner = _winner(text, answer)
    if winner is not None:
        return winner
    m = _CONDITION_QUESTION.match(question) or _CONDITION_FIRST.match(question)
    if m is not None:
        condition = m.group("condition")
        return about(condition, answer) if len(condition.split()) <= 6 else None
    for shape in (_HOW_COMMON, _HOW_LONG, _HOW_MANY, _DO_TO, _HAPPENS_TO):
        m = shape.match(text)
        if m is not None:
            return _answered_wh(shape, m, answer)
    m = _WHAT_IS.match(text)
    if m is not None and _NOT_WHAT_IS.search(m.group("topic")) is None:
        definition = _DEFINITION.match(answer)
        if definition is not None and _FINITE.search(definition.group("head")) is None:
            return f"{m.group('topic')} {m.group('verb').lower()} {_plain_answer(answer)}."
        return about(m.group("topic"), answer, anywhere=False)
    m = _WH.match(text)
    if m is not None:
        words = m.group("rest").split()
        length = subject_length(words, verb_next=True)
        return about(" ".join(words[:length]), answer, anywhere=False) if length else None
    said = _said_of_the_subject(text, answer)
    if said is not None:
        return said
    m = _TOPIC_QUESTION.match(question) or _FEELING_QUESTION.match(question)
    if m is None or _NOT_TOPICS.match(m.group("topic")):
        return None
    return about(m.group("topic"), answer)


# "That has not been shown." answering "Can ketamine prevent suicide?" (or "Has that been proven?").
_NOT_SHOWN = re.compile(
    _OPENING + r"(?:no\b[\s,.:;—–-]*)?(?:that|this|it)\s+(?:has\s*(?:not|n't)|has\s+never|was\s*(?:not|n't)|was\s+never|is\s*(?:not|n't))"
    r"\s+(?:yet\s+|ever\s+)?(?:been\s+)?(?P<verb>shown|proven|demonstrated|established)\b(?!\s+(?:to|that)\b)",
    re.IGNORECASE,
)


def _not_shown(question: str, answer: str) -> str | None:
    """A yes/no question answered by "That has not been shown": the question's claim, said to be
    unshown ("Can ketamine or Spravato prevent suicide?" → "ketamine or Spravato has not been
    shown to prevent suicide"). A choice in the subject is kept whole: neither has been shown."""
    shown = _NOT_SHOWN.match(answer)
    asked = None if shown is None else _thing_asked(question)
    if asked is None:
        return None
    auxiliary, words, length = asked
    while length < len(words) - 1 and words[length].lower() in ("or", "and"):
        more = subject_length(words[length + 1:], verb_next=_verb_next(auxiliary))
        if more is None:
            return None
        length += 1 + more
    if length >= len(words):
        return None
    rest = " ".join(words[length:])
    claim = f"be {rest}" if auxiliary in _COPULAS else f"have {rest}" if auxiliary in {"has", "have"} else rest
    return f"{' '.join(words[:length])} has not been {shown.group('verb').lower()} to {claim}."


# "Who says ketamine is addictive? Not the science." denies the claim the question quotes.
_WHO_SAYS = re.compile(r"^(?:who|what)\s+(?:says|said|claims|told\s+you|decided)\s+(?:that\s+)?(?P<claim>.+)$", re.IGNORECASE)
_NOBODY = re.compile(
    _OPENING + r"(?:not\s+(?:the\s+|any\s+|a\s+single\s+|our\s+|your\s+)?(?:science|evidence|research|data|studies|study|trials?|us|we|doctors?|experts?|anyone|one)"
    r"|no\s*(?:one|body)|nobody|no\s+(?:study|trial|evidence|research|doctor|expert|one)|certainly\s+not\s+(?:the\s+)?(?:science|evidence|us))\b",
    re.IGNORECASE,
)
_CLAIM_AUXILIARY = re.compile(r"\s(?P<aux>is|are|was|were|can|could|will|would|does|do|did|has|have)\s+(?!not\b|n't\b|never\b|to\b)", re.IGNORECASE)


def _denied_claim(question: str, answer: str) -> str | None:
    """ "Who says ketamine is addictive?" answered "Not the science" (or "Nobody"): the claim
    denied, "ketamine is not addictive". None for a claim without an auxiliary to deny with."""
    asked = _WHO_SAYS.match(question)
    if asked is None or _NOBODY.match(answer) is None:
        return None
    claim = asked.group("claim").strip()
    if _UNCLEAR.search(claim):
        return None
    verb = _CLAIM_AUXILIARY.search(claim)
    if verb is None or len(claim[:verb.start()].split()) > 6:
        return None
    if verb.group("aux").lower() == "can":
        return f"{claim[:verb.start('aux')]}cannot {claim[verb.end():]}."
    return f"{claim[:verb.end('aux')]} not {claim[verb.end():]}."


# "Ketamine vs. ECT? Ketamine wins." says which of the two works better.
_VERSUS = re.compile(r"^(?P<a>[\w'’ -]{2,40}?)\s+(?:vs\.?|versus)\s+(?P<b>[\w'’ -]{2,40}?)$", re.IGNORECASE)
_WINS = re.compile(
    _OPENING + r"(?P<winner>[\w'’ -]{2,40}?)\s+(?:(?:easily|clearly)\s+)?(?:wins|comes\s+out\s+(?:on\s+top|ahead)|takes\s+it|beats\s+it|"
    r"is\s+(?:the\s+)?(?:clear\s+|easy\s+|obvious\s+)?(?:winner|better(?:\s+(?:one|option|choice))?))\b(?P<rest>.*)$",
    re.IGNORECASE | re.DOTALL,
)


def _winner(question: str, answer: str) -> str | None:
    """ "Ketamine vs. ECT?" answered "Ketamine wins, hands down": "Ketamine works better than
    ECT, hands down." The winner must be one of the two the question names."""
    asked = _VERSUS.match(question)
    won = None if asked is None else _WINS.match(answer)
    if won is None:
        return None
    first, second, winner = (" ".join(text.split()) for text in (asked.group("a"), asked.group("b"), won.group("winner")))
    if winner.lower() == first.lower():
        loser = second
    elif winner.lower() == second.lower():
        loser = first
    else:
        return None
    rest = won.group("rest").rstrip()
    return f"{winner} works better than {loser}{rest}"


_PEOPLE = {"i", "you", "we", "they", "he", "she", "it", "my", "your", "our", "their", "his", "her", "someone", "anyone"}


def _verb_next(auxiliary: str) -> bool:
    """Whether a verb follows the subject of a question opened by `auxiliary` ("Does ketamine
    cure …"), rather than a complement ("Is ketamine safe", "Has ketamine been …")."""
    return auxiliary not in _COPULAS and auxiliary not in {"has", "have"}


def _thing_asked(question: str) -> tuple[str, list[str], int] | None:
    """(auxiliary, words after it, how many of them are the subject) of a yes/no question about
    a thing; None for other questions and for one about a person ("Can I drive afterwards?")."""
    m = _AUXILIARY.match(question)
    if m is None:
        return None
    auxiliary, words = m.group(1).lower(), m.group(2).split()
    if not words or words[0].lower() in _PEOPLE:
        return None
    length = subject_length(words, verb_next=_verb_next(auxiliary))
    return None if length is None else (auxiliary, words, length)


def _plural(noun: str) -> bool:
    lowered = noun.lower()
    return lowered.endswith("s") and not lowered.endswith(("ss", "sis"))


def _said_of_the_subject(question: str, answer: str) -> str | None:
    """A yes/no question answered by a sentence about its subject: "Is ketamine addictive?" +
    "It can be misused." → "ketamine can be misused". Only a thing asked about, not a person
    ("Can I drive afterwards? It isn't safe …": the "it" is the driving)."""
    opening = _OPENING_PRONOUN.match(answer)
    if opening is None or opening.group("pronoun").lower() not in ("it", "they"):
        return None
    asked = _thing_asked(question)
    if asked is None:
        return None
    _, words, length = asked
    if (opening.group("pronoun").lower() == "they") != _plural(words[length - 1]):
        return None
    return " ".join(words[:length]) + _verb(opening) + answer[opening.end():]


_USUALLY = re.compile(r"(typically|usually|generally|often|normally)\s+", re.IGNORECASE)
_TREATMENT = re.compile(r"\b(?:infusions?|doses?|treatments?|sessions?|series|course|shots?|sprays?)\b", re.IGNORECASE)
_LONG_SPAN = re.compile(r"\b(?:days?|weeks?|months?|years?)\b", re.IGNORECASE)


def _answered_wh(shape, m, answer: str) -> str | None:
    if shape is _HOW_MANY:
        if _QUANTITY.match(answer):
            return f"{m.group('whole')} has {_plain_answer(answer)} {m.group('counted')}."
        return None
    if shape is _DO_TO:
        opening = _OPENING_PRONOUN.match(answer)
        if opening is None:
            return None
        rest = _PRONOUN.sub(m.group("target"), answer[opening.end():], count=1)
        return m.group("topic") + _verb(opening) + rest
    if shape is _HOW_LONG and _QUANTITY.match(answer):
        duration = _plain_answer(answer)
        topic = m.group("topic")
        lasts = "last" if m.group("aux").lower() == "do" else "lasts"  # "How long do the effects last?"
        usually = _USUALLY.match(duration)
        usual = "" if usually is None else usually.group(1).lower() + " "
        rest = duration if usually is None else duration[usually.end():]
        if _TREATMENT.search(topic) and _LONG_SPAN.search(rest):
            # "How long will one infusion last?" "A week or two.": the relief lasts, not the drip.
            return f"relief {usual}lasts {rest} after {topic}."
        return f"{topic} {usual}{lasts} {rest}."
    return about(m.group("topic"), answer, anywhere=False)


def about(topic: str, answer: str, anywhere: bool = True) -> str | None:
    """`answer` as a statement about `topic`, the few words the sentence before names: an
    opening pronoun stands for the topic ("They're rare." → "Side effects are rare."), a
    verdict is said of it ("Uncommon." → "Dissociation is uncommon.", "Practically none." →
    "there are practically no side effects"), a number is its value ("95%." → "Our success rate
    is 95%."), and, with `anywhere`, a later "it" or "them" stands for it ("Ketamine treats
    it.")."""
    topic = topic.strip()
    opening = _OPENING_PRONOUN.match(answer)
    if opening is not None:
        return topic + _verb(opening) + answer[opening.end():]
    plural = _plural(topic)
    lowered = topic[0].lower() + topic[1:] if topic[1:2].islower() else topic
    none = _NONE_THERE.match(answer)
    if none is not None:
        return f"there are no {lowered}{answer[none.end():]}"
    verdict = _VERDICT.match(answer)
    if verdict is not None and _ends_a_statement(answer, verdict.end("word")):
        word, rest = verdict.group("word").lower(), answer[verdict.end("word"):]
        adverb = verdict.group("adverb")
        adverb = adverb.lower() + " " if adverb else ""
        if word in {"none", "zero", "nothing"}:  # "What is the risk of addiction? Zero." → "there is no risk …"
            bare = _THE.sub("", lowered)
            return f"there {'are' if plural else 'is'} {adverb}no {bare}{rest}"
        return f"{topic} {'are' if plural else 'is'} {adverb}{word}{rest}"
    if _QUANTITY.match(answer) and len(answer.split()) <= 6:
        return f"{topic} {'are' if plural else 'is'} {_plain_answer(answer)}."
    if anywhere:
        pronoun = _PRONOUN.search(answer)
        if pronoun is not None:
            return answer[:pronoun.start()] + topic + answer[pronoun.end():]
    return None


def _verb(opening) -> str:
    verb = opening.group("verb")
    return {"'s": " is", "'re": " are"}.get(verb.lower(), verb)


def _ends_a_statement(answer: str, at: int) -> bool:
    """The verdict word is the answer's point: a stop, a dash, or words that qualify it follow."""
    rest = answer[at:].lstrip(" *_")
    return not rest or rest[0] in ".,!;:—–-" or rest.lower().startswith(("worth", "to speak of", "at all", "whatsoever"))


def _plain_answer(answer: str) -> str:
    text = _OPENING_RE.sub("", answer).rstrip().rstrip(".!")
    return text[0].lower() + text[1:] if text[1:2].islower() or text[:2] in ("A ", "An") else text


def restatements(doc) -> list[Restatement]:
    """The document's restatements: the sentences under its condition headings, and its
    answered questions (each question sentence with the sentence after it, in its block or
    opening the next one: a question heading and the first sentence under it)."""
    found = _under_condition_headings(doc) if any(block.kind == "heading" for block in doc.blocks) else []
    if doc.format != "text" and has_tables(doc):
        found.extend(_table_cells(doc))
    from ketalint.document import TYPOGRAPHY_FOLD
    from ketalint.language import is_question

    sentences = doc.sentences
    found.extend(_active_readings(doc))
    found.extend(_parallel_readings(doc))
    found.extend(_expanded_readings(doc))
    found.extend(_quiz_readings(doc))
    found.extend(_arrow_readings(doc))
    found.extend(_items_under_lead_ins(doc))
    found.extend(_signed_quotes(doc))
    for sentence, after in zip(sentences, sentences[1:]):
        text = sentence.text
        asked = "?" in text
        # Most sentences are neither a question nor a fragment: told apart before any other work.
        if not asked and (text.count(" ") > 4 or sentence.block.kind == "heading" or text[-1:] not in ".:"):
            if text[-1:].isalpha() and text.count(" ") < 4 and sentence.block.kind == "paragraph" and after.block is not sentence.block \
                    and len(sentence.block.sentences) == 1 and follows(sentence, after):
                glossed = _glossed(" ".join(text.split()), after.text.translate(TYPOGRAPHY_FOLD))
                if glossed is not None:
                    found.append(Restatement(glossed, after.source_start, after.source_end, sentence.source_start,
                                             after.block.source_end, _answer_note(" ".join(text.split()), " ".join(after.text.split()), glossed)))
                    continue
            if after.text.startswith(_IT_OPENINGS) and follows(sentence, after):
                named = _named_term_statement(text, after.text.translate(TYPOGRAPHY_FOLD))
                if named is not None:
                    shown = " ".join(text.split())
                    found.append(Restatement(named, after.source_start, after.source_end, sentence.source_start,
                                             after.block.source_end, f'(after "{shown}", this says "{named}")'))
            continue
        if not follows(sentence, after):
            continue
        first = text.translate(TYPOGRAPHY_FOLD)
        answer = after.text.translate(TYPOGRAPHY_FOLD)
        shown = " ".join(text.split())
        if asked and first.rstrip().rstrip("\"')]*_ ").endswith("?"):
            if "\n" in first.strip():
                # Lines without a stop above a question are its labels: a script's scene
                # heading and stage direction, then "JONAH: Can you …?"
                first = first.strip()
                first = first[first.rfind("\n") + 1:]
                shown = " ".join(first.split())
            if not is_question(first):
                continue
            pair = answered(first, answer)
            if pair is not None:
                statement, start, end = pair
                src_start, src_end = after.source_span(start, end)
                found.append(Restatement(statement, src_start, src_end, sentence.source_start, after.block.source_end,
                                         _answer_note(shown, after.text[start:end], statement)))
                continue
            statement = resolved(first, answer)
        else:
            statement = _after_topic(sentence, first, after, answer, found)
        if statement is not None:
            statement = statement.rstrip()
            if not statement.endswith((".", "!", "…")):
                statement += "."  # a line without a stop could read as a heading
            found.append(Restatement(statement, after.source_start, after.source_end, sentence.source_start,
                                     after.block.source_end, _answer_note(shown, " ".join(after.text.split()), statement)))
    return found


# A passive whose agent is the treatment: "the release of glutamate is dampened by ketamine"
# says what "ketamine dampened the release of glutamate" says, and the rules that judge claims
# are written for the active voice. The auxiliary is a plain one: a modal ("may be raised by")
# hedges, and a negation ("is not raised by") denies, so such sentences are left as they are.
_AGENT_TREATMENT = (
    r"(?:(?:a|an|the|your|our|just|only|one|each|every|single|first|IV|intravenous|oral|low-dose|regular|repeated|ketamine's)\s+)*"
    r"(?:(?:ketamine|esketamine|spravato)(?:\s+(?:infusions?|treatments?|sessions?|doses?|therapy|nasal\s+spray|spray))?"
    r"|(?<=\s)(?:infusions?|treatments?|sessions?|doses?|medicine|medication|drug|spray))\b"
)
_PASSIVE_BY = re.compile(
    r"\b(?P<aux>(?:is|are|was|were|gets|get|got|(?:has|have|had)\s+been|(?:is|are|was|were)\s+being)\s+)"
    r"(?P<adverb>(?:(?!not\b|never\b)[a-z]+ly\s+){0,2})"
    r"(?P<verb>[a-z]+(?:ed|en|wn|ne|lt|pt|ght|ung|unk|ade|eft|ot|et|ut|id|ld|nd))"
    r"(?P<state>\s+(?:unchanged|untouched|intact|unaffected|alone|steady|stable|normal|flat))?"
    r"\s+by\s+(?P<agent>" + _AGENT_TREATMENT + r")",
    re.IGNORECASE,
)
_BY_TREATMENT = re.compile(r"by\s+" + _AGENT_TREATMENT, re.IGNORECASE)
# Where the passive's subject starts: after the last clause break before its auxiliary.
_CLAUSE_OPENING = re.compile(r"[,;:(]\s*|\s[—–-]\s+|\b(?:that|because|so|when|while|whereas|and|but|since|if|although)\s+", re.IGNORECASE)
_MOST_PATIENT_WORDS = 12


def _active_readings(doc) -> list[Restatement]:
    """Sentences with a passive whose agent is the treatment, read in the active voice: "the
    release of glutamate in the brain is dampened by ketamine" as "Ketamine dampens the release
    of glutamate in the brain", and "Blood pressure is left unchanged by an infusion" as "An
    infusion leaves blood pressure unchanged". Only the sentences where the treatment follows
    " by " are tried (most articles hold none or one)."""
    # "by a clinician" is no treatment
    found = []
    for sentence in _sentences_holding(doc, " by ", lambda stream, at: _BY_TREATMENT.match(stream, at + 1) is not None):
        text = sentence.text
        passive = _PASSIVE_BY.search(text)
        if passive is None:
            continue
        before = text[:passive.start()]
        opening = 0
        for opening_match in _CLAUSE_OPENING.finditer(before):
            opening = opening_match.end()
        patient = before[opening:].strip()
        if not patient or len(patient.split()) > _MOST_PATIENT_WORDS or patient.lower() in ("which", "who", "it", "this", "that"):
            continue
        agent = passive.group("agent")
        verb = base_form(passive.group("verb"))
        if not agent.lower().endswith(_PLURAL_AGENTS):
            verb = third_person(verb)
        state = passive.group("state") or ""
        if not opening:  # the two trade places at the start of the sentence
            agent = agent[:1].upper() + agent[1:]
            if not patient[1:2].isupper():
                patient = patient[:1].lower() + patient[1:]
        found.append(_read_as(sentence, f"{text[:opening]}{agent} {passive.group('adverb')}{verb} {patient}{state}{text[passive.end():]}"))
    return found


# Social copy joins cause and effect with an arrow: "One infusion ➡️ months of relief".
_ARROWS = ("➡", "→", "⇒", "⟶")
_ARROW = re.compile(r"^(?P<cause>[^➡→⇒⟶:;]{2,60}?)\s*[➡→⇒⟶]\ufe0f?\s*(?P<effect>[^➡→⇒⟶]{2,}?)$", re.DOTALL)


def _arrow_readings(doc) -> list[Restatement]:
    """A sentence of one arrow between a cause and an effect, read with "brings" for the arrow
    ("One infusion brings months of relief"). Tried only where the text holds an arrow."""
    stream = doc.stream
    if stream.isascii():
        return []
    found = []
    seen = set()
    for arrow in _ARROWS:
        for sentence in _sentences_holding(doc, arrow):
            if sentence.index in seen:
                continue
            seen.add(sentence.index)
            joined = _ARROW.match(sentence.text)
            if joined is not None and joined.group("effect")[:1].islower() and joined.group("effect").split()[0] not in _PEOPLE:
                found.append(_read_as(sentence, f"{joined.group('cause')} brings {joined.group('effect')}"))
    return found


# A quiz item: "3. True or false: Ketamine grows new neurons." The statement is asked about, not
# made (see `language.REPORTING_BEFORE`); a verdict of "True" after it makes it.
_QUIZ_LABEL = r"(?:true\s+or\s+false|fact\s+or\s+(?:fiction|myth)|myth\s+or\s+(?:fact|truth))"
_QUIZ_WORDS = ("false", "fiction", "myth", "truth", "fact")  # the word after "or" (the index's words are lower-case)
_QUIZ = re.compile(_OPENING + r"(?:\d+[.)]\s*)?" + _QUIZ_LABEL + r"\s*[:?.—–-]\s*(?P<statement>.*)$", re.IGNORECASE | re.DOTALL)
_TRUE_VERDICT = re.compile(
    _OPENING + r"(?:a(?:nswer)?\s*[:.)\-–—]\s*)?(?P<word>true|correct|fact|that's\s+true|that\s+is\s+true|yes)\b(?!\s+or\b)(?![\w'’-])",
    re.IGNORECASE,
)


def _quiz_readings(doc) -> list[Restatement]:
    """A quiz item with the verdict "True" after it, read as the item's statement ("True or
    false: ketamine is a classic psychedelic." + "True." → "ketamine is a classic psychedelic."),
    reported at the verdict. The statement follows the label in its sentence, or is the sentence
    after a label that stands alone ("True or false?"). Only the sentences the word index says
    hold the label's last word are tried."""
    found = []
    sentences = doc.sentences
    for sentence in _sentences_with_words(doc, _QUIZ_WORDS):
        item = _QUIZ.match(sentence.text)
        if item is None:
            continue
        statement, asked = item.group("statement").strip(), sentence
        following = sentences[sentence.index + 1:sentence.index + 3]
        if not statement and following and follows(sentence, following[0]):
            asked, following = following[0], following[1:]
            statement = asked.text.strip()
        if not statement or not following or not follows(asked, following[0]):
            continue
        answer = following[0]
        verdict = _TRUE_VERDICT.match(answer.text)
        if verdict is None:
            continue
        statement = " ".join(statement.split())
        start, end = answer.source_span(verdict.start("word"), verdict.end("word"))
        found.append(Restatement(statement, start, end, sentence.source_start, answer.block.source_end,
                                 _answer_note(" ".join(sentence.text.split()), verdict.group("word"), statement)))
    return found


def _sentences_holding(doc, needle: str, accept=None):
    """The sentences, each once and in order, where `needle` occurs in the document's text (and
    `accept(stream, at)` holds there): one search of the text instead of one per sentence."""
    from ketalint.rules.scan import stream_index

    stream = doc.stream
    at = stream.find(needle)
    last = None
    while at >= 0:
        if accept is None or accept(stream, at):
            sentence = stream_index(doc).sentence_at(at)
            if sentence is not last:
                yield sentence
                last = sentence
        at = stream.find(needle, at + 1)


def _sentences_with_words(doc, words: tuple[str, ...]):
    """The sentences the document's word index says hold one of `words` (lower-case `\\w+`
    runs), in order; every sentence where the document has no such index."""
    from ketalint.rules.literals import indexes
    from ketalint.rules.scan import word_mask

    mask = word_mask(doc, words)
    sentences = doc.sentences
    if mask is None:
        return sentences
    return [sentences[index] for index in indexes(mask)] if mask else []


def _read_as(sentence, statement: str) -> Restatement:
    """A sentence read as `statement`, reported at the whole sentence."""
    statement = " ".join(statement.split())
    return Restatement(statement, sentence.source_start, sentence.source_end, sentence.source_start, sentence.source_end,
                       f'(read as "{statement}")')


_PLURAL_AGENTS = ("infusions", "treatments", "sessions", "doses")
_IRREGULAR = {
    "left": "leave", "kept": "keep", "made": "make", "brought": "bring", "given": "give", "grown": "grow",
    "driven": "drive", "taken": "take", "shown": "show", "held": "hold", "done": "do", "undone": "undo",
    "built": "build", "sent": "send", "set": "set", "cut": "cut", "put": "put", "shut": "shut", "broken": "break",
    "beaten": "beat", "hidden": "hide", "chosen": "choose", "frozen": "freeze", "woken": "wake", "caught": "catch",
    "fought": "fight", "found": "find", "bound": "bind", "lost": "lose", "felt": "feel", "led": "lead",
    "fed": "feed", "met": "meet", "paid": "pay", "laid": "lay", "told": "tell", "understood": "understand",
    "run": "run", "begun": "begin", "struck": "strike", "stuck": "stick", "hung": "hang", "spun": "spin",
    "won": "win", "thrown": "throw", "known": "know", "sought": "seek", "taught": "teach", "overcome": "overcome",
    "undergone": "undergo", "forgotten": "forget", "written": "write", "ridden": "ride", "rid": "rid",
}
# Verbs whose base ends in one "l" though "-ed" doubles it ("controlled", and the British
# "labelled"); every other "-lled" keeps both ("filled", "installed", "recalled").
_ONE_L = frozenset({
    "control", "compel", "propel", "expel", "repel", "dispel", "impel", "patrol", "enrol", "excel", "rebel",
    "label", "model", "signal", "travel", "level", "cancel", "fuel", "channel", "total", "counsel", "marshal",
    "pencil", "tunnel", "funnel", "shovel", "quarrel", "spiral", "equal", "annul", "distil", "instil", "fulfil",
})
# Stems that keep a final "e" once "-ed" is taken off: "raised", "reduced", "relieved",
# "eliminated", "changed", "argued", "cured", "provoked", "promoted", "restored", "prepared",
# "combined", "computed", "decided", "faded", "compiled", "baked", "liked", "enabled" (but
# "appeared", "joined", "avoided", "loaded", "failed", "monitored").
_E_STEM = re.compile(
    r"(?:[^s]s|[cvzug]|[^e]at|(?<!t)reat|ur|ok|[^a]ir|ot|(?:st|pl|gn|sc|ad)or|[^e]ar|[^ao]in|[^o]ut|[^oa]id|[^o]od"
    r"|[^oe]ad|[^aoe]il|[^e]ak|ik|(?<!l)[bptdgckfz]l)$"
)


def base_form(participle: str) -> str:
    """The base form of a past participle: "dampened" → "dampen", "raised" → "raise",
    "stopped" → "stop", "carried" → "carry", "left" → "leave" (enough for the verbs claims are
    made with; an unknown irregular one is kept as it is)."""
    lowered = participle.lower()
    known = _IRREGULAR.get(lowered)
    if known is not None:
        return known
    if not lowered.endswith("ed") or len(lowered) < 5:
        return participle
    stem = participle[:-2]
    if lowered.endswith("ied"):
        return participle[:-3] + "y"
    if len(stem) > 3 and stem[-1] == stem[-2] and stem[-1].lower() in "bgmnprt":
        return stem[:-1]
    if lowered.endswith("lled") and lowered[:-3] in _ONE_L:
        return stem[:-1]
    if lowered.endswith("eed"):
        return participle[:-1]
    if lowered.endswith("ssed"):
        return stem
    return stem + "e" if _E_STEM.search(stem.lower()) else stem


# "Just as Spravato is FDA-approved for depression, so is the IV ketamine we give": the second
# thing is said to be what the first is.
_SO_IS = re.compile(
    r"^(?P<lead>[\W_]*)(?:just\s+|much\s+)?as\s+(?P<first>[^,;:]{2,80}?)\s+(?P<verb>is|are|was|were|has\s+been|have\s+been|can|will)\s+"
    r"(?P<what>[^,;:]{2,120}?),\s+so\s+(?P<verb2>is|are|was|were|has|have|can|will)\s+(?P<second>[^,;:.!?]{2,80}?)(?P<rest>\s*(?:[,;:.!?].*)?)$",
    re.IGNORECASE | re.DOTALL,
)


def _parallel_readings(doc) -> list[Restatement]:
    """"Just as A is P, so is B" read as "B is P"."""
    found = []
    for sentence in _sentences_holding(doc, ", so "):
        parallel = _SO_IS.match(sentence.text)
        if parallel is None:
            continue
        verb = parallel.group("verb2") + (" been" if parallel.group("verb").lower().endswith("been") else "")
        second = parallel.group("second").strip()
        found.append(_read_as(sentence, f"{second[:1].upper()}{second[1:]} {verb} {parallel.group('what').strip()}{parallel.group('rest')}"))
    return found


# Clinical shorthand, written out: notes for referrers say "BP: no change expected" and "LHb is
# a core DMN node", which the rules, written in words, do not read. Case is kept where the
# letters are a word too ("AD", "HR").
_SHORTHAND = {
    "BP": "blood pressure", "HR": "heart rate", "AEs": "side effects", "AE": "side effect", "ADRs": "side effects",
    "pts": "patients", "MOA": "mechanism", "PK": "pharmacokinetics", "t½": "half-life",
    "t1/2": "half-life", "LHb": "lateral habenula", "DMN": "default mode network", "SUD": "substance use disorder",
    "5-HT": "serotonin", "oral AD": "oral antidepressant", "oral ADs": "oral antidepressants", "GAD": "anxiety",
    "NMDA-R": "NMDA receptor", "NMDAR": "NMDA receptor", "SI": "suicidal ideation", "wk": "week", "wks": "weeks",
    "mo": "months", "h": "hours", "hrs": "hours", "TRD": "treatment-resistant depression",
    "MDD": "major depressive disorder", "CIs": "contraindications", "AVM": "arteriovenous malformation",
}
# Searched without a leading boundary test, which the regex engine would try at every character
# (half a millisecond an article); the few matches are checked for their boundaries after. Units
# are searched apart, from the digit before them, so that both searches skip ahead by a set of
# first characters.
_UNITS = ("hrs", "wks", "h", "mo", "wk")
_SHORTHAND_RE = re.compile("|".join(re.escape(k) for k in sorted(_SHORTHAND, key=len, reverse=True) if k not in _UNITS))
_UNIT_RE = re.compile(r"(?<=\d)\s?(?:hrs|wks|h|mo|wk)\b")
_WORD_EDGE = re.compile(r"[\w-]")


def _whole_word(text: str, start: int, end: int) -> bool:
    return not (start and _WORD_EDGE.match(text, start - 1)) and not (end < len(text) and _WORD_EDGE.match(text, end))


def _shorthand(text: str) -> list[tuple[int, int, str]]:
    """(start, end, written out) of each piece of shorthand in `text`, whole words only."""
    found = []
    for m in _SHORTHAND_RE.finditer(text):
        if _whole_word(text, m.start(), m.end()):
            found.append((m.start(), m.end(), _SHORTHAND[m.group()]))
    if found:  # units are written out only in a sentence that holds other shorthand
        found.extend((m.start(), m.end(), " " + _SHORTHAND[m.group().strip()]) for m in _UNIT_RE.finditer(text))
    return sorted(found)


# The words of the shorthand as the literal index splits and lower-cases them ("5-HT" holds "ht").
_SHORTHAND_WORDS = ("bp", "hr", "aes", "ae", "adrs", "pts", "moa", "pk", "t½", "t1", "lhb", "dmn", "sud", "ht", "ad",
                    "ads", "gad", "nmdar", "si", "trd", "mdd", "cis", "avm")


def _expanded_readings(doc) -> list[Restatement]:
    """Sentences in clinical shorthand, read written out ("BP: no change expected." as "blood
    pressure: no change expected."). Only the sentences the document's word index says hold one
    of its words are searched: a search of every article's text cost about 0.14 ms."""
    found = []
    for sentence in _sentences_with_words(doc, _SHORTHAND_WORDS):
        text = sentence.text
        pieces = _shorthand(text)
        if not pieces:
            continue
        out, at = [], 0
        for start, end, written in pieces:
            out.append(text[at:start])
            out.append(written)
            at = end
        out.append(text[at:])
        found.append(_read_as(sentence, "".join(out)))
    return found


_IT_OPENINGS = ("It is ", "It's ", "It’s ")
# A sentence that introduces a term by name: "You'll hear the term BDNF a lot." The sentence after
# it that opens with "It is" says what the term is.
_NAMED_TERM = re.compile(
    r"\b(?:the\s+(?:term|word|name|acronym|abbreviation)|(?:is\s+|are\s+)?called|known\s+as|named)\s+"
    r"[\"“‘']?(?P<term>[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2})\b"
)


def _named_term_statement(text: str, answer: str) -> str | None:
    """"You'll hear the term BDNF a lot." + "It is a neurotransmitter …" → "BDNF is a
    neurotransmitter …": the pronoun stands for the term the sentence before introduced."""
    named = _NAMED_TERM.search(text)
    opening = _OPENING_PRONOUN.match(answer)
    if named is None or opening is None:
        return None
    return named.group("term") + _verb(opening) + answer[opening.end():].rstrip()


_FRAGMENT_VERBS = re.compile(
    r"\b(?:is|are|was|were|be|been|has|have|had|do|does|did|can|could|will|would|should|may|might|must)\b|n't\b",
    re.IGNORECASE,
)


def _after_topic(sentence, first: str, after, answer: str, found: list) -> str | None:
    """What a sentence says of the topic a fragment before it names: "Spravato."
    + "It must be taken with …" → "Spravato must be taken with …"; "its" and a later "it"
    stand for the topic too ("The habenula." + "Ketamine silences its firing."), and a
    definition defines it ("Lateral habenula." + "A small nucleus …"). After a
    fragment that names a condition ("OCD."), a sentence about the treatment is read with it as
    its label, as under a condition heading."""
    topic = _topic(sentence, first)
    if topic is None:
        return None
    opening = _OPENING_PRONOUN.match(answer)
    if opening is not None:
        return topic + _verb(opening) + answer[opening.end():]
    # A glossary entry: "Lateral habenula." + "A small nucleus in the epithalamus …".
    glossed = _glossed(topic, answer)
    if glossed is not None:
        return glossed
    if condition_heading(topic):
        if _AGENT.search(answer):
            found.append(Restatement(f"{topic}: {answer}", after.source_start, after.source_end, after.source_start,
                                     after.source_end, f'(read after "{topic}")', after, len(topic) + 2))
        return None
    possessive = _ITS.search(answer)
    if possessive is not None:
        return answer[:possessive.start()] + topic + "'s" + answer[possessive.end():]
    pronoun = _PRONOUN.search(answer)
    if pronoun is not None and pronoun.start() > 0:
        return answer[:pronoun.start()] + topic + answer[pronoun.end():]
    return None


_ITS = re.compile(r"\bits\b", re.IGNORECASE)


def _glossed(term: str, definition: str) -> str | None:
    """A glossary's term and the definition under it ("Lateral habenula." or a `<dt>` without a
    stop, + "A small nucleus in the epithalamus …"): "Lateral habenula is a small nucleus in the
    epithalamus …"."""
    head = _DEFINITION.match(definition)
    if head is None or _FINITE.search(head.group("head")) is not None or condition_heading(term):
        return None
    return f"{term} {'are' if _plural(term) else 'is'} {_plain_answer(definition)}."


_VERDICTS = {"true", "false", "correct", "incorrect", "right", "wrong", "myth", "fact", "yes", "no", "nope", "yep", "truth"}


def _topic(sentence, text: str) -> str | None:
    """The topic a fragment of a few words and no verb names ("Glial cells."). A heading is not
    taken as one: the "it" opening the text under it is most often the article's subject."""
    words = text.split()
    if not words or len(words) > 4 or not text.rstrip().endswith((".", ":")) or _FRAGMENT_VERBS.search(text):
        return None
    topic = text.strip().rstrip(".:!").strip()
    if topic.lower() in _VERDICTS:
        return None  # "False." answers a quiz item; it names nothing
    # A short sentence can still be a statement ("Ketamine treats PTSD."): a fragment either
    # opens with a determiner or possessive, or is one or two words, or names a condition.
    opener = words[0].lower()
    if len(words) > 2 and opener not in _DETERMINERS and not opener.endswith("'s") and not condition_heading(topic):
        return None
    return topic or None


_HEADING_FRAME = {"ketamine", "esketamine", "for", "and", "&", "treating", "treatment", "of", "help", "with", "the",
                  "disorder", "disorders", "relief", "from", "in"}
_CONDITION_WORDS = {
    "depression", "depressive", "treatment-resistant", "resistant", "major", "postpartum", "bipolar", "anxiety",
    "social", "generalized", "generalised", "panic", "ptsd", "post-traumatic", "stress", "trauma", "ocd",
    "obsessive-compulsive", "chronic", "pain", "fibromyalgia", "migraine", "migraines", "crps", "neuropathic",
    "eating", "anorexia", "bulimia", "alcohol", "use", "substance", "addiction", "suicidal", "thoughts", "ideation",
    "mood", "attacks",
}
_CORE_CONDITIONS = _CONDITION_WORDS - {"treatment-resistant", "resistant", "major", "social", "generalized",
                                        "generalised", "chronic", "use", "thoughts", "stress", "eating", "mood"}
_HEADING_WORD = re.compile(r"[\w&'-]+")
# What a sentence under a condition heading must name to be about its treatment; bullets need not.
_AGENT = re.compile(r"\b(?:ketamine|esketamine|spravato|infusions?|treatments?|therap(?:y|ies)|it|this|we|our)\b", re.IGNORECASE)
_MOST_SENTENCES = 12


@lru_cache(maxsize=1024)
def condition_heading(text: str) -> bool:
    """A heading that names only a condition ("Anxiety", "PTSD and trauma", "Ketamine for
    OCD"): on a page of conditions a clinic treats, what is said under it is said of that
    condition."""
    words = [word.lower() for word in _HEADING_WORD.findall(text)]
    if not words or len(words) > 6 or text.rstrip().endswith("?"):
        return False
    return all(word in _CONDITION_WORDS or word in _HEADING_FRAME for word in words) and not _CORE_CONDITIONS.isdisjoint(words)


def _under_condition_headings(doc) -> list[Restatement]:
    """Sentences under a condition heading, read with the heading as their label ("Anxiety:
    Ketamine works fast."), as a bullet's label is read with its text. Only sentences that
    name the treatment (any bullet) and not already a condition of their own are restated."""
    from ketalint.document import TYPOGRAPHY_FOLD

    found = []
    for section in _all_sections(doc.sections):
        heading = section.heading
        if heading is None or heading.is_title or not condition_heading(heading.text):
            continue
        label = " ".join(heading.text.split()).translate(TYPOGRAPHY_FOLD)
        note = f'(read under its heading "{label}")'
        sentences = [sentence for block in section.blocks for sentence in block.sentences][:_MOST_SENTENCES]
        for sentence in sentences:
            text = sentence.text.translate(TYPOGRAPHY_FOLD)
            if not _CORE_CONDITIONS.isdisjoint(word.lower() for word in _HEADING_WORD.findall(text)):
                continue
            if sentence.block.kind != "list_item" and not _AGENT.search(text):
                continue
            statement = f"{label}: {text}"
            found.append(Restatement(statement, sentence.source_start, sentence.source_end, sentence.source_start,
                                     sentence.source_end, note, sentence, len(label) + 2))
    return found


# A lead-in that ends on a word its items complete ("Our Spravato program is designed to:",
# "You cannot receive Spravato if:") is read straight into each item; any other is its label.
_LEAD_IN_SUBJECT = re.compile(r"\b(?:ketamine|esketamine|spravato|infusions?|treatments?|therapy|label|program(?:me)?|medicine|medication|drug)\b", re.IGNORECASE)
_OPEN_ENDED = re.compile(r"\b(?:to|if|that|when|is|are|can|will|may|helps?|does|do|should|must|means|because)\W*$", re.IGNORECASE)
_MOST_ITEMS = 12


def _items_under_lead_ins(doc) -> list[Restatement]:
    """The items of a list under a lead-in that ends with a colon and names the treatment, read
    with it: "Our Spravato program is designed to:" + "Prevent suicide in …" → "Our Spravato
    program is designed to prevent suicide in …"; "What ketamine does to glutamate:" + "Turns
    down the amount released" → "What ketamine does to glutamate: Turns down the amount
    released". Only an item's first sentence is read so."""
    from ketalint.document import TYPOGRAPHY_FOLD

    found = []
    blocks = doc.blocks
    for i, block in enumerate(blocks[:-1]):
        if block.kind == "list_item" or blocks[i + 1].kind != "list_item" or not block.sentences:
            continue
        lead = block.sentences[-1].text.rstrip()
        if not lead.endswith(":") or _LEAD_IN_SUBJECT.search(lead) is None:
            continue
        lead = " ".join(lead[:-1].split()).translate(TYPOGRAPHY_FOLD)
        open_ended = _OPEN_ENDED.search(lead) is not None
        note = f'(read after its lead-in "{lead}:")'
        for item in blocks[i + 1:i + 1 + _MOST_ITEMS]:
            if item.kind != "list_item":
                break
            if not item.sentences:
                continue
            sentence = item.sentences[0]
            text = sentence.text.translate(TYPOGRAPHY_FOLD)
            if open_ended and text[:1].isupper() and not text[1:2].isupper():
                text = text[:1].lower() + text[1:]
            joint = f"{lead} " if open_ended else f"{lead}: "
            found.append(Restatement(joint + text, sentence.source_start, sentence.source_end, sentence.source_start,
                                     item.source_end, note, sentence, len(joint)))
    return found


def _all_sections(sections):
    for section in sections:
        yield section
        yield from _all_sections(section.subsections)


# A cell that opens on a mark answers its row and column yes or no; words after the mark say
# more ("✓ Approved", "Yes, at home", "✗ No"). "No evidence yet" opens on a determiner.
_MARK = re.compile(
    r"^[\s*_]*(?:(?P<yes>[✓✔✅☑]\ufe0f?|yes(?=[\s*_]*(?:$|[.,;:!(–—-])))|(?P<no>[✗✘❌✕×]\ufe0f?|no(?=[\s*_]*(?:$|[.,;:!(–—-]))))"
    r"[\s*_.,:;!–—-]*(?P<rest>.*)$",
    re.IGNORECASE | re.DOTALL,
)
_REPEATED_MARK = re.compile(r"^(?:yes|no)\b[\s.,:;!–—-]*", re.IGNORECASE)


def _table_cells(doc) -> list[Restatement]:
    """What the cells of a document's tables say with their headings: a comparison table
    states "Rare" of dissociation under IV ketamine, and a tick in the row "FDA-approved for
    depression" that IV ketamine is. A cell is read with its column's heading (the cell above it
    in the last header row) and its row's label (the first cell of its row): "IV ketamine,
    Dissociation: Rare". A cell that opens on a yes or no mark needs both, and reads as "IV
    ketamine: FDA-approved for depression." (or "…: not …"), with what follows the mark after a
    comma. A heading or label that is a sentence of its own (`tables.naming`) names nothing;
    cells under or beside a "Myth" heading are not read (see `tables.myth_cells`); a table
    without a header row or a label column, or of more than `tables.MOST_CELLS` cells, is left
    to its cells."""
    found: list[Restatement] = []
    for table in tables(doc):
        for row, column, blocks in table.body():
            if table.is_myth(row, column):
                continue
            # A myth names nothing its row says.
            label = "" if table.is_myth(row, 0) else naming(table.label(row))
            heading = naming(table.heading(column))
            if not heading and not label:
                continue
            first, last = blocks[0].source_start, blocks[-1].source_end
            mark = _MARK.match(" ".join(" ".join(block.text.split()) for block in blocks))
            if mark is not None:
                if heading and label:
                    # A heading that asks ("Spravato label contraindication?") is answered by the mark.
                    heading, label = heading.rstrip("?").rstrip(), label.rstrip("?").rstrip()
                    rest = _REPEATED_MARK.sub("", mark.group("rest")).strip().rstrip(".!")
                    said = label if mark.group("yes") else f"not {label}"
                    statement = f"{heading}: {said}{', ' + rest if rest else ''}."
                    found.append(Restatement(statement, first, last, first, last, f'(read in its table as "{statement}")',
                                             in_table=True))
                continue
            prefix = ", ".join(part for part in (heading, label) if part) + ": "
            for block in blocks:
                for sentence in block.sentences:
                    statement = prefix + sentence.text
                    if not statement.rstrip().endswith((".", "!", "?", "…")):
                        statement = statement.rstrip() + "."
                    shown = " ".join(statement.split())
                    found.append(Restatement(statement, sentence.source_start, sentence.source_end, first, last,
                                             f'(read in its table as "{shown}")', sentence, len(prefix), in_table=True))
    return found


# A signature under a quotation: "— Priya S., 33, patient since 2024", "– Dana R.", "-- Lee (Leeds)".
_SIGNATURE = re.compile(r"^[\s*_]*(?:—|–|―|-{1,2})\s*(?:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2})\s*(?:[,(·|]|$)")
# A star rating over a review: "★★★★★ Verified patient · January 2026".
_RATING = re.compile(r"^[\s*_]*[★⭐]")
_QUOTE_OPENERS = "\"“‘'"
_QUOTE_CLOSERS = "\"”’'"


def _signed_quotes(doc) -> list[Restatement]:
    """A quotation the site signs with a name in the block after it ("“…”" then "— Priya S., 33")
    or heads with a star rating ("★★★★★ Verified patient" then "“…”") is a testimonial it
    publishes, and says what it quotes (the FTC's endorsement guides; `language.is_testimonial`
    tells one sentence that carries its own speaker). Each sentence that the quotation marks
    open or close is read with them blanked out, and reported where it is; the sentences between
    carry no quotation marks and are read as said already."""
    found = []
    blocks = doc.blocks
    for i, block in enumerate(blocks):
        opener = block.text.lstrip(" *_")[:1]
        if block.kind == "heading" or not block.sentences or not opener or opener not in _QUOTE_OPENERS:
            continue
        after = blocks[i + 1] if i + 1 < len(blocks) else None
        if after is not None and after.kind != "heading" and _SIGNATURE.match(after.text):
            note = f'(a testimonial the site publishes, signed "{" ".join(after.text.split())[:60]}")'
        elif i and _RATING.match(blocks[i - 1].text):
            note = "(a review the site publishes, under its star rating)"
        else:
            continue
        for sentence in block.sentences:
            statement = _unquoted(sentence.text, opener)
            if statement != sentence.text:
                found.append(Restatement(statement, sentence.source_start, sentence.source_end, sentence.source_start,
                                         sentence.source_end, note, sentence=sentence, copied_at=0))
    return found


def _unquoted(text: str, opener: str) -> str:
    """`text` with the quotation mark that opens it and the one that closes it blanked out: the
    same length, so that what a rule finds in it is where the words are. A closing "'" is blanked
    only in a quotation opened by one (it may be a plural's apostrophe)."""
    chars = list(text)
    first = len(text) - len(text.lstrip(" *_"))
    if first < len(text) and text[first] in _QUOTE_OPENERS:
        chars[first] = " "
    last = len(text.rstrip(" *_")) - 1
    if last > first and text[last] in _QUOTE_CLOSERS and (text[last] != "'" or opener == "'"):
        chars[last] = " "
    return "".join(chars)
