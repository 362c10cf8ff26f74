"""Database URLs: what is accepted, how it is normalised, and that no rendering shows a secret.

No server is needed here; tests/test_redaction.py drives the same URLs through the real CLI.
"""

from __future__ import annotations

from urllib.parse import quote

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from sqlalchemy.engine import make_url

from anp_synth.bench.connect import connect_spec
from anp_synth.db import redact as db_redact
from anp_synth.db.connect import open_engine, parse_url
from anp_synth.db.postgres import conninfo
from anp_synth.dburl import DbUrl, mask_secrets, parse, redact, scrub
from anp_synth.errors import InvalidArgument

SECRET = "S3cr3t-Pw_42"


def fragments(secret: str, size: int = 4) -> set[str]:
    return {secret[i : i + size] for i in range(len(secret) - size + 1)}


def shows_none_of(secret: str, text: str) -> bool:
    return not any(piece in text for piece in fragments(secret))


@pytest.mark.parametrize(
    ("text", "rendered"),
    [
        ("postgresql://u@h/db", "postgresql+psycopg://u@h/db"),
        ("postgres://u@h:5433/db", "postgresql+psycopg://u@h:5433/db"),
        ("postgresql+psycopg://u@h/db", "postgresql+psycopg://u@h/db"),
        ("postgresql:///db", "postgresql+psycopg:///db"),
        ("postgresql://u@[::1]:5432/db", "postgresql+psycopg://u@[::1]:5432/db"),
        ("sqlite:///relative/anp.db", "sqlite:///relative/anp.db"),
        ("sqlite:////abs/anp.db", "sqlite:////abs/anp.db"),
    ],
)
def test_accepted_forms_are_normalised_to_psycopg_and_render_back(text: str, rendered: str) -> None:
    assert parse(text).redacted() == rendered
    assert redact(text) == rendered


def test_sqlite_paths_are_relative_after_three_slashes_and_absolute_after_four() -> None:
    assert parse("sqlite:///data/anp.db").database == "data/anp.db"
    assert parse("sqlite:////srv/anp.db").database == "/srv/anp.db"


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("", "no database URL given"),
        ("anp.db", "did you mean sqlite:///anp.db?"),
        ("/srv/anp.db", "did you mean sqlite:////srv/anp.db?"),
        (f"me:{SECRET}@anp.db", "a file path is written sqlite:///path"),
        ("sqlite:///anp.db?mode=ro", "SQLite URLs take no options here (got mode)"),
        ("sqlite:///anp.db?uri=true&mode=rw", "(got mode, uri)"),
        (f"mysql://root:{SECRET}@127.0.0.1/db", "mysql:// URLs are not supported"),
        (f"postgresql+psycopg2://u:{SECRET}@h/db", "psycopg 3"),
        (f"sqlite://u:{SECRET}@/x.db", "three slashes before a relative path"),
        ("sqlite://", "three slashes"),
        ("sqlite:///:memory:", "not memory"),
        (f"postgresql://u:{SECRET}@h:54x/db", "port of the database URL is not a number"),
        (f"postgresql://u:{SECRET}@h:70000/db", "port of the database URL is not a number"),
        (f"postgresql://u:{SECRET}@[::1/db", "unclosed '['"),
        (f"not a url://me:{SECRET}@host", "not a URL"),
        (f"postgresql://tester:{SECRET.replace('-', '@')}@127.0.0.1/anp", "percent-encode it as %40"),
        (f"postgresql://tester:{SECRET.replace('-', '@').replace('_', '/')}@127.0.0.1/anp", "as %40"),
        (f"postgresql://tester:{SECRET.replace('-', '@').replace('_', '?')}@127.0.0.1/anp", "as %40"),
        (f"postgresql://{SECRET.replace('-', '?:')}@127.0.0.1/anp", "as %40"),
    ],
)
def test_anything_else_is_refused_in_one_line_that_shows_no_secret(text: str, says: str) -> None:
    with pytest.raises(InvalidArgument) as refused:
        parse(text)
    message = str(refused.value)
    assert says in message
    assert "\n" not in message
    assert shows_none_of(SECRET, message) and shows_none_of(SECRET, redact(text))


def test_an_unencoded_at_in_the_password_shows_no_part_of_the_url() -> None:
    text = "postgresql://tester:S3cr3t@Pw_42@127.0.0.1/anp"
    with pytest.raises(InvalidArgument) as refused:
        parse(text)
    for shown in (str(refused.value), redact(text)):
        assert "Pw_42" not in shown and "S3cr3t" not in shown and "tester" not in shown and "127.0.0.1" not in shown


@pytest.mark.parametrize("char", ["@", "/", "?", "#", ":", "%", "+", " ", "&", "="])
def test_a_percent_encoded_password_is_decoded_whole(char: str) -> None:
    password = f"S3cr{char}3t-Pw"
    url = parse(f"postgresql://tester:{quote(password, safe='')}@127.0.0.1:5/anp")
    assert url.password == password
    assert url.psycopg_kwargs()["password"] == password
    assert url.redacted() == "postgresql+psycopg://tester:***@127.0.0.1:5/anp"


@pytest.mark.parametrize("char", ["/", "?", "#", ":"])
def test_unencoded_separators_in_the_password_end_at_the_at_sign(char: str) -> None:
    # Read as SQLAlchemy reads them: the password runs to the '@'.
    url = parse(f"postgresql://tester:S3cr{char}3t@127.0.0.1/anp")
    assert (url.password, url.host, url.database) == (f"S3cr{char}3t", "127.0.0.1", "anp")


def test_secret_query_parameters_are_redacted_and_others_kept() -> None:
    text = f"postgresql://u@h/db?password={SECRET}&sslpassword=K3y-{SECRET}&sslmode=require&passfile=/home/u/.pgpass"
    url = parse(text)
    assert url.redacted() == (
        "postgresql+psycopg://u@h/db?password=***&sslpassword=***&sslmode=require&passfile=%2Fhome%2Fu%2F.pgpass"
    )
    assert set(url.secrets()) == {SECRET, f"K3y-{SECRET}"}
    assert SECRET not in repr(url)


@pytest.mark.parametrize("key", ["Password", "?password", "PGPASSWORD", "db_pwd", "auth_token", "client_secret"])
def test_a_parameter_named_like_a_secret_is_hidden_too(key: str) -> None:
    url = parse(f"postgresql://u@h/db?{quote(key)}={SECRET}&passfile=/home/u/.pgpass")
    assert SECRET in url.secrets()
    assert SECRET not in url.redacted() and "passfile=%2Fhome%2Fu%2F.pgpass" in url.redacted()


def test_a_url_without_a_password_leaves_libpq_its_own_sources() -> None:
    """No password, host or user in the URL: PGPASSWORD, PGPASSFILE, PGHOST, PGUSER decide."""
    assert parse("postgresql:///anp").psycopg_kwargs() == {"dbname": "anp", "application_name": "anp-synth"}
    assert "password" not in parse("postgresql://u@127.0.0.1/anp").psycopg_kwargs()
    assert "password" not in parse("postgresql://u:@127.0.0.1/anp").psycopg_kwargs()


def test_psycopg_arguments_keep_query_options_and_the_last_repeated_value() -> None:
    url = parse("postgresql://u:p%40w@h:5/d?options=-csearch_path%3Ds&application_name=mine&sslmode=a&sslmode=b")
    assert url.psycopg_kwargs() == {
        "user": "u",
        "password": "p@w",
        "host": "h",
        "port": 5,
        "dbname": "d",
        "options": "-csearch_path=s",
        "application_name": "mine",
        "sslmode": "b",
    }


def test_every_public_name_is_the_same_function_underneath() -> None:
    text = f"postgres://tester:{SECRET}@127.0.0.1:5/anp?password={SECRET}"
    expected = "postgresql+psycopg://tester:***@127.0.0.1:5/anp?password=***"
    sa_url = parse_url(text)
    assert sa_url.drivername == "postgresql+psycopg" and sa_url.password == SECRET
    assert db_redact(text) == db_redact(sa_url) == redact(make_url(text)) == expected
    assert conninfo(sa_url) == parse(text).psycopg_kwargs()
    spec = connect_spec(text)
    assert spec.shown == expected and shows_none_of(SECRET, repr(spec))
    assert spec.scrub(f"host {SECRET[4:]} said no") == "host *** said no"


def test_redacting_twice_changes_nothing() -> None:
    once = redact(f"postgresql://tester:{SECRET}@h/db?password={SECRET}")
    assert redact(once) == once


def test_the_engine_connects_with_the_same_arguments() -> None:
    engine = open_engine("postgresql://u:p%40w@127.0.0.1:5/d")
    try:
        assert engine.url.password == "p@w"
    finally:
        engine.dispose()


def test_a_driver_message_echoing_pieces_of_the_password_is_scrubbed() -> None:
    url = parse(f"postgresql://tester:{SECRET}@127.0.0.1/anp")
    echoed = f'failed to resolve host "{SECRET[6:]}@127.0.0.1"; dsn password={quote(SECRET)} ({SECRET[:5]})'
    cleaned = scrub(echoed, url)
    assert shows_none_of(SECRET, cleaned)
    assert cleaned.startswith("failed to resolve host")


passwords = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)),
    min_size=4,
    max_size=40,
)


SCAFFOLD = (
    "postgresql+psycopg://tester:***@127.0.0.1:5432/anp?password=***&sslpassword=***&sslmode=require "
    "connection to failed: password (***) for "
    "DbUrl(dialect='postgresql', username='tester', host='127.0.0.1', port=5432, database='anp', query=())"
)
"""Every text the test shows besides the password: its own words are no leak ('base' of database)."""


@given(password=passwords)
def test_no_four_character_piece_of_any_password_is_ever_shown(password: str) -> None:
    """For any password, in user info or as a query parameter: redact() and scrubbed texts show no piece."""
    # a password made of the URL's own words ("gres" of postgresql) shows in them without leaking
    assume(shows_none_of(password, SCAFFOLD))
    encoded = quote(password, safe="")
    for text in (
        f"postgresql://tester:{encoded}@127.0.0.1:5432/anp",
        f"postgresql://tester@127.0.0.1:5432/anp?password={encoded}",
        f"postgresql://tester@127.0.0.1/anp?sslpassword={encoded}&sslmode=require",
    ):
        url = parse(text)
        assert password in url.secrets()
        driver_says = f"connection to {text} failed: password {password!r} ({password[1:]}) for {encoded}"
        for shown in (url.redacted(), redact(text), scrub(driver_says, url), url.scrub(driver_says), repr(url)):
            assert shows_none_of(password, shown), shown


@given(password=passwords, junk=st.text(min_size=0, max_size=20))
def test_a_url_that_does_not_parse_shows_no_piece_of_its_password(password: str, junk: str) -> None:
    text = f"postgresql://tester:{password}@{junk}@127.0.0.1/anp"
    try:
        parse(text)
    except InvalidArgument as exc:
        assert shows_none_of(password, str(exc))
        assert shows_none_of(password, redact(text))


@given(secret=passwords, text=st.text(max_size=60))
def test_masking_is_a_fixed_point(secret: str, text: str) -> None:
    once = mask_secrets(text + secret + text, [secret])
    assert shows_none_of(secret, once)
    assert mask_secrets(once, [secret]) == once


def test_a_short_secret_is_masked_whole_and_one_or_two_characters_are_left_alone() -> None:
    assert mask_secrets("abc xabcx", ["abc"]) == "*** x***x"
    assert mask_secrets("ab a", ["ab"]) == "ab a"
    assert DbUrl("postgresql", password="ab").redacted() == "postgresql+psycopg://:***@"


names = st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=126), min_size=1, max_size=20)


@given(user=names, password=passwords, host=st.sampled_from(["127.0.0.1", "::1", "db.internal"]), database=names)
def test_a_redacted_rendering_parses_back_to_itself(user: str, password: str, host: str, database: str) -> None:
    """A report read back (bench compare, an old report) is redacted again: that must change nothing."""
    url = DbUrl("postgresql", username=user, password=password, host=host, port=5432, database=database)
    shown = url.redacted()
    assert shows_none_of(password, shown)
    # Where the user or database name shares pieces with the password, those are masked too,
    # and what is left need not parse to the same names: safety first, idempotence otherwise.
    assume(shown.count("***") == 1)
    assert redact(shown) == shown
