"""Options that several commands share, declared once so their names, defaults and help agree."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import click

from ..formats import DEFAULT_MAX_LINE_BYTES, INPUT_FORMATS

F = TypeVar("F", bound=Callable[..., None])


def cluster_timeout_option(function: F) -> F:
    """``--cluster-timeout S`` of ``generate`` and ``import``: the same wait, said the same way."""
    return click.option(
        "--cluster-timeout",
        type=float,
        default=10.0,
        show_default=True,
        help="Seconds to reach the cluster, and to wait for a worker whenever it has none.",
    )(function)


def choices(values: tuple[str, ...]) -> str:
    """``[a|b|c]``: the metavar of an option whose values the library checks (one-line errors)."""
    return "[" + "|".join(values) + "]"


def db_option(help: str, *, envvar: bool = True) -> Callable[[F], F]:
    """``--db URL`` (into ``db_url``), shared by ``db``, ``import``, ``bench``, ``explain`` and
    ``export``: one default, and ``ANP_DB_URL`` where the command reads it; each says its use.

    Imported here, not at the top: ``generate`` shares this module and must start without the
    database layer (SQLAlchemy), which only the commands that call this load anyway."""
    from ..db import DEFAULT_DB_URL
    from ..dburl import ENV_DB_URL

    return click.option(
        "--db",
        "db_url",
        default=DEFAULT_DB_URL,
        show_default=True,
        envvar=ENV_DB_URL if envvar else None,
        show_envvar=envvar,
        metavar="URL",
        help=help,
    )


def queries_option(help: str) -> Callable[[F], F]:
    """``--queries FILE.toml`` (into ``queries_file``), shared by ``bench`` and ``explain``."""
    return click.option(
        "--queries", "queries_file", type=click.Path(path_type=Path, dir_okay=False), default=None, help=help
    )


def max_line_bytes_option(command: F) -> F:
    """``--max-line-bytes``, shared by ``validate`` and ``import``."""
    return click.option(
        "--max-line-bytes",
        type=int,
        default=DEFAULT_MAX_LINE_BYTES,
        show_default=True,
        help="Longest line (or csv/json/parquet record) read; a longer one is an error of that record.",
    )(command)


def input_format_option(command: F) -> F:
    """``--format`` of an input, shared by ``validate`` and ``import``."""
    return click.option(
        "--format",
        "fmt",
        default=None,
        metavar=choices(INPUT_FORMATS),
        help="Input format (default: from the extension, else sniffed from the first bytes). See docs/FORMATS.md.",
    )(command)


def output_options(formats: tuple[str, ...], *, also: str = "") -> Callable[[F], F]:
    """``--format`` and ``-o`` of an output, shared by ``generate`` and ``export``: the format
    comes from ``--format``, else from the output's name, else jsonl (``formats.output_format``)."""
    names = "/".join(f".{f}" for f in formats)

    def decorate(command: F) -> F:
        command = click.option(
            "-o",
            "--output",
            default="-",
            show_default=True,
            metavar="PATH",
            help=f"File to write ('-' for stdout); {names} name the format, a final .gz compresses.",
        )(command)
        return click.option(
            "--format",
            "fmt",
            default=None,
            metavar=choices(formats),
            help=f"Output format (default: the one the output's extension names, else jsonl).{also}",
        )(command)

    return decorate
