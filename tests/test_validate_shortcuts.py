"""The validator's shortcuts compute exactly what the rules they stand in for compute.

``validate`` gathers the body's facts in one pass; these properties keep it equal to the
definitions in ``rules`` and ``generate`` (the word count's own shortcut is tested in
``test_word_count.py``).
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from anp_synth import rules
from anp_synth.errors import RecordError
from anp_synth.generator import build
from anp_synth.generator.article import prose_word_count
from anp_synth.model import PROFILES
from anp_synth.validate import _scan_body, check_record


@settings(max_examples=30)
@given(seed=st.integers(0, 10**9), profile=st.sampled_from(PROFILES))
def test_the_body_scan_counts_what_the_generator_counts(seed: int, profile: str) -> None:
    record = build(seed, profile)[0]
    body = _scan_body(record)
    blocks = [b for s in record["sections"] for b in s["blocks"]]
    assert body.words == prose_word_count(record)
    assert body.paragraphs == sum(b["type"] == "paragraph" for b in blocks)
    assert body.checklists == [b["items"] for b in blocks if b["type"] == "checklist"]
    assert body.stray_code is None


def test_a_code_block_in_another_language_is_named_by_its_field() -> None:
    record = next(r for r in (build(s, "realistic")[0] for s in range(50)) if any(
        b["type"] == "code" for s in r["sections"] for b in s["blocks"]))  # fmt: skip
    i, j = next(
        (i, j) for i, s in enumerate(record["sections"]) for j, b in enumerate(s["blocks"]) if b["type"] == "code"
    )
    block = record["sections"][i]["blocks"][j]
    block["language"] = "sql" if block["language"] != "sql" else "go"
    record["meta"]["hash"] = rules.content_hash(record)
    with pytest.raises(
        RecordError, match=rf"field sections\.{i}\.blocks\.{j}\.language: differs from meta\.code_language"
    ):
        check_record(record)


@pytest.mark.parametrize(
    ("day", "ok"), [("2020-12-31", False), ("2021-01-01", True), ("2025-12-31", True), ("2026-01-01", False)]
)
def test_the_review_window_is_inclusive(day: str, ok: bool) -> None:
    record = build(3, "realistic")[0]
    record["meta"]["revision"]["last_reviewed"] = day
    record["meta"]["hash"] = rules.content_hash(record)
    if ok:
        check_record(record)
    else:
        with pytest.raises(
            RecordError, match=r"field meta\.revision\.last_reviewed: falls outside 2021-01-01\.\.2025-12-31"
        ):
            check_record(record)
