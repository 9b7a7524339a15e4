from __future__ import annotations

import json
import os

import pytest

import ketalint.snapshot as snapshot
from ketalint.errors import RuleFileError

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
    assert list((tmp_path / "cache" / "rules").glob("*.json"))

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
    (target,) = (tmp_path / "cache" / "rules").glob("*.json")
    target.write_text("{not json", encoding="utf-8")
    rules = snapshot.load_rules_with_snapshot([packs], tmp_path / "cache")
    assert [r.id for r in rules] == ["house.miracle"]
    assert json.loads(target.read_text(encoding="utf-8"))["format"] == snapshot.FORMAT


def test_a_broken_pack_is_still_an_error_with_its_line(tmp_path):
    packs = _write_pack(tmp_path / "packs", PACK.replace('phrases: ["miracle cure"]', "patterns: ['(unclosed']"))
    with pytest.raises(RuleFileError) as info:
        snapshot.load_rules_with_snapshot([packs], tmp_path / "cache")
    assert info.value.line is not None
    assert not list((tmp_path / "cache").rglob("*.json"))
