"""The prefilter must never skip a text that a pattern matches: it is a necessary condition."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ketalint.api import load_rules
from ketalint.config import Config
from ketalint.document import parse
from ketalint.lazyregex import interned
from ketalint.prefilter import WHOLE, Prefilter, analyse, required_literals, whole_word, word_head, word_shape
from ketalint.rules.base import stream_matches


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"\bpermanently\s+(?:rewires?|changes?)", {"permanently" + WHOLE}),
        (r"(?:\bBDNF\b)|(?:brain-derived\s+neurotrophic)", {"bdnf" + WHOLE, "brain-derived"}),
        (r"\b(?:calm|reduc|lower)\w*\s+(?:\w+\s+){0,4}glutamate", {"glutamate"}),
        (r"foo(?=bar)baz", {"foo"}),
        # Punctuation is rare in prose, so even one character of it narrows the search.
        (r"\d+\s*%", {"%"}),
        (r"!{2,}|\?!+", {"!", "?"}),
        # An alternative's set too short to look for gives way to one that is not.
        (r"\bXX+\s*(?:%|percent)|\bTODO\b", {"%", "percent", "todo" + WHOLE}),
        # The parser takes "ke" out of the branches; joined back, they are worth looking for.
        (r"\b(?:keeps?|keeping|kept)\w*(?=\s+at\s+bay)", {"keep", "keeping", "kept"}),
        # ... and, with a word boundary after them, they are whole words, each way they can be spelt.
        (r"\b(?:keeps?|keeping|kept)\b(?=\s+at\s+bay)", {w + WHOLE for w in ("keep", "keeps", "keeping", "kept")}),
        (r"\b(?:patients|people)\b", {"patients" + WHOLE, "people" + WHOLE}),
    ],
)
def test_literals_every_match_needs(pattern, expected):
    assert required_literals(pattern, re.IGNORECASE) == expected


@pytest.mark.parametrize("pattern", [r"a?b", r"(?:x|yz)", r"\d+\s*x", r"(?:cure|x)s?", r"\w+"])
def test_no_literals_when_no_useful_set_exists(pattern):
    assert required_literals(pattern, re.IGNORECASE) is None


def _default_pack_patterns():
    load_rules(Config(root=__import__("pathlib").Path(".")))
    return [p for p in interned()]


def _example_texts():
    rules = load_rules(Config(root=__import__("pathlib").Path(".")))
    return [t for r in rules for t in r.spec.flag_examples + r.spec.pass_examples]


def test_prefilter_is_sound_for_every_default_pattern_on_every_example():
    patterns = _default_pack_patterns()
    texts = _example_texts()
    assert len(patterns) > 50 and len(texts) > 200
    for pattern in patterns:
        prefilter = Prefilter.of(pattern)
        for text in texts:
            if pattern.search(text):
                assert prefilter.may_match(text.lower()), (pattern.pattern[:80], text)


_LONG_PATTERN = 2_000


def test_every_long_default_pattern_keeps_literals_to_skip_sentences_by():
    """A long pattern without literals is tried at every position of every sentence: when a
    widened wording made the shared efficacy predicate (7,000 characters) lose its literals, an
    article cost a sixth more. Every long pattern of the pack must keep a literal condition."""
    long_patterns = [p for p in _default_pack_patterns() if len(p.pattern) >= _LONG_PATTERN]
    assert len(long_patterns) >= 5
    unfiltered = [p.pattern[:80] for p in long_patterns if Prefilter.of(p).literals is None]
    assert not unfiltered


words = st.sampled_from(
    ["ketamine", "permanently", "rewires", "BDNF", "is", "a", "neurotransmitter", "not", "may", "help",
     "glutamate", "calms", "the", "brain", "100", "billion", "neurons", "cure", "anxiety", "PTSD"]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(words, min_size=1, max_size=12), min_size=1, max_size=6))
def test_sentence_restricted_scan_finds_what_a_full_scan_finds(sentences):
    text = " ".join(" ".join(s).capitalize() + "." for s in sentences)
    doc = parse("t.txt", text + "\n")
    for pattern in _PATTERNS:
        full = [(m.start(), m.end()) for m in pattern.finditer(doc.stream) if m.end() > m.start() and "\x00" not in m.group()]
        assert [(m.start(), m.end()) for m in stream_matches(doc, pattern)] == full


_PATTERNS = [
    re.compile(r"\bpermanently\s+rewires?\b", re.I),
    re.compile(r"\bBDNF\b[^.]{0,40}\bneurotransmitters?\b", re.I),
    re.compile(r"\b(?:calm|block)\w*\s+(?:\w+\s+){0,3}glutamate\b", re.I),
    re.compile(r"\b100\s+billion\s+neurons\b", re.I),
]


@pytest.mark.parametrize(
    ("pattern", "word_start"),
    [
        (r"\bpermanent[\w-]*\s+(?:rewires?|changes?)", {"permanent"}),
        (r"(?<![\w'])(?:never|seldom)\w*", {"never", "seldom"}),
        (r"\b(?:calm|block)\w*\s+(?:\w+\s+){0,4}glutamate", {"glutamate"}),
        (r"\bbrain-derived\b", {"brain-derived"}),
        (r"foo(?=bar)baz", set()),
        (r"xglutamate", set()),
        (r"(?a)\bglutamate", set()),
        (r"(?:\bserotonin|dopamine)", {"serotonin"}),
    ],
)
def test_literals_that_always_start_a_word(pattern, word_start):
    assert analyse(pattern, re.IGNORECASE)[1] == word_start


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        # A run of word characters with a word boundary on both sides is a whole word: "ketamine"
        # does not meet it.
        (r"\bketamin\b", {"<ketamin>"}),
        (r"(?<![\w'])never(?![\w'])", {"<never>"}),
        (r"\bcure$", {"<cure>"}),
        (r"\bcure[-\s]+all", {"<cure>"}),
        # Each way an optional ending or an alternation can spell it is one.
        (r"\bcures?\b", {"<cure>", "<cures>"}),
        (r"\bincreas(?:e|es|ed)\b", {"<increase>", "<increases>", "<increased>"}),
        # Not without a boundary at each end, nor where a boundary is ASCII's, nor with other characters.
        (r"\bketamin", {"ketamin"}),
        (r"ketamin\b", {"ketamin"}),
        (r"\bcures?\w", {"cure"}),
        (r"(?a)\bketamin\b", {"ketamin"}),
        (r"(?a:\bketamin\b)", {"ketamin"}),
        (r"\bbrain-derived\b", {"brain-derived"}),
    ],
)
def test_whole_words(pattern, expected):
    assert {_shown(literal) for literal in required_literals(pattern, re.IGNORECASE)} == expected


@pytest.mark.parametrize(
    "pattern",
    [
        r"(?<!#)\bketa(?!mine|lar\b|set\b)[a-z]{4,}\b",
        r"\bketa[a-z]+\s",
        r"\bketa\w*mine\b",
        r"\bneuro(?:plast|gene)\w+\b",
        r"\bketa\d{2,}\b",
    ],
)
def test_a_word_that_runs_on_to_a_boundary_is_a_word_shape_met_by_the_words_the_pattern_matches(pattern):
    (literal,) = required_literals(pattern, re.IGNORECASE)
    assert word_shape(literal) is not None
    for word in ["ketagenesis", "Ketaplasticity", "ketamine", "ketalar", "ketaset", "ketasets", "ketamines", "keta",
                 "neuroplasticity", "neurogenesis", "neuroplast", "neuron", "keta42", "keta4", "ketaminemine"]:
        assert _meets(literal, word.lower()) == bool(re.search(pattern, f" {word} ", re.IGNORECASE)), word


@pytest.mark.parametrize(
    "pattern",
    [
        r"\bketa\w+",  # no boundary after it
        r"\bketa[^x]+\b",  # a set that holds more than word characters
        r"\bketa(?!\s)[a-z]+\b",  # a lookahead that looks past the word
        r"\bketa(?=[a-z]{4})[a-z]+\b",
        r"\bketa(?!mine)[a-z]+\b",  # case heeded: "ketaMine" passes its lookahead, "ketamine" would not
        r"(?a)\bketa[a-z]+\b",  # ASCII's word boundary
    ],
)
def test_no_word_shape_where_the_word_could_differ_alone(pattern):
    flags = 0 if pattern == r"\bketa(?!mine)[a-z]+\b" else re.IGNORECASE
    assert required_literals(pattern, flags) == {"keta"}


@pytest.mark.parametrize("pattern", [r"(?a:\b)naive\b", r"(?a:\W+)naive\b"])
def test_a_scoped_ascii_boundary_starts_no_word(pattern):
    """ASCII's `\\b` holds between "é" and "n": "cafénaive" is one word, which does not start with "naive"."""
    assert analyse(pattern, re.IGNORECASE)[1] == frozenset()
    assert required_literals(pattern, re.IGNORECASE) == {"naive"}


def _present(literal: str, lowered: str, words: set[str], word_start: frozenset[str]) -> bool:
    """The document-level test the scanner makes: a word-start literal needs a word that begins
    with its leading word characters (exactly that word when the literal goes on after them);
    a whole word needs that word."""
    if _word_literal(literal):
        return any(_meets(literal, w) for w in words)
    if literal not in word_start:
        return literal in lowered
    head, whole = word_head(literal)
    return any(w.startswith(head) if whole else w == head for w in words)


def test_word_start_literals_are_sound_for_every_default_pattern():
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
    from sitegen import render

    patterns = _default_pack_patterns()
    texts = _example_texts() + [render(i)[1][:1500] for i in range(8)]
    lowered_texts = [(t, t.lower()) for t in texts]
    for pattern in patterns:
        prefilter = Prefilter.of(pattern)
        if prefilter.literals is None:
            continue
        for text, lowered in lowered_texts:
            if not pattern.search(text):
                continue
            words = set(re.findall(r"\w+", lowered))
            assert any(_present(lit, lowered, words, prefilter.word_start) for lit in prefilter.literals), (
                pattern.pattern[:80], text[:80])


def test_scan_finds_what_a_full_scan_finds_for_every_default_pattern():
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
    from sitegen import render

    docs = [parse(name, text[:1500]) for name, text in (render(i) for i in range(6))]
    docs.append(parse("mixed.md", "# KETAMINE Therapy\n\nKetamine MAY help. It NEVER rewires the Brain; BDNF is a protein.\n"))
    for pattern in _default_pack_patterns():
        for doc in docs:
            every = list(pattern.finditer(doc.stream))
            if any("\x00" in m.group() for m in every):
                continue  # a match across sentences hides others from a whole-text scan
            full = [m.span() for m in every if m.end() > m.start()]
            assert [m.span() for m in stream_matches(doc, pattern)] == full, pattern.pattern[:80]


def test_a_literal_that_starts_a_word_for_one_pattern_is_still_found_inside_words_for_another():
    doc = parse("t.md", "Preheat the oven slowly.\n")
    # No word starts with "heat", so the first pattern is answered without a search...
    assert stream_matches(doc, re.compile(r"\bheat\b", re.I)) == []
    # ...and that answer must not stand for a pattern that finds "heat" inside a word.
    assert [m.group() for m in stream_matches(doc, re.compile(r"heat", re.I))] == ["heat"]


_BRANCHED = [
    re.compile(r"(?:\bpermanently\s+rewires?\b)|(?:\b(?:calms?|blocks?)\s+(?:the\s+)?glutamate\b)|(?:\bmay\s+help\b)", re.I),
    re.compile(r"\b(?:ketamine|it)\s+(?:is\s+)?(?:a\s+)?(?:cure|neurotransmitter)\b", re.I),
    re.compile(r"\b(?:100|billion)\s+neurons\b|\bnot\s+(?:a\s+)?cure\b"),
]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(words, min_size=1, max_size=12), min_size=1, max_size=6))
def test_scan_of_branched_patterns_finds_what_a_full_scan_finds(sentences):
    text = " ".join(" ".join(s).capitalize() + "." for s in sentences)
    doc = parse("t.txt", text + "\n")
    for pattern in _BRANCHED:
        full = [m.span() for m in pattern.finditer(doc.stream) if m.end() > m.start() and "\x00" not in m.group()]
        assert [m.span() for m in stream_matches(doc, pattern)] == full, pattern.pattern


def test_candidate_masks_name_the_sentences_holding_a_needed_literal():
    from ketalint.rules.scan import candidate_mask

    doc = parse("t.md", "BDNF is a protein. Ketamine helps. It raises BDNF levels.\n")
    assert candidate_mask(doc, re.compile(r"\bBDNF\b", re.I)) == 0b101  # sentences 0 and 2
    assert candidate_mask(doc, re.compile(r"\w+ly\b")) is None


_KINDS = ("anesthetic", "antidepressant", "blocker", "chemical", "compound", "depressant", "drug", "enzyme",
          "factor", "gas", "hormone", "inhibitor", "ligand", "medication", "medicine", "messenger",
          "modulator", "neurotransmitter", "opioid", "peptide", "protein", "psychedelic", "receptor",
          "salt", "sedative", "solvent", "steroid", "toxin", "vitamin", "xenobiotic")


def _shape(condition):
    """A condition as a set of alternatives, each a set of literal sets (order is a cost choice);
    a whole word as "<word>"."""
    if condition is None:
        return None
    return {frozenset(frozenset(_shown(literal) for literal, _ in factor) for factor in factors) for factors in condition}


def _shown(literal: str) -> str:
    word, shape = whole_word(literal), word_shape(literal)
    if shape is not None:
        return f"<{shape[0]}~{shape[1]}>"
    return literal if word is None else f"<{word}>"


def _word_literal(literal: str) -> bool:
    """A whole word or a word shape: met by one word of the text as a whole."""
    return whole_word(literal) is not None or word_shape(literal) is not None


def _meets(literal: str, word: str) -> bool:
    if whole_word(literal) is not None:
        return word == whole_word(literal)
    text, rest = word_shape(literal)
    return re.fullmatch(re.escape(text) + rest, word, re.IGNORECASE) is not None


def _alternative(*sets) -> frozenset:
    return frozenset(frozenset(literals.split()) for literals in sets)


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        # Each top-level alternative needs all the words of its sequence.
        (r"(?:\bpermanently\s+rewires?\b)|(?:\bmay\s+help\b)",
         {_alternative("<permanently>", "<rewire> <rewires>"), _alternative("<may>", "<help>")}),
        # A group around the alternation, and assertions beside it, change nothing.
        (r"(?<!-)\b(?P<claim>cures\s+anxiety|heals\s+(?:the\s+)?brain)\b",
         {_alternative("<cures>", "<anxiety>"), _alternative("<heals>", "<brain>")}),
        # An alternation inside a sequence stands as one set; optional parts add nothing.
        (r"\b(?:sessions?|visits?)\s+(?:usually\s+)?(?:lasts?|takes?)\s+\d+\s+minutes\b",
         {_alternative("<minutes>", "<session> <sessions> <visit> <visits>", "<last> <lasts> <take> <takes>")}),
        # Lookaheads and backreferences are not part of what a match must hold.
        (r"\b(ketamine)\s+(?=works)\w+\s+\1\s+daily", {_alternative("<ketamine>", "daily")}),
        # Four sets of one sequence are all kept.
        (r"\bketamine\s+(?:infusions?)\s+rapidly\s+ease\s+depression\b",
         {_alternative("<ketamine>", "<infusion> <infusions>", "<rapidly>", "<depression>")}),
        # A later set of many words is kept: the index touches only the sets of the words a
        # document holds, so a wide set costs no more than a narrow one.
        (r"\bketamine\s+is\s+an?\s+(?:" + "|".join(_KINDS) + r")\b",
         {_alternative("<ketamine>", " ".join(f"<{kind}>" for kind in _KINDS))}),
        # A short literal of punctuation is kept after a set of words: "[" is rare in prose.
        (r"\[\s*(?:insert|your)\s+name\s*\]", {_alternative("name", "<insert> <your>", "[", "]")}),
        # The boundary after one word says nothing of the next word's end, though as long.
        (r"\bcures\b\s+heals\w*", {_alternative("<cures>", "heals")}),
        # Not the "," most sentences hold: searching for it would cost more than it spares.
        (r"\bketamine\s*,\s+an\s+anesthetic\b", {_alternative("ketamine", "<anesthetic>")}),
    ],
)
def test_condition_keeps_every_set_of_each_top_level_alternative(pattern, expected):
    assert _shape(analyse(pattern, re.IGNORECASE)[2]) == expected


@pytest.mark.parametrize(
    "pattern",
    [
        r"\bcure\b|\bheal\b",  # one set per alternative: the literals say as much
        # "it" is too short, so the second alternative needs "cures" alone, and so does the first.
        r"\bketamine\s+(?:is\s+)?(?:a\s+)?cures\w*|\bit\s+cures\w*",
        r"\bcure\b|\w+ly",  # an alternative that needs no literal
    ],
)
def test_no_condition_when_it_would_say_no_more_than_the_literals(pattern):
    assert analyse(pattern, re.IGNORECASE)[2] is None


def test_an_alternative_needing_all_another_needs_is_dropped():
    condition = analyse(r"\bcures\s+anxiety\b|\bcures\s+(?:social\s+)?anxiety\s+fast\b|\bheals\s+brains\b", re.I)[2]
    assert _shape(condition) == {_alternative("<cures>", "<anxiety>"), _alternative("<heals>", "<brains>")}


def test_alternatives_needing_the_same_sets_in_another_order_keep_one():
    condition = analyse(r"cures\s+(?<!-)hours(?!s)|ketamine\s+ketamine|hours\s+(?<=the\s)cures(?=\s+brain)", re.I)[2]
    assert frozenset({frozenset({"cures"}), frozenset({"hours"})}) in _shape(condition)


def test_condition_marks_the_literals_that_start_a_word():
    condition = analyse(r"(?:\bpermanently\s+rewires?)|(?:xcures\s+brains)", re.I)[2]
    starts = {literal: start for factors in condition for factor in factors for literal, start in factor}
    assert starts == {"permanently" + WHOLE: False, "rewire": True, "xcures": False, "brains": True}


def test_condition_is_sound_for_every_default_pattern_on_every_example():
    patterns = _default_pack_patterns()
    texts = _example_texts()
    with_condition = 0
    for pattern in patterns:
        condition = analyse(pattern.pattern, pattern.flags)[2]
        if condition is None:
            continue
        with_condition += 1
        for text in texts:
            for m in pattern.finditer(text):
                if m.end() > m.start():
                    assert _met_by_match(condition, text, m), (pattern.pattern[:80], m.group())
    assert with_condition > 20


def _met_by_match(condition, text: str, m: re.Match) -> bool:
    """Some alternative has, for each of its sets, a literal inside the match (starting a word
    there, when the condition says it always does)."""
    lowered = text.lower()

    def holds(literal: str, starts: bool) -> bool:
        if _word_literal(literal):
            return any(m.start() <= w.start() and w.end() <= m.end() and _meets(literal, w.group())
                       for w in re.finditer(r"\w+", lowered))
        i = lowered.find(literal, m.start())
        while 0 <= i and i + len(literal) <= m.end():
            if not starts or i == 0 or not (lowered[i - 1].isalnum() or lowered[i - 1] == "_"):
                return True
            i = lowered.find(literal, i + 1)
        return False

    return any(all(any(holds(lit, starts) for lit, starts in factor) for factor in factors) for factors in condition)


# Patterns built from words, the shapes rule packs use: top-level alternations of sequences of
# several words, optional words, nested alternations and groups, gaps of any words, lookarounds
# and backreferences. Each text holds a match made for the pattern, among words of the same
# vocabulary, so that the tests see matches of every alternative.
VOCABULARY = ["ketamine", "cures", "heals", "the", "brain", "fast", "it", "a", "permanently", "rewires",
              "depression", "forever", "no", "sessions", "last", "hours", "not", "help", "xcures", "ketamines"]
_word_atom = st.sampled_from(VOCABULARY).map(re.escape)


def _sequence_of(atoms):
    return st.lists(atoms, min_size=1, max_size=3).map(r"\s+".join)


def _wrapped(inner):
    return st.one_of(
        inner,
        inner.map(lambda p: rf"\b{p}\b"),
        inner.map(lambda p: f"(?:{p})?"),
        inner.map(lambda p: f"(?:{p}){{1,2}}"),
        st.lists(inner, min_size=2, max_size=3).map(lambda ps: "(?:" + "|".join(ps) + ")"),
        inner.map(lambda p: rf"{p}(?:\s+\w+){{0,2}}"),
        inner.map(lambda p: f"(?<!-){p}(?!s)"),
        inner.map(lambda p: rf"(?<!forever\s){p}(?!\s+heals)"),
        inner.map(lambda p: rf"(?<=the\s){p}(?=\s+brain)"),
        inner.map(lambda p: f"(?={p}){p}"),
        inner.map(lambda p: rf"(?P<g>{p})\s+(?P=g)"),
    )


def _numbered_groups(pattern: str) -> str:
    """Each `(?P<g>...)\\s+(?P=g)` pair with a name of its own (names must be unique)."""
    out, names, last_closed, i = [], [], None, 0
    count = 0
    while i < len(pattern):
        if pattern.startswith("\\", i):
            out.append(pattern[i:i + 2])
            i += 2
        elif pattern.startswith("(?P<g>", i):
            count += 1
            names.append(f"g{count}")
            out.append(f"(?P<g{count}>")
            i += 6
        elif pattern.startswith("(?P=g)", i):
            out.append(f"(?P={last_closed})")
            i += 6
        elif pattern[i] == "(":
            names.append(None)
            out.append("(")
            i += 1
        elif pattern[i] == ")":
            name = names.pop()
            if name is not None:
                last_closed = name
            out.append(")")
            i += 1
        else:
            out.append(pattern[i])
            i += 1
    return "".join(out)


_nested = st.recursive(_word_atom, lambda inner: _sequence_of(_wrapped(inner)), max_leaves=6)
PATTERNS = st.lists(_sequence_of(_wrapped(_nested)), min_size=1, max_size=4).map("|".join).map(_numbered_groups)
_FILLER = st.lists(st.sampled_from(VOCABULARY + ["Ketamine", "BRAIN", "re-wires", "-cures", "."]), max_size=8).map(" ".join)
_MATCH_ALPHABET = st.sampled_from("abcdefghijklmnopqrstuvwxyzKETAMINE -'")


def _text_for(data, regex: re.Pattern) -> str:
    made = data.draw(st.from_regex(regex, fullmatch=True, alphabet=_MATCH_ALPHABET))
    return f"{data.draw(_FILLER)} {made} {data.draw(_FILLER)}."


@settings(max_examples=200, deadline=None)
@given(PATTERNS, st.data())
def test_condition_of_generated_patterns_is_met_by_every_match(pattern, data):
    regex = re.compile(pattern, re.IGNORECASE)
    text = _text_for(data, regex)
    literals, _, condition = analyse(pattern, re.IGNORECASE)
    for m in regex.finditer(text):
        if m.end() > m.start():
            if literals is not None:
                words = re.findall(r"\w+", text.lower()[m.start():])
                assert any(any(_meets(lit, w) for w in words) if _word_literal(lit) else lit in m.group().lower() for lit in literals)
            if condition is not None:
                assert _met_by_match(condition, text, m), m.group()


@settings(max_examples=150, deadline=None)
@given(PATTERNS, st.data())
def test_scan_of_generated_patterns_finds_what_a_full_scan_finds(pattern, data):
    regex = re.compile(pattern, re.IGNORECASE)
    doc = parse("t.txt", _text_for(data, regex) + "\n")
    every = list(regex.finditer(doc.stream))
    if any("\x00" in m.group() for m in every):
        return  # a match across sentences hides others from a whole-text scan
    assert [m.span() for m in stream_matches(doc, regex)] == [m.span() for m in every if m.end() > m.start()]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab_9-' .é²Ⅻ\u0301")), max_size=8))
def test_word_head_is_the_leading_run_of_word_characters(literal):
    run = 0
    while run < len(literal) and (literal[run].isalnum() or literal[run] == "_"):
        run += 1
    assert word_head(literal) == (literal[:run], run == len(literal))


@pytest.mark.parametrize(
    ("pattern", "text"),
    [
        ("\\bpa\u017fs\\b", "Let it PASS now."),  # the long s matches "s"
        ("\\bfoo\u0345", "FOO\u0399 is here."),  # the ypogegrammeni matches a capital iota
        ("\\b\u039f\u0394\u039f\u03a3\\b", "\u039f\u0394\u039f\u03a3'\u0391 here."),  # sigma lowers by context
        ("\\b\u0130stanbul\\b", "istanbul today."),  # "İ" lowers to two characters, matches "i"
        ("(?:x{3}|\\b\u03d0eta\\b)", "The \u0392ETA test."),  # in a branch: the curled beta matches "Β"
    ],
)
def test_a_pattern_spelling_a_character_case_folds_beyond_lower_gets_no_literals(pattern, text):
    assert re.search(pattern, text, re.IGNORECASE)
    assert required_literals(pattern, re.IGNORECASE) is None
    doc = parse("t.txt", text + "\n")
    assert [m.group() for m in stream_matches(doc, re.compile(pattern, re.IGNORECASE))]


def test_ordinary_accented_patterns_keep_their_literals():
    assert required_literals(r"\bcaf\u00e9\b", re.IGNORECASE) == {"caf\u00e9" + WHOLE}
