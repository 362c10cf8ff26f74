"""Helpers for the importer's tests: a database URL per dialect, and every row of a database."""

from __future__ import annotations

import itertools
import json
import os
import re
import time
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


def catalog(db_url: str, *, statistics: bool = True, compression: bool = True) -> dict[str, list[tuple[Any, ...]]]:
    """What the database's own catalogue says of the anp_ tables: columns (name, type, null,
    default), indexes and constraints with their definitions, and PostgreSQL's extended
    statistics, per-column TOAST compression (``attcompression``, '' for the server's default) and
    each table's storage parameters (``reloptions``).
    Two databases with the same catalog have the same schema, whatever DDL text built them (SQLite keeps the text: it is compared with white space folded)."""
    if db_url.startswith("sqlite"):
        names = [n for (n,) in execute(db_url, "select name from sqlite_master where type = 'table' "
                                               "and name like 'anp!_%' escape '!' order by name")]  # fmt: skip
        columns = [(t, *c) for t in names for c in execute(db_url, f"pragma table_xinfo('{t}')")]
        sql = "select type, name, tbl_name, sql from sqlite_master where tbl_name like 'anp!_%' escape '!'"
        objects = sorted((kind, name, table, _folded(ddl)) for kind, name, table, ddl in execute(db_url, sql))
        return {"columns": columns, "objects": [o for o in objects if o[0] != "table"],
                "tables": [o for o in objects if o[0] == "table"]}  # fmt: skip
    where = "table_schema = current_schema() and table_name like 'anp!_%' escape '!'"
    found = {
        "columns": execute(db_url, "select table_name, ordinal_position, column_name, data_type, "
                                   "character_maximum_length, is_nullable, column_default "
                                   f"from information_schema.columns where {where} order by 1, 2"),
        "indexes": execute(db_url, "select tablename, indexname, indexdef from pg_indexes "
                                   "where schemaname = current_schema() order by 1, 2"),
        "constraints": execute(db_url, "select conrelid::regclass::text, conname, pg_get_constraintdef(oid) "
                                       "from pg_constraint where connamespace = current_schema()::regnamespace "
                                       "order by 1, 2"),
    }  # fmt: skip
    found["storage_parameters"] = execute(  # reloptions: a first load pauses autovacuum, a finished one must not
        db_url, "select relname, coalesce(array_to_string(reloptions, ','), '') from pg_class "
                "where relnamespace = current_schema()::regnamespace and relkind = 'r' "
                "and relname like 'anp!_%' escape '!' order by 1"
    )  # fmt: skip
    if compression:
        found["compression"] = execute(
            db_url, "select c.relname, a.attname, a.attcompression::text from pg_attribute a "
                    "join pg_class c on c.oid = a.attrelid where c.relnamespace = current_schema()::regnamespace "
                    "and c.relkind = 'r' and c.relname like 'anp!_%' escape '!' and a.attnum > 0 "
                    "and not a.attisdropped order by 1, 2"
        )  # fmt: skip
    if statistics:
        found["statistics_targets"] = execute(  # version 5: no column statistics for the long free text
            db_url, "select c.relname, a.attname, a.attstattarget from pg_attribute a join pg_class c "
                    "on c.oid = a.attrelid where c.relnamespace = current_schema()::regnamespace and c.relkind = 'r' "
                    "and c.relname like 'anp!_%' escape '!' and a.attnum > 0 and not a.attisdropped "
                    "and a.attstattarget >= 0 order by 1, 2"
        )  # fmt: skip
        found["statistics"] = execute(
            db_url, "select stxname, stxkind::text from pg_statistic_ext "
                    "where stxnamespace = current_schema()::regnamespace order by 1"
        )  # fmt: skip
    return found


def _folded(ddl: str | None) -> str:
    """DDL text with white space folded and none around punctuation (layout is not schema)."""
    return re.sub(r"\s*([(),])\s*", r"\1", " ".join((ddl or "").split()))


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


def wait_for_sessions_to_end(db_url: str) -> None:
    """Until no anp-synth session is left on the server: a killed import's backend outlives
    its client until the server notices (a held lock released, a rollback), and a resume
    started before that would meet its locks. An event waited for, not a time: 120 s is a
    safety net only."""
    drained = "select count(*) from pg_stat_activity where application_name = 'anp-synth'"
    deadline = time.monotonic() + 120
    while execute(db_url, drained)[0][0] != 0:
        assert time.monotonic() < deadline, "the killed import's sessions never ended"
        time.sleep(0.01)
