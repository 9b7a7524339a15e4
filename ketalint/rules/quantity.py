"""`quantity`: the same number quoted differently across a site — neurons in the brain, how
long a session takes, how soon relief comes, how long it lasts, success rates.

    - id: consistency.numbers
      type: quantity
      quantities:
        - name: neurons in the human brain
          patterns: ['{n}\\s+(?:neurons|nerve cells)']    # {n}: a number, range, multiplier and unit
          unit: count                # count, duration (in minutes) or percent
          tolerance: 0.1             # relative (count, duration) or in points (percent)
          expected: [80e9, 90e9]     # optional: the range the sources support

Values conflict when their ranges, widened by the tolerance, do not overlap. Numbers may be
digits ("40", "1,000", "2.5"), words up to twenty, or ranges ("40-60", "between 2 and 4").
A duration or a percentage counts only with its unit ("40 minutes", "2 hrs", "80%").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ketalint.corpus.conflicts import Conflict, by_key, side_conflicts
from ketalint.corpus.rule import CorpusRule
from ketalint.corpus.statement import Statement, span_statement
from ketalint.document.model import Document
from ketalint.lazyregex import lazy
from ketalint.rules.base import CONTEXT_OPTIONS, Option, OptionError, context_of, cues_of, sentence_matches, sentence_text

_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen"
    " eighteen nineteen".split()
)}
_TENS = {w: 10 * i for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), start=2)}
_WORDS.update({"a": 1, "an": 1, **_TENS})
# Numbers in words past twenty: "eighty-six", "ninety nine", "one hundred", "a hundred". A tens
# word takes its unit with it, so that "eighty-six billion" is not read as "six billion".
_UNIT_WORDS = r"(?:one|two|three|four|five|six|seven|eight|nine)\b"
_SMALL = sorted((w for w in _WORDS if w not in _TENS), key=len, reverse=True)
_COMPOUND = (
    r"(?:(?:a|one)\s+hundred(?:\s+and\s+(?:" + "|".join(sorted(_WORDS, key=len, reverse=True)[:-2]) + r"))?\b"
    r"|(?:" + "|".join(_TENS) + r")(?:[-\s]" + _UNIT_WORDS + r")?)"
)
_NUM = r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|" + _COMPOUND + "|" + "|".join(_SMALL) + r")"
# "86 billion", and the abbreviations of British and Australian copy: "86 bn", "86bn", "3 mn".
_FIGURE = rf"(?:between\s+)?{_NUM}(?:\s*(?:-|–|to|and)\s*{_NUM})?(?:\s*(?:billion|million|thousand)|\s?(?:bn|mn)\b)?"
_TIME_UNIT = r"(?:minutes?|mins?|hours?|hrs|days?|weeks?|months?|years?)\b"  # not "hr": too short a literal to look for
_PERCENT = r"(?:%|(?:percent|per\s+cent)\b)"
_NUMBER = rf"(?P<n>{_FIGURE}(?:\s*(?:{_PERCENT}|{_TIME_UNIT}))?)"
# A duration or a share has no value without its unit ("a session", "a patient"), so their
# patterns require it: a sentence without one is then passed over (see `ketalint.prefilter`)
# instead of searched for numbers that `parse_value` would throw away. The singular "hr" is
# left out: a two-letter literal is too common to pass sentences over by.
# A share may be a proportion: "4 in 10 people", "one out of three patients".
_OUT_OF = r"\s+(?:in|out\s+of)\s+(?:every\s+)?"
_PROPORTION = rf"{_NUM}{_OUT_OF}{_NUM}\b"
# A number starts a word: "an" in "rather than new neurons" is no count of them.
_NUMBER_IN = {
    "count": rf"(?<!\w){_NUMBER}",
    "duration": rf"(?<!\w)(?P<n>{_FIGURE}\s*{_TIME_UNIT})",
    "percent": rf"(?<!\w)(?P<n>{_FIGURE}\s*{_PERCENT}|{_PROPORTION})",
}
_PROPORTION_RE = re.compile(rf"({_NUM}){_OUT_OF}({_NUM})$", re.IGNORECASE)
_PART = re.compile(
    rf"\b{_NUM}(?:\b|(?=(?:bn|mn)\b))|%|(?:\b|(?<=\d))(?:billion|million|thousand|bn|mn|percent|per\s+cent|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\b",
    re.IGNORECASE,
)
_SCALE = {"billion": 1e9, "million": 1e6, "thousand": 1e3, "bn": 1e9, "mn": 1e6}
_MINUTES = {"min": 1, "minute": 1, "hour": 60, "hr": 60, "day": 1440, "week": 10080, "month": 43800, "year": 525600}
UNITS = ("count", "duration", "percent")


class QuantityRule(CorpusRule):
    TYPE = "quantity"
    RESTATED = True
    OPTIONS = {
        "quantities": Option("list[dict]", required=True, doc="[{name, patterns (with {n}), unit, tolerance, expected}]"),
        **CONTEXT_OPTIONS,
    }

    def __init__(self, spec):
        super().__init__(spec)
        self.quantities = {q["name"]: q for q in (_quantity(entry) for entry in spec.options["quantities"])}
        self.context = context_of(spec.options)
        self.cues = cues_of(spec.options)

    def extract(self, doc: Document) -> list[Statement]:
        out: list[Statement] = []
        for name, q in self.quantities.items():
            seen: set[tuple[int, str]] = set()
            for i, regex in enumerate(q["regexes"]):
                for sentence, m in sentence_matches(doc, regex, self.spec.scope):
                    offset = sentence.stream_start
                    start, end = m.start() - offset, m.end() - offset
                    value = parse_value(m.group("n"), q["unit"])
                    if value is None or self.context.excuses(sentence_text(doc, sentence), start, end, self.cues):
                        continue
                    low, high = _bounded(m.string[m.start():m.start("n")], value)
                    side = f"{q['unit']}:{low:g}..{high:g}"
                    if (sentence.index, side) not in seen:  # two wordings of one figure in one sentence
                        seen.add((sentence.index, side))
                        out.append(span_statement(doc, sentence, start, end, key=name, side=side, variant=str(i)))
        return out

    def label(self, side: str) -> str:
        unit, (low, high) = side.partition(":")[0], _range(side)
        if high == float("inf"):
            return f"at least {_human(low, unit)}"
        if low == 0 < high:
            return f"up to {_human(high, unit)}"
        return _human(low, unit) if low == high else f"{_human(low, unit)} to {_human(high, unit)}"

    def conflicts(self, statements: list[Statement], single: bool = False) -> Iterator[Conflict]:
        for name, sides in by_key(statements).items():
            q = self.quantities.get(name)
            if q is None:
                continue
            expected = q.get("expected")
            evidence = f" The sources give {_human(expected[0], q['unit'])} to {_human(expected[1], q['unit'])}." if expected else ""

            def compatible(a, b, q=q):
                return _overlap(_range(a), _range(b), q)

            def supported(a, expected=expected):
                """Within the sources' range; an upper bound ("fades within a week", 0 to a
                week) claims no lower value, so only its bound is checked."""
                if expected is None:
                    return False
                low, high = _range(a)
                return (expected[0] <= low or low == 0) and high <= expected[1]

            for c in side_conflicts(sides, compatible, supported):
                yield Conflict(c.statement, c.counter, (("quantity", name), ("evidence", evidence)), overlapping=c.overlapping)


def _quantity(entry: dict) -> dict:
    name, unit, patterns = entry.get("name"), entry.get("unit", "count"), entry.get("patterns")
    if not isinstance(name, str) or unit not in UNITS or not isinstance(patterns, list) or not patterns:
        raise OptionError("quantities", f"each quantity needs a 'name', 'patterns' (each with {{n}}) and a 'unit' ({', '.join(UNITS)})")
    if set(entry) - {"name", "unit", "patterns", "tolerance", "expected"}:
        raise OptionError("quantities", f"quantity '{name}' takes name, patterns, unit, tolerance and expected, nothing else")
    if any(not isinstance(p, str) or p.count("{n}") != 1 for p in patterns):
        raise OptionError("quantities", f"quantity '{name}': every pattern needs exactly one {{n}}")
    expected = entry.get("expected")
    if expected is not None and not (isinstance(expected, list) and len(expected) == 2):
        raise OptionError("quantities", f"quantity '{name}': 'expected' is [low, high]")
    regexes = [lazy(p.replace("{n}", _NUMBER_IN[unit]), re.IGNORECASE) for p in patterns]
    tolerance = float(entry.get("tolerance", 5 if unit == "percent" else 0.1))
    return {"name": name, "unit": unit, "regexes": regexes, "tolerance": tolerance,
            "expected": [float(x) for x in expected] if expected else None}


def parse_value(text: str, unit: str) -> tuple[float, float] | None:
    """(low, high) in the quantity's base unit (a count, minutes or percent); None without one."""
    if unit == "percent":
        proportion = _PROPORTION_RE.match(text)
        if proportion is not None:
            part, whole = (_number(word) for word in proportion.groups())
            return (part / whole * 100,) * 2 if whole else None
    numbers, scale, per = [], 1.0, None
    for part in _PART.finditer(text):
        word = part.group().lower().replace(",", "")
        if word in _SCALE:
            scale = _SCALE[word]
        elif word.rstrip("s") in _MINUTES or word in ("mins", "hrs"):
            per = _MINUTES[word.rstrip("s")]
        elif word in ("%", "percent") or word.startswith("per"):
            per = per or 1.0
        else:
            numbers.append(_number(word))
    if not numbers or (unit == "duration" and per is None) or (unit == "percent" and per is None):
        return None
    factor = scale * (per if unit == "duration" else 1.0)
    return min(numbers) * factor, max(numbers) * factor


def _number(word: str) -> float:
    word = " ".join(word.lower().replace(",", "").split())
    if word[0].isdigit():
        return float(word)
    if "hundred" in word:
        rest = word.partition("hundred")[2].removeprefix(" and ").strip()
        return 100.0 + (_number(rest) if rest else 0.0)
    tens, _, unit = word.replace("-", " ").partition(" ")
    return float(_WORDS[tens] + (_WORDS[unit] if unit else 0))


_UP_TO = re.compile(r"\b(?:within|up\s+to|under|less\s+than|fewer\s+than|no\s+more\s+than)\s+(?:\w+\s+){0,3}$", re.IGNORECASE)
_AT_LEAST = re.compile(r"\b(?:at\s+least|more\s+than|over|longer\s+than)\s+$", re.IGNORECASE)


def _bounded(before: str, value: tuple[float, float]) -> tuple[float, float]:
    """"within 2 hours" and "up to two weeks" are upper bounds (0 to the value); "at least",
    "more than" lower ones, so "within an hour" and "within a day" do not disagree."""
    if _UP_TO.search(before):
        return 0.0, value[1]
    if _AT_LEAST.search(before):
        return value[0], float("inf")
    return value


def _range(side: str) -> tuple[float, float]:
    low, _, high = side.partition(":")[2].partition("..")
    return float(low), float(high)


def _human(value: float, unit: str) -> str:
    """86000000000 -> "86 billion", 120 (minutes) -> "2 hours", 52.5 (percent) -> "52.5%"."""
    if unit == "percent":
        return f"{value:g}%"
    if unit == "count":
        for word, scale in _SCALE.items():
            if value >= scale:
                return f"{value / scale:g} {word}"
        return f"{value:g}"
    for word in ("year", "month", "week", "day", "hour", "minute"):
        minutes = _MINUTES[word]
        if value >= minutes and (value / minutes).is_integer():
            amount = value / minutes
            return f"{amount:g} {word}{'s' if amount != 1 else ''}"
    return f"{value:g} minutes"


def _overlap(a: tuple[float, float], b: tuple[float, float], q: dict) -> bool:
    t = q["tolerance"]
    if q["unit"] == "percent":
        return a[0] - t <= b[1] and b[0] - t <= a[1]
    return a[0] * (1 - t) <= b[1] * (1 + t) and b[0] * (1 - t) <= a[1] * (1 + t)
