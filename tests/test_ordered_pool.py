"""The one in-order bounded process pool of generate and import: input order out, few in flight, failures last."""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections.abc import Iterator

import pytest

from anp_synth.ordered_pool import WORKER_NICE, in_order

SPAWN = multiprocessing.get_context("spawn")


def test_results_come_back_in_input_order_and_passed_through_tasks_keep_their_place() -> None:
    tasks = [(i, None if i % 3 == 0 else (-i,)) for i in range(20)]
    got = list(in_order(tasks, abs, workers=2, context=SPAWN, limit=3))
    assert got == [(i, None if i % 3 == 0 else i) for i in range(20)]


def test_no_task_is_submitted_before_the_one_limit_places_before_it_is_handed_on() -> None:
    advanced = 0

    def tasks() -> Iterator[tuple[int, tuple[int]]]:
        nonlocal advanced
        for i in range(10):
            advanced += 1
            yield i, (i,)

    for key, _ in in_order(tasks(), abs, workers=2, context=SPAWN, limit=4):
        assert advanced <= key + 4


def test_a_failure_while_reading_tasks_comes_after_the_results_before_it() -> None:
    def tasks() -> Iterator[tuple[int, tuple[int] | None]]:
        yield 0, (5,)
        yield 1, None
        raise ValueError("bad input at task 2")

    got: list[tuple[int, int | None]] = []
    with pytest.raises(ValueError, match="bad input at task 2"):
        got.extend(in_order(tasks(), abs, workers=2, context=SPAWN, limit=4))
    assert got == [(0, 5), (1, None)]


def test_only_passed_through_tasks_start_no_pool_and_a_set_stop_ends_a_wait() -> None:
    class NoPool:
        def Pool(self, *args: object, **kwargs: object) -> None:
            raise AssertionError("a pool was started")

    assert list(in_order([(1, None)], abs, workers=2, context=NoPool(), limit=2)) == [(1, None)]  # type: ignore[arg-type]
    stop = threading.Event()
    stop.set()
    with pytest.raises(KeyboardInterrupt):
        list(in_order([(1, (10.0,))], time.sleep, workers=1, context=SPAWN, limit=2, stop=stop))


def _niceness() -> int:
    return os.nice(0)


@pytest.mark.skipif(not hasattr(os, "nice"), reason="no process priorities on this platform")
def test_worker_processes_run_below_the_process_that_writes_their_results() -> None:
    """The writer is what a run waits on: on short cores it is scheduled first (WORKER_NICE)."""
    results = list(in_order([(0, ()), (1, ())], _niceness, workers=2, context=SPAWN, limit=2))
    expected = min(os.nice(0) + WORKER_NICE, 19)  # the kernel's floor
    assert results == [(0, expected), (1, expected)]
