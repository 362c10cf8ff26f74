"""``anp-synth`` as a process of its own: for signals, and for what it prints to a terminal (nothing but its own words)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

CLI_CODE = "import sys; from anp_synth.cli import main; sys.argv[0] = 'anp-synth'; main()"
"""The console script's body, run by this interpreter (the venv's, whatever PATH says)."""


def spawn_cli(args: list[str], *, cwd: Path | None = None, new_session: bool = False) -> subprocess.Popen[str]:
    """``anp-synth ARGS`` started, its stdout and stderr piped; ``new_session``: a process group of its own,
    so a signal can be sent to the whole group as a terminal's Ctrl-C is."""
    return subprocess.Popen(
        [sys.executable, "-c", CLI_CODE, *args],
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=new_session,
    )
