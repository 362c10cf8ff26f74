"""Which records a test gets: its defaults, and the windows of seeds its factories gave out.

The windows are kept on the test item, so that a failure report names the data the test
actually saw rather than the defaults it might have overridden.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from .. import rules
from ..model import Article
from .checks import check_count, check_profile, check_seed, marker_values

DEFAULT_SEED = 19503
"""The seed every test starts from unless told otherwise: the reference sample article's."""
DEFAULT_COUNT = 10
DEFAULT_PROFILE = "realistic"

SEED_KEY = pytest.StashKey[int]()
SEED_SOURCE_KEY = pytest.StashKey[str]()


@dataclass(frozen=True)
class Window:
    seed: int
    count: int
    profile: str

    def records(self) -> list[Article]:
        from ..generator import generate

        if self.count == 0:
            return []
        rules.check_seed_range(self.seed, self.count)
        rules.check_profile(self.profile)
        return list(generate(seed=self.seed, count=self.count, profile=self.profile))


WINDOWS_KEY = pytest.StashKey[list[tuple[str, Window]]]()


@dataclass(frozen=True)
class Defaults:
    seed: int
    count: int
    profile: str

    windows: list[tuple[str, Window]] = field(default_factory=list, compare=False)
    """Every window the test's factories gave out: a failure report names those, not the defaults."""

    @classmethod
    def of(cls, item: pytest.Item) -> Defaults:
        marker = marker_values(item)
        return cls(
            seed=marker.get("seed", item.config.stash.get(SEED_KEY, DEFAULT_SEED)),
            count=marker.get("count", DEFAULT_COUNT),
            profile=marker.get("profile", DEFAULT_PROFILE),
            windows=item.stash.setdefault(WINDOWS_KEY, []),
        )

    def window(self, where: str, count: int | None, seed: int | None, profile: str | None) -> Window:
        window = Window(
            seed=check_seed(self.seed if seed is None else seed, where),
            count=check_count(self.count if count is None else count, where),
            profile=check_profile(self.profile if profile is None else profile, where),
        )
        self.windows.append((where, window))
        return window
