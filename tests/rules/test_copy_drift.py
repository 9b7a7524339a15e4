"""`copy-drift`: near-identical sentences that lost a hedge or changed a number."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from corpus_rule_support import conflicts, located, shipped

RULE = "consistency.copy-drift"
HEDGED = "Ketamine infusions may ease low mood within a few hours for many adults we treat."
UNHEDGED = "Ketamine infusions ease low mood within a few hours for many adults we treat."


def test_the_copy_that_lost_its_hedge_is_reported():
    assert located(shipped(RULE), {"a.md": HEDGED, "b.md": UNHEDGED}) == {("b.md", UNHEDGED, ("a.md",))}


def test_identical_copies_and_different_sentences_are_not_reported():
    assert located(shipped(RULE), {"a.md": HEDGED, "b.md": HEDGED, "c.md": "Our clinic is open on weekday evenings and on Saturday mornings."}) == set()


def test_a_changed_number_reports_both_copies():
    a = "Most adults finish a course of 6 infusions across three weeks at the clinic."
    b = "Most adults finish a course of 8 infusions across three weeks at the clinic."
    assert {path for path, _, _ in located(shipped(RULE), {"a.md": a, "b.md": b})} == {"a.md", "b.md"}


def test_many_identical_copies_still_meet_their_drifted_twin():
    articles = {f"p{i:03}.md": HEDGED for i in range(120)}
    articles["odd.md"] = UNHEDGED
    found = located(shipped(RULE), articles)
    assert len(found) == 1
    (path, _, related) = found.pop()
    assert path == "odd.md" and len(related) == 120


def _changes(a: str, b: str) -> set[tuple[str, str]]:
    return {(c.statement.path, dict(c.values)["change"]) for c in conflicts(shipped(RULE), {"a.md": a, "b.md": b})}


def test_an_added_phrase_with_without_is_not_a_flipped_negation():
    a = "Our nurses answer each question about the infusion when you ask without rushing."
    b = "Our nurses answer each question about the infusion when you ask at your first visit."
    assert _changes(a, b) == set()


def test_a_negation_on_the_shared_words_is_a_flip_in_both_copies():
    a = "Ketamine is habit forming for people with a past of substance use."
    b = "Ketamine is not habit forming for people with a past of substance use."
    assert _changes(a, b) == {("a.md", "flips a negation"), ("b.md", "flips a negation")}
    c = "Our clinic gives every infusion with light sedation in a quiet private room."
    d = "Our clinic gives every infusion without sedation in a quiet private room."
    assert _changes(c.replace("light ", ""), d) == {("a.md", "flips a negation"), ("b.md", "flips a negation")}


def test_an_added_phone_number_or_a_new_year_is_not_a_changed_number():
    a = "Phone our front desk at 555-310-2288 to arrange a first consultation soon."
    b = "Phone our front desk to arrange a first consultation soon."
    assert _changes(a, b) == set()
    assert _changes("Revised in 2023, this page covers what happens on an infusion day.", "Revised in 2025, this page covers what happens on an infusion day.") == set()


def test_a_figure_written_in_words_still_changes():
    a = "Most adults finish a course of six infusions across three weeks at the clinic."
    b = "Most adults finish a course of ten infusions across three weeks at the clinic."
    assert {change for _, change in _changes(a, b)} == {"changes a number"}


def test_a_dropped_hedge_must_qualify_the_shared_claim():
    hedged = "Infusions lift low mood within a few hours for some adults we treat here."
    assert _changes(hedged, "Infusions lift low mood within a few hours for adults we treat here.") == {("b.md", "drops the hedge 'for some'")}
    # the hedge belongs to a clause only one copy has: nothing the other copy claims lost it
    a = "We open at eight on weekdays for infusions, and some patients prefer mornings."
    b = "We open at eight on weekdays for infusions, and our staff prefer mornings."
    assert _changes(a, b) == set()


_PIECES = ["Ketamine", "ketamine's", "don't", "3.5", "20%", "(BDNF)", "why?", "e.g.", "A1c", "co-op", "x_y", "-", "'", "...", "mg/kg", "U.S.", "well-known"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=12), min_size=1, max_size=5))
def test_the_fast_token_split_gives_the_tokens_the_regex_gives(sentences):
    from ketalint.document import parse
    from ketalint.rules.copy_drift import _TOKEN, CopyDriftRule
    from ketalint.rules.base import sentence_text
    from ketalint.rules.base import RuleSpec

    doc = parse("t.md", " ".join(" ".join(words) + "." for words in sentences) + "\n")
    rule = CopyDriftRule(RuleSpec("t.copy", "copy-drift", "consistency", "warning", "m", options={"min_words": 1}))
    keys = [s.key for s in rule.extract(doc)]
    expected = [" ".join(_TOKEN.findall(sentence_text(doc, s).lower())) for s in doc.sentences]
    assert keys == [k for k in expected if k]


def test_copies_within_one_article_are_not_compared_outside_rule_examples(monkeypatch):
    from ketalint.corpus.packed import PackedStatements, SiteStatements
    from ketalint.corpus.statement import Statement
    from ketalint.rules.base import RuleSpec
    from ketalint.rules import copy_drift
    from ketalint.rules.copy_drift import _TOKEN, CopyDriftRule

    rule = CopyDriftRule(RuleSpec("t.copy", "copy-drift", "consistency", "warning", "m", options={"min_words": 1}))
    hedged, flat = (" ".join(_TOKEN.findall(text.lower())) for text in (HEDGED, UNHEDGED))

    def copy(path: str, key: str, line: int) -> Statement:
        return Statement(path, line * 100, line * 100 + len(key), line, 1, line, len(key) + 1, key, key, "")

    compared = []
    similar = copy_drift._similar
    monkeypatch.setattr(copy_drift, "_similar", lambda a, b, s: compared.append((a, b)) or similar(a, b, s))
    one_article = [copy("a.md", hedged, 1), copy("a.md", flat, 2)]
    assert list(rule.conflicts(one_article)) == []
    assert list(rule.conflicts(SiteStatements([PackedStatements.pack("a.md", one_article)]))) == []
    assert compared == []  # nothing a finding could come of, so nothing scored
    assert [c.statement.path for c in rule.conflicts(one_article, single=True)] == ["a.md"]
    two_articles = [copy("a.md", hedged, 1), copy("b.md", flat, 1)]
    assert [c.statement.path for c in rule.conflicts(two_articles)] == ["b.md"]


_WORDS = ["ketamine", "infusion", "infusions", "nurse", "calm", "room", "a", "of", "2024", "40mg", "blood", "pressure", "mood", "brain"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=14))
def test_blocks_are_the_pairs_of_the_four_longest_words(words):
    from ketalint.rules.copy_drift import blocks_of

    wording = " ".join(words)
    longest = sorted({w for w in words if len(w) > 3 and not w[0].isdigit()}, key=lambda w: (-len(w), w))[:4]
    expected = {" ".join(sorted((a, b))) for i, a in enumerate(longest) for b in longest[i + 1:]} if len(longest) > 1 else set(longest)
    assert blocks_of(wording) == blocks_of(wording)  # the second answer is the remembered one
    assert set(blocks_of(wording)) == expected and len(blocks_of(wording)) == len(expected)


def test_packed_extraction_holds_a_statement_per_long_enough_body_sentence():
    from ketalint.corpus.statement import statement_at
    from ketalint.document import parse
    from ketalint.packs import default_pack_dir, load_packs
    from ketalint.rules.base import sentence_text
    from ketalint.rules.copy_drift import _TOKEN

    rule = next(r for r in load_packs([default_pack_dir()]) if r.spec.type == "copy-drift")
    text = (
        "# Dosing and what to expect after a first infusion\n\nKetamine may help some people feel better within a day or two.\n\n"
        "Ketamine – “may” help some people's mood within a day or two, we say.\n\nToo short to count.\n\n"
        "Café owners say ketamine helps people feel better within a day.\n"
    )
    doc = parse("a.md", text)
    expected = []
    for s in doc.sentences:
        tokens = _TOKEN.findall(sentence_text(doc, s).lower())
        if s.block.kind != "heading" and len(tokens) >= rule.impl.min_words:
            expected.append(statement_at(doc, s.source_start, s.source_end, key=" ".join(tokens), side=""))
    packed = rule.impl.extract_packed(doc)
    assert len(expected) == 3 and list(packed) == expected == rule.impl.extract(doc)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=8).map(" ".join), max_size=40, unique=True), st.integers(1, 4))
def test_a_large_site_finds_the_candidate_pairs_a_small_one_does(wordings, max_block):
    """The wordings that share a block are picked out by hash in large runs: the pairs, and their
    order, are those that grouping every block's text gives (here with every run taken as large,
    in several parts of the hash range, and small blocks, so that some are too common to pair)."""
    import ketalint.rules.copy_drift as copy_drift

    saved = copy_drift._FEW_WORDINGS, copy_drift._BLOCKS_PER_PART, copy_drift._MAX_BLOCK
    try:
        copy_drift._MAX_BLOCK = max_block
        direct = list(copy_drift._candidates(wordings))
        copy_drift._FEW_WORDINGS, copy_drift._BLOCKS_PER_PART = 0, 20
        staged = list(copy_drift._candidates(wordings))
    finally:
        copy_drift._FEW_WORDINGS, copy_drift._BLOCKS_PER_PART, copy_drift._MAX_BLOCK = saved
    assert staged == direct


def test_blocks_hashed_by_forked_workers_are_those_hashed_here():
    """A large site's wordings are hashed a slice per worker: the arrays, in wording order, are
    those one process builds (workers share its hash seed)."""
    import ketalint.rules.copy_drift as copy_drift
    from ketalint.parallel import MIN_FILES_PER_JOB, jobs_of_run

    wordings = [f"{a} {b} clinic patients describe {c} changes" for a in _WORDS for b in _WORDS for c in ("gradual", "sudden")]
    saved = copy_drift._HASHED_PER_SLICE
    try:
        copy_drift._HASHED_PER_SLICE = max(1, len(wordings) // (4 * MIN_FILES_PER_JOB))
        alone = copy_drift._hashed_blocks(wordings, 3)
        with jobs_of_run(2):
            shared = copy_drift._hashed_blocks(wordings, 3)
    finally:
        copy_drift._HASHED_PER_SLICE = saved
    assert sum(len(part) for part in alone[0]) > len(wordings)
    assert shared == alone


_PIECES = ["Ketamine", "ketamine's", "don't", "x_y", "3.5", "20%", "(BDNF)", "why?", "e.g.", "A1c", "—", "co-op", "Café", "may", "help"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_PIECES), min_size=8, max_size=12), min_size=1, max_size=4))
def test_packed_keys_are_the_tokens_the_regex_finds(sentences):
    """Sentences are split from the words other rules share where no token may join or keep
    other characters; the keys are still `_TOKEN`'s tokens."""
    from ketalint.document import parse
    from ketalint.rules.base import sentence_text
    from ketalint.rules.copy_drift import _TOKEN

    rule = shipped(RULE)
    doc = parse("a.md", "\n\n".join(" ".join(words) + " here." for words in sentences) + "\n")
    expected = [" ".join(tokens) for tokens in (_TOKEN.findall(sentence_text(doc, s).lower()) for s in doc.sentences)
                if len(tokens) >= rule.impl.min_words]
    assert list(rule.impl.extract_packed(doc).keys) == expected
