"""The table of kinds a term-kind rule compares: which kinds include which, and which exclude
each other. Kinds that the table does not relate never conflict: a conflict must be declared."""

from __future__ import annotations

from ketalint.rules.base import OptionError
from ketalint.values import Frozen


def _norm(word: str) -> str:
    return " ".join(str(word).lower().split())


class KindTable(Frozen):
    __slots__ = ("below", "exclusive", "aliases")

    def __init__(
        self,
        below: dict[str, frozenset[str]],      # kind -> itself and every kind it includes, transitively
        exclusive: tuple[frozenset[str], ...],  # sets of kinds nothing can be two of
        aliases: dict[str, str],
    ):
        self.assign(below=below, exclusive=exclusive, aliases=aliases)

    @classmethod
    def parse(cls, table: dict) -> "KindTable":
        if set(table) - {"includes", "disjoint", "aliases"}:
            raise OptionError("kinds", "'kinds' takes 'includes', 'disjoint' and 'aliases', nothing else")
        includes = {_norm(k): [_norm(v) for v in vs] for k, vs in (table.get("includes") or {}).items()}
        disjoint = [frozenset(_norm(k) for k in group) for group in table.get("disjoint") or []]
        aliases = {_norm(k): _norm(v) for k, v in (table.get("aliases") or {}).items()}
        if any(len(group) < 2 for group in disjoint):
            raise OptionError("kinds", "each 'disjoint' entry lists at least two kinds")
        kinds = set(includes) | {v for vs in includes.values() for v in vs} | {k for g in disjoint for k in g}
        return cls({k: frozenset(_closure(k, includes)) for k in kinds}, tuple(disjoint), aliases)

    def words(self) -> list[str]:
        """Every way a text may name a kind."""
        return sorted(set(self.below) | set(self.aliases))

    def canonical(self, word: str) -> str:
        word = _norm(word)
        for candidate in (word, word[:-2] if word.endswith("es") else word, word[:-1] if word.endswith("s") else word):
            if candidate in self.aliases:
                return self.aliases[candidate]
            if candidate in self.below:
                return candidate
        return word

    def related(self, a: str, b: str) -> bool:
        """One kind includes the other (or they are the same)."""
        return a == b or a in self.below.get(b, ()) or b in self.below.get(a, ())

    def compatible(self, a: str, b: str) -> bool:
        """False only when a disjoint set puts them under different members."""
        for group in self.exclusive:
            under_a = {g for g in group if a in self.below.get(g, {g})}
            under_b = {g for g in group if b in self.below.get(g, {g})}
            if under_a and under_b and not under_a & under_b:
                return False
        return True


def _closure(kind: str, includes: dict[str, list[str]]) -> set[str]:
    out, todo = {kind}, [kind]
    while todo:
        for child in includes.get(todo.pop(), ()):
            if child not in out:
                out.add(child)
                todo.append(child)
    return out
