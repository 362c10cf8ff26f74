"""The ``anp-synth`` command: a thin click layer over the library.

Each command module registers its commands on the root group; this is the only package
that prints to the user. Library errors become one clear line and a non-zero exit.
"""

from __future__ import annotations

import click

from .. import __version__
from . import bench_cmds, db_cmds, fixtures_cmds, generate_cmds


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="anp-synth")
def main() -> None:
    """Seeded synthetic articles, an idempotent bulk importer, and a load tester."""


for _module in (generate_cmds, db_cmds, bench_cmds, fixtures_cmds):
    _module.register(main)
