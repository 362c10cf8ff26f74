"""``anp-synth db init|upgrade|status`` and ``anp-synth import``: thin wrappers over anp_synth.db."""

from __future__ import annotations

import sys
from contextlib import suppress
from typing import Any

import click

from ..db import DEFAULT_DB_URL, ImportReport, import_file, import_generated
from ..db.connect import database_errors, open_engine, parse_url, redact
from ..db.migrations import HEAD, inspect_schema, upgrade
from ..dburl import ENV_DB_URL
from ..errors import AnpSynthError, InvalidArgument, OutputError
from ..formats.output import atomic_output
from ..model import PROFILES
from ._errors import CliError, reported
from ._help import PROFILE_HELP

_DB_OPTION = click.option(
    "--db",
    "db_url",
    default=DEFAULT_DB_URL,
    show_default=True,
    envvar=ENV_DB_URL,
    show_envvar=True,
    metavar="URL",
    help="Target database: sqlite:///FILE or postgresql://USER@HOST/DB (psycopg 3; PGPASSWORD, ~/.pgpass... apply).",
)


@click.group("db")
def db_group() -> None:
    """Create, upgrade and inspect the anp_ tables of a database."""


@db_group.command("init")
@_DB_OPTION
def db_init(db_url: str) -> None:
    """Create the anp_ tables at the newest schema version (no-op if they exist)."""
    with reported():
        url = parse_url(db_url)
        engine = open_engine(db_url)
        try:
            with database_errors(url, "cannot initialise"), engine.connect() as conn:
                state = inspect_schema(conn)
            if state.version is None:
                with database_errors(url, "cannot initialise"):
                    upgrade(engine)
                click.echo(f"created the anp_ tables in {redact(url)} at schema version {HEAD}")
            elif state.version < HEAD:
                click.echo(
                    f"{redact(url)} is at schema version {state.version} (newest {HEAD}): "
                    "run `anp-synth db upgrade` to bring it up to date"
                )
            else:
                click.echo(f"{redact(url)} is already at schema version {state.version}")
        finally:
            engine.dispose()


@db_group.command("upgrade")
@_DB_OPTION
@click.option("--to", "target", type=int, default=HEAD, show_default=True, help="Schema version to stop at.")
def db_upgrade(db_url: str, target: int) -> None:
    """Apply the pending migrations in order, each in the same transaction as its version row."""
    with reported():
        if not 1 <= target <= HEAD:
            raise InvalidArgument(f"--to {target}: schema versions run from 1 to {HEAD}")
        url = parse_url(db_url)
        engine = open_engine(db_url)
        try:
            with database_errors(url, "cannot upgrade"):
                before, after = upgrade(
                    engine, target=target, on_step=lambda v, d: click.echo(f"applied version {v}: {d}")
                )
        finally:
            engine.dispose()
        if before == after:
            click.echo(f"{redact(url)} is at schema version {after}: nothing to do")
        else:
            click.echo(f"{redact(url)} upgraded from version {before or 0} to {after}")


@db_group.command("status")
@_DB_OPTION
def db_status(db_url: str) -> None:
    """Show the schema version, applied and pending migrations, and the ledger's size."""
    with reported():
        url = parse_url(db_url)
        engine = open_engine(db_url)
        try:
            with database_errors(url, "cannot read"), engine.connect() as conn:
                state = inspect_schema(conn)
                counts: dict[str, Any] = {}
                if state.version:
                    from sqlalchemy import text

                    for name in ("anp_articles", "anp_post_meta", "anp_import_ledger"):
                        counts[name] = conn.execute(text(f"select count(*) from {name}")).scalar_one()
        finally:
            engine.dispose()
        click.echo(f"database        {redact(url)}")
        click.echo(f"schema version  {state.version if state.version is not None else 'none (no anp_ tables)'}")
        click.echo(f"newest version  {HEAD}")
        for version, description, applied_at in state.applied:
            click.echo(f"  applied  v{version}  {applied_at}  {description}")
        for migration in state.pending:
            click.echo(f"  pending  v{migration.VERSION}  {migration.DESCRIPTION}")
        for name, count in counts.items():
            click.echo(f"rows {name:<18} {count}")


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
@click.option("--profile", type=click.Choice(PROFILES), default="realistic", show_default=True, help=PROFILE_HELP)
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
    help="A record whose reference exists with other content: keep the stored row, or replace it.",
)
@click.option(
    "--workers",
    type=int,
    default=None,
    help="Processes that generate or parse and encode batches while this one writes (0: this one does) "
    "[default: one per usable core, at most 4; none for a small input].",
)
@click.option("--rejects", "rejects_path", default=None, metavar="PATH", help="Where --on-error skip puts bad records.")
@click.option("--report", "report_path", default=None, metavar="FILE.json", help="Also write the report as JSON.")
@click.option("--progress/--no-progress", default=None, help="Progress bar on stderr (default: only on a terminal).")
def import_cmd(
    file: str | None,
    db_url: str,
    seed: int | None,
    count: int | None,
    profile: str,
    batch_size: int | None,
    on_error: str,
    on_conflict: str,
    workers: int | None,
    rejects_path: str | None,
    report_path: str | None,
    progress: bool | None,
) -> None:
    """Import records from a jsonl FILE (.gz, or - for stdin), or generate them with --seed/--count.

    Safe to re-run and to resume: every batch commits with its ledger entry, and batches
    already in the ledger are skipped. The summary goes to stdout; the bar, if any, to stderr.
    """
    with reported():
        show = sys.stderr.isatty() if progress is None else progress
        generated = seed is not None or count is not None
        if generated and file is not None:
            raise InvalidArgument("give either FILE or --seed/--count, not both")
        if not generated and file is None:
            raise InvalidArgument("give a FILE (or - for stdin), or --seed S --count N")
        try:
            if generated:
                if count is None:
                    raise InvalidArgument("--seed needs --count N (how many records to generate)")
                if on_error == "skip" or rejects_path:
                    raise InvalidArgument("--on-error skip and --rejects apply to files: generated records are valid")
                report = import_generated(
                    db_url, seed=seed or 0, count=count, profile=profile, batch_size=batch_size, workers=workers,
                    on_conflict=on_conflict, progress=show,
                )  # fmt: skip
            else:
                assert file is not None
                report = import_file(
                    file, db_url, batch_size=batch_size, workers=workers, on_error=on_error,
                    on_conflict=on_conflict, progress=show, rejects_path=rejects_path,
                )  # fmt: skip
        except AnpSynthError as exc:
            partial: ImportReport | None = getattr(exc, "report", None)
            if partial is not None:
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


def register(group: click.Group) -> None:
    """Add ``db`` (init, upgrade, status) and ``import`` to the root group."""
    group.add_command(db_group)
    group.add_command(import_cmd)
