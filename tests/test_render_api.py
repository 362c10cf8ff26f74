"""render(): the four views of a record, the formats it knows, and how it refuses the rest."""

from __future__ import annotations

import json
from typing import Any, get_type_hints

import pytest
from hypothesis import given
from hypothesis import strategies as st

from anp_synth.errors import InvalidArgument, RecordError
from anp_synth.generator import build
from anp_synth.model import PROFILES, Entity, Meta
from anp_synth.render import RENDER_FORMATS, render
from anp_synth.render._meta import ENTITY_KEYS, LIST_FIELDS, META_ORDER, OBJECT_KEYS
from anp_synth.render._text import anchor_id, visible

from .test_render_txt import sample_record


def test_the_four_formats() -> None:
    assert RENDER_FORMATS == ("txt", "md", "html", "json")


@pytest.mark.parametrize("fmt", ["pdf", "TXT", "", "htm"])
def test_an_unknown_format_is_refused_by_name(fmt: str) -> None:
    with pytest.raises(InvalidArgument, match=f"format={fmt!r} is not one of txt, md, html, json"):
        render(sample_record(), fmt)


@pytest.mark.parametrize("fmt", RENDER_FORMATS)
def test_a_record_missing_a_field_is_a_record_error_naming_it(fmt: str) -> None:
    record: dict[str, Any] = dict(sample_record())
    meta = dict(record["meta"])
    del meta["checklist"]
    record["meta"] = meta
    if fmt == "json":
        render(record, fmt)  # type: ignore[arg-type]  # json shows whatever it is given
        return
    with pytest.raises(RecordError, match="seed 19503, field checklist: cannot render as"):
        render(record, fmt)  # type: ignore[arg-type]


def test_json_view_is_pretty_sorted_and_lossless() -> None:
    record = sample_record()
    record["title"] = "ünïcode 🚀 and a bell\x07"
    text = render(record, "json")
    assert json.loads(text) == record
    assert text.startswith('{\n  "generator_version": "1.0",\n  "intro": ')
    assert '"title": "ünïcode 🚀 and a bell\\u0007"' in text
    assert not text.endswith("\n")


def test_the_box_shows_every_meta_field_of_the_model_once() -> None:
    hints = get_type_hints(Meta)
    assert sorted(META_ORDER) == sorted(hints)
    for key, keys in OBJECT_KEYS.items():
        assert sorted(keys) == sorted(get_type_hints(hints[key]))
    assert sorted(ENTITY_KEYS) == sorted(get_type_hints(Entity))
    assert all(hints[key] == list[str] for key in LIST_FIELDS)


def test_views_do_not_depend_on_key_order() -> None:
    record = sample_record()
    shuffled = json.loads(json.dumps(record, sort_keys=True))
    for fmt in RENDER_FORMATS:
        assert render(shuffled, fmt) == render(record, fmt)


def test_visible_shows_controls_as_pictures_and_keeps_the_rest() -> None:
    assert visible("a\tb\nc\r\nd\re") == "a\tb\nc\nd␍e"
    assert visible("\x00\x1b\x1f\x7f") == "␀␛␟␡"
    assert visible("\x85\x9f\ufdd0\ufffe\U0010ffff") == "\ufffd" * 5
    kept = "é e\u0301 مرحبا 𝔘 👩\u200d💻 \u202e \u2028 \ufeff"
    assert visible(kept) == kept


def test_anchor_id_accepts_only_plain_tokens() -> None:
    assert anchor_id("anp-ref-019503-6154") == "anp-ref-019503-6154"
    for odd in ("", "javascript:alert(1)", "a b", '"x', "-lead", "x" * 200):
        assert anchor_id(odd) is None


@given(seed=st.integers(0, 10**9), profile=st.sampled_from(PROFILES))
def test_every_format_renders_every_profile(seed: int, profile: str) -> None:
    record = build(seed, profile)[0]
    for fmt in RENDER_FORMATS:
        page = render(record, fmt)
        assert page and not page.endswith("\n")
        page.encode("utf-8")
    assert json.loads(render(record, "json")) == record
