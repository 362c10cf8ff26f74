"""A throwaway PostgreSQL cluster for the test suite: initdb in a temp dir, loopback only.

PostgreSQL refuses to run as root, so when the suite runs as root (CI does) the cluster is
created and started as the ``postgres`` user through ``runuser``, in a directory that user
owns. Durability is switched off: the cluster lives for one test session.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

PASSWORD_USER = "anp_pw_user"
PASSWORD = "s3cret-Pa55w0rd"
SCRAM_GROUP = "anp_pw_scram"
"""Members of this role must log in on 127.0.0.1 with their password (scram), as PASSWORD_USER
does: the redaction tests create members with the hostile passwords they need."""


def find_bin_dir() -> Path | None:
    """The directory holding initdb and pg_ctl: PATH first, then Debian's versioned folders."""
    found = shutil.which("initdb")
    if found and shutil.which("pg_ctl"):
        return Path(found).resolve().parent
    for candidate in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if Path(candidate, "initdb").exists() and Path(candidate, "pg_ctl").exists():
            return Path(candidate)
    return None


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class PgCluster:
    """One cluster on 127.0.0.1:<free port>; ``url()`` gives SQLAlchemy URLs to its databases."""

    def __init__(self, bin_dir: Path) -> None:
        self.bin_dir = bin_dir
        self.root = Path(tempfile.mkdtemp(prefix="anp-pg-"))
        self.data = self.root / "data"
        self.port = free_port()
        self.as_root = os.geteuid() == 0

    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        cmd = [str(self.bin_dir / args[0]), *args[1:]]
        if self.as_root:
            cmd = ["runuser", "-u", "postgres", "--", *cmd]
        return subprocess.run(cmd, check=check, capture_output=True, text=True, timeout=120)

    def start(self) -> None:
        if self.as_root:
            shutil.chown(self.root, user="postgres", group="postgres")
            os.chmod(self.root, 0o700)
        self._run("initdb", "-D", str(self.data), "-U", "postgres", "-E", "UTF8", "--locale=C",
                  "--auth-local=trust", "--auth-host=trust")  # fmt: skip
        hba = self.data / "pg_hba.conf"
        rules = (
            "local all all trust\n"
            f"host all {PASSWORD_USER},+{SCRAM_GROUP} 127.0.0.1/32 scram-sha-256\n"
            "host all all 127.0.0.1/32 trust\n"
        )
        hba.write_text(rules)
        if self.as_root:
            shutil.chown(hba, user="postgres", group="postgres")
        opts = (
            f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.root} -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
        )
        self._run("pg_ctl", "-D", str(self.data), "-o", opts, "-l", str(self.root / "log"), "-w", "-t", "60",
                  "start")  # fmt: skip
        self.psql("postgres", f"CREATE ROLE {PASSWORD_USER} LOGIN PASSWORD '{PASSWORD}'")
        self.psql("postgres", f"CREATE ROLE {SCRAM_GROUP} NOLOGIN")
        self.psql("postgres", f"CREATE DATABASE {PASSWORD_USER} OWNER {PASSWORD_USER}")

    def psql(self, dbname: str, sql: str) -> str:
        """Run SQL as the superuser through psycopg (no psql client needed)."""
        import psycopg

        with psycopg.connect(self.dsn(dbname), autocommit=True) as conn:
            cur = conn.execute(sql)
            return str(cur.fetchall()) if cur.description else ""

    def dsn(self, dbname: str = "postgres") -> str:
        return f"host=127.0.0.1 port={self.port} user=postgres dbname={dbname}"

    def url(self, dbname: str = "postgres") -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{dbname}"

    def password_url(self) -> str:
        return f"postgresql+psycopg://{PASSWORD_USER}:{PASSWORD}@127.0.0.1:{self.port}/{PASSWORD_USER}"

    def create_database(self, name: str) -> str:
        self.psql("postgres", f'CREATE DATABASE "{name}"')
        return self.url(name)

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop", check=False)
        deadline = time.monotonic() + 10
        while (self.data / "postmaster.pid").exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        shutil.rmtree(self.root, ignore_errors=True)

    def log_tail(self, lines: int = 30) -> str:
        try:
            return "\n".join((self.root / "log").read_text().splitlines()[-lines:])
        except OSError:
            return ""
