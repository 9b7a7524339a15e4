"""The word-pass literal index must name exactly the sentences a text search names."""

from __future__ import annotations

import re
from contextlib import contextmanager

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ketalint.document import parse
from ketalint.prefilter import WHOLE, WORD_SHAPE, Prefilter, whole_word, word_head, word_shape
from ketalint.rules.literals import SETS, DocumentLiterals, Plan, _key_words, answers_source, indexes
from ketalint.rules.scan import plain_words, stream_matches

WORDS = ["ketamine", "Esketamine", "brain-derived", "effective", "ineffective", "don't", "help", "helps", "HELPFUL",
         "n't", "at-home", "heat", "preheat", "(BDNF)", "cure-all", "cures", "secure", "1,000", "mg", "x_y", "café",
         "for", "good", "goodness"]
SENTENCE = st.lists(st.sampled_from(WORDS), min_size=1, max_size=8).map(lambda ws: " ".join(ws).capitalize() + ".")
# The last: "hea" and any word characters, as `\bhea\w*\b` has it (met without a regex).
SHAPES = ["hel" + WORD_SHAPE + "(?!pful)[a-z]*", "cur" + WORD_SHAPE + "e[sd]?", "caf" + WORD_SHAPE + "\\w", "x" + WORD_SHAPE + "_[a-z]",
          "hea" + WORD_SHAPE + "(?:[\\w]){0,}"]
LITERALS = ["ketamine", "brain-derived", "effective", "n't", "help", "at-home", "heat", "cure", "-all", "000", "x_y", "bdnf)",
            "for good", "é for", *(word + WHOLE for word in ("help", "helps", "cure", "x_y", "café", "mg", "000")),
            *SHAPES]


def _holds(literal: str, text: str) -> bool:
    """A literal's test on a sentence: a substring, a word of its own (a whole word), or a word
    its pattern matches in full (a word shape)."""
    word, shape = whole_word(literal), word_shape(literal)
    if shape is not None:
        return any(re.fullmatch(re.escape(shape[0]) + shape[1], w) for w in re.findall(r"\w+", text))
    return literal in text if word is None else word in re.findall(r"\w+", text)


def _sentences(plan: Plan, found: DocumentLiterals) -> list[int]:
    """The sentences a plan names, ascending."""
    return indexes(plan.sentence_mask(found))


@contextmanager
def _numbered_at_once():
    """Plans answer from the sets an index touched from a process's first document on."""
    alone = SETS.documents_alone
    SETS.documents_alone = 0
    try:
        yield
    finally:
        SETS.documents_alone = alone


def _index(doc) -> DocumentLiterals:
    lowered = doc.stream.lower()
    spans = [(s.stream_start, s.stream_start + len(s.text)) for s in doc.sentences]
    return DocumentLiterals(lowered, spans, [s.stream_start for s in doc.sentences], plain_words(doc))


@settings(max_examples=80, deadline=None)
@given(st.lists(SENTENCE, min_size=1, max_size=6))
def test_sentences_holding_a_literal_are_those_a_search_of_their_text_finds(sentences):
    doc = parse("t.md", " ".join(sentences) + "\n")
    Plan(Prefilter(frozenset(LITERALS)))
    index = _index(doc)
    lowered = doc.stream.lower()
    for literal in LITERALS:
        expected = [s.index for s in doc.sentences if _holds(literal, lowered[s.stream_start:s.stream_start + len(s.text)])]
        assert indexes(index.mask_of(literal)) == expected, literal


@settings(max_examples=60, deadline=None)
@given(st.lists(SENTENCE, min_size=1, max_size=6))
def test_word_heads_are_satisfied_exactly_when_a_word_starts_with_them(sentences):
    doc = parse("t.md", " ".join(sentences) + "\n")
    word_start = {lit: word_head(lit) for lit in ("ketamine", "help", "brain-derived", "heat", "at-home", "cure")}
    Plan(Prefilter(frozenset(word_start), word_start))
    index = _index(doc)
    words = set(re.findall(r"\w+", doc.stream.lower()))
    for head, whole in word_start.values():
        expected = any(w.startswith(head) if whole else w == head for w in words)
        assert ((head, whole) in index.heads) == expected, head


def test_a_pattern_first_seen_after_the_index_was_built_still_finds_its_matches():
    doc = parse("t.md", "Ketamine is given in a clinic. Zygomorphic flowers bloom.\n")
    assert [m.group() for m in stream_matches(doc, re.compile(r"\bketamine\b", re.I))] == ["Ketamine"]
    # A literal no pattern has asked about before: the document's index must catch up with it.
    assert [m.group() for m in stream_matches(doc, re.compile(r"\bzygomorphic\b", re.I))] == ["Zygomorphic"]


def test_an_and_or_pattern_first_seen_after_the_index_was_built_still_finds_its_matches():
    doc = parse("t.md", "Ketamine is given in a clinic. Quokkas usually nibble xerophytes. Quokkas sleep.\n")
    assert [m.group() for m in stream_matches(doc, re.compile(r"\bketamine\b", re.I))] == ["Ketamine"]
    late = re.compile(r"\b(?:quokkas?|wombats?)\s+(?:usually\s+)?(?:nibbles?|chews?)\s+xerophytes\b|\bdingoes\b", re.I)
    assert [m.group() for m in stream_matches(doc, late)] == ["Quokkas usually nibble xerophytes"]


CONDITION_LITERALS = ["ketamine", "effective", "help", "heat", "cure", "brain-derived", "n't", "at-home", "000", "x_y",
                      *(word + WHOLE for word in ("help", "cure", "x_y", "café")), *SHAPES]
_FACTOR = st.lists(st.sampled_from(CONDITION_LITERALS), min_size=1, max_size=3, unique=True)
_ALTERNATIVE = st.lists(_FACTOR, min_size=1, max_size=3)


@settings(max_examples=120, deadline=None)
@given(st.lists(SENTENCE, min_size=1, max_size=8), st.lists(_ALTERNATIVE, min_size=1, max_size=4),
       st.sets(st.sampled_from(CONDITION_LITERALS)))
def test_plan_names_the_sentences_that_meet_some_alternative_in_full(sentences, alternatives, starting):
    """A sentence is a candidate when, for some alternative, it holds a literal of each set (a
    literal that always starts a word counts only if a word of the document starts with its head)."""
    with _numbered_at_once():
        _check_plan(sentences, alternatives, starting)


def _check_plan(sentences, alternatives, starting):
    condition = tuple(tuple(tuple((lit, lit in starting) for lit in factor) for factor in factors) for factors in alternatives)
    first_sets = frozenset(lit for factors in alternatives for lit in factors[0])
    doc = parse("t.md", " ".join(sentences) + "\n")
    indexed_before = _index(doc)
    plan = Plan(Prefilter(first_sets, {lit: word_head(lit) for lit in first_sets & starting}, condition=condition))
    lowered = doc.stream.lower()
    words = set(re.findall(r"\w+", lowered))

    def counts(literal: str, text: str) -> bool:
        if whole_word(literal) is not None or word_shape(literal) is not None:
            return _holds(literal, text)  # met by a word as a whole: no head test, even marked as starting one
        if literal not in text:
            return False
        if literal not in starting:
            return True
        head, whole = word_head(literal)
        return any(w.startswith(head) if whole else w == head for w in words)

    expected = []
    for s in doc.sentences:
        text = lowered[s.stream_start:s.stream_start + len(s.text)]
        if any(all(any(counts(lit, text) for lit in factor) for factor in factors) for factors in alternatives):
            expected.append(s.index)
    # A plan made before a document is indexed answers from the sets the index touched. One
    # made after answers alone, from an index that caught up with its literals (as `scan` has
    # it do) and took their heads as met: it may name more sentences, never fewer.
    index = _index(doc)
    assert _sentences(plan, index) == expected
    if plan.answers_alone():  # written out as an expression, the plan answers alike
        namespace: dict = {}
        exec(compile(answers_source([plan.numbered_alternatives()] * 2, len(index.touched)), "<plans>", "exec"), namespace)
        assert namespace["answers"](index.touched) == (plan.answer_mask(index),) * 2
    alone = _index(doc)
    alone.covered = 0  # as in the first documents of a process, where each plan answers alone
    assert _sentences(plan, alone) == expected
    indexed_before.catch_up()
    assert set(_sentences(plan, indexed_before)) >= set(expected)


def test_plans_that_share_a_set_with_a_searched_literal_answer_each_for_itself(monkeypatch):
    """Sets of the same literals are shared between plans, and a literal with other characters
    is added to a shared set only when a plan needs it: neither plan may see the other's state."""
    monkeypatch.setattr(SETS, "documents_alone", 0)
    shared = (("brain-derived", False), ("ketamine", True))
    first = Plan(Prefilter(frozenset(["help"]), condition=(((("help", False),), shared),)))
    second = Plan(Prefilter(frozenset(["brain-derived", "ketamine"]), {"ketamine": word_head("ketamine")},
                            condition=((shared, (("heat", False),)),)))
    doc = parse("t.md", "Brain-derived factors help. Ketamine may heat. Brain-derived heat. Help with ketamine.\n")
    index = _index(doc)
    assert first.needs <= index.covered and second.needs <= index.covered  # both answer from the index's sets
    assert _sentences(second, index) == [1, 2]
    assert _sentences(first, index) == [0, 3]
    again = _index(doc)
    assert _sentences(first, again) == [0, 3]
    assert _sentences(second, again) == [1, 2]


def test_a_sentence_holding_only_some_parts_of_a_sequence_is_not_a_candidate():
    from ketalint.rules.scan import candidate_sentences

    pattern = re.compile(r"\b(?:sessions?|visits?)\s+(?:usually\s+)?(?:lasts?|takes?)\s+\d+\s+minutes\b", re.I)
    doc = parse("t.md", "Sessions vary a lot. It lasts 40 minutes. Visits usually take 40 minutes.\n")
    assert [s.text for s in candidate_sentences(doc, pattern)] == ["Visits usually take 40 minutes."]
    assert [m.group() for m in stream_matches(doc, pattern)] == ["Visits usually take 40 minutes"]


def test_a_whole_word_is_met_only_by_that_word():
    from ketalint.rules.scan import candidate_sentences

    pattern = re.compile(r"\bketamin\b", re.I)
    doc = parse("t.md", "Ketamine is given in a clinic. Some sites spell it ketamin. Ketamins are rare.\n")
    assert [s.text for s in candidate_sentences(doc, pattern)] == ["Some sites spell it ketamin."]
    doc = parse("t.md", "Ketamine in a café. A café’s ketamin. Ketamin_e is no word.\n")  # not ASCII; "_" is a word character
    assert [s.text for s in candidate_sentences(doc, pattern)] == ["A café’s ketamin."]


def test_the_shape_of_any_word_that_starts_with_a_text_is_the_one_the_prefilter_writes():
    from ketalint.prefilter import required_literals

    assert required_literals(r"\bhea\w*\b", re.IGNORECASE) == {SHAPES[-1]}


def test_a_word_shape_is_met_only_by_the_words_it_matches():
    from ketalint.rules.scan import candidate_sentences

    pattern = re.compile(r"(?<!#)\bketa(?!mine|lar\b)[a-z]{4,}\b", re.I)
    doc = parse("t.md", "Ketamine is given in a clinic. Ketalar is a brand. We coined Ketagenesis. Ketamines vary.\n")
    assert [s.text for s in candidate_sentences(doc, pattern)] == ["We coined Ketagenesis."]
    late = re.compile(r"\bxylo(?!phone\b)[a-z]+\b", re.I)  # first asked about after the index was built
    doc = parse("t.md", "A xylophone. Xylophones ring. A xylograph.\n")
    assert [m.group() for m in stream_matches(doc, re.compile(r"\bring\b"))] == ["ring"]
    assert [s.text for s in candidate_sentences(doc, late)] == ["Xylophones ring.", "A xylograph."]


@pytest.mark.parametrize("text", ["Xylophones ring. A xylophone-like sound. Xylophone.", "Xylophones ring in a café. A xylophone-like sound. Xylophone."])
def test_a_whole_word_first_asked_about_after_the_index_was_built_is_found_in_the_text(text):
    doc = parse("t.md", text + "\n")
    index = _index(doc)
    Plan(Prefilter(frozenset(["xylophone" + WHOLE])))
    index.catch_up()
    assert indexes(index.mask_of("xylophone" + WHOLE)) == [1, 2]


@given(st.integers(min_value=0, max_value=2 ** 700))
def test_indexes_are_the_set_bits_of_a_mask_lowest_first(mask):
    from ketalint.rules.literals import indexes

    assert indexes(mask) == [i for i in range(mask.bit_length()) if mask >> i & 1]


def test_a_literal_with_other_characters_is_keyed_by_the_words_inside_it():
    assert _key_words("for good") == ("good", "for")
    assert _key_words("depression-free") == ("depression", "free")
    assert _key_words("bdnf)") == ("bdnf",)
    assert _key_words("n't") == ()  # no run long enough to stand for it
    assert _key_words("-to-be") == ()


def test_a_keyed_literal_is_not_searched_for_where_no_word_holds_its_key(monkeypatch):
    Plan(Prefilter(frozenset(["for good"])))
    searched = []
    search = DocumentLiterals._search
    monkeypatch.setattr(DocumentLiterals, "_search", lambda self, literal, *within: searched.append(literal) or search(self, literal, *within))
    without = _index(parse("t.md", "Rest for goo dness. Nothing here.\n"))
    assert indexes(without.mask_of("for good")) == []
    assert searched == []
    with_key = _index(parse("t.md", "Good news. Gone for good.\n"))
    assert indexes(with_key.mask_of("for good")) == [1]
    assert searched == ["for good"]


def test_a_keyed_literal_is_searched_for_only_where_words_hold_all_its_keys(monkeypatch):
    Plan(Prefilter(frozenset(["depression-free"])))
    among = []
    search = DocumentLiterals._search
    monkeypatch.setattr(DocumentLiterals, "_search", lambda self, literal, within: among.append(indexes(within)) or search(self, literal, within))
    found = _index(parse("t.md", "Depression is hard. Feel free. Now depression-free. Free of depression, truly.\n"))
    assert indexes(found.mask_of("depression-free")) == [2]
    assert among == [[2, 3]]


def test_the_first_documents_of_a_process_leave_each_plan_to_answer_alone(monkeypatch):
    monkeypatch.setattr(SETS, "documents_alone", 1)
    monkeypatch.setattr(SETS, "indexed", 0)
    plan = Plan(Prefilter(frozenset(["heat"]), condition=(((("heat", False),), (("ketamine", False),)),)))
    doc = parse("t.md", "Ketamine may heat. Heat alone.\n")
    first = _index(doc)
    assert plan.needs is None  # not numbered: a run over one article never pays for it
    assert _sentences(plan, first) == [0]
    second = _index(doc)
    assert plan.needs is not None and plan.needs <= second.covered
    assert _sentences(plan, second) == [0]


def test_answers_are_written_only_from_the_numbers_of_sets():
    """The numbers may come from a snapshot file: anything but the number of one of the sets
    stops the source being written."""
    assert "t[3] & t[4]" in answers_source([((1, ((3, 4), (5,))),)], 6)
    for damaged in ("0]) or __import__('os') and (t[1", 1.5, True, -1, 6):
        with pytest.raises(ValueError):
            answers_source([((damaged, ((2,),)),)], 6)


def test_an_alternative_with_nothing_after_its_first_set_answers_nothing_as_the_plan_does():
    namespace: dict = {}
    exec(compile(answers_source([((0, ()), (1, ((),)))], 2), "<plans>", "exec"), namespace)
    assert namespace["answers"]([0b11, 0b10]) == (0b10,)


def test_answer_rows_that_are_not_set_numbers_leave_the_plans_to_answer_one_at_a_time(monkeypatch):
    import marshal

    from ketalint.rules import literals, scan

    sets = literals.PlanSets()
    sets.restore(("stored", 3, ()))
    monkeypatch.setattr(scan, "SETS", sets)
    monkeypatch.setattr(scan, "_ANSWERS", [])
    damaged = ("stored", (("\\bheat\\b", 2, (("0]) or __import__('os') and (t[1", ((2,),)),)),))
    monkeypatch.setattr(scan, "_STORED_ROWS", [marshal.dumps(damaged)])
    scan._define_answers()
    assert scan._ANSWERS == []
    sound = ("stored", (("\\bheat\\b", 2, ((0, ((1,), (2,))),)),))
    monkeypatch.setattr(scan, "_STORED_ROWS", [marshal.dumps(sound)])
    scan._define_answers()
    assert scan._ANSWERS[0]([0b110, 0b100, 0b010]) == (0b110,)
    assert scan._ANSWERS[1:] == [{("\\bheat\\b", 2): 0}, "stored"]
