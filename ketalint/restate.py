"""Questions answered by the next sentence, restated as the statements they make.

FAQ copy asserts in two sentences what no single sentence says: "Is ketamine addictive?" asks,
and "No." says nothing on its own, but together they state that ketamine is not addictive.
Likewise a condition named in a question is what the answer's pronoun stands for: "Stuck in
bipolar depression? Ketamine lifts it." The rules that judge claims read these restatements as
they read any sentence, and the engine reports what they find at the answer.

Only plain shapes are restated: a yes/no question opened by its auxiliary verb ("Is …",
"Does …", "Can …", "Is there …") and answered by a bare yes or no word, and a "Struggling with
X?" question answered with "it" or "them". A question that already holds a negation, or offers
a choice ("… or …"), is left alone: what "No" means there is a matter of reading.
"""

from __future__ import annotations

import re

from ketalint.values import Frozen


class Restatement(Frozen):
    """The statement a question and its answer make together.

    `start`/`end` is the source span a finding is reported at (the answer word, or the whole
    answer); `first`/`last` the source span from the question to the end of the answer's block,
    within which a finding the document already has for the same rule says the same thing
    ("No. There is no risk of addiction." is reported once, at "no risk of addiction")."""

    __slots__ = ("statement", "start", "end", "first", "last", "question", "answer")

    def __init__(self, statement: str, start: int, end: int, first: int, last: int, question: str, answer: str):
        self.assign(statement=statement, start=start, end=end, first=first, last=last, question=question, answer=answer)

    @property
    def note(self) -> str:
        """How the copy makes the statement, for the end of a finding's message."""
        return f'(answering "{self.question}" with "{self.answer}" says "{self.statement}")'


_OPENING = r"^[\s*_\"'“‘(\[]*"
_LEAD = re.compile(_OPENING + r"(?:(?:faq|q|question)\s*\d*\s*[:.)\-–—]\s*|\d+[.)]\s+)?", re.IGNORECASE)
_ANSWER = re.compile(
    _OPENING
    + r"""(?:(?:a|answer)\s*[:.)\-–—]\s*)?(?:
        (?P<no>absolutely\s+not|definitely\s+not|certainly\s+not|of\s+course\s+not|not\s+at\s+all|not\s+really
           |nope|no|never|none(?:\s+at\s+all|\s+whatsoever)?|zero|nothing)
        |(?P<yes>yes|yep|yeah|absolutely|definitely|certainly|of\s+course|sure|indeed|undoubtedly
           |without\s+(?:a\s+|any\s+)?doubt|100\s*%|always|completely|totally|guaranteed
           |forever|permanently|for\s+good|for\s+life)
        )(?:[\s*_]*(?P<stop>[.,!;:—–]|\s-\s|$)|(?(yes)(?=\s+(?:it|they|ketamine|esketamine|spravato|you|we|this|that|there)\b)|(?!)))""",
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
    "we", "i", "he", "she", "insurance", "neurons", "synapses", "connections",
}
_MODIFIERS = {
    "iv", "intravenous", "oral", "nasal", "at-home", "home", "low-dose", "repeated", "long-term", "short-term",
    "ketamine-assisted", "side", "single", "first", "whole", "full", "new", "these", "ketamine's", "spravato's",
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
    length = subject_length(words, verb_next=auxiliary not in _COPULAS and auxiliary not in {"has", "have"})
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
    the word after it when the noun is not one this module knows ("the euphoria"). With
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
    if i < len(words) - 1:
        return i + 1
    return None


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


# A topic asked about in a few words ("Bladder problems?"), answered by a sentence that opens
# with a pronoun for it ("Those only happen …", "They're rare").
_TOPIC_QUESTION = re.compile(_OPENING + r"(?:(?:faq|q)\s*:\s*)?(?P<topic>[A-Za-z][\w'-]*(?:\s+[\w'-]+){0,3}?)\s*\?[\s\"')\]]*$", re.IGNORECASE)
_TOPIC_PRONOUN = re.compile(_OPENING + r"(?P<pronoun>it|they|those|these|that|this)(?P<verb>'s|'re|\s+(?=[a-z]))", re.IGNORECASE)
_NOT_TOPICS = re.compile(
    r"^(?:is|are|was|were|does|do|did|has|have|can|could|will|would|should|may|might|must|who|what|when|where|why|how|which"
    r"|ready|want|need|looking|curious|wondering|sound|interested)\b",
    re.IGNORECASE,
)

# A one-word verdict on the topic: "Dissociation? Uncommon — …", "Side effects? None."
_VERDICT = re.compile(
    _OPENING + r"(?P<word>rare|uncommon|unlikely|minimal|mild|minor|harmless|safe|painless|none|zero|negligible|nonexistent"
    r"|temporary|permanent|lasting|guaranteed|effective|proven|instant|immediate)(?=\s*(?:[.,!;:—–]|\s-\s|$))",
    re.IGNORECASE,
)


def resolved(question: str, answer: str) -> str | None:
    """The answer with its pronoun replaced by what the question asks about: the condition of
    "Stuck in bipolar depression?" + "Ketamine lifts it." ("Ketamine lifts bipolar
    depression."), or the topic of "Bladder problems?" + "Those only happen with street use."
    None when the question names neither or the answer has no such pronoun."""
    if answer.rstrip().endswith("?"):
        return None
    m = _CONDITION_QUESTION.match(question)
    if m is None:
        return _topic_resolved(question, answer)
    condition = m.group("condition")
    if len(condition.split()) > 6:
        return None
    pronoun = _PRONOUN.search(answer)
    if pronoun is None:
        return None
    return answer[:pronoun.start()] + condition + answer[pronoun.end():]


def _topic_resolved(question: str, answer: str) -> str | None:
    m = _TOPIC_QUESTION.match(_LEAD.sub("", question))
    if m is None or _NOT_TOPICS.match(m.group("topic")):
        return None
    topic = m.group("topic")
    pronoun = _TOPIC_PRONOUN.match(answer)
    if pronoun is None:
        verdict = _VERDICT.match(answer)
        if verdict is None:
            return None
        word, rest = verdict.group("word"), answer[verdict.end("word"):]
        if word.lower() in {"none", "zero"}:
            lowered = topic[0].lower() + topic[1:] if topic[1:2].islower() else topic
            return f"there are no {lowered}{rest}"
        plural = topic.lower().endswith("s") and not topic.lower().endswith(("ss", "sis"))
        return f"{topic} {'are' if plural else 'is'} {word.lower()}{rest}"
    verb = pronoun.group("verb")
    verb = {"'s": " is", "'re": " are"}.get(verb.lower(), verb)
    return m.group("topic") + verb + answer[pronoun.end():]


def restatements(doc) -> list[Restatement]:
    """The restatements of the document's answered questions: each question sentence with the
    sentence after it, in its block or opening the next one (a question heading and the first
    sentence under it)."""
    if "?" not in doc.stream:
        return []
    from ketalint.document import TYPOGRAPHY_FOLD
    from ketalint.language import is_question

    found = []
    sentences = doc.sentences
    for sentence, after in zip(sentences, sentences[1:]):
        question = sentence.text.translate(TYPOGRAPHY_FOLD)
        if not question.rstrip().rstrip("\"')]*_ ").endswith("?") or not _adjacent(sentence, after):
            continue
        if not is_question(question):
            continue
        answer = after.text.translate(TYPOGRAPHY_FOLD)
        shown = " ".join(sentence.text.split())
        pair = answered(question, answer)
        if pair is not None:
            statement, start, end = pair
            src_start, src_end = after.source_span(start, end)
            found.append(Restatement(statement, src_start, src_end, sentence.source_start, after.block.source_end,
                                     shown, after.text[start:end]))
            continue
        statement = resolved(question, answer)
        if statement is not None:
            statement = statement.rstrip()
            if not statement.endswith((".", "!", "…")):
                statement += "."  # a line without a stop could read as a heading
            found.append(Restatement(statement, after.source_start, after.source_end, sentence.source_start,
                                     after.block.source_end, shown, " ".join(after.text.split())))
    return found


def _adjacent(question, answer) -> bool:
    if question.block is answer.block:
        return True
    return (
        answer.block.index == question.block.index + 1
        and question.block.sentences[-1] is question
        and answer.block.sentences[0] is answer
    )
