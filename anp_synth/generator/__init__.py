"""Seeded generation: a window of seeds in, one article record per seed out.

The record for seed ``s`` is a pure function of ``(s, profile, generator version)``, so
windows compose: ``generate(seed=1, count=10)`` followed by ``generate(seed=11, count=10)``
yields exactly ``generate(seed=1, count=20)``.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from ..model import Article
from ..rules import check_profile, check_seed_range
from .article import build, build_line, identity

__all__ = ["build", "build_line", "generate", "generate_lines", "identity"]


def generate(*, seed: int = 0, count: int = 1, profile: str = "realistic") -> Iterator[Article]:
    """Yield the records of seeds ``[seed, seed + count)`` in order, one at a time."""
    check_seed_range(seed, count)
    check_profile(profile)
    for s in range(seed, seed + count):
        yield build(s, profile)[0]


def generate_lines(*, seed: int = 0, count: int = 1, profile: str = "realistic") -> Iterator[str]:
    """Each record's canonical JSON (one jsonl line, without the newline), one at a time.

    A ``map`` rather than a generator: it runs the loop in C, which is worth a few percent
    on the hot path; the arguments are checked when called.
    """
    check_seed_range(seed, count)
    check_profile(profile)
    return map(build_line, range(seed, seed + count), itertools.repeat(profile))
