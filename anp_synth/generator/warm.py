"""Build the generator's per-process caches on import, for worker processes to inherit.

``anp_synth.dataset`` names this module as the fork server's preload: the server builds
the prose banks once, and every worker it forks starts with them warm instead of spending
its first second rebuilding them.
"""

from __future__ import annotations

from .article import build_banks, build_line

build_banks()
build_line(0, "realistic")
