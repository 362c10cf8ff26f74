"""A worker's post-meta COPY text is exactly the rows: PostgreSQL stores what write_row would, and it reads back.

:mod:`anp_synth.db.copytext` formats the rows in worker processes; the writing process hands
the bytes to COPY, and the rare path that needs tuples parses them back.
"""

from __future__ import annotations

from typing import Any

import psycopg
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from anp_synth.db import import_generated
from anp_synth.db.connect import parse_url
from anp_synth.db.copytext import format_rows, parse_rows
from anp_synth.db.encode import EncodedBatch
from anp_synth.db.postgres import conninfo
from anp_synth.generator import generate

from .db_helpers import assert_stores_exactly

# Any text PostgreSQL stores: every character but NUL, and no lone surrogate (not Unicode text).
TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=40)
HOSTILE = st.sampled_from(["\\", "\\N", "\\.", "\t", "\n", "\r", "\r\n", "\\t", "a\\\\b", "é—💥", ""])
VALUE = st.one_of(TEXT, HOSTILE, st.lists(HOSTILE, max_size=6).map("".join))
ROW = st.tuples(st.integers(0, 2**62), VALUE, st.integers(0, 32767), VALUE)


@given(st.lists(ROW, max_size=30))
@example([(1, "\\.", 0, "\\.")])
@example([(7, "k", 3, "\\N")])
def test_the_rows_read_back_exactly_from_their_copy_text(rows_: list[tuple[Any, ...]]) -> None:
    assert parse_rows(format_rows(rows_)) == rows_


def test_one_value_to_escape_among_plain_ones_is_escaped_and_the_plain_ones_kept() -> None:
    plain = [(n, "tools", n % 3, f"tool {n}") for n in range(50)]
    text = format_rows([*plain[:25], (99, "summary", 0, "two\tcolumns"), *plain[25:]])
    assert text.count(b"\n") == 51 and b"99\tsummary\t0\ttwo\\tcolumns\n" in text
    assert parse_rows(text)[25] == (99, "summary", 0, "two\tcolumns")


def test_a_line_holds_one_row_and_only_the_four_copy_escapes_are_used() -> None:
    text = format_rows([(12, "a\tb", 2, "x\\y\nz\r"), (13, "tools", 0, "ünï")])
    assert text == "12\ta\\tb\t2\tx\\\\y\\nz\\r\n13\ttools\t0\tünï\n".encode()


def test_a_batch_packed_in_a_worker_gives_the_same_rows_as_one_that_was_not() -> None:
    rows_ = [(4, "score.quality", 0, "88"), (4, "tools", 1, "pytest\tx"), (8, "topic", 0, "a\\b")]
    batch = EncodedBatch()
    batch.post_meta = list(rows_)
    batch.pack_meta_copy()
    assert batch.flat_meta == [] and batch.meta_copy == format_rows(rows_)
    assert batch.post_meta == rows_  # read back on demand, in order
    assert batch.meta_copy == b""


def test_a_value_that_is_not_unicode_text_stays_as_rows() -> None:
    batch = EncodedBatch()
    batch.post_meta = [(4, "summary", 0, "lone \ud800 surrogate")]
    batch.pack_meta_copy()
    assert batch.meta_copy == b"" and batch.post_meta == [(4, "summary", 0, "lone \ud800 surrogate")]


@pytest.mark.postgres
# one database for every example is right here: each example uses its own connection's temporary tables
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows_=st.lists(ROW, min_size=1, max_size=20, unique_by=lambda r: (r[0], r[1], r[2])))
def test_postgresql_stores_the_copy_text_exactly_as_it_stores_write_row(pg_url: str, rows_: list[Any]) -> None:
    with psycopg.connect(**conninfo(parse_url(pg_url))) as conn:
        for name in ("by_text", "by_rows"):
            conn.execute(f"CREATE TEMPORARY TABLE {name} (article_id bigint, meta_key text, position smallint, "
                         "meta_value text)")  # fmt: skip
        with conn.cursor() as cur:
            with cur.copy("COPY by_text FROM STDIN") as copy:
                copy.write(format_rows(rows_))
            with cur.copy("COPY by_rows FROM STDIN") as copy:
                for row in rows_:
                    copy.write_row(row)
            stored = [cur.execute(f"SELECT * FROM {n} ORDER BY 1, 2, 3").fetchall() for n in ("by_text", "by_rows")]
    assert stored[0] == stored[1] == sorted(rows_)


@pytest.mark.postgres
def test_an_import_with_worker_processes_stores_the_records_as_one_process_does(pg_url: str, tmp_path: Any) -> None:
    import_generated(pg_url, seed=300, count=40, batch_size=7, workers=2, jobs=2)
    assert_stores_exactly(pg_url, generate(seed=300, count=40))
    # overlapping seeds through other batches: the stored ones go through the merge, which reads the rows back
    report = import_generated(pg_url, seed=290, count=60, batch_size=9, workers=2, on_conflict="update")
    assert (report.inserted, report.updated, report.skipped) == (20, 0, 40)
    assert_stores_exactly(pg_url, generate(seed=290, count=60))
