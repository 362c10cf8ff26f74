"""The ``anp-synth`` command: a thin click layer over the library.

Each command module registers its commands on the root group; this is the only package
that prints to the user. Library errors become one clear line and a non-zero exit.
"""

from __future__ import annotations

import importlib
from typing import Any

import click

from .. import __version__
from ._errors import flushed_stdout

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

    def main(self, *args: Any, **kwargs: Any) -> Any:
        """Run the command line; stdout that cannot be written is one line, even when buffered to exit.

        The process is the command's own, so its collector is tuned for batch work
        (:mod:`anp_synth.gcpolicy`); the library alone never changes a caller's.
        """
        from ..gcpolicy import tune_for_batch_work

        tune_for_batch_work(freeze=False)
        with flushed_stdout():
            return super().main(*args, **kwargs)

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        # click suggests among the commands already loaded; here that is none of them yet.
        name = args[0]
        if self.get_command(ctx, name) is None and not ctx.resilient_parsing and not name.startswith("-"):
            raise click.NoSuchCommand(name, possibilities=self.list_commands(ctx), ctx=ctx)
        return super().resolve_command(ctx, args)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """Each command's first sentence, wrapped rather than cut off with "..."."""
        rows = []
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is not None and not command.hidden:
                rows.append((name, command.short_help or first_sentence(command.help or "")))
        with formatter.section("Commands"):
            formatter.write_dl(rows)


def first_sentence(text: str) -> str:
    """The help text up to its first full stop (or its first paragraph), on one line."""
    paragraph = " ".join(text.split("\n\n")[0].split())
    head, dot, _ = paragraph.partition(". ")
    return head + "." if dot else paragraph


@click.group(cls=_LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="anp-synth")
def main() -> None:
    """Seeded synthetic articles, an idempotent bulk importer, and a load tester."""
