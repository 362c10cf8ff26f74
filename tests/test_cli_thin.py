"""The CLI stays thin: no module of anp_synth/cli/ talks to a database itself.

Opening connections, running SQL and reading catalogs belong to the library
(``anp_synth.db.admin`` for the ``db`` commands), where they can be used and tested without
click; the CLI parses options, calls the library and prints.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

CLI = Path(__file__).resolve().parent.parent / "anp_synth" / "cli"
DRIVERS = ("sqlalchemy", "psycopg", "psycopg2", "sqlite3", "asyncpg")
DRIVER_CALLS = {"execute", "executemany", "exec_driver_sql", "scalar", "scalar_one", "cursor", "open_engine"}
SQL = re.compile(
    r"^\s*select\s.+\sfrom\s|\bselect\s+(count\(|\*|distinct\s)"
    r"|\b(insert\s+into|update\s+\w+\s+set|delete\s+from|create\s+(table|index|schema)"
    r"|drop\s+(table|index|schema)|alter\s+table|pragma\s+\w+|copy\s+\w+\s+from)\b",
    re.IGNORECASE | re.DOTALL,
)


def _driver_use(source: str) -> list[str]:
    """What in ``source`` imports a driver, calls one, or spells SQL, one line each."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [f"line {node.lineno}: import {a.name}" for a in node.names if a.name.split(".")[0] in DRIVERS]
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if module.split(".")[0] in DRIVERS or module.endswith(("db.connect", "db.migrations")):
                found.append(f"line {node.lineno}: from {module} import ...")
        elif isinstance(node, ast.Call):
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if name in DRIVER_CALLS:
                found.append(f"line {node.lineno}: call {name}()")
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and SQL.search(node.value):
            found.append(f"line {node.lineno}: SQL {node.value[:40]!r}")
    return found


@pytest.mark.parametrize("path", sorted(CLI.glob("*.py")), ids=lambda p: p.name)
def test_no_cli_module_runs_sql_or_opens_a_database(path: Path) -> None:
    assert _driver_use(path.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize(
    "line",
    [
        "from sqlalchemy import text",
        "import psycopg",
        "from ..db.connect import open_engine",
        "from ..db.migrations import inspect_schema",
        "conn.execute(q)",
        "engine = open_engine(url)",
        "q = 'select count(*) from anp_articles'",
        "q = 'select id, body from anp_articles where id = 1'",
        "q = 'CREATE INDEX ix ON t (a)'",
        "q = 'PRAGMA journal_mode'",
    ],
)
def test_the_check_sees_each_kind_of_database_use(line: str) -> None:
    assert _driver_use(line) != []


def test_the_check_lets_help_texts_about_databases_through() -> None:
    help_text = (
        "h = 'Target database: postgresql://USER@HOST/DB (psycopg 3); keep the stored row, or replace it; "
        "select the rows to export from a seed'"
    )
    assert _driver_use(help_text) == []
