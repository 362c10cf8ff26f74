"""``anp-synth generate``, ``show``, ``schema`` and ``validate``: thin wrappers over the library.

Profile and format are checked by the library rather than by ``click.Choice`` so that a
bad value is one line (``Error: profile='x' is not one of ...``, exit 2) like every other
bad argument, not a usage block. Progress bars go to stderr, and only when it is a
terminal: piped or redirected, the commands print nothing but their output.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager

import click

from ..dataset import parse_shard, write_dataset
from ..errors import RecordError
from ..formats import OUTPUT_FORMATS, check_lines, output_format
from ..generator import generate
from ..model import PROFILES
from ..render import RENDER_FORMATS, render
from ..rules import MAX_COUNT, check_profile, check_seed_range
from ..schema import schema_json
from ._errors import CliError, reported, terminate_as_interrupt
from ._help import PROFILE_HELP, WORKERS_HELP
from ._options import choices as _choices
from ._options import cluster_timeout_option, input_format_option, max_line_bytes_option, output_options
from ._progress import progress_bar

DEFAULT_MAX_ERRORS = 20


@contextmanager
def _stdout_pipe() -> Iterator[None]:
    """A reader that stops early (``| head``) ends the command quietly, as for any Unix filter."""
    try:
        yield
    except BrokenPipeError:
        # Point stdout at /dev/null so the interpreter's final flush does not fail again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        raise SystemExit(1) from None


@click.command("generate")
@click.option("--seed", type=int, default=0, show_default=True, help="First seed of the window.")
@click.option("--count", type=int, required=True, help=f"Number of records (1 to {MAX_COUNT}).")
@click.option("--profile", default="realistic", show_default=True, metavar=_choices(PROFILES), help=PROFILE_HELP)
@output_options(OUTPUT_FORMATS, also=" See docs/FORMATS.md.")
@click.option("--workers", type=int, default=1, show_default=True, help=WORKERS_HELP)
@click.option("--shard", metavar="K/N", help="Write only the K-th of N contiguous slices of the window.")
@click.option(
    "--cluster", metavar="ADDRESS", help="Write -o DIR as parts on a Dask cluster: tcp://HOST:PORT or local[:N]."
)
@cluster_timeout_option
@click.option("--part-size", type=int, default=None, help="Records per part with --cluster (default 1000000).")
def generate_cmd(
    seed: int, count: int, profile: str, fmt: str | None, output: str, workers: int, shard: str | None,
    cluster: str | None, cluster_timeout: float, part_size: int | None,
) -> None:  # fmt: skip
    """Write the records of seeds [SEED, SEED + COUNT), the same bytes for any --workers.

    A file appears only when complete (written under a temporary name, then renamed).
    With --cluster, -o names a directory (or DIR/NAME*.jsonl.gz) that receives parts and a
    manifest.json; the parts concatenated in order are the single-process file.
    """
    with reported(), _stdout_pipe(), terminate_as_interrupt():
        if cluster is not None:
            if workers != 1 or shard is not None:
                raise CliError("--workers and --shard do not apply with --cluster (each part is a task)", exit_code=2)
            from . import cluster_cmds

            cluster_cmds.generate(
                cluster, cluster_timeout, output=output, seed=seed, count=count, profile=profile,
                fmt=output_format(output, fmt),
                part_size=part_size,
            )  # fmt: skip
            return
        if part_size is not None:
            raise CliError("--part-size applies only with --cluster", exit_code=2)
        chosen = parse_shard(shard) if shard is not None else None
        with progress_bar(
            count, "rec", enabled=sys.stderr.isatty() and (output != "-" or not sys.stdout.isatty())
        ) as progress:
            written = write_dataset(
                output,
                seed=seed,
                count=count,
                profile=profile,
                fmt=fmt,
                workers=workers,
                shard=chosen,
                progress=progress,
            )
        if output != "-":
            last = written.seed + written.count - 1
            window = f"seeds {written.seed}..{last}" if written.count else "an empty shard"
            click.echo(f"wrote {written.count} records ({window}) to {output}", err=True)


@click.command("show")
@click.argument("seed", type=int)
@click.option(
    "--format", "fmt", default="txt", show_default=True, metavar=_choices(RENDER_FORMATS), help="How to show it."
)
@click.option("--profile", default="realistic", show_default=True, metavar=_choices(PROFILES), help=PROFILE_HELP)
def show_cmd(seed: int, fmt: str, profile: str) -> None:
    """Print the record of SEED as the site shows it (txt), or as md, html or json."""
    with reported(), _stdout_pipe():
        check_seed_range(seed, 1)
        check_profile(profile)
        record = next(generate(seed=seed, count=1, profile=profile))
        click.echo(render(record, fmt))


@click.command("schema")
def schema_cmd() -> None:
    """Print the JSON Schema (draft 2020-12) every record validates against."""
    with reported(), _stdout_pipe():
        click.echo(schema_json(), nl=False)


@click.command("validate")
@click.argument("file", metavar="FILE")
@input_format_option
@max_line_bytes_option
@click.option(
    "--max-errors",
    type=int,
    default=DEFAULT_MAX_ERRORS,
    show_default=True,
    help="Stop after this many bad records (0: report them all).",
)
def validate_cmd(file: str, fmt: str | None, max_line_bytes: int, max_errors: int) -> None:
    """Check every record of FILE (jsonl, json, csv, .gz, parquet, or '-' for stdin) against the schema and the rules.

    Prints one line per bad record (file:line, seed, field, reason), then a summary line;
    exits 1 if any record is bad.
    """
    with reported(), _stdout_pipe():
        if max_errors < 0:
            raise CliError(f"--max-errors={max_errors} must be >= 0 (0 means no limit)", exit_code=2)
        good = bad = 0
        stopped: str | None = None
        with progress_bar(None, "rec", enabled=sys.stderr.isatty()) as progress:
            try:
                for _, result in check_lines(file, fmt=fmt, max_line_bytes=max_line_bytes):
                    if isinstance(result, RecordError):
                        bad += 1
                        click.echo(str(result))
                        if bad == max_errors:
                            stopped = f"stopped after {bad} errors"
                            break
                    else:
                        good += 1
                    if progress is not None:
                        progress(1)
            except RecordError as exc:
                if exc.line is None:  # the file could not be opened at all
                    raise
                bad += 1
                click.echo(str(exc))
                stopped = "could not read further"
        _summary(file, good, bad, stopped)


def _summary(file: str, good: int, bad: int, stopped: str | None) -> None:
    name = "<stdin>" if file == "-" else file
    checked = good + bad
    if bad == 0:
        click.echo(f"{name}: {good} records, all valid")
        return
    tail = f"; {stopped}" if stopped else ""
    click.echo(f"{name}: {bad} invalid of {checked} records checked{tail}")
    raise SystemExit(1)


def register(group: click.Group) -> None:
    """Add this module's commands to ``group``."""
    for command in (generate_cmd, show_cmd, schema_cmd, validate_cmd):
        group.add_command(command)
