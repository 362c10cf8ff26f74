"""Database URLs: the one place that parses, normalises, redacts them and turns them into connections.

People point anp-synth at shared databases with real credentials and share what it writes,
so a URL is handled here and nowhere else (the role psycopg's ``conninfo`` module plays for
psycopg). Four rules hold for everything that reaches a user (messages, reports, pytest
output):

* Only :func:`redact` renders a URL: the user-info password and the secret query
  parameters (``password``, ``sslpassword``) become ``***``.
* A URL that does not parse is never echoed: the error says what is wrong and shows at most
  the scheme, because the text after it may hold a password in a place we cannot find.
* An unencoded ``@`` anywhere but at the end of the user info is refused up front:
  ``u:pa@ss@host`` can be read two ways, and the reading that connects to host ``ss@host``
  would print the tail of the password in the driver's "failed to resolve host" message.
* Every other text that may quote a URL (a driver's error) goes through :func:`scrub`,
  which masks any run of four or more characters taken from a known secret, in clear or
  percent-encoded: a driver that echoes part of its conninfo leaks nothing either.

Accepted: ``postgresql://``, ``postgres://`` and ``postgresql+psycopg://`` (all psycopg 3,
the driver anp-synth ships with), ``sqlite:///relative/path`` and ``sqlite:////abs/path``.
A URL without a password leaves libpq's own sources in charge (``PGPASSWORD``,
``PGPASSFILE``, ``~/.pgpass``; likewise ``PGHOST``, ``PGUSER``... for whatever the URL leaves
out): :meth:`DbUrl.psycopg_kwargs` passes only what the URL says. ``passfile`` is passed to
libpq by name; its contents are never read here.

This module imports only the standard library: reader processes of the load tester unpickle
objects that use it and must not pay for SQLAlchemy.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol
from urllib.parse import parse_qsl, quote, quote_plus, unquote

from .errors import InvalidArgument

if TYPE_CHECKING:
    from sqlalchemy.engine import URL

__all__ = [
    "ENV_DB_URL",
    "MASK",
    "SECRET_PARAMETERS",
    "DbUrl",
    "is_secret_parameter",
    "mask_secrets",
    "of",
    "parse",
    "redact",
    "scheme_of",
    "scrub",
]

ENV_DB_URL = "ANP_DB_URL"
"""Where the CLI (every ``--db``) and the pytest plugin read a URL not given on the command line:
a password in argv is visible to every user of the machine (``ps``), one in the environment is not."""

MASK = "***"
"""What a secret is replaced with, wherever it would have been shown."""

SECRET_PARAMETERS = frozenset({"password", "sslpassword"})
"""Query parameters whose values are credentials (libpq's names); see :func:`is_secret_parameter`."""

_SECRET_HINTS = ("pass", "pwd", "secret", "token")


def is_secret_parameter(key: str) -> bool:
    """Whether a query parameter's value is hidden: libpq's two, and anything named like them.

    A misspelt ``?Password=`` or ``??password=`` is refused by libpq, but only after this
    module has rendered it in an error: so any key that looks like a secret is one.
    ``passfile`` names a file (shown); its contents are never read here.
    """
    letters = re.sub(r"[^a-z]", "", key.lower())
    return key in SECRET_PARAMETERS or (letters != "passfile" and any(h in letters for h in _SECRET_HINTS))


POSTGRES_SCHEMES = ("postgresql", "postgres", "postgresql+psycopg")
EXPECTED = "postgresql://user@host:port/dbname or sqlite:///path/to/file.db"

_SCHEME = re.compile(r"[a-z][a-z0-9+.\-]{0,31}")
_FRAGMENT = 4
"""Runs of this many characters of a secret are masked: shorter runs are ordinary text."""


class _UrlLike(Protocol):
    """What :func:`redact` and :func:`scrub` read from a SQLAlchemy URL (no import needed)."""

    @property
    def drivername(self) -> str: ...
    @property
    def username(self) -> str | None: ...
    @property
    def password(self) -> Any: ...
    @property
    def host(self) -> str | None: ...
    @property
    def port(self) -> int | None: ...
    @property
    def database(self) -> str | None: ...
    @property
    def query(self) -> Any: ...


@dataclass(frozen=True)
class DbUrl:
    """A parsed, normalised database URL; its secrets stay out of ``repr`` and every rendering."""

    dialect: str
    """``sqlite`` or ``postgresql``."""
    username: str | None = None
    password: str | None = field(default=None, repr=False)
    host: str | None = None
    port: int | None = None
    database: str | None = None
    """The dbname (PostgreSQL) or the file path as written after ``sqlite:///``."""
    query: tuple[tuple[str, str], ...] = field(default=(), repr=False)

    @property
    def drivername(self) -> str:
        return "postgresql+psycopg" if self.dialect == "postgresql" else "sqlite"

    def secrets(self) -> tuple[str, ...]:
        """Every credential the URL carries (the user-info password, secret query parameters)."""
        found = [self.password] if self.password else []
        found += [value for key, value in self.query if is_secret_parameter(key) and value]
        # "***" is what a redacted URL read back holds (it shows as itself anyway).
        return tuple(secret for secret in found if secret != MASK)

    def redacted(self) -> str:
        """The URL as it may be shown: every secret replaced by ``***``."""
        return mask_secrets(self._render(), self.secrets())

    def scrub(self, text: str) -> str:
        """``text`` (a driver's message, say) with every secret of this URL masked."""
        return mask_secrets(text, self.secrets())

    def options(self) -> dict[str, str]:
        """The query parameters, the last value of a repeated one winning (as libpq does)."""
        return dict(self.query)

    def psycopg_kwargs(self, application_name: str | None = "anp-synth") -> dict[str, Any]:
        """Keyword arguments for ``psycopg.connect``: only what the URL says.

        What the URL leaves out (password, host, user, port, dbname) is left to libpq, so
        ``PGPASSWORD``, ``PGPASSFILE``/``~/.pgpass``, ``PGHOST``, ``PGUSER``... keep working.
        """
        if self.dialect != "postgresql":
            raise InvalidArgument(f"{self.redacted()} is not a PostgreSQL URL")
        args: dict[str, Any] = {}
        for key, value in (
            ("user", self.username),
            ("password", self.password),
            ("host", self.host),
            ("port", self.port),
            ("dbname", self.database),
        ):
            if value not in (None, ""):
                args[key] = value
        args.update(self.options())
        if application_name:
            args.setdefault("application_name", application_name)
        return args

    def sqlalchemy_url(self) -> URL:
        """The same URL as SQLAlchemy's object (built from the parts: nothing is parsed twice)."""
        from sqlalchemy.engine import URL

        query: dict[str, str | tuple[str, ...]] = {}
        for key, value in self.query:
            old = query.get(key)
            query[key] = value if old is None else (*((old,) if isinstance(old, str) else old), value)
        return URL.create(
            self.drivername,
            username=self.username,
            password=self.password,
            host=self.host,
            port=self.port,
            database=self.database,
            query=query,
        )

    def _render(self) -> str:
        if self.dialect == "sqlite":
            text = f"sqlite:///{self.database or ''}"
        else:
            text = f"{self.drivername}://"
            if self.username is not None or self.password:
                text += quote(self.username or "", safe="")
                if self.password:
                    text += ":" + MASK
                text += "@"
            if self.host:
                text += f"[{self.host}]" if ":" in self.host else quote(self.host, safe=".-_~%")
            if self.port is not None:
                text += f":{self.port}"
            if self.database is not None:
                # Encoded where a raw character would change how the rendering parses back.
                text += "/" + quote(self.database, safe=" /:,;=+!$&'()*[]~")
        if self.query:
            text += "?" + "&".join(
                f"{quote_plus(key)}={MASK if is_secret_parameter(key) else quote_plus(value)}"
                for key, value in self.query
            )
        return text


_PLAIN_PATH = re.compile(r"[\w./~-]+")
"""A bare file name or path (letters, digits, ``_ . / ~ -``): what ``--db x.db`` looks like."""


def scheme_of(text: str) -> str | None:
    """The scheme of ``text`` (``postgresql``, ``mysql``...) if it has a plain one, else None.

    Only a short token of letters before ``://`` counts: that much of a URL is safe to show.
    """
    scheme, sep, _ = text.partition("://")
    scheme = scheme.lower()
    return scheme if sep and _SCHEME.fullmatch(scheme) else None


def parse(text: str) -> DbUrl:
    """The URL parsed and normalised, or an InvalidArgument that shows no part of it but the scheme.

    ``postgres://`` and ``postgresql://`` become ``postgresql+psycopg://``; user, password,
    database and query values are percent-decoded (write ``@`` as ``%40``, ``/`` as ``%2F``).
    """
    if not isinstance(text, str) or not text.strip():
        raise InvalidArgument(f"no database URL given (expected {EXPECTED})")
    scheme = scheme_of(text)
    if scheme is None and _PLAIN_PATH.fullmatch(text):
        # no '@' nor ':' in it, so no password either: safe to show, and most likely a file
        raise InvalidArgument(f"{text!r} is a file path, not a database URL: did you mean sqlite:///{text}?")
    if scheme is None:
        raise InvalidArgument(
            f"the database URL is not a URL (expected {EXPECTED}; a file path is written sqlite:///path); "
            "it is not shown, as it may hold a password"
        )
    rest = text.partition("://")[2]
    if scheme == "sqlite":
        return _parse_sqlite(rest)
    if scheme in POSTGRES_SCHEMES:
        return _parse_postgres(rest)
    if scheme.startswith("postgres"):
        raise InvalidArgument(
            f"{scheme}:// names another driver: anp-synth connects with psycopg 3 (write postgresql://...)"
        )
    raise InvalidArgument(
        f"{scheme}:// URLs are not supported: only sqlite:/// and postgresql:// databases are ({EXPECTED})"
    )


def _parse_sqlite(rest: str) -> DbUrl:
    path, _, query = rest.partition("?")
    if not path.startswith("/"):
        raise InvalidArgument(
            "a SQLite URL has three slashes before a relative path (sqlite:///data/anp.db) "
            "and four before an absolute one (sqlite:////srv/anp.db)"
        )
    path = unquote(path[1:])
    if path in ("", ":memory:"):
        raise InvalidArgument("give SQLite a file (sqlite:///path.db), not memory: the data would vanish at exit")
    if query:
        keys = ", ".join(sorted({key for key, _ in _parse_query(query)}))
        raise InvalidArgument(
            f"SQLite URLs take no options here (got {keys or 'a query string'}): anp-synth sets SQLite's "
            "options itself; to read a file without writing to it use bench --read-only, explain or export"
        )
    return DbUrl("sqlite", database=path)


def _parse_postgres(rest: str) -> DbUrl:
    username = password = None
    # User info ends at the first '@' (a password may hold '/', '?', ':' unencoded, not '@'),
    # and only if what comes before it can be user info: a user name holds no '/' or '?'.
    # Any other unencoded '@' is refused: whichever way it is read, a part of a password
    # could end up shown as a host, a database name or a query parameter.
    head, at, tail = rest.partition("@")
    if at:
        if re.search(r"[/?]", head.partition(":")[0]) or "@" in tail:
            raise InvalidArgument(
                "the database URL has an '@' in its user name, password or parameters: percent-encode it "
                "as %40 (the URL is not shown: it holds a password)"
            )
        user, colon, secret = head.partition(":")
        username = unquote(user)
        password = unquote(secret) if colon else None
        rest = tail
    authority = re.split(r"[/?]", rest, maxsplit=1)[0]
    after = rest[len(authority) :]
    path, _, query = after.partition("?")
    database = unquote(path[1:]) if path.startswith("/") else None
    host, port = _split_authority(authority)
    return DbUrl(
        "postgresql",
        username=username,
        password=password or None,
        host=host,
        port=port,
        database=database,
        query=_parse_query(query),
    )


def _split_authority(authority: str) -> tuple[str | None, int | None]:
    if authority.startswith("["):
        host, bracket, port_text = authority[1:].partition("]")
        if not bracket or (port_text and not port_text.startswith(":")):
            raise InvalidArgument("the database URL has an unclosed '[' around an IPv6 host")
        port_text = port_text[1:]
    else:
        host, _, port_text = authority.partition(":")
    port = None
    if port_text:
        if not port_text.isdigit() or not 0 < int(port_text) < 65536:
            raise InvalidArgument("the port of the database URL is not a number from 1 to 65535")
        port = int(port_text)
    return (unquote(host) or None), port


def _parse_query(query: str) -> tuple[tuple[str, str], ...]:
    return tuple(parse_qsl(query, keep_blank_values=True)) if query else ()


def _coerce(url: DbUrl | _UrlLike | str) -> DbUrl | None:
    try:
        return of(url)
    except InvalidArgument:
        return None


def of(url: DbUrl | _UrlLike | str) -> DbUrl:
    """A :class:`DbUrl` from text (parsed), a SQLAlchemy ``URL`` (its parts, already decoded) or itself."""
    if isinstance(url, DbUrl):
        return url
    if isinstance(url, str):
        return parse(url)
    query: list[tuple[str, str]] = []
    for key, value in dict(url.query).items():
        query += [(key, v) for v in ((value,) if isinstance(value, str) else value)]
    return DbUrl(
        "sqlite" if url.drivername.startswith("sqlite") else "postgresql",
        username=url.username,
        password=str(url.password) if url.password else None,
        host=url.host,
        port=url.port,
        database=url.database,
        query=tuple(query),
    )


def redact(url: DbUrl | _UrlLike | str) -> str:
    """The URL as it may be shown to a user; never raises, never echoes a URL that does not parse.

    Takes a :class:`DbUrl`, a SQLAlchemy ``URL`` or text (which may be an already redacted
    rendering, read back from an old report: redacting it again changes nothing).
    """
    parsed = _coerce(url)
    if parsed is not None:
        return parsed.redacted()
    scheme = scheme_of(url) if isinstance(url, str) else None
    return f"{scheme}://(not shown: not a valid URL)" if scheme else "(a database URL that is not valid, not shown)"


def scrub(text: str, url: DbUrl | _UrlLike | str) -> str:
    """``text`` with every secret of ``url`` masked, including any 4-character piece of one."""
    parsed = _coerce(url)
    return parsed.scrub(text) if parsed is not None else text


def mask_secrets(text: str, secrets: tuple[str, ...] | list[str]) -> str:
    """``text`` with every run of 4+ characters taken from a secret (clear or percent-encoded) masked.

    Masking pieces, not only the whole secret, covers drivers that split or truncate what
    they echo (a host name made of a password's tail, say). Repeated until nothing changes,
    so the mask itself cannot line up with a secret's characters.
    """
    variants = {v for s in secrets for v in (s, quote(s, safe=""), quote_plus(s, safe="")) if v}
    if not variants:
        return text
    grams = {v[i : i + _FRAGMENT] for v in variants if len(v) >= _FRAGMENT for i in range(len(v) - _FRAGMENT + 1)}
    # A secret shorter than a fragment is masked whole; one or two characters would mask
    # every such letter of every message, and show nothing worth hiding.
    short = [v for v in variants if len(MASK) <= len(v) < _FRAGMENT]
    while True:
        before = text
        for secret in short:
            text = text.replace(secret, MASK)
        if grams:
            text = _mask_grams(text, grams)
        if text == before:
            return text


def _mask_grams(text: str, grams: set[str]) -> str:
    covered = [False] * len(text)
    for i in range(len(text) - _FRAGMENT + 1):
        if text[i : i + _FRAGMENT] in grams:
            for j in range(i, i + _FRAGMENT):
                covered[j] = True
    if not any(covered):
        return text
    out: list[str] = []
    i = 0
    while i < len(text):
        if covered[i]:
            while i < len(text) and covered[i]:
                i += 1
            out.append(MASK)
        else:
            out.append(text[i])
            i += 1
    return "".join(out)
