"""pytest plugin of anp-synth: the same articles in CI as on a laptop, and a loaded database in one line.

Registered through the ``pytest11`` entry point, so installing anp-synth is enough::

    def test_titles(anp_articles):
        records = anp_articles(count=5)            # seeds 19503..19507, realistic
        assert len(records) == 5

    def test_queries(anp_db):
        url = anp_db(count=20)                     # a SQLite file (or a fresh PostgreSQL schema)
        ...

    @pytest.mark.anp(seed=7, count=3, profile="hostile")
    def test_escaping(anp_articles):
        assert [r["seed"] for r in anp_articles()] == [7, 8, 9]

The default seed is fixed (:data:`DEFAULT_SEED`) and printed in the session header;
``--anp-seed N`` changes it, so a failing run is reproduced exactly by repeating its seed.
Precedence for each value: the factory's argument, then the closest ``anp`` marker, then
``--anp-seed`` (seed only), then the defaults (seed 19503, count 10, ``realistic``).

``anp_db`` writes to a temporary SQLite file per call unless ``--anp-db-url`` or the
``ANP_DB_URL`` environment variable names a PostgreSQL database; then each call creates a
fresh schema there, hands back a URL whose ``search_path`` is that schema, and drops it
after the test, so tests never see each other's rows.

This module is the ``pytest11`` entry point (and what ``pytest -p anp_synth.pytest_plugin``
loads): it registers the options, hooks and fixtures, and leaves the work to
:mod:`anp_synth._plugin` (value checks, the records a test gets, the database URL,
PostgreSQL schemas, the factories).
"""

from __future__ import annotations

from collections.abc import Generator, Iterator
from pathlib import Path

import pytest

from . import (
    __version__,
    strategies,  # noqa: F401 - registers "anp-ci" before Hypothesis reads --hypothesis-profile
)
from ._plugin.checks import MARKER_KEYS as MARKER_KEYS
from ._plugin.checks import marker_values, seed_option
from ._plugin.factories import ArticleFactory, DatabaseFactory
from ._plugin.pg_schemas import PgSchemas
from ._plugin.records import DEFAULT_COUNT, DEFAULT_SEED, SEED_KEY, SEED_SOURCE_KEY, WINDOWS_KEY, Defaults
from ._plugin.records import DEFAULT_PROFILE as DEFAULT_PROFILE
from ._plugin.target import ENV_DB_URL, DatabaseUrl, DbTarget
from .errors import InvalidArgument

__all__ = ["DEFAULT_COUNT", "DEFAULT_SEED", "ENV_DB_URL", "ArticleFactory", "DatabaseFactory", "DatabaseUrl"]


# -- options, marker and header ---------------------------------------------------------


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("anp-synth", "anp-synth test data")
    group.addoption(
        "--anp-seed",
        type=seed_option,
        default=None,
        metavar="N",
        help=f"first seed of anp_articles/anp_db when a test does not pin one (default {DEFAULT_SEED}).",
    )
    group.addoption(
        "--anp-db-url",
        default=None,
        metavar="URL",
        help=f"PostgreSQL database for anp_db, one fresh schema per call (default: ${ENV_DB_URL}, "
        "else a temporary SQLite file per call).",
    )


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "anp(seed=None, count=None, profile=None): the records anp_articles and anp_db give this test "
        "when called without arguments.",
    )
    option_seed = config.getoption("anp_seed", default=None)
    config.stash[SEED_KEY] = DEFAULT_SEED if option_seed is None else int(option_seed)
    config.stash[SEED_SOURCE_KEY] = "default" if option_seed is None else "--anp-seed"
    option_url = config.getoption("anp_db_url", default=None)
    if option_url:
        problem = DbTarget.resolve(option_url, "--anp-db-url").problem
        if problem:
            raise pytest.UsageError(problem)


def pytest_report_header(config: pytest.Config) -> list[str]:
    seed = config.stash.get(SEED_KEY, DEFAULT_SEED)
    if config.stash.get(SEED_SOURCE_KEY, "default") == "default":
        seed_line = f"anp-synth {__version__}: seed {seed} (the default; --anp-seed N to change)"
    else:
        seed_line = f"anp-synth {__version__}: seed {seed} (from --anp-seed; the default is {DEFAULT_SEED})"
    target = DbTarget.from_config(config)
    return [seed_line, f"anp-synth: anp_db uses {target.describe()}"]


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    """Refuse a bad ``anp`` marker before the test runs, as one clear line."""
    if item.get_closest_marker("anp") is None:
        return
    try:
        marker_values(item)
        return
    except InvalidArgument as exc:
        problem = str(exc)
    # failed outside the except block: pytest would otherwise show the message a second
    # time, as the exception "during handling" of which the failure was raised
    pytest.fail(problem, pytrace=False)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    """On failure of a test that used anp-synth data, say which data and how to get it again."""
    report = yield
    names = getattr(item, "fixturenames", ())
    if report.failed and report.when == "call" and ("anp_articles" in names or "anp_db" in names):
        try:
            used = Defaults.of(item)
        except InvalidArgument:
            return report
        config_seed = item.config.stash.get(SEED_KEY, DEFAULT_SEED)
        how = (
            f"rerun with --anp-seed {config_seed} for the same data"
            if used.seed == config_seed
            else "the seed comes from the test's anp marker"
        )
        windows = item.stash.get(WINDOWS_KEY, [])
        lines = [f"{where}: seed {w.seed}, count {w.count}, profile {w.profile}" for where, w in windows]
        lines = list(dict.fromkeys(lines)) or [
            f"default records: seed {used.seed}, count {used.count}, profile {used.profile}"
        ]
        report.sections.append(("anp-synth", "\n".join(lines) + f"\n{how}"))
    return report


def pytest_assertrepr_compare(config: pytest.Config, op: str, left: object, right: object) -> list[str] | None:
    """Explain a failed comparison involving an anp_db URL without its password."""
    if not isinstance(left, DatabaseUrl) and not isinstance(right, DatabaseUrl):
        return None
    return [f"{left!r} {op} {right!r}", "(anp_db URLs are shown with their password hidden)"]


# -- fixtures ---------------------------------------------------------------------------


@pytest.fixture
def anp_articles(request: pytest.FixtureRequest) -> ArticleFactory:
    """Factory of records: ``anp_articles(count=10, seed=..., profile=...)``, the same every run."""
    return ArticleFactory(Defaults.of(request.node))


@pytest.fixture
def anp_seed(request: pytest.FixtureRequest) -> int:
    """The seed anp_articles and anp_db start from in this test (marker, --anp-seed or default)."""
    return Defaults.of(request.node).seed


@pytest.fixture(scope="session")
def _anp_db_target(request: pytest.FixtureRequest) -> Iterator[DbTarget | PgSchemas]:
    target = DbTarget.from_config(request.config)
    if target.url is None:
        yield target
        return
    schemas = PgSchemas(target.url)
    try:
        yield schemas
    finally:
        schemas.close()


@pytest.fixture
def anp_db(
    request: pytest.FixtureRequest, _anp_db_target: DbTarget | PgSchemas, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[DatabaseFactory]:
    """Factory of loaded databases: ``anp_db(count=10, seed=..., profile=...)`` returns a database URL."""
    directory: list[Path] = []

    def tmp_dir() -> Path:
        if not directory:
            directory.append(tmp_path_factory.mktemp("anp-db"))
        return directory[0]

    factory = DatabaseFactory(Defaults.of(request.node), _anp_db_target, tmp_dir, request.node.name)
    try:
        yield factory
    finally:
        factory._teardown()
