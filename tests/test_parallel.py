from __future__ import annotations

import sys
from pathlib import Path

from click.testing import CliRunner

from ketalint.cli import cli
from ketalint.parallel import _CHUNKS_IN_FLIGHT, _MAX_CHUNK, MIN_FILES_PER_JOB, iter_in_order, map_in_order

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from sitegen import write_site  # noqa: E402


def _square(n: int) -> int:
    return n * n


def test_results_keep_input_order_across_workers():
    items = list(range(MIN_FILES_PER_JOB * 4))
    assert map_in_order(_square, items, jobs=2) == [n * n for n in items]


def test_output_is_byte_identical_with_one_job_and_with_several(tmp_path):
    write_site(tmp_path / "site", 48)
    runner = CliRunner()
    args = ["check", str(tmp_path / "site"), "--format", "json", "--no-cache"]
    one = runner.invoke(cli, args + ["--jobs", "1"])
    two = runner.invoke(cli, args + ["--jobs", "2"])
    assert one.exit_code == two.exit_code == 1
    assert '"findings": [' in one.output and one.output.count('"rule":') > 10
    assert one.output == two.output


def test_a_run_in_one_process_is_given_its_items_a_chunk_at_a_time():
    chunks: list[list[int]] = []
    seen: list[tuple[int, int]] = []

    def task(n: int) -> int:
        seen.append((n, len(chunks)))
        return n

    items = list(range(_MAX_CHUNK * 2 + 3))
    assert map_in_order(task, items, jobs=1, before_chunk=lambda chunk: chunks.append(list(chunk))) == items
    assert chunks == [items[:_MAX_CHUNK], items[_MAX_CHUNK:2 * _MAX_CHUNK], items[2 * _MAX_CHUNK:]]
    assert all(n < chunk_count * _MAX_CHUNK for n, chunk_count in seen)  # each chunk was given before its tasks ran


def _touch(path: str) -> str:
    Path(path).touch()
    return path


def test_workers_run_only_a_few_chunks_ahead_of_a_slow_consumer(tmp_path):
    import time

    items = [str(tmp_path / f"{n}.done") for n in range(2000)]
    results = iter_in_order(_touch, items, jobs=2)
    assert next(results) == items[0]
    time.sleep(0.5)  # time enough for unbounded workers to finish every item
    started = len(list(tmp_path.glob("*.done")))
    assert started <= 2 * (_CHUNKS_IN_FLIGHT + 1) * _MAX_CHUNK
    assert list(results) == items[1:]


def test_a_run_tells_its_worker_count_to_the_work_inside_it():
    from ketalint.parallel import default_jobs, jobs_of_run, run_jobs

    assert run_jobs() == 1
    with jobs_of_run(3):
        assert run_jobs() == 3
        with jobs_of_run(0):
            assert run_jobs() == default_jobs()
        assert run_jobs() == 3
    assert run_jobs() == 1


_MARKER = "_ketalint_loaded_before_fork"


def _pid_and_marker(_item: int) -> tuple[int, bool]:
    import os

    return os.getpid(), _MARKER in sys.modules


def test_what_is_loaded_before_the_fork_is_in_every_worker():
    import os
    import types

    calls: list[int] = []

    def load() -> None:
        calls.append(os.getpid())
        sys.modules[_MARKER] = types.ModuleType(_MARKER)

    try:
        results = list(iter_in_order(_pid_and_marker, list(range(MIN_FILES_PER_JOB * 3)), 2, before_fork=load))
        assert calls == [os.getpid()]
        assert {pid for pid, _ in results} - {os.getpid()}  # the work ran in workers
        assert all(loaded for _, loaded in results)
    finally:
        sys.modules.pop(_MARKER, None)


def test_nothing_is_loaded_before_a_run_that_stays_in_one_process():
    calls: list[int] = []
    results = list(iter_in_order(_square, list(range(MIN_FILES_PER_JOB)), 2, before_fork=lambda: calls.append(1)))
    assert results == [n * n for n in range(MIN_FILES_PER_JOB)] and calls == []


def test_a_run_over_a_site_loads_the_heading_scorer_before_its_workers_start(tmp_path, monkeypatch):
    import ketalint.api as api
    from ketalint.config import Config

    loaded: list[list[str]] = []
    monkeypatch.setattr(api, "_load_modules", loaded.append)
    write_site(tmp_path / "site", MIN_FILES_PER_JOB * 3)
    config = Config(root=tmp_path / "site")
    api.run_check(config, api.CheckOptions(paths=[str(tmp_path / "site")], cache=False, jobs=2))
    assert loaded == [["rapidfuzz.fuzz"]]
