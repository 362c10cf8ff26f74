"""What an import stores is the records, row for row, by the documented storage rules.

Each expected row is computed here from the records alone (the column meanings in
``anp_synth/db/tables.py`` and the post-meta rule of ``anp_synth/db/encode.py``'s docstring),
never by the encoder: comparing one import with another cannot see a field the encoder drops.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path
from typing import Any

import pytest

from anp_synth import generate
from anp_synth.db import import_file, import_generated, tables
from anp_synth.db.encode import sections_json

from .db_helpers import DIALECTS, rows

PROFILE_INDEX = {"realistic": 0, "edge": 1, "hostile": 2}
WINDOWS = [(profile, seed, count) for profile in PROFILE_INDEX for seed, count in ((0, 14), (19503, 20))]


def article_row(r: dict[str, Any]) -> dict[str, Any]:
    meta, outline, score = r["meta"], r["meta"]["ai_outline"], r["meta"]["score"]
    revision, flags, payload = meta["revision"], meta["flags"], meta["payload"]
    return {
        "id": r["seed"] * 4 + PROFILE_INDEX[r["profile"]],
        "reference": meta["reference"],
        "seed": r["seed"],
        "profile": r["profile"],
        "schema_version": r["schema_version"],
        "generator_version": r["generator_version"],
        "source_id": payload["source_id"],
        "hash": meta["hash"],
        "title": r["title"],
        "intro": r["intro"],
        "body": json.dumps(r["sections"], sort_keys=True, separators=(",", ":"), ensure_ascii=False),
        "topic": meta["topic"],
        "summary": meta["summary"],
        "ai_brief": meta["ai_brief"],
        "outline_context": outline["context"],
        "outline_problem": outline["problem"],
        "outline_stack": outline["stack"],
        "outline_action": outline["recommended_action"],
        "stack": meta["stack"][0],
        "area": meta["stack"][1],
        "language": meta["stack"][2],
        "code_language": meta["code_language"],
        "difficulty": meta["difficulty"],
        "reading_time": meta["reading_time"],
        "view_count": meta["view_count"],
        "score_quality": score["quality"],
        "score_freshness": score["freshness"],
        "score_depth": score["depth"],
        "score_clarity": score["clarity"],
        "revision_status": revision["status"],
        "revision_version": revision["version"],
        "last_reviewed": dt.date.fromisoformat(revision["last_reviewed"]),
        "ai_generated_style": flags["ai_generated_style"],
        "has_images": flags["has_images"],
        "image_heavy": flags["image_heavy"],
        "needs_human_review": flags["needs_human_review"],
        "generator": payload["generator"],
        "paragraphs": payload["paragraphs"],
        "scenario": payload["scenario"],
    }


def box_text(value: Any) -> str:
    """Booleans as the box shows them (1/0), integers in decimal, text itself."""
    if isinstance(value, bool):
        return "1" if value else "0"
    return value if isinstance(value, str) else str(value)


def post_meta_rows(r: dict[str, Any]) -> set[tuple[Any, ...]]:
    """A scalar at position 0; a list one row per element at its index; an object's fields under
    dotted keys; a list of objects under dotted keys at the element's index."""
    aid = r["seed"] * 4 + PROFILE_INDEX[r["profile"]]
    out = set()
    for key, value in r["meta"].items():
        if isinstance(value, dict):
            out |= {(aid, f"{key}.{sub}", 0, box_text(v)) for sub, v in value.items()}
        elif isinstance(value, list):
            for i, item in enumerate(value):
                if isinstance(item, dict):
                    out |= {(aid, f"{key}.{sub}", i, box_text(v)) for sub, v in item.items()}
                else:
                    out.add((aid, key, i, box_text(item)))
        else:
            out.add((aid, key, 0, box_text(value)))
    return out


def expected(records: list[dict[str, Any]]) -> dict[str, Any]:
    articles, meta, entities, similar = [], set(), set(), set()
    for r in records:
        aid = r["seed"] * 4 + PROFILE_INDEX[r["profile"]]
        articles.append(article_row(r))
        meta |= post_meta_rows(r)
        entities |= {(aid, i, e["name"], e["type"]) for i, e in enumerate(r["meta"]["entities"])}
        similar |= {
            (aid, i, p["seed"] * 4 + PROFILE_INDEX[r["profile"]], p["seed"], p["reference"], p["title"])
            for i, p in enumerate(r["similar_posts"])
        }
    return {"articles": sorted(articles, key=lambda a: a["id"]), "meta": meta, "entities": entities, "similar": similar}


@pytest.fixture(scope="module", params=DIALECTS)
def stored(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    if request.param == "sqlite":
        db_url = f"sqlite:///{tmp_path_factory.mktemp('stored') / 'anp.db'}"
    else:
        db_url = str(request.getfixturevalue("pg_cluster").create_database(f"anp_stored_rows_{os.getpid()}"))
    records = []
    for profile, seed, count in WINDOWS:
        import_generated(db_url, seed=seed, count=count, profile=profile, batch_size=7)
        records += list(generate(seed=seed, count=count, profile=profile))
    return {"rows": rows(db_url), "expected": expected(records), "records": records}


def test_every_article_row_holds_its_records_values_column_by_column(stored: dict[str, Any]) -> None:
    names = [c.name for c in tables.articles.columns]
    got = [dict(zip(names, row, strict=True)) for row in stored["rows"]["anp_articles"]]
    want = stored["expected"]["articles"]
    assert [a["id"] for a in got] == [a["id"] for a in want]
    assert set(names) == set(want[0]), "a column without an expected value (or the reverse)"
    for stored_row, record_row in zip(got, want, strict=True):
        for name in names:
            assert stored_row[name] == record_row[name], f"article {record_row['id']}, column {name}"


def test_post_meta_holds_exactly_the_flattened_meta_of_every_record(stored: dict[str, Any]) -> None:
    got = set(stored["rows"]["anp_post_meta"])
    want = stored["expected"]["meta"]
    assert not want - got, f"missing post-meta rows, e.g. {sorted(want - got)[:3]}"
    assert not got - want, f"post-meta rows no record holds, e.g. {sorted(got - want)[:3]}"
    keys = {key for _, key, _, _ in got}
    assert {"notes", "checklist", "tools", "entities.name", "score.quality", "flags.has_images"} <= keys


def test_entities_and_similar_posts_are_the_records_lists_in_order(stored: dict[str, Any]) -> None:
    assert set(stored["rows"]["anp_entities"]) == stored["expected"]["entities"]
    assert len(stored["rows"]["anp_entities"]) == len(stored["expected"]["entities"])
    assert set(stored["rows"]["anp_similar_posts"]) == stored["expected"]["similar"]
    assert len(stored["rows"]["anp_similar_posts"]) == len(stored["expected"]["similar"])


@pytest.mark.parametrize("ensure_ascii", [False, True], ids=["canonical-lines", "ascii-escaped-lines"])
def test_a_file_import_stores_the_same_rows_whether_or_not_its_lines_are_canonical(
    tmp_path: Path, ensure_ascii: bool
) -> None:
    """A line may be any JSON of the record (here: non-ASCII escaped as \\u...); the stored body
    is still the canonical JSON of its sections, never the line's own spelling."""
    records = list(generate(seed=19503, count=12, profile="edge"))
    assert any(not r["title"].isascii() or "\\u" in json.dumps(r["sections"]) for r in records)
    path = tmp_path / "in.jsonl"
    lines = [json.dumps(r, sort_keys=True, separators=(",", ":"), ensure_ascii=ensure_ascii) for r in records]
    assert (lines[0].isascii()) is ensure_ascii
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    db_url = f"sqlite:///{tmp_path / 'anp.db'}"
    import_file(str(path), db_url, batch_size=5)
    stored = rows(db_url)
    want = expected(records)
    names = [c.name for c in tables.articles.columns]
    assert [dict(zip(names, row, strict=True)) for row in stored["anp_articles"]] == want["articles"]
    assert set(stored["anp_post_meta"]) == want["meta"]
    assert set(stored["anp_similar_posts"]) == want["similar"]


def test_the_sections_are_cut_from_a_line_only_when_the_line_has_them() -> None:
    record = next(generate(seed=5))
    line = json.dumps(record, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    assert sections_json(line) == json.dumps(record["sections"], sort_keys=True, separators=(",", ":"))
    assert sections_json('{"seed":5,"title":"no body"}') is None
    assert sections_json('{"a":1,"seed":5}') is None
    assert sections_json('{"intro":"a line without a body","seed":5}') is None


def test_a_body_is_stored_as_canonical_json_whatever_the_key_order_of_the_record(tmp_path: Path) -> None:
    """Records handed over by a caller may hold their keys in any order; the stored body is the
    canonical JSON of ``sections`` all the same (sorted keys), as the README's rule says."""
    from anp_synth.db import import_records

    records = list(generate(seed=40, count=3))
    shuffled = [{**r, "sections": [{k: s[k] for k in reversed(list(s))} for s in r["sections"]]} for r in records]
    db = f"sqlite:///{tmp_path / 'k.db'}"
    import_records(shuffled, db)
    bodies = [row[tables.articles.c.keys().index("body")] for row in rows(db)["anp_articles"]]
    assert bodies == [json.dumps(r["sections"], sort_keys=True, separators=(",", ":"), ensure_ascii=False)
                      for r in records]  # fmt: skip


def test_a_meta_value_of_a_type_no_column_holds_is_a_record_error_not_a_row(tmp_path: Path) -> None:
    from anp_synth.db import import_records

    record = next(iter(generate(seed=41, count=1)))
    record["meta"]["notes"] = [1.5]  # a float: the box shows text, integers and 0/1 only
    report = import_records([record], f"sqlite:///{tmp_path / 'f.db'}", on_error="skip",
                            rejects_path=str(tmp_path / "r.jsonl"))  # fmt: skip
    assert (report.inserted, report.rejected) == (0, 1)
