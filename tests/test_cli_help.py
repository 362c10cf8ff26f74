"""The CLI helps: every option explains itself, a typo gets a suggestion, the entry points agree."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from anp_synth import __version__
from anp_synth.cli import main


def _commands(group: click.Group, ctx: click.Context, path: str = "anp-synth") -> Iterator[tuple[str, click.Command]]:
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        assert command is not None, name
        yield f"{path} {name}", command
        if isinstance(command, click.Group):
            yield from _commands(command, click.Context(command, parent=ctx), f"{path} {name}")


ALL = list(_commands(main, click.Context(main)))


@pytest.mark.parametrize(("path", "command"), ALL, ids=[p for p, _ in ALL])
def test_every_command_and_option_has_help(path: str, command: click.Command) -> None:
    assert command.help, f"{path} has no help text"
    for param in command.params:
        if isinstance(param, click.Option) and param.name not in ("help", "version"):
            assert param.help, f"{path} {param.opts[0]} has no help text"


def test_the_command_list_never_cuts_a_description_short() -> None:
    result = CliRunner().invoke(main, ["--help"], terminal_width=80)
    assert result.exit_code == 0
    commands = result.output.split("Commands:")[1]
    assert "..." not in commands
    for name in main.list_commands(click.Context(main)):
        assert f"  {name} " in result.output


@pytest.mark.parametrize(
    ("args", "suggestion"),
    [(["genrate"], "generate"), (["improt"], "import"), (["db", "stauts"], "status"), (["bench", "compar"], "compare")],
)
def test_a_mistyped_command_gets_the_nearest_one(args: list[str], suggestion: str) -> None:
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2
    assert f"Did you mean '{suggestion}'?" in result.output


def test_version_and_python_dash_m_are_the_same_program() -> None:
    for flag in ("-V", "--version"):
        assert CliRunner().invoke(main, [flag]).output == f"anp-synth, version {__version__}\n"
    run = subprocess.run([sys.executable, "-m", "anp_synth", "--version"], capture_output=True, text=True, timeout=60)
    assert (run.returncode, run.stdout) == (0, f"anp-synth, version {__version__}\n")
    run = subprocess.run([sys.executable, "-m", "anp_synth", "genrate"], capture_output=True, text=True, timeout=60)
    assert run.returncode == 2 and "Usage: anp-synth" in run.stderr


def test_explain_on_an_empty_database_names_no_option_explain_does_not_have(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path}/empty.db"
    assert CliRunner().invoke(main, ["db", "init", "--db", db]).exit_code == 0
    result = CliRunner().invoke(main, ["explain", "--db", db])
    assert result.exit_code == 1
    assert "anp_articles is empty" in result.output
    explain = main.get_command(click.Context(main), "explain")
    assert explain is not None
    known = {opt for p in explain.params for opt in getattr(p, "opts", [])}
    named = set(re.findall(r"--[a-z][a-z-]+", result.output))
    assert named <= known, f"the message names options explain does not have: {named - known}"
