"""From an address on the command line to a connected ``distributed.Client``.

``ADDRESS`` is a Dask scheduler (``tcp://host:8786``, or any address ``distributed``
understands) or ``local`` / ``local:N``: a :class:`distributed.LocalCluster` of N worker
processes on this machine (default: one per core), one thread each (the generator is pure
Python: a second thread in a process would only wait for the first one's GIL), no
dashboard, listening on loopback only. The same command line then runs on a laptop and on a
real cluster.

Dask is an optional extra. Nothing here imports it at module level, so the rest of
anp-synth works without it; asking for a cluster without it installed is one line saying
how to install it.
"""

from __future__ import annotations

import contextlib
import importlib
import logging
import os
import re
import signal
import threading
import time
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from .. import __version__
from ..errors import AnpSynthError, InvalidArgument
from ..rules import GENERATOR_VERSION

if TYPE_CHECKING:
    from distributed import Client, Future

__all__ = [
    "DEFAULT_TIMEOUT_S",
    "INSTALL_HINT",
    "ClusterError",
    "ClusterInterrupted",
    "connect",
    "finished",
    "outcome",
    "parse_address",
    "require_dask",
    "settled",
]

DEFAULT_TIMEOUT_S = 10.0
"""How long to wait for a scheduler to answer and for a first worker to join it."""

INSTALL_HINT = "pip install 'anp-synth[cluster]'"

_LOCAL_RE = re.compile(r"local(?::(\d+))?")
MAX_LOCAL_WORKERS = 64


class ClusterError(AnpSynthError):
    """The cluster could not be reached or used: no Dask, no scheduler, no workers, a version mismatch."""


class ClusterInterrupted(ClusterError):
    """The caller's ``stop`` was set (the command's SIGINT or SIGTERM) while tasks were still running."""


def require_dask() -> None:
    """Raise :class:`ClusterError` with the install command when ``distributed`` cannot be imported."""
    try:
        importlib.import_module("distributed")
    except ImportError:
        raise ClusterError(f"--cluster needs Dask, which is not installed: {INSTALL_HINT}") from None


def parse_address(address: str) -> tuple[str, int | None]:
    """``("local", N)`` for ``local`` / ``local:N`` (N None: one per core), else ``(address, None)``."""
    text = address.strip()
    if not text:
        raise InvalidArgument("--cluster needs an address: tcp://HOST:PORT, local or local:N")
    match = _LOCAL_RE.fullmatch(text)
    if match is not None:
        n = None if match.group(1) is None else int(match.group(1))
        if n is not None and not 1 <= n <= MAX_LOCAL_WORKERS:
            raise InvalidArgument(
                f"--cluster {text}: the number of local workers must be from 1 to {MAX_LOCAL_WORKERS}"
            )
        return "local", n
    if text.startswith("local"):
        raise InvalidArgument(f"--cluster {text!r}: write local or local:N (N worker processes)")
    return text, None


@contextlib.contextmanager
def connect(address: str, *, timeout: float = DEFAULT_TIMEOUT_S) -> Iterator[Client]:
    """A client of the cluster ``address`` names, closed (and a local cluster stopped) on exit.

    Raises :class:`ClusterError` in one line when Dask is missing, the scheduler does not
    answer within ``timeout`` seconds, no worker joins it in that time, or a worker cannot
    import anp-synth or runs another generator version (its records would differ).
    """
    if not timeout > 0:
        raise InvalidArgument(f"--cluster-timeout {timeout}: must be > 0 seconds")
    target, local_workers = parse_address(address)
    require_dask()
    from distributed import Client, LocalCluster

    with contextlib.ExitStack() as stack:
        if target == "local":
            n = local_workers or os.cpu_count() or 1
            try:
                with _children_ignore_sigint():
                    cluster = LocalCluster(
                        n_workers=n,
                        threads_per_worker=1,
                        processes=True,
                        host="127.0.0.1",
                        dashboard_address=None,
                        worker_dashboard_address=None,
                        # The scheduler serves /health over HTTP even without a dashboard: on loopback, any
                        # free port (its default, 8787, is taken by a second cluster on the same machine).
                        scheduler_kwargs={"dashboard": False, "dashboard_address": "127.0.0.1:0"},
                        # A task's error reaches the user once, as the command's one line, not as a worker's log.
                        silence_logs=logging.CRITICAL,
                    )
            except (OSError, RuntimeError, TimeoutError) as exc:  # distributed wraps start-up failures
                reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
                raise ClusterError(f"cannot start a local Dask cluster of {n} workers: {reason}") from None
            stack.callback(cluster.close)
            client = Client(cluster, set_as_default=False, timeout=timeout)
        else:
            try:
                client = Client(target, set_as_default=False, timeout=timeout)
            except (OSError, TimeoutError, ValueError) as exc:
                reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
                raise ClusterError(
                    f"cannot reach the Dask scheduler at {target} within {timeout:g} s: {reason}"
                ) from None
        stack.callback(client.close)
        try:
            client.wait_for_workers(1, timeout=timeout)
        except (OSError, TimeoutError):
            raise ClusterError(f"no Dask worker joined the scheduler at {target} within {timeout:g} s") from None
        check_workers(client)
        yield client


@contextlib.contextmanager
def _children_ignore_sigint() -> Iterator[None]:
    """Processes started inside ignore SIGINT (an ignored signal stays ignored across exec).

    Why: a terminal's Ctrl-C reaches every process of its group, the local cluster's worker
    processes too, and each printed its own KeyboardInterrupt traceback. Only this process
    should hear it: it stops the run with one line and closes the cluster, which stops the
    workers. A Ctrl-C during the second or so the cluster takes to start is ignored too.
    Outside the main thread (a library caller's thread) signals cannot be changed: nothing is.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _worker_identity() -> tuple[str, str]:
    """Run on every worker: the anp-synth and generator versions it would run."""
    from .. import __version__ as worker_version
    from ..rules import GENERATOR_VERSION as worker_generator

    return worker_version, worker_generator


def check_workers(client: Client) -> None:
    """Every worker imports anp-synth and runs this generator version, or a :class:`ClusterError`."""
    try:
        seen: dict[str, Any] = client.run(_worker_identity, on_error="return")
    except Exception as exc:  # a worker that cannot even unpickle the call
        raise ClusterError(f"cannot run anp-synth on the cluster's workers: {exc}") from None
    for worker, identity in sorted(seen.items()):
        if isinstance(identity, BaseException):
            raise ClusterError(
                f"worker {worker} cannot run anp-synth ({type(identity).__name__}: {identity}): "
                f"install the same anp-synth ({__version__}) with {INSTALL_HINT} on every worker"
            )
        if tuple(identity)[1] != GENERATOR_VERSION:
            raise ClusterError(
                f"worker {worker} runs generator {identity[1]} (anp-synth {identity[0]}), this process "
                f"{GENERATOR_VERSION}: their records would differ; install the same anp-synth everywhere"
            )


def worker_address() -> str:
    """The address of the Dask worker running the current task ("local" outside one)."""
    try:
        from distributed import get_worker

        return str(get_worker().address)
    except (ImportError, ValueError):
        return "local"


def rescheduled(client: Client, keys: list[str]) -> int:
    """How many of ``keys`` the scheduler had to run again because a worker holding them was lost.

    The scheduler counts, per task, the workers that died while it was assigned to them
    (``suspicious``); the futures must still be held. A scheduler that refuses the call
    (pickled calls disabled) gives 0 rather than failing a finished run.
    """

    def count(dask_scheduler: Any, wanted: list[str]) -> int:  # by value: the scheduler needs no anp-synth
        return sum(1 for k in wanted if k in dask_scheduler.tasks and dask_scheduler.tasks[k].suspicious > 0)

    try:
        return int(client.run_on_scheduler(count, wanted=keys))
    except Exception:
        return 0


POLL_S = 0.05
"""How often :func:`finished` looks for finished futures (a local check, no message to the scheduler)."""

WORKERS_CHECK_S = 1.0
"""How often :func:`finished` asks the scheduler whether it still has a worker, while nothing finishes."""

FETCH_ATTEMPTS = 5
"""Fetches of one finished task's value that may fail on a closed connection before that is its error."""


class _Watchdog:
    """Raises once the caller's ``stop`` is set, or the scheduler has answered "no worker" for ``timeout`` s in a row."""

    def __init__(self, client: Client, timeout: float, then: str, tasks: int, stop: threading.Event | None) -> None:
        self.client, self.timeout, self.then, self.tasks, self.stop = client, timeout, then, tasks, stop
        self.alone_since: float | None = None
        self.checked = time.monotonic()

    def reset(self) -> None:
        self.alone_since = None

    def check(self, left: int) -> None:
        if self.stop is not None and self.stop.is_set():
            raise ClusterInterrupted(f"stopped with {left} of {self.tasks} tasks still to run: {self.then}")
        now = time.monotonic()
        if now - self.checked < WORKERS_CHECK_S:
            return
        self.checked = now
        try:
            workers = len(self.client.nthreads())
        except Exception:  # the scheduler itself is gone: its futures are cancelled, and say so
            return
        if workers:
            self.alone_since = None
        elif self.alone_since is None:
            self.alone_since = now
        elif now - self.alone_since >= self.timeout:
            raise ClusterError(
                f"the Dask scheduler has had no worker for {self.timeout:g} s, with {left} of "
                f"{self.tasks} tasks still to run: {self.then}"
            )


def finished(
    client: Client,
    futures: list[Future[Any]],
    *,
    worker_timeout: float,
    then: str,
    stop: threading.Event | None = None,
) -> Iterator[tuple[Future[Any], Any]]:
    """Each of ``futures`` as it finishes, with its value (or its error, as a value: see :func:`settled`).

    A :class:`ClusterError` once the cluster has had no worker for ``worker_timeout`` s.
    Why: when every worker dies, a scheduler keeps the tasks for a worker that may come back
    (a nanny's restart, an autoscaler), by default forever; a command must not hang without
    a word. ``worker_timeout`` gives a replacement that long to join. ``then`` ends the
    error: what the work done so far is worth. A value still on a worker that dies before
    it is fetched is computed again by the scheduler: fetching it waits for that, under the
    same watch. ``stop`` set (a signal the caller caught) is a :class:`ClusterInterrupted`
    at the next look, whatever is still running.
    """
    from distributed import as_completed

    pending = as_completed(futures, loop=client.loop)
    watchdog = _Watchdog(client, worker_timeout, then, len(futures), stop)
    while not pending.is_empty():
        watchdog.check(pending.count())
        done = pending.next_batch(block=False)
        if not done:
            time.sleep(POLL_S)
            continue
        watchdog.reset()
        for n, future in enumerate(done):
            yield future, _value(future, watchdog, pending.count() + len(done) - n)


def _value(future: Future[Any], watchdog: _Watchdog, left: int) -> Any:
    """A finished future's value, or its error (as a value).

    Its value may be lost with its worker before it is fetched: the fetch then fails (the
    connection closed) or waits while the scheduler computes it again. Either is retried
    under the watchdog; a fetch that keeps failing with workers present is the error.
    """
    failures = 0
    while True:
        if future.status == "error":
            return future.exception()
        if future.cancelled():
            try:
                future.result()
            except BaseException as exc:  # the CancelledError that says why
                return exc
        try:
            return future.result(timeout=WORKERS_CHECK_S)
        except TimeoutError:
            pass
        except OSError as exc:  # the worker holding the value went away mid-fetch
            failures += 1
            if failures >= FETCH_ATTEMPTS:
                return exc
            time.sleep(WORKERS_CHECK_S / 2)
        watchdog.check(left)


def outcome(client: Client, future: Future[Any], what: str, *, worker_timeout: float, then: str) -> Any:
    """One future's value, waited for as :func:`finished` waits (no endless wait on a workerless cluster)."""
    for _, value in finished(client, [future], worker_timeout=worker_timeout, then=then):
        return settled(value, what)
    raise AssertionError("finished() yields every future it is given")


def settled(value: Any, what: str) -> Any:
    """A value :func:`finished` gave; when it is the task's error: that error if anp-synth raised it, else one
    :class:`ClusterError` line (a cancelled task included)."""
    if not isinstance(value, BaseException):
        return value
    if isinstance(value, AnpSynthError):
        raise value
    reason = str(value).splitlines()[0] if str(value) else ""
    if "scheduler-connection-lost" in reason:
        raise ClusterError(f"{what} did not finish: the connection to the Dask scheduler was lost") from None
    raise ClusterError(f"{what} failed on the cluster: {type(value).__name__}: {reason}") from None
