"""Sharing per-file work out to worker processes (`--jobs`).

Workers are forked, so they inherit the loaded and compiled rules instead of loading them
again; results come back in input order, so output does not depend on the number of jobs.
Small runs stay in one process: starting workers costs more than a few files take.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager

TYPE_CHECKING = False
if TYPE_CHECKING:  # annotations only: importing typing costs every run its start-up time
    from typing import TypeVar

    T = TypeVar("T")
    R = TypeVar("R")

# Forking pays from a few files on: a worker starts in a millisecond or two and builds the
# patterns its first files need while this process builds its own. Cold runs over eight files,
# one process against two: 114 and 109 ms; over sixteen: 135 and 122 ms.
MIN_FILES_PER_JOB = 4
_MAX_CHUNK = 16
_CHUNKS_IN_FLIGHT = 4  # per process: results held at most, waiting for an earlier chunk or the consumer
_jobs_of_run: int | None = None


def default_jobs() -> int:
    """All the cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


@contextmanager
def jobs_of_run(jobs: int) -> Iterator[None]:
    """Within it, `run_jobs` is the worker count a run was given (`--jobs`; 0: all cores), for
    work deep inside the run that may share itself out, such as the corpus pass over a large
    site, without every layer between passing the count on."""
    global _jobs_of_run
    saved, _jobs_of_run = _jobs_of_run, jobs or default_jobs()
    try:
        yield
    finally:
        _jobs_of_run = saved


def run_jobs() -> int:
    """The worker count of the run under way; 1 outside one (a caller of a rule's own methods)."""
    return 1 if _jobs_of_run is None else _jobs_of_run


def map_in_order(
    task: Callable[[T], R], items: Sequence[T], jobs: int, on_done: Callable[[], None] | None = None,
    after_chunk: Callable[[], None] | None = None, before_chunk: Callable[[Sequence[T]], None] | None = None,
) -> list[R]:
    """`[task(item) for item in items]`, shared between this process and up to `jobs - 1`
    forked workers when it pays; `on_done` is called as each result arrives (for a progress
    bar), `after_chunk` in the process that ran the tasks, after each chunk of them (once, after
    all, without workers): for work a process must finish before its results are taken as done,
    such as writing what it cached. `before_chunk` is given each chunk's items in the process
    about to run their tasks, for work that costs less done for several items in a row, such as
    reading their files."""
    return list(iter_in_order(task, items, jobs, on_done, after_chunk, before_chunk=before_chunk))


def iter_in_order(
    task: Callable[[T], R], items: Sequence[T], jobs: int, on_done: Callable[[], None] | None = None,
    after_chunk: Callable[[], None] | None = None, before_fork: Callable[[], None] | None = None,
    before_chunk: Callable[[Sequence[T]], None] | None = None,
) -> Iterator[R]:
    """`map_in_order` as results arrive, for a caller that need not hold them all; `before_fork`
    is called once workers are to be started, before they are: what it loads, they inherit."""
    jobs = min(jobs, len(items) // MIN_FILES_PER_JOB)
    if jobs > 1 and before_fork is not None:
        before_fork()
    results = _in_workers(task, items, jobs, after_chunk, before_chunk) if jobs > 1 else None
    if results is None:
        results = _in_order(task, items, after_chunk, before_chunk)
    for result in results:
        if on_done is not None:
            on_done()
        yield result


def _in_order(task, items, after_chunk, before_chunk=None):
    if before_chunk is None:
        for item in items:
            yield task(item)
    else:
        for start in range(0, len(items), _MAX_CHUNK):
            chunk = items[start:start + _MAX_CHUNK]
            before_chunk(chunk)
            for item in chunk:
                yield task(item)
    if after_chunk is not None:
        after_chunk()


def _in_workers(task, items, jobs, after_chunk=None, before_chunk=None):
    """Results of `task`, computed by this process and `jobs - 1` forked workers (see
    `ketalint.crew`), yielded in input order; None where processes cannot be forked.

    Only a few chunks per process are in flight at a time. Handing every item out at once lets
    finished results pile up in this process whenever its consumer is slower than the workers
    (filing the site store is), and a large site's results would then all be held at once."""
    if not hasattr(os, "fork"):  # pragma: no cover - not POSIX
        return None
    from ketalint.crew import Crew

    return Crew(task, items, _chunks(len(items), jobs), jobs - 1, jobs * _CHUNKS_IN_FLIGHT, after_chunk, before_chunk).results()


def _chunks(count: int, jobs: int) -> list[tuple[int, int]]:
    """(start, end) of consecutive chunks of `count` items, smaller as fewer remain: the run ends
    when the slowest process finishes its last chunk, so the last ones hold an item or two,
    while the first ones are large enough that handing them out costs little."""
    bounds = []
    start = 0
    while start < count:
        size = max(1, min(_MAX_CHUNK, (count - start) // (jobs * 4)))
        bounds.append((start, start + size))
        start += size
    return bounds
