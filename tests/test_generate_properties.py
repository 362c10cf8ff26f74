"""The generator's contract: a record is a pure function of (seed, profile, generator version),
windows compose, every record keeps every rule of the field guide, and numbers follow their
documented distributions."""

from __future__ import annotations

import hashlib
import importlib
import inspect
import json
import os
import statistics
import subprocess
import sys
import zlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

import anp_synth
from anp_synth import InvalidArgument, rules
from anp_synth.generator import article, build, generate, generate_lines, identity
from anp_synth.model import PROFILES
from anp_synth.validate import check_record

seeds = st.integers(min_value=0, max_value=rules.MAX_SEED)
profiles = st.sampled_from(PROFILES)


@given(seed=seeds, profile=profiles)
def test_a_line_is_the_canonical_json_of_its_record_and_carries_its_hash(seed: int, profile: str) -> None:
    record, line = build(seed, profile)
    assert rules.canonical_json(json.loads(line)) == line
    assert record["meta"]["hash"] == rules.content_hash(record)
    assert "\n" not in line and "\x00" not in line


@given(seed=seeds, profile=profiles)
def test_every_record_keeps_every_rule(seed: int, profile: str) -> None:
    record = check_record(build(seed, profile)[0])
    meta = record["meta"]
    assert meta["reference"] == rules.reference(seed, profile)
    assert meta["payload"]["source_id"] == f"alphanode-{seed:06d}"
    problem, stack, scenario = meta["ai_outline"]["problem"], meta["stack"][0], meta["payload"]["scenario"]
    assert problem in record["title"] and stack in record["title"]
    assert problem in record["intro"] and stack in record["intro"]
    assert (problem, stack, scenario) == (identity(seed, profile).problem, identity(seed, profile).stack.name, scenario)
    for post in record["similar_posts"]:
        assert seed - rules.SIMILAR_DISTANCE <= post["seed"] < seed
        assert post["title"] == build(post["seed"], profile)[0]["title"]


@given(seed=seeds, profile=profiles)
def test_the_reference_is_recomputed_from_the_record_alone_by_the_documented_rule(seed: int, profile: str) -> None:
    record = build(seed, profile)[0]
    stream = hashlib.shake_128(f"{record['generator_version']}|{profile}|{seed}".encode()).digest(24)
    suffix = int.from_bytes(stream[20:24], "little") % 3333 * 3 + ("realistic", "edge", "hostile").index(profile)
    assert record["meta"]["reference"] == f"anp-ref-{seed:06d}-{suffix:04d}"


@given(seed=st.integers(min_value=0, max_value=10**9), first=st.integers(1, 15), second=st.integers(1, 15))
def test_windows_compose(seed: int, first: int, second: int) -> None:
    whole = list(generate_lines(seed=seed, count=first + second))
    parts = list(generate_lines(seed=seed, count=first)) + list(generate_lines(seed=seed + first, count=second))
    assert parts == whole


def test_a_record_that_outruns_the_words_read_up_front_is_the_same_record(monkeypatch: pytest.MonkeyPatch) -> None:
    """The stream is one SHAKE-128 output: reading less of it up front only means reading on later."""
    wanted = {p: list(generate_lines(seed=40, count=30, profile=p)) for p in PROFILES}
    monkeypatch.setattr(article, "_FIRST_READ", dict.fromkeys(PROFILES, article.IDENTITY_WORDS + 1))
    article.identity.cache_clear()
    for posts in article._POSTS.values():
        posts.clear()
    try:
        assert {p: list(generate_lines(seed=40, count=30, profile=p)) for p in PROFILES} == wanted
    finally:
        article.identity.cache_clear()


def test_records_do_not_depend_on_process_hash_seed_locale_timezone_or_clock() -> None:
    code = (
        "import hashlib; from anp_synth.generator import generate_lines; "
        "h = hashlib.sha256(); [h.update(l.encode()) for p in ('realistic', 'edge', 'hostile') "
        "for l in generate_lines(seed=19490, count=60, profile=p)]; print(h.hexdigest())"
    )
    here = hashlib.sha256()
    for p in PROFILES:
        for line in generate_lines(seed=19490, count=60, profile=p):
            here.update(line.encode())
    env = {**os.environ, "PYTHONHASHSEED": "4242", "TZ": "Pacific/Chatham", "LC_ALL": "C", "LANG": "tr_TR.UTF-8"}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == here.hexdigest()


def test_the_generator_package_is_a_module_and_generate_a_function() -> None:
    """``anp_synth.generate`` is the public function; the package behind it has another name,
    so ``import anp_synth.generator.article`` works and nothing shadows anything."""
    module = importlib.import_module("anp_synth.generator.article")
    assert inspect.ismodule(module) and module.__name__ == "anp_synth.generator.article"
    assert (
        inspect.isfunction(anp_synth.generate)
        and anp_synth.generate is importlib.import_module("anp_synth.generator").generate
    )


def test_the_generator_does_not_import_faker() -> None:
    code = "import sys, anp_synth; list(anp_synth.generate(seed=1, count=3)); print('faker' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"seed": 0, "count": 0}, "count=0 must be >= 1"),
        ({"seed": -1, "count": 5}, "seed=-1 must be between 0 and"),
        ({"seed": 0, "count": rules.MAX_COUNT + 1}, "past the maximum"),
        ({"seed": rules.MAX_SEED, "count": 2}, "runs past the last seed"),
        ({"seed": 0, "count": 1, "profile": "cheerful"}, "profile='cheerful' is not one of"),
    ],
)
def test_bad_arguments_are_refused_with_the_value_named(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(InvalidArgument, match=message.replace("(", r"\(")):
        list(generate(**kwargs))  # type: ignore[arg-type]


def test_view_counts_are_heavy_tailed_and_scores_correlated() -> None:
    records = list(generate(seed=50_000, count=2000))
    views = sorted(r["meta"]["view_count"] for r in records)
    assert statistics.median(views) * 3 < statistics.mean(views)
    top = views[-20:]  # the top 1%
    assert sum(top) > 0.2 * sum(views)
    quality = [r["meta"]["score"]["quality"] for r in records]
    clarity = [r["meta"]["score"]["clarity"] for r in records]
    assert statistics.correlation(quality, clarity) > 0.6
    dates = {r["meta"]["revision"]["last_reviewed"] for r in records}
    assert min(dates) >= rules.REVIEW_WINDOW[0] and max(dates) <= rules.REVIEW_WINDOW[1]
    assert len(dates) > 800  # spread over the window, not a handful of days


def test_numbers_that_share_a_draw_keep_their_own_rates_and_stay_independent() -> None:
    """Flags, difficulty and status, scores and age take 10-16 bits each of shared draws."""
    metas = [r["meta"] for r in generate(seed=70_000, count=3000)]
    images = [m for m in metas if m["flags"]["has_images"]]
    plain = [m for m in metas if not m["flags"]["has_images"]]
    assert abs(len(images) / len(metas) - 0.45) < 0.04
    assert abs(sum(m["flags"]["image_heavy"] for m in images) / len(images) - 0.3) < 0.05
    ai_with, ai_without = (sum(m["flags"]["ai_generated_style"] for m in ms) / len(ms) for ms in (images, plain))
    assert abs(ai_with - 0.85) < 0.04 and abs(ai_without - 0.85) < 0.04
    difficulty = statistics.multimode(m["difficulty"] for m in metas)
    assert difficulty == ["intermediate"]  # 40%, ahead of beginner's 35%
    published = [m for m in metas if m["revision"]["status"] == "published"]
    assert abs(len(published) / len(metas) - 0.5) < 0.04
    experts = sum(m["difficulty"] == "expert" for m in published) / len(published)
    assert abs(experts - 0.05) < 0.03  # status and difficulty share a draw, not a fate
    age = [-int(m["revision"]["last_reviewed"].replace("-", "")) for m in metas]
    assert statistics.correlation(age, [m["score"]["freshness"] for m in metas]) < -0.9
    assert statistics.correlation([m["reading_time"] for m in metas], [m["score"]["depth"] for m in metas]) > 0.2
    assert abs(statistics.correlation([m["score"]["quality"] for m in metas], [m["view_count"] for m in metas])) < 0.1


def test_edge_records_reach_their_boundaries() -> None:
    records = list(generate(seed=0, count=400, profile="edge"))
    metas = [r["meta"] for r in records]
    assert any(m["tools"] == [] for m in metas) and any(m["checklist"] == [] for m in metas)
    assert any(m["view_count"] == 0 for m in metas) and any(m["view_count"] == 2**53 - 1 for m in metas)
    assert any(m["score"]["quality"] in (0, 100) for m in metas)
    text = json.dumps(records, ensure_ascii=False)
    for needle in ("\U0001d518", "\u0301", "مرحبا", "\u200d", "incomprehensibility" * 10):
        assert needle in text


def test_hostile_records_carry_markup_sql_and_control_characters_but_no_nul() -> None:
    text = "".join(generate_lines(seed=0, count=400, profile="hostile"))
    for needle in ("<script>", "DROP TABLE", "\\\\", "\\u001b", "\\r\\n", "\\\\N", "onerror="):
        assert needle in text
    assert "\\u0000" not in text


def test_bodies_compress_like_prose_not_like_a_template_echo() -> None:
    def body(record: dict) -> str:  # type: ignore[type-arg]
        parts = [record["title"], record["intro"]]
        for section in record["sections"]:
            parts.append(section["heading"])
            parts += ["\n".join(b["items"]) if b["type"] == "checklist" else b["text"] for b in section["blocks"]]
        return "\n\n".join(parts)

    text = "\n".join(body(r) for r in generate(seed=19503, count=300)).encode()
    assert len(zlib.compress(text, 6)) / len(text) >= 0.25
