"""Matching rule patterns against a document's sentences, fast.

Every sentence of a document is laid end to end in `doc.stream` (typographic quotes folded),
so one regex search covers a whole document and a match maps back to its sentence by bisect. A
match never spans sentences, so a pattern runs only on the sentences that hold one of the
literals its matches need (see `ketalint.prefilter`), over lower-cased text with a case-folded
twin of the pattern where that is equivalent (see `ketalint.foldregex`), and rules that share a
pattern share its matches through the document's memo.
"""

from __future__ import annotations

import marshal
import re
from bisect import bisect_right
from collections.abc import Iterator

from ketalint.document import ascii_gaps, translated_pieces
from ketalint.document.model import Document, Sentence
from ketalint.foldregex import ascii_classes, foldable
from ketalint.language import folded
from ketalint.prefilter import Prefilter
from ketalint.rules.literals import SETS, TABLE, DocumentLiterals, Plan, indexes, join_table


def in_scope(sentence: Sentence, scope: tuple[str, ...]) -> bool:
    if "any" in scope:
        return True
    block_scope = sentence.block.scope
    if block_scope == "title" and "heading" in scope:
        return True
    return block_scope in scope


class StreamIndex:
    """Finds the sentence that holds a position of `doc.stream` (bisect over sentence starts)."""

    __slots__ = ("doc", "starts")

    def __init__(self, doc: Document):
        self.doc = doc
        self.starts = [s.stream_start for s in doc.sentences]

    def sentence_at(self, pos: int) -> Sentence:
        return self.doc.sentences[bisect_right(self.starts, pos) - 1]


def stream_index(doc: Document) -> StreamIndex:
    """The document's stream index, built once and shared by every rule."""
    index = doc.memo.get("stream_index")
    if index is None:
        index = doc.memo["stream_index"] = StreamIndex(doc)
    return index


def sentence_text(doc: Document, sentence: Sentence) -> str:
    """The sentence as matched: typographic quotes folded (see `document.build`)."""
    return doc.stream[sentence.stream_start:sentence.stream_start + len(sentence.text)]


_PREFILTERS: dict[re.Pattern, Prefilter] = {}
_FULL_SCAN_SHARE = 0.5


def stream_matches(doc: Document, regex: re.Pattern):
    """Non-empty matches of `regex` over `doc.stream` that stay within one sentence.

    A match never spans sentences, so the regex runs only on the sentences that hold one of the
    literals its matches need (see `ketalint.prefilter`); finding those is a C-speed substring
    search, while a case-insensitive alternation is tried at every position of the text.
    Rules that share a pattern (several claim rules share one predicate) share its matches.
    """
    memo = doc.memo.get("matches")
    if memo is None:
        memo = doc.memo["matches"] = {}
    found = memo.get(regex)
    if found is None:
        found = memo[regex] = _scan(doc, regex)
    return found


def _prefilter(regex: re.Pattern) -> Prefilter:
    prefilter = _PREFILTERS.get(regex)
    if prefilter is None:
        prefilter = _PREFILTERS[regex] = Prefilter.of(regex)
    return prefilter


def _folded_text(doc: Document, regex: re.Pattern, prefilter: Prefilter | None = None) -> tuple[re.Pattern, str] | None:
    """The folded twin of `regex` and the lower-cased stream, when they may stand in for both:
    the twin with ASCII classes where the stream reads alike with them."""
    reading = _folded_reading(doc)
    if reading is None:
        return None
    folded = (prefilter or _prefilter(regex)).folded(reading[1])
    return None if folded is None else (folded, reading[0])


def stream_spans(doc: Document, regex: re.Pattern) -> Iterator[tuple[int, int]]:
    """(start, end) of every match of `regex` over the whole stream, as `regex.finditer` gives them."""
    twin = _folded_text(doc, regex)
    matches = _prefilter(regex).searcher().finditer(doc.stream) if twin is None else twin[0].finditer(twin[1])
    return (m.span() for m in matches)


def candidate_sentences(doc: Document, regex: re.Pattern) -> list[Sentence]:
    """The sentences that may hold a match of `regex` (every sentence when no literal is required)."""
    found = candidate_mask(doc, regex)
    return doc.sentences if found is None else [doc.sentences[i] for i in indexes(found)]


def sentence_spans(doc: Document, regex: re.Pattern, sentence: Sentence) -> Iterator[tuple[int, int]]:
    """(start, end) of every match of `regex` in `sentence_text(doc, sentence)`."""
    twin = _folded_text(doc, regex)
    start = sentence.stream_start
    if twin is None:
        matches = regex.finditer(sentence_text(doc, sentence))
    else:
        matches = twin[0].finditer(twin[1][start:start + len(sentence.text)])
    return (m.span() for m in matches)


def _scan(doc: Document, regex: re.Pattern) -> list[re.Match]:
    prefilter = _PREFILTERS.get(regex) or _prefilter(regex)
    candidates = None if prefilter.literals is None else _candidate_mask(doc, prefilter)
    if candidates == 0:
        return []  # most patterns, in most documents: no sentence holds their literals
    if candidates is None or candidates.bit_count() > len(doc.sentences) * _FULL_SCAN_SHARE:
        return _scan_spans(doc, regex, ((0, len(doc.stream)),), True, prefilter)
    return _scan_spans(doc, regex, map(_sentence_spans(doc).__getitem__, indexes(candidates)), False, prefilter)


def _scan_spans(doc: Document, regex: re.Pattern, spans, whole: bool, prefilter: Prefilter | None = None) -> list[re.Match]:
    """Matches of `regex` within each (start, end) of `spans`; `whole`: one span, the stream,
    where matches that cross a sentence end are dropped."""
    prefilter = prefilter or _prefilter(regex)
    stream = doc.stream
    twin = _folded_text(doc, regex, prefilter)
    found = []
    if twin is None:
        finditer = prefilter.searcher().finditer
        for start, end in spans:
            for m in finditer(stream, start, end):
                if m.start() != m.end() and not (whole and "\x00" in m.group()):
                    found.append(m)
        return found
    # The folded twin finds where matches are; the original pattern (as searched, bounded to
    # the sentence: see `ketalint.sentencebound`), run only there, gives the match objects
    # (groups in the text's own case). Within one sentence's span no match holds the separator.
    folded, lowered = twin
    original_pattern = prefilter.searcher()
    finditer, match = folded.finditer, original_pattern.match
    for start, end in spans:
        for m in finditer(lowered, start, end):
            at = m.start()
            if at != m.end() and not (whole and "\x00" in m.group()):
                original = match(stream, at, end)
                if original is None or original.end() != m.end():
                    original = _retried(original_pattern, stream, at, end)
                found.append(original)
    return found


def _retried(regex: re.Pattern, stream: str, at: int, end: int) -> re.Match:
    """The non-empty match at `at` that `finditer` gives after an empty one there (a pattern
    such as `(?:|word)` prefers the empty match, which `match` alone returns)."""
    return next(m for m in regex.finditer(stream, at, end) if m.start() == at and m.end() > at)


def _sentence_spans(doc: Document) -> list[tuple[int, int]]:
    """(start, end) of each sentence in `doc.stream`, shared."""
    spans = doc.memo.get("sentence_spans")
    if spans is None:
        spans = doc.memo["sentence_spans"] = [(s.stream_start, s.stream_start + len(s.text)) for s in doc.sentences]
    return spans


def lowered_stream(doc: Document) -> str | None:
    """`doc.stream.lower()`, shared; None when lower-casing moved characters."""
    return _literal_memo(doc)[""]


def plain_words(doc: Document) -> list[list[str] | None] | None:
    """Per sentence, its runs of a-z and 0-9 in the lower-cased stream, or None for a sentence
    that holds "_", "%" or "'"; None for a stream that is not ASCII. Shared, not to be changed.

    Rules split sentences into words each their own way: the literal index keeps "_" in a word
    (`\\w`), copy-drift "%", repeated-sentence "'". The ways differ only at those characters,
    which most sentences do not hold: those are split once for all, the others by each rule."""
    memo = doc.memo
    found = memo.get("plain_words", False)
    if found is False:
        lowered = lowered_stream(doc)
        pieces = None if lowered is None else translated_pieces(lowered, _PLAIN_GAPS, len(doc.sentences))
        found = memo["plain_words"] = None if pieces is None else [
            None if "'" in piece or "%" in piece or "_" in piece else piece.split() for piece in pieces
        ]
    return found


_PLAIN_GAPS = ascii_gaps("_%'")


def _literal_memo(doc: Document) -> dict:
    """"" holds the lower-cased stream (None if lower-casing moved characters)."""
    memo = doc.memo.get("literals")
    if memo is None:
        lowered = doc.stream.lower()
        memo = doc.memo["literals"] = {"": lowered if len(lowered) == len(doc.stream) else None}
    return memo


def _folded_reading(doc: Document) -> tuple[str, bool] | None:
    """(the lower-cased stream, whether the ASCII twins read it as the Unicode ones do) where
    folded twins may search the document; None where they may not. Worked out once per
    document: every search of it asks."""
    reading = doc.memo.get("folded_reading", doc)
    if reading is doc:
        lowered = _literal_memo(doc)[""]
        foldable_text = lowered is not None and foldable(doc.stream, lowered)
        reading = doc.memo["folded_reading"] = (lowered, ascii_classes(lowered)) if foldable_text else None
    return reading


def candidate_mask(doc: Document, regex: re.Pattern) -> int | None:
    """The sentences whose text may hold a match of `regex`, as a bit mask (bit i: sentence i),
    shared by the rules that search one pattern; None when every sentence may. A match in a
    sentence's text holds one of the pattern's literals, so the answer holds for searches of
    `sentence_text` too."""
    prefilter = _PREFILTERS.get(regex) or _prefilter(regex)
    return None if prefilter.literals is None else _candidate_mask(doc, prefilter)


def _candidate_mask(doc: Document, prefilter: Prefilter) -> int | None:
    """The sentences that meet the prefilter's condition, as a bit mask: for some alternative of
    the pattern, a literal of each of its sets, or else any of its literals (None when no cheap
    answer exists).

    A literal that always starts a word (it follows `\\b`) cannot occur when no word of the
    document starts with it; such a literal is then left out (see `ketalint.rules.literals`).
    Remembered per document: several rules ask about one pattern (a shared subject, a claim's
    predicate), and a pattern is asked about again when it is searched.
    """
    plan = _PLANS.get(prefilter)
    if plan is not None and plan.slot is not None:
        found = doc.memo.get("literal_index")
        if found is not None:  # answered with every plan of the compiled `answers` at once
            answers = found.answers
            if answers is None:
                answers = found.answers = _ANSWERS[0](found.touched)
            return answers[plan.slot]
    memo = doc.memo.get("candidate_masks")
    if memo is None:
        memo = doc.memo["candidate_masks"] = {}
    else:
        found = memo.get(prefilter, memo)
        if found is not memo:
            return found
    if plan is None:
        if not _PRIMED:
            _prime()  # the table takes a snapshot's literals at once only while it is empty
        plan = _PLANS[prefilter] = _plan(prefilter)
    found = doc.memo.get("literal_index")
    if found is None or found.version != TABLE.version:
        found = _document_literals(doc)
        if found is None:
            memo[prefilter] = None
            return None
    needs = plan.needs
    if needs is None or needs > found.covered:
        mask = plan.sentence_mask(found)
    elif plan.slot is None:
        mask = plan.answer_mask(found)
    else:  # the plan or the index was made just now
        return _candidate_mask(doc, prefilter)
    memo[prefilter] = mask
    return mask


_PLANS: dict[Prefilter, Plan] = {}
_PRIMED: list[bool] = []
_STORED_PLANS: dict[tuple[str, int], tuple | bytes] = {}  # (pattern, flags) -> `Plan.state()` (marshalled), from a snapshot
_STORED_TABLE: list[tuple] = []  # `LiteralTable.state()` from a snapshot, until the first document
_STORED_SETS: list[bytes] = []  # `PlanSets.state()` from a snapshot (marshalled), until the first document
_TABLE_FROM_SNAPSHOT: list[bool] = []  # the table took a snapshot's: it holds every stored plan's literals
_STORED_ROWS: list[bytes] = []  # `answer_rows_state()` from a snapshot (marshalled), until the first document
_ANSWERS: list = []  # [`answers` of a snapshot's plans, {(pattern, flags): slot}, the numbering's name], once taken
_ANSWERS_FROM = 400  # documents in a run from which `answers` is compiled (see `_define_answers`)
_ANSWER_ALL: list[bool] = []  # the run expects that many


def _plan(prefilter: Prefilter, join: bool = True) -> Plan:
    pattern = prefilter.pattern
    stored = None if pattern is None else _STORED_PLANS.get((pattern.pattern, pattern.flags))
    if stored is None:
        return Plan(prefilter)
    if isinstance(stored, bytes):
        stored = marshal.loads(stored)
    # The snapshot's table was made from every stored plan: their literals are in it already.
    plan = Plan.restored(stored, join and not _TABLE_FROM_SNAPSHOT)
    if _ANSWERS and plan.needs is not None and _ANSWERS[2] == SETS.taken:  # numbered as `answers` reads the sets
        plan.slot = _ANSWERS[1].get((pattern.pattern, pattern.flags))
    return plan


def plan_state(pattern) -> tuple | None:
    """The plan of a pattern as plain data (None when it needs none), for a snapshot."""
    prefilter = _prefilter(pattern)
    if prefilter.literals is None:
        return None
    plan = _PLANS.get(prefilter)
    if plan is None:
        plan = _PLANS[prefilter] = _plan(prefilter)
    return plan.state()


def remember_plans(table: dict[tuple[str, int], tuple], literal_table: tuple | None = None, sets: bytes | None = None,
                   answer_rows: bytes | None = None) -> None:
    """Seed the plans, the literal table they make, the numbering of their sets and the rows
    `answers` is compiled from (`answer_rows_state`, marshalled), from a rule-set snapshot (see
    `ketalint.snapshot`)."""
    _STORED_PLANS.update(table)
    if literal_table is not None:
        _STORED_TABLE[:] = [literal_table]
    if sets is not None:
        _STORED_SETS[:] = [sets]
    if answer_rows is not None:
        _STORED_ROWS[:] = [answer_rows]


def answer_rows_state() -> tuple:
    """(the numbering's name, ((pattern, flags, `numbered_alternatives`) of every plan made so
    far that answers alone)), for a snapshot (after `numbered_sets_state`): plain numbers,
    which a run over many documents compiles into `answers` (see `_define_answers`)."""
    from ketalint.lazyregex import interned

    rows = []
    for pattern in interned():
        plan = _PLANS.get(_PREFILTERS.get(pattern))
        if plan is not None and plan.answers_alone():
            rows.append((pattern.pattern, pattern.flags, plan.numbered_alternatives()))
    return SETS.token(), tuple(rows)


def _define_answers() -> None:
    """Compile `answers` for the snapshot's plans that answer alone, if this process took the
    numbering they were stored with: about 10 ms, which a run over few articles would not win
    back, and which is why only a run over many does it."""
    from ketalint.rules.literals import answers_source

    try:
        numbering, rows = marshal.loads(_STORED_ROWS.pop())
        if numbering != SETS.taken or not rows:
            return
        code = compile(answers_source([alternatives for _, _, alternatives in rows], SETS.size), "<ketalint plans>", "exec")
        slots = {(pattern, flags): slot for slot, (pattern, flags, _) in enumerate(rows)}
    except (ValueError, TypeError, EOFError, SyntaxError, RecursionError, MemoryError):
        return  # a damaged snapshot: the plans answer one at a time
    namespace: dict = {}
    exec(code, namespace)  # noqa: S102 - set numbers and operators only (see `answers_source`)
    _ANSWERS[:] = [namespace["answers"], slots, numbering]


def table_state() -> tuple:
    """The literal table of every plan made so far, as plain data for a snapshot."""
    return TABLE.state()


def numbered_sets_state() -> tuple:
    """The numbering of every plan made so far, numbered now, as plain data for a snapshot:
    numbering a pack's sets costs each process about 11 ms (see `literals.PlanSets`)."""
    SETS.number_waiting()
    return SETS.state()


def expect_documents(count: int) -> None:
    """Tell the scanner how many documents this process (or the workers it forks) will index.

    The literal sets of a pack are numbered only once a process has indexed a few documents
    (see `literals.PlanSets`): a pre-commit run over one article would pay more for that than
    it saves. A run over more takes the snapshot's numbering as it starts instead, and every
    document is answered from the numbered sets; a run over many compiles `answers` for them."""
    if count > SETS.documents_alone:
        SETS.documents_alone = 0
    if count >= _ANSWERS_FROM:
        _ANSWER_ALL[:] = [True]


def _prime() -> None:
    """Give the literal table every literal of the patterns the rules made before a process
    indexes its first document, so that the index holds them all at once instead of catching up
    pattern by pattern: from a snapshot's table when there is one (each pattern is then planned
    when it is first searched), else by planning every pattern now."""
    from ketalint.lazyregex import interned

    _PRIMED.append(True)
    if _STORED_SETS and SETS.documents_alone == 0:
        SETS.restore(marshal.loads(_STORED_SETS.pop()))
        if _ANSWER_ALL and _STORED_ROWS and SETS.taken is not None:
            _define_answers()
    if _STORED_TABLE:
        TABLE.restore(_STORED_TABLE.pop())
        _TABLE_FROM_SNAPSHOT.append(True)
        return
    planned = []
    for pattern in interned():
        prefilter = _prefilter(pattern)
        if prefilter.literals is not None and prefilter not in _PLANS:
            planned.append(_plan(prefilter, join=False))
            _PLANS[prefilter] = planned[-1]
    join_table(planned)


def _document_literals(doc: Document) -> DocumentLiterals | None:
    """The document's literal index, caught up when literals were added since it was built."""
    found = doc.memo.get("literal_index")
    if found is not None and found.version != TABLE.version:
        found.catch_up()
    elif found is None:
        if not _PRIMED:
            _prime()
        reading = _folded_reading(doc)
        if reading is None:
            return None
        starts = stream_index(doc).starts
        found = doc.memo["literal_index"] = DocumentLiterals(reading[0], _sentence_spans(doc), starts, plain_words(doc))
    return found


def word_mask(doc: Document, words: tuple[str, ...]) -> int | None:
    """The sentences holding any of `words` (lower-case `\\w+` runs) as a bit mask, from the
    document's literal index, which has met every word already; None where the document has no
    such index (lower-casing moved its characters)."""
    found = _document_literals(doc)
    if found is None:
        return None
    get = found.words.get
    mask = 0
    for word in words:
        mask |= get(word, 0)
    return mask


def matches_by_sentence(doc: Document, regex: re.Pattern) -> dict[int, list[str]]:
    """Matched texts of `regex`, grouped by the index of the sentence that holds them."""
    index = stream_index(doc)
    grouped: dict[int, list[str]] = {}
    for m in stream_matches(doc, regex):
        grouped.setdefault(index.sentence_at(m.start()).index, []).append(m.group())
    return grouped


def sentence_matches(doc: Document, regex: re.Pattern, scope: tuple[str, ...] = ("any",)):
    """(sentence, match) for each match of `regex` in a sentence within `scope`; the match's
    offsets are stream offsets (subtract `sentence.stream_start` for sentence-relative ones)."""
    index = stream_index(doc)
    for m in stream_matches(doc, regex):
        sentence = index.sentence_at(m.start())
        if in_scope(sentence, scope):
            yield sentence, m


def find_among(doc: Document, regex: re.Pattern, scope: tuple[str, ...], among: int):
    """`find_in_sentences`, for the sentences in the bit mask `among` only.

    For a rule that needs a second pattern in the same sentence (a claim's subject): when the
    sentences that may hold the second are few, the first is searched in those alone instead of
    in every sentence that may hold it, unless another rule has searched the whole document for
    it already.
    """
    searched = regex in doc.memo.get("matches", ())
    candidates = None if searched else candidate_mask(doc, regex)
    chosen = among if candidates is None else among & candidates
    # A pattern without literals to answer by is searched in the few sentences that may pair
    # with it, rather than through the whole document, unless they are a good part of it.
    if searched or (chosen.bit_count() * 2 >= candidates.bit_count() if candidates is not None
                    else chosen.bit_count() * _WHOLE_SEARCH_SHARE >= len(doc.sentences)):
        for sentence, start, end in find_in_sentences(doc, regex, scope):
            if among >> sentence.index & 1:
                yield sentence, start, end
        return
    spans = _sentence_spans(doc)
    sentences = doc.sentences
    prefilter = _PREFILTERS.get(regex) or _prefilter(regex)
    for index in indexes(chosen):
        sentence = sentences[index]
        if in_scope(sentence, scope):
            offset = sentence.stream_start
            for m in _scan_spans(doc, regex, (spans[index],), False, prefilter):
                yield sentence, m.start() - offset, m.end() - offset


_WHOLE_SEARCH_SHARE = 4  # a pattern without literals is searched through the whole document from a quarter of its sentences on


def find_in_sentences(doc: Document, regex: re.Pattern, scope: tuple[str, ...]):
    """(sentence, start, end) for each match of `regex`, offsets relative to the sentence."""
    for sentence, m in sentence_matches(doc, regex, scope):
        yield sentence, m.start() - sentence.stream_start, m.end() - sentence.stream_start


def overlaps_exception(doc: Document, sentence: Sentence, text: str, start: int, end: int, exceptions: re.Pattern | None) -> bool:
    """Whether a match of `exceptions` in the sentence's `text` overlaps [start, end); the
    search is skipped in a sentence without the literals an exception needs."""
    if exceptions is None:
        return False
    candidates = candidate_mask(doc, exceptions)
    if candidates is not None and not candidates >> sentence.index & 1:
        return False
    exceptions, searched = folded(exceptions, text)
    return any(m.start() < end and start < m.end() for m in exceptions.finditer(searched))
