from __future__ import annotations

import io
import sys
from pathlib import Path

from cli_support import run

from ketalint.api import CheckOptions, run_check
from ketalint.config import Config
from ketalint.progress import ProgressBar

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from sitegen import write_site  # noqa: E402


def test_bar_draws_on_its_stream_and_erases_itself():
    stream = io.StringIO()
    bar = ProgressBar(stream, min_files=2)
    bar(1, 4)
    bar(4, 4)
    assert "4/4 files" in stream.getvalue() and "#" * 30 in stream.getvalue()
    bar.close()
    assert stream.getvalue().endswith("\r\x1b[K")


def test_small_runs_draw_nothing():
    stream = io.StringIO()
    bar = ProgressBar(stream, min_files=50)
    bar(3, 10)
    bar.close()
    assert stream.getvalue() == ""


def test_the_run_reports_every_file_once(tmp_path):
    write_site(tmp_path / "site", 20)
    seen = []
    options = CheckOptions(paths=[str(tmp_path / "site")], cache=False, jobs=2, progress=lambda d, t: seen.append((d, t)))
    run_check(Config(root=tmp_path, cache_dir=tmp_path / "c"), options)
    assert seen == [(i, 20) for i in range(1, 21)]


def test_no_bar_when_standard_error_is_not_a_terminal(tmp_path, capsys):
    write_site(tmp_path / "site", 60)
    code, out, err = run(["check", str(tmp_path / "site"), "--no-cache", "-f", "json"], capsys)
    assert code == 1
    assert "[#" not in err and "files" not in err
    assert out.lstrip().startswith("{")
