"""Bad input: binary, invalid UTF-8, empty, too large, unreadable and looping files never stop a
run; each gets one clear line, and the other files are still linted."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from cli_support import make_site, run
from ketalint.api import CheckOptions, run_check
from ketalint.config import load_config
from ketalint.files import ReadAhead, decode, discover, read_article, read_bytes

OVERCLAIM = "Ketamine permanently rewires the brain.\n"


@pytest.fixture
def site(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.chdir(make_site(tmp_path))
    (tmp_path / "good.md").write_text(OVERCLAIM, encoding="utf-8")
    return tmp_path


def _lines(err: str, path: str) -> list[str]:
    return [line for line in err.splitlines() if path in line]


def test_binary_file_is_skipped_with_a_note(site: Path, capsys):
    (site / "image.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00binary")
    code, out, err = run(["check", "."], capsys)
    assert code == 1 and "good.md:1:10" in out and "image.md" not in out
    assert _lines(err, "image.md") == ["ketalint: ./image.md: note: binary file skipped"]
    assert "1 file" in out


def test_invalid_utf8_is_decoded_with_replacement_and_a_warning(site: Path, capsys):
    (site / "latin.md").write_bytes("Caf\xe9 text. Ketamine permanently rewires the brain.\n".encode("latin-1"))
    code, out, err = run(["check", "latin.md"], capsys)
    assert code == 1
    assert "latin.md:1:21:" in out
    (line,) = _lines(err, "latin.md")
    assert "warning: invalid UTF-8 at byte 3" in line


def test_decode_keeps_a_bom_out_of_the_text():
    text, problems = decode("a.md", b"\xef\xbb\xbfHello.")
    assert text.text == "Hello." and text.bom and problems == []


def test_empty_file_is_fine(site: Path, capsys):
    (site / "empty.md").write_text("")
    (site / "blank.txt").write_text("\n\n  \n")
    code, out, err = run(["check", "empty.md", "blank.txt"], capsys)
    assert code == 0 and err == ""
    assert "No problems found in 2 files." in out


def test_file_over_the_size_limit_is_an_error_and_the_rest_is_linted(site: Path, capsys):
    (site / ".ketalint.yaml").write_text("default_pack: false\npacks: [pack.yaml]\nmax_file_size_mb: 0.001\n")
    (site / "big.md").write_text("Words here. " * 200)
    code, out, err = run(["check", "."], capsys)
    assert code == 2
    assert "good.md:1:10" in out
    (line,) = _lines(err, "big.md")
    assert "error: file is too large" in line and "max_file_size_mb" in line


def test_symlink_loop_is_an_error_and_the_rest_is_linted(site: Path, capsys):
    os.symlink("loop-b.md", site / "loop-a.md")
    os.symlink("loop-a.md", site / "loop-b.md")
    code, out, err = run(["check", "."], capsys)
    assert code == 2 and "good.md:1:10" in out
    assert len(_lines(err, "loop-a.md")) == 1 and "cannot read file" in _lines(err, "loop-a.md")[0]
    assert "Traceback" not in err


def test_symlinked_folder_loop_does_not_hang_the_walk(site: Path, capsys):
    (site / "sub").mkdir()
    os.symlink("..", site / "sub" / "up")
    code, out, _ = run(["check", "."], capsys)
    assert code == 1 and out.count("good.md:1:10") == 1


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read a file whatever its mode")
def test_unreadable_file_is_an_error_and_the_rest_is_linted(site: Path, capsys):
    secret = site / "secret.md"
    secret.write_text(OVERCLAIM)
    secret.chmod(0)
    try:
        code, out, err = run(["check", "."], capsys)
    finally:
        secret.chmod(0o644)
    assert code == 2 and "good.md:1:10" in out
    assert "cannot read file" in _lines(err, "secret.md")[0]


def test_missing_path_is_an_error(site: Path, capsys):
    code, out, err = run(["check", "good.md", "nope.md"], capsys)
    assert code == 2 and "good.md:1:10" in out
    assert _lines(err, "nope.md") == ["ketalint: nope.md: error: no such file or folder"]


def test_discovery_walks_folders_for_supported_suffixes_only(tmp_path: Path):
    for rel in ("a.md", "b.markdown", "c.mdx", "d.html", "e.htm", "f.txt", "g.py", "sub/h.MD", ".git/i.md", "node_modules/j.md"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("x")
    found, problems = discover([str(tmp_path)], load_config(start=tmp_path))
    names = sorted(Path(p).relative_to(tmp_path).as_posix() for p in found)
    assert names == ["a.md", "b.markdown", "c.mdx", "d.html", "e.htm", "f.txt", "sub/h.MD"]
    assert problems == []


def test_a_few_megabyte_file_is_linted(tmp_path: Path):
    from cli_support import PACK
    from ketalint.packs import parse_pack

    paragraph = "Our team explains each step, e.g. monitoring. Relief permanently rewires the brain for some.\n\n"
    article = tmp_path / "big.md"
    article.write_text("# A long page\n\n" + paragraph * 30000, encoding="utf-8")
    assert article.stat().st_size > 2_500_000
    config = load_config(start=tmp_path)
    report = run_check(config, CheckOptions(paths=[str(article)]), parse_pack(PACK, "demo.yaml"))
    assert len(report.findings) == 30000
    assert report.findings[-1].location.line == 3 + 2 * 29999


def test_read_article_reports_a_folder_given_as_a_file(tmp_path: Path):
    text, problems = read_article(str(tmp_path), 10_000_000)
    assert text is None and problems[0].level == "error"


def test_read_bytes_gives_the_status_of_the_bytes_it_read(tmp_path: Path):
    article = tmp_path / "a.md"
    article.write_bytes(b"# Title\r\n\r\nBody.\r\n")
    status, data, problems = read_bytes(str(article), 1_000)
    assert data == b"# Title\r\n\r\nBody.\r\n" and problems == []
    assert (status.st_size, status.st_mtime_ns) == (article.stat().st_size, article.stat().st_mtime_ns)


def test_read_bytes_stops_at_the_limit_of_a_file_whose_size_it_cannot_know(tmp_path: Path):
    # A character device reports size 0 and never ends: read to the limit, then refused.
    status, data, problems = read_bytes("/dev/zero", 100_000)
    assert data is None and problems[0].level == "error" and "too large" in problems[0].message


def test_read_bytes_refuses_a_file_over_the_limit_without_reading_it(tmp_path: Path):
    article = tmp_path / "a.md"
    article.write_text("x" * 2_000_000, encoding="utf-8")
    status, data, problems = read_bytes(str(article), 1_000_000)
    assert data is None and status.st_size == 2_000_000
    assert problems[0].message.startswith("file is too large (2.0 MB; the limit is 1 MB")


def test_read_ahead_gives_each_file_as_reading_it_then_would(tmp_path: Path):
    paths = []
    for n, body in enumerate([b"# One\n\nText.\n", b"\xef\xbb\xbfBOM first.\n", b"bad \xff byte\n", b"\x00\x01binary"]):
        path = tmp_path / f"{n}.md"
        path.write_bytes(body)
        paths.append(str(path))
    paths.append(str(tmp_path / "missing.md"))
    ahead = ReadAhead(1_000_000)
    ahead.read(paths)
    (tmp_path / "0.md").write_bytes(b"# Changed after it was read ahead\n")
    for path in paths:
        text, problems, status = ahead.article(path)
        expected = read_article(path, 1_000_000) if not path.endswith("0.md") else decode(path, b"# One\n\nText.\n")
        assert (text, [str(p) for p in problems]) == (expected[0], [str(p) for p in expected[1]])
    assert ahead.held == {}
    # Not read ahead (or asked for twice): read when asked for.
    assert ahead.article(paths[0])[0].text == "# Changed after it was read ahead\n"


def test_read_ahead_holds_no_more_than_its_budget(tmp_path: Path):
    paths = []
    for n in range(5):
        path = tmp_path / f"{n}.md"
        path.write_text("word " * 200, encoding="utf-8")
        paths.append(str(path))
    ahead = ReadAhead(1_000_000, budget=2_500)
    ahead.read(paths)
    assert list(ahead.held) == paths[:3]  # the third crossed the budget
    ahead.read(paths[3:])
    assert list(ahead.held) == paths[3:]  # what the chunk before left is dropped
    assert all(ahead.article(path)[0].text == "word " * 200 for path in paths)


def test_paths_are_made_relative_to_the_config_root(tmp_path, monkeypatch):
    from ketalint.config import Config
    from ketalint.files import relative_to_root

    config = Config(root=tmp_path / "site")
    monkeypatch.chdir(tmp_path)
    assert relative_to_root("site/blog/a.md", config) == "blog/a.md"
    assert relative_to_root(str(tmp_path / "site" / "a.md"), config) == "a.md"
    assert relative_to_root("site2/a.md", config) == "site2/a.md"  # a sibling whose name starts the same is outside
    assert relative_to_root("other/b.md", config) == "other/b.md"


def test_within_a_run_paths_are_made_absolute_against_its_working_directory(tmp_path: Path, monkeypatch):
    from ketalint.files import absolute, run_directory, same_file_key

    (tmp_path / "site").mkdir()
    monkeypatch.chdir(tmp_path)
    assert absolute("site/../a.md") == os.path.abspath("a.md") == str(tmp_path / "a.md")
    with run_directory():
        monkeypatch.chdir(tmp_path / "site")  # not done by a run; shows where the directory was read
        assert absolute("./b/../a.md") == same_file_key("a.md") == str(tmp_path / "a.md")
        assert absolute("/x/./y/../z.md") == "/x/z.md"
    assert absolute("a.md") == str(tmp_path / "site" / "a.md")
