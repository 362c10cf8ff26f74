"""``anp-synth fixtures``: build a pinned data set with its manifest, and verify one."""

from __future__ import annotations

import click

from ..errors import InvalidArgument
from ..fixtures import build_data_set, verify_data_set
from ..model import PROFILES
from ..presets import PRESET_SEED, PRESETS, SIZE_SAMPLE, DataSetSpec, estimated_bytes, preset
from ._errors import reported

_PRESET_HELP = ", ".join(f"{name} ({count})" for name, count in PRESETS.items())


@click.group("fixtures")
def fixtures() -> None:
    """Data sets to commit to a repository, with a manifest that notices any drift."""


_BUILD_HELP = f"""Write DIR/articles.jsonl and DIR/manifest.json.

NAME is a preset, sized in records: {_PRESET_HELP}; every preset starts at seed
{PRESET_SEED}. DIR defaults to fixtures/NAME. For a custom data set give --seed and
--count and only DIR.
"""


@fixtures.command("build", help=_BUILD_HELP)
@click.argument("args", nargs=-1, metavar="NAME [DIR] | DIR")
@click.option("--seed", type=int, default=None, help="First seed of a custom data set (with --count).")
@click.option("--count", type=int, default=None, help="Number of records of a custom data set (with --seed).")
@click.option(
    "--profile",
    type=click.Choice(PROFILES),
    default="realistic",
    show_default=True,
    help="Profile of the records.",
)
def build(args: tuple[str, ...], seed: int | None, count: int | None, profile: str) -> None:
    """Build a preset or a custom window of seeds (help text in _BUILD_HELP, which names the sizes)."""
    with reported():
        spec, directory = _parse_build(args, seed, count, profile)
        manifest = build_data_set(spec, directory)
        click.echo(
            f"wrote {directory}/{manifest.file}: {manifest.count} records, seeds "
            f"{manifest.first_seed}-{manifest.last_seed}, {manifest.profile}, {manifest.digest}"
        )


def _parse_build(args: tuple[str, ...], seed: int | None, count: int | None, profile: str) -> tuple[DataSetSpec, str]:
    if seed is not None or count is not None:
        if seed is None or count is None:
            raise InvalidArgument("a custom data set needs both --seed and --count")
        if len(args) != 1:
            raise InvalidArgument(f"with --seed and --count give exactly one DIR, got {len(args)} arguments")
        return DataSetSpec(seed=seed, count=count, profile=profile), args[0]
    if not args or len(args) > 2:
        raise InvalidArgument(f"give a preset NAME ({_PRESET_HELP}) and optionally DIR, or --seed, --count and DIR")
    name = args[0]
    return preset(name, profile=profile), args[1] if len(args) == 2 else f"fixtures/{name}"


@fixtures.command("verify")
@click.argument("directory", metavar="DIR", type=click.Path(file_okay=False))
def verify(directory: str) -> None:
    """Regenerate the data set DIR/manifest.json names and compare it byte for byte.

    Exits non-zero naming the first record (line, seed, field) that differs. A directory
    written by ``generate --cluster`` is checked part by part (size and SHA-256, no part
    missing or extra).
    """
    with reported():
        from ..cluster.manifest import is_parts_manifest, verify_parts

        if is_parts_manifest(directory):
            parts = verify_parts(directory)
            click.echo(
                f"ok: {directory}: {len(parts.parts)} parts match the manifest: {parts.count} records, seeds "
                f"{parts.first_seed}-{parts.last_seed}, {parts.profile}, {parts.bytes} bytes"
            )
            return
        manifest = verify_data_set(directory)
        click.echo(
            f"ok: {directory}/{manifest.file} matches a fresh generation: {manifest.count} records, seeds "
            f"{manifest.first_seed}-{manifest.last_seed}, {manifest.profile}, {manifest.digest}"
        )


@fixtures.command("list")
def list_presets() -> None:
    """Show the presets, their seeds and their sizes in records and in jsonl bytes."""
    with reported():
        for name, count in PRESETS.items():
            size = _bytes(estimated_bytes(preset(name)))
            exact = "" if count <= SIZE_SAMPLE else "~"
            click.echo(
                f"{name:<7} {count:>7} records  seeds {PRESET_SEED}-{PRESET_SEED + count - 1}  {exact}{size} jsonl"
            )


def _bytes(n: int) -> str:
    """``645 KB``, ``64.5 MB``: three significant digits, decimal units as ``ls -h --si`` shows them."""
    value, unit = float(n), "B"
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1000 or unit == "GB":
            break
        value /= 1000
    return f"{n} B" if unit == "B" else f"{value:.3g} {unit}"


def register(group: click.Group) -> None:
    """Add the ``fixtures`` group to the root command."""
    group.add_command(fixtures)
