"""The documented import path of :mod:`anp_synth.fixtures`, kept so existing code keeps working.

Building and verifying pinned data sets (and their manifest) live in
:mod:`anp_synth.fixtures`, a module named for what it holds; the README's examples and
users' tests import them from here, so this module re-exports the public names and
nothing else.
"""

from __future__ import annotations

from .fixtures import (
    DATA_FILE,
    MANIFEST_FILE,
    MANIFEST_VERSION,
    Manifest,
    build_data_set,
    read_manifest,
    rebuild_command,
    verify_data_set,
)

__all__ = [
    "DATA_FILE",
    "MANIFEST_FILE",
    "MANIFEST_VERSION",
    "Manifest",
    "build_data_set",
    "read_manifest",
    "rebuild_command",
    "verify_data_set",
]
