"""The ``--cluster`` branches of ``generate`` and ``import``: thin wrappers over anp_synth.cluster.

Kept apart from ``generate_cmds`` and ``db_cmds`` so those commands gain one ``if cluster:``
each, and Dask is imported only when a cluster is asked for.
"""

from __future__ import annotations

import gc
import logging
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import click

from ..errors import InvalidArgument
from ..formats.output import atomic_output
from ._progress import progress_bar


@contextmanager
def quiet_dask_logs() -> Iterator[None]:
    """Dask's own log records silenced for the command: a failure reaches the user as its one line.

    Without this a scheduler lost mid-run printed the client's reconnection traceback
    (``distributed.client`` logs it at ERROR, as ``tornado.application`` logs a callback's
    error on the client's event loop and ``asyncio`` a fetch abandoned when a worker died)
    before the command's own message. Loggers that set their own level (Dask's configuration
    does for ``distributed.client``) are silenced one by one, once Dask is imported (its
    import configures them); the levels are restored after.
    """
    from ..cluster import require_dask

    require_dask()
    names = ["distributed", "tornado", "asyncio"] + [
        n for n in logging.root.manager.loggerDict if n.startswith(("distributed.", "tornado."))
    ]
    saved = {name: logging.getLogger(name).level for name in names}
    for name in names:
        logging.getLogger(name).setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        gc.collect()  # the client's abandoned fetches report when collected: here, while still silenced
        for name, level in saved.items():
            logging.getLogger(name).setLevel(level)


def generate(
    address: str, timeout: float, *, output: str, seed: int, count: int, profile: str, fmt: str, part_size: int | None
) -> None:
    """``generate --cluster``: parts and a manifest in the directory ``output`` names."""
    from ..cluster import DEFAULT_PART_SIZE, connect, generate_to, split_target

    directory, pattern, gzip = split_target(output, fmt)
    with (
        quiet_dask_logs(),
        connect(address, timeout=timeout) as client,
        progress_bar(count, "rec", enabled=sys.stderr.isatty()) as advance,
    ):
        result = generate_to(
            directory, seed=seed, count=count, client=client, profile=profile, fmt=fmt,
            part_size=DEFAULT_PART_SIZE if part_size is None else part_size, pattern=pattern, gzip=gzip,
            on_part=None if advance is None else (lambda part: advance(part.count)), worker_timeout=timeout,
        )  # fmt: skip
    m = result.manifest
    click.echo(
        f"wrote {m.count} records (seeds {m.first_seed}..{m.last_seed}) in {len(m.parts)} parts, {m.bytes} bytes, "
        f"to {result.directory} (manifest {result.directory}/manifest.json)",
        err=True,
    )
    click.echo(
        f"{result.elapsed_s:.2f} s, {result.records_per_s:.0f} records/s on {len(result.workers)} workers; "
        f"tasks {result.tasks}, re-run after a lost worker {result.rescheduled}"
        + (f", parts kept from an earlier run {result.kept}" if result.kept else ""),
        err=True,
    )


def import_(
    address: str,
    timeout: float,
    *,
    file: str | None,
    db_url: str,
    seed: int | None,
    count: int | None,
    profile: str,
    batch_size: int,
    on_conflict: str,
    report_path: str | None,
    show: bool,
    refused: dict[str, bool],
    stop: threading.Event | None = None,
) -> None:
    """``import --cluster``: a window of seeds (--seed/--count) or a directory of parts (FILE)."""
    for option, given in refused.items():
        if given:
            raise InvalidArgument(f"{option} does not apply with --cluster (each task imports on its own worker)")
    from ..cluster import connect, import_parts, import_window

    if file is not None and (seed is not None or count is not None):
        raise InvalidArgument("give either DIR or --seed/--count, not both")
    if file is None and count is None:
        raise InvalidArgument("--cluster imports --seed S --count N, or a DIR written by generate --cluster")
    if file == "-":
        raise InvalidArgument("--cluster cannot read stdin: give a DIR written by generate --cluster")
    with (
        quiet_dask_logs(),
        connect(address, timeout=timeout) as client,
        progress_bar(count, "rows", enabled=show) as advance,
    ):

        def on_task(done: Any) -> None:
            if advance is not None:
                advance(done.report.rows_read)

        if file is None:
            assert count is not None
            report = import_window(
                db_url, seed=seed or 0, count=count, client=client, profile=profile, batch_size=batch_size,
                on_conflict=on_conflict, on_task=on_task, worker_timeout=timeout, stop=stop,
            )  # fmt: skip
        else:
            report = import_parts(
                file, db_url, client=client, batch_size=batch_size, on_conflict=on_conflict, on_task=on_task,
                worker_timeout=timeout, stop=stop,
            )  # fmt: skip
    click.echo(report.format_text())
    if report_path:
        with atomic_output(report_path) as out:
            out.write(report.to_json().encode("utf-8"))
