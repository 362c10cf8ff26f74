"""Helpers for the importer's tests: a database URL per dialect, and every row of a database."""

from __future__ import annotations

import itertools
import json
import os
from typing import Any

import pytest
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.pool import NullPool

from anp_synth.db import tables
from anp_synth.db.connect import parse_url

_numbers = itertools.count(1)

DATA_TABLES = (tables.articles, tables.post_meta, tables.entities, tables.similar_posts)

DIALECTS = [
    pytest.param("sqlite", id="sqlite"),
    pytest.param("postgresql", id="postgresql", marks=pytest.mark.postgres),
]


def make_url(request: pytest.FixtureRequest, dialect: str, name: str = "anp.db") -> str:
    """A fresh, empty database of ``dialect`` for one test."""
    if dialect == "sqlite":
        tmp_path = request.getfixturevalue("tmp_path")
        return f"sqlite:///{tmp_path / name}"
    if name == "anp.db":
        return str(request.getfixturevalue("pg_url"))
    cluster = request.getfixturevalue("pg_cluster")
    return str(cluster.create_database(f"anp_{name.replace('.', '_')}_{os.getpid()}_{next(_numbers)}"))


def rows(db_url: str) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of the four data tables, in primary-key order (the ledger is left out: it has run ids)."""
    engine = create_engine(parse_url(db_url), poolclass=NullPool)
    try:
        with engine.connect() as conn:
            out = {}
            for table in DATA_TABLES:
                result = conn.execute(select(table).order_by(*table.primary_key.columns))
                out[table.name] = [tuple(r) for r in result]
            return out
    finally:
        engine.dispose()


def count(db_url: str, table: str = "anp_articles") -> int:
    engine = create_engine(parse_url(db_url), poolclass=NullPool)
    try:
        with engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(text(table))).scalar_one())
    finally:
        engine.dispose()


def execute(db_url: str, sql: str) -> list[tuple[Any, ...]]:
    engine = create_engine(parse_url(db_url), poolclass=NullPool)
    try:
        with engine.begin() as conn:
            result = conn.execute(text(sql))
            return [tuple(r) for r in result] if result.returns_rows else []
    finally:
        engine.dispose()


# -- what is stored, checked against the records themselves --------------------------------

_PROFILE_INDEX = {"realistic": 0, "edge": 1, "hostile": 2}  # README: "realistic 0, edge 1, hostile 2"


def _box_text(value: Any) -> str:
    """README: "booleans `1`/`0`, numbers in decimal"; text as is."""
    if value is True or value is False:
        return "1" if value else "0"
    return str(value)


def expected_post_meta(records: Any) -> list[tuple[Any, ...]]:
    """The anp_post_meta rows of ``records`` by the README's words, without the package's encoder.

    "a scalar at position 0, a list one row per element, an object's fields under dotted keys
    (`score.quality`), lists of objects likewise (`entities.name`, position = element)".
    """
    out = []
    for record in records:
        aid = record["seed"] * 4 + _PROFILE_INDEX[record["profile"]]
        for key, value in record["meta"].items():
            items = list(enumerate(value)) if isinstance(value, list) else [(0, value)]
            for position, item in items:
                if isinstance(item, dict):
                    out += [(aid, f"{key}.{sub}", position, _box_text(v)) for sub, v in item.items()]
                else:
                    out.append((aid, key, position, _box_text(item)))
    return sorted(out)


def assert_stores_exactly(db_url: str, records: Any) -> None:
    """The database holds exactly ``records``: exported back, they are the same canonical lines,
    and the post-meta rows are the ones the README's rule gives (checked without the encoder)."""
    from anp_synth.db.export import export_records

    expected = sorted(records, key=lambda r: (r["seed"], _PROFILE_INDEX[r["profile"]]))
    lines = [json.dumps(r, sort_keys=True, separators=(",", ":"), ensure_ascii=False) for r in expected]
    exported = [
        json.dumps(r, sort_keys=True, separators=(",", ":"), ensure_ascii=False) for r in export_records(db_url)
    ]
    if exported != lines:
        first = next((i for i, (a, b) in enumerate(zip(exported, lines, strict=False)) if a != b), None)
        where = f"first difference at seed {expected[first]['seed']}" if first is not None else "a record missing"
        raise AssertionError(f"exported {len(exported)} records for {len(lines)} imported; {where}")
    stored = sorted(rows(db_url)["anp_post_meta"])
    wanted = expected_post_meta(expected)
    if stored != wanted:
        extra, missing = sorted(set(stored) - set(wanted)), sorted(set(wanted) - set(stored))
        raise AssertionError(
            f"post-meta rows break the README's rule: {len(missing)} missing (e.g. {missing[:1]}), "
            f"{len(extra)} unexpected (e.g. {extra[:1]})"
        )
