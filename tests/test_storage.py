"""What the cache keeps on disk: atomic writes, and only the newest of what each edit re-keys."""

from __future__ import annotations

import os

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
