"""``anp-synth export``: a thin wrapper over :func:`anp_synth.db.export.export_records`.

The records go through the same writers as ``generate`` (same formats, an atomic file,
gzip by extension), so an exported window is byte for byte the file ``generate`` writes.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import click

from ..db.export import CHUNK_SIZE, export_records
from ..formats import FORMATS, atomic_output, check_format, encode_lines, output_format, write_chunks
from ..model import PROFILES, Article
from ..rules import canonical_json
from ._errors import reported, terminate_as_interrupt
from ._options import choices as _choices
from ._options import db_option, output_options
from .generate_cmds import _stdout_pipe


@click.command("export")
@db_option("Database to read: sqlite:///FILE (never created) or postgresql://USER@HOST/DB.", envvar=False)
@click.option("--seed", type=int, default=None, help="First seed of the window (default: 0).")
@click.option("--count", type=int, default=None, help="Seeds in the window (default: every stored seed from --seed).")
@click.option("--profile", default=None, metavar=_choices(PROFILES), help="Only this profile (default: all).")
@output_options(FORMATS)
def export_cmd(
    db_url: str, seed: int | None, count: int | None, profile: str | None, fmt: str | None, output: str
) -> None:
    """Write the records stored in a database, in seed order, as `generate` writes them.

    Importing a file and exporting it gives the same file, byte for byte (jsonl), so
    `diff` of two exports compares two databases. A file appears only when complete.
    """
    with reported(), _stdout_pipe(), terminate_as_interrupt():
        if fmt is not None:
            check_format(fmt)  # the formats export writes (no parquet), named as such
        fmt = output_format(output, fmt)
        check_format(fmt)
        records = export_records(db_url, seed=seed, count=count, profile=profile)
        # Read the first record before the output opens: a database that cannot be read
        # leaves stdout untouched (no half a JSON array) as well as no file.
        first = next(records, None)
        written = 0

        def chunks() -> Iterator[bytes]:
            nonlocal written
            stream: Iterator[Article] = itertools.chain([first], records) if first is not None else iter(())
            while lines := [canonical_json(r) for r in itertools.islice(stream, CHUNK_SIZE)]:
                written += len(lines)
                yield encode_lines(lines, fmt)

        with atomic_output(output) as out:
            write_chunks(out, chunks(), fmt)
        window = _window(seed, count, profile)
        if written == 0:
            click.echo(f"no records stored for {window}: wrote an empty {fmt} output", err=True)
        elif output != "-":
            click.echo(f"wrote {written} records ({window}) to {output}", err=True)


def _window(seed: int | None, count: int | None, profile: str | None) -> str:
    if seed is None and count is None:
        seeds = "every seed"
    elif count is None:
        seeds = f"seeds {seed} on"
    else:
        start = seed or 0
        seeds = f"seeds {start}..{start + count - 1}"
    return f"{seeds}, {profile or 'every'} profile"


def register(group: click.Group) -> None:
    """Add ``export`` to the root group."""
    group.add_command(export_cmd)
