"""Every format generate writes reads back: the same records, the same database, from any of them.

And input is bounded: a line (or record) past ``--max-line-bytes`` is one error naming file and
line, with memory flat however long the line, even for ``/dev/zero`` or a gzip bomb.
"""

from __future__ import annotations

import gzip
import io
import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pyarrow
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner, Result
from hypothesis import given
from hypothesis import strategies as st

from anp_synth.cli import main
from anp_synth.dataset import write_dataset
from anp_synth.db import import_file
from anp_synth.errors import InvalidArgument, RecordError
from anp_synth.formats import HEADER, check_lines, encode_lines, output_format, read_records, record_texts
from anp_synth.formats.parquet import INSTALL_HINT, arrow_schema
from anp_synth.generator import generate_lines

from .db_helpers import make_url, rows

NAMES = ["a.jsonl", "a.json", "a.csv", "a.jsonl.gz", "a.json.gz", "a.csv.gz", "a.parquet"]
SEED, COUNT = 300, 40


def run(*args: str, stdin: bytes | None = None) -> Result:
    return CliRunner().invoke(main, list(args), input=stdin, catch_exceptions=False)


def lines_of(seed: int, count: int, profile: str = "hostile") -> list[str]:
    return list(generate_lines(seed=seed, count=count, profile=profile))


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The same hostile window (formula-like text, newlines, quotes in cells) in every format."""
    directory = tmp_path_factory.mktemp("formats")
    out = {}
    for name in NAMES:
        write_dataset(str(directory / name), seed=SEED, count=COUNT, profile="hostile", chunk_size=15)
        out[name] = directory / name
    return out


# --- reading back --------------------------------------------------------------------------------


@pytest.mark.parametrize("name", NAMES)
def test_every_format_reads_back_as_the_generators_own_lines(files: dict[str, Path], name: str) -> None:
    texts = [text for _, text in record_texts(str(files[name]))]
    assert texts == lines_of(SEED, COUNT)


@pytest.mark.parametrize("fmt", ["jsonl", "json", "csv"])
@given(seed=st.integers(0, 10**6), count=st.integers(1, 6), profile=st.sampled_from(["realistic", "edge", "hostile"]))
def test_any_window_round_trips_through_every_text_format(fmt: str, seed: int, count: int, profile: str) -> None:
    lines = lines_of(seed, count, profile)
    head = {"jsonl": b"", "json": b"[\n", "csv": (",".join(HEADER) + "\r\n").encode()}[fmt]
    tail = {"jsonl": b"", "json": b"\n]\n", "csv": b""}[fmt]
    data = head + encode_lines(lines, fmt) + tail
    stdin = io.TextIOWrapper(io.BytesIO(data))
    saved, sys.stdin = sys.stdin, stdin
    try:
        assert [text for _, text in record_texts("-")] == lines  # sniffed, not told
    finally:
        sys.stdin = saved


def test_records_are_numbered_by_the_line_they_start_on(files: dict[str, Path]) -> None:
    physical = files["a.csv"].read_bytes().split(b"\n")
    numbered = [(n, json.loads(text)["seed"]) for n, text in record_texts(str(files["a.csv"]))]
    assert [seed for _, seed in numbered] == list(range(SEED, SEED + COUNT))
    assert all(physical[n - 1].startswith(f"{seed},".encode()) for n, seed in numbered)
    # hostile cells hold newlines, so rows start on lines the row count alone would not give
    assert [n for n, _ in numbered] != list(range(2, COUNT + 2))
    assert [n for n, _ in record_texts(str(files["a.json"]))] == list(range(2, COUNT + 2))
    assert [n for n, _ in record_texts(str(files["a.parquet"]))] == list(range(1, COUNT + 1))


def test_a_pretty_printed_json_array_reads_like_a_compact_one(tmp_path: Path) -> None:
    lines = lines_of(10, 5)
    path = tmp_path / "pretty.json"
    path.write_text(json.dumps([json.loads(x) for x in lines], indent=2, ensure_ascii=False), encoding="utf-8")
    assert [json.loads(text) for _, text in record_texts(str(path))] == [json.loads(x) for x in lines]
    assert [record for _, record in read_records(str(path))] == [json.loads(x) for x in lines]


def test_a_json_syntax_error_stops_the_read_at_its_line(tmp_path: Path) -> None:
    good = lines_of(10, 2)
    path = tmp_path / "broken.json"
    path.write_text("[\n" + good[0] + ",\n" + '{"seed": 1,, "x": 2},\n' + good[1] + "\n]\n", encoding="utf-8")
    seen = []
    with pytest.raises(RecordError) as caught:
        seen.extend(record_texts(str(path)))
    assert [n for n, _ in seen] == [2]
    assert str(caught.value).startswith(f"{path}:3: not valid JSON")


def test_a_csv_row_that_does_not_rebuild_is_an_error_of_that_row_alone(tmp_path: Path) -> None:
    good = tmp_path / "good.csv"
    write_dataset(str(good), seed=5, count=2)
    header, first, second = good.read_bytes().split(b"\r\n")[:3]
    path = tmp_path / "mixed.csv"
    path.write_bytes(header + b"\r\n" + b"1,2,3\r\n" + first + b"\r\n" + first.replace(b',"[', b',"{', 1) + b"\r\n"
                     + second + b"\r\n")  # fmt: skip
    results = [(n, str(r) if isinstance(r, RecordError) else r["seed"]) for n, r in check_lines(str(path))]
    assert results[0] == (2, f"{path}:2: has 3 cells, expected 42 (one per header column)")
    assert results[1] == (3, 5)
    assert results[2][0] == 4 and "not valid JSON in this cell" in results[2][1] and "field meta.stack" in results[2][1]
    assert results[3] == (5, 6)


def test_a_csv_file_with_another_header_is_refused_as_a_whole(tmp_path: Path) -> None:
    path = tmp_path / "other.csv"
    path.write_text("seed,name\r\n1,x\r\n", encoding="utf-8")
    with pytest.raises(RecordError) as caught:
        list(record_texts(str(path)))
    assert str(caught.value) == f"{path}:1: not an anp-synth csv file: header column 2 is 'name', expected 'profile'"


# --- importing ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def reference(files: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[tuple[object, ...]]]:
    url = f"sqlite:///{tmp_path_factory.mktemp('reference') / 'ref.db'}"
    import_file(str(files["a.jsonl"]), url, batch_size=7)
    return rows(url)


@pytest.mark.parametrize("name", NAMES[1:])
def test_every_format_imports_the_same_sqlite_database_row_for_row(
    files: dict[str, Path], reference: dict[str, list[tuple[object, ...]]], name: str, tmp_path: Path
) -> None:
    url = f"sqlite:///{tmp_path / 'x.db'}"
    report = import_file(str(files[name]), url, batch_size=7)
    assert (report.rows_read, report.inserted, report.rejected) == (COUNT, COUNT, 0)
    assert rows(url) == reference
    assert sum(len(v) for v in reference.values()) > COUNT  # every table has rows to compare


@pytest.mark.postgres
def test_jsonl_csv_and_parquet_import_the_same_postgresql_database(
    files: dict[str, Path], request: pytest.FixtureRequest
) -> None:
    found = {}
    for name in ("a.jsonl", "a.csv.gz", "a.parquet"):
        url = make_url(request, "postgresql", name)
        import_file(str(files[name]), url, batch_size=9, workers=0)
        found[name] = rows(url)
    assert found["a.csv.gz"] == found["a.jsonl"]
    assert found["a.parquet"] == found["a.jsonl"]
    assert len(found["a.jsonl"]["anp_articles"]) == COUNT


@pytest.mark.parametrize("name", ["a.json", "a.csv.gz", "a.parquet"])
def test_import_cli_reads_each_format_and_re_running_it_is_a_no_op(
    files: dict[str, Path], name: str, tmp_path: Path
) -> None:
    url = f"sqlite:///{tmp_path / 'x.db'}"
    first = run("import", str(files[name]), "--db", url, "--batch-size", "16")
    assert first.exit_code == 0, first.output
    assert f"inserted {COUNT}" in first.stdout
    again = run("import", str(files[name]), "--db", url, "--batch-size", "16")
    assert again.exit_code == 0 and "inserted 0" in again.stdout and "already in ledger 3" in again.stdout


@pytest.mark.parametrize("name", ["a.jsonl", "a.json", "a.csv", "a.json.gz", "a.csv.gz"])
def test_import_and_validate_sniff_the_format_of_stdin(files: dict[str, Path], name: str, tmp_path: Path) -> None:
    data = files[name].read_bytes()
    checked = run("validate", "-", stdin=data)
    assert checked.exit_code == 0 and checked.stdout == f"<stdin>: {COUNT} records, all valid\n"
    url = f"sqlite:///{tmp_path / 'x.db'}"
    imported = run("import", "-", "--db", url, stdin=data)
    assert imported.exit_code == 0 and f"inserted {COUNT}" in imported.stdout


@pytest.mark.parametrize("name", NAMES)
def test_validate_accepts_every_format_it_is_given(files: dict[str, Path], name: str) -> None:
    result = run("validate", str(files[name]))
    assert result.exit_code == 0
    assert result.stdout == f"{files[name]}: {COUNT} records, all valid\n"


def test_a_format_given_wins_over_sniffing_and_must_agree_with_the_extension(files: dict[str, Path]) -> None:
    data = files["a.csv"].read_bytes()
    assert run("validate", "-", "--format", "csv", stdin=data).exit_code == 0
    as_jsonl = run("validate", "-", "--format", "jsonl", "--max-errors", "1", stdin=data)
    assert as_jsonl.exit_code == 1 and "<stdin>:1: not valid JSON" in as_jsonl.stdout
    contradiction = run("validate", str(files["a.csv"]), "--format", "json")
    assert contradiction.exit_code == 2
    assert contradiction.stderr == f"Error: format='json' contradicts the name '{files['a.csv']}', which says csv\n"


def test_parquet_cannot_come_from_stdin_and_says_so(files: dict[str, Path], tmp_path: Path) -> None:
    for args in (["validate", "-"], ["import", "-", "--db", f"sqlite:///{tmp_path / 'x.db'}"]):
        result = run(*args, stdin=files["a.parquet"].read_bytes())
        assert result.exit_code == 2
        assert result.stderr.startswith("Error: parquet cannot be read from stdin: ")
        assert result.stderr.count("\n") == 1
    assert not (tmp_path / "x.db").exists()


def _all_bad(tmp_path: Path) -> Path:
    path = tmp_path / "bad.csv"
    write_dataset(str(path), seed=0, count=3)
    path.write_bytes(
        path.read_bytes().replace(b"\r\n0,", b"\r\n0,,").replace(b"\r\n1,", b"\r\n1,,").replace(b"\r\n2,", b"\r\n2,,")
    )
    return path


def test_an_import_that_rejects_every_record_exits_non_zero(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text("nope\n{}\n", encoding="utf-8")
    for source in (path, _all_bad(tmp_path)):
        url = f"sqlite:///{tmp_path / (source.name + '.db')}"
        result = run("import", str(source), "--db", url, "--on-error", "skip")
        assert result.exit_code == 1, result.output
        assert result.stderr.endswith("was rejected: nothing was imported\n")
        assert "rejected" in result.stdout
    checked = run("validate", str(path))
    assert checked.exit_code == 1 and checked.stdout.endswith("bad.jsonl: 2 invalid of 2 records checked\n")


def test_an_import_that_keeps_some_records_still_exits_zero(tmp_path: Path) -> None:
    path = tmp_path / "some.jsonl"
    path.write_text("nope\n" + lines_of(0, 1, "realistic")[0] + "\n", encoding="utf-8")
    result = run("import", str(path), "--db", f"sqlite:///{tmp_path / 'x.db'}", "--on-error", "skip")
    assert result.exit_code == 0 and "inserted 1" in result.stdout and "rejected 1" in result.stdout


# --- generate: the format from the output's name ----------------------------------------------------


@pytest.mark.parametrize("name", ["out.jsonl", "out.json", "out.csv", "out.jsonl.gz", "out.json.gz", "out.csv.gz",
                                  "out.parquet", "OUT.CSV"])  # fmt: skip
def test_generate_takes_the_format_from_the_output_name(name: str, tmp_path: Path) -> None:
    inferred, told = tmp_path / "inferred" / name, tmp_path / "told" / name
    inferred.parent.mkdir(), told.parent.mkdir()
    fmt = output_format(name, None)
    assert run("generate", "--count", "3", "-o", str(inferred)).exit_code == 0
    assert run("generate", "--count", "3", "--format", fmt, "-o", str(told)).exit_code == 0
    assert inferred.read_bytes() == told.read_bytes()
    data = inferred.read_bytes()
    plain = gzip.decompress(data) if name.endswith(".gz") else data
    assert (plain == run("generate", "--count", "3").stdout_bytes) == (fmt == "jsonl")
    assert [text for _, text in record_texts(str(inferred))] == lines_of(0, 3, "realistic")


def test_generate_infers_csv_from_out_csv(tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    assert run("generate", "--count", "3", "-o", str(out)).exit_code == 0
    assert out.read_bytes().startswith((",".join(HEADER) + "\r\n").encode())


def test_another_name_is_jsonl_unless_told(tmp_path: Path) -> None:
    assert output_format("-", None) == "jsonl"
    assert output_format(str(tmp_path / "out.txt"), None) == "jsonl"
    assert output_format(str(tmp_path / "out.txt"), "csv") == "csv"
    assert output_format("-", "parquet") == "parquet"


@pytest.mark.parametrize(("fmt", "name", "says"), [("csv", "x.json", "json"), ("jsonl", "x.csv.gz", "csv"),
                                                   ("parquet", "x.jsonl", "jsonl"), ("json", "x.parquet", "parquet")])  # fmt: skip
def test_a_format_that_contradicts_the_name_is_one_line_exit_2_and_no_file(
    fmt: str, name: str, says: str, tmp_path: Path
) -> None:
    out = tmp_path / name
    result = run("generate", "--count", "3", "--format", fmt, "-o", str(out))
    assert result.exit_code == 2
    assert result.stderr == f"Error: format={fmt!r} contradicts the output name {str(out)!r}, which says {says}\n"
    assert list(tmp_path.iterdir()) == []


def test_parquet_cannot_be_gzipped(tmp_path: Path) -> None:
    result = run("generate", "--count", "3", "-o", str(tmp_path / "x.parquet.gz"))
    assert result.exit_code == 2 and "parquet is compressed inside the file" in result.stderr
    assert list(tmp_path.iterdir()) == []


# --- parquet ------------------------------------------------------------------------------------


def test_parquet_is_the_same_bytes_every_time(tmp_path: Path) -> None:
    one, two = tmp_path / "one.parquet", tmp_path / "two.parquet"
    write_dataset(str(one), seed=0, count=25, profile="edge")
    write_dataset(str(two), seed=0, count=25, profile="edge", workers=2)
    assert one.read_bytes() == two.read_bytes()
    meta = pq.ParquetFile(one).metadata
    assert meta.created_by == f"parquet-cpp-arrow version {pyarrow.__version__}"  # no time, no host
    assert set(meta.metadata) == {b"ARROW:schema"}


def test_parquet_nests_lists_and_structs_rather_than_json_text(files: dict[str, Path]) -> None:
    schema = pq.ParquetFile(files["a.parquet"]).schema_arrow
    assert schema.equals(arrow_schema())
    meta = schema.field("meta").type
    entities = meta.field("entities").type
    assert str(entities.value_type) == "struct<name: string not null, type: string not null>"
    blocks = schema.field("sections").type.value_type.field("blocks").type.value_type
    assert [f.name for f in blocks] == ["type", "text", "language", "items"]
    table = pq.read_table(files["a.parquet"])
    first = table.slice(0, 1).to_pylist()[0]
    record = json.loads(lines_of(SEED, 1)[0])
    assert first["meta"]["entities"] == record["meta"]["entities"]
    assert first["similar_posts"] == record["similar_posts"]


def test_parquet_is_written_one_row_group_at_a_time(tmp_path: Path) -> None:
    from anp_synth.formats import parquet

    out = tmp_path / "x.parquet"
    saved = parquet.ROW_GROUP_SIZE, parquet._BATCH
    parquet.ROW_GROUP_SIZE, parquet._BATCH = 10, 5
    try:
        write_dataset(str(out), seed=0, count=25)
    finally:
        parquet.ROW_GROUP_SIZE, parquet._BATCH = saved
    meta = pq.ParquetFile(out).metadata
    assert [meta.row_group(i).num_rows for i in range(meta.num_row_groups)] == [10, 10, 5]
    assert [t for _, t in record_texts(str(out))] == lines_of(0, 25, "realistic")


def test_a_parquet_file_of_another_layout_is_refused_as_a_whole(tmp_path: Path) -> None:
    path = tmp_path / "other.parquet"
    pq.write_table(pyarrow.table({"seed": [1, 2]}), path)
    with pytest.raises(RecordError, match=r"other\.parquet: not an anp-synth parquet file"):
        list(record_texts(str(path)))
    (tmp_path / "junk.parquet").write_bytes(b"not parquet at all")
    result = run("validate", str(tmp_path / "junk.parquet"))
    assert (
        result.exit_code == 1 and result.stderr.startswith("Error: ") and "not a readable parquet file" in result.stderr
    )


def test_without_pyarrow_parquet_is_one_line_naming_the_extra(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    with pytest.raises(InvalidArgument) as caught:
        write_dataset(str(tmp_path / "x.parquet"), seed=0, count=2)
    assert str(caught.value) == INSTALL_HINT
    assert "pip install 'anp-synth[parquet]'" in INSTALL_HINT
    assert list(tmp_path.iterdir()) == []
    result = run("validate", str(tmp_path / "x.parquet"))
    assert result.exit_code == 2 and result.stderr == f"Error: {INSTALL_HINT}\n"


# --- bounded lines ----------------------------------------------------------------------------------

MiB = 1 << 20


def test_a_line_past_the_limit_is_rejected_in_its_place_and_reading_goes_on(tmp_path: Path) -> None:
    good = lines_of(0, 2, "realistic")
    path = tmp_path / "long.jsonl"
    path.write_text(good[0] + "\n" + '{"x": "' + "y" * (3 * MiB) + '"}\n' + good[1] + "\n", encoding="utf-8")
    found = list(record_texts(str(path), max_line_bytes=MiB))
    assert [n for n, _ in found] == [1, 2, 3]
    assert found[1][1].__class__ is RecordError
    assert str(found[1][1]) == f"{path}:2: line is longer than 1 MiB (the --max-line-bytes limit)"
    assert [t for _, t in found if isinstance(t, str)] == good


def test_a_csv_row_past_the_limit_is_skipped_whole_however_many_lines_it_spans(tmp_path: Path) -> None:
    path = tmp_path / "long.csv"
    write_dataset(str(path), seed=0, count=2)
    header, first, second = path.read_bytes().split(b"\r\n")[:3]
    long_cell = b'"' + b"line\r\n" * 400_000 + b'"'  # 2.4 MB over 400,000 lines, in one quoted cell
    path.write_bytes(header + b"\r\n" + first + b"\r\n" + b"1," + long_cell + b"\r\n" + second + b"\r\n")
    found = [(n, str(t) if isinstance(t, RecordError) else json.loads(t)["seed"]) for n, t in
             record_texts(str(path), max_line_bytes=MiB)]  # fmt: skip
    assert found == [(2, 0), (3, f"{path}:3: row is longer than 1 MiB (the --max-line-bytes limit)"), (400_004, 1)]


def test_the_limit_is_checked_before_anything_is_read() -> None:
    with pytest.raises(InvalidArgument, match=r"max_line_bytes=10 must be an integer from 1024"):
        list(record_texts("/dev/zero", max_line_bytes=10))
    assert run("validate", "/dev/zero", "--max-line-bytes", "0").exit_code == 2


_MEASURE = textwrap.dedent(
    """
    import resource, subprocess, sys
    done = subprocess.run(sys.argv[1:], capture_output=True, timeout=120)
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    sys.stdout.write(f"{done.returncode}\\n{peak}\\n" + done.stdout.decode() + "\\0" + done.stderr.decode())
    """
)


def _measured(*args: str) -> tuple[int, int, str, str]:
    """(exit code, peak RSS in KiB, stdout, stderr) of ``anp-synth ARGS`` in a process of its own.

    Measured by a fresh parent, so RUSAGE_CHILDREN sees this one command and nothing else.
    """
    cli = [sys.executable, "-m", "anp_synth.cli", *args]
    done = subprocess.run([sys.executable, "-c", _MEASURE, *cli], capture_output=True, timeout=180, check=True)
    code, peak, rest = done.stdout.decode().split("\n", 2)
    out, err = rest.split("\0", 1)
    return int(code), int(peak), out, err


@pytest.fixture(scope="module")
def hostile_inputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    directory = tmp_path_factory.mktemp("hostile")
    small = directory / "small.jsonl"
    small.write_text("\n".join(lines_of(0, 20, "realistic")) + "\n", encoding="utf-8")
    bomb = directory / "bomb.jsonl.gz"
    member = gzip.compress(b"\0" * (64 * MiB), compresslevel=9, mtime=0)
    bomb.write_bytes(member * 200)  # 13 MB of gzip, 13 GB of zeros
    line = directory / "line.jsonl"
    with line.open("wb") as out:
        out.write(b'{"seed": "')
        for _ in range(100):
            out.write(b"x" * MiB)
        out.write(b'"}\n' + lines_of(0, 1, "realistic")[0].encode() + b"\n")
    return {"small": small, "bomb": bomb, "line": line}


LIMIT = 8 * MiB


@pytest.mark.slow
def test_validate_meets_dev_zero_a_gzip_bomb_and_a_100_mb_line_with_flat_memory(
    hostile_inputs: dict[str, Path],
) -> None:
    assert hostile_inputs["bomb"].stat().st_size < 14_000_000
    code, baseline, out, _ = _measured("validate", str(hostile_inputs["small"]), "--max-line-bytes", str(LIMIT))
    assert code == 0 and "20 records, all valid" in out
    for name, path in (("zero", "/dev/zero"), ("bomb", str(hostile_inputs["bomb"]))):
        code, peak, out, _ = _measured("validate", path, "--max-line-bytes", str(LIMIT))
        assert code == 1, name
        assert out.splitlines()[0] == (
            f"{path}:1: line is longer than 8 MiB (the --max-line-bytes limit) and holds NUL bytes: binary data, not records"
        )
        assert peak < baseline + 2 * LIMIT // 1024, (name, peak, baseline)
    code, peak, out, _ = _measured("validate", str(hostile_inputs["line"]), "--max-line-bytes", str(LIMIT))
    assert code == 1
    assert out.splitlines() == [
        f"{hostile_inputs['line']}:1: line is longer than 8 MiB (the --max-line-bytes limit)",
        f"{hostile_inputs['line']}: 1 invalid of 2 records checked",
    ]
    assert peak < baseline + 2 * LIMIT // 1024, (peak, baseline)


@pytest.mark.slow
def test_import_meets_them_too_in_abort_and_skip_mode(hostile_inputs: dict[str, Path], tmp_path: Path) -> None:
    def db(name: str) -> str:
        return f"sqlite:///{tmp_path / name}"

    code, baseline, _, _ = _measured("import", str(hostile_inputs["small"]), "--db", db("base.db"),
                                     "--max-line-bytes", str(LIMIT))  # fmt: skip
    assert code == 0
    for mode, path in (("skip", "/dev/zero"), ("abort", str(hostile_inputs["bomb"]))):
        code, peak, _, err = _measured("import", path, "--db", db(f"{mode}.db"), "--on-error", mode,
                                       "--max-line-bytes", str(LIMIT), "--rejects", str(tmp_path / "r.jsonl"))  # fmt: skip
        assert code == 1
        assert (
            err
            == f"Error: {path}:1: line is longer than 8 MiB (the --max-line-bytes limit) and holds NUL bytes: binary data, not records\n"
        )
        assert peak < baseline + 2 * LIMIT // 1024, (mode, path, peak, baseline)
    line = str(hostile_inputs["line"])
    code, peak, _, err = _measured("import", line, "--db", db("abort.db"), "--max-line-bytes", str(LIMIT))
    assert (code, err) == (1, f"Error: {line}:1: line is longer than 8 MiB (the --max-line-bytes limit)\n")
    assert peak < baseline + 2 * LIMIT // 1024
    rejects = tmp_path / "line.rejects.jsonl"
    code, peak, out, err = _measured("import", line, "--db", db("skip.db"), "--on-error", "skip",
                                     "--max-line-bytes", str(LIMIT), "--rejects", str(rejects))  # fmt: skip
    assert code == 0 and "inserted 1" in out and "rejected 1" in out, err
    assert peak < baseline + 2 * LIMIT // 1024
    (reject,) = [json.loads(x) for x in rejects.read_text(encoding="utf-8").splitlines()]
    assert (reject["line"], reject["reason"], reject["record"]) == (
        1,
        "line is longer than 8 MiB (the --max-line-bytes limit)",
        None,
    )
