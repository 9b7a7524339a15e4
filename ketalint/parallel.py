"""Sharing per-file work out to worker processes (`--jobs`).

Workers are forked, so they inherit the loaded and compiled rules instead of loading them
again; results come back in input order, so output does not depend on the number of jobs.
Small runs stay in one process: starting workers costs more than a few files take.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence

TYPE_CHECKING = False
if TYPE_CHECKING:  # annotations only: importing typing costs every run its start-up time
    from typing import TypeVar

    T = TypeVar("T")
    R = TypeVar("R")

MIN_FILES_PER_JOB = 16
_MAX_CHUNK = 16
_task: Callable | None = None


def default_jobs() -> int:
    """All the cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def _run(item):
    return _task(item)  # type: ignore[misc]


def map_in_order(
    task: Callable[[T], R], items: Sequence[T], jobs: int, on_done: Callable[[], None] | None = None
) -> list[R]:
    """`[task(item) for item in items]`, spread over up to `jobs` forked workers when it pays;
    `on_done` is called as each result arrives (for a progress bar)."""
    return list(iter_in_order(task, items, jobs, on_done))


def iter_in_order(
    task: Callable[[T], R], items: Sequence[T], jobs: int, on_done: Callable[[], None] | None = None
) -> Iterator[R]:
    """`map_in_order` as results arrive, for a caller that need not hold them all."""
    jobs = min(jobs, len(items) // MIN_FILES_PER_JOB)
    results = _in_workers(task, items, jobs) if jobs > 1 else None
    if results is None:
        results = (task(item) for item in items)
    for result in results:
        if on_done is not None:
            on_done()
        yield result


def _in_workers(task, items, jobs):
    """Results of `task` computed by forked workers, yielded in input order; None without fork."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    if "fork" not in multiprocessing.get_all_start_methods():
        return None

    def results():
        global _task
        _task = task
        try:
            context = multiprocessing.get_context("fork")
            with ProcessPoolExecutor(jobs, mp_context=context) as pool:
                # Small chunks: the run ends when the slowest worker finishes its last chunk.
                yield from pool.map(_run, items, chunksize=max(1, min(_MAX_CHUNK, len(items) // (jobs * 8))))
        finally:
            _task = None

    return results()
