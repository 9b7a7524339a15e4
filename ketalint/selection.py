"""Which rules run on which file, at which severity.

Settings name rule ids or dotted prefixes (`style`, `overclaim.permanence`); the most specific
one that matches a rule wins. Per-glob overrides apply after the config's `rules`, and the
command line's `--select` / `--ignore` after both.
"""

from __future__ import annotations

from ketalint.config import Config
from ketalint.globs import matches


def prefix_matches(rule_id: str, prefix: str) -> bool:
    """`overclaim` matches `overclaim.x` but not `overclaims.x`: prefixes are whole dotted parts."""
    return rule_id == prefix or rule_id.startswith(prefix + ".")


def most_specific(rule_id: str, settings: dict[str, str]) -> str | None:
    best, best_len = None, -1
    for prefix, value in settings.items():
        if prefix_matches(rule_id, prefix) and len(prefix) > best_len:
            best, best_len = value, len(prefix)
    return best


class Selection:
    """Rules and severities for each file, computed once per distinct set of matching overrides."""

    __slots__ = ("rules", "config", "select", "ignore", "_memo")

    def __init__(self, rules: list, config: Config, select: tuple[str, ...] = (), ignore: tuple[str, ...] = (), _memo: dict | None = None):
        self.rules = rules
        self.config = config
        self.select = select
        self.ignore = ignore
        self._memo: dict = {} if _memo is None else _memo

    def for_path(self, rel_path: str) -> list[tuple[object, str]]:
        """(rule, severity) pairs that apply to a file, given its path relative to the config root."""
        key = tuple(matches(rel_path, o.files) for o in self.config.overrides)
        cached = self._memo.get(key)
        if cached is None:
            layers = [self.config.rules] + [o.rules for o, hit in zip(self.config.overrides, key) if hit]
            cached = self._memo[key] = [pair for pair in (self._decide(r, layers) for r in self.rules) if pair]
        return cached

    def is_selected(self, rule_id: str) -> bool:
        """The command line's selection alone (used for rules that are not tied to one file)."""
        if self.select and not any(prefix_matches(rule_id, p) for p in self.select):
            return False
        return not any(prefix_matches(rule_id, p) for p in self.ignore)

    def _decide(self, rule, layers):
        if not self.is_selected(rule.id):
            return None
        severity = rule.spec.severity
        enabled = True
        for layer in layers:
            value = most_specific(rule.id, layer)
            if value == "off":
                enabled = False
            elif value == "on":
                enabled = True
            elif value is not None:
                enabled, severity = True, value
        return (rule, severity) if enabled else None
