"""The rules' own guards, at their edges: what the independent recomputations cannot reach."""

from __future__ import annotations

import pytest

from anp_synth import rules
from anp_synth.errors import InvalidArgument


@pytest.mark.parametrize("seed", ["1", 1.0, None, True])
def test_a_seed_that_is_not_an_integer_is_refused_by_name(seed: object) -> None:
    with pytest.raises(InvalidArgument, match=r"seed=.* must be an integer"):
        rules.check_seed_range(seed, 5)  # type: ignore[arg-type]


def test_canonical_json_sorts_keys_whatever_order_they_came_in() -> None:
    assert rules.canonical_json({"b": 1, "a": {"d": "é", "c": [2, 1]}}) == '{"a":{"c":[2,1],"d":"é"},"b":1}'
