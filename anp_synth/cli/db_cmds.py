"""``anp-synth db init|upgrade|status`` and ``anp-synth import``: thin wrappers over anp_synth.db."""

from __future__ import annotations

import os
import signal
import stat
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from typing import Any

import click

from ..db import SCHEMA_HEAD, ImportReport, import_file, import_generated
from ..db.admin import database_status, init_database, repair_database, upgrade_database
from ..db.importer import ImportFailed, ImportInterrupted
from ..errors import AnpSynthError, InvalidArgument, OutputError
from ..formats.output import atomic_output
from ..model import PROFILES
from ..ordered_pool import check_workers
from ._errors import CliError, reported
from ._help import PROFILE_HELP, WORKERS_HELP
from ._options import cluster_timeout_option, db_option, input_format_option, max_line_bytes_option
from ._progress import progress_bar

_DB_OPTION = db_option(
    "Target database: sqlite:///FILE or postgresql://USER@HOST/DB (psycopg 3; PGPASSWORD, ~/.pgpass... apply)."
)


@click.group("db")
def db_group() -> None:
    """Create, upgrade and inspect the anp_ tables of a database."""


@db_group.command("init")
@_DB_OPTION
def db_init(db_url: str) -> None:
    """Create the anp_ tables at the newest schema version (no-op if they exist)."""
    with reported():
        result = init_database(db_url)
        if result.created:
            click.echo(f"created the anp_ tables in {result.database} at schema version {result.version}")
        elif result.outdated:
            click.echo(
                f"{result.database} is at schema version {result.version} (newest {SCHEMA_HEAD}): "
                "run `anp-synth db upgrade` to bring it up to date"
            )
        else:
            click.echo(f"{result.database} is already at schema version {result.version}")


@db_group.command("upgrade")
@_DB_OPTION
@click.option("--to", "target", type=int, default=SCHEMA_HEAD, show_default=True, help="Schema version to stop at.")
def db_upgrade(db_url: str, target: int) -> None:
    """Apply the pending migrations in order, each in the same transaction as its version row."""
    with reported():
        if not 1 <= target <= SCHEMA_HEAD:
            raise InvalidArgument(f"--to {target}: schema versions run from 1 to {SCHEMA_HEAD}")
        result = upgrade_database(db_url, target=target, on_step=lambda v, d: click.echo(f"applied version {v}: {d}"))
        if result.before == result.after:
            click.echo(f"{result.database} is at schema version {result.after}: nothing to do")
        else:
            click.echo(f"{result.database} upgraded from version {result.before or 0} to {result.after}")


@db_group.command("status")
@_DB_OPTION
def db_status(db_url: str) -> None:
    """Show the schema version, applied and pending migrations, the ledger's size and index problems."""
    with reported():
        status = database_status(db_url)
        click.echo(f"database        {status.database}")
        click.echo(f"schema version  {status.version if status.version is not None else 'none (no anp_ tables)'}")
        click.echo(f"newest version  {status.head}")
        for version, description, applied_at in status.applied:
            click.echo(f"  applied  v{version}  {applied_at}  {description}")
        for version, description in status.pending:
            click.echo(f"  pending  v{version}  {description}")
        for name, count in status.row_counts:
            click.echo(f"rows {name:<18} {count}")
        for problem in status.problems:
            click.echo(f"problem         {problem}")
        if status.problems:
            click.echo("repair          run `anp-synth db repair --db URL` (the next import also repairs)")


@db_group.command("repair")
@_DB_OPTION
def db_repair(db_url: str) -> None:
    """Build the indexes a killed load left missing, and rebuild invalid ones (PostgreSQL)."""
    with reported():
        result = repair_database(db_url)
        for problem in result.repaired:
            click.echo(f"repaired  {problem}")
        if not result.repaired:
            click.echo(f"{result.database}: nothing to repair")


def _write_report(path: str, report: ImportReport) -> None:
    with atomic_output(path) as out:
        out.write(report.to_json().encode("utf-8"))


def _report_error(path: str | None, report: ImportReport) -> OutputError | None:
    """Write the --report file, if asked for; its error, which must not hide the summary.

    The report is written before the summary is printed, so that stdout on a full disk
    cannot keep it from being written; what was committed stays committed either way.
    """
    if path:
        try:
            _write_report(path, report)
        except OutputError as exc:
            return exc
    return None


@click.command("import")
@click.argument("file", required=False, metavar="[FILE|-]")
@_DB_OPTION
@click.option("--seed", type=int, default=None, help="Generate records from this seed on (with --count).")
@click.option("--count", type=int, default=None, help="Number of records to generate.")
@click.option(
    "--profile",
    type=click.Choice(PROFILES),
    default=None,
    help=PROFILE_HELP + " With --seed/--count only (default realistic): a file's records carry their own.",
)
@click.option(
    "--batch-size",
    type=int,
    default=None,
    help="Records per transaction [default: chosen for the database and the input, shown in the report].",
)
@click.option(
    "--on-error",
    type=click.Choice(["abort", "skip"]),
    default="abort",
    show_default=True,
    help="A bad record stops the import (abort) or goes to <FILE>.rejects.jsonl (skip).",
)
@click.option(
    "--on-conflict",
    type=click.Choice(["skip", "update"]),
    default="skip",
    show_default=True,
    help="The same article stored with other content or by another generator version: keep the stored "
    "row, or replace it. A different article is never replaced: its record is rejected.",
)
@click.option(
    "--workers",
    type=int,
    default=None,
    help=f"{WORKERS_HELP} [default: SQLite one per usable core but one, at most 4 (1 on 2 cores or fewer), "
    "PostgreSQL one per usable core, at most 4; 1 for a small input].",
)
@click.option(
    "--jobs",
    type=click.IntRange(1, 64),
    default=None,
    help="PostgreSQL: writer connections, each committing whole batches (same rows as 1) "
    "[default: the server's cores, at most 2 per client core and 4; 1 for a small input; SQLite: 1].",
)
@click.option("--rejects", "rejects_path", default=None, metavar="PATH", help="Where --on-error skip puts bad records.")
@click.option("--report", "report_path", default=None, metavar="FILE.json", help="Also write the report as JSON.")
@click.option("--progress/--no-progress", default=None, help="Progress bar on stderr (default: only on a terminal).")
@input_format_option
@max_line_bytes_option
@click.option(
    "--lock-timeout",
    "lock_timeout_s",
    type=click.FloatRange(min=0, min_open=True, max=86_400),
    default=30.0,
    show_default=True,
    metavar="SECONDS",
    help="PostgreSQL: wait this long for a lock held by another session, then say so and retry.",
)
@click.option(
    "--reread",
    is_flag=True,
    help="Read and key every batch of FILE, even when it is unchanged (same inode, size and change time) "
    "since a complete import of it with the same settings, which is otherwise found whole without reading it.",
)
@click.option(
    "--cluster",
    metavar="ADDRESS",
    help="Import on a Dask cluster: tcp://HOST:PORT or local[:N]; FILE is then a DIR of parts.",
)
@cluster_timeout_option
def import_cmd(
    file: str | None,
    db_url: str,
    seed: int | None,
    count: int | None,
    profile: str | None,
    batch_size: int | None,
    on_error: str,
    on_conflict: str,
    workers: int | None,
    jobs: int | None,
    rejects_path: str | None,
    report_path: str | None,
    progress: bool | None,
    fmt: str | None,
    max_line_bytes: int,
    lock_timeout_s: float,
    reread: bool,
    cluster: str | None,
    cluster_timeout: float,
) -> None:
    """Import records from FILE (jsonl, json, csv, .gz, parquet, or - for stdin), or generate them with --seed/--count.

    Safe to re-run and to resume: every batch commits with its ledger entry, and batches
    already in the ledger are skipped. The summary goes to stdout; the bar, if any, to stderr.
    SIGINT and SIGTERM stop it between batches (the batch in flight is rolled back or
    finished): the summary and --report say what was committed, and the exit code is 130 / 143.
    """
    stop = threading.Event()
    with reported(), _stop_signals(stop) as received:
        show = sys.stderr.isatty() if progress is None else progress
        if workers is not None:
            check_workers(workers)  # the range and message of generate's --workers
        if cluster is not None:
            from . import cluster_cmds

            refused = {
                "--workers": workers not in (None, 1),
                "--jobs": jobs not in (None, 1),
                "--on-error skip": on_error != "abort",
                "--rejects": bool(rejects_path),
                "--profile with a DIR": file is not None and profile is not None,
                "--reread": reread,
            }
            from ..cluster import ClusterInterrupted

            try:
                cluster_cmds.import_(
                    cluster, cluster_timeout, file=file, db_url=db_url, seed=seed, count=count,
                    profile=profile or "realistic", batch_size=1000 if batch_size is None else batch_size,
                    on_conflict=on_conflict, report_path=report_path, show=show, refused=refused, stop=stop,
                )  # fmt: skip
            except ClusterInterrupted:
                raise _interrupted(
                    received, " (tasks already running on a remote cluster's workers finish their slice)"
                ) from None
            return
        generated = seed is not None or count is not None
        if generated and file is not None:
            raise InvalidArgument("give either FILE or --seed/--count, not both")
        if not generated and file is None:
            raise InvalidArgument("give a FILE (or - for stdin), or --seed S --count N")
        if not generated and profile is not None:
            raise InvalidArgument("--profile applies to generated seeds; a file's records carry their own profile")

        def tell(message: str) -> None:
            click.echo(message, err=True)

        try:
            if generated:
                if count is None:
                    raise InvalidArgument("--seed needs --count N (how many records to generate)")
                if on_error == "skip" or rejects_path:
                    raise InvalidArgument("--on-error skip and --rejects apply to files: generated records are valid")
                if reread:
                    raise InvalidArgument(
                        "--reread applies to a FILE: generated seeds are found in the ledger by their window"
                    )
                with progress_bar(count, "rows", enabled=show) as advance:
                    report = import_generated(
                        db_url, seed=seed or 0, count=count, profile=profile or "realistic", batch_size=batch_size,
                        workers=workers, on_conflict=on_conflict, progress=advance, lock_timeout_s=lock_timeout_s,
                        on_event=tell, stop=stop, jobs=jobs,
                    )  # fmt: skip
            else:
                assert file is not None
                # a file's bar counts its bytes as stored (compressed for .gz), so it has a total and an ETA
                size = _file_size(file)
                with progress_bar(size, "B" if size else "rows", enabled=show) as advance:
                    report = import_file(
                        file, db_url, batch_size=batch_size, workers=workers, on_error=on_error,
                        on_conflict=on_conflict, progress=advance, rejects_path=rejects_path, fmt=fmt,
                        max_line_bytes=max_line_bytes, lock_timeout_s=lock_timeout_s, on_event=tell, stop=stop,
                        jobs=jobs, reread=reread,
                    )  # fmt: skip
        except ImportInterrupted as exc:
            unwritten = _report_error(report_path, exc.report)
            with suppress(OSError):  # stdout's own trouble must not hide why the import stopped
                click.echo(exc.report.format_text())
            also = f"; and {unwritten}" if unwritten is not None else ""
            raise _interrupted(received, "", also) from None
        except AnpSynthError as exc:
            if isinstance(exc, ImportFailed):
                partial = exc.report
                unwritten = _report_error(report_path, partial)
                with suppress(OSError):  # stdout's own trouble must not hide why the import stopped
                    click.echo(partial.format_text())
                if unwritten is not None:
                    raise CliError(f"{exc}; and {unwritten}", exit_code=exc.exit_code) from None
            raise
        unwritten = _report_error(report_path, report)
        click.echo(report.format_text())
        if unwritten is not None:
            raise unwritten
        if report.rejected and report.rejected == report.rows_read:
            raise CliError(f"every record read ({report.rejected}) was rejected: nothing was imported", exit_code=1)


def _interrupted(received: list[int], kept: str, also: str = "") -> CliError:
    """The one line of an import a signal stopped (the last one received; SIGINT if none was), its exit 128 + N."""
    signum = received[-1] if received else int(signal.SIGINT)
    return CliError(
        f"interrupted by {signal.Signals(signum).name}: every batch committed before the stop is kept{kept}; "
        f"run the same import again to resume{also}",
        exit_code=128 + signum,
    )


def _file_size(path: str) -> int | None:
    """The size of a regular file (the bar's total); None for stdin, a pipe or what cannot be read."""
    try:
        info = os.stat(path) if path != "-" else None
    except OSError:
        return None
    return info.st_size if info is not None and stat.S_ISREG(info.st_mode) else None


@contextmanager
def _stop_signals(stop: threading.Event) -> Iterator[list[int]]:
    """SIGINT and SIGTERM set ``stop`` inside the block; the list says which arrived.

    The importer then stops at the next batch boundary (see ``ImportInterrupted``), and the
    exit code names the signal (128 + its number). A second signal does not wait for the
    batch in flight: it raises KeyboardInterrupt, which rolls that batch back.
    """
    received: list[int] = []

    def on_signal(signum: int, frame: object) -> None:
        received.append(signum)
        if stop.is_set():
            raise KeyboardInterrupt
        stop.set()

    previous: dict[int, Any] = {}
    try:
        for number in (int(signal.SIGINT), int(signal.SIGTERM)):
            previous[number] = signal.signal(number, on_signal)
    except ValueError:  # not the main thread (a test runner, an embedding program): leave signals alone
        pass
    try:
        yield received
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


def register(group: click.Group) -> None:
    """Add ``db`` (init, upgrade, status, repair) and ``import`` to the root group."""
    group.add_command(db_group)
    group.add_command(import_cmd)
