"""What changed between two copies of one sentence, judged on the words that differ.

A difference counts only where it changes what both copies claim: a hedge taken off the shared
words ("may help" -> "helps"), a negation put on them ("helps" -> "does not help", "with" ->
"without"), one figure put in place of another ("6 infusions" -> "8 infusions"). Words that one
copy merely adds or swaps for other words ("without rushing" for "on your first visit", a phone
number, a date) change nothing the other copy claims, so they are not drift.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import namedtuple

from ketalint.language import Cues

_CONTRACTIONS = {"cannot": "can not", "can't": "can not", "won't": "will not", "without": "with not", "none": "not any"}
_NOT_SUFFIX = re.compile(r"n't$")
_AUXILIARIES = frozenset({"do", "does", "did"})
_FILLERS = frozenset({"though", "although", "but", "and", "while", "yet", "so"})
_HELP = frozenset({"help", "helps", "to"})
_CERTAINTY = frozenset({"will", "can", "does", "do", "always", "definitely", "certainly", "reliably"})
_NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty sixty ninety hundred".split()
)
_YEAR = re.compile(r"(?:19|20)\d\d$")
_DIGITS = re.compile(r"\d")


# tokens: list[str]; hedges: list of (first token, end token, wording) of each hedge cue
_Copy = namedtuple("_Copy", ("tokens", "hedges"))


def drift(a: list[str], b: list[str], cues: Cues) -> list[tuple[int, str]]:
    """(0 for copy a, 1 for copy b, what changed) for each copy that drifted from the other."""
    from difflib import SequenceMatcher

    changes = [(i1, i2, j1, j2) for op, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes() if op != "equal"]
    copy_a, copy_b = _Copy(a, _hedge_spans(a, cues)), _Copy(b, _hedge_spans(b, cues))
    lost_by_b = next(filter(None, (_dropped_hedge(copy_a, copy_b, (i1, i2), (j1, j2)) for i1, i2, j1, j2 in changes)), None)
    lost_by_a = next(filter(None, (_dropped_hedge(copy_b, copy_a, (j1, j2), (i1, i2)) for i1, i2, j1, j2 in changes)), None)
    if lost_by_b and not lost_by_a:
        return [(1, f"drops the hedge '{lost_by_b}'")]
    if lost_by_a and not lost_by_b:
        return [(0, f"drops the hedge '{lost_by_a}'")]
    regions = [(a[i1:i2], b[j1:j2]) for i1, i2, j1, j2 in changes]
    if any(_changed_number(x, y) for x, y in regions):
        return [(0, "changes a number"), (1, "changes a number")]
    if any(_flipped_negation(x, y, cues) for x, y in regions):
        return [(0, "flips a negation"), (1, "flips a negation")]
    return []


def _hedge_spans(tokens: list[str], cues: Cues) -> list[tuple[int, int, str]]:
    starts, at = [], 0
    for t in tokens:
        starts.append(at)
        at += len(t) + 1
    text = " ".join(tokens)
    return [(bisect_right(starts, m.start()) - 1, bisect_left(starts, m.end()), m.group()) for m in cues.hedge.finditer(text)]


def _dropped_hedge(hedged: _Copy, plain: _Copy, region: tuple[int, int], plain_region: tuple[int, int]) -> str | None:
    """The hedge the plain copy left out, when the changed words are that hedge and filler and the
    plain copy puts at most words of certainty in their place ("may help" -> "helps", "for some
    adults" -> "for adults", "may help" -> "will help")."""
    (i1, i2), (j1, j2) = region, plain_region
    inside = [(f, e, w) for f, e, w in hedged.hedges if f < i2 and i1 < e]
    if not inside or any(f < j2 and j1 < e for f, e, _ in plain.hedges):
        return None
    covered = {k for f, e, _ in inside for k in range(f, e)}
    hedge_words = set(_core([hedged.tokens[k] for k in covered]))
    rest = _core([hedged.tokens[k] for k in range(i1, i2) if k not in covered], _FILLERS | _AUXILIARIES | _HELP)
    replaced = [w for w in _core(plain.tokens[j1:j2], _FILLERS | _CERTAINTY | _AUXILIARIES) if w not in hedge_words]
    return inside[0][2] if rest == replaced else None


def _flipped_negation(x: list[str], y: list[str], cues: Cues) -> bool:
    """One side negates words the other side says plainly: nothing else differs."""
    x_text, y_text = _expanded(x), _expanded(y)
    x_neg, y_neg = len(cues.negation.findall(x_text)), len(cues.negation.findall(y_text))
    if x_neg == y_neg:
        return False
    return _core(cues.negation.sub(" ", x_text).split()) == _core(cues.negation.sub(" ", y_text).split())


def _changed_number(x: list[str], y: list[str]) -> bool:
    """A figure replaced by another one; added figures, years and phone numbers do not count."""
    x_numbers, y_numbers = _figures(x), _figures(y)
    if any(_is_label(t) for t in x + y):
        return False
    return bool(x_numbers and y_numbers and x_numbers != y_numbers)


def _figures(tokens: list[str]) -> list[str]:
    return [t for t in tokens if _DIGITS.search(t) or t in _NUMBER_WORDS]


def _is_label(token: str) -> bool:
    """A year or a phone number: it names a thing, it quantifies no claim."""
    return bool(_YEAR.match(token)) or len(_DIGITS.findall(token)) >= 7


def _expanded(tokens: list[str]) -> str:
    """"doesn't" -> "does not", "without" -> "with not": negation as a separate word."""
    out = []
    for t in tokens:
        t = _CONTRACTIONS.get(t, t)
        out.append(_NOT_SUFFIX.sub(" not", t) if t.endswith("n't") else t)
    return " ".join(out)


def _core(tokens: list[str], dropped: frozenset[str] = _AUXILIARIES) -> list[str]:
    """The content words of a region: auxiliaries and fillers dropped, plurals and verb -s folded."""
    return [t[:-1] if len(t) > 3 and t.endswith("s") and not t.endswith("ss") else t for t in tokens if t not in dropped]
