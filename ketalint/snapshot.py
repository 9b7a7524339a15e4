"""A snapshot of a validated rule set, so that start-up skips YAML, validation and regex parsing.

Loading the default pack means parsing YAML, validating every rule and compiling and analysing
hundreds of patterns: most of a one-article run. The validated specs and each pattern's
prefilter facts (literals and condition) and compiled programs are written once to
`<cache dir>/rules/<key>.marshal`, keyed by the ketalint version, the installed code and PyYAML,
the interpreter and every pack file's size and modification time; rules built from a snapshot
build their patterns lazily from the stored programs (see `ketalint.lazyregex`).

The file is `marshal` of plain values only (str, int, float, bool, None, bytes, lists, tuples,
dicts): it loads several times faster than JSON and keeps option values exactly as YAML gave them
(integer keys, tuples). Unlike pickle it cannot make ketalint run code (see `ketalint.storage`).
The programs' code, six megabytes for the default pack, lies beside it in
`<cache dir>/rules/code-<digest>.bin`, named by its content, and is mapped into memory rather
than read: copying it in and unmarshalling it took a one-article run about 3.5 ms, though that
run compiles only the patterns it meets, and forked workers share the mapped pages. A snapshot
that is missing or unreadable, or whose code file is missing or of the wrong size, is simply
rebuilt. A rebuild after an edit takes back the programs and facts of every unchanged pattern
from the newest snapshot the same code made (see `_offer_previous`).
"""

from __future__ import annotations

import array
import marshal
import os
from pathlib import Path

from ketalint import __version__
from ketalint.foldregex import folded_program, offer_programs as offer_folded, remember_programs
from ketalint.lazyregex import export_program, interned, offer_programs, program_format, seed_program
from ketalint.packs import Rule, build, load_packs, offer_valid_regexes, pack_files, regexes_of
from ketalint.prefilter import known_literals, literals_of, offer_literals, remember_literals
from ketalint.rules.scan import answer_rows_state, numbered_sets_state, plan_state, remember_plans, table_state
from ketalint.rules.base import Reference, RuleSpec
from ketalint.storage import blake2b, keep_newest, plain, write_atomic

FORMAT = 18  # 18: programs bounded to one sentence (`ketalint.sentencebound`)


_used: list[Path] = []


def load_rules_with_snapshot(paths: list[Path], folder: Path) -> list[Rule]:
    """The rules of `paths`, from a snapshot under `folder` when one matches them."""
    try:
        key = _key(paths)
    except OSError:
        return load_packs(paths)
    target = folder / "rules" / f"{key}.marshal"
    rules = _read(target)
    if rules is not None:
        _used.append(target)
        return rules
    offered = _offer_previous(target.parent)
    try:
        rules = load_packs(paths)
        _write(target, rules)
    finally:
        if offered:
            _withdraw_offers()
    return rules


def used_snapshot() -> bool:
    """Whether this process built its rules from a snapshot (rather than from the YAML)."""
    return bool(_used)


def _maker() -> str:
    """What a snapshot's programs and prefilter facts depend on besides their patterns: the
    ketalint code that analysed and compiled them, and the interpreter's regex engine."""
    from ketalint.cache import code_stamp

    return repr((FORMAT, __version__, code_stamp(), program_format()))


_OFFERED_FROM = 2  # the newest snapshots read for work to offer (see `_offer_previous`)


def _offer_previous(folder: Path) -> bool:
    """On a miss, the compiled programs and prefilter facts of the newest snapshot made by this
    same code and interpreter, offered to the patterns about to be compiled; whether any were.

    A miss mostly follows an edit to one rule pack, and a rule set then differs from the last
    one by a few patterns: taking back the work done for every unchanged pattern (each taken
    only by the very pattern and flags it was made from) cuts the rebuild of the default pack
    from over a second to a few tenths. Validation is not skipped: every rule file is still read
    and checked, and every pattern is still built, from its program, into a working regex; only a
    regex the earlier rule set held is not compiled again to learn that it compiles and cannot
    match empty text."""
    try:
        found = sorted(((entry.stat().st_mtime_ns, entry.path) for entry in os.scandir(folder) if _is_snapshot(entry.name)), reverse=True)
    except OSError:
        return False
    maker = _maker()
    for _, path in found[:_OFFERED_FROM]:
        try:
            opened = _opened(Path(path))
            if opened is None or opened[0].get("maker") != maker:
                continue
            literals, programs, folded = _pattern_tables(*opened)
            valid = _valid_regexes(opened[0]["specs"])
        except (ValueError, TypeError, KeyError, AttributeError):
            continue
        offer_literals(literals)
        offer_programs(programs)
        offer_folded(folded)
        offer_valid_regexes(valid)
        return True
    return False


def _valid_regexes(rows: list[dict]) -> set[str]:
    """The regexes of a snapshot's rules: a snapshot is written only once its rules have passed
    validation, each regex among them (see `packs._check_regexes`)."""
    from ketalint import rules as rule_types

    return {pattern for row in rows for _, pattern in regexes_of(row["options"], rule_types.get(row["type"]).OPTIONS)}


def _withdraw_offers() -> None:
    offer_literals({})
    offer_programs({})
    offer_folded({})
    offer_valid_regexes(set())


def _key(paths: list[Path]) -> str:
    from ketalint.cache import code_stamp
    from ketalint.tablecache import yaml_stamp

    files = []
    for path in paths:
        for file in pack_files(path):
            stat = file.stat()
            files.append((str(file.resolve()), stat.st_size, stat.st_mtime_ns))
    text = repr((FORMAT, __version__, code_stamp(), yaml_stamp(), program_format(), files))
    return blake2b(text.encode(), digest_size=16).hexdigest()


def _opened(target: Path) -> tuple[dict, memoryview] | None:
    """(a snapshot's data, its code file mapped); None when either is missing, unreadable or of
    another format."""
    try:
        with open(target, "rb") as handle:
            data = marshal.loads(handle.read())
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            return None
        code = _mapped(target.parent / data["code"][0], data["code"][1])
    except (OSError, ValueError, TypeError, KeyError, EOFError):
        return None
    return None if code is None else (data, code)


def _pattern_tables(data: dict, code: memoryview) -> tuple[dict, dict, dict]:
    """(prefilter facts, programs, folded twins' programs) of a snapshot, by (pattern, flags)
    (the twins' by (pattern, flags, ASCII classes))."""
    return (
        {(p, f): facts for p, f, facts in data["literals"]},
        {(p, f): _located(program, code) for p, f, program in data["programs"]},
        {(p, f, ascii): _located(program, code) if program else None
         for p, f, *programs in data["folded"] for ascii, program in zip((False, True), programs)},
    )


def _read(target: Path) -> list[Rule] | None:
    opened = _opened(target)
    if opened is None:
        return None
    data, code = opened
    try:
        literals, programs, folded = _pattern_tables(data, code)
        remember_literals(literals)
        for (pattern, flags), program in programs.items():
            seed_program(pattern, flags, program)
        remember_programs(folded)
        remember_plans({(p, f): state for p, f, state in data["plans"]}, data["table"], data["sets"], data["answer_rows"])
        specs = [_spec(row) for row in data["specs"]]
        digests = data["digests"]
    except (ValueError, TypeError, KeyError):
        return None
    return [Rule(spec, build(spec, compile_now=False), digest) for spec, digest in zip(specs, digests)]


def _write(target: Path, rules: list[Rule]) -> None:
    for pattern in interned():
        literals_of(pattern.pattern, pattern.flags)
    literals = [
        [p, f, marshal.dumps(plain((sorted(lits) if lits is not None else None, sorted(starts), condition)))]
        for (p, f), (lits, starts, condition) in known_literals().items()
    ]
    code = bytearray()

    def stored(program: tuple) -> tuple:
        flags, raw, groups, groupindex = _pack(program)
        code.extend(raw)
        return flags, (len(code) - len(raw), len(raw)), groups, groupindex

    programs = [(p.pattern, p.flags, stored(prog)) for p in interned() if (prog := export_program(p)) is not None]
    folded = [
        (p.pattern, p.flags, *(stored(prog) if (prog := folded_program(p.pattern, p.flags, ascii)) else None for ascii in (False, True)))
        for p in interned()
    ]
    # Each plan is stored as its own marshal record, read when its pattern is first searched:
    # a one-article run searches about two patterns in three, and the plans are most of the
    # snapshot's objects.
    planned = [p for p in interned() if plan_state(p) is not None]
    # Now that every plan is made: stored with their numbers, read only by a run over many files.
    sets = marshal.dumps(plain(numbered_sets_state()))
    plans = [(p.pattern, p.flags, marshal.dumps(plain(plan_state(p)))) for p in planned]
    answer_rows = marshal.dumps(plain(answer_rows_state()))
    table = table_state()
    code_name = f"code-{blake2b(bytes(code), digest_size=16).hexdigest()}.bin"
    try:
        payload = marshal.dumps(plain(
            {"format": FORMAT, "maker": _maker(), "specs": [_row(r.spec) for r in rules], "digests": [r.digest for r in rules],
             "literals": literals, "programs": programs, "code": (code_name, len(code)),
             "folded": folded, "plans": plans, "table": table, "sets": sets, "answer_rows": answer_rows}
        ))
    except (TypeError, ValueError):
        return  # an option value that is not plain data: load from the YAML every time
    # The code first: a reader that finds the snapshot finds its code.
    write_atomic(target.parent / code_name, bytes(code))
    write_atomic(target, payload)
    keep_newest(target.parent, _is_snapshot, KEPT)
    keep_newest(target.parent, _is_code, KEPT)


KEPT = 6  # rule-set snapshots kept in a cache: a few configurations or pack versions in turn


def _is_snapshot(name: str) -> bool:
    return len(name) == 40 and name.endswith(".marshal") and all(c in "0123456789abcdef" for c in name[:32])


def _is_code(name: str) -> bool:
    return name.startswith("code-") and name.endswith(".bin")


def _mapped(path: Path, size: int) -> memoryview | None:
    """The code file mapped read-only (read, where the file system cannot map it), None unless
    it has `size` bytes."""
    try:
        with open(path, "rb") as handle:
            if os.fstat(handle.fileno()).st_size != size:
                return None
            if size == 0:
                return memoryview(b"")
            import mmap

            try:
                return memoryview(mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ))
            except (OSError, ValueError):
                data = handle.read()
                return memoryview(data) if len(data) == size else None
    except (OSError, ValueError):
        return None


def _located(program: tuple, code: memoryview) -> tuple:
    """A stored program with its code's (offset, length) in the code file replaced by that span."""
    flags, (at, length), groups, groupindex = program
    return flags, code[at:at + length], groups, groupindex


def _pack(program: tuple) -> tuple:
    """A program with its code as bytes (a stored program's code is bytes or a span of the mapped
    code file already); `ketalint.lazyregex` reads them back when it compiles."""
    flags, code, groups, groupindex = program
    raw = bytes(code) if isinstance(code, (bytes, memoryview)) else array.array("I", code).tobytes()
    return (flags, raw, groups, groupindex)


def _row(spec: RuleSpec) -> dict:
    row = {name: getattr(spec, name) for name in RuleSpec.__slots__}
    row["references"] = [(r.title, r.url, r.pmid, r.doi) for r in spec.references]
    return row


def _spec(row: dict) -> RuleSpec:
    row = dict(row)
    row["references"] = tuple(Reference(*ref) for ref in row["references"])
    for name in ("scope", "supersedes", "flag_examples", "pass_examples"):
        row[name] = tuple(row[name])
    return RuleSpec(**row)
