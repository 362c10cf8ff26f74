"""Hypothesis strategies: drawn articles are real records, and failures shrink to readable ones."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, find, given, settings
from hypothesis import strategies as st

from anp_synth.errors import InvalidArgument
from anp_synth.generator import generate
from anp_synth.model import PROFILES, Article
from anp_synth.rules import MAX_SEED
from anp_synth.strategies import (
    CI_PROFILE,
    article,
    article_batch,
    article_batches,
    articles,
    profiles,
    seeds,
)
from anp_synth.validate import check_record

QUIET = settings(database=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])


@given(articles())
def test_every_drawn_article_is_a_valid_record(record: Article) -> None:
    assert check_record(record) is record
    assert record["profile"] in PROFILES


@given(articles(profile="hostile"))
def test_a_fixed_profile_draws_only_that_profile(record: Article) -> None:
    assert record["profile"] == "hostile"
    check_record(record)


@given(article_batches(min_size=0, max_size=4))
def test_batches_are_windows_of_one_profile_that_validate(batch: list[Article]) -> None:
    assert 0 <= len(batch) <= 4
    if batch:
        first = batch[0]["seed"]
        assert [r["seed"] for r in batch] == list(range(first, first + len(batch)))
        assert len({r["profile"] for r in batch}) == 1
    for record in batch:
        check_record(record)


@given(seeds(min_value=10, max_value=20), st.data())
def test_seeds_stay_in_their_bounds_and_rebuild_the_generated_record(seed: int, data: st.DataObject) -> None:
    assert 10 <= seed <= 20
    profile = data.draw(profiles())
    assert article(seed, profile) == next(generate(seed=seed, count=1, profile=profile))


def test_the_minimal_article_is_seed_0_realistic() -> None:
    record = find(articles(), lambda _: True, settings=QUIET)
    assert (record["seed"], record["profile"]) == (0, "realistic")


def test_the_minimal_batch_is_the_smallest_window_from_seed_0() -> None:
    batch = find(article_batches(min_size=2, max_size=6), lambda _: True, settings=QUIET)
    assert [(r["seed"], r["profile"]) for r in batch] == [(0, "realistic"), (1, "realistic")]


def test_a_property_failing_on_some_records_shrinks_to_a_small_seed() -> None:
    def popular(record: Article) -> bool:
        return record["meta"]["view_count"] > 20_000

    record = find(articles(profile="realistic"), popular, settings=QUIET)
    assert popular(record)
    assert record["seed"] < 1000  # neighbouring seeds are unrelated, so "small", not always the smallest


def test_a_failing_test_prints_the_call_that_rebuilds_its_example() -> None:
    @QUIET
    @given(a=articles())
    def property_that_fails_from_seed_3(a: Article) -> None:
        assert a["seed"] < 3

    with pytest.raises(AssertionError) as failure:
        property_that_fails_from_seed_3()
    printed = "\n".join(getattr(failure.value, "__notes__", []))
    assert "a=article(\n        seed=3,\n        profile='realistic'," in printed


def test_a_failing_batch_property_prints_the_window() -> None:
    @QUIET
    @given(b=article_batches(max_size=5))
    def property_that_fails_on_three_records(b: list[Article]) -> None:
        assert len(b) < 3

    with pytest.raises(AssertionError) as failure:
        property_that_fails_on_three_records()
    printed = "\n".join(getattr(failure.value, "__notes__", []))
    assert "b=article_batch(" in printed
    assert "count=3," in printed


def test_the_ci_profile_is_registered_and_reproducible() -> None:
    ci = settings.get_profile(CI_PROFILE)
    assert ci.derandomize is True
    assert ci.deadline is None
    assert ci.database is None


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda: articles(profile="nope"), "profile='nope' is not one of realistic, edge, hostile"),
        (lambda: seeds(min_value=-1), "seed=-1 must be between 0 and"),
        (lambda: seeds(max_value=MAX_SEED + 1), f"seed={MAX_SEED + 1} must be between 0 and"),
        (lambda: seeds(min_value=5, max_value=3), "max_value=3 must be >= min_value=5"),
        (lambda: article_batches(min_size=-1), "min_size=-1 must be an integer >= 0"),
        (lambda: article_batches(min_size=4, max_size=2), "max_size=2 must be >= min_size=4"),
        (lambda: article_batch(3, -2), "count=-2 must be an integer >= 0"),
        (lambda: article(3, "weird"), "profile='weird' is not one of"),
    ],
)
def test_bad_arguments_are_refused_by_name(make: object, message: str) -> None:
    with pytest.raises(InvalidArgument) as error:
        make()  # type: ignore[operator]
    assert message in str(error.value)
