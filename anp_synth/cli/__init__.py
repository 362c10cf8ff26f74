"""The ``anp-synth`` command: a thin click layer over the library.

Each command module registers its commands on the root group; this is the only package
that prints to the user. Library errors become one clear line and a non-zero exit.
"""

from __future__ import annotations

import importlib

import click

from .. import __version__

_MODULES = {
    "generate": "generate_cmds", "show": "generate_cmds", "schema": "generate_cmds", "validate": "generate_cmds",
    "db": "db_cmds", "import": "db_cmds", "bench": "bench_cmds", "explain": "bench_cmds",
    "fixtures": "fixtures_cmds", "export": "export_cmds",
}  # fmt: skip
"""The module that registers each command (with its ``register(group)``)."""


class _LazyGroup(click.Group):
    """Imports a command's module when that command is asked for.

    ``generate`` then starts without SQLAlchemy and the load tester (a third of a second,
    which every worker run and every short generate paid).
    """

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(_MODULES)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in _MODULES:
            importlib.import_module(f"{__name__}.{_MODULES[cmd_name]}").register(self)
        return super().get_command(ctx, cmd_name)


@click.group(cls=_LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="anp-synth")
def main() -> None:
    """Seeded synthetic articles, an idempotent bulk importer, and a load tester."""
