"""How a sentence holds a statement: negated, hedged, quoted, reported or asked.

Rules match wording; these functions decide whether the sentence *asserts* what matched. They
work on a sentence's matching text (typographic quotes already folded to ASCII) and on
sentence-relative offsets, so per-document rules and cross-article rules share them.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ketalint.foldregex import fold
from ketalint.lazyregex import lazy
from ketalint.values import Frozen, set_field


def _compiled(pattern: str, flags: int = 0) -> re.Pattern:
    """`re.compile`, with a first-character set where one is known (see `ketalint.startset`)."""
    from ketalint.startset import compile_pattern

    return compile_pattern(pattern, flags) or re.compile(pattern, flags)


_TWINS: dict = {}


def folded(pattern, text: str):
    """(pattern, text) to search with: an IGNORECASE pattern's folded twin over lower-cased
    text when `text` is ASCII (where the two match at the same places, see `ketalint.foldregex`),
    several times faster than matching while folding case at every comparison."""
    if not text.isascii():
        return pattern, text
    twin = _TWINS.get(pattern)
    if twin is None:
        twin = _TWINS[pattern] = (fold(pattern.pattern, pattern.flags) if pattern.flags & re.IGNORECASE else None) or False
    return (twin, _lowered(text)) if twin is not False else (pattern, text)


_LAST_LOWERED = ["", ""]


def _lowered(text: str) -> str:
    """`text.lower()`, kept for the last text: the checks of one sentence (negation, hedge,
    report, testimonial) run one after another on the same string."""
    if _LAST_LOWERED[0] is not text:
        _LAST_LOWERED[0], _LAST_LOWERED[1] = text, text.lower()
    return _LAST_LOWERED[1]

NEGATIONS = (
    "not", "never", "no", "cannot", "can't", "cant", "won't", "isn't", "aren't", "wasn't", "weren't",
    "doesn't", "don't", "didn't", "hasn't", "haven't", "hadn't", "shouldn't", "wouldn't", "couldn't",
    "neither", "nor", "without", "none", "nothing", "no longer", "fails to", "failed to", "lacks",
    "far from", "rather than", "instead of", "unlike", "nobody", "no one", "no-one",
    "zero",  # "zero risk of addiction"
)

# Idioms built from a negation word that intensify instead of deny: "nothing short of a miracle",
# "there is no doubt it cures". They are blanked out before negation is looked for.
NOT_NEGATIONS = (
    "nothing short of", "nothing less than", "nothing but", "nothing more than", "no less than", "no doubt", "no question", "without a doubt",
    "without doubt", "no wonder", "not only", "never been easier", "never looked back", "no more than",
    "without exception", "with no exception", "with no exceptions", "no exceptions", "without fail",
    # Circumstances, not denials: "ketamine at home with nobody watching is just as safe".
    "with nobody watching", "with no one watching", "with no-one watching", "with nobody around",
    "with no one around", "with nobody present", "with no one present", "with no supervision",
    "with no monitoring", "with no medical supervision",
    "without a clinician present", "without a doctor present", "without a nurse present", "without anyone present",
    "without medical staff present", "without a clinician nearby", "without a doctor nearby", "without anyone nearby",
    # At least, and always: "no fewer than 100 billion neurons", "never fails to stop …".
    "no fewer than", "not fewer than", "not less than", "never fails to", "never fail to", "never failed to",
    # Permission: "Nothing stops you from taking it at home".
    "nothing stops you", "nothing prevents you", "nothing is stopping you", "nothing stopping you",
    # Not knowing what is so asserts it: "What people don't realize is that it stays for weeks".
    "don't realize", "do not realize", "didn't realize", "did not realize", "never realized",
    "don't realise", "do not realise", "didn't realise", "did not realise", "never realised",
    "don't appreciate", "do not appreciate", "don't know is that", "do not know is that",
)

HEDGES = (
    "may", "might", "could", "can help", "can be", "can ease", "possibly", "possible", "potentially",
    "potential", "likely", "unlikely", "suggest", "suggests", "suggested", "indicate", "indicates",
    "indicated", "appear", "appears", "appeared", "seem", "seems", "thought to", "believed", "believe",
    "is being studied", "are being studied", "being studied", "being investigated", "being explored",
    "under study", "under investigation", "being trialled", "being trialed", "being tested",
    "investigating", "investigated", "exploring", "explored", "research is needed", "more research",
    "preliminary", "early research", "early studies", "early evidence", "emerging", "small studies",
    "some patients", "some people", "some individuals", "some studies", "some research", "some cases",
    "in some", "for some", "a subset", "not everyone", "in studies", "in clinical trials", "in trials",
    "in one study", "in one trial", "in a study", "in a trial", "small study", "small trial", "small trials",
    # One named trial bounds what it found: "In a randomized crossover trial, anxiety improved …".
    "in a randomized trial", "in a randomised trial", "in one randomized trial", "in one randomised trial",
    "in a randomized controlled trial", "in a randomised controlled trial", "in a placebo-controlled trial",
    "in a controlled trial", "in a crossover trial", "in a randomized crossover trial",
    "in a randomised crossover trial", "in a small randomized trial", "in a small trial",
    "a trial found", "one trial found", "a study found", "one study found", "a small study found",
    "a randomized trial found", "one randomized trial found", "a randomised trial found",
    "pilot study", "pilot studies", "in animal", "in animals", "in rodents", "in mice", "in rats", "off-label",
    "shown promise", "show promise", "shows promise", "promising", "hypothesis", "theory", "theorized",
    "researchers are", "scientists are", "results vary", "evidence is limited", "limited evidence",
    "mixed", "not fully understood", "not yet understood", "not well understood", "not yet fully understood",
    "don't fully understand", "do not fully understand", "don't yet fully understand", "do not yet fully understand",
    "don't yet understand", "do not yet understand", "doesn't fully understand", "does not fully understand",
    "proposed", "considered", "hope",
    # An idea put forward, not a finding: "The leading idea, based on animal work, is that …".
    "leading idea", "leading ideas", "leading explanation", "leading explanations", "one idea", "best guess",
    # Findings that disagree: "The two largest trials point in different directions: in one, …".
    "point in different directions", "pointed in different directions", "conflicting results", "conflicting evidence",
    "inconsistent results",
)

# Frames that report or deny a claim instead of making it: "some sites claim …", "it is a myth that …".
REPORTING_BEFORE = (
    r"claims?\s+that", r"claimed\s+that", r"claiming", r"\bmyths?\b", r"misconceptions?",
    # A quiz states what it asks about: "True or false: ketamine lowers glutamate." (its answer
    # says which; a "True" is read as the statement, see `ketalint.restate`).
    r"\btrue\s+or\s+false\b", r"\bfact\s+or\s+(?:fiction|myth)\b", r"\bmyth\s+or\s+(?:fact|truth)\b",
    # What other people expect is theirs: "which surprises many people who expect a receptor
    # blocker to dampen glutamate".
    r"\b(?:people|patients|many|some|others|most|someone|anyone|they)\s+(?:who\s+)?(?:might\s+|would\s+|often\s+|wrongly\s+|naturally\s+|still\s+)?"
    r"(?:expect|expects|expected|assume|assumes|assumed|imagine|imagines|suppose|supposes|guess|guesses)\b",
    # What no study has shown is denied: "No human study has shown ketamine producing new neurons".
    r"\bno\s+(?:[\w-]+\s+){0,2}?(?:study|studies|trial|trials|research|evidence|data)\s+(?:has|have)\s+(?:yet\s+|ever\s+)?"
    r"(?:shown|found|demonstrated|proven|confirmed)\b",
    r"(?:is|it's|it\s+is)\s+(?:not\s+true|false|untrue|wrong)\s+that",
    # What no evidence supports saying is denied: "Neither trial supports telling a patient that …".
    r"\b(?:neither|no|none\s+of\s+the)\s+(?:[\w-]+\s+){0,2}?(?:study|studies|trial|trials|research|evidence|data|result|results)\s+"
    r"(?:supports?|justif(?:y|ies)|warrants?|backs?(?:\s+up)?)\s+(?:(?:telling|saying|claiming|promising)\s+(?:[\w-]+\s+){0,2}?)?that\b",
    r"(?:some|many|other|older|old|outdated|earlier|popular)\s+(?:[\w-]+\s+)?(?:sites|websites|clinics|people|ads|articles|sources|marketers|companies|textbooks|books|blogs|posts|influencers|providers)\s+"
    r"(?:say|claim|suggest|promise|advertise|state|call|describe|label)",
    r"contrary\s+to", r"(?:you\s+)?(?:may|might)\s+have\s+(?:heard|read|seen)",
    r"(?:has|have|had)\s+been\s+(?:described|referred\s+to)\s+as", r"(?:do\s+not|don't)\s+believe",
    r"beware\s+of", r"be\s+wary\s+of", r"avoid\s+(?:claims|clinics|providers)", r"so-called",
    r"promises?\s+(?:that|of)", r"advertis\w+\s+(?:that|as)", r"marketed\s+as", r"touted\s+as",
    r"(?:never|don't|do\s+not|won't|will\s+not|cannot|can't)\s+(?:claim|say|promise|pretend|tell\s+you)",
    r"(?:ads?|clinics?|sites?|websites?|marketers?|companies|articles?|providers?|posts?|headlines?|blogs?|influencers?)\s+(?:that|which|who)\s+"
    r"(?:claim|promise|say|advertise|guarantee|offer|tell\s+you)",
    r"(?<!\bour\s)(?:ads?|clinics?|sites?|websites?|marketers?|companies|providers?|anyone|anybody|someone|those)\s+"
    r"(?:promising|advertising|guaranteeing|selling)",
    r"(?:skeptical|suspicious|careful|wary)\s+of",
    r"(?:misleading|wrong|false|inaccurate|incorrect|dishonest|irresponsible)\s+to\s+(?:call|say|claim|describe|label|promise|suggest|advertise)",
    r"(?:ask|asks|asked|asking|wonder|wonders|wondered|wondering)\s+(?:us\s+)?(?:whether|if)\b",
    r"(?:a\s+friend|friends|someone|people|others|forums?|the\s+internet)\s+(?:may|might|will|could|often|sometimes)\s+(?:tell|assure)\s+you",
    r"(?:no\s+one|nobody|no\s+(?:clinic|doctor|provider|clinician|treatment|one\s+honest))\s+(?:can|could|should|will|would)\s+"
    r"(?:honestly\s+|truthfully\s+|responsibly\s+)?(?:promise|guarantee|claim|say|tell\s+you)",
)
REPORTING_AFTER = (
    # "…; it does not." denies; "anxiety that hasn't budged" is a relative clause, so the pronoun
    # must open a clause of its own, and "…; it does not create new neurons" is a statement of
    # its own, so the denial ends there or says how it fails ("it does not work that way").
    r"(?:[,;:.!?)\u2014\u2013]|\s-|\b(?:but|and|yet))\s*(?:it|this|that|they)\s+(?:does|do|is|are|did|has|have)\s*(?:not|n't)\b"
    r"(?=\s*(?:[.,;:!?)\u2014\u2013\"'\u201d]|\s-|$)|\s+(?:really|actually|always|necessarily|quite|true|so|the\s+case|work\s+(?:that|this)\s+way|do\s+(?:that|this|so))\b)",
    r"(?:is|are|was)\s+(?:false|a\s+myth|not\s+true|untrue|misleading|wrong|an?\s+overclaim)",
    r"\bno\s+evidence\b", r"\bnot\s+supported\b", r"\bunsupported\b",
    r"(?:(?:was|were|is|are)\s*(?:not|n't)|(?:has|have|had)\s*(?:not|n't)\s+(?:yet\s+)?been)\s+(?:clearly\s+|yet\s+|consistently\s+)?"
    r"(?:seen|found|shown|observed|detected|confirmed|replicated|demonstrated|measured|proven)\b"
    # "… and that is not seen in every brain region" limits the claim; it does not deny it.
    r"(?!\s+(?:in\s+)?(?:every|all|each|everywhere|always|in\s+(?:every|all|each)))"
    # "…; it has not been shown to create new neurons" denies another claim, which it states.
    r"(?!\s+(?:to\s+(?!be\b)[a-z]|that\b))",
)

# A patient's words quoted by the advertiser are the advertiser's claim (FTC endorsement guides):
# "'It cured me,' says one client" is not excused by its quotation marks.
_TESTIMONIAL_RE = lazy(
    r"\b(?:says?|said|told\s+us|tells\s+us|writes|wrote|shares?|shared|recalls?|explains?|explained)\s+"
    r"(?:one\s+|a\s+|another\s+|our\s+|this\s+)?(?:[\w-]+\s+)?(?:patients?|clients?|veterans?|mothers?|fathers?|customers?|reviewers?)\b"
    r"|\b(?:patients?|clients?|veterans?|customers?|reviewers?)\s+(?:[\w-]+\s+)?(?:says?|said|told\s+us|tells\s+us|writes|wrote|shares?|shared)\b"
    # A closing quote signed with a dash and a name: "… gone for good." — Sarah, Denver
    r"|[\"']\s*(?:—|–|-{1,2})\s*[\w.]+(?:\s+[\w.]+)?\s*(?:,|\(|$)"
    # … or with the name in brackets: "… the same for you." (James, Bristol)
    r"|[\"']\s*\(\s*[\w.]+(?:\s+[\w.]+)?\s*(?:,|\))"
    # The clinic's own clinicians quoted: "As our medical director puts it, '…'", "Dr. Chen explains: '…'"
    r"|\b(?:our|my)\s+(?:[\w.-]+\s+){0,3}?(?:director|doctor|physician|psychiatrist|founder|nurse|clinician|anesthesiologist|anaesthetist|CEO)\b(?:\s+[\w.]+){0,3}?,?\s+(?:puts\s+it|says|said|explains|explained|notes|noted|writes|wrote)\b"
    r"|\bDr\.?\s+[\w-]+\s+(?:puts\s+it|says|said|explains|explained|notes|noted|writes|wrote)\b"
    # A patient's words after a colon, with no speech verb: 'she put it simply: "…"',
    # 'Her verdict on the chair: "…"', 'In his own words: "…"'.
    r"|\b(?:she|he|they|I)\s+(?:put|sums?|summed)\s+it\s+(?:up\s+)?(?:simply|plainly|best|bluntly|this\s+way|like\s+this|up)\s*:\s*[\"'“‘]"
    r"|\b(?:her|his|their|one\s+patient's|a\s+patient's|the\s+patient's)\s+(?:verdict|words|summary|take|advice|review|message|answer)\b[^:\"“.;]{0,40}:\s*[\"'“‘]"
    r"|\bin\s+(?:her|his|their)\s+(?:own\s+)?words\s*:\s*[\"'“‘]"
    # A script line spoken by the ad itself: 'VO: "Ketamine works like …"'
    r"|^\W*(?:VO|V\.O\.|voice-?over|narrator|announcer|on-?screen\s+text)\s*:"
    # … or with a speech verb after it: "… gone for good," says Karen
    r"|[,!?.][\"']\s*(?:says|said|writes|wrote|shares|shared|recalls|recalled|explains|explained|adds|added)\s+[\w.]+",
    re.IGNORECASE,
)
_CLAUSE_BREAK = _compiled(r"[;:()\[\]]|\s[—–-]\s|—|–|,\s*(?:but|however|although|though|whereas|while|yet)\b|(?<!nothing\s)\bbut\b|\bhowever\b|\balthough\b|\bwhereas\b")
_RELATIVE_AFTER = re.compile(r",\s*(?:which|who)\b")
# ", and it relieves PTSD": a comma, a conjunction and a new subject start a second statement, which
# a hedge of the first does not reach ("may ease depression, and it relieves PTSD" asserts the
# relief). "and that it …" stays under the verb that introduced both ("studies suggest that …").
_NEW_STATEMENT = lazy(
    r",\s*(?:and|so|and\s+so|and\s+now)\s+(?:it|this|they|ketamine|esketamine|spravato|treatment|we|our\s+\w+"
    r"|(?:some|many|most|other|a\s+few)\s+(?:people|patients|clients|adults)|others"
    # "You may notice a heaviness, and that calm comes from …": a noun that points back
    r"|(?:that|this|the)\s+(?:calm(?:ness)?|feeling|effect|relief|change|sensation|lift|shift|result|improvement|difference|heaviness|boost))\s+(?=[a-z])",
    re.IGNORECASE,
)
# "has no side effects and does not raise blood pressure": a new verb after "and"/"or" starts a new
# statement, so a negation before it does not reach past it ("is not safe or effective" still does).
_NEW_PREDICATE = lazy(
    r"\b(?:and|or)\s+(?=(?:does|do|did|is|are|was|were|has|have|had|can|will|would|should|it|this|they|we|you)\b)",
    re.IGNORECASE,
)
# Invitations phrased as questions presuppose the promise: "Ready to feel better instantly?"
_RHETORICAL_RE = re.compile(
    r"^\W*(?:(?:are\s+you\s+)?ready\s+(?:to|for)|why\s+(?:wait|suffer|settle|struggle|put\s+up|keep\s+(?:suffering|struggling))"
    # "Who would have guessed that a medicine could …, yet that is exactly what ketamine does?"
    r"|who\s+(?:would|could)\s+have\s+(?:guessed|thought|imagined|believed|predicted|dreamed))\b",
    re.IGNORECASE,
)
_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'\-]*")
_DOUBLE_QUOTE_RE = re.compile('"')
_SINGLE_QUOTE_RE = re.compile("'")
NEGATION_WINDOW = 5


_CUE_PATTERNS: dict[tuple[str, ...], re.Pattern] = {}


def compile_cues(cues) -> re.Pattern:
    """One pattern for a list of cues. Many rules add the same cues to the defaults, and each
    list holds over a hundred of them: built once per distinct list, not once per rule."""
    key = tuple(cues)
    found = _CUE_PATTERNS.get(key)
    if found is None:
        alternatives = sorted({c.lower() for c in cues}, key=lambda c: (-len(c), c))
        body = "|".join(re.escape(c).replace(r"\ ", r"\s+") for c in alternatives)
        found = _CUE_PATTERNS[key] = lazy(rf"(?<![\w'])(?:{body})(?![\w'])", re.IGNORECASE)
    return found


_NEGATION_RE = compile_cues(NEGATIONS)
_NEGATION_SUFFIX_RE = re.compile(r"n't\b", re.IGNORECASE)
_NOT_NEGATION_RE = compile_cues(NOT_NEGATIONS)
_HEDGE_RE = compile_cues(HEDGES)
_REPORT_BEFORE_RE = lazy("|".join(f"(?:{p})" for p in REPORTING_BEFORE), re.IGNORECASE)
_REPORT_AFTER_RE = lazy("|".join(f"(?:{p})" for p in REPORTING_AFTER), re.IGNORECASE)


class Cues(Frozen):
    """The cue lists a rule uses; rules may add their own hedges or negations to the defaults."""

    __slots__ = ("negation", "hedge")

    def __init__(self, negation: re.Pattern = _NEGATION_RE, hedge: re.Pattern = _HEDGE_RE):
        self.assign(negation=negation, hedge=hedge)

    # Part of the key of every remembered verdict (`_excuses`): hashed and compared per match.
    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return (self.negation, self.hedge) == (other.negation, other.hedge)

    def __hash__(self) -> int:
        return hash((self.negation, self.hedge))

    @classmethod
    def extended(cls, hedges=(), negations=()) -> "Cues":
        return cls(
            negation=compile_cues(NEGATIONS + tuple(negations)) if negations else _NEGATION_RE,
            hedge=compile_cues(HEDGES + tuple(hedges)) if hedges else _HEDGE_RE,
        )


DEFAULT_CUES = Cues()


# "Aside from its known effect on anxiety, ketamine is being explored for OCD": an opening
# adjunct up to its comma states something of its own, outside the main clause's hedge.
_LEADING_ADJUNCT = _compiled(r"\W*(?:aside\s+from|apart\s+from|besides|beyond|in\s+addition\s+to|as\s+well\s+as|on\s+top\s+of)\b[^,;:]*,", re.IGNORECASE)


def clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The major clause around [start, end): split at ; : — ( ), contrastive conjunctions and
    the comma that closes an opening "aside from …" adjunct."""
    m = _CLAUSE_BREAK.search(text, end)
    right = m.start() if m else len(text)
    left = _clause_start(text, start)
    if left == 0:
        adjunct = _LEADING_ADJUNCT.match(text)
        if adjunct:
            if adjunct.end() <= start:
                left = adjunct.end()
            elif end < adjunct.end():
                right = min(right, adjunct.end() - 1)
    return left, right


def _clause_start(text: str, start: int) -> int:
    left = 0
    for m in _CLAUSE_BREAK.finditer(text, 0, start):
        left = m.end()
    return left


def intensifier_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Where, within [start, end), an idiom built from a negation word intensifies instead of
    denying ("without exception", "no doubt"; see `NOT_NEGATIONS`)."""
    return [m.span() for m in _NOT_NEGATION_RE.finditer(text, start, end)]


_INCLUSION_ASIDE = _compiled(
    r",\s*(?:(?:including|not\s+even|let\s+alone|even)\s+[^,;:]{1,40}|[^,;:]{1,40}?\s+(?:included|among\s+them|or\s+otherwise))\s*,",
    re.IGNORECASE,
)


def _may_include(aside: str) -> bool:
    """A test of a few substrings before the regex: most commas open no such aside."""
    return "includ" in aside or "even" in aside or "among" in aside or "otherwise" in aside or "alone" in aside


def is_negated(text: str, start: int, cues: Cues = DEFAULT_CUES, window: int = NEGATION_WINDOW) -> bool:
    """A negation cue within `window` words before `start`, in the same clause (and after the
    clause's last comma: "Not a cure, ketamine helps" does not deny the help)."""
    left = _clause_start(text, start)
    comma = text.rfind(",", left, start)
    aside = None
    if comma >= 0:
        # "No ketamine treatment, Spravato included, has been shown to …": the negated subject
        # goes on into and past an aside that names what it includes (whose words do not count).
        for opening in (comma, text.rfind(",", left, comma)):
            closing = text.find(",", opening + 1) if opening >= 0 else -1
            if closing >= 0 and comma in (opening, closing) and _may_include(text[opening:closing]) and _INCLUSION_ASIDE.fullmatch(text, opening, closing + 1):
                comma = text.rfind(",", left, opening)
                aside = (opening, min(closing + 1, start))
                break
        left = comma + 1 if comma >= 0 else left
    new_predicate, searched = folded(_NEW_PREDICATE, text)
    for m in new_predicate.finditer(searched, left, start + 8):
        if m.end() <= start:
            left = m.end()
    before = text[left:start] if aside is None or aside[0] < left else text[left:aside[0]] + " " + text[aside[1]:start]
    before = _NOT_NEGATION_RE.sub(" ", before)
    words = _WORD_RE.findall(before)
    if not words:
        return False
    tail_words = words[-window:]
    tail = " ".join(tail_words)
    return bool(cues.negation.search(tail) or _NEGATION_SUFFIX_RE.search(tail))


def is_hedged(text: str, start: int, end: int, cues: Cues = DEFAULT_CUES) -> bool:
    """A hedge cue in the major clause that holds the match, or framing the sentence. A relative
    clause after the match hedges only itself: in "boosts BDNF, which may help repair damage"
    the "may" is about the repair, not the BDNF."""
    left, right = clause_bounds(text, start, end)
    relative = _RELATIVE_AFTER.search(text, end, right)
    if relative:
        right = relative.start()
    left, right = _statement_bounds(text, start, end, left, right)
    hedge, searched = folded(cues.hedge, text)
    found = hedge.search(searched, left, right)
    while found is not None and _RANKING_HEDGE.match(searched, found.start()) and found.start() < start:
        # "Possibly the most important finding is that …" hedges the ranking, not the finding.
        found = hedge.search(searched, found.end(), right)
    if found is not None:
        return True
    # "Research suggests that …; …" and "Early studies show …:" frame what follows them, and so
    # does a hedged explanation that a colon opens: "X is the leading hypothesis: the drug …".
    head = text[:left]
    if not head or not hedge.search(searched, 0, left):
        return False
    return bool(re.search(r"\b(?:suggest|indicate|believe|thought)", head, re.I)
                or (head.rstrip().endswith(":") and (_EXPLANATION_BEFORE_COLON.search(head) or _FINDINGS_BEFORE_COLON.search(head))))


_RANKING_HEDGE = re.compile(
    r"(?:possibly|perhaps|arguably|probably|maybe)\s+(?:the|one\s+of\s+the)\s+(?:single\s+)?"
    r"(?:most|best|biggest|greatest|simplest|clearest|easiest|strongest|largest)\b",
    re.IGNORECASE,
)
# "The trials point in different directions: in one, …": hedged findings that a colon opens.
_FINDINGS_BEFORE_COLON = re.compile(r"\b(?:trials?|studies|research|evidence|data)\b[^.;:]*:\s*$", re.I)
_EXPLANATION_BEFORE_COLON = re.compile(r"\b(?:explanations?|hypothes[ie]s|theory|theories|models?|accounts?|ideas?)\b[^.;:]*:\s*$", re.I)


def _statement_bounds(text: str, start: int, end: int, left: int, right: int) -> tuple[int, int]:
    """[left, right) narrowed to the coordinated statement that holds [start, end)."""
    if text.find(",", left, right) < 0:
        return left, right
    new_statement, searched = folded(_NEW_STATEMENT, text)
    for m in new_statement.finditer(searched, left, right):
        if m.end() <= start:
            left = m.end()
        elif m.start() >= end:
            return left, m.start()
    return left, right


def is_reported(text: str, start: int, end: int) -> bool:
    """The sentence reports or denies the claim rather than making it."""
    before, searched = folded(_REPORT_BEFORE_RE, text)
    # A frame reaches to the end of its clause: "Some doctors wondered whether it might be too
    # stimulating; we now know it works like a benzodiazepine" asserts the second clause.
    left = text.rfind(";", 0, start) + 1
    return bool(before.search(searched, left, start)) or is_denied_after(text, end)


def is_denied_after(text: str, end: int) -> bool:
    """What follows `end` denies or disowns what precedes it ("... was not seen", "... is a myth")."""
    after, searched = folded(_REPORT_AFTER_RE, text)
    return bool(after.search(searched, end))


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Spans inside quotation marks (ASCII-folded): "…" pairs, and '…' used as quotes, not apostrophes."""
    if '"' not in text and "'" not in text:
        return []
    spans = []
    doubles = [m.start() for m in _DOUBLE_QUOTE_RE.finditer(text)]
    spans.extend((a, b + 1) for a, b in zip(doubles[::2], doubles[1::2]))
    single_open = None
    for m in _SINGLE_QUOTE_RE.finditer(text):
        i = m.start()
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        if single_open is None and not before.isalnum() and after.isalnum():
            single_open = i
        elif single_open is not None and before.isalnum() and not after.isalnum() and after != "s":
            spans.append((single_open, i + 1))
            single_open = None
    return spans


def is_quoted(text: str, start: int, end: int) -> bool:
    """The match sits inside quotation marks."""
    return any(a <= start and end <= b for a, b in quoted_spans(text))


def is_testimonial(text: str) -> bool:
    """The sentence quotes a patient or client: "'One infusion cured me,' says a client"."""
    testimonial, searched = folded(_TESTIMONIAL_RE, text)
    return bool(testimonial.search(searched))


_QUESTION_BREAK = re.compile(r"\s[—–-]\s|—|–|[:;]\s")


_ASKING = re.compile(
    r"^\W*(?:[\w-]+(?:\s+[\w-]+)?:\s*)?(?:is|are|was|were|does|do|did|can|could|will|would|should|may|might|must|has|have|had"
    r"|isn't|aren't|doesn't|don't|didn't|can't|won't|what|how|why|when|where|who|which|whose)\b",
    re.IGNORECASE,
)


def _said_before_the_question(text: str, end: int) -> bool:
    """A statement closed by a dash, colon or semicolon before the question mark is said, not
    asked: "9 out of 10 of our patients feel better — will you be next?". A sentence that opens
    as a question ("Does ketamine cure depression: yes or no?") is asked throughout."""
    return _QUESTION_BREAK.search(text, end) is not None and _ASKING.match(text) is None


def is_question(text: str) -> bool:
    """A question asks rather than asserts ("Is ketamine a cure?"), unless it is an invitation."""
    return text.rstrip().rstrip("\"')]").endswith("?") and not _RHETORICAL_RE.match(text)


class Context(Frozen):
    """Which of the not-an-assertion tests a rule applies (`unless_*` keys in rule files)."""

    __slots__ = ("negated", "hedged", "quoted", "question", "reported")

    def __init__(
        self, negated: bool = True, hedged: bool = False, quoted: bool = True, question: bool = True, reported: bool = True
    ):
        set_field(self, "negated", negated)
        set_field(self, "hedged", hedged)
        set_field(self, "quoted", quoted)
        set_field(self, "question", question)
        set_field(self, "reported", reported)

    # Part of the key of every remembered verdict (`_excuses`): hashed and compared per match.
    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return (self.negated, self.hedged, self.quoted, self.question, self.reported) == (
            other.negated, other.hedged, other.quoted, other.question, other.reported
        )

    def __hash__(self) -> int:
        return hash((self.negated, self.hedged, self.quoted, self.question, self.reported))

    def excuses(self, text: str, start: int, end: int, cues: Cues = DEFAULT_CUES, negation_at: int | None = None) -> bool:
        """True when the sentence does not assert the matched span [start, end).

        Remembered for recent sentences: a site repeats its copy (calls to action, disclaimers,
        a paragraph pasted into several articles), and several rules ask about one match."""
        return _excuses(self, text, start, end, cues, negation_at)

    def decide(self, text: str, start: int, end: int, cues: Cues, negation_at: int | None) -> bool:
        if self.question and is_question(text) and not _said_before_the_question(text, end):
            return True
        if self.quoted and is_quoted(text, start, end) and not is_testimonial(text):
            return True
        if self.negated and is_negated(text, start if negation_at is None else negation_at, cues):
            return True
        if self.reported and is_reported(text, start, end):
            return True
        return bool(self.hedged and is_hedged(text, start, end, cues))


@lru_cache(maxsize=8192)
def _excuses(context: Context, text: str, start: int, end: int, cues: Cues, negation_at: int | None) -> bool:
    return context.decide(text, start, end, cues, negation_at)
