"""Where ``anp_db`` writes, from the URL a user gave, and the URL it hands back to the test.

The URL is parsed by :mod:`anp_synth.dburl`, the project's one URL module, so the plugin
refuses a bad URL with the same words as every command, and shows it only redacted.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pytest

from .. import dburl
from ..dburl import redact
from ..errors import InvalidArgument

if TYPE_CHECKING:
    from sqlalchemy.engine import URL

ENV_DB_URL = dburl.ENV_DB_URL


@dataclass(frozen=True)
class DbTarget:
    """Where anp_db writes: temporary SQLite files, or schemas in one PostgreSQL database."""

    url: URL | None = None
    source: str = ""
    problem: str = ""

    @classmethod
    def from_config(cls, config: pytest.Config) -> DbTarget:
        option = config.getoption("anp_db_url", default=None)
        if option:
            return cls.resolve(option, "--anp-db-url")
        env = os.environ.get(ENV_DB_URL)
        if env:
            return cls.resolve(env, f"${ENV_DB_URL}")
        return cls()

    @classmethod
    def resolve(cls, text: str, source: str) -> DbTarget:
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
    pytest shows is redacted (here and in ``pytest_assertrepr_compare``).
    """

    def redacted(self) -> str:
        return redact(str(self))

    def __repr__(self) -> str:
        return repr(self.redacted())
