"""Re-exports :mod:`anp_synth.dataset` under its documented import path, for existing code.

``write_dataset`` and its helpers live in :mod:`anp_synth.dataset`, a module named for
what it holds; README examples and users' scripts import them from here, so this module
re-exports the public names and nothing else.
"""

from __future__ import annotations

from . import dataset as _dataset
from .dataset import *  # noqa: F403 - every public name of dataset, and only those

__all__ = _dataset.__all__
