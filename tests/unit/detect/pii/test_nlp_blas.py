"""``one_blas_thread`` holds numpy's BLAS to one thread around NER and gives the threads back.

Each worker is one core's worth of work; a second BLAS thread per worker doubled CPU time
(docs/performance.md). The context reuses one view of the loaded libraries per process, so
these tests check that the limit still takes hold on every use, not only the first.
"""

from __future__ import annotations

import numpy as np
from threadpoolctl import threadpool_info, threadpool_limits

from redactcheck.detect.pii.nlp import one_blas_thread


def _blas_threads() -> list[int]:
    return [i["num_threads"] for i in threadpool_info() if i["user_api"] == "blas"]


def test_blas_runs_on_one_thread_inside_and_as_before_after_each_use():
    np.ones(1) @ np.ones(1)  # numpy's BLAS is loaded
    with threadpool_limits(2, user_api="blas"):  # two threads to start from, on any machine
        before = _blas_threads()
        assert before and all(n == 2 for n in before)
        for _ in range(3):  # the cached view of the libraries serves every use
            with one_blas_thread():
                assert _blas_threads() == [1] * len(before)
            assert _blas_threads() == before
