"""What the cache keeps on disk: atomic writes, and only the newest of what each edit re-keys."""

from __future__ import annotations

import os

import pytest

from ketalint.storage import keep_newest, write_atomic


def test_only_the_newest_files_of_a_kind_are_kept(tmp_path):
    for i in range(6):
        path = tmp_path / f"regex-{i}.marshal"
        path.write_bytes(b"x")
        os.utime(path, ns=(10**9 * (i + 1), 10**9 * (i + 1)))
    (tmp_path / "config-0.marshal").write_bytes(b"other kind")
    (tmp_path / "regex-folder.marshal").mkdir()
    keep_newest(tmp_path, lambda name: name.startswith("regex-"), 4)
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "config-0.marshal", "regex-2.marshal", "regex-3.marshal", "regex-4.marshal", "regex-5.marshal", "regex-folder.marshal",
    ]


def test_a_missing_folder_is_left_alone(tmp_path):
    keep_newest(tmp_path / "missing", lambda name: True, 1)
    assert not (tmp_path / "missing").exists()


def test_an_atomic_write_replaces_the_whole_file_and_leaves_no_temporary(tmp_path):
    target = tmp_path / "sub" / "data.bin"
    write_atomic(target, b"first")
    write_atomic(target, b"second, longer")
    assert target.read_bytes() == b"second, longer"
    assert [p.name for p in target.parent.iterdir()] == ["data.bin"]


class _Mapping(dict):
    pass


def test_plain_rebuilds_subclasses_as_their_plain_types():
    import re

    from ketalint.storage import plain

    value = _Mapping(flags=re.IGNORECASE, nested=[(1, "a"), (True, None, 2.5, b"x")])
    got = plain(value)
    assert got == {"flags": 2, "nested": [(1, "a"), (True, None, 2.5, b"x")]}
    assert type(got) is dict and type(got["flags"]) is int
    assert type(got["nested"]) is list and type(got["nested"][0]) is tuple
    assert got["nested"][1][0] is True


def test_plain_copies_lists_so_that_the_snapshot_does_not_share_them():
    from ketalint.storage import plain

    words = ["a", "b"]
    got = plain({"words": words})
    words.append("c")
    assert got == {"words": ["a", "b"]}


@pytest.mark.parametrize("bad", [object(), {1, 2}, type("Text", (str,), {})("x"), frozenset()])
def test_plain_rejects_anything_else_wherever_it_is(bad):
    from ketalint.storage import plain

    for value in (bad, [bad], ("a", bad), {"k": (1, [bad])}, {"k": ["a", 1, bad]}):
        with pytest.raises(TypeError, match="not plain data"):
            plain(value)
