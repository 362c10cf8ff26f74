"""Where every random draw of a record starts: its seed, its profile and the generator version.

Nothing here reads a clock, the environment, a global random state or ``hash()``. A
record's draws are the SHAKE-128 output of its name (``rules.stream_name``): the same
bytes on every machine and Python, and cheaper to start than a Mersenne Twister, whose
624-word seeding would cost a record more than all its draws together.
"""

from __future__ import annotations

import hashlib
import statistics
import sys
from array import array
from collections.abc import Callable
from typing import Any

Words = Callable[[], int]
"""A record's stream: each call gives its next uniform 32-bit word ``w``.

A draw is read as the fraction ``w / 2**32``, in integers: ``(w * n) >> 32`` is an index
below ``n`` (exactly ``int(w / 2**32 * n)``), and ``w < p * 2**32`` is true with
probability ``p``. Integers skip a float and an ``int()`` per draw, a tenth of a record's time.
"""

SQUEEZE_WORDS = 42
"""32-bit words SHAKE-128 gives per Keccak permutation (168 bytes): read in whole squeezes."""

_SWAP = sys.byteorder == "big"
if array("I").itemsize != 4:  # pragma: no cover - no platform CPython supports today
    raise RuntimeError("anp-synth needs a 4-byte C unsigned int for its random streams")


def seed_words(name: bytes, count: int) -> array[int]:
    """The first ``count`` words of SHAKE-128(``name``), as little-endian unsigned 32-bit integers.

    One hash per record gives its identity and all its draws: an XOF's output is one long
    stream, so reading further (when a record needs more words) only extends it. An array
    rather than ``struct.unpack``: its Python ints are made only for the words a record reads.
    """
    words = array("I", hashlib.shake_128(name).digest(4 * count))
    if _SWAP:
        words.byteswap()
    return words


def word_stream(words: array[int], start: int) -> Words:
    """Draws from ``words``, beginning at ``words[start]``.

    Past the last word a draw raises ``StopIteration``; the caller reads a longer prefix of
    the same stream and starts the record again (see ``article.build_line``), which keeps the
    common case to one C iterator: no generator, no chain, no bounds check per draw.
    """
    draws: Any = iter(words)  # an array iterator: typeshed does not know its __setstate__
    draws.__setstate__(start)
    return draws.__next__  # type: ignore[no-any-return]


_QUANTILES = 4096
NORMAL_QUANTILES = tuple(round(statistics.NormalDist().inv_cdf((i + 0.5) / _QUANTILES), 12) for i in range(_QUANTILES))
"""A standard normal value for each of 4096 equal steps of probability: a draw's top 12 bits
pick one. A lookup instead of logs and cosines; 4096 steps are far finer than any integer
score or view count built from them, and cover about +-3.7 standard deviations. Rounded
to 12 places so a last-bit difference between libm builds cannot move a value."""
