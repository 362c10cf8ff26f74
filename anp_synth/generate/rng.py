"""Where every random draw of a record starts: its seed, its profile and the generator version.

Nothing here reads a clock, the environment, a global random state or ``hash()``: the
streams are derived with blake2b and fed to ``random.Random``, whose Mersenne Twister
output for an integer seed is the same on every CPython since 3.2.
"""

from __future__ import annotations

import hashlib
import math
import random

from ..rules import GENERATOR_VERSION


def stream_key(seed: int, profile: str, stream: str) -> bytes:
    """32 bytes naming one independent random stream of one record."""
    return hashlib.blake2b(f"{GENERATOR_VERSION}|{profile}|{seed}|{stream}".encode(), digest_size=32).digest()


def record_rng(seed: int, profile: str, stream: str = "body") -> random.Random:
    """A private generator for one record's stream; never shared between records."""
    return random.Random(int.from_bytes(stream_key(seed, profile, stream), "big"))


def gauss(rnd: random.Random) -> float:
    """A standard normal draw by Box-Muller from ``random()`` alone (version-proof)."""
    u1 = rnd.random() or 1e-12
    u2 = rnd.random()
    return math.sqrt(-2.0 * math.log(u1)) * math.cos(2.0 * math.pi * u2)


def clamp(value: float, low: int, high: int) -> int:
    return max(low, min(high, round(value)))
