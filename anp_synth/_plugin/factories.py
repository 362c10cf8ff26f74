"""The ``anp_articles`` and ``anp_db`` factories: records, or a database loaded with them.

Both are callables rather than values so that one test can ask for several windows (and,
for ``anp_db``, several databases); each call is checked and remembered for the failure
report.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..errors import InvalidArgument
from ..model import Article
from .pg_schemas import PgSchemas
from .records import Defaults
from .target import DatabaseUrl, DbTarget


class ArticleFactory:
    """``anp_articles(count=10, *, seed=..., profile="realistic")`` -> the records of that window."""

    def __init__(self, defaults: Defaults) -> None:
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


class DatabaseFactory:
    """``anp_db(count=10, *, seed=..., profile=...)`` -> the URL of a new database loaded with that window."""

    def __init__(
        self,
        defaults: Defaults,
        target: DbTarget | PgSchemas,
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
        from ..db import import_records, prepare_database

        self._calls += 1
        if isinstance(self._target, PgSchemas):
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
        if isinstance(self._target, PgSchemas):
            for name in self.schemas:
                self._target.drop(name)

    def __repr__(self) -> str:
        d = self.defaults
        return f"<anp_db seed={d.seed} count={d.count} profile={d.profile!r}>"
