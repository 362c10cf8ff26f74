"""Commands of this module are registered on the root group by :func:`register`."""

from __future__ import annotations

import click


def register(group: click.Group) -> None:
    """Add this module's commands to ``group`` (filled in as the commands land)."""
