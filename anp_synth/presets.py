"""Named fixture sizes, so teams pin a data set by name instead of remembering seeds and counts.

Every preset is a window of seeds starting at 19503, the seed of the reference sample
article: the first record of any preset is the article a reader already knows, and a
smaller preset is always the first part of a bigger one (``tiny`` is the first 10 records
of ``small``, and so on), because windows of seeds compose.
"""

from __future__ import annotations

from dataclasses import dataclass

from .errors import InvalidArgument
from .rules import check_profile, check_seed_range

PRESET_SEED = 19503
"""Where every preset's window starts: the reference sample's seed."""


@dataclass(frozen=True)
class DataSetSpec:
    """What a data set is: the window ``[seed, seed + count)`` of one profile."""

    seed: int
    count: int
    profile: str = "realistic"
    preset: str | None = None

    def __post_init__(self) -> None:
        check_seed_range(self.seed, self.count)
        check_profile(self.profile)

    @property
    def last_seed(self) -> int:
        return self.seed + self.count - 1


PRESETS: dict[str, int] = {
    "tiny": 10,
    "small": 100,
    "medium": 10_000,
    "large": 100_000,
}
"""Preset name -> record count. ``small`` is the golden set committed in ``fixtures/``.

At about 5 KB a record, ``medium`` is some 50 MB of jsonl and ``large`` some 500 MB.
"""


def preset(name: str, *, profile: str = "realistic") -> DataSetSpec:
    """The data set a preset names, optionally in another profile."""
    if name not in PRESETS:
        known = ", ".join(f"{n} ({c})" for n, c in PRESETS.items())
        raise InvalidArgument(f"preset {name!r} is not one of: {known}")
    return DataSetSpec(seed=PRESET_SEED, count=PRESETS[name], profile=profile, preset=name)


SIZE_SAMPLE = 100
"""Records generated to estimate a preset's size: enough for the average, in a few milliseconds."""


def estimated_bytes(spec: DataSetSpec) -> int:
    """The jsonl size of ``spec``, from the average of its first :data:`SIZE_SAMPLE` records
    (exact for a data set that small; the sample is the data set's own first records)."""
    from .generator import generate_lines

    sample = min(spec.count, SIZE_SAMPLE)
    sampled = sum(
        len(line.encode("utf-8")) + 1 for line in generate_lines(seed=spec.seed, count=sample, profile=spec.profile)
    )
    return round(sampled * spec.count / sample)
