"""Helpers for the importer's tests: a database URL per dialect, and every row of a database."""

from __future__ import annotations

import itertools
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
