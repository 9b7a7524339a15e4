from __future__ import annotations

import marshal
import os
import re

import pytest

import ketalint.packs as ketalint_packs
import ketalint.snapshot as snapshot
from ketalint.errors import RuleFileError
from ketalint.rules.literals import indexes

PACK = """pack: house
rules:
  - id: house.miracle
    type: phrase
    category: overclaim
    severity: warning
    message: "'{match}' is hype"
    phrases: ["miracle cure"]
    examples: {flag: ["A miracle cure."], pass: ["No cure."]}
"""


def _write_pack(folder, text=PACK):
    folder.mkdir(exist_ok=True)
    (folder / "house.yaml").write_text(text, encoding="utf-8")
    return folder


def test_second_load_comes_from_the_snapshot_without_reading_yaml(tmp_path, monkeypatch):
    packs = _write_pack(tmp_path / "packs")
    first = snapshot.load_rules_with_snapshot([packs], tmp_path / "cache")
    assert list((tmp_path / "cache" / "rules").glob("*.marshal"))

    def no_yaml(paths):
        raise AssertionError("the YAML was read again")

    monkeypatch.setattr(snapshot, "load_packs", no_yaml)
    second = snapshot.load_rules_with_snapshot([packs], tmp_path / "cache")
    assert [r.spec for r in second] == [r.spec for r in first]
    assert second[0].impl.regex.search("our miracle  cure")


def test_an_edited_pack_is_read_again(tmp_path):
    packs = _write_pack(tmp_path / "packs")
    snapshot.load_rules_with_snapshot([packs], tmp_path / "cache")
    edited = PACK.replace("miracle cure", "wonder drug").replace("A miracle cure.", "A wonder drug.")
    path = _write_pack(packs, edited) / "house.yaml"
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 5_000_000_000))
    rules = snapshot.load_rules_with_snapshot([packs], tmp_path / "cache")
    assert rules[0].impl.regex.search("a wonder drug")


def test_a_corrupted_snapshot_is_rebuilt(tmp_path):
    packs = _write_pack(tmp_path / "packs")
    snapshot.load_rules_with_snapshot([packs], tmp_path / "cache")
    (target,) = (tmp_path / "cache" / "rules").glob("*.marshal")
    target.write_bytes(b"{not marshal")
    rules = snapshot.load_rules_with_snapshot([packs], tmp_path / "cache")
    assert [r.id for r in rules] == ["house.miracle"]
    assert marshal.loads(target.read_bytes())["format"] == snapshot.FORMAT


def test_a_broken_pack_is_still_an_error_with_its_line(tmp_path):
    packs = _write_pack(tmp_path / "packs", PACK.replace('phrases: ["miracle cure"]', "patterns: ['(unclosed']"))
    with pytest.raises(RuleFileError) as info:
        snapshot.load_rules_with_snapshot([packs], tmp_path / "cache")
    assert info.value.line is not None
    assert not list((tmp_path / "cache").rglob("*.marshal"))


def test_option_values_come_back_exactly_as_yaml_gave_them(tmp_path):
    """Integer keys stay integers and nested mappings stay mappings (JSON would turn 1 into "1")."""
    from ketalint.snapshot import _row, _spec
    from ketalint.storage import plain
    from ketalint.rules.base import Reference, RuleSpec

    spec = RuleSpec(
        id="house.x", type="phrase", category="style", severity="info", message="m",
        references=(Reference("t", "https://example.org"),), scope=("body",),
        options={"phrases": ["a"], "table": {1: "one", "nested": {"k": [1.5, True, None]}}},
    )
    assert _spec(marshal.loads(marshal.dumps(plain(_row(spec))))) == spec


def test_a_value_that_is_not_plain_data_is_never_written(tmp_path):
    import datetime

    from ketalint.storage import plain

    with pytest.raises(TypeError):
        plain({"when": datetime.date(2024, 1, 1)})


def test_a_truncated_snapshot_is_rebuilt(tmp_path):
    packs = _write_pack(tmp_path / "packs")
    snapshot.load_rules_with_snapshot([packs], tmp_path / "cache")
    (target,) = (tmp_path / "cache" / "rules").glob("*.marshal")
    target.write_bytes(target.read_bytes()[:100])
    rules = snapshot.load_rules_with_snapshot([packs], tmp_path / "cache")
    assert [r.id for r in rules] == ["house.miracle"]
    assert rules[0].impl.regex.search("a miracle cure")


def test_the_programs_code_is_read_from_the_code_file_beside_the_snapshot(tmp_path, monkeypatch):
    import re

    packs = _write_pack(tmp_path / "packs")
    snapshot.load_rules_with_snapshot([packs], tmp_path / "cache")
    (code_file,) = (tmp_path / "cache" / "rules").glob("code-*.bin")
    (target,) = (tmp_path / "cache" / "rules").glob("*.marshal")
    assert tuple(marshal.loads(target.read_bytes())["code"]) == (code_file.name, code_file.stat().st_size)

    monkeypatch.setattr(snapshot, "load_packs", lambda paths: pytest.fail("the YAML was read again"))
    monkeypatch.setattr("ketalint.lazyregex._INTERNED", {})
    (rule,) = snapshot.load_rules_with_snapshot([packs], tmp_path / "cache")
    assert isinstance(rule.impl.regex.program[1], memoryview)
    monkeypatch.setattr(re, "compile", lambda *args: pytest.fail("compiled from source"))
    assert rule.impl.regex.search("our miracle  cure").group() == "miracle  cure"


@pytest.mark.parametrize("damage", ["missing", "truncated"])
def test_a_snapshot_whose_code_file_is_missing_or_truncated_is_rebuilt(tmp_path, damage):
    packs = _write_pack(tmp_path / "packs")
    snapshot.load_rules_with_snapshot([packs], tmp_path / "cache")
    (code_file,) = (tmp_path / "cache" / "rules").glob("code-*.bin")
    whole = code_file.read_bytes()
    if damage == "missing":
        code_file.unlink()
    else:
        code_file.write_bytes(whole[: len(whole) // 2])
    rules = snapshot.load_rules_with_snapshot([packs], tmp_path / "cache")
    assert rules[0].impl.regex.search("a miracle cure")
    assert code_file.read_bytes() == whole


def test_temporary_files_are_new_and_private(tmp_path):
    from ketalint.storage import temporary_file

    made = [temporary_file(tmp_path, ".x-", ".tmp") for _ in range(20)]
    for fd, _ in made:
        os.close(fd)
    paths = [path for _, path in made]
    assert len(set(paths)) == 20
    assert all(os.path.basename(p).startswith(".x-") and p.endswith(".tmp") for p in paths)
    assert all(os.stat(p).st_mode & 0o777 == 0o600 for p in paths)


BRANCHED_PACK = PACK.replace(
    'phrases: ["miracle cure"]', "patterns: ['\\bmiracle\\s+(?:quick\\s+)?cure\\b|\\bwonder\\s+drug\\b']"
).replace('pass: ["No cure."]', 'pass: ["No cure.", "A wonder, not a drug."]')


def test_prefilter_conditions_come_back_from_the_snapshot(tmp_path, monkeypatch):
    from ketalint import prefilter

    packs = _write_pack(tmp_path / "packs", BRANCHED_PACK)
    (rule,) = snapshot.load_rules_with_snapshot([packs], tmp_path / "cache")
    pattern = rule.impl.regex
    expected = prefilter.analyse(pattern.pattern, pattern.flags)
    assert expected[2] is not None  # two alternatives of two words each

    monkeypatch.setattr(prefilter, "_KNOWN", {})
    monkeypatch.setattr(prefilter, "analyse", lambda *args: pytest.fail("analysed again"))
    snapshot.load_rules_with_snapshot([packs], tmp_path / "cache")
    assert prefilter.facts_of(pattern.pattern, pattern.flags) == expected


def test_plans_come_back_from_the_snapshot_and_find_the_same_sentences(tmp_path, monkeypatch):
    from ketalint.document import parse
    from ketalint.prefilter import Prefilter
    from ketalint.rules import literals, scan

    packs = _write_pack(tmp_path / "packs", BRANCHED_PACK)
    (rule,) = snapshot.load_rules_with_snapshot([packs], tmp_path / "cache")
    pattern = rule.impl.regex
    made = literals.Plan(Prefilter.of(pattern))

    monkeypatch.setattr(scan, "_STORED_PLANS", {})
    snapshot.load_rules_with_snapshot([packs], tmp_path / "cache")
    stored = scan._STORED_PLANS[(pattern.pattern, pattern.flags)]
    # Read only when the pattern is first searched; stored with its sets' numbers across the pack.
    assert marshal.loads(stored)[:7] == made.state()[:7]
    assert marshal.loads(stored)[7] is not None
    monkeypatch.setattr(literals.Plan, "__init__", lambda *args: pytest.fail("planned again"))
    restored = scan._plan(Prefilter.of(pattern))
    doc = parse("a.md", "A wonder drug. Nothing here. A miracle quick cure! A drug, a wonder. Miracle cure.\n")
    found = scan._document_literals(doc)
    assert _sentences(restored, found) == _sentences(made, found) == [0, 2, 3, 4]  # both words, in any order


def test_spec_digests_come_back_from_the_snapshot_as_they_would_be_worked_out(tmp_path, monkeypatch):
    from ketalint import packs as packs_module

    packs = _write_pack(tmp_path / "packs")
    fresh = snapshot.load_rules_with_snapshot([packs], tmp_path / "cache")
    worked_out = fresh[0].digest

    def no_digest(spec):
        raise AssertionError("the digest was worked out again")

    monkeypatch.setattr(packs_module, "spec_digest", no_digest)
    stored = snapshot.load_rules_with_snapshot([packs], tmp_path / "cache")
    assert stored[0].known_digest and stored[0].digest == worked_out
    monkeypatch.undo()
    edited = snapshot.load_rules_with_snapshot([_write_pack(tmp_path / "packs", PACK.replace("is hype", "is a claim"))], tmp_path / "cache")
    assert edited[0].digest != worked_out


def test_the_snapshot_table_holds_every_stored_plan_literal_and_head(tmp_path, monkeypatch):
    """A plan read from a snapshot does not add its literals to the literal table when the table
    came from the same snapshot (`scan._plan`): that is sound only while the table holds them."""
    from ketalint.packs import default_pack_dir
    from ketalint.rules import scan

    snapshot.load_rules_with_snapshot([default_pack_dir()], tmp_path / "cache")
    monkeypatch.setattr(scan, "_STORED_PLANS", {})
    monkeypatch.setattr(scan, "_STORED_TABLE", [])
    snapshot.load_rules_with_snapshot([default_pack_dir()], tmp_path / "cache")
    (table,) = scan._STORED_TABLE
    known, heads_known = set(table[0]), {tuple(head) for head in table[3]}
    assert len(scan._STORED_PLANS) > 200
    for stored in scan._STORED_PLANS.values():
        state = marshal.loads(stored) if isinstance(stored, bytes) else stored
        heads = dict(state[0])
        assert set(heads) <= known
        assert {tuple(head) for head in heads.values() if head is not None} <= heads_known


@pytest.mark.parametrize("documents", [1, 500])
def test_a_process_that_expects_many_documents_takes_the_numbering_of_the_snapshots_plans(tmp_path, monkeypatch, documents):
    """Over many documents, the snapshot's numbering is taken and every document is answered
    from the numbered sets; a run over one article neither reads it nor numbers anything."""
    from ketalint.document import parse
    from ketalint.prefilter import Prefilter
    from ketalint.rules import literals, scan

    packs = _write_pack(tmp_path / "packs", BRANCHED_PACK)
    (rule,) = snapshot.load_rules_with_snapshot([packs], tmp_path / "cache")
    pattern = rule.impl.regex
    # As in a new process: nothing planned, primed or numbered yet.
    fresh = literals.PlanSets()
    for module in (literals, scan):
        monkeypatch.setattr(module, "SETS", fresh)
    for name, empty in (("_PLANS", {}), ("_PRIMED", []), ("_STORED_PLANS", {}), ("_STORED_SETS", []),
                        ("_STORED_TABLE", []), ("_TABLE_FROM_SNAPSHOT", []), ("_STORED_ROWS", []), ("_ANSWERS", []), ("_ANSWER_ALL", [])):
        monkeypatch.setattr(scan, name, empty)
    snapshot.load_rules_with_snapshot([packs], tmp_path / "cache")
    scan.expect_documents(documents)

    doc = parse("a.md", "A wonder drug. Nothing here. A miracle quick cure! A drug, a wonder. Miracle cure.\n")
    found = [s.index for s in scan.candidate_sentences(doc, pattern)]
    plan = scan._PLANS[scan._prefilter(pattern)]
    many = documents > 1
    assert (fresh.indexed, fresh.taken is not None, plan.needs is not None) == (1, many, many)
    # Over many documents the plan is answered by `answers`, compiled for the numbering taken.
    assert (plan.slot is not None, scan._document_literals(doc).answers is not None) == (many, many)
    if many:
        assert plan.needs <= scan._document_literals(doc).covered  # answered from the numbered sets
    made = literals.Plan(Prefilter.of(pattern))  # planned anew, it answers alone
    assert made.needs is None
    assert found == _sentences(made, scan._document_literals(doc)) == [0, 2, 3, 4]


def test_a_numbering_extended_after_it_was_taken_is_stored_under_a_name_of_its_own():
    from ketalint.rules import literals

    sets = literals.PlanSets()
    sets.restore(("stored", 3, (("ketamine", ((0,), ())),)))
    assert (sets.size, sets.taken, sets.token()) == (3, "stored", "stored")
    plan = literals.Plan.__new__(literals.Plan)
    plan._heads, plan._sets_of, plan._by_first, plan._later_others = {"heat": None}, {"heat": (0,)}, ((0, ()),), {}
    plan._set_count, plan._first_others = 1, ()
    sets.enlist(plan)
    sets.number_waiting()
    assert (plan.needs, sets.size, sets.taken) == (4, 4, "stored")  # numbered after the stored sets
    assert sets.token() != "stored"
    assert sets.state()[0] == sets.token()


def test_a_code_file_that_cannot_be_mapped_is_read(tmp_path, monkeypatch):
    import mmap

    packs = _write_pack(tmp_path / "packs")
    snapshot.load_rules_with_snapshot([packs], tmp_path / "cache")

    def refuse(*args, **kwargs):
        raise OSError("no mapping on this file system")

    monkeypatch.setattr(mmap, "mmap", refuse)
    monkeypatch.setattr(snapshot, "load_packs", lambda paths: pytest.fail("the YAML was read again"))
    monkeypatch.setattr("ketalint.lazyregex._INTERNED", {})
    (rule,) = snapshot.load_rules_with_snapshot([packs], tmp_path / "cache")
    assert rule.impl.regex.search("a miracle cure")


def test_a_pack_edited_again_and_again_leaves_only_the_newest_snapshots(tmp_path):
    packs = _write_pack(tmp_path / "packs")
    path = packs / "house.yaml"
    for i in range(snapshot.KEPT + 3):
        edited = PACK.replace("miracle cure", f"miracle cure {i}").replace("A miracle cure.", f"A miracle cure {i}.")
        path.write_text(edited, encoding="utf-8")
        os.utime(path, ns=(path.stat().st_atime_ns, 10**18 + i * 10**9))
        (rule,) = snapshot.load_rules_with_snapshot([packs], tmp_path / "cache")
        assert rule.impl.regex.search(f"a miracle cure {i}")
    rules = tmp_path / "cache" / "rules"
    assert len([p for p in rules.iterdir() if snapshot._is_snapshot(p.name)]) == snapshot.KEPT
    assert len([p for p in rules.iterdir() if snapshot._is_code(p.name)]) == snapshot.KEPT
    (rule,) = snapshot.load_rules_with_snapshot([packs], tmp_path / "cache")  # the newest is read back
    assert rule.impl.regex.search(f"a miracle cure {snapshot.KEPT + 2}")


def _sentences(plan, found) -> list[int]:
    """The sentences a plan names, ascending."""
    return indexes(plan.sentence_mask(found))


TWO_RULE_PACK = PACK + """  - id: house.instant
    type: claim
    category: unhedged
    severity: warning
    message: "'{match}' is stated as fact"
    subject: ['\\bketamine\\b']
    predicate: ['\\bworks\\s+instantly\\b']
    examples: {flag: ["Ketamine works instantly."], pass: ["Ketamine may work quickly."]}
"""


@pytest.fixture
def new_process(monkeypatch):
    """Each load as in a process of its own: no pattern compiled, analysed or folded yet."""
    from ketalint import foldregex, lazyregex, prefilter

    def reset():
        monkeypatch.setattr(lazyregex, "_INTERNED", {})
        monkeypatch.setattr(prefilter, "_KNOWN", {})
        monkeypatch.setattr(foldregex, "_PROGRAMS", {})

    reset()
    return reset


def _built(tmp_path, cache: str = "cache"):
    """(the pack folder, its rules) after a first load, which writes a snapshot to `cache`."""
    packs = _write_pack(tmp_path / "packs", TWO_RULE_PACK)
    return packs, snapshot.load_rules_with_snapshot([packs], tmp_path / cache)


def _edit_in_a_new_process(packs, new_process) -> None:
    """The claim's predicate becomes "heals overnight", seen by a process that compiled nothing yet."""
    new_process()
    path = packs / "house.yaml"
    path.write_text(TWO_RULE_PACK.replace("works\\s+instantly", "heals\\s+overnight").replace("works instantly.", "heals overnight."), encoding="utf-8")
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 5_000_000_000))


def _watch_parsing(monkeypatch) -> list[str]:
    """The patterns compiled from their text or analysed for the prefilter from now on."""
    from ketalint import lazyregex, prefilter

    parsed: list[str] = []
    program_of, analyse = lazyregex._program_of, prefilter.analyse

    def watched_program_of(pattern, flags):
        parsed.append(pattern)
        return program_of(pattern, flags)

    def watched_analyse(pattern, flags=0):
        parsed.append(pattern)
        return analyse(pattern, flags)

    monkeypatch.setattr(lazyregex, "_program_of", watched_program_of)
    monkeypatch.setattr(prefilter, "analyse", watched_analyse)
    return parsed


def test_a_rebuild_after_an_edit_compiles_only_the_patterns_that_changed(tmp_path, monkeypatch, new_process):
    packs, (miracle, _) = _built(tmp_path)
    kept = miracle.impl.regex.pattern
    _edit_in_a_new_process(packs, new_process)
    parsed = _watch_parsing(monkeypatch)
    miracle, instant = snapshot.load_rules_with_snapshot([packs], tmp_path / "cache")
    assert parsed and all("heals" in pattern for pattern in parsed)
    assert kept not in parsed and miracle.impl.regex.pattern == kept
    assert miracle.impl.regex.search("a miracle cure")
    assert _flagged(instant, "Ketamine heals overnight.") == ["Ketamine heals overnight"]
    assert _flagged(instant, "Ketamine works instantly.") == []


def test_both_folded_twins_of_a_pattern_come_from_the_snapshot(tmp_path, monkeypatch, new_process):
    """The twin with Unicode classes and the one with ASCII classes (see `ketalint.foldregex`)."""
    from ketalint import foldregex

    packs, _ = _built(tmp_path)
    new_process()
    miracle, _ = snapshot.load_rules_with_snapshot([packs], tmp_path / "cache")
    monkeypatch.setattr(foldregex, "_build_program", lambda *args: pytest.fail("a twin was built from its pattern"))
    regex = miracle.impl.regex
    twins = [foldregex.fold(regex.pattern, regex.flags, ascii) for ascii in (False, True)]
    assert [bool(twin.flags & re.ASCII) for twin in twins] == [False, True]
    assert [twin.search("a miracle  cure").group() for twin in twins] == ["miracle  cure"] * 2


def test_a_rebuild_withdraws_what_it_was_offered(tmp_path, new_process):
    from ketalint import foldregex, lazyregex, prefilter

    packs, _ = _built(tmp_path)
    _edit_in_a_new_process(packs, new_process)
    snapshot.load_rules_with_snapshot([packs], tmp_path / "cache")
    assert not lazyregex._OFFERED and not prefilter._OFFERED and not foldregex._OFFERED
    assert not ketalint_packs._VALID_OFFERED


def _watch_validation(monkeypatch) -> list[str]:
    """The regexes `re.compile` is asked for from now on, with default flags (as validation asks)."""
    import re

    asked: list[str] = []
    compile_ = re.compile

    def watched(pattern, flags=0):
        if flags == 0:
            asked.append(pattern)
        return compile_(pattern, flags)

    monkeypatch.setattr(ketalint_packs.re, "compile", watched)
    return asked


def test_a_rebuild_validates_only_the_regexes_the_earlier_rule_set_did_not_hold(tmp_path, monkeypatch, new_process):
    packs, _ = _built(tmp_path)
    _edit_in_a_new_process(packs, new_process)
    asked = _watch_validation(monkeypatch)
    snapshot.load_rules_with_snapshot([packs], tmp_path / "cache")
    assert "\\bheals\\s+overnight\\b" in asked
    assert "\\bketamine\\b" not in asked


@pytest.mark.parametrize(
    ("before", "after", "message"),
    [
        ("predicate: ['\\bworks\\s+instantly\\b']", "predicate: ['\\bworks(\\s+instantly\\b']", "does not compile"),
        ("predicate: ['\\bworks\\s+instantly\\b']", "predicate: ['(?:works)?']", "matches empty text"),
        # Valid as a phrase before, it is validated as a regex now.
        ('phrases: ["miracle cure", "cure ("]', 'phrases: ["miracle cure"]\n    patterns: ["cure ("]', "does not compile"),
    ],
)
def test_a_rebuild_still_reports_a_bad_regex_with_its_line(tmp_path, new_process, before, after, message):
    pack = TWO_RULE_PACK.replace('phrases: ["miracle cure"]', 'phrases: ["miracle cure", "cure ("]')
    packs = _write_pack(tmp_path / "packs", pack)
    snapshot.load_rules_with_snapshot([packs], tmp_path / "cache")
    new_process()
    path = packs / "house.yaml"
    assert before in pack
    path.write_text(pack.replace(before, after, 1), encoding="utf-8")
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 5_000_000_000))
    with pytest.raises(RuleFileError, match=message) as raised:
        snapshot.load_rules_with_snapshot([packs], tmp_path / "cache")
    assert raised.value.line is not None


def test_work_of_other_code_is_not_taken(tmp_path, monkeypatch, new_process):
    packs, (miracle, _) = _built(tmp_path)
    (target,) = (tmp_path / "cache" / "rules").glob("*.marshal")
    data = marshal.loads(target.read_bytes())
    target.write_bytes(marshal.dumps({**data, "maker": data["maker"] + " (another version)"}))
    _edit_in_a_new_process(packs, new_process)
    parsed = _watch_parsing(monkeypatch)
    snapshot.load_rules_with_snapshot([packs], tmp_path / "cache")
    assert miracle.impl.regex.pattern in parsed


def test_a_snapshot_rebuilt_with_offered_work_equals_one_built_from_nothing(tmp_path, new_process):
    packs, _ = _built(tmp_path, "offered")
    _edit_in_a_new_process(packs, new_process)
    snapshot.load_rules_with_snapshot([packs], tmp_path / "offered")
    new_process()
    snapshot.load_rules_with_snapshot([packs], tmp_path / "fresh")

    def newest(folder):
        path = max((p for p in (folder / "rules").iterdir() if snapshot._is_snapshot(p.name)), key=lambda p: p.stat().st_mtime_ns)
        data = marshal.loads(path.read_bytes())
        return {key: data[key] for key in ("specs", "digests", "literals", "programs", "code", "folded", "plans")}

    assert newest(tmp_path / "offered") == newest(tmp_path / "fresh")


def _flagged(rule, text: str) -> list[str]:
    from ketalint.document import parse

    return [text[hit.start:hit.end] for hit in rule.impl.check(parse("a.md", text))]
