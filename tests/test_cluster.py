"""On a Dask cluster, generate and import give exactly what one process gives, even when a worker dies.

A real ``dask scheduler`` and ``dask worker`` processes are started on loopback (plus a
``LocalCluster`` for ``local:2``). The generator is a pure function of the seed, so every
check is exact: parts concatenate to the single-process file byte for byte, and a cluster
import leaves the tables a single-process import leaves, row for row.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from anp_synth.cli import main
from anp_synth.cluster import connect, generate_to, import_window, verify_parts
from anp_synth.dataset import write_dataset
from anp_synth.db import import_file, import_generated
from anp_synth.errors import RecordError

from .cli_process import spawn_cli
from .db_helpers import execute, rows

DASK = str(Path(sys.executable).parent / "dask")
EVENT_DEADLINE_S = 120.0
"""Only a safety net for a hung cluster: every wait below ends on an event long before."""

LEDGER_COLUMNS = (
    "batch_key, first_seed, last_seed, first_line, last_line, rows_read, rows_inserted, rows_updated, "
    "rows_skipped, rows_rejected, on_conflict, tool_version"
)
"""The ledger without its run-specific columns (run_id, batch_no, source, committed_at)."""


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def wait_for(condition: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + EVENT_DEADLINE_S
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"gave up waiting for {what}")
        time.sleep(0.01)


def single_process_bytes(tmp_path: Path, name: str, **window: Any) -> bytes:
    path = tmp_path / name
    write_dataset(str(path), **window)
    return path.read_bytes()


def concatenated(directory: Path) -> bytes:
    manifest = json.loads((directory / "manifest.json").read_text())
    return b"".join((directory / part["file"]).read_bytes() for part in manifest["parts"])


def everything(db_url: str) -> dict[str, Any]:
    """The four data tables, and the ledger minus its run-specific columns."""
    tables: dict[str, Any] = rows(db_url)
    tables["anp_import_ledger"] = execute(db_url, f"select {LEDGER_COLUMNS} from anp_import_ledger order by batch_key")
    return tables


@dataclass
class DaskProcesses:
    """A scheduler and workers started with the ``dask`` command, as a user would on real machines."""

    directory: Path
    address: str = ""
    scheduler: subprocess.Popen[bytes] | None = None
    workers: list[subprocess.Popen[bytes]] = field(default_factory=list)

    def start(self, workers: int) -> None:
        scheduler_file = self.directory / "scheduler.json"
        self.scheduler = subprocess.Popen(
            [DASK, "scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
             "--scheduler-file", str(scheduler_file)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        wait_for(lambda: scheduler_file.exists() and scheduler_file.stat().st_size > 0, "the scheduler file")
        wait_for(lambda: "address" in _json_or_empty(scheduler_file), "the scheduler's address")
        self.address = _json_or_empty(scheduler_file)["address"]
        for _ in range(workers):
            self.add_worker()
        with connect(self.address, timeout=EVENT_DEADLINE_S) as client:
            client.wait_for_workers(len(self.workers), timeout=EVENT_DEADLINE_S)

    def add_worker(self) -> subprocess.Popen[bytes]:
        worker = subprocess.Popen(
            [DASK, "worker", self.address, "--nthreads", "1", "--no-dashboard", "--no-nanny", "--host", "127.0.0.1"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        self.workers.append(worker)
        return worker

    def stop(self) -> None:
        """SIGKILL: they hold nothing worth a graceful shutdown, which takes a worker seconds."""
        for process in [*self.workers, self.scheduler]:
            if process is not None and process.poll() is None:
                process.kill()
        for process in [*self.workers, self.scheduler]:
            if process is not None:
                process.wait()


def _json_or_empty(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text())
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


@pytest.fixture(scope="module")
def dask_cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DaskProcesses]:
    """One ``dask scheduler`` and two ``dask worker`` processes on loopback, for the whole module."""
    processes = DaskProcesses(tmp_path_factory.mktemp("dask"))
    try:
        processes.start(workers=2)
        yield processes
    finally:
        processes.stop()


@contextmanager
def own_cluster(tmp_path: Path, workers: int) -> Iterator[DaskProcesses]:
    """A scheduler and workers for one test, which kills some of them: stopped (what is left) after."""
    processes = DaskProcesses(tmp_path / "dask")
    processes.directory.mkdir()
    try:
        processes.start(workers=workers)
        yield processes
    finally:
        processes.stop()


# -- generate ----------------------------------------------------------------------------------


@pytest.mark.slow
def test_parts_written_by_dask_workers_concatenate_to_the_single_process_file(
    dask_cluster: DaskProcesses, tmp_path: Path
) -> None:
    out = tmp_path / "parts"
    result = run("generate", "--cluster", dask_cluster.address, "--seed", "7", "--count", "3000",
                 "--part-size", "700", "-o", str(out))  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "wrote 3000 records (seeds 7..3006) in 5 parts" in result.output
    assert sorted(p.name for p in out.iterdir()) == ["manifest.json"] + [f"part-0000{i}.jsonl" for i in range(5)]
    assert concatenated(out) == single_process_bytes(tmp_path, "one.jsonl", seed=7, count=3000)
    manifest = json.loads((out / "manifest.json").read_text())
    assert [(p["first_seed"], p["count"]) for p in manifest["parts"]] == [
        (7, 700), (707, 700), (1407, 700), (2107, 700), (2807, 200),
    ]  # fmt: skip
    assert (manifest["first_seed"], manifest["last_seed"], manifest["count"]) == (7, 3006, 3000)
    verified = run("fixtures", "verify", str(out))
    assert verified.exit_code == 0 and "5 parts match the manifest" in verified.output


@pytest.mark.slow
def test_local_cluster_writes_csv_and_gzip_parts_whose_concatenation_is_the_single_process_file(
    tmp_path: Path,
) -> None:
    """csv: the header is in part 0 only; .gz: members every 500 records, as one process writes them."""
    with connect("local:2") as client:
        generate_to(str(tmp_path / "csv"), seed=3, count=1200, part_size=500, fmt="csv", client=client)
        generate_to(str(tmp_path / "gz"), seed=3, count=1200, part_size=500, gzip=True, client=client)
    assert concatenated(tmp_path / "csv") == single_process_bytes(tmp_path, "one.csv", seed=3, count=1200, fmt="csv")
    assert concatenated(tmp_path / "gz") == single_process_bytes(tmp_path, "one.jsonl.gz", seed=3, count=1200)
    assert (tmp_path / "gz" / "part-00001.jsonl.gz").exists()
    verify_parts(str(tmp_path / "csv"))


# -- import -------------------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("dialect", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def test_import_on_the_cluster_equals_a_single_process_import_row_for_row(
    dask_cluster: DaskProcesses, request: pytest.FixtureRequest, tmp_path: Path, dialect: str
) -> None:
    """SQLite's writes queue on its lock; PostgreSQL's run side by side. Both end with the same rows."""
    if dialect == "sqlite":
        cluster_db, single_db = f"sqlite:///{tmp_path / 'cluster.db'}", f"sqlite:///{tmp_path / 'single.db'}"
    else:
        pg = request.getfixturevalue("pg_cluster")
        cluster_db, single_db = (pg.create_database(f"anp_cluster_{os.getpid()}_{n}") for n in ("a", "b"))
    result = run("import", "--cluster", dask_cluster.address, "--seed", "50", "--count", "1000",
                 "--batch-size", "100", "--db", cluster_db)  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "rows      read 1000  inserted 1000" in result.output
    assert "on 2 workers" in result.output
    import_generated(single_db, seed=50, count=1000, batch_size=100)
    assert everything(cluster_db) == everything(single_db)
    again = run("import", "--cluster", dask_cluster.address, "--seed", "50", "--count", "1000",
                "--batch-size", "100", "--db", cluster_db)  # fmt: skip
    assert "inserted 0" in again.output and "already in ledger 10" in again.output


@pytest.mark.slow
def test_import_of_a_parts_directory_equals_importing_the_single_file(
    dask_cluster: DaskProcesses, tmp_path: Path
) -> None:
    out = tmp_path / "parts"
    assert run("generate", "--cluster", dask_cluster.address, "--count", "900", "--part-size", "300",
               "-o", str(out / "part-*.jsonl.gz")).exit_code == 0  # fmt: skip
    cluster_db, single_db = f"sqlite:///{tmp_path / 'cluster.db'}", f"sqlite:///{tmp_path / 'single.db'}"
    result = run("import", "--cluster", dask_cluster.address, str(out), "--db", cluster_db, "--batch-size", "100")
    assert result.exit_code == 0, result.output
    assert "(3 parts)" in result.output and "inserted 900" in result.output
    single = tmp_path / "one.jsonl"
    write_dataset(str(single), seed=0, count=900)
    import_file(str(single), single_db, batch_size=100)
    assert rows(cluster_db) == rows(single_db)
    # parts of 300 hold whole batches of 100 (the rows that name a whole file name other files)
    keys = (
        "select batch_key, rows_read, rows_inserted from anp_import_ledger "
        "where batch_key not like '%:file1:%' order by batch_key"
    )
    assert execute(cluster_db, keys) == execute(single_db, keys)


# -- a worker killed mid-run ---------------------------------------------------------------------


def _pause_all_then_kill_one(processes: DaskProcesses) -> None:
    """Freeze both workers, SIGKILL the first (it holds tasks: two per worker while any wait), thaw the other."""
    for worker in processes.workers:
        os.kill(worker.pid, signal.SIGSTOP)
    os.kill(processes.workers[0].pid, signal.SIGKILL)
    processes.workers[0].wait()
    os.kill(processes.workers[1].pid, signal.SIGCONT)


def _in_background(work: Callable[[], Any]) -> tuple[threading.Thread, dict[str, Any]]:
    outcome: dict[str, Any] = {}

    def body() -> None:
        try:
            outcome["value"] = work()
        except BaseException as exc:
            outcome["error"] = exc

    thread = threading.Thread(target=body, daemon=True)
    thread.start()
    return thread, outcome


@pytest.mark.slow
def test_a_worker_killed_mid_run_leaves_exact_parts_and_an_exact_database(tmp_path: Path) -> None:
    with own_cluster(tmp_path, workers=2) as processes:
        with connect(processes.address, timeout=EVENT_DEADLINE_S) as client:
            out = tmp_path / "parts"
            thread, outcome = _in_background(
                lambda: generate_to(str(out), seed=0, count=1200, part_size=30, client=client)
            )
            wait_for(lambda: any(p.name.startswith("part-") for p in out.glob("part-*")), "the first part")
            _pause_all_then_kill_one(processes)
            assert len(list(out.glob("part-*"))) < 40, "the run must still be going when the worker dies"
            thread.join()
            assert "error" not in outcome, outcome.get("error")
            assert outcome["value"].rescheduled >= 1
            assert sorted(p.name for p in out.iterdir()) == ["manifest.json"] + [
                f"part-{i:05d}.jsonl" for i in range(40)
            ]
            assert concatenated(out) == single_process_bytes(tmp_path, "one.jsonl", seed=0, count=1200)
            verify_parts(str(out))

            processes.add_worker()
            client.wait_for_workers(2, timeout=EVENT_DEADLINE_S)
            processes.workers.pop(0)
            db = f"sqlite:///{tmp_path / 'cluster.db'}"
            thread, outcome = _in_background(
                lambda: import_window(db, seed=0, count=1200, batch_size=20, task_size=40, client=client)
            )
            wait_for(lambda: _ledger_rows(db) > 0, "the first committed batch")
            _pause_all_then_kill_one(processes)
            thread.join()
        assert "error" not in outcome, outcome.get("error")
        assert outcome["value"].rescheduled >= 1
        single = f"sqlite:///{tmp_path / 'single.db'}"
        import_generated(single, seed=0, count=1200, batch_size=20)
        assert everything(db) == everything(single)


def _finished(command: subprocess.Popen[str]) -> tuple[int, str]:
    try:
        _, stderr = command.communicate(timeout=EVENT_DEADLINE_S)
    except subprocess.TimeoutExpired:
        command.kill()
        command.wait()
        pytest.fail("the command hung once the cluster could no longer run its tasks")
    return command.returncode, stderr


@pytest.mark.slow
@pytest.mark.parametrize("what", ["generate", "import"])
def test_a_cluster_whose_last_worker_dies_ends_the_command_in_one_line_after_the_timeout(
    what: str, tmp_path: Path
) -> None:
    """The scheduler would keep the tasks for a worker forever; the command waits --cluster-timeout for one."""
    with own_cluster(tmp_path, workers=1) as processes:
        db = tmp_path / "cluster.db"
        timeout = ["--cluster", processes.address, "--cluster-timeout", "2"]
        if what == "generate":
            args = ["generate", *timeout, "--count", "400000", "--part-size", "2000", "-o", str(tmp_path / "parts")]
            started = lambda: any((tmp_path / "parts").glob("part-*"))  # noqa: E731
        else:
            args = ["import", *timeout, "--seed", "0", "--count", "400000", "--batch-size", "100",
                    "--db", f"sqlite:///{db}"]  # fmt: skip
            started = lambda: _ledger_rows(f"sqlite:///{db}") > 0  # noqa: E731
        command = spawn_cli(args, cwd=tmp_path)
        wait_for(lambda: started() or command.poll() is not None, "the first part or batch")
        processes.workers[0].kill()
        processes.workers[0].wait()
        returncode, stderr = _finished(command)
    then = (
        "the parts written so far are whole (the same command resumes), and no manifest was written"
        if what == "generate"
        else "every batch committed stays, and the same import resumes from the ledger"
    )
    assert returncode == 1, stderr
    assert stderr.startswith("Error: the Dask scheduler has had no worker for 2 s, with "), stderr
    assert stderr.endswith(f" tasks still to run: {then}\n"), stderr
    assert stderr.count("\n") == 1, stderr


@pytest.mark.slow
def test_a_failed_generate_is_resumed_by_the_same_command_keeping_the_whole_parts(tmp_path: Path) -> None:
    """Parts an earlier run left whole are kept (checked against the size and SHA-256 it recorded),
    the others written; a run of other settings is refused; the result is one run's data set."""
    out = tmp_path / "parts"
    count = ["--count", "60000", "--part-size", "1000"]
    with own_cluster(tmp_path, workers=1) as processes:
        args = ["generate", "--cluster", processes.address, "--cluster-timeout", "2", *count, "-o", str(out)]
        command = spawn_cli(args, cwd=tmp_path)
        wait_for(lambda: len(list(out.glob("part-*"))) >= 3 or command.poll() is not None, "three parts")
        processes.workers[0].kill()
        processes.workers[0].wait()
        returncode, stderr = _finished(command)
        assert returncode == 1, stderr
        # the parts in place with their record of size and SHA-256 (one killed between the two is written again)
        left = sorted(p.name for p in out.glob("part-*") if (out / f".{p.name}.done.json").exists())
        assert left and not (out / "manifest.json").exists()
        (out / left[0]).write_bytes(b"x" + (out / left[0]).read_bytes()[1:])  # damaged since: written again

        processes.add_worker()
        other = run("generate", "--cluster", processes.address, "--count", "50000", "--part-size", "1000",
                    "-o", str(out))  # fmt: skip
        assert other.exit_code == 1
        assert f"already holds {left[0]} of a run with other settings" in other.output
        resumed = run("generate", "--cluster", processes.address, *count, "-o", str(out))
    assert resumed.exit_code == 0, resumed.output
    assert f"parts kept from an earlier run {len(left) - 1}\n" in resumed.output
    assert concatenated(out) == single_process_bytes(tmp_path, "one.jsonl", seed=0, count=60000)
    assert sorted(p.name for p in out.iterdir()) == ["manifest.json", *(f"part-{i:05d}.jsonl" for i in range(60))]


@pytest.mark.slow
def test_a_scheduler_lost_mid_run_is_one_clear_line_and_no_traceback(tmp_path: Path) -> None:
    with own_cluster(tmp_path, workers=1) as processes:
        out = tmp_path / "parts"
        command = spawn_cli(
            ["generate", "--cluster", processes.address, "--count", "400000", "--part-size", "2000", "-o", str(out)],
            cwd=tmp_path,
        )
        wait_for(lambda: any(out.glob("part-*")) or command.poll() is not None, "the first part")
        assert processes.scheduler is not None
        processes.scheduler.kill()
        processes.scheduler.wait()
        returncode, stderr = _finished(command)
    assert returncode == 1, stderr
    assert re.fullmatch(r"Error: part \d+ did not finish: the connection to the Dask scheduler was lost\n", stderr), (
        stderr
    )
    assert not (out / "manifest.json").exists()


def _ledger_rows(db_url: str) -> int:
    try:
        return int(execute(db_url, "select count(*) from anp_import_ledger")[0][0])
    except Exception:  # the tables do not exist yet
        return 0


# -- bad input ------------------------------------------------------------------------------------


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.mark.parametrize("command", [["generate", "--count", "10", "-o", "out"], ["import", "--seed", "0",
                                     "--count", "10", "--db", "sqlite:///x.db"]])  # fmt: skip
def test_an_unreachable_scheduler_is_one_clear_line_after_the_timeout(
    command: list[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    address = f"tcp://127.0.0.1:{_closed_port()}"
    result = run(*command, "--cluster", address, "--cluster-timeout", "1")
    assert result.exit_code == 1
    assert result.output == f"Error: cannot reach the Dask scheduler at {address} within 1 s: " + (
        f"Timed out trying to connect to {address} after 1 s\n"
    )
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("command", [["generate", "--count", "10", "-o", "out"], ["import", "--seed", "0",
                                     "--count", "10"]])  # fmt: skip
def test_without_the_extra_cluster_says_how_to_install_it(
    command: list[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setitem(sys.modules, "distributed", None)  # what `import distributed` sees when it is not installed
    result = run(*command, "--cluster", "local:2")
    assert result.exit_code == 1
    assert result.output == "Error: --cluster needs Dask, which is not installed: pip install 'anp-synth[cluster]'\n"
    assert list(tmp_path.iterdir()) == []


def test_without_dask_at_all_a_subprocess_still_answers_in_one_line(tmp_path: Path) -> None:
    """The whole interpreter without ``distributed``: the CLI starts, and --cluster names the extra."""
    code = (
        "import sys; sys.modules['distributed'] = None; sys.modules['dask'] = None; "
        "from anp_synth.cli import main; sys.argv[0] = 'anp-synth'; main()"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, "generate", "--count", "5", "--cluster", "local", "-o", str(tmp_path / "o")],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 1
    assert done.stderr == "Error: --cluster needs Dask, which is not installed: pip install 'anp-synth[cluster]'\n"


@pytest.mark.slow
def test_a_directory_the_workers_cannot_write_is_refused_before_any_part(
    dask_cluster: DaskProcesses, tmp_path: Path
) -> None:
    (tmp_path / "file").write_text("not a directory")
    result = run("generate", "--cluster", dask_cluster.address, "--count", "10", "-o", str(tmp_path / "file" / "d"))
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: cannot write in {tmp_path / 'file' / 'd'} (worker tcp://127.0.0.1:")
    assert result.output.endswith("Not a directory\n") and result.output.count("\n") == 1


@pytest.mark.slow
def test_a_directory_holding_a_data_set_is_refused(dask_cluster: DaskProcesses, tmp_path: Path) -> None:
    args = ("generate", "--cluster", dask_cluster.address, "--count", "10", "-o", str(tmp_path))
    assert run(*args).exit_code == 0
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    again = run(*args)
    assert again.exit_code == 1
    assert "already holds manifest.json: write a new data set into an empty directory" in again.output
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


@pytest.mark.slow
def test_import_of_a_file_that_is_not_a_parts_directory_is_refused(dask_cluster: DaskProcesses, tmp_path: Path) -> None:
    single = tmp_path / "one.jsonl"
    write_dataset(str(single), seed=0, count=5)
    result = run("import", "--cluster", dask_cluster.address, str(single), "--db", f"sqlite:///{tmp_path / 'a.db'}")
    assert result.exit_code == 2
    assert (
        result.output == f"Error: {single}/manifest.json not found: not a data set directory (or an unfinished run)\n"
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--cluster", "local:0", "-o", "d"],
            "Error: --cluster local:0: the number of local workers must be from 1 to 64\n",
        ),
        (
            ["--cluster", "localhost", "-o", "d"],
            "Error: --cluster 'localhost': write local or local:N (N worker processes)\n",
        ),
        (["--cluster", "local", "--workers", "2"], "Error: --workers and --shard do not apply with --cluster"),
        (["--part-size", "5"], "Error: --part-size applies only with --cluster\n"),
        (["--cluster", "local", "-o", "-"], "Error: --cluster writes a directory of parts: give -o DIR, not stdout\n"),
        # the parts' names say csv, --format says json: a contradiction (a name alone picks the format)
        (["--cluster", "local", "--format", "json", "-o", "d/p-*.csv"], "Error: format='json' contradicts"),
    ],
)
def test_bad_cluster_arguments_are_one_line_and_exit_2(args: list[str], message: str) -> None:
    result = run("generate", "--count", "10", *args)
    assert result.exit_code == 2
    assert result.output.startswith(message) and result.output.count("\n") == 1


# -- verify -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def parts(dask_cluster: DaskProcesses, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("verify") / "parts"
    with connect(dask_cluster.address) as client:
        generate_to(str(out), seed=0, count=300, part_size=100, client=client)
    return out


def _damaged(parts: Path, tmp_path: Path, damage: Callable[[Path], object]) -> Path:
    copy = tmp_path / "copy"
    shutil.copytree(parts, copy)
    damage(copy)
    return copy


@pytest.mark.slow
@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda d: (d / "part-00001.jsonl").unlink(), "part-00001.jsonl: 1 part(s) listed in the manifest are missing"),
        (lambda d: (d / "part-00003.jsonl").write_text("{}\n"), "part-00003.jsonl: 1 file(s) not in the manifest"),
        (lambda d: (d / ".part-00000.jsonl.1a2b.tmp").write_text(""), ".tmp: 1 file(s) not in the manifest"),
        (lambda d: (d / "part-00002.jsonl").write_bytes(b"x"), "part-00002.jsonl: is 1 bytes, the manifest says"),
        (
            lambda d: (d / "part-00000.jsonl").write_bytes((d / "part-00000.jsonl").read_bytes().replace(b"a", b"b")),
            "part-00000.jsonl: sha256 is",
        ),
    ],
)
def test_verify_names_the_part_that_is_missing_extra_or_changed(
    parts: Path, tmp_path: Path, damage: Callable[[Path], object], message: str
) -> None:
    assert run("fixtures", "verify", str(parts)).exit_code == 0
    broken = _damaged(parts, tmp_path, damage)
    with pytest.raises(RecordError, match=message.replace(".", r"\.").replace("(", r"\(").replace(")", r"\)")):
        verify_parts(str(broken))
    result = run("fixtures", "verify", str(broken))
    assert result.exit_code == 1 and result.output.count("\n") == 1


def _last_line_dropped(part: Path) -> None:
    """A copy cut short at a line's end: every record left is valid, one is missing."""
    lines = part.read_bytes().splitlines(keepends=True)
    part.write_bytes(b"".join(lines[:-1]))


def _two_lines_swapped(part: Path) -> None:
    """The same size and the same valid records, in another order: not the part the manifest describes."""
    lines = part.read_bytes().splitlines(keepends=True)
    lines[0], lines[1] = lines[1], lines[0]
    part.write_bytes(b"".join(lines))


@pytest.mark.slow
@pytest.mark.parametrize(
    ("damage", "message"),
    [(_last_line_dropped, r"part-00001\.jsonl: is \d+ bytes, the manifest says \d+"),
     (_two_lines_swapped, r"part-00001\.jsonl: sha256 is [0-9a-f]{64}, the manifest says")],
)  # fmt: skip
def test_import_of_a_parts_directory_refuses_a_part_that_differs_from_its_manifest(
    dask_cluster: DaskProcesses, parts: Path, tmp_path: Path, damage: Callable[[Path], None], message: str
) -> None:
    """A part that still holds only valid records would otherwise load fewer articles without a word."""
    broken = _damaged(parts, tmp_path, lambda d: damage(d / "part-00001.jsonl"))
    db = f"sqlite:///{tmp_path / 'cluster.db'}"
    result = run("import", "--cluster", dask_cluster.address, str(broken), "--db", db, "--batch-size", "50")
    assert result.exit_code == 1
    assert re.fullmatch(rf"Error: {re.escape(str(broken))}/{message}.*\n", result.output), result.output
    assert execute(db, "select count(*) from anp_articles where seed between 100 and 199") == [(0,)]


@pytest.mark.slow
@pytest.mark.parametrize("what", ["generate", "import"])
def test_ctrl_c_on_a_local_cluster_stops_the_command_in_one_line(what: str, tmp_path: Path) -> None:
    """A terminal's Ctrl-C reaches the whole process group: the local workers must not print their own tracebacks,
    and ``import`` (whose signal handler only sets a stop flag) must stop waiting for its tasks."""
    db = f"sqlite:///{tmp_path / 'cluster.db'}"
    if what == "generate":
        args = ["generate", "--cluster", "local:2", "--count", "2000000", "--part-size", "10000", "-o", "parts"]
        started = lambda: any((tmp_path / "parts").glob("part-*"))  # noqa: E731
    else:
        args = ["import", "--cluster", "local:2", "--seed", "0", "--count", "400000", "--batch-size", "100",
                "--db", db, "--no-progress"]  # fmt: skip
        started = lambda: _ledger_rows(db) > 0  # noqa: E731
    command = spawn_cli(args, cwd=tmp_path, new_session=True)
    try:
        wait_for(lambda: started() or command.poll() is not None, "the first part or batch")
        os.killpg(command.pid, signal.SIGINT)
        returncode, stderr = _finished(command)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(command.pid, signal.SIGKILL)
    assert returncode == 130, stderr
    if what == "generate":
        assert stderr == "Error: interrupted\n"
    else:
        assert re.fullmatch(r"Error: interrupted by SIGINT: every batch committed before the stop is kept .*\n", stderr)
        assert _ledger_rows(db) < 4000, "it stopped long before the end"
