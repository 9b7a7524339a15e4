"""Running each rule's own examples: `flag` texts must be reported, `pass` texts must not."""

from __future__ import annotations

from dataclasses import dataclass

from ketalint.document import parse


@dataclass(frozen=True)
class ExampleFailure:
    rule: str
    kind: str  # "flag" (missed) or "pass" (wrongly flagged)
    text: str
    path: str
    line: int

    def __str__(self) -> str:
        what = "missed (should be flagged)" if self.kind == "flag" else "wrongly flagged (should pass)"
        return f"{self.path}:{self.line}: [{self.rule}] {what}: {self.text!r}"


def example_hits(rule, text: str) -> list:
    """Hits of one rule on one example, parsed as a plain-text article, and its findings on
    what the example's answered questions state ("Is ketamine addictive? No.")."""
    doc = parse("example.txt", text, "text")
    run = getattr(rule.impl, "example_hits", None)
    hits = list(run(doc) if run else rule.impl.check(doc))
    if rule.impl.RESTATED:
        from ketalint.engine import make_finding, restated_findings

        pairs = [(rule, rule.spec.severity)]
        said = [make_finding(doc, rule, rule.spec.severity, hit) for hit in hits]
        hits += restated_findings(doc, pairs, said)
    return hits


def run_examples(rules) -> tuple[int, list[ExampleFailure]]:
    """(number of examples run, failures) over every rule."""
    count = 0
    failures = []
    for rule in rules:
        spec = rule.spec
        for kind, texts in (("flag", spec.flag_examples), ("pass", spec.pass_examples)):
            for text in texts:
                count += 1
                hit = bool(example_hits(rule, text))
                if hit != (kind == "flag"):
                    failures.append(ExampleFailure(spec.id, kind, text, spec.path, spec.line))
    return count, failures
