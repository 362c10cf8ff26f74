"""The suite's own PostgreSQL is real, reachable on loopback, and isolates tests by database."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from .pg_cluster import PgCluster

pytestmark = pytest.mark.postgres


def test_each_test_gets_a_fresh_database_on_loopback(pg_url: str) -> None:
    assert "127.0.0.1" in pg_url
    engine = sa.create_engine(pg_url)
    with engine.connect() as conn:
        assert conn.execute(sa.text("select count(*) from pg_tables where schemaname = 'public'")).scalar() == 0
        assert conn.execute(sa.text("show server_version")).scalar().startswith("15")
    engine.dispose()


def test_password_role_needs_its_password(pg_cluster: PgCluster) -> None:
    engine = sa.create_engine(pg_cluster.password_url())
    with engine.connect() as conn:
        assert conn.execute(sa.text("select current_user")).scalar() == "anp_pw_user"
    engine.dispose()
    wrong = sa.create_engine(pg_cluster.password_url().replace("s3cret", "wrong"))
    with pytest.raises(sa.exc.OperationalError):
        wrong.connect()
    wrong.dispose()
