"""Re-exports :mod:`anp_synth.fixtures` under its documented import path, for existing code.

Building and verifying pinned data sets (and their manifest) live in
:mod:`anp_synth.fixtures`, a module named for what it holds; the README's examples and
users' tests import them from here, so this module re-exports the public names and
nothing else.
"""

from __future__ import annotations

from . import fixtures as _fixtures
from .fixtures import *  # noqa: F403 - every public name of fixtures, and only those

__all__ = _fixtures.__all__
