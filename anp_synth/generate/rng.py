"""Where every random draw of a record starts: its seed, its profile and the generator version.

Nothing here reads a clock, the environment, a global random state or ``hash()``. A
record's draws are SHAKE-128 output of a key derived from (version, profile, seed): the
same bytes on every machine and Python, and cheaper to start than a Mersenne Twister,
whose 624-word seeding would cost a record more than all its draws together.
"""

from __future__ import annotations

import hashlib
import itertools
import statistics
import struct
from collections.abc import Callable, Iterator

from ..rules import GENERATOR_VERSION


def stream_key(seed: int, profile: str, stream: str) -> bytes:
    """32 bytes naming one independent random stream of one record."""
    return hashlib.blake2b(f"{GENERATOR_VERSION}|{profile}|{seed}|{stream}".encode(), digest_size=32).digest()


Uniform = Callable[[], float]
"""A record's stream: each call gives the next uniform draw in [0, 1)."""

_WORDS_PER_BLOCK = 96
_UNIT = 2.0**-32


def _blocks(key: bytes) -> Iterator[tuple[int, ...]]:
    for index in itertools.count():
        data = hashlib.shake_128(key + index.to_bytes(4, "big")).digest(4 * _WORDS_PER_BLOCK)
        yield struct.unpack(f">{_WORDS_PER_BLOCK}I", data)


def uniform_stream(key: bytes) -> Uniform:
    """Draws k/2**32 for the big-endian 32-bit words of SHAKE-128(key || block index), block by block.

    A realistic record takes about 60 draws, one block; the map and chain run in C, so a
    draw costs what ``random.random()`` does.
    """
    return map(_UNIT.__mul__, itertools.chain.from_iterable(_blocks(key))).__next__


_QUANTILES = 4096
# Rounded to 12 places so a last-bit difference between libm builds cannot move a draw.
_NORMAL = tuple(round(statistics.NormalDist().inv_cdf((i + 0.5) / _QUANTILES), 12) for i in range(_QUANTILES))


def normal(u: float) -> float:
    """A standard normal value for a uniform ``u`` in [0, 1), by a 4096-step quantile table.

    One table lookup instead of logs and cosines; 4096 steps are far finer than any integer
    score or view count built from it. Covers about +-3.7 standard deviations.
    """
    return _NORMAL[int(u * _QUANTILES)]


def clamp(value: float, low: int, high: int) -> int:
    return max(low, min(high, round(value)))
