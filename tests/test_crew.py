from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap

import pytest

from ketalint.crew import Crew, WorkerStopped, WorkerTraceback
from ketalint.parallel import _chunks

PARENT = os.getpid()


def _crew(task, items, workers=1, window=8, after_chunk=None, before_chunk=None):
    return Crew(task, items, _chunks(len(items), workers + 1), workers, window, after_chunk, before_chunk)


def _no_children_left() -> bool:
    try:
        os.waitpid(-1, os.WNOHANG)
    except ChildProcessError:
        return True
    return False


def test_results_come_in_input_order_from_the_parent_and_its_workers():
    items = list(range(200))
    results = list(_crew(lambda n: (n * n, os.getpid()), items, workers=2).results())
    assert [square for square, _ in results] == [n * n for n in items]
    pids = {pid for _, pid in results}
    assert PARENT in pids and len(pids) == 3  # the parent took chunks too
    assert _no_children_left()


def test_a_task_need_not_be_picklable():
    # Workers get the task and the items from the fork; only chunk numbers and results travel.
    offset = 7
    results = list(_crew(lambda n: n + offset, list(range(64))).results())
    assert results == [n + 7 for n in range(64)]


def test_each_process_finishes_its_chunks_with_after_chunk(tmp_path):
    def task(n: int) -> int:
        (tmp_path / f"{os.getpid()}.pending").open("a").write(f"{n}\n")
        return n

    def after_chunk() -> None:
        pending = tmp_path / f"{os.getpid()}.pending"
        (tmp_path / f"{os.getpid()}.done").open("a").write(pending.read_text())
        pending.unlink()

    assert list(_crew(task, list(range(100)), after_chunk=after_chunk).results()) == list(range(100))
    assert not list(tmp_path.glob("*.pending"))
    done = sorted(int(line) for path in tmp_path.glob("*.done") for line in path.read_text().split())
    assert done == list(range(100))


def test_each_process_is_given_a_chunks_items_before_it_runs_them(tmp_path):
    def before_chunk(chunk) -> None:
        (tmp_path / f"{os.getpid()}.ready").write_text(" ".join(map(str, chunk)))

    def task(n: int) -> tuple[int, bool]:
        ready = (tmp_path / f"{os.getpid()}.ready").read_text().split()
        return n, str(n) in ready

    results = list(_crew(task, list(range(100)), before_chunk=before_chunk).results())
    assert results == [(n, True) for n in range(100)]
    assert len(list(tmp_path.glob("*.ready"))) == 2  # the parent and its worker


def _fails_in_a_worker(n: int) -> int:
    if os.getpid() != PARENT and n % 5 == 0:
        raise ValueError(f"item {n} is bad")
    return n


def test_an_error_in_a_worker_is_raised_here_with_the_workers_traceback():
    with pytest.raises(ValueError, match="is bad") as caught:
        list(_crew(_fails_in_a_worker, list(range(100))).results())
    assert isinstance(caught.value.__cause__, WorkerTraceback)
    assert "_fails_in_a_worker" in str(caught.value.__cause__)
    assert _no_children_left()


class _Unpicklable(Exception):
    def __reduce__(self):
        raise TypeError("cannot pickle this")


def _fails_unpicklably(n: int) -> int:
    if os.getpid() != PARENT:
        raise _Unpicklable("odd failure")
    return n


def test_an_error_that_cannot_be_pickled_still_arrives_by_name():
    with pytest.raises(RuntimeError, match="_Unpicklable: odd failure"):
        list(_crew(_fails_unpicklably, list(range(64))).results())
    assert _no_children_left()


def _dies_in_a_worker(n: int) -> int:
    if os.getpid() != PARENT:
        os.kill(os.getpid(), signal.SIGKILL)
    return n


def test_a_worker_that_is_killed_ends_the_run_with_an_error_that_says_so():
    with pytest.raises(WorkerStopped, match="was ended by SIGKILL .*--jobs 1"):
        list(_crew(_dies_in_a_worker, list(range(64))).results())
    assert _no_children_left()


def test_a_run_that_cannot_fork_goes_on_with_the_workers_it_has(monkeypatch):
    real_fork, forks = os.fork, []

    def fork_once() -> int:
        if forks:
            raise BlockingIOError(11, "Resource temporarily unavailable")
        forks.append(1)
        return real_fork()

    monkeypatch.setattr(os, "fork", fork_once)
    results = list(_crew(lambda n: (n, os.getpid()), list(range(120)), workers=3).results())
    assert [n for n, _ in results] == list(range(120))
    assert len({pid for _, pid in results}) == 2 and len(forks) == 1
    assert _no_children_left()


def test_a_run_that_cannot_fork_at_all_runs_here(monkeypatch):
    def no_fork() -> int:
        raise OSError(12, "Cannot allocate memory")

    open_before = len(os.listdir("/proc/self/fd"))
    monkeypatch.setattr(os, "fork", no_fork)
    results = list(_crew(lambda n: (n, os.getpid()), list(range(50)), workers=1).results())
    assert results == [(n, PARENT) for n in range(50)]
    assert len(os.listdir("/proc/self/fd")) == open_before  # the pipes made for the worker are closed


def test_workers_are_heard_on_descriptors_past_1023():
    import resource

    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard != resource.RLIM_INFINITY and hard < 1200:
        pytest.skip("the process may not open enough files")
    resource.setrlimit(resource.RLIMIT_NOFILE, (max(soft, 1200), hard))
    fillers = []
    try:
        while not fillers or fillers[-1] < 1050:
            fillers.append(os.open(os.devnull, os.O_RDONLY))
        results = list(_crew(lambda n: (n, os.getpid()), list(range(64))).results())
        assert [n for n, _ in results] == list(range(64)) and len({pid for _, pid in results}) == 2
    finally:
        for fd in fillers:
            os.close(fd)
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))


def test_a_consumer_that_stops_early_leaves_no_worker_behind(tmp_path):
    def slow(n: int) -> int:
        if os.getpid() != PARENT:
            import time

            time.sleep(0.05)
        return n

    results = _crew(slow, list(range(400)), workers=2).results()
    assert next(results) == 0
    results.close()
    assert _no_children_left()


def test_output_buffered_before_the_fork_is_written_once(tmp_path):
    script = textwrap.dedent(
        """
        import sys
        from ketalint.crew import Crew
        from ketalint.parallel import _chunks
        sys.stdout.write("written before the fork;")  # still in the buffer: stdout is a pipe
        items = list(range(64))
        assert list(Crew(abs, items, _chunks(64, 2), 1, 8).results()) == items
        """
    )
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, env=env)
    assert done.stdout == "written before the fork;"


def test_an_interrupt_reaches_the_parent_which_ends_its_workers(tmp_path):
    script = textwrap.dedent(
        """
        import os, sys, time
        from ketalint.crew import Crew
        from ketalint.parallel import _chunks
        def task(n):
            time.sleep(0.02)
            return n
        try:
            for n in Crew(task, list(range(10_000)), _chunks(10_000, 2), 1, 8).results():
                if n == 20:
                    os.killpg(0, 2)  # as a terminal's Ctrl-C reaches every process of the run
        except KeyboardInterrupt:
            try:
                os.waitpid(-1, os.WNOHANG)
                print("a worker is left")
            except ChildProcessError:
                print("interrupted, no worker left")
        """
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60,
                          start_new_session=True)
    assert done.stdout.strip() == "interrupted, no worker left", done.stderr
