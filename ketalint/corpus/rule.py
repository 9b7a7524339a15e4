"""The base of corpus rule types: extract statements per article, find conflicts across them."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from ketalint.corpus.conflicts import REPRESENTATIVES, Conflict
from ketalint.corpus.statement import Statement, statement_at
from ketalint.document.model import Document
from ketalint.framing import is_framed
from ketalint.rules.base import Hit, RuleType
from ketalint.tables import myth_cells

TYPE_CHECKING = False
if TYPE_CHECKING:  # annotations only: importing typing costs every run its start-up time
    from typing import ClassVar


class CorpusRule(RuleType):
    """`check` finds nothing in one document: the corpus runner calls `extract` on every
    article and `conflicts` once over all their statements."""

    CORPUS: ClassVar[bool] = True
    # Statements kept packed between extraction and the corpus pass (`ketalint.corpus.packed`);
    # `conflicts` then receives a `SiteStatements` and unpacks what it needs.
    PACKED: ClassVar[bool] = False  # True: the rule has `extract_packed`, which runs keep to the corpus pass

    def check(self, doc: Document) -> Iterator[Hit]:
        return iter(())

    def extract(self, doc: Document) -> list[Statement]:  # pragma: no cover - interface
        raise NotImplementedError

    def statements(self, doc: Document) -> list[Statement]:
        """`extract`, and for rule types that judge claims (`RESTATED`), the statements that the
        document's sentence pairs make together: "Is ketamine addictive?" "No." says ketamine is
        non-addictive, to be compared with what other articles say. Such a statement spans the
        question and its answer (or the sentence under a condition heading), and is left out
        where the document already says the same (same key and side) within the pair: "No,
        ketamine is non-addictive." is one statement, not two."""
        own = self.extract(doc)
        myths = myth_cells(doc)
        if myths:
            own = [s for s in own if not is_framed(myths, s.start)]
        if not self.RESTATED:
            return own
        from ketalint.engine import restated

        reading = restated(doc)
        if reading is None:
            return own
        added = []
        for statement in self.extract(reading.doc):
            if reading.in_label(statement.start, statement.end):
                continue
            restatement, start, end = reading.at(statement.start, statement.end)
            first, last = restatement.first, restatement.last
            if any(s.start < last and first < s.end and s.side == statement.side and s.key == statement.key for s in own):
                continue
            data = statement.data
            if restatement.in_table:  # a message quotes the cell as its table reads it
                data = {**data, "reading": " ".join(restatement.statement.split()).rstrip(".")}
            found = statement_at(doc, first if restatement.sentence is None else start, end, statement.key, statement.side,
                                 statement.variant, data)
            if restatement.sentence is None:
                found = found._replace(match=_pair_text(doc, first, end))
            added.append(found)
        if not added:
            return own
        return sorted(own + added, key=lambda s: s.start)

    def conflicts(self, statements: list[Statement], single: bool = False) -> Iterator[Conflict]:  # pragma: no cover
        """Conflicts over the whole site; `single` when all statements come from one article."""
        raise NotImplementedError

    def lookups(self, statement: Statement) -> tuple[str, ...]:
        """Where a statement is filed for runs that name a few files of a large site: two
        statements of a rule conflict only when they share a lookup, so such a run needs only the
        statements of the rest of the site filed under its own statements' lookups (see
        `ketalint.corpus.store`). Rules that compare statements about one key file them under it."""
        return (statement.key,)

    def relevant_keys(self, own: list[Statement], keys_under: Callable[[set[str]], set[str]]) -> set[str]:
        """The keys whose statements elsewhere in the site can change what the articles holding
        `own` get; `keys_under(lookups)` gives the keys filed under some lookups. By default every
        key filed under the lookups of `own`."""
        return keys_under({lookup for s in own for lookup in self.lookups(s)})

    def label(self, side: str) -> str:
        """How a message names a side (a pole's label, a kind, a value)."""
        return side

    def example_hits(self, doc: Document) -> list[Hit]:
        """A rule example is one article holding both sides (a contradiction within one article counts)."""
        return [
            Hit(c.statement.start, c.statement.end, related=tuple(t.location() for t in c.others()[:REPRESENTATIVES]))
            for c in self.conflicts(self.statements(doc), single=True)
        ]


def _pair_text(doc: Document, first: int, end: int) -> str:
    """The question and its answer as the reader sees them, for messages: the source between
    them may hold markup ("</h3><p>", a list marker) that is no part of either."""
    parts = []
    for sentence in doc.sentences:
        if sentence.source_start >= end:
            break
        if sentence.source_end > first:
            parts.append(sentence.text if sentence.source_end <= end else doc.text[sentence.source_start:end])
    return " ".join(" ".join(parts).split())
