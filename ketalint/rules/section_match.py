"""Finding the sections of a document that a heading list describes (a safety section, say).

Headings are compared after both sides are normalised the same way: lower case, punctuation
dropped, filler words and product names removed. A question mark is kept as a word of its own,
and an accepted heading with one matches questions only: "is safe?" matches "Is Ketamine Safe?"
and not the claim "Ketamine Is Safe and Effective". An accepted heading matches when some run of as many consecutive words
of the heading reaches `threshold` with rapidfuzz's `ratio`: whole words, so "risks" is not
found inside "asterisks", yet "Side Efects" and "Risk" still count.

Two guards keep headings about something else out. A heading that names one of
`other_subjects` (a condition, another drug) but not the treatment is about that subject
("Side Effects of Depression"); a heading matching an `exclude` pattern is a selling point
("Fewer Side Effects Than Antidepressants"), not a disclosure.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from ketalint.document import TYPOGRAPHY_FOLD
from ketalint.document.model import Block, Document, Section
from ketalint.finding import Location
from ketalint.lazyregex import lazy
from ketalint.rules.base import Option, phrase_pattern
from ketalint.values import Frozen

FILLER_WORDS = frozenset("a an the of for to in on at with and or about your our my its it this that".split())
WORD_RE = re.compile(r"[a-z0-9]+(?:'[a-z]+)?|\?")
_COUNTED_WORD_RE = re.compile(r"\w+(?:['’]\w+)?")

HEADING_OPTIONS = {
    "headings": Option("list[str]", required=True, doc="accepted headings, matched loosely (see the module docstring)"),
    "threshold": Option("int", minimum=0, maximum=100, doc="rapidfuzz score (0-100) a run of heading words must reach (default 88)"),
    "ignore_words": Option("list[str]", doc="words removed from headings before comparing (product names)"),
    "other_subjects": Option("list[str]", doc="a heading naming one of these and not the treatment is about something else"),
    "exclude": Option("list[str]", doc="regexes: headings matching one of them never count"),
    "min_words": Option("int", minimum=0, doc="a matching section needs at least this many words under it (default 1)"),
}


def words_of(text: str) -> list[str]:
    """Lower-case words of a text; `?` is a word of its own."""
    return WORD_RE.findall(text.lower().translate(TYPOGRAPHY_FOLD))


def count_words(text: str) -> int:
    return len(_COUNTED_WORD_RE.findall(text))


def word_count(blocks: list[Block]) -> int:
    return sum(count_words(b.text) for b in blocks)


def wildcard_terms(phrases) -> re.Pattern | None:
    """Literal phrases as one regex; a trailing `*` lets the last word run on ("dissociat*")."""
    alternatives = []
    for phrase in phrases or ():
        if phrase.endswith("*"):
            alternatives.append(phrase_pattern(phrase[:-1]).removesuffix(r"\b") + r"\w*")
        else:
            alternatives.append(phrase_pattern(phrase))
    if not alternatives:
        return None
    return lazy("|".join(f"(?:{a})" for a in alternatives), re.IGNORECASE)


class HeadingMatcher(Frozen):
    """Decides whether a heading is one of the accepted ones."""

    __slots__ = ("accepted", "threshold", "ignore", "exclude", "other_subjects", "treatment", "min_words", "verdicts")
    _compared = ("accepted", "threshold", "ignore", "exclude", "other_subjects", "treatment", "min_words")

    def __init__(
        self,
        accepted: tuple[tuple[str, ...], ...],
        threshold: int,
        ignore: frozenset[str],
        exclude: re.Pattern | None,
        other_subjects: re.Pattern | None,
        treatment: re.Pattern | None,
        min_words: int = 1,
        verdicts: dict | None = None,  # heading text -> verdict: a site's headings repeat from article to article
    ):
        self.assign(
            accepted=accepted, threshold=threshold, ignore=ignore, exclude=exclude, other_subjects=other_subjects,
            treatment=treatment, min_words=min_words, verdicts={} if verdicts is None else verdicts,
        )

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._compared)
        return f"{type(self).__qualname__}({fields})"

    @classmethod
    def from_options(cls, options: dict, treatment: re.Pattern | None) -> "HeadingMatcher":
        ignore = FILLER_WORDS | {w for phrase in options.get("ignore_words") or () for w in words_of(phrase)}
        accepted = tuple(
            words for words in (_significant(words_of(h), ignore) for h in options["headings"]) if words
        )
        exclude = options.get("exclude")
        return cls(
            accepted=accepted,
            threshold=options.get("threshold", 88),
            ignore=frozenset(ignore),
            exclude=lazy("|".join(f"(?:{p})" for p in exclude), re.IGNORECASE) if exclude else None,
            other_subjects=wildcard_terms(options.get("other_subjects")),
            treatment=treatment,
            min_words=options.get("min_words", 1),
        )

    def matches(self, heading: str) -> bool:
        verdict = self.verdicts.get(heading)
        if verdict is None:
            if len(self.verdicts) >= _MAX_VERDICTS:
                self.verdicts.clear()
            verdict = self.verdicts[heading] = self._matches(heading)
        return verdict

    def _matches(self, heading: str) -> bool:
        heading = heading.translate(TYPOGRAPHY_FOLD)
        if self.exclude is not None and self.exclude.search(heading):
            return False
        if self._about_something_else(heading):
            return False
        words = _significant(words_of(heading), self.ignore)
        return bool(words) and _reaches(self.accepted, words, self.threshold)

    def _about_something_else(self, heading: str) -> bool:
        if self.other_subjects is None or not self.other_subjects.search(heading):
            return False
        return self.treatment is None or not self.treatment.search(heading)


_MAX_VERDICTS = 4096


@lru_cache(maxsize=4096)
def _reaches(accepted: tuple[tuple[str, ...], ...], words: tuple[str, ...], threshold: int) -> bool:
    """Whether a run of the heading's words scores `threshold` against an accepted heading.

    Kept per heading, since a site's headings repeat from article to article ("Side effects",
    "Conclusion"). An exact run needs no scoring, nor do pairs whose lengths keep rapidfuzz's
    ratio under the threshold (`_may_reach`). Loading rapidfuzz costs a process about 14 ms, so
    the first `_PRECHECKED` headings a process scores also pass over the pairs whose shared
    letters keep the ratio under it (`_shares_enough`): most headings of a one-article run are
    then decided without loading it. Counting letters costs twenty times what scoring a pair
    does, though, and a site's titles differ from article to article, so a longer run loads it."""
    pairs = []
    asks = "?" in words
    for size, targets in _targets_by_size(accepted):
        runs = [" ".join(words[i:i + size]) for i in range(max(1, len(words) - size + 1))]
        for target, needs_question in targets:
            if needs_question and not asks:
                continue
            if target in runs:
                return True
            pairs.extend((target, run) for run in runs if _may_reach(target, run, threshold))
    if not pairs:
        return False
    if _PRECHECKED_SO_FAR[0] < _PRECHECKED:
        _PRECHECKED_SO_FAR[0] += 1
        pairs = [(target, run) for target, run in pairs if _shares_enough(target, run, threshold)]
        if not pairs:
            return False
    from rapidfuzz import fuzz

    return any(fuzz.ratio(target, run, score_cutoff=threshold) >= threshold for target, run in pairs)


@lru_cache(maxsize=64)
def _targets_by_size(accepted: tuple[tuple[str, ...], ...]) -> tuple[tuple[int, tuple[tuple[str, bool], ...]], ...]:
    """The accepted headings joined, grouped by their number of words (each with whether it holds
    "?"): a heading's runs of each length are joined once for all the accepted ones that long."""
    by_size: dict[int, list[tuple[str, bool]]] = {}
    for phrase in accepted:
        by_size.setdefault(len(phrase), []).append((" ".join(phrase), "?" in phrase))
    return tuple((size, tuple(targets)) for size, targets in by_size.items())


_PRECHECKED = 32
HEADING_SCORER = ("rapidfuzz.fuzz",)  # what a process that matches many headings loads (`_reaches`)
_PRECHECKED_SO_FAR = [0]


def _may_reach(a: str, b: str, threshold: int) -> bool:
    """rapidfuzz's ratio is 200 * (longest common subsequence) / (both lengths), and that
    subsequence is no longer than the shorter string."""
    return 200 * min(len(a), len(b)) >= threshold * (len(a) + len(b))


def _shares_enough(a: str, b: str, threshold: int) -> bool:
    """The same bound from the characters both strings share, which the subsequence cannot pass."""
    return 200 * sum((Counter(a) & Counter(b)).values()) >= threshold * (len(a) + len(b))


def _significant(words: list[str], ignore) -> tuple[str, ...]:
    return tuple(w for w in words if w not in ignore)


def find_sections(doc: Document, matcher: HeadingMatcher) -> list[Section]:
    """The outermost sections whose heading matches and that have text under them.

    A matching subsection of a matching section is part of it, not a second section, and a
    matching title makes the whole article the section ("Is Ketamine Safe?" as a page). The
    result is kept in `doc.memo`, since several rules ask the same question.
    """
    key = ("find_sections", matcher)
    found = doc.memo.get(key)
    if found is None:
        found = doc.memo[key] = _outermost(doc.sections, matcher)
    return found


def _outermost(sections: list[Section], matcher: HeadingMatcher) -> list[Section]:
    out: list[Section] = []
    for section in sections:
        heading = section.heading
        if heading is not None and matcher.matches(heading.text):
            if word_count(section.all_blocks()) >= matcher.min_words:
                out.append(section)
                continue
        out.extend(_outermost(section.subsections, matcher))
    return out


def section_text(section: Section) -> str:
    """The heading and every block of a section, one block per line."""
    blocks = [section.heading] if section.heading is not None else []
    return "\n".join(b.text for b in blocks + section.all_blocks()).translate(TYPOGRAPHY_FOLD)


def span_location(doc: Document, start: int, end: int) -> Location:
    """A `Location` for the source characters [start, end), for a finding's related places."""
    line, col, end_line, end_col = doc.source.span_position(start, end)
    return Location(doc.path, line, col, end_line, end_col, doc.text[start:end])
