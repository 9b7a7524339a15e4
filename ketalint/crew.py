"""Forked workers and the process that forked them, sharing out the chunks of one run.

The parent takes chunks too. A process pool's parent only hands work out and reads results
back, on threads that compete with its workers for the same cores (about a third of its profile
samples in a cold 1,000-article run on two cores). Here the parent sends a worker only the
number of a chunk (the worker has the items and the task from the fork), reads results from the
worker's pipe between two items of its own, and works through the other chunks itself: fewer
processes share the cores, and the parent's own results are never pickled. A worker answers each
chunk with a length and a pickle of (chunk number, succeeded, results or the error).
"""

from __future__ import annotations

import os
import pickle
import select
import signal
import struct
import sys
from collections import deque

_QUEUED_PER_WORKER = 2  # the parent tops a worker up between two of its own items
_HEADER = struct.Struct("<Q")
_INDEX = struct.Struct("<I")


class WorkerTraceback(Exception):
    """The traceback of an error raised in a worker, as its cause in this process."""

    def __str__(self) -> str:
        return self.args[0]


class WorkerStopped(RuntimeError):
    """A worker process ended before sending back the results of its chunks."""


class _Worker:
    __slots__ = ("pid", "commands", "results", "received", "queued", "reaped")

    def __init__(self, pid: int, commands: int, results: int):
        self.pid, self.commands, self.results = pid, commands, results
        self.received = bytearray()
        self.queued: deque[int] = deque()
        self.reaped = False


def _ending(worker: _Worker) -> str:
    """How a worker that closed its pipe ended, for the error that says so."""
    _, status = os.waitpid(worker.pid, 0)
    worker.reaped = True
    if os.WIFSIGNALED(status):
        number = os.WTERMSIG(status)
        name = signal.Signals(number).name if number in signal.valid_signals() else f"signal {number}"
        return f"was ended by {name}" + (" (the system may have run out of memory)" if number == signal.SIGKILL else "")
    return f"exited with status {os.waitstatus_to_exitcode(status)}"


class Crew:
    """`task` over `items`, chunk by chunk (`chunks`: (start, end) pairs), in this process and
    `workers` forked ones; `window`: how many chunks past the earliest not yet yielded may be
    under way or held (bounding what is held for a slow consumer)."""

    def __init__(self, task, items, chunks: list[tuple[int, int]], workers: int, window: int, after_chunk=None,
                 before_chunk=None):
        self.task, self.items, self.after_chunk, self.before_chunk = task, items, after_chunk, before_chunk
        self.chunks = chunks
        self.window = window
        self.forks = workers
        self.workers: list[_Worker] = []
        self.by_pipe: dict[int, _Worker] = {}
        self.poller = select.poll()  # `poll`, not `select`, which fails on descriptors past 1,023
        self.done: dict[int, tuple[bool, object]] = {}
        self.next_chunk = 0
        self.next_result = 0

    def results(self):
        finished = False
        try:
            for _ in range(self.forks):
                try:
                    self.workers.append(self._fork())
                except OSError:  # out of processes or memory: the run goes on with the ones it has
                    break
            yield from self._share()
            finished = True
        finally:
            self._stop(finished)

    def _share(self):
        chunks, done = self.chunks, self.done
        while self.next_result < len(chunks):
            self._hand_out()
            found = done.pop(self.next_result, None)
            if found is not None:
                self.next_result += 1
                ok, value = found
                if not ok:
                    raise value[0] from WorkerTraceback(value[1])
                yield from value
            elif self.next_chunk < self._limit():
                index = self.next_chunk
                self.next_chunk += 1
                done[index] = (True, self._run_here(*chunks[index]))
            else:
                self._receive(wait=True)

    def _limit(self) -> int:
        return min(len(self.chunks), self.next_result + self.window)

    def _hand_out(self) -> None:
        for worker in self.workers:
            while len(worker.queued) < _QUEUED_PER_WORKER and self.next_chunk < self._limit():
                _write_all(worker.commands, _INDEX.pack(self.next_chunk))
                worker.queued.append(self.next_chunk)
                self.next_chunk += 1

    def _run_here(self, start: int, end: int) -> list:
        task, items, done = self.task, self.items, []
        if self.before_chunk is not None:
            self.before_chunk(items[start:end])
        for i in range(start, end):
            done.append(task(items[i]))
            if self.workers:
                self._receive(wait=False)
                self._hand_out()
        if self.after_chunk is not None:
            self.after_chunk()
        return done

    def _receive(self, wait: bool) -> None:
        """Take in whatever the workers have sent (waiting for something when `wait`). A pipe
        with no chunk behind it is ready only when its worker has died, which `_read` reports."""
        if not any(w.queued for w in self.workers):
            return
        for fd, _ in self.poller.poll(None if wait else 0):
            self._read(self.by_pipe[fd])

    def _read(self, worker: _Worker) -> None:
        received = worker.received
        while True:
            try:
                data = os.read(worker.results, _READ_SIZE)
            except BlockingIOError:
                break
            if not data:
                raise WorkerStopped(f"a worker process {_ending(worker)} before sending back its results; "
                                    "with --jobs 1 the run stays in one process")
            received += data
            if len(data) < _READ_SIZE:
                break
        while len(received) >= _HEADER.size:
            (size,) = _HEADER.unpack_from(received)
            if len(received) < _HEADER.size + size:
                break
            index, ok, value = pickle.loads(memoryview(received)[_HEADER.size:_HEADER.size + size])
            del received[:_HEADER.size + size]
            worker.queued.remove(index)
            self.done[index] = (ok, value)

    def _fork(self) -> _Worker:
        commands_read, commands_write = os.pipe()
        results_read, results_write = os.pipe()
        _widen(results_write)
        _flush_standard_streams()  # what is buffered would be written twice
        try:
            pid = os.fork()
        except OSError:
            for fd in (commands_read, commands_write, results_read, results_write):
                os.close(fd)
            raise
        if pid == 0:  # pragma: no cover - runs in the worker, which ends with os._exit
            status = 1
            try:
                # An interrupt from the terminal reaches every process of the run: the parent
                # ends its workers itself, and reports the interruption.
                signal.signal(signal.SIGINT, signal.SIG_IGN)
                for other in self.workers:  # the parent's ends, for the worker to see its own pipe close
                    os.close(other.commands)
                    os.close(other.results)
                os.close(commands_write)
                os.close(results_read)
                _serve(self.task, self.items, self.chunks, self.after_chunk, self.before_chunk, commands_read, results_write)
                status = 0
            finally:
                os._exit(status)
        os.close(commands_read)
        os.close(results_write)
        os.set_blocking(results_read, False)
        worker = self.by_pipe[results_read] = _Worker(pid, commands_write, results_read)
        self.poller.register(results_read, select.POLLIN)
        return worker

    def _stop(self, finished: bool) -> None:
        """End the workers: an idle one leaves when its command pipe closes; after an error or an
        early stop, the ones still at work are ended at once."""
        for worker in self.workers:
            os.close(worker.commands)
            if not finished and not worker.reaped:
                try:
                    os.kill(worker.pid, signal.SIGTERM)
                except ProcessLookupError:  # pragma: no cover - already gone
                    pass
        for worker in self.workers:
            if not worker.reaped:
                os.waitpid(worker.pid, 0)
            os.close(worker.results)
        self.workers.clear()


_READ_SIZE = 1 << 20


def _serve(task, items, chunks, after_chunk, before_chunk, commands: int, results: int) -> None:  # pragma: no cover - in a worker
    """A worker's loop: run each chunk whose number arrives, send back its results."""
    try:
        while True:
            message = _read_exactly(commands, _INDEX.size)
            if message is None:
                return
            (index,) = _INDEX.unpack(message)
            start, end = chunks[index]
            try:
                if before_chunk is not None:
                    before_chunk(items[start:end])
                done = [task(items[i]) for i in range(start, end)]
                if after_chunk is not None:
                    after_chunk()
                payload = pickle.dumps((index, True, done), pickle.HIGHEST_PROTOCOL)
            except Exception as error:
                payload = _error_payload(index, error)
            _write_all(results, _HEADER.pack(len(payload)) + payload)
    except BrokenPipeError:  # the parent has gone
        return
    finally:
        _flush_standard_streams()


def _flush_standard_streams() -> None:
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (AttributeError, OSError, ValueError):
            pass


def _error_payload(index: int, error: Exception) -> bytes:  # pragma: no cover - in a worker
    import traceback

    text = "".join(traceback.format_exception(error))
    try:
        return pickle.dumps((index, False, (error, text)), pickle.HIGHEST_PROTOCOL)
    except Exception:
        return pickle.dumps((index, False, (RuntimeError(f"{type(error).__name__}: {error}"), text)), pickle.HIGHEST_PROTOCOL)


def _read_exactly(fd: int, size: int) -> bytes | None:  # pragma: no cover - in a worker
    data = b""
    while len(data) < size:
        more = os.read(fd, size - len(data))
        if not more:
            return None
        data += more
    return data


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def _widen(fd: int) -> None:
    """Let a pipe hold a chunk's results while the parent is busy with an item of its own, so
    that the worker goes on with its next chunk instead of waiting to write."""
    try:
        import fcntl

        fcntl.fcntl(fd, fcntl.F_SETPIPE_SZ, _READ_SIZE)
    except (ImportError, AttributeError, OSError):  # pragma: no cover - not Linux, or a lower limit
        pass
