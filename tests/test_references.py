"""A reference names one record of a generator version: its seed and profile, and nothing else.

Two records of one generator version never share a reference, by construction: the seed is
written out in full and the suffix's remainder mod 3 is the profile. So importing the same
seeds in two profiles stores every article, and never replaces one with another.
"""

from __future__ import annotations

import hashlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from anp_synth import generate
from anp_synth.db import import_generated
from anp_synth.db.tables import article_id
from anp_synth.errors import InvalidArgument
from anp_synth.model import PROFILES
from anp_synth.rules import GENERATOR_VERSION, MAX_SEED, reference, reference_from_word, seed_and_profile_of

from .db_helpers import DIALECTS, execute, make_url


@pytest.mark.slow
def test_seeds_below_a_million_of_all_three_profiles_share_no_reference() -> None:
    """3,000,000 references, checked in constant memory: one seed's three are distinct, and every
    reference of a seed sorts after every reference of the seed before (so none repeats)."""
    shake = hashlib.shake_128
    prefixes = [(profile, f"{GENERATOR_VERSION}|{profile}|".encode()) for profile in PROFILES]
    previous_last = ""
    for seed in range(1_000_000):
        digits = b"%d" % seed
        three = sorted(
            reference_from_word(seed, profile, int.from_bytes(shake(prefix + digits).digest(24)[20:], "little"))
            for profile, prefix in prefixes
        )
        assert three[0] != three[1] != three[2], f"seed {seed}: {three}"
        assert previous_last < three[0], f"seed {seed}: {three[0]} does not sort after {previous_last}"
        previous_last = three[2]


def test_the_fast_loop_above_computes_the_references_the_generator_writes() -> None:
    for profile in PROFILES:
        for record in generate(seed=9840, count=20, profile=profile):
            seed = record["seed"]
            word = int.from_bytes(
                hashlib.shake_128(f"{GENERATOR_VERSION}|{profile}|{seed}".encode()).digest(24)[20:], "little"
            )
            assert record["meta"]["reference"] == reference_from_word(seed, profile, word)


@given(seed=st.integers(min_value=0, max_value=MAX_SEED), profile=st.sampled_from(PROFILES))
def test_a_reference_gives_back_its_seed_and_profile(seed: int, profile: str) -> None:
    assert seed_and_profile_of(reference(seed, profile)) == (seed, profile)


@given(seed=st.integers(min_value=0, max_value=MAX_SEED), word=st.integers(min_value=0, max_value=2**32 - 1))
def test_the_rule_inverts_for_every_word_a_stream_can_hold(seed: int, word: int) -> None:
    for profile in PROFILES:
        assert seed_and_profile_of(reference_from_word(seed, profile, word)) == (seed, profile)


def test_the_inverse_reads_the_records_the_generator_writes() -> None:
    for profile in PROFILES:
        for record in generate(seed=780, count=20, profile=profile):
            assert seed_and_profile_of(record["meta"]["reference"]) == (record["seed"], profile)


@pytest.mark.parametrize(
    "text",
    [
        "anp-ref-009848-9999",  # 9999 mod 3 is 0, but no word gives a suffix past 9998
        "anp-ref-09848-1398",  # five digits
        "anp-ref-0009848-1398",  # seven digits with a leading zero: not how a seed is written
        "anp-ref-009848-139",
        "anp-ref-009848-1398 ",
        "ANP-REF-009848-1398",
        f"anp-ref-{MAX_SEED + 1}-0000",
        "",
    ],
)
def test_a_string_that_is_no_reference_is_refused_by_name(text: str) -> None:
    with pytest.raises(InvalidArgument, match="is not an anp-synth"):
        seed_and_profile_of(text)


def test_records_of_an_older_generator_are_still_checked_by_their_own_rule() -> None:
    """Generator 1.2 took the word mod 10000: validate keeps recomputing a 1.2 record by that rule."""
    word = int.from_bytes(hashlib.shake_128(b"1.2|hostile|9848").digest(24)[20:], "little")
    assert reference(9848, "hostile", "1.2") == f"anp-ref-009848-{word % 10000:04d}"
    assert reference(9848, "realistic", "1.2") == reference(9848, "hostile", "1.2")  # the collision 1.3 ends


@pytest.fixture(params=DIALECTS)
def db_url(request: pytest.FixtureRequest) -> str:
    return make_url(request, str(request.param))


@pytest.mark.parametrize("on_conflict", ["skip", "update"])
@pytest.mark.parametrize(
    ("first", "second", "seed"),
    [("realistic", "hostile", 9840), ("edge", "hostile", 780)],
    ids=["realistic-then-hostile-9840", "edge-then-hostile-780"],
)
def test_the_same_seeds_in_two_profiles_store_every_article(
    db_url: str, first: str, second: str, seed: int, on_conflict: str
) -> None:
    """Seeds 9848 (realistic/hostile) and 790 (edge/hostile) shared a reference under generator 1.2."""
    one = import_generated(db_url, seed=seed, count=20, profile=first, on_conflict=on_conflict)
    two = import_generated(db_url, seed=seed, count=20, profile=second, on_conflict=on_conflict)
    assert (one.inserted, two.inserted, two.skipped) == (20, 20, 0)
    stored = execute(db_url, "select id, reference, hash, seed, profile, generator_version from anp_articles")
    expected = [
        (article_id(r["seed"], r["profile"]), r["meta"]["reference"], r["meta"]["hash"], r["seed"], r["profile"],
         r["generator_version"])
        for profile in (first, second)
        for r in generate(seed=seed, count=20, profile=profile)
    ]  # fmt: skip
    assert sorted(stored) == sorted(expected)
    assert len({row[1] for row in stored}) == 40
