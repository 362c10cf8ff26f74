"""``anp-synth bench`` (run, and ``bench compare``) and ``anp-synth explain``: thin wrappers over anp_synth.bench."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from ..bench.compare import DEFAULT_NOISE_FLOOR, compare_reports, render_comparison
from ..bench.connect import redact
from ..bench.explain import LARGE_TABLE_ROWS, explain_database
from ..bench.html import render_html
from ..bench.options import (
    DEFAULT_BASE_COUNT,
    DEFAULT_COUNT,
    DEFAULT_DURATION,
    DEFAULT_RATE,
    DEFAULT_READERS,
    BenchOptions,
)
from ..bench.report import build_report, load_report, render_text, write_json, write_text
from ..bench.runner import run_bench
from ..model import PROFILES
from ._errors import CliError, reported, terminate_as_interrupt
from ._help import PROFILE_HELP
from ._options import db_option, queries_option

DEFAULT_REPORT = "anp-bench.json"
DEFAULT_HTML = "anp-bench.html"


def _progress(kind: str, data: dict[str, Any]) -> None:
    if kind == "base":
        text = f"empty database: loading a base window of {data['count']} articles (seeds from {data['seed']})"
    elif kind == "params":
        text = "drawing query parameters from the loaded rows"
    elif kind == "readers":
        text = f"starting {data['readers']} reader processes"
    elif kind == "warmup":
        text = f"warm-up: {data['seconds']:g} s (not recorded)"
    elif kind == "phase":
        text = f"phase {data['name']}"
    elif kind == "progress":
        text = (
            f"progress: {data['t']:6.1f} s  {data['phase']:<6}  {data['queries_per_s']:8.1f} q/s  "
            f"{data['rows_per_s']:8.0f} rows/s"
        )
    elif kind == "explain":
        text = "explaining the queries"
    elif kind == "interrupted":
        text = "interrupted: stopping the readers and writing the report"
    else:
        return
    click.echo(text, err=True)


@click.group(invoke_without_command=True)
@db_option("Database URL (sqlite:/// or postgresql://).")
@click.option(
    "--seed", type=int, default=None, help="First seed of the import window [default: after the highest seed loaded]."
)
@click.option(
    "--count", type=int, default=DEFAULT_COUNT, show_default=True, help="Articles imported during the import phase."
)
@click.option(
    "--base-count",
    type=int,
    default=DEFAULT_BASE_COUNT,
    show_default=True,
    help="Articles loaded first when the database is empty, so the idle phase has data to query.",
)
@click.option("--profile", type=click.Choice(PROFILES), default="realistic", show_default=True, help=PROFILE_HELP)
@click.option("--readers", type=int, default=DEFAULT_READERS, show_default=True, help="Reader processes.")
@click.option(
    "--rate",
    type=float,
    default=None,
    help=f"Open loop: queries per second, all readers together [default: {DEFAULT_RATE:g}].",
)
@click.option("--clients", type=int, default=None, help="Closed loop: concurrent clients, each waiting for its answer.")
@click.option(
    "--duration", type=float, default=DEFAULT_DURATION, show_default=True, help="Seconds of the idle and after phases."
)
@click.option("--warmup", type=float, default=1.0, show_default=True, help="Seconds of unrecorded queries before idle.")
@click.option(
    "--batch-size",
    type=int,
    default=None,
    help="The importer's batch size [default: the importer's; paced: a quarter second of --import-rate].",
)
@click.option(
    "--import-rate",
    type=float,
    default=None,
    metavar="ARTICLES_PER_S",
    help="Hold the import phase to this many articles per second, like pgbench -R [default: unpaced].",
)
@queries_option("TOML file adding or replacing queries (see docs/BENCH.md, 'The query mix').")
@click.option(
    "--read-only",
    is_flag=True,
    help="Only the query phases, on a connection the database keeps read-only; queries must be reads.",
)
@click.option("--yes", is_flag=True, help="Import even into anp_ tables holding rows anp-synth did not import.")
@click.option(
    "--report",
    "report_path",
    type=click.Path(path_type=Path, dir_okay=False),
    default=DEFAULT_REPORT,
    show_default=True,
    help="Where to write the JSON report.",
)
@click.option(
    "--html",
    "html_path",
    type=click.Path(path_type=Path, dir_okay=False),
    default=DEFAULT_HTML,
    show_default=True,
    help="Where to write the self-contained HTML report.",
)
@click.option("--no-explain", is_flag=True, help="Skip the query plans at the end.")
@click.option(
    "--progress",
    "progress_s",
    type=click.FloatRange(min=0),
    default=None,
    help="Print queries/s and rows/s every this many seconds (0: never) [default: 5 on a terminal, else 0].",
)
@click.pass_context
def bench(
    ctx: click.Context,
    db_url: str,
    seed: int | None,
    count: int,
    base_count: int,
    profile: str,
    readers: int,
    rate: float | None,
    clients: int | None,
    duration: float,
    warmup: float,
    batch_size: int | None,
    import_rate: float | None,
    queries_file: Path | None,
    read_only: bool,
    yes: bool,
    report_path: Path,
    html_path: Path,
    no_explain: bool,
    progress_s: float | None,
) -> None:
    """Measure import throughput and admin-query latency together: idle, import, after.

    With no options: the whole pipeline on a SQLite file here, in about a minute.
    """
    if ctx.invoked_subcommand is not None:
        return
    with reported():
        options = BenchOptions(
            db_url=db_url,
            seed=seed,
            count=count,
            base_count=base_count,
            profile=profile,
            readers=readers,
            rate=rate,
            clients=clients,
            duration=duration,
            warmup=warmup,
            batch_size=batch_size,
            read_only=read_only,
            yes=yes,
            queries_file=queries_file,
            explain=not no_explain,
            progress_s=progress_s if progress_s is not None else (5.0 if sys.stderr.isatty() else 0.0),
            import_rate=import_rate,
        )
        with terminate_as_interrupt():
            run = run_bench(options, on_event=_progress)
        report = build_report(run)
        write_json(report, report_path)
        write_text(html_path, render_html(report))
        click.echo(render_text(report))
        click.echo(f"\nreport: {report_path.resolve()}\nhtml:   {html_path.resolve()}")
        if run.interrupted:
            raise CliError("interrupted: the report covers what was measured", exit_code=130)


@bench.command("compare")
@click.argument("before", type=click.Path(path_type=Path, dir_okay=False))
@click.argument("after", type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "--fail-on-regression",
    "fail_pct",
    type=float,
    default=None,
    help="Exit 1 if any row regressed (beyond noise) by more than PCT percent.",
)
@click.option(
    "--noise-floor",
    type=float,
    default=DEFAULT_NOISE_FLOOR,
    show_default=True,
    help="Changes smaller than this percentage are always within noise.",
)
@click.option(
    "--repeat",
    "repeat_paths",
    type=click.Path(path_type=Path, dir_okay=False),
    multiple=True,
    help="Another run of the BEFORE configuration (repeatable): its difference from BEFORE counts as noise.",
)
@click.option(
    "--json",
    "json_path",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="Also write the comparison as JSON.",
)
def compare_cmd(
    before: Path,
    after: Path,
    fail_pct: float | None,
    noise_floor: float,
    repeat_paths: tuple[Path, ...],
    json_path: Path | None,
) -> None:
    """Compare two bench reports: per phase and query, before -> after, with a noise-aware verdict."""
    with reported():
        repeats = [load_report(p) for p in repeat_paths]
        comparison = compare_reports(load_report(before), load_report(after), noise_floor=noise_floor, repeats=repeats)
        click.echo(render_comparison(comparison, str(before), str(after)))
        if json_path is not None:
            write_json(comparison.to_dict(), json_path)
        if fail_pct is not None:
            bad = comparison.regressions(fail_pct)
            if bad:
                names = ", ".join(f"{r.phase}/{r.query}" for r in bad)
                raise CliError(f"regressed by more than {fail_pct:g}%: {names}", exit_code=1)


@click.command("explain")
@db_option("Database URL.")
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of the parameter draw.")
@queries_option("TOML file adding or replacing queries.")
@click.option(
    "--large-rows",
    type=int,
    default=LARGE_TABLE_ROWS,
    show_default=True,
    help="Flag full scans of tables with at least this many rows.",
)
def explain_cmd(db_url: str, seed: int, queries_file: Path | None, large_rows: int) -> None:
    """Print each admin query's plan, flagging full scans of large tables and sorts without an index.

    PostgreSQL: EXPLAIN (ANALYZE, BUFFERS) of each read, run once in a READ ONLY transaction
    that is rolled back; a query that is not a read gets a plain EXPLAIN. SQLite: EXPLAIN QUERY PLAN.
    """
    with reported():
        plans = explain_database(db_url, seed=seed, queries_file=queries_file, large=large_rows)
        click.echo(f"plans on {redact(db_url)}")
        flagged = 0
        for plan in plans:
            click.echo(f"\n== {plan.query_id}: {plan.sql}")
            click.echo(f"   params: {plan.params}")
            if plan.error:
                click.echo(f"   error: {plan.error}")
                continue
            for line in plan.text.splitlines():
                click.echo(f"   {line}")
            for flag in plan.flags:
                flagged += 1
                click.echo(f"   !! {flag}")
        click.echo(f"\n{len(plans)} queries, {flagged} flags")


def register(group: click.Group) -> None:
    """Add ``bench`` (with ``bench compare``) and ``explain`` to the root group."""
    group.add_command(bench)
    group.add_command(explain_cmd)
