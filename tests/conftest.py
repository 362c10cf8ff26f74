"""Suite-wide fixtures: Hypothesis profiles and the throwaway PostgreSQL cluster."""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, settings

from .pg_cluster import PgCluster, find_bin_dir

settings.register_profile("dev", max_examples=25, deadline=None)
settings.register_profile(
    "ci", max_examples=40, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))

_db_names = itertools.count(1)


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[PgCluster]:
    """A PostgreSQL cluster for the whole session, or a loud skip (a failure in CI) without one."""
    bin_dir = find_bin_dir()
    if bin_dir is None:
        reason = "PostgreSQL server binaries (initdb, pg_ctl) not found: PostgreSQL tests NOT RUN"
        if os.environ.get("ANP_REQUIRE_POSTGRES") == "1":
            pytest.fail(reason + " (ANP_REQUIRE_POSTGRES=1)")
        pytest.skip(reason)
    cluster = PgCluster(bin_dir)
    try:
        cluster.start()
    except Exception as exc:  # pragma: no cover - only on a broken machine
        cluster.stop()
        pytest.fail(f"could not start the throwaway PostgreSQL: {exc}\n{cluster.log_tail()}")
    yield cluster
    cluster.stop()


@pytest.fixture
def pg_url(pg_cluster: PgCluster) -> str:
    """A SQLAlchemy URL to a fresh, empty database of the session cluster (one per test)."""
    return pg_cluster.create_database(f"anp_test_{os.getpid()}_{next(_db_names)}")
