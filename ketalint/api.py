"""The one orchestrator: configuration + rules + files → a report. The CLI only prints it.

A run has two passes. `analyze_file` is pure per-file work (parse, per-document rules, and the
statements that cross-article rules extract); it is what a cache can skip and what worker
processes can share out. `run_corpus` then compares statements across the whole site.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from ketalint.cache import analyze_cached, open_cache
from ketalint.config import Config
from ketalint.corpus import runner as corpus_runner
from ketalint.corpus.runner import regions_of
from ketalint.corpus.site import context_paths
from ketalint.document import parse
from ketalint.engine import check_document, sort_findings
from ketalint.files import FileText, Problem, ReadAhead, decode, discover, relative_to_root, run_directory, same_file_key
from ketalint.finding import Finding
from ketalint.packs import Rule, default_pack_dir, load_packs
from ketalint.parallel import default_jobs, iter_in_order, jobs_of_run
from ketalint.selection import Selection


class CheckOptions:
    """What the command line adds to the configuration for one run."""

    __slots__ = (
        "paths", "select", "ignore", "rule_paths", "stdin_text", "stdin_filename", "corpus", "cache",
        "cache_dir", "jobs", "keep_texts", "progress",
    )

    def __init__(
        self,
        paths: list[str] | None = None,
        select: tuple[str, ...] = (),
        ignore: tuple[str, ...] = (),
        rule_paths: tuple[Path, ...] = (),
        stdin_text: bytes | None = None,
        stdin_filename: str = "stdin.md",
        corpus: tuple[str, ...] = (),
        cache: bool = True,
        cache_dir: Path | None = None,
        jobs: int = 0,
        keep_texts: bool = True,
        progress: Callable[[int, int], None] | None = None,
    ):
        self.paths = ["."] if paths is None else paths
        self.select = select
        self.ignore = ignore
        self.rule_paths = rule_paths
        self.stdin_text = stdin_text
        self.stdin_filename = stdin_filename
        self.corpus = corpus
        self.cache = cache
        self.cache_dir = cache_dir
        self.jobs = jobs
        self.keep_texts = keep_texts  # the report keeps each file's text (excerpts, --fix); JSON output needs none
        self.progress = progress  # called with (files done, files in all)


class FileResult:
    """What one file contributes to a run: its findings and its statements for corpus rules."""

    __slots__ = ("path", "findings", "statements", "suppressions", "context", "read_as")

    def __init__(
        self,
        path: str,
        findings: list[Finding],
        statements: dict[str, list] | None = None,
        suppressions: list | None = None,
        context: bool = False,
        read_as: tuple[int, int, str] | None = None,
    ):
        self.path = path
        self.findings = findings
        self.statements = {} if statements is None else statements
        self.suppressions = [] if suppressions is None else suppressions
        self.context = context
        self.read_as = read_as  # (size, mtime_ns, digest) of the file analysed, stat taken before reading

    def __reduce__(self):
        """Sent back from a forked worker by pickle."""
        return FileResult, (self.path, self.findings, self.statements, self.suppressions, self.context, self.read_as)


class Report:
    """The outcome of a run, ready for a formatter."""

    __slots__ = ("findings", "files", "problems", "rules", "baselined", "texts")

    def __init__(
        self,
        findings: list[Finding],
        files: int,
        problems: list[Problem],
        rules: list[Rule],
        baselined: int = 0,
        texts: dict[str, FileText] | None = None,
    ):
        self.findings = findings
        self.files = files
        self.problems = problems
        self.rules = rules
        self.baselined = baselined
        self.texts = {} if texts is None else texts

    @property
    def has_errors(self) -> bool:
        return any(p.level == "error" for p in self.problems)


def rule_pack_paths(config: Config, extra: tuple[Path, ...] = ()) -> list[Path]:
    paths = [default_pack_dir()] if config.default_pack else []
    return paths + list(config.packs) + list(extra)


def load_rules(config: Config, extra: tuple[Path, ...] = (), snapshot_dir: Path | None = None) -> list[Rule]:
    """The rules of a run; with `snapshot_dir`, from a rule-set snapshot when one is current."""
    from ketalint.collector import rules_loaded

    paths = rule_pack_paths(config, extra)
    if snapshot_dir is None:
        rules = load_packs(paths)
    else:
        from ketalint.snapshot import load_rules_with_snapshot

        rules = load_rules_with_snapshot(paths, snapshot_dir)
    rules_loaded()
    return rules


def analyze_file(file_text: FileText, pairs: list[tuple[Rule, str]]) -> FileResult:
    """Parse one file and run its per-document rules; collect what corpus rules need from it."""
    doc = parse(file_text.path, file_text.text)
    corpus_rules = [rule for rule, _ in pairs if rule.impl.CORPUS]
    suppressions = regions_of(doc) if corpus_rules else []
    # Only rules with statements are kept: a warm run over a large site holds every file's
    # result, and an empty list per file and rule came to megabytes.
    statements = {}
    for rule in corpus_rules:
        found = rule.impl.extract_packed(doc, file_text.digest) if rule.impl.PACKED else rule.impl.statements(doc)
        if found:
            statements[rule.id] = found
    findings = check_document(doc, pairs)
    doc.release()
    return FileResult(file_text.path, findings, statements, suppressions)


def run_corpus(results: list[FileResult], selection: Selection, config: Config, site: bool = False) -> list[Finding]:
    """Cross-article findings over every file's statements (see `ketalint.corpus.runner`);
    `site` when a corpus is configured or given, so the site may be larger than the named files."""
    return corpus_runner.run(results, selection, config, site)


def analyze_context(config: Config, options: CheckOptions, selection: Selection, named: list[FileResult], cache) -> tuple[list[FileResult], list[Problem]]:
    """The rest of the site (`corpus:`, `--corpus`): read for corpus rules, its own findings not reported.

    With a cache, only the statements that can conflict with those of the named files are read,
    from the site store (see `ketalint.corpus.store`); files changed since they were filed are
    analysed again first."""
    paths, problems = context_paths(config, options.corpus, [r.path for r in named])
    if cache is not None and paths:
        from ketalint.corpus.store import StoreError, open_store

        try:
            store = open_store(cache.root)
        except StoreError:
            store = None
        if store is not None:
            try:
                return _context_from_store(store, paths, problems, config, options, selection, named, cache)
            except StoreError:
                pass
            finally:
                store.close()
    results = []
    for _, file_problems, result in _analyze_paths(paths, config, options, selection, cache):
        problems.extend(file_problems)
        if result is not None:
            result.context = True
            results.append(result)
    return results, problems


def _context_from_store(store, paths, problems, config, options, selection, named, cache):
    filed = store.files()
    stale = []
    listed = {same_file_key(r.path) for r in named}
    for path in paths:
        absolute = same_file_key(path)
        listed.add(absolute)
        record = filed.get(absolute)
        if record is not None:
            stat = _stat(path)
            if stat is not None and record.unchanged(stat):
                pairs = selection.for_path(relative_to_root(path, config))
                if cache.key(absolute, record.digest, pairs) == record.entry:
                    continue
        stale.append(path)
    store.forget([path for path in filed if path not in listed and not os.path.lexists(path)])
    by_id = {rule.id: rule for rule in selection.rules if rule.impl.CORPUS}

    def lookups(rule_id, statement):
        return by_id[rule_id].impl.lookups(statement)

    # Filed a batch at a time, so that the first such run in a large site, which files every
    # article, does not hold them all.
    batch: list = []
    for _, file_problems, result in _analyze_paths(stale, config, options, selection, cache, keep_matches=True):
        problems.extend(file_problems)
        if result is not None:
            batch.append(result)
        if len(batch) == _FILING_BATCH:
            store.file(_filings(batch, selection, config, cache), lookups)
            batch = []
    store.file(_filings([*batch, *named], selection, config, cache), lookups)
    return _fetch_context(store, paths, named, by_id), problems


_FILING_BATCH = 200


def _filings(results: list[FileResult], selection, config, cache) -> list[tuple]:
    out = []
    for result in results:
        if result.read_as is not None:
            size, mtime_ns, digest = result.read_as
            absolute = same_file_key(result.path)
            entry = cache.key(absolute, digest, selection.for_path(relative_to_root(result.path, config)))
            out.append((absolute, size, mtime_ns, digest, entry, result.statements))
    return out


def _fetch_context(store, paths: list[str], named: list[FileResult], rules: dict) -> list[FileResult]:
    """Context results holding only the statements that can conflict with the named files' own,
    in the order a run reading every file would hold them."""
    from ketalint.corpus.statement import stored_statement

    order = {same_file_key(p): i for i, p in enumerate(paths)}
    rows: dict[int, dict[str, list]] = {}
    for rule_id, rule in rules.items():
        own = [s for r in named for s in r.statements.get(rule_id, ())]
        if not own:
            continue
        keys = rule.impl.relevant_keys(own, lambda lookups, rule_id=rule_id: store.keys(rule_id, lookups))
        for row in store.fetch(rule_id, keys):
            index = order.get(row[0])
            if index is not None:
                rows.setdefault(index, {}).setdefault(rule_id, []).append(row)
    results = []
    for index in sorted(rows):
        path = paths[index]
        statements = {rule_id: [stored_statement(path, row) for row in sorted(items, key=lambda row: row[1])] for rule_id, items in rows[index].items()}
        results.append(FileResult(path, [], statements, context=True))
    return results


def _pack(result: FileResult, pairs, file_text: FileText, keep_matches: bool) -> None:
    """Statements of rules that keep them packed until the corpus pass (see `ketalint.corpus.packed`),
    with their matched texts left to be read back from the file unless `keep_matches`, and
    taken from its text where a cached result left them behind."""
    for rule, _ in pairs:
        items = result.statements.get(rule.id)
        if items and rule.impl.PACKED:
            from ketalint.corpus.packed import PackedStatements

            if isinstance(items, list):  # a cached result's list
                items = result.statements[rule.id] = PackedStatements.pack(result.path, items)
            if not isinstance(items, PackedStatements):
                continue
            if not keep_matches and items.matches is not None:
                result.statements[rule.id] = items.without_matches(file_text.digest)
            elif keep_matches and items.matches is None:
                result.statements[rule.id] = items.with_matches(file_text.text)


def _stat(path: str) -> os.stat_result | None:
    try:
        return os.stat(path)
    except OSError:
        return None


def _analyze_paths(paths: list[str], config: Config, options: CheckOptions, selection: Selection, cache, keep_matches: bool = False):
    """(file text, problems, result) for each path, in order, over `options.jobs` processes.

    Packed statements come back without their matched texts unless `keep_matches` (see
    `ketalint.corpus.packed`): results held until the corpus pass need them only for the
    few statements a rule reports."""
    from ketalint.rules.scan import expect_documents

    max_bytes = int(config.max_file_size_mb * 1_000_000)
    expect_documents(len(paths))

    read_ahead = ReadAhead(max_bytes)

    def read_and_analyze(path: str):
        file_text, file_problems, stat = read_ahead.article(path)
        if file_text is None:
            return None, file_problems, None
        pairs = selection.for_path(relative_to_root(path, config))
        result = analyze_cached(file_text, pairs, cache, analyze_file)
        _pack(result, pairs, file_text, keep_matches)
        if stat is not None:
            result.read_as = (stat.st_size, stat.st_mtime_ns, file_text.digest)
        if not options.keep_texts:
            file_text = file_text.replace(text="")  # neither kept nor sent back from a worker
        return file_text, file_problems, result

    done = [0]

    def tick() -> None:
        done[0] += 1
        options.progress(done[0], len(paths))

    flush = None if cache is None else cache.flush
    shared = sorted({name for rule in selection.rules for name in rule.impl.SHARED_MODULES})
    return iter_in_order(read_and_analyze, paths, options.jobs or default_jobs(), tick if options.progress else None, flush,
                         lambda: _load_modules(shared), read_ahead.read)


def _load_modules(names: list[str]) -> None:
    """Load modules the rules' work needs in every worker, before the workers are forked."""
    import importlib

    for name in names:
        try:
            importlib.import_module(name)
        except ImportError:  # pragma: no cover - a worker that needs it reports the error itself
            pass


def run_check(config: Config, options: CheckOptions, rules: list[Rule] | None = None) -> Report:
    """Lint the files named by `options` (or standard input) under `config`."""
    cache = open_cache(config, options.cache, options.cache_dir)
    try:
        with jobs_of_run(options.jobs), run_directory():
            return _run_check(config, options, rules, cache)
    finally:
        if cache is not None:
            cache.close()


def _run_check(config: Config, options: CheckOptions, rules: list[Rule] | None, cache) -> Report:
    if rules is None:
        rules = load_rules(config, options.rule_paths, cache.root if cache else None)
    selection = Selection(rules, config, options.select, options.ignore)
    problems: list[Problem] = []
    texts: dict[str, FileText] = {}
    if options.stdin_text is not None:
        file_text, problems = decode(options.stdin_filename, options.stdin_text)
        pairs = selection.for_path(relative_to_root(options.stdin_filename, config))
        analyzed = []
        if file_text is not None:
            result = analyze_cached(file_text, pairs, cache, analyze_file)
            _pack(result, pairs, file_text, keep_matches=True)  # standard input cannot be read again
            analyzed.append((file_text, [], result))
    else:
        paths, problems = discover(options.paths, config)
        analyzed = _analyze_paths(paths, config, options, selection, cache)
    results: list[FileResult] = []
    for file_text, file_problems, result in analyzed:
        problems.extend(file_problems)
        if result is not None:
            texts[file_text.path] = file_text
            results.append(result)
    if any(rule.impl.CORPUS and selection.is_selected(rule.id) for rule in rules):
        context, context_problems = analyze_context(config, options, selection, results, cache)
        problems.extend(context_problems)
        results.extend(context)
    corpus_findings = run_corpus(results, selection, config, bool(config.corpus or options.corpus))
    if cache is not None and options.stdin_text is None and any(os.path.isdir(p) for p in options.paths):
        # A run over folders sees the site as it is: the moment to drop entries of files gone from it.
        cache.flush()
        cache.forget_missing({same_file_key(p) for p in paths} | {same_file_key(r.path) for r in results})
    findings = [f for result in results if not result.context for f in result.findings]
    findings.extend(corpus_findings)
    return Report(sort_findings(findings), len(texts), problems, rules, texts=texts)
