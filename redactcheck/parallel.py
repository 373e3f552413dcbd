"""Run the per-file pipeline over many files: inline, in a local process pool, or on Dask.

The parent reads each file (it needs the bytes for the cache key anyway), answers cache hits
itself, and packs the rest into work units of about ``UNIT_BYTES`` bytes, so work is balanced
by size rather than by file count and one worker's ``nlp.pipe`` call sees many small texts at
once. Units go to whichever worker is free; results come back in submission order, file by
file, as soon as every earlier file is done. At most a few units per worker are in flight, so
memory does not grow with the number of files.

Where units run is a :class:`Runner`: :class:`InlineRunner` (this process, here),
``pool.PoolRunner`` (local processes) and ``distributed.DaskRunner`` (a Dask cluster).
Workers only ever run :class:`~redactcheck.pipeline.Pipeline`; walking, choosing the runner
and adding results up are the session's (``session.py``).
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import stat
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain, islice
from pathlib import Path
from typing import Any, Protocol

from redactcheck.cache import ResultCache
from redactcheck.config import Config
from redactcheck.paths import display_path
from redactcheck.pipeline import BATCH_GC_THRESHOLD, Pipeline, fewer_collections
from redactcheck.results import FileResult, ScanError

#: Bytes of input per work unit with names on: NER dominates, and small units keep both
#: workers busy to the end (16 KB batches NER as well as 64 KB: 6.2 s against 6.35 s on the
#: 0.8 MB benchmark sample, docs/performance.md).
UNIT_BYTES = 16 * 1024
#: Rules only: a unit costs about a millisecond of pool traffic, so units are larger
#: (18.2 against 17 MB/s at 64 KB on the whole corpus); ``UNIT_FILES`` caps them anyway.
UNIT_BYTES_RULES = 256 * 1024
#: Files per unit at most, so a folder of tiny files still spreads over the workers.
UNIT_FILES = 64
#: Units in flight per worker: keeps workers busy while bounding memory.
IN_FLIGHT_PER_WORKER = 3


def default_jobs() -> int:
    """Number of cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


@dataclass(slots=True)
class Item:
    """One file on its way through the pipeline: read by the parent, maybe answered by cache."""

    shown: str
    data: bytes | None = None
    key: str | None = None
    result: FileResult | None = None
    path: Path | None = None  # set when the worker reads the file itself
    size: int = 0
    cached: bool = False
    shown_known: bool = False  # ``shown`` is the report path already (worked out by the parent)

    @property
    def pending(self) -> bool:
        return self.result is None and (self.data is not None or self.path is not None)


@dataclass(slots=True)
class Unit:
    """Consecutive files sent together to one worker."""

    items: list[Item] = field(default_factory=list)
    size: int = 0

    def payload(self) -> list[Path | tuple[str, bytes] | tuple[str, Path]]:
        return [_payload(i) for i in self.items if i.pending]


def _payload(item: Item) -> Path | tuple[str, bytes] | tuple[str, Path]:
    """What a worker gets for one file: the bytes, or the path (with its shown name if the
    parent worked that out), read by the worker itself."""
    if item.path is None:
        return (item.shown, item.data)  # type: ignore[return-value]
    return (item.shown, item.path) if item.shown_known else item.path


class Submit(Protocol):
    """Send one unit's payload to a worker; the handle's ``result()`` gives its results."""

    def __call__(self, payload: list[Any]) -> Any: ...


@dataclass(frozen=True, slots=True)
class WorkerSpec:
    """What a worker needs to build its own pipeline: picklable, sent once per worker.
    ``keep_text``: results keep the document text (HTML report)."""

    config: Config
    key: bytes
    keep_text: bool = False


class Runner(Protocol):
    """Where work units run. ``start`` returns how to submit a unit, how many units run at
    once, and what to call when the scan is over (or None)."""

    #: workers share this machine's file system: they may read the files themselves
    local: bool

    def start(
        self, spec: WorkerSpec, pipeline: Pipeline
    ) -> tuple[Submit, int, Callable[[], None] | None]: ...


# --- worker side ----------------------------------------------------------------------------

_WORKER: dict[tuple[int, bytes], Pipeline] = {}
#: The parent's pipeline by spec digest: a forked worker inherits it and skips rebuilding the
#: rules (about 0.3 s per worker, paid inside the scan's wall-clock time).
_INHERITED: dict[bytes, Pipeline] = {}


def _digest(spec: WorkerSpec) -> bytes:
    return hashlib.sha256(pickle.dumps(spec)).digest()


def worker_pipeline(spec: WorkerSpec) -> Pipeline:
    """The pipeline of this worker process for ``spec``: built (and its model loaded) once."""
    digest = _digest(spec)
    ident = (os.getpid(), digest)
    pipeline = _WORKER.get(ident)
    if pipeline is None:
        pipeline = _INHERITED.get(digest)
        if pipeline is None:
            pipeline = Pipeline(spec.config, key=spec.key)
        if spec.config.names:
            pipeline.name_detector  # noqa: B018 - load the model now, once per worker
        _WORKER.clear()
        _WORKER[ident] = pipeline
    return pipeline


_LOCK = threading.Lock()


def run_unit(spec: WorkerSpec, payload: list[Any]) -> list[FileResult]:
    """Worker entry point: scan the files of one unit (NER batched over all of them).

    One unit at a time per process: a Dask worker with several threads shares one pipeline.
    """
    with _LOCK:
        return worker_pipeline(spec).scan(payload, keep_text=spec.keep_text)


def _local_item(path: Path) -> Item:
    """An item for a worker to read: one ``lstat`` gives the size (to balance the units) and
    says whether the path is a link, which the report path needs, so the worker need not ask."""
    try:
        info = os.lstat(path)
        link = stat.S_ISLNK(info.st_mode)
        size = os.stat(path).st_size if link else info.st_size
    except OSError:
        return Item(str(path), path=path)  # the worker reports the reason
    return Item(display_path(path, link=link), path=path, size=size, shown_known=True)


def init_worker(spec: WorkerSpec) -> None:
    """Start-up of a pool worker: build its pipeline (and load the model) before any unit.

    Then the collector is told to leave alone what the worker holds for the whole scan (the
    pipeline, the imported code): its older-generation passes need not walk them again, and
    a forked worker does not copy the pages they share with the parent by writing to them.
    A worker's whole life is units, so it keeps the young-generation threshold that
    ``Pipeline.scan`` sets for a batch (``BATCH_GC_THRESHOLD``) between units too: put back to
    700 after each unit, the collector's next pass walked everything the unit left alive and
    younger generations after it (about 1% of a rules-only worker's CPU, sampled with py-spy)."""
    worker_pipeline(spec)
    gc.freeze()
    threshold = gc.get_threshold()
    if 0 < threshold[0] < BATCH_GC_THRESHOLD:
        gc.set_threshold(BATCH_GC_THRESHOLD, *threshold[1:])


def inherit(spec: WorkerSpec, pipeline: Pipeline) -> None:
    """Offer the parent's ``pipeline`` to workers forked from now on (see ``_INHERITED``)."""
    _INHERITED.clear()
    _INHERITED[_digest(spec)] = pipeline


# --- parent side ----------------------------------------------------------------------------


def read_items(
    pipeline: Pipeline, files: Iterable[Path], cache: ResultCache | None, *, local: bool = False
) -> Iterator[Item]:
    """Read each file, check the cache; unreadable files become results with an error.

    Without a cache, ``local`` workers read the files themselves: the parent only passes paths.
    """
    for path in files:
        if local and cache is None:
            yield _local_item(path)
            continue
        shown, data, error = pipeline.read(path)
        item = Item(shown, data)
        if error is not None:
            item.result = error
        elif cache is not None:
            assert data is not None  # read() gives the bytes or an error result
            item.key = cache.key(shown, data)
            item.result = cache.get(item.key, shown)
            item.cached = item.result is not None
        yield item


def units(items: Iterable[Item], unit_bytes: int | None = None) -> Iterator[Unit]:
    """Group items into units by size; an answered item costs nothing and rides along."""
    unit_bytes = unit_bytes or UNIT_BYTES
    unit = Unit()
    for item in items:
        unit.items.append(item)
        if item.pending:
            unit.size += len(item.data) if item.data is not None else item.size
        if unit.size >= unit_bytes or len(unit.items) >= UNIT_FILES:
            yield unit
            unit = Unit()
    if unit.items:
        yield unit


def ordered(
    work: Iterable[Unit], submit: Submit | None, in_flight: int
) -> Iterator[tuple[Unit, list[FileResult] | None]]:
    """Submit units, yield each with its results in submission order (streaming)."""
    pending: deque[tuple[Unit, Any]] = deque()
    for unit in work:
        payload = unit.payload()
        handle = submit(payload) if (payload and submit is not None) else payload
        pending.append((unit, handle))
        while len(pending) >= in_flight:
            yield _collect(*pending.popleft())
    while pending:
        yield _collect(*pending.popleft())


def _collect(unit: Unit, handle: Any) -> tuple[Unit, list[FileResult] | None]:
    """The unit's results; ``None`` when its worker died (memory, a signal) or the pool broke
    under it: ``run`` then retries its files one at a time to find the one that did it."""
    if isinstance(handle, list):  # nothing was sent (all answered) or run inline
        return unit, []
    try:
        return unit, handle.result()
    except Exception:  # noqa: BLE001 - BrokenProcessPool, a lost Dask worker …
        return unit, None


def merge(unit: Unit, computed: list[FileResult]) -> Iterator[Item]:
    """Put computed results back into their items, in the unit's order."""
    fresh = iter(computed)
    for item in unit.items:
        if item.pending:
            item.result = next(fresh)
        yield item


def run(
    pipeline: Pipeline,
    files: Iterable[Path],
    runner: Runner,
    *,
    cache: ResultCache | None = None,
    keep_text: bool = False,
    on_file_done: Callable[[FileResult], None] | None = None,
) -> Iterator[FileResult]:
    """Scan ``files`` on ``runner``; yield one result per file, in the order of ``files``."""
    spec = WorkerSpec(pipeline.config, pipeline.key, keep_text)
    size = UNIT_BYTES if pipeline.config.names else UNIT_BYTES_RULES
    work: Iterator[Unit] = units(read_items(pipeline, files, cache, local=runner.local), size)
    head = list(islice(work, 2))
    work = chain(head, work)
    if len(head) < 2 and runner.local:
        runner = InlineRunner()  # one unit of work: starting workers would cost more than it saves
    submit, workers, closer = runner.start(spec, pipeline)
    # the batch's garbage-collection threshold for the whole scan, not each unit: put back
    # to 700 between units, the collector walked the results kept so far again and again
    # (0.12 to 0.15 of about 4 CPU s on the corpus in one process, rules only)
    with fewer_collections():
        yield from _run_units(work, submit, workers, closer, cache, on_file_done)


def _run_units(
    work: Iterator[Unit],
    submit: Submit,
    workers: int,
    closer: Callable[[], None] | None,
    cache: ResultCache | None,
    on_file_done: Callable[[FileResult], None] | None,
) -> Iterator[FileResult]:
    """The results of ``work``'s units, in order (see :func:`run`)."""
    try:
        for unit, computed in ordered(work, submit, in_flight=IN_FLIGHT_PER_WORKER * workers):
            if computed is None:
                computed = _one_by_one(unit, submit)
            for item in merge(unit, computed):
                result = item.result
                assert result is not None
                if cache is not None and item.key and not item.cached and not result.errors:
                    cache.put(item.key, result)
                item.data = None  # release the bytes as soon as the file is done
                if on_file_done is not None:
                    on_file_done(result)
                yield result
    finally:
        if cache is not None:
            cache.flush()
        if closer is not None:
            closer()


MB = 1024 * 1024


def worker_died_message(memory_limit: int | None = None) -> str:
    if memory_limit:
        return (
            f"the worker process scanning this file used more than {memory_limit // MB} MB "
            "(--max-memory) or was killed; not scanned"
        )
    return "the worker process scanning this file died (out of memory or killed); not scanned"


def _one_by_one(unit: Unit, submit: Submit) -> list[FileResult]:
    """Rerun the files of a unit whose worker died, each alone (the pool is rebuilt on the
    next submit): the file that kills its worker again becomes an error of its own, and the
    other files of the unit, which only shared its worker, are scanned as usual."""
    out: list[FileResult] = []
    for item in unit.items:
        if not item.pending:
            continue
        try:
            results = submit([_payload(item)]).result()
        except Exception:  # noqa: BLE001 - this file killed its worker a second time
            limit = getattr(submit, "memory_limit", None)
            error = ScanError(item.shown, worker_died_message(limit))
            results = [FileResult(item.shown, errors=[error], size=item.size)]
        out.extend(results)
    return out


class InlineRunner:
    """Units run in this process, one after another, when their results are collected (not
    when submitted), so memory stays bounded."""

    local = True

    def start(self, spec: WorkerSpec, pipeline: Pipeline) -> tuple[Submit, int, None]:
        class _Lazy:
            def __init__(self, payload: list[Any]):
                self.payload = payload

            def result(self) -> list[FileResult]:
                return pipeline.scan(self.payload, keep_text=spec.keep_text)

        return _Lazy, 1, None
