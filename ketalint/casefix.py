"""Characters that case-insensitive matching treats beyond what `str.lower` says.

Both ways ketalint avoids running a case-insensitive pattern on a text rely on lower-casing: the
prefilter looks for a pattern's literals lower-cased among a text's lower-cased words, and a
folded twin (`ketalint.foldregex`) matches lower-cased text case-sensitively. Neither holds for
the characters CPython's engine folds further (its case-fix table: the long s matches "s", the
curled beta "β", the ypogegrammeni a capital iota), nor for the capital sigma, which `str.lower`
lower-cases by what follows it. A text or a pattern that spells one of them is matched by the
pattern itself.
"""

from __future__ import annotations


def _hazards() -> frozenset[str] | None:
    try:
        try:
            from re._casefix import _EXTRA_CASES
        except ImportError:  # pragma: no cover - Python 3.10
            from sre_compile import _ignorecase_fixes as _EXTRA_CASES  # type: ignore[attr-defined]
    except ImportError:  # pragma: no cover - an interpreter without the table
        return None
    codes = set(_EXTRA_CASES)
    for others in _EXTRA_CASES.values():
        codes.update(others)
    codes.add(0x3A3)  # GREEK CAPITAL LETTER SIGMA: "σ" or "ς" by context
    return frozenset(chr(c) for c in codes if c >= 0x80)


# None when the interpreter has no case-fix table: then nothing beyond ASCII is taken as safe.
HAZARDS = _hazards()


def hazard(char: str) -> bool:
    """Whether lower-casing `char` does not give what the engine matches it with."""
    if char.isascii():
        return False
    return HAZARDS is None or char in HAZARDS or len(char.lower()) != 1
