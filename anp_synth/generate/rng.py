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
import sys
from array import array
from collections.abc import Callable, Iterator

from ..rules import GENERATOR_VERSION


def stream_key(seed: int, profile: str, stream: str) -> bytes:
    """32 bytes naming one independent random stream of one record."""
    return hashlib.blake2b(f"{GENERATOR_VERSION}|{profile}|{seed}|{stream}".encode(), digest_size=32).digest()


Words = Callable[[], int]
"""A record's stream: each call gives its next uniform 32-bit word ``w``.

A draw is read as the fraction ``w / 2**32``, in integers: ``(w * n) >> 32`` is an index
below ``n`` (exactly ``int(w / 2**32 * n)``), and ``w < p * 2**32`` is true with
probability ``p``. Integers skip a float and an ``int()`` per draw, a tenth of a record's time.
"""

_WORDS_PER_BLOCK = 96


_SWAP = sys.byteorder == "little"
if array("I").itemsize != 4:  # pragma: no cover - no platform CPython supports today
    raise RuntimeError("anp-synth needs a 4-byte C unsigned int for its random streams")


def _block(key: bytes, index: int) -> array[int]:
    """Words of one block as big-endian unsigned 32-bit integers.

    An array rather than ``struct.unpack``: its Python ints are made only for the words a
    record reads, which halves the cost of starting a stream.
    """
    words = array("I", hashlib.shake_128(key + index.to_bytes(4, "big")).digest(4 * _WORDS_PER_BLOCK))
    if _SWAP:
        words.byteswap()
    return words


def _blocks(key: bytes) -> Iterator[array[int]]:
    for index in itertools.count(1):
        yield _block(key, index)


def word_stream(key: bytes) -> Words:
    """The big-endian 32-bit words of SHAKE-128(key || block index), block by block.

    A realistic record takes about 60 draws, one block; the chain runs in C, so a draw
    costs less than ``random.getrandbits(32)``.
    """
    return itertools.chain(_block(key, 0), itertools.chain.from_iterable(_blocks(key))).__next__


_QUANTILES = 4096
# Rounded to 12 places so a last-bit difference between libm builds cannot move a draw.
_NORMAL = tuple(round(statistics.NormalDist().inv_cdf((i + 0.5) / _QUANTILES), 12) for i in range(_QUANTILES))


def normal(w: int) -> float:
    """A standard normal value for a draw ``w`` (a 32-bit word), by a 4096-step quantile table.

    One table lookup (the word's top 12 bits) instead of logs and cosines; 4096 steps are
    far finer than any integer score or view count built from it. Covers about +-3.7
    standard deviations.
    """
    return _NORMAL[w >> 20]
