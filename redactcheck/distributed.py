"""Scale out: send work units to a running Dask cluster (``--dask-scheduler tcp://HOST:PORT``).

The parent still walks and reads the files, answers cache hits and puts results back in input
order (parallel.py); :class:`DaskRunner` only takes the place of the local process pool (both
are runners). Units carry the file bytes, so workers need no shared file system, and each
worker builds its pipeline (and loads the model) once. The fingerprint key travels with the
work, so fingerprints match a local run. Needs the ``dask`` extra:
``pip install 'redactcheck[dask]'``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from redactcheck.parallel import Submit, WorkerSpec, run_unit
from redactcheck.pipeline import Pipeline


class DaskUnavailable(Exception):
    """Dask is not installed or the scheduler cannot be reached; the message says which."""


def _connect(address: str, timeout: float):
    try:  # imported here: Dask is an optional extra (redactcheck[dask])
        from distributed import Client
    except ImportError as exc:
        raise DaskUnavailable(
            "--dask-scheduler needs Dask: pip install 'redactcheck[dask]'"
        ) from exc
    try:
        return Client(address, timeout=timeout, set_as_default=False)
    except Exception as exc:  # noqa: BLE001 - OSError, TimeoutError, a malformed address …
        raise DaskUnavailable(f"cannot reach the Dask scheduler at {address}: {exc}") from exc


def worker_count(client: Any) -> int:
    """Worker threads of the cluster (at least 1), to size the number of units in flight."""
    info = client.scheduler_info()
    threads = sum(w.get("nthreads", 1) for w in info.get("workers", {}).values())
    return max(1, threads)


def dask_submitter(
    address: str, spec: WorkerSpec, timeout: float = 30.0
) -> tuple[Submit, int, Callable[[], None]]:
    """A ``submit(payload)`` sending units to the cluster, its width, and a closer."""
    client = _connect(address, timeout)
    spec_future = client.scatter(spec, broadcast=True)

    def submit(payload: list[tuple[str, bytes]]) -> Any:
        return client.submit(run_unit, spec_future, payload, pure=False)

    return submit, worker_count(client), client.close


class DaskRunner:
    """Units run on the Dask cluster at ``address`` (``--dask-scheduler``); the parent sends
    the bytes, since workers may not see this machine's files."""

    local = False

    def __init__(self, address: str, timeout: float = 30.0):
        self.address = address
        self.timeout = timeout

    def start(self, spec: WorkerSpec, pipeline: Pipeline) -> tuple[Submit, int, Callable[[], None]]:
        return dask_submitter(self.address, spec, self.timeout)
