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
"""

from __future__ import annotations

import argparse
import os
import re
import uuid
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from . import (
    __version__,
    dburl,
    strategies,  # noqa: F401 - registers "anp-ci" before Hypothesis reads --hypothesis-profile
)
from .dburl import redact, scrub
from .errors import DatabaseError, InvalidArgument
from .model import PROFILES, Article
from .rules import MAX_SEED, check_profile, check_seed_range

if TYPE_CHECKING:
    from sqlalchemy.engine import URL, Engine

__all__ = ["DEFAULT_COUNT", "DEFAULT_SEED", "ENV_DB_URL", "ArticleFactory", "DatabaseFactory", "DatabaseUrl"]

DEFAULT_SEED = 19503
"""The seed every test starts from unless told otherwise: the reference sample article's."""
DEFAULT_COUNT = 10
DEFAULT_PROFILE = "realistic"
ENV_DB_URL = dburl.ENV_DB_URL
MARKER_KEYS = ("seed", "count", "profile")

_SEED_KEY = pytest.StashKey[int]()
_SEED_SOURCE_KEY = pytest.StashKey[str]()


# -- options, marker and header ---------------------------------------------------------


def _seed_option(text: str) -> int:
    try:
        seed = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"--anp-seed={text!r} is not an integer") from None
    if not 0 <= seed <= MAX_SEED:
        raise argparse.ArgumentTypeError(f"--anp-seed={seed} must be between 0 and {MAX_SEED}")
    return seed


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("anp-synth", "anp-synth test data")
    group.addoption(
        "--anp-seed",
        type=_seed_option,
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
    config.stash[_SEED_KEY] = DEFAULT_SEED if option_seed is None else int(option_seed)
    config.stash[_SEED_SOURCE_KEY] = "default" if option_seed is None else "--anp-seed"
    option_url = config.getoption("anp_db_url", default=None)
    if option_url:
        problem = _DbTarget.resolve(option_url, "--anp-db-url").problem
        if problem:
            raise pytest.UsageError(problem)


def pytest_report_header(config: pytest.Config) -> list[str]:
    seed = config.stash.get(_SEED_KEY, DEFAULT_SEED)
    if config.stash.get(_SEED_SOURCE_KEY, "default") == "default":
        seed_line = f"anp-synth {__version__}: seed {seed} (the default; --anp-seed N to change)"
    else:
        seed_line = f"anp-synth {__version__}: seed {seed} (from --anp-seed; the default is {DEFAULT_SEED})"
    target = _DbTarget.from_config(config)
    return [seed_line, f"anp-synth: anp_db uses {target.describe()}"]


def _marker_values(item: pytest.Item) -> dict[str, Any]:
    """The ``anp`` marker's keys, the closest marker winning; InvalidArgument on a bad one."""
    merged: dict[str, Any] = {}
    for mark in item.iter_markers("anp"):
        if mark.args:
            raise InvalidArgument(
                f"@pytest.mark.anp takes keyword arguments only ({', '.join(MARKER_KEYS)}), got {mark.args!r}"
            )
        unknown = sorted(set(mark.kwargs) - set(MARKER_KEYS))
        if unknown:
            raise InvalidArgument(
                f"@pytest.mark.anp got unknown key {', '.join(map(repr, unknown))}; known keys: {', '.join(MARKER_KEYS)}"
            )
        for key, value in mark.kwargs.items():
            merged.setdefault(key, value)
    where = "@pytest.mark.anp"
    if "seed" in merged:
        _check_seed(merged["seed"], where)
    if "count" in merged:
        _check_count(merged["count"], where)
    if "profile" in merged:
        _check_profile(merged["profile"], where)
    return merged


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    """Refuse a bad ``anp`` marker before the test runs, as one clear line."""
    if item.get_closest_marker("anp") is None:
        return
    try:
        _marker_values(item)
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
            used = _Defaults.of(item)
        except InvalidArgument:
            return report
        config_seed = item.config.stash.get(_SEED_KEY, DEFAULT_SEED)
        how = (
            f"rerun with --anp-seed {config_seed} for the same data"
            if used.seed == config_seed
            else "the seed comes from the test's anp marker"
        )
        windows = item.stash.get(_WINDOWS_KEY, [])
        lines = [f"{where}: seed {w.seed}, count {w.count}, profile {w.profile}" for where, w in windows]
        lines = list(dict.fromkeys(lines)) or [
            f"default records: seed {used.seed}, count {used.count}, profile {used.profile}"
        ]
        report.sections.append(("anp-synth", "\n".join(lines) + f"\n{how}"))
    return report


# -- validation shared by the marker and the factories ----------------------------------


def _check_seed(seed: object, where: str) -> int:
    if isinstance(seed, bool) or not isinstance(seed, int):
        raise InvalidArgument(f"{where}: seed={seed!r} must be an integer")
    if not 0 <= seed <= MAX_SEED:
        raise InvalidArgument(f"{where}: seed={seed} must be between 0 and {MAX_SEED}")
    return seed


def _check_count(count: object, where: str) -> int:
    if isinstance(count, bool) or not isinstance(count, int) or count < 0:
        raise InvalidArgument(f"{where}: count={count!r} must be an integer >= 0")
    return count


def _check_profile(profile: object, where: str) -> str:
    if not isinstance(profile, str) or profile not in PROFILES:
        raise InvalidArgument(f"{where}: profile={profile!r} is not one of {', '.join(PROFILES)}")
    return profile


@dataclass(frozen=True)
class _Window:
    seed: int
    count: int
    profile: str

    def records(self) -> list[Article]:
        from .generator import generate

        if self.count == 0:
            return []
        check_seed_range(self.seed, self.count)
        check_profile(self.profile)
        return list(generate(seed=self.seed, count=self.count, profile=self.profile))


_WINDOWS_KEY = pytest.StashKey[list[tuple[str, "_Window"]]]()


@dataclass(frozen=True)
class _Defaults:
    seed: int
    count: int
    profile: str

    windows: list[tuple[str, _Window]] = field(default_factory=list, compare=False)
    """Every window the test's factories gave out: a failure report names those, not the defaults."""

    @classmethod
    def of(cls, item: pytest.Item) -> _Defaults:
        marker = _marker_values(item)
        return cls(
            seed=marker.get("seed", item.config.stash.get(_SEED_KEY, DEFAULT_SEED)),
            count=marker.get("count", DEFAULT_COUNT),
            profile=marker.get("profile", DEFAULT_PROFILE),
            windows=item.stash.setdefault(_WINDOWS_KEY, []),
        )

    def window(self, where: str, count: int | None, seed: int | None, profile: str | None) -> _Window:
        window = _Window(
            seed=_check_seed(self.seed if seed is None else seed, where),
            count=_check_count(self.count if count is None else count, where),
            profile=_check_profile(self.profile if profile is None else profile, where),
        )
        self.windows.append((where, window))
        return window


# -- anp_articles -----------------------------------------------------------------------


class ArticleFactory:
    """``anp_articles(count=10, *, seed=..., profile="realistic")`` -> the records of that window."""

    def __init__(self, defaults: _Defaults) -> None:
        self.defaults = defaults

    @property
    def seed(self) -> int:
        """The seed a call without ``seed=`` starts from in this test."""
        return self.defaults.seed

    def __call__(
        self, count: int | None = None, *, seed: int | None = None, profile: str | None = None
    ) -> list[Article]:
        return self.defaults.window("anp_articles", count, seed, profile).records()

    def __repr__(self) -> str:
        d = self.defaults
        return f"<anp_articles seed={d.seed} count={d.count} profile={d.profile!r}>"


@pytest.fixture
def anp_articles(request: pytest.FixtureRequest) -> ArticleFactory:
    """Factory of records: ``anp_articles(count=10, seed=..., profile=...)``, the same every run."""
    return ArticleFactory(_Defaults.of(request.node))


@pytest.fixture
def anp_seed(request: pytest.FixtureRequest) -> int:
    """The seed anp_articles and anp_db start from in this test (marker, --anp-seed or default)."""
    return _Defaults.of(request.node).seed


# -- anp_db -----------------------------------------------------------------------------


@dataclass(frozen=True)
class _DbTarget:
    """Where anp_db writes: temporary SQLite files, or schemas in one PostgreSQL database."""

    url: URL | None = None
    source: str = ""
    problem: str = ""

    @classmethod
    def from_config(cls, config: pytest.Config) -> _DbTarget:
        option = config.getoption("anp_db_url", default=None)
        if option:
            return cls.resolve(option, "--anp-db-url")
        env = os.environ.get(ENV_DB_URL)
        if env:
            return cls.resolve(env, f"${ENV_DB_URL}")
        return cls()

    @classmethod
    def resolve(cls, text: str, source: str) -> _DbTarget:
        scheme = dburl.scheme_of(text)
        if scheme is None:
            return cls(source=source, problem=f"{source} is not a database URL (expected postgresql://...)")
        if scheme not in dburl.POSTGRES_SCHEMES and not scheme.startswith("postgres"):
            return cls(
                source=source,
                problem=f"{source} names a {scheme.partition('+')[0]} database; anp_db takes a PostgreSQL URL "
                "there (leave it unset for temporary SQLite files)",
            )
        try:
            url = dburl.parse(text).sqlalchemy_url()
        except InvalidArgument as exc:
            return cls(source=source, problem=f"{source}: {exc}")
        return cls(url=url, source=source)

    def describe(self) -> str:
        if self.problem:
            return f"nothing: {self.problem}"
        if self.url is None:
            return "a temporary SQLite file per call"
        return f"PostgreSQL {redact(self.url)} (from {self.source}), a fresh schema per call"


class DatabaseUrl(str):
    """A database URL that shows its password only when used, never in a repr or an assertion.

    pytest prints reprs in ``--showlocals`` and diffs strings in assertion messages; the URL
    of a password-protected server must still reach ``create_engine`` whole, so only what
    pytest shows is redacted (here and in :func:`pytest_assertrepr_compare`).
    """

    def redacted(self) -> str:
        return redact(str(self))

    def __repr__(self) -> str:
        return repr(self.redacted())


def pytest_assertrepr_compare(config: pytest.Config, op: str, left: object, right: object) -> list[str] | None:
    """Explain a failed comparison involving an anp_db URL without its password."""
    if not isinstance(left, DatabaseUrl) and not isinstance(right, DatabaseUrl):
        return None
    return [f"{left!r} {op} {right!r}", "(anp_db URLs are shown with their password hidden)"]


class _PgSchemas:
    """One engine on the PostgreSQL database for the session; creates and drops test schemas."""

    def __init__(self, url: URL) -> None:
        self.url = url
        self._engine: Engine | None = None

    def engine(self) -> Engine:
        if self._engine is None:
            from sqlalchemy import create_engine
            from sqlalchemy.pool import NullPool

            self._engine = create_engine(self.url, poolclass=NullPool)
        return self._engine

    def create(self, hint: str) -> tuple[str, str]:
        """(schema name, URL whose search_path is that schema)."""
        name = f"anp_{re.sub(r'[^a-z0-9_]+', '_', hint.lower())[:32]}_{uuid.uuid4().hex[:10]}"
        self._execute(f'CREATE SCHEMA "{name}"', "could not create a schema")
        options = self.url.query.get("options")
        if isinstance(options, tuple):
            options = " ".join(options)
        search_path = f"-csearch_path={name}"
        url = self.url.update_query_dict({"options": f"{options} {search_path}" if options else search_path})
        return name, url.render_as_string(hide_password=False)

    def drop(self, name: str) -> None:
        self._execute(f'DROP SCHEMA IF EXISTS "{name}" CASCADE', f"could not drop schema {name}")

    def _execute(self, sql: str, what: str) -> None:
        from sqlalchemy.exc import SQLAlchemyError

        try:
            with self.engine().begin() as conn:
                conn.exec_driver_sql(sql)
        except SQLAlchemyError as exc:
            cause = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
            raise DatabaseError(f"anp_db {what} in {redact(self.url)}: {scrub(cause, self.url)}") from None

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()


@pytest.fixture(scope="session")
def _anp_db_target(request: pytest.FixtureRequest) -> Iterator[_DbTarget | _PgSchemas]:
    target = _DbTarget.from_config(request.config)
    if target.url is None:
        yield target
        return
    schemas = _PgSchemas(target.url)
    try:
        yield schemas
    finally:
        schemas.close()


class DatabaseFactory:
    """``anp_db(count=10, *, seed=..., profile=...)`` -> the URL of a new database loaded with that window."""

    def __init__(
        self,
        defaults: _Defaults,
        target: _DbTarget | _PgSchemas,
        tmp_path: Callable[[], Path],
        hint: str,
    ) -> None:
        self.defaults = defaults
        self._target = target
        self._tmp_path = tmp_path
        self._hint = hint
        self._calls = 0
        self.schemas: list[str] = []
        """PostgreSQL schemas created in this test (dropped at teardown)."""

    def __call__(self, count: int | None = None, *, seed: int | None = None, profile: str | None = None) -> DatabaseUrl:
        window = self.defaults.window("anp_db", count, seed, profile)
        from .db import import_records, prepare_database

        self._calls += 1
        if isinstance(self._target, _PgSchemas):
            name, url = self._target.create(self._hint)
            self.schemas.append(name)
        elif self._target.problem:
            raise InvalidArgument(self._target.problem)
        else:
            url = f"sqlite:///{self._tmp_path() / f'anp-{self._calls}.sqlite'}"
        if window.count == 0:
            prepare_database(url)
        else:
            import_records(window.records(), url)
        return DatabaseUrl(url)

    def _teardown(self) -> None:
        if isinstance(self._target, _PgSchemas):
            for name in self.schemas:
                self._target.drop(name)

    def __repr__(self) -> str:
        d = self.defaults
        return f"<anp_db seed={d.seed} count={d.count} profile={d.profile!r}>"


@pytest.fixture
def anp_db(
    request: pytest.FixtureRequest, _anp_db_target: _DbTarget | _PgSchemas, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[DatabaseFactory]:
    """Factory of loaded databases: ``anp_db(count=10, seed=..., profile=...)`` returns a database URL."""
    directory: list[Path] = []

    def tmp_dir() -> Path:
        if not directory:
            directory.append(tmp_path_factory.mktemp("anp-db"))
        return directory[0]

    factory = DatabaseFactory(_Defaults.of(request.node), _anp_db_target, tmp_dir, request.node.name)
    try:
        yield factory
    finally:
        factory._teardown()
