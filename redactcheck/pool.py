"""The local process pool runner (``--jobs N``): forked workers, and a memory watch that
kills a worker passing ``--max-memory``.

``parallel.run`` reruns the files of a unit whose worker died one at a time, so the file that
kills its worker again becomes an error of its own (see ``parallel._one_by_one``).
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing as mp
import os
import signal
import threading
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any

from redactcheck.parallel import Submit, WorkerSpec, inherit, init_worker, run_unit
from redactcheck.pipeline import Pipeline


class PoolRunner:
    """Units run on ``jobs`` local worker processes (``--jobs``), started on the first unit
    that needs work (a fully cached scan never starts them)."""

    local = True

    def __init__(self, jobs: int):
        self.jobs = jobs

    def start(self, spec: WorkerSpec, pipeline: Pipeline) -> tuple[Submit, int, Callable[[], None]]:
        inherit(spec, pipeline)  # forked workers start with the parent's pipeline
        return _pool_submitter(spec, self.jobs)


def _pool_submitter(spec: WorkerSpec, jobs: int) -> tuple[Submit, int, Callable[[], None]]:
    """Submit to a local process pool, started on the first unit that needs work."""
    pool: list[ProcessPoolExecutor] = []
    watch = MemoryWatch(spec.config.max_memory)

    def submit(payload: list[Any]) -> Future:
        if pool and _is_broken(pool[0]):
            # a worker died (memory watch, a signal): start a fresh pool for the rest
            pool.pop().shutdown(wait=False, cancel_futures=True)
        if not pool:
            # fork shares the already-imported code (and a model the parent loaded)
            # copy-on-write; elsewhere workers start fresh and load the model once each.
            method = "fork" if "fork" in mp.get_all_start_methods() else "spawn"
            pool.append(
                ProcessPoolExecutor(
                    max_workers=jobs,
                    mp_context=mp.get_context(method),
                    initializer=init_worker,
                    initargs=(spec,),
                )
            )
            # a fork pool starts its workers on the first submit: with the parent's objects
            # frozen then, the workers' garbage collector leaves them alone instead of
            # writing to (so copying) every page they live on. The parent thaws right after.
            gc.freeze()
            try:
                return pool[0].submit(run_unit, spec, payload)
            finally:
                gc.unfreeze()
                watch.follow(pool[0])
        return pool[0].submit(run_unit, spec, payload)

    def close() -> None:
        watch.stop()
        for executor in pool:
            executor.shutdown(wait=True, cancel_futures=True)

    submit.memory_limit = spec.config.max_memory  # type: ignore[attr-defined]
    return submit, jobs, close


def _is_broken(executor: Any) -> bool:
    return bool(getattr(executor, "_broken", False))


_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def resident_bytes(pid: int) -> int | None:
    """Resident set size of process ``pid`` (Linux ``/proc``), or None when unknown."""
    try:
        with open(f"/proc/{pid}/statm", "rb") as fh:
            return int(fh.read().split()[1]) * _PAGE
    except (OSError, ValueError, IndexError):
        return None


class MemoryWatch:
    """Kill a pool worker whose resident memory passes ``limit`` bytes (``--max-memory``).

    One file must not take the machine: a PDF whose streams inflate to gigabytes, a document
    with millions of objects. The limit is checked from the parent, so a worker stuck in C
    code is stopped too. The pool then breaks, and ``run`` reruns the files of the lost
    units one at a time: the one that passes the limit again is reported under ``errors``."""

    INTERVAL = 0.1

    def __init__(self, limit: int | None):
        self.limit = limit or None
        self._executors: list[Any] = []
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def follow(self, executor: Any) -> None:
        if self.limit is None or not os.path.isdir("/proc"):
            return
        self._executors = [e for e in self._executors if not _is_broken(e)] + [executor]
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="memory-watch", daemon=True)
            self._thread.start()

    def _run(self) -> None:
        while not self._stop.wait(self.INTERVAL):
            for executor in list(self._executors):
                for pid in list((getattr(executor, "_processes", None) or {}).keys()):
                    rss = resident_bytes(pid)
                    if rss is not None and self.limit is not None and rss > self.limit:
                        with contextlib.suppress(OSError):
                            os.kill(pid, signal.SIGKILL)

    def stop(self) -> None:
        self._stop.set()
