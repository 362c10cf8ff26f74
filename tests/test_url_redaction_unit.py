"""A password never leaves the URL helpers, in any form they are given; no server needed."""

from __future__ import annotations

import pytest

from anp_synth.db.connect import describe_error, parse_url, redact, scrub
from anp_synth.errors import InvalidArgument

SECRET = "s3cr3t-Pa55"


@pytest.mark.parametrize(
    "url",
    [
        f"postgresql://me:{SECRET}@127.0.0.1:5432/anp",
        f"postgresql+psycopg://me:{SECRET}@localhost/anp",
        f"postgres://me:{SECRET}@[::1]:6543/anp?sslmode=disable",
    ],
)
def test_redact_hides_the_password_and_keeps_the_rest(url: str) -> None:
    for shown in (redact(url), redact(parse_url(url))):
        assert SECRET not in shown
        assert "me:***@" in shown
        assert "/anp" in shown


def test_a_url_without_a_password_is_shown_as_it_is() -> None:
    assert redact("sqlite:///tmp/anp.db") == "sqlite:///tmp/anp.db"
    assert redact(parse_url("postgresql://me@localhost/anp")) == "postgresql+psycopg://me@localhost/anp"


@pytest.mark.parametrize("text", [f"not a url://me:{SECRET}@host", f"postgresql://me:{SECRET}@host/db?x=%zz"])
def test_odd_or_unparseable_text_is_redacted_too(text: str) -> None:
    shown = redact(text)
    assert SECRET not in shown and "\n" not in shown
    assert shown != text


def test_a_url_refused_by_parse_url_is_not_shown_at_all() -> None:
    with pytest.raises(InvalidArgument) as caught:
        parse_url(f"not a url://me:{SECRET}@host")
    assert SECRET not in str(caught.value)
    assert "not shown, as it may hold a password" in str(caught.value)


def test_scrub_masks_the_password_and_the_full_url_in_a_driver_message() -> None:
    url = parse_url(f"postgresql://me:{SECRET}@127.0.0.1:5/db")
    message = f"connection to postgresql+psycopg://me:{SECRET}@127.0.0.1:5/db failed: password {SECRET} rejected"
    cleaned = scrub(message, url)
    assert SECRET not in cleaned
    assert cleaned.startswith("connection to postgresql+psycopg://me:***@127.0.0.1:5/db failed: password ")
    assert cleaned.endswith(" rejected")


def test_scrub_leaves_a_message_alone_when_the_url_has_no_password() -> None:
    message = "connection refused: is the server running on 127.0.0.1:5?"
    assert scrub(message, parse_url("postgresql://me@127.0.0.1:5/db")) == message


def test_only_sqlite_and_postgresql_through_psycopg_are_accepted() -> None:
    assert parse_url("sqlite:///tmp/anp.db").get_backend_name() == "sqlite"
    assert parse_url("postgres://me@h/d").drivername == "postgresql+psycopg"
    with pytest.raises(
        InvalidArgument, match=r"mysql:// URLs are not supported: only sqlite:/// and postgresql://"
    ) as caught:
        parse_url(f"mysql://me:{SECRET}@h/d")
    assert SECRET not in str(caught.value)
    with pytest.raises(InvalidArgument, match=r"connects with psycopg 3") as caught:
        parse_url(f"postgresql+psycopg2://me:{SECRET}@h/d")
    assert SECRET not in str(caught.value)


def test_scrub_replaces_the_bare_password_with_three_stars() -> None:
    url = parse_url(f"postgresql://me:{SECRET}@127.0.0.1:5/db")
    assert scrub(f"password {SECRET} rejected", url) == "password *** rejected"


def test_a_driver_error_is_its_first_line_scrubbed_or_its_type_when_empty() -> None:
    url = parse_url(f"postgresql://me:{SECRET}@127.0.0.1:5/db")
    assert describe_error(ValueError(f"bad password {SECRET}\nDETAIL: more"), url) == "bad password ***"
    assert describe_error(ValueError(""), url) == "ValueError"
