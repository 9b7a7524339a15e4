from __future__ import annotations

import sys
from pathlib import Path

from click.testing import CliRunner

from ketalint.cli import cli
from ketalint.parallel import MIN_FILES_PER_JOB, map_in_order

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from sitegen import write_site  # noqa: E402


def _square(n: int) -> int:
    return n * n


def test_results_keep_input_order_across_workers():
    items = list(range(MIN_FILES_PER_JOB * 4))
    assert map_in_order(_square, items, jobs=2) == [n * n for n in items]


def test_output_is_byte_identical_with_one_job_and_with_several(tmp_path):
    write_site(tmp_path / "site", MIN_FILES_PER_JOB * 3)
    runner = CliRunner()
    args = ["check", str(tmp_path / "site"), "--format", "json", "--no-cache"]
    one = runner.invoke(cli, args + ["--jobs", "1"])
    two = runner.invoke(cli, args + ["--jobs", "2"])
    assert one.exit_code == two.exit_code == 1
    assert '"findings": [' in one.output and one.output.count('"rule":') > 10
    assert one.output == two.output
