"""The Faker provider: anp-synth records drawn from Faker's own seeded random."""

from __future__ import annotations

import re

import pytest
from faker import Faker

from anp_synth.errors import InvalidArgument
from anp_synth.faker import FAKER_MAX_SEED, AnpProvider
from anp_synth.generator import generate
from anp_synth.rules import reference, source_id
from anp_synth.validate import check_record


def fake_with_seed(seed: int) -> Faker:
    fake = Faker()
    fake.add_provider(AnpProvider)
    fake.seed_instance(seed)
    return fake


def test_anp_article_is_a_real_record_for_a_drawn_seed() -> None:
    record = fake_with_seed(1).anp_article()
    check_record(record)
    assert 0 <= record["seed"] <= FAKER_MAX_SEED
    assert record == next(generate(seed=record["seed"], count=1))


def test_the_same_faker_seed_gives_the_same_records_in_the_same_order() -> None:
    first, second = fake_with_seed(42), fake_with_seed(42)
    assert [first.anp_article()["seed"] for _ in range(3)] == [second.anp_article()["seed"] for _ in range(3)]
    assert first.anp_title() == second.anp_title()


def test_draws_follow_fakers_random_so_another_seed_gives_other_records() -> None:
    assert fake_with_seed(1).anp_seed() != fake_with_seed(2).anp_seed()


def test_faker_seed_class_method_drives_the_provider_too() -> None:
    fake = Faker()
    fake.add_provider(AnpProvider)
    Faker.seed(7)
    first = fake.anp_reference()
    Faker.seed(7)
    assert fake.anp_reference() == first


def test_anp_articles_is_a_window_of_consecutive_seeds() -> None:
    batch = fake_with_seed(3).anp_articles(count=4, profile="edge")
    seeds = [r["seed"] for r in batch]
    assert seeds == list(range(seeds[0], seeds[0] + 4))
    assert {r["profile"] for r in batch} == {"edge"}
    assert fake_with_seed(3).anp_articles(count=0) == []


def test_the_small_providers_match_the_records_they_come_from() -> None:
    fake = fake_with_seed(5)
    seed = fake_with_seed(5).anp_seed()
    assert fake.anp_source_id() == source_id(seed)
    assert re.fullmatch(r"anp-ref-\d{6}-\d{4}", fake_with_seed(5).anp_reference())
    assert fake_with_seed(5).anp_reference() == reference(seed, "realistic")
    record = next(generate(seed=seed, count=1))
    assert fake_with_seed(5).anp_title() == record["title"]
    assert fake_with_seed(5).anp_topic() == record["meta"]["topic"]


def test_bad_arguments_are_refused_by_name() -> None:
    fake = fake_with_seed(0)
    with pytest.raises(InvalidArgument, match="profile='nope' is not one of"):
        fake.anp_article(profile="nope")
    with pytest.raises(InvalidArgument, match="count=-1 must be an integer >= 0"):
        fake.anp_articles(count=-1)
