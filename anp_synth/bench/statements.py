"""What a query of the mix may be: exactly one statement, and under ``--read-only`` only a read.

The bench runs text a user wrote (``--queries FILE``) against a database that may matter, so
each text is checked *before anything runs*, and the reason for a refusal is one line:

- **Always:** exactly one statement (no ``;`` followed by another), and nothing that controls
  the transaction (``BEGIN``, ``COMMIT``, ``SAVEPOINT``...) or changes the session (``SET``,
  ``RESET``, ``set_config()``, ``PRAGMA``, ``ATTACH``...). Readers run each query on their own
  connection in its own transaction; a query that steers either would change what is measured
  and, on a read-only run, could lift the protection for the queries after it. A ``PRAGMA`` on
  SQLite takes effect when it is *compiled*, so even the ``EXPLAIN`` pre-check would run it.
- **Under --read-only:** a ``SELECT``, ``WITH``, ``VALUES`` or ``TABLE`` query that contains no
  writing clause (``INSERT``/``UPDATE``/``DELETE``/``MERGE`` in a CTE, ``SELECT INTO``, ``FOR
  UPDATE``/``FOR SHARE``) and calls none of the functions that change server state
  (:data:`STATE_FUNCTIONS`: ``nextval``, ``pg_terminate_backend``, ``lo_*``, ``dblink``...).

This check is for a clear message up front; it is not the protection. The database enforces
read-only by itself (see :mod:`anp_synth.bench.driver`): a SQLite file opened ``mode=ro``, every
PostgreSQL statement in its own ``BEGIN READ ONLY`` transaction sent over the extended protocol,
which refuses a text with two statements. What neither can stop (a function a user defined to
write despite a read-only transaction, through dblink or the like) is what a read-only role is
for (README.md, 'Using it against staging').

The lexer knows each dialect's strings, quoted names, comments and (PostgreSQL) dollar quotes,
so ``';'`` inside a literal is not a separator and ``'delete me'`` is not a DELETE.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass

__all__ = ["STATE_FUNCTIONS", "is_read", "read_only_refusal", "statement_refusal"]

_READ_STARTS = frozenset({"SELECT", "WITH", "VALUES", "TABLE"})

_TRANSACTION = frozenset(
    {"BEGIN", "COMMIT", "ROLLBACK", "END", "ABORT", "START", "SAVEPOINT", "RELEASE", "PREPARE", "DEALLOCATE"}
)
_SESSION = frozenset({"SET", "RESET", "DISCARD", "PRAGMA", "ATTACH", "DETACH", "LOAD"})

_WHY_NOT_READ: dict[str, str] = {
    **dict.fromkeys(("INSERT", "UPDATE", "DELETE", "MERGE", "REPLACE", "UPSERT", "TRUNCATE"), "writes rows"),
    "COPY": "copies data in or out",
    **dict.fromkeys(
        ("CREATE", "ALTER", "DROP", "COMMENT", "GRANT", "REVOKE", "REINDEX", "CLUSTER", "REFRESH", "SECURITY"),
        "changes the schema",
    ),
    **dict.fromkeys(("CALL", "DO", "EXECUTE"), "runs code"),
    "LOCK": "takes locks",
    **dict.fromkeys(("VACUUM", "ANALYZE", "ANALYSE", "CHECKPOINT"), "is maintenance that writes"),
    **dict.fromkeys(("LISTEN", "UNLISTEN", "NOTIFY"), "changes server state"),
    "EXPLAIN": "runs its statement when it ANALYZEs (the bench explains each query itself)",
}

_WRITING_WORDS: dict[str, str] = {
    **dict.fromkeys(("INSERT", "UPDATE", "DELETE", "MERGE", "TRUNCATE"), "writes rows (a data-modifying clause)"),
    "INTO": "writes (SELECT INTO creates a table)",
}
_ROW_LOCKS = frozenset({"UPDATE", "SHARE", "NO", "KEY"})
"""Words after FOR that make a locking clause: FOR UPDATE, FOR SHARE, FOR NO KEY UPDATE, FOR KEY SHARE."""

STATE_FUNCTIONS = frozenset(
    {
        "set_config",
        "nextval",
        "setval",
        "txid_current",
        "pg_current_xact_id",
        "pg_terminate_backend",
        "pg_cancel_backend",
        "pg_reload_conf",
        "pg_rotate_logfile",
        "pg_switch_wal",
        "pg_switch_xlog",
        "pg_create_restore_point",
        "pg_notify",
        "pg_promote",
        "pg_start_backup",
        "pg_stop_backup",
        "pg_backup_start",
        "pg_backup_stop",
        "pg_log_backend_memory_contexts",
        "pg_import_system_collations",
        "query_to_xml",
        "query_to_xmlschema",
        "query_to_xml_and_xmlschema",
        "cursor_to_xml",
        "cursor_to_xmlschema",
        "load_extension",
    }
)
"""Functions refused under --read-only because calling them changes state (or runs other SQL)."""
_STATE_PREFIXES = (
    "lo_",
    "dblink",
    "pg_advisory_",
    "pg_try_advisory_",
    "pg_stat_reset",
    "pg_wal_replay_",
    "pg_xlog_replay_",
    "pg_logical_",
    "pg_replication_",
    "pg_create_",
    "pg_drop_",
    "pg_copy_",
    "pg_file_",
)


def _state_function(name: str) -> bool:
    return name in STATE_FUNCTIONS or name.startswith(_STATE_PREFIXES)


@dataclass(frozen=True)
class _Token:
    kind: str
    """``word`` (a bare word), ``name`` (a quoted identifier), ``string``, ``;`` or ``punct``."""
    text: str
    backslash: bool = False
    """A PostgreSQL '...' string holding a backslash (its meaning depends on a setting)."""


_WORD = re.compile(r"[A-Za-z_\x80-\U0010ffff][A-Za-z0-9_$\x80-\U0010ffff]*")
_DOLLAR_TAG = re.compile(r"\$(?:[A-Za-z_\x80-\U0010ffff][A-Za-z0-9_\x80-\U0010ffff]*)?\$")


class _Unterminated(ValueError):
    pass


def _until(sql: str, start: int, quote: str, *, backslash: bool = False) -> int:
    """Index just past the closing ``quote`` of a literal opened before ``start`` (doubled quote escapes)."""
    i = start
    n = len(sql)
    while i < n:
        c = sql[i]
        if backslash and c == "\\":
            i += 2
            continue
        if c == quote:
            if i + 1 < n and sql[i + 1] == quote:
                i += 2
                continue
            return i + 1
        i += 1
    raise _Unterminated("unterminated string" if quote == "'" else "unterminated quoted name")


def _tokens(sql: str, dialect: str) -> list[_Token]:
    pg = dialect == "postgresql"
    out: list[_Token] = []
    i, n = 0, len(sql)
    while i < n:
        c = sql[i]
        if c.isspace():
            i += 1
        elif sql.startswith("--", i):
            j = sql.find("\n", i)
            i = n if j < 0 else j + 1
        elif sql.startswith("/*", i):
            if not pg:  # SQLite: not nested; an unterminated comment runs to the end
                j = sql.find("*/", i + 2)
                i = n if j < 0 else j + 2
                continue
            depth, i = 1, i + 2
            while depth:
                if i >= n:
                    raise _Unterminated("unterminated /* comment")
                if sql.startswith("/*", i):
                    depth, i = depth + 1, i + 2
                elif sql.startswith("*/", i):
                    depth, i = depth - 1, i + 2
                else:
                    i += 1
        elif c == "'":
            j = _until(sql, i + 1, "'")
            out.append(_Token("string", sql[i:j], backslash=pg and "\\" in sql[i:j]))
            i = j
        elif c == '"' or (not pg and c == "`"):
            j = _until(sql, i + 1, c)
            out.append(_Token("name", sql[i + 1 : j - 1].replace(c + c, c)))
            i = j
        elif not pg and c == "[":
            j = sql.find("]", i)
            if j < 0:
                raise _Unterminated("unterminated [name]")
            out.append(_Token("name", sql[i + 1 : j]))
            i = j + 1
        elif pg and c == "$" and (m := _DOLLAR_TAG.match(sql, i)):
            tag = m.group(0)
            j = sql.find(tag, m.end())
            if j < 0:
                raise _Unterminated("unterminated $-quoted string")
            out.append(_Token("string", sql[i : j + len(tag)]))
            i = j + len(tag)
        elif m := _WORD.match(sql, i):
            word = m.group(0)
            i = m.end()
            if pg and word in ("E", "e") and i < n and sql[i] == "'":
                j = _until(sql, i + 1, "'", backslash=True)
                out.append(_Token("string", sql[i - 1 : j]))
                i = j
            else:
                out.append(_Token("word", word))
        elif c == ";":
            out.append(_Token(";", c))
            i += 1
        else:
            out.append(_Token("punct", c))
            i += 1
    return out


def _statements(tokens: Iterable[_Token]) -> list[list[_Token]]:
    statements: list[list[_Token]] = [[]]
    for tok in tokens:
        if tok.kind == ";":
            statements.append([])
        else:
            statements[-1].append(tok)
    return [s for s in statements if s]


def _split(sql: str, dialect: str) -> tuple[list[list[_Token]], str | None]:
    try:
        return _statements(_tokens(sql, dialect)), None
    except _Unterminated as exc:
        return [], str(exc)


def _first_word(statement: list[_Token]) -> str:
    for tok in statement:
        if tok.kind == "word":
            return tok.text.upper()
        if tok.text != "(":
            return ""
    return ""


def _calls(statement: list[_Token]) -> list[str]:
    """Names called as functions: a word or quoted name right before ``(`` (a schema prefix ignored)."""
    return [
        a.text.lower() if a.kind == "word" else a.text
        for a, b in itertools.pairwise(statement)
        if a.kind in ("word", "name") and b.text == "("
    ]


def statement_refusal(sql: str, dialect: str) -> str | None:
    """Why ``sql`` may not be a query of the mix at all, or None: the rules of every run."""
    statements, broken = _split(sql, dialect)
    if broken:
        return f"{broken} (the text must be one complete statement)"
    if not statements:
        return "no statement (the text is empty or only comments)"
    if len(statements) > 1:
        return f"{len(statements)} statements in one query; a query must be exactly one statement (no ';' between two)"
    statement = statements[0]
    first = _first_word(statement)
    if first in _TRANSACTION:
        return f"{first} controls the transaction; each query runs in its own, which the bench opens and ends"
    if first in _SESSION:
        return f"{first} changes the connection's settings; a query may not"
    if "set_config" in _calls(statement):
        return "set_config() changes the connection's settings; a query may not"
    return None


def read_only_refusal(sql: str, dialect: str) -> str | None:
    """Why ``sql`` is not a read that --read-only may run, or None. Includes :func:`statement_refusal`."""
    reason = statement_refusal(sql, dialect)
    if reason:
        return reason
    statement = _split(sql, dialect)[0][0]
    first = _first_word(statement)
    if first not in _READ_STARTS:
        what = _WHY_NOT_READ.get(first, "is not a query")
        return f"{first or 'the statement'} {what}; --read-only runs only SELECT, WITH, VALUES and TABLE queries"
    for tok, nxt in zip(statement, [*statement[1:], _Token("punct", "")], strict=True):
        if tok.kind == "string" and tok.backslash:
            return (
                "a backslash in a '...' string reads differently under standard_conforming_strings; "
                "write E'...' under --read-only"
            )
        if tok.kind != "word":
            continue
        word = tok.text.upper()
        if word in _WRITING_WORDS:
            return f"{word} {_WRITING_WORDS[word]}; --read-only runs only reads"
        if word == "FOR" and nxt.kind == "word" and nxt.text.upper() in _ROW_LOCKS:
            return "a FOR UPDATE / FOR SHARE clause locks rows; --read-only runs only reads"
    for name in _calls(statement):
        if _state_function(name):
            return f"{name}() changes server state; --read-only refuses it"
    return None


def is_read(sql: str, dialect: str) -> bool:
    """True when ``sql`` passes the --read-only rules: a plan may then run it (EXPLAIN ANALYZE)."""
    return read_only_refusal(sql, dialect) is None
