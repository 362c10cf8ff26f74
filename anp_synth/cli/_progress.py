"""The one progress bar of the CLI: the library reports progress as a callback, only cli/ draws."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager


@contextmanager
def progress_bar(total: int | None, unit: str, *, enabled: bool) -> Iterator[Callable[[int], None] | None]:
    """A tqdm bar on stderr while the block runs (with an ETA when ``total`` is known), as the
    callback that advances it; None when not ``enabled``, so piped output stays parseable."""
    if not enabled:
        yield None
        return
    from tqdm import tqdm

    with tqdm(total=total, unit=unit, unit_scale=True, dynamic_ncols=True, leave=False, file=sys.stderr) as bar:

        def advance(n: int) -> None:
            bar.update(n)

        yield advance
