"""The seed, count and profile checks of the marker, ``--anp-seed`` and the factories' arguments.

All three take the same values; checking them in one place keeps their messages alike (``@pytest.mark.anp: seed=-1 must be
...``). A count of 0 is allowed here, unlike in the generator: a test may ask for an empty
database.
"""

from __future__ import annotations

import argparse
from typing import Any

import pytest

from ..argcheck import integer
from ..errors import InvalidArgument
from ..model import PROFILES
from ..rules import MAX_SEED

MARKER_KEYS = ("seed", "count", "profile")


def seed_option(text: str) -> int:
    """``--anp-seed``'s value, refused by argparse (a usage error) when it is no seed."""
    try:
        seed = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"--anp-seed={text!r} is not an integer") from None
    if not 0 <= seed <= MAX_SEED:
        raise argparse.ArgumentTypeError(f"--anp-seed={seed} must be between 0 and {MAX_SEED}")
    return seed


def check_seed(seed: object, where: str) -> int:
    integer("seed", seed, where=where)
    assert isinstance(seed, int)
    if not 0 <= seed <= MAX_SEED:
        raise InvalidArgument(f"{where}: seed={seed} must be between 0 and {MAX_SEED}")
    return seed


def check_count(count: object, where: str) -> int:
    return integer("count", count, 0, where=where)


def check_profile(profile: object, where: str) -> str:
    if not isinstance(profile, str) or profile not in PROFILES:
        raise InvalidArgument(f"{where}: profile={profile!r} is not one of {', '.join(PROFILES)}")
    return profile


def marker_values(item: pytest.Item) -> dict[str, Any]:
    """The ``anp`` marker's keys, the closest marker winning; InvalidArgument on a bad one."""
    merged: dict[str, Any] = {}
    for mark in item.iter_markers("anp"):
        if mark.args:
            raise InvalidArgument(
                f"@pytest.mark.anp takes keyword arguments only ({', '.join(MARKER_KEYS)}), got {mark.args!r}"
            )
        unknown = sorted(set(mark.kwargs) - set(MARKER_KEYS))
        if unknown:
            raise InvalidArgument(
                f"@pytest.mark.anp got unknown key {', '.join(map(repr, unknown))}; known keys: {', '.join(MARKER_KEYS)}"
            )
        for key, value in mark.kwargs.items():
            merged.setdefault(key, value)
    where = "@pytest.mark.anp"
    if "seed" in merged:
        check_seed(merged["seed"], where)
    if "count" in merged:
        check_count(merged["count"], where)
    if "profile" in merged:
        check_profile(merged["profile"], where)
    return merged
