"""One fresh PostgreSQL schema per ``anp_db`` call, so tests never see each other's rows."""

from __future__ import annotations

import re
import uuid
from typing import TYPE_CHECKING

from ..dburl import redact, scrub
from ..errors import DatabaseError

if TYPE_CHECKING:
    from sqlalchemy.engine import URL, Engine


class PgSchemas:
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
