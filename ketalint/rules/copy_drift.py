"""`copy-drift`: near-identical sentences in different articles where one copy lost its hedge
("may help" became "helps"), changed a number, or flipped a negation. Copy shared by a site
drifts when one article is edited and the others are not. Only the words the copies do not
share are judged, and only a change to what both say counts: a copy that adds "without rushing"
or a phone number has not flipped a negation or changed a figure (see `corpus.drift`).

    - id: consistency.copy-drift
      type: copy-drift
      similarity: 88      # rapidfuzz ratio (0-100) of the normalised sentences (default 88)
      min_words: 8        # shorter sentences are not compared (default 8)

Candidates are blocked before rapidfuzz scores them: two wordings are compared only when they
share a pair of their longest words (`blocks_of`), so the work grows with the number of
near-duplicates, not with the square of the sentences. The blocks of a wording depend on that
wording alone, so a run naming one article finds the same copies of it as a run over the whole
site, while reading only the statements filed under its blocks.
"""

from __future__ import annotations

import re
import sys
from array import array
from collections import Counter, defaultdict
from collections.abc import Iterator
from functools import partial

from ketalint.corpus.conflicts import Conflict
from ketalint.corpus.drift import drift
from ketalint.corpus.packed import PackedStatements, SiteStatements, number_column
from ketalint.corpus.rule import CorpusRule
from ketalint.corpus.statement import Statement
from ketalint.document.model import Document
from ketalint.language import Cues
from ketalint.rules.base import Option, cues_of, lowered_stream, plain_words, sentence_text

_TOKEN = re.compile(r"[a-z0-9%]+(?:[.'-][a-z0-9]+)*")
# Where no ".", "'" or "-" can join two runs into one token and no "%" is part of one,
# a sentence's tokens are its plain words (`plain_words`).
_LONGEST = 4


_MAX_BLOCK = 50


class CopyDriftRule(CorpusRule):
    TYPE = "copy-drift"
    PACKED = True
    OPTIONS = {
        "similarity": Option("int", doc="rapidfuzz ratio (0-100) for two sentences to be copies (default 88)", minimum=50, maximum=100),
        "min_words": Option("int", doc="sentences with fewer words are not compared (default 8)", minimum=1),
        "hedges": Option("list[str]", doc="extra hedge cues"),
        "negations": Option("list[str]", doc="extra negation cues"),
    }

    def __init__(self, spec):
        super().__init__(spec)
        self.similarity = spec.options.get("similarity", 88)
        self.min_words = spec.options.get("min_words", 8)
        self.cues: Cues = cues_of(spec.options)

    def extract(self, doc: Document) -> list[Statement]:
        return list(self.extract_packed(doc))

    def extract_packed(self, doc: Document, digest: str | None = None) -> PackedStatements:
        """`extract`, as the columns a run keeps it in until the corpus pass: building a
        statement per sentence only to pack it cost an article more than finding the sentences.
        With the `digest` of the file's content, the sentences' texts and places are left to be
        read back from the file (see `PackedStatements.without_matches`): most runs drop them."""
        keys: list[str] = []
        matches: list[str] | None = None if digest is not None else []
        numbers = number_column(len(doc.text) + 1)  # offsets, lines and columns are within it
        text, span_position, intern = doc.text, doc.source.span_position, sys.intern
        # In an ASCII document a sentence lower-cased is a slice of the lower-cased stream.
        lowered = lowered_stream(doc) if doc.stream.isascii() else None
        findall = _TOKEN.findall
        plain = None if lowered is None else plain_words(doc)
        find = None if lowered is None else lowered.find
        min_words, add_key, add_numbers = self.min_words, keys.append, numbers.extend
        for sentence in doc.sentences:
            if sentence.block.kind == "heading":
                continue
            if lowered is not None:
                start = sentence.stream_start
                end = start + len(sentence.text)
                words = None if plain is None else plain[sentence.index]
                # No "-" or "." inside that could join two runs into one token (a final "." may
                # end the sentence: nothing follows it to join); plain words hold no apostrophe.
                if words is not None and find("-", start, end) < 0 and find(".", start, end - 1) < 0:
                    tokens = words
                else:
                    tokens = findall(lowered, start, end)
            else:
                tokens = findall(sentence_text(doc, sentence).lower())
            if len(tokens) < min_words:
                continue
            # Interned: a site repeats its copy across articles, and every such sentence is kept
            # until the corpus pass.
            start, end = sentence.source_start, sentence.source_end
            add_key(intern(" ".join(tokens)))
            if matches is None:  # left in the file: its text, line and column are worked out again if reported
                add_numbers((start, end))
            else:
                matches.append(intern(text[start:end]))
                add_numbers((start, end, *span_position(start, end)))
        return PackedStatements(doc.path, tuple(keys), None if matches is None else tuple(matches), numbers, digest)

    def lookups(self, statement: Statement) -> tuple[str, ...]:
        return blocks_of(statement.key)

    def relevant_keys(self, own: list[Statement], keys_under) -> set[str]:
        """Only wordings that drifted from one of `own`'s, or from which one of them drifted, and
        every wording those drifted from or to (whose copies count in the findings and notes):
        the copies of a wording that drifted from nothing change nothing."""
        mine = {s.key for s in own}
        wanted = self._partners(mine, keys_under)
        return wanted | self._partners(wanted - mine, keys_under)

    def _partners(self, wordings: set[str], keys_under) -> set[str]:
        if not wordings:
            return set()
        known = keys_under({block for w in wordings for block in blocks_of(w)})
        found = set()
        for a, b in _candidates(sorted(known | wordings)):
            if (a in wordings or b in wordings) and _similar(a, b, self.similarity) and drift(a.split(), b.split(), self.cues):
                found.update((a, b))
        return found

    def conflicts(self, statements, single: bool = False) -> Iterator[Conflict]:
        """Copies are compared once per distinct wording, however many articles repeat it, and
        only the copies of wordings that drifted, or that others drifted from, are unpacked."""
        site = isinstance(statements, SiteStatements)
        if not single and len(statements.paths() if site else {s.path for s in statements}) < 2:
            return  # copies within one article are not drift between articles (see `_Twins.of`)
        keys = statements.keys() if site else (s.key for s in statements)
        originals: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for a, b in _candidates(list(dict.fromkeys(keys))):
            if not _similar(a, b, self.similarity):
                continue
            pair = (a, b)
            for which, reason in drift(a.split(), b.split(), self.cues):
                originals[pair[which]].append((pair[1 - which], reason))
        if not originals:
            return
        needed = set(originals) | {key for pairs in originals.values() for key, _ in pairs}
        chosen = statements.having(needed) if site else [s for s in statements if s.key in needed]
        copies: dict[str, list[Statement]] = defaultdict(list)
        for s in chosen:
            copies[s.key].append(s)
        shared = {key: _Twins(pairs, copies) for key, pairs in originals.items()}
        for s in chosen:
            twins = shared.get(s.key)
            found = twins.of(s, single) if twins is not None else None
            if found is not None:
                yield Conflict(s, twins.pool, (("change", found[0]),), without=found[1])


class _Twins:
    """The copies a drifted wording is compared with, in the order its originals were found.

    Every copy of the drifted wording shares one list (a site repeats its copy in hundreds of
    articles, and a list per copy would grow with the square of them). A copy whose own article
    also holds an original shares it too, with that article named as left out of it.
    """

    def __init__(self, pairs: list[tuple[str, str]], copies: dict[str, list[Statement]]):
        # In the order of the originals' wording, which does not depend on what else the run read.
        self.pairs = [(copies[key], reason) for key, reason in sorted(pairs)]
        self.pool = [t for group, _ in self.pairs for t in group]
        self.per_path = Counter(t.path for t in self.pool)

    def of(self, s: Statement, single: bool) -> tuple[str, str | None] | None:
        """(what changed, the path left out of the pool) for a copy, None when it has no twin."""
        if single or s.path not in self.per_path:
            return (self.pairs[0][1], None) if self.pool else None
        if self.per_path[s.path] == len(self.pool):
            return None
        reason = next(r for group, r in self.pairs if any(t.path != s.path for t in group))
        return reason, s.path


def _similar(a: str, b: str, similarity: int) -> bool:
    """Scored only for candidate pairs, so that a run without any loads no rapidfuzz."""
    from rapidfuzz import fuzz

    return fuzz.ratio(a, b, score_cutoff=similarity) >= similarity


def blocks_of(wording: str) -> tuple[str, ...]:
    """Each pair of a wording's four longest words (figures aside). Near-identical copies keep
    most of their long words, so they share at least one pair; a pair of long words is specific
    enough that few unrelated sentences share it, where one common word ("ketamine") would not be.

    Remembered per wording: filing a site asks for the blocks of every sentence of every article,
    and a site repeats its calls to action and disclaimers."""
    known = _BLOCKS.get(wording)
    if known is None:
        if len(_BLOCKS) >= _MAX_REMEMBERED:
            _BLOCKS.clear()
        known = _BLOCKS[wording] = _pairs_of_longest(wording)
    return known


def _pairs_of_longest(wording: str) -> tuple[str, ...]:
    words = _longest(wording)
    if len(words) < 2:
        return tuple(words)
    return tuple(a + " " + b if a < b else b + " " + a for i, a in enumerate(words) for b in words[i + 1:])


def _longest(wording: str) -> list[str]:
    # Sorted by word, then (stably) by length, longest first: the order of (-len, word).
    return sorted(sorted({t for t in wording.split() if len(t) > 3 and not t[0].isdigit()}), key=len, reverse=True)[:_LONGEST]


def _block_hashes(wording: str) -> list[int]:
    """The hashes of `_pairs_of_longest(wording)`, without making its strings."""
    words = _longest(wording)
    if len(words) < 2:
        return [hash(word) for word in words]
    return [hash((a, b) if a < b else (b, a)) for i, a in enumerate(words) for b in words[i + 1:]]


_BLOCKS: dict[str, tuple[str, ...]] = {}
_MAX_REMEMBERED = 100_000


def _candidates(distinct: list[str]):
    """Pairs of distinct wordings that share a block; a block holding more than `_MAX_BLOCK`
    wordings says too little to be worth comparing them all.

    In a large site nearly every sentence is unlike every other, and each brings six blocks of
    its own: there, the wordings that share some block with another are picked out first, from
    their blocks' hashes alone (see `_sharing`), and only those are grouped by their blocks."""
    big: set[int] = set()
    pairs_of = blocks_of
    if len(distinct) > _FEW_WORDINGS:
        sharing, big = _sharing(distinct)
        distinct = [wording for wording, shares in zip(distinct, sharing) if shares]
        pairs_of = _pairs_of_longest  # not remembered: most are never asked for again
    blocks: dict[str, list[str]] = defaultdict(list)
    for wording in distinct:
        for block in pairs_of(wording):
            blocks[block].append(wording)
    seen: set[tuple[int, int]] = set()
    for block, members in blocks.items():
        if len(members) > _MAX_BLOCK or (big and _hash_of_block(block) in big):
            continue
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                pair = (min(id(a), id(b)), max(id(a), id(b)))
                if pair not in seen:
                    seen.add(pair)
                    yield a, b


def _sharing(distinct: list[str]) -> tuple[bytearray, set[int]]:
    """(for each wording, whether one of its blocks is held by another wording too; the hashes of
    the blocks held by more than `_MAX_BLOCK` wordings).

    A block is a 64-bit hash here, kept in flat arrays and counted a part of the hash range at a
    time, so that half a million sentences cost tens of megabytes, not the hundreds that a dict
    of every block's text and wordings took. Two blocks that share a hash (a chance of about one
    in ten million for a 5,000-article site) only make a wording a candidate that then shares
    nothing, unless the two together hold more than `_MAX_BLOCK` wordings: then the smaller
    one's pairs are not compared."""
    parts = 1 + 6 * len(distinct) // _BLOCKS_PER_PART
    hashes, owners = _hashed_blocks(distinct, parts)
    sharing = bytearray(len(distinct))
    big: set[int] = set()
    for part in range(parts):
        counts = Counter(hashes[part])
        shared = {block for block, count in counts.items() if 1 < count <= _MAX_BLOCK}
        big.update(block for block, count in counts.items() if count > _MAX_BLOCK)
        del counts
        for block, owner in zip(hashes[part], owners[part]):
            if block in shared:
                sharing[owner] = 1
        hashes[part] = owners[part] = None
    return sharing, big


def _hashed_blocks(distinct: list[str], parts: int) -> tuple[list[array], list[array]]:
    """(per part of the hash range, the hashes of the wordings' blocks; per part, the index in
    `distinct` of each block's wording), in the order of `distinct`.

    Hashing is most of the corpus pass over a site whose sentences nearly all differ, and each
    wording is hashed on its own: with several cores, forked workers hash a slice each. They
    share this process's hash seed, so their hashes are the ones it would compute."""
    from ketalint.parallel import iter_in_order, run_jobs

    hashes = [array("q") for _ in range(parts)]
    owners = [array("i") for _ in range(parts)]
    hash_slice = partial(_hashed_slice, distinct, parts)
    for slice_hashes, slice_owners in iter_in_order(hash_slice, range(0, len(distinct), _HASHED_PER_SLICE), run_jobs()):
        for part in range(parts):
            hashes[part].extend(slice_hashes[part])
            owners[part].extend(slice_owners[part])
    return hashes, owners


def _hashed_slice(distinct: list[str], parts: int, first: int) -> tuple[list[array], list[array]]:
    """`_hashed_blocks` of the `_HASHED_PER_SLICE` wordings from `first` on."""
    hashes = [array("q") for _ in range(parts)]
    owners = [array("i") for _ in range(parts)]
    for owner in range(first, min(first + _HASHED_PER_SLICE, len(distinct))):
        for block in _block_hashes(distinct[owner]):
            part = block % parts
            hashes[part].append(block)
            owners[part].append(owner)
    return hashes, owners


def _hash_of_block(block: str) -> int:
    a, space, b = block.partition(" ")
    return hash((a, b)) if space else hash(a)


_FEW_WORDINGS = 20_000  # below this, the blocks' texts are grouped directly
_BLOCKS_PER_PART = 250_000  # the blocks counted at once: a part's count of them is the corpus pass's peak
_HASHED_PER_SLICE = 2_000  # wordings a worker hashes at a time (`parallel` shares work out from 32 slices)
