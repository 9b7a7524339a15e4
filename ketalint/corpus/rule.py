"""The base of corpus rule types: extract statements per article, find conflicts across them."""

from __future__ import annotations

from typing import ClassVar, Iterator

from ketalint.corpus.conflicts import REPRESENTATIVES, Conflict
from ketalint.corpus.statement import Statement
from ketalint.document.model import Document
from ketalint.rules.base import Hit, RuleType


class CorpusRule(RuleType):
    """`check` finds nothing in one document: the corpus runner calls `extract` on every
    article and `conflicts` once over all their statements."""

    CORPUS: ClassVar[bool] = True

    def check(self, doc: Document) -> Iterator[Hit]:
        return iter(())

    def extract(self, doc: Document) -> list[Statement]:  # pragma: no cover - interface
        raise NotImplementedError

    def conflicts(self, statements: list[Statement], single: bool = False) -> Iterator[Conflict]:  # pragma: no cover
        """Conflicts over the whole site; `single` when all statements come from one article."""
        raise NotImplementedError

    def label(self, side: str) -> str:
        """How a message names a side (a pole's label, a kind, a value)."""
        return side

    def example_hits(self, doc: Document) -> list[Hit]:
        """A rule example is one article holding both sides (a contradiction within one article counts)."""
        return [
            Hit(c.statement.start, c.statement.end, related=tuple(t.location() for t in c.counter[:REPRESENTATIVES]))
            for c in self.conflicts(self.extract(doc), single=True)
        ]
