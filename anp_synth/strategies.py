"""Hypothesis strategies that draw real anp-synth records, and a Hypothesis profile for CI.

Strategies draw a seed (and a profile) and build the record with the generator, so every
drawn article is a real record that validates. They shrink towards seed 0 and the
``realistic`` profile, and Hypothesis prints a failing example as the call that rebuilds
it, ``article(seed=3, profile='realistic')``, rather than a page of text::

    from hypothesis import given
    from anp_synth.strategies import articles

    @given(articles())
    def test_titles_are_lower_case(article):
        assert article["title"] == article["title"].lower()

Importing this module registers the Hypothesis settings profile ``"anp-ci"``; load it with
``settings.load_profile("anp-ci")`` or ``pytest --hypothesis-profile=anp-ci``.
"""

from __future__ import annotations

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from .argcheck import integer
from .errors import InvalidArgument
from .generator import build, generate
from .model import PROFILES, Article
from .rules import MAX_SEED, check_profile, check_seed_range

__all__ = ["CI_PROFILE", "article", "article_batch", "article_batches", "articles", "profiles", "seeds"]

CI_PROFILE = "anp-ci"
"""Name of the registered settings profile suited to CI: derandomized, so a CI run tests the
same examples every time and a failure reproduces on a laptop; no deadline, because shared
CI machines stall; no example database, because CI checkouts start empty."""

settings.register_profile(
    CI_PROFILE,
    max_examples=50,
    derandomize=True,
    deadline=None,
    database=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)


def article(seed: int, profile: str = "realistic") -> Article:
    """The record of ``seed`` in ``profile``: what :func:`articles` draws, rebuilt by hand.

    Hypothesis prints a failing example as a call to this function, so it can be pasted
    into a test or a REPL as is.
    """
    check_seed_range(seed, 1)
    check_profile(profile)
    return build(seed, profile)[0]


def article_batch(seed: int, count: int, profile: str = "realistic") -> list[Article]:
    """The records of the window ``[seed, seed + count)``: what :func:`article_batches` draws."""
    integer("count", count, 0)
    if count == 0:
        check_seed_range(seed, 1)
        check_profile(profile)
        return []
    return list(generate(seed=seed, count=count, profile=profile))


def seeds(*, min_value: int = 0, max_value: int = MAX_SEED) -> st.SearchStrategy[int]:
    """Seeds in ``[min_value, max_value]``, shrinking towards ``min_value`` (0 by default).

    Half the draws come from the first 1,024 seeds: neighbouring seeds are unrelated records,
    so a failure found at a huge seed can only shrink to a small one if the shrinker can
    switch to a branch of small seeds (Hypothesis shrinks ``one_of`` towards its first branch).
    """
    check_seed_range(min_value, 1)
    check_seed_range(max_value, 1)
    if max_value < min_value:
        raise InvalidArgument(f"max_value={max_value} must be >= min_value={min_value}")
    small = st.integers(min_value=min_value, max_value=min(max_value, min_value + 1023))
    return small | st.integers(min_value=min_value, max_value=max_value)


def profiles() -> st.SearchStrategy[str]:
    """Every profile, shrinking towards ``realistic`` (the first)."""
    return st.sampled_from(PROFILES)


def _profile_strategy(profile: str | None) -> st.SearchStrategy[str]:
    if profile is None:
        return profiles()
    check_profile(profile)
    return st.just(profile)


def articles(*, profile: str | None = None, min_seed: int = 0, max_seed: int = MAX_SEED) -> st.SearchStrategy[Article]:
    """Whole records; ``profile=None`` draws every profile, shrinking towards ``realistic``."""
    return st.builds(article, seed=seeds(min_value=min_seed, max_value=max_seed), profile=_profile_strategy(profile))


def article_batches(
    *, min_size: int = 1, max_size: int = 10, profile: str | None = None
) -> st.SearchStrategy[list[Article]]:
    """Data sets: windows of consecutive seeds of one profile, as a real data set is.

    Shrinks towards the window of ``min_size`` records from seed 0 in ``realistic``.
    """
    for name, value in (("min_size", min_size), ("max_size", max_size)):
        integer(name, value, 0)
    if max_size < min_size:
        raise InvalidArgument(f"max_size={max_size} must be >= min_size={min_size}")
    return st.builds(
        article_batch,
        seed=seeds(max_value=MAX_SEED - max(max_size, 1) + 1),
        count=st.integers(min_value=min_size, max_value=max_size),
        profile=_profile_strategy(profile),
    )
