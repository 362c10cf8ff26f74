"""SQLite explodes a record's post-meta from its JSON line by exactly the rule Python flattens it by.

The SQLite writer stores most post-meta rows (nine in ten of a load's rows) by
``anp_synth.db.sqlite.POST_META_FROM_JSON`` rather than from rows built in Python; the
two must never disagree, whatever the meta holds.
"""

from __future__ import annotations

import json
import pickle
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from anp_synth.db import import_generated, prepare_database
from anp_synth.db import sqlite as sqlite_backend
from anp_synth.db.encode import EncodedBatch, encode_record, flatten_meta, sections_json
from anp_synth.db.sqlite import POST_META_FROM_JSON
from anp_synth.generator import build

from .db_helpers import count, rows

text = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=12)
scalar = st.one_of(text, st.booleans(), st.integers(0, 2**53 - 1))
key = st.text("abcdefghij_", min_size=1, max_size=8)
flat_object = st.dictionaries(key, scalar, max_size=4)
meta_value = st.one_of(scalar, st.lists(scalar, max_size=4), st.lists(flat_object, max_size=3), flat_object)
metas = st.dictionaries(key, meta_value, max_size=8)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> sqlite3.Connection:
    path = tmp_path_factory.mktemp("post-meta") / "p.db"
    prepare_database(f"sqlite:///{path}")
    return sqlite3.connect(path, isolation_level=None)


def exploded(db: sqlite3.Connection, article_id: int, line: str) -> list[tuple[Any, ...]]:
    db.execute("DELETE FROM anp_post_meta")
    db.execute(POST_META_FROM_JSON, (article_id, line))
    rows = db.execute("SELECT article_id, meta_key, position, meta_value FROM anp_post_meta").fetchall()
    return sorted(rows)


def canonical(record: dict[str, Any]) -> str:
    return json.dumps(record, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


@settings(max_examples=150, deadline=None)
@given(meta=metas)
def test_sql_and_python_flatten_any_meta_to_the_same_rows(db: sqlite3.Connection, meta: dict[str, Any]) -> None:
    line = canonical({"meta": meta, "seed": 1})
    assert exploded(db, 42, line) == sorted(flatten_meta(42, meta))


@settings(max_examples=20, deadline=None)
@given(seed=st.integers(0, 10**6), profile=st.sampled_from(["realistic", "edge", "hostile"]))
def test_sql_and_python_flatten_generated_records_to_the_same_rows(
    db: sqlite3.Connection, seed: int, profile: str
) -> None:
    record, line = build(seed, profile)
    assert exploded(db, 7, line) == sorted(flatten_meta(7, record["meta"]))  # type: ignore[arg-type]


def test_a_batch_keeps_post_meta_pending_only_for_canonical_nul_free_lines() -> None:
    batch = EncodedBatch()
    first, line = build(1, "realistic")
    encode_record(first, batch, nul_free=True, body=sections_json(line), line=line)
    assert len(batch.pending_meta) == 1 and batch.flat_meta == []
    second, other = build(2, "realistic")
    encode_record(second, batch, nul_free=False, body=sections_json(other), line=other)  # a NUL scan: flattened
    aid = [row[0] for row in batch.articles]
    assert batch.pending_meta == []
    assert batch.post_meta == flatten_meta(aid[0], first["meta"]) + flatten_meta(aid[1], second["meta"])  # type: ignore[arg-type]


def test_a_batch_sent_to_another_process_flattens_the_same_rows_from_its_lines() -> None:
    here = EncodedBatch()
    for seed in range(3):
        record, line = build(seed, "edge")
        encode_record(record, here, nul_free=True, body=sections_json(line), line=line)
    sent = pickle.loads(pickle.dumps(here))
    assert all(p.meta is None for p in sent.pending_meta)  # only the line travels
    assert sent.post_meta == here.post_meta
    assert sent.articles == here.articles


def test_a_sqlite_without_json_functions_gets_the_same_rows_flattened_in_python(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with_json = f"sqlite:///{tmp_path / 'json.db'}"
    import_generated(with_json, seed=3, count=12, batch_size=5)
    monkeypatch.setattr(sqlite_backend, "_has_json", lambda conn: False)
    without = f"sqlite:///{tmp_path / 'plain.db'}"
    import_generated(without, seed=3, count=12, batch_size=5)
    assert rows(without) == rows(with_json)
    assert count(without, "anp_post_meta") > 12 * 40
