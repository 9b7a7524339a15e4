"""The one orchestrator: configuration + rules + files → a report. The CLI only prints it.

A run has two passes. `analyze_file` is pure per-file work (parse, per-document rules, and the
statements that cross-article rules extract); it is what a cache can skip and what worker
processes can share out. `run_corpus` then compares statements across the whole site.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ketalint.cache import analyze_cached, open_cache
from ketalint.config import Config
from ketalint.corpus import runner as corpus_runner
from ketalint.corpus.runner import regions_of
from ketalint.corpus.site import context_paths
from ketalint.document import parse
from ketalint.engine import check_document, sort_findings
from ketalint.files import FileText, Problem, decode, discover, read_article, relative_to_root
from ketalint.finding import Finding
from ketalint.packs import Rule, default_pack_dir, load_packs
from ketalint.selection import Selection


@dataclass
class CheckOptions:
    """What the command line adds to the configuration for one run."""

    paths: list[str] = field(default_factory=lambda: ["."])
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    rule_paths: tuple[Path, ...] = ()
    stdin_text: bytes | None = None
    stdin_filename: str = "stdin.md"
    corpus: tuple[str, ...] = ()
    cache: bool = True
    cache_dir: Path | None = None


@dataclass
class FileResult:
    """What one file contributes to a run: its findings and its statements for corpus rules."""

    path: str
    findings: list[Finding]
    statements: dict[str, list] = field(default_factory=dict)
    suppressions: list = field(default_factory=list)
    context: bool = False


@dataclass
class Report:
    """The outcome of a run, ready for a formatter."""

    findings: list[Finding]
    files: int
    problems: list[Problem]
    rules: list[Rule]
    baselined: int = 0
    texts: dict[str, FileText] = field(default_factory=dict)

    @property
    def has_errors(self) -> bool:
        return any(p.level == "error" for p in self.problems)


def rule_pack_paths(config: Config, extra: tuple[Path, ...] = ()) -> list[Path]:
    paths = [default_pack_dir()] if config.default_pack else []
    return paths + list(config.packs) + list(extra)


def load_rules(config: Config, extra: tuple[Path, ...] = ()) -> list[Rule]:
    return load_packs(rule_pack_paths(config, extra))


def analyze_file(file_text: FileText, pairs: list[tuple[Rule, str]]) -> FileResult:
    """Parse one file and run its per-document rules; collect what corpus rules need from it."""
    doc = parse(file_text.path, file_text.text)
    statements = {
        rule.id: rule.impl.extract(doc)
        for rule, _ in pairs
        if rule.impl.CORPUS
    }
    suppressions = regions_of(doc) if statements else []
    return FileResult(file_text.path, check_document(doc, pairs), statements, suppressions)


def run_corpus(results: list[FileResult], selection: Selection, config: Config) -> list[Finding]:
    """Cross-article findings over every file's statements (see `ketalint.corpus.runner`)."""
    return corpus_runner.run(results, selection, config)


def analyze_context(config: Config, options: CheckOptions, selection: Selection, named: list[FileResult], cache) -> tuple[list[FileResult], list[Problem]]:
    """The rest of the site (`corpus:`, `--corpus`): read for corpus rules, its own findings not reported."""
    paths, problems = context_paths(config, options.corpus, [r.path for r in named])
    max_bytes = int(config.max_file_size_mb * 1_000_000)
    results = []
    for path in paths:
        file_text, file_problems = read_article(path, max_bytes)
        problems.extend(file_problems)
        if file_text is not None:
            pairs = selection.for_path(relative_to_root(path, config))
            result = analyze_cached(file_text, pairs, cache, analyze_file)
            result.context = True
            results.append(result)
    return results, problems


def run_check(config: Config, options: CheckOptions, rules: list[Rule] | None = None) -> Report:
    """Lint the files named by `options` (or standard input) under `config`."""
    rules = load_rules(config, options.rule_paths) if rules is None else rules
    selection = Selection(rules, config, options.select, options.ignore)
    problems: list[Problem] = []
    texts: dict[str, FileText] = {}
    if options.stdin_text is not None:
        sources = [decode(options.stdin_filename, options.stdin_text)]
    else:
        paths, problems = discover(options.paths, config)
        max_bytes = int(config.max_file_size_mb * 1_000_000)
        sources = (read_article(path, max_bytes) for path in paths)
    cache = open_cache(config, options.cache, options.cache_dir)
    results: list[FileResult] = []
    for file_text, file_problems in sources:
        problems.extend(file_problems)
        if file_text is None:
            continue
        texts[file_text.path] = file_text
        pairs = selection.for_path(relative_to_root(file_text.path, config))
        results.append(analyze_cached(file_text, pairs, cache, analyze_file))
    if any(rule.impl.CORPUS for rule in rules):
        context, context_problems = analyze_context(config, options, selection, results, cache)
        problems.extend(context_problems)
        results.extend(context)
    corpus_findings = run_corpus(results, selection, config)
    findings = [f for result in results if not result.context for f in result.findings]
    findings.extend(corpus_findings)
    return Report(sort_findings(findings), len(texts), problems, rules, texts=texts)
