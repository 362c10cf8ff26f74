"""A password never reaches anything anp-synth shows or writes, in any URL form.

Each hostile URL form of the table below runs through the real CLI for ``import`` (with
``--report``, ``--on-error skip`` and a bad line, so a rejects file exists), ``db status``,
``bench`` (``--report`` JSON and ``--html``; in a subprocess, so what its reader processes
write to stderr is seen too) and ``explain``. No piece of four or more characters of the password may
appear in any of them. The forms that should connect really authenticate: each runs as its
own role whose password the server checks (scram on 127.0.0.1, see tests/pg_cluster.py).
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import psycopg
import pytest
from click.testing import CliRunner
from psycopg import sql

from anp_synth import generate_lines
from anp_synth.cli import main

from .docs import section
from .pg_cluster import SCRAM_GROUP, PgCluster, free_port

pytestmark = pytest.mark.postgres
pytest_plugins = ["pytester"]


@dataclass(frozen=True)
class Form:
    """One way of writing a password into a URL (``url(port)``), and what should happen."""

    name: str
    role: str
    password: str
    url: Callable[[str, str, int], str]
    """(role, password, port) -> the URL as a user would write it."""
    connects: bool
    via: str = "argv"
    """How the URL reaches the CLI: ``argv`` (``--db``), ``env`` ($ANP_DB_URL) or ``pgpassword``
    (a URL without a password, the password in $PGPASSWORD)."""


def _userinfo(role: str, pw: str, port: int) -> str:
    return f"postgresql://{role}:{quote(pw, safe='')}@127.0.0.1:{port}/{role}"


FORMS = [
    Form("userinfo password", "anp_red_user", "Kv9xQzTr7mBy", _userinfo, True),
    Form(
        "?password= parameter",
        "anp_red_query",
        "Hq4wNe8vLs2j",
        lambda r, pw, port: f"postgresql://{r}@127.0.0.1:{port}/{r}?password={quote(pw, safe='')}",
        True,
    ),
    Form(
        "sslpassword beside password",
        "anp_red_ssl",
        "Yt6cMf1kRd9u",
        lambda r, pw, port: f"postgresql://{r}:{pw}@127.0.0.1:{port}/{r}?sslpassword=Zk{pw}Zk&sslmode=disable",
        True,
    ),
    Form("percent-encoded '@'", "anp_red_at", "Jd3v@Wq7Xb5n", _userinfo, True),
    Form(
        "percent-encoded specials",
        "anp_red_pct",
        "Fz%8g+Hs p&Ku=",
        _userinfo,
        True,
    ),
    Form(
        "unencoded '/'",
        "anp_red_slash",
        "Gx5/Nb2/Vr8k",
        lambda r, pw, port: f"postgresql://{r}:{pw}@127.0.0.1:{port}/{r}",
        True,
    ),
    Form(
        "unencoded '?' and '#'",
        "anp_red_qmark",
        "Wc4?Pj7#Ty1e",
        lambda r, pw, port: f"postgresql://{r}:{pw}@127.0.0.1:{port}/{r}",
        True,
    ),
    Form(
        "unencoded ':'",
        "anp_red_colon",
        "Rm2:Bq9:Lh6w",
        lambda r, pw, port: f"postgresql://{r}:{pw}@127.0.0.1:{port}/{r}",
        True,
    ),
    Form(
        "postgres:// scheme",
        "anp_red_pgs",
        "Tn8kVw3yQc5s",
        lambda r, pw, port: f"postgres://{r}:{pw}@127.0.0.1:{port}/{r}",
        True,
    ),
    Form(
        "postgresql+psycopg:// in $ANP_DB_URL",
        "anp_red_env",
        "Ux7bLf2nHz4m",
        lambda r, pw, port: f"postgresql+psycopg://{r}:{pw}@127.0.0.1:{port}/{r}",
        True,
        via="env",
    ),
    Form(
        "no password in the URL, $PGPASSWORD",
        "anp_red_pgpw",
        "Vs3hXk8dMp1q",
        lambda r, pw, port: f"postgresql://{r}@127.0.0.1:{port}/{r}",
        True,
        via="pgpassword",
    ),
    Form(
        "unencoded '@' (ambiguous: refused)",
        "anp_red_user",
        "Cz5q@Kw8Py2r",
        lambda r, pw, port: f"postgresql://{r}:{pw}@127.0.0.1:{port}/{r}",
        False,
    ),
    Form(
        "unparseable junk",
        "anp_red_user",
        "Nj6tEr4vBx9g",
        lambda r, pw, port: f"post gres:// {r} :{pw}@@ 127.0.0.1 :: {port}",
        False,
    ),
    Form(
        "IPv6 loopback (nothing listens there)",
        "anp_red_user",
        "Kv9xQzTr7mBy",
        lambda r, pw, port: f"postgresql://{r}:{pw}@[::1]:{port}/{r}",
        False,
    ),
    Form(
        "a port where nothing listens",
        "anp_red_user",
        "Kv9xQzTr7mBy",
        lambda r, pw, port: f"postgresql://{r}:{quote(pw)}@127.0.0.1:{free_port()}/{r}?password={pw}",
        False,
    ),
    Form(
        "the wrong password",
        "anp_red_user",
        "Wb7rJx4eGn2t",
        _userinfo,
        False,
    ),
]

ROLES = {
    "anp_red_user": "Kv9xQzTr7mBy",
    **{f.role: f.password for f in FORMS if f.connects},
}


def pieces(secret: str) -> set[str]:
    return {secret[i : i + 4] for i in range(len(secret) - 3)}


@pytest.fixture(scope="module")
def roles(pg_cluster: PgCluster) -> Iterator[int]:
    """One role and database per connecting form, each checked by scram with its own password."""
    with psycopg.connect(pg_cluster.dsn(), autocommit=True) as conn:
        for role, password in ROLES.items():
            conn.execute(
                sql.SQL("CREATE ROLE {} LOGIN PASSWORD {} IN ROLE {}").format(
                    sql.Identifier(role), sql.Literal(password), sql.Identifier(SCRAM_GROUP)
                )
            )
            conn.execute(sql.SQL("CREATE DATABASE {} OWNER {}").format(sql.Identifier(role), sql.Identifier(role)))
    yield pg_cluster.port


@dataclass(frozen=True)
class Run:
    returncode: int
    stdout: str
    stderr: str


def _cli(args: list[str], form: Form, url: str, *, own_process: bool = False) -> Run:
    """The CLI as a user runs it; ``own_process`` for the bench, whose reader processes write to fd 2."""
    env: dict[str, str | None] = {k: None for k in os.environ if k.startswith("PG") or k == "ANP_DB_URL"}
    if form.via == "argv":
        args = [*args, "--db", url]
    else:
        env["ANP_DB_URL"] = url
    if form.via == "pgpassword":
        env["PGPASSWORD"] = form.password
    if not own_process:
        result = CliRunner().invoke(main, args, env=env)
        return Run(result.exit_code, result.stdout, result.stderr)
    full_env = {k: v for k, v in {**os.environ, **env}.items() if v is not None}
    done = subprocess.run(
        [sys.executable, "-m", "anp_synth.cli", *args], capture_output=True, text=True, env=full_env, timeout=300
    )
    return Run(done.returncode, done.stdout, done.stderr)


@pytest.mark.parametrize("form", FORMS, ids=[f.name for f in FORMS])
def test_no_piece_of_the_password_appears_anywhere(form: Form, roles: int, tmp_path: Path) -> None:
    url = form.url(form.role, form.password, roles)
    source = tmp_path / "in.jsonl"
    source.write_text("".join(line + "\n" for line in generate_lines(seed=40, count=6)) + '{"seed": 7, "title": \n')
    report, page, bench_json = tmp_path / "import.json", tmp_path / "bench.html", tmp_path / "bench.json"

    imported = _cli(["import", str(source), "--on-error", "skip", "--report", str(report)], form, url)
    status = _cli(["db", "status"], form, url)
    bench = _cli(
        ["bench", "--read-only", "--readers", "1", "--duration", "0.3", "--warmup", "0", "--rate", "40",
         "--no-explain", "--report", str(bench_json), "--html", str(page)],
        form, url, own_process=True,
    )  # fmt: skip
    explain = _cli(["explain"], form, url)
    runs = {"import": imported, "db status": status, "bench": bench, "explain": explain}

    if form.connects:
        for name, run in runs.items():
            assert run.returncode == 0, f"{name}: {run.stderr}"
        assert "inserted 6" in imported.stdout and "rejected 1" in imported.stdout
        assert (tmp_path / "in.rejects.jsonl").exists() and report.exists()
        assert bench_json.exists() and page.exists()
    else:
        for name, run in runs.items():
            assert run.returncode != 0, f"{name} should have failed: {run.stdout}"
            assert len(run.stderr.strip().splitlines()) == 1, f"{name}: {run.stderr}"
            assert "Traceback" not in run.stderr

    written = [p for p in tmp_path.iterdir() if p.is_file() and p != source]
    texts = {f"{name} {stream}": getattr(run, stream) for name, run in runs.items() for stream in ("stdout", "stderr")}
    texts.update({p.name: p.read_text() for p in written})
    secrets = pieces(form.password) | ({quote(form.password, safe="")} if len(form.password) >= 4 else set())
    leaks = {where: sorted(s for s in secrets if s in text) for where, text in texts.items()}
    assert not any(leaks.values()), {where: found for where, found in leaks.items() if found}
    if form.connects:
        assert "***" in imported.stdout or form.via == "pgpassword"


def test_the_ambiguous_at_is_refused_with_how_to_fix_it(roles: int) -> None:
    form = next(f for f in FORMS if f.name.startswith("unencoded '@'"))
    result = _cli(["db", "status"], form, form.url(form.role, form.password, roles))
    assert result.returncode == 2
    assert "percent-encode it as %40" in result.stderr


def test_a_url_without_a_password_does_not_override_pgpassword(roles: int) -> None:
    """The URL names no password: libpq takes it from $PGPASSWORD; a wrong one there fails auth."""
    good = next(f for f in FORMS if f.via == "pgpassword")
    wrong = Form(good.name, good.role, "Xr5" + good.password, good.url, False, via="pgpassword")
    url = good.url(good.role, good.password, roles)
    assert _cli(["db", "status"], good, url).returncode == 0
    refused = _cli(["db", "status"], wrong, url)
    assert refused.returncode == 1 and "password authentication failed" in refused.stderr


def _readme_role_sql() -> str:
    return section("staging")[1].split("```sql\n", 1)[1].split("```", 1)[0]


def test_the_readme_read_only_role_can_bench_and_explain_but_not_import(
    pg_cluster: PgCluster, pg_url: str, tmp_path: Path
) -> None:
    dbname = pg_url.rsplit("/", 1)[1]
    assert _cli(["import", "--seed", "1", "--count", "30"], Form("", "", "", _userinfo, True), pg_url).returncode == 0
    password = "Lq8wZt3xKe6v"
    role_sql = _readme_role_sql().replace("choose-a-long-one", password).replace(" staging ", f' "{dbname}" ')
    with psycopg.connect(pg_cluster.dsn(dbname), autocommit=True) as conn:
        conn.execute(role_sql)  # several statements: psycopg's simple protocol without parameters
        conn.execute(sql.SQL("GRANT {} TO anp_reader").format(sql.Identifier(SCRAM_GROUP)))
    reader = Form("README role", "anp_reader", password, _userinfo, True, via="env")
    url = f"postgresql://anp_reader@127.0.0.1:{pg_cluster.port}/{dbname}?password={password}"

    explained = _cli(["explain"], reader, url)
    assert explained.returncode == 0, explained.stderr
    benched = _cli(["bench", "--read-only", "--readers", "1", "--duration", "0.3", "--warmup", "0", "--no-explain",
                    "--report", str(tmp_path / "b.json"), "--html", str(tmp_path / "b.html")],
                   reader, url, own_process=True)  # fmt: skip
    assert benched.returncode == 0, benched.stderr
    refused = _cli(["import", "--seed", "1000", "--count", "5"], reader, url)
    assert refused.returncode == 1 and "permission denied for table anp_articles" in refused.stderr
    with psycopg.connect(pg_cluster.dsn(dbname)) as conn:
        assert conn.execute("SELECT count(*) FROM anp_articles").fetchone() == (30,)
    as_reader = f"host=127.0.0.1 port={pg_cluster.port} dbname={dbname} user=anp_reader password={password}"
    with psycopg.connect(as_reader) as conn:
        assert conn.execute("SHOW default_transaction_read_only").fetchone() == ("on",)
    for run in (explained, benched, refused):
        assert not any(piece in run.stdout + run.stderr for piece in pieces(password))


def test_the_pytest_plugin_takes_postgres_urls_and_never_shows_their_password(
    pytester: pytest.Pytester, roles: int
) -> None:
    """``--anp-db-url postgres://...`` is accepted (it once was refused with a self-contradicting message)."""
    password = ROLES["anp_red_query"]
    url = f"postgres://anp_red_query@127.0.0.1:{roles}/anp_red_query?password={password}"
    pytester.makepyfile(
        """
        def test_loads(anp_db):
            assert anp_db(2)

        def test_fails_showing_the_url(anp_db):
            url = anp_db(1)
            assert url == "something else"
        """
    )
    result = pytester.runpytest("--showlocals", "--anp-db-url", url)
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(["anp-synth: anp_db uses PostgreSQL postgresql+psycopg://anp_red_query@*?password=***"
                                 " (from --anp-db-url), a fresh schema per call"])  # fmt: skip
    output = result.stdout.str() + result.stderr.str()
    assert not [piece for piece in pieces(password) if piece in output]
