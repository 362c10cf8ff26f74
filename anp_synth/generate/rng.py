"""Where every random draw of a record starts: its seed, its profile and the generator version.

Nothing here reads a clock, the environment, a global random state or ``hash()``: the
streams are derived with blake2b and fed to ``random.Random``, whose Mersenne Twister
output for an integer seed is the same on every CPython since 3.2.
"""

from __future__ import annotations

import hashlib
import statistics

from ..rules import GENERATOR_VERSION


def stream_key(seed: int, profile: str, stream: str) -> bytes:
    """32 bytes naming one independent random stream of one record."""
    return hashlib.blake2b(f"{GENERATOR_VERSION}|{profile}|{seed}|{stream}".encode(), digest_size=32).digest()


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
