"""A line byte for byte the generator's own is valid by construction; every other line is validated in full.

:func:`anp_synth.validate.generated_record` takes a line without the schema check and the
invariants only when regenerating its (seed, profile) gives the very same text. These
properties hold it to that: what it takes, it yields exactly as the full validation would
(the same dict, the same encoded rows); what it does not take gets today's verdict, word
for word; and an import of a file mixing generated and hand-edited lines stores and
rejects exactly what it does with the full validation alone.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from anp_synth import rules
from anp_synth.db import import_file, jobs
from anp_synth.db.encode import EncodedBatch, canonical_sections, encode_record
from anp_synth.errors import RecordError
from anp_synth.formats.readers import parse_line
from anp_synth.generator import build_line
from anp_synth.model import PROFILES
from anp_synth.validate import check_line_record, generated_record

from .db_helpers import DIALECTS, assert_stores_exactly, make_url, rows

SEEDS = st.integers(0, rules.MAX_SEED)
VERSION_KEY = f'"generator_version":"{rules.GENERATOR_VERSION}"'


def full_verdict(text: str) -> tuple[str, Any]:
    """Today's verdict on a line: its record, or its reject message (the full validation alone)."""
    try:
        return "valid", parse_line(text, source="in.jsonl", line=7, regenerate=False)
    except RecordError as exc:
        return "reject", exc.describe()


def verdict(text: str) -> tuple[str, Any]:
    try:
        return "valid", parse_line(text, source="in.jsonl", line=7)
    except RecordError as exc:
        return "reject", exc.describe()


def encoded_as_today(text: str) -> EncodedBatch:
    """The rows the importer encoded for a valid line before the fast path, step by step."""
    record = check_line_record(json.loads(text), text, source="in.jsonl", line=1)
    batch = EncodedBatch()
    body = canonical_sections(text, record)
    encode_record(record, batch, nul_free="\\u0000" not in text, body=body, line=text if body is not None else None)
    batch.nbytes = len(text.encode("utf-8")) + 1  # _prepare_lines counts the line's bytes and its newline
    return batch


def prepared(text: str) -> jobs.Prepared:
    # a batch holds each line as read: its bytes, ending in one newline
    return jobs.prepare(jobs.LinesJob("in.jsonl", ((1, (text + "\n").encode("utf-8", "surrogatepass")),), "digest"))


@settings(max_examples=30)
@given(seed=SEEDS, profile=st.sampled_from(PROFILES))
@example(seed=0, profile="realistic")
@example(seed=rules.MAX_SEED, profile="hostile")
def test_the_generators_line_is_taken_and_yields_what_the_full_validation_yields(seed: int, profile: str) -> None:
    line = build_line(seed, profile)
    record = generated_record(line)
    assert record is not None
    assert record == check_line_record(json.loads(line), line, source="in.jsonl", line=1)
    assert parse_line(line, source="in.jsonl", line=1) == record
    out = prepared(line)
    assert out.rejects == [] and out.lines == [1]
    assert out.batch == encoded_as_today(line)
    assert out.batch.articles and out.batch.post_meta == encoded_as_today(line).post_meta


@settings(max_examples=40)
@given(seed=SEEDS, profile=st.sampled_from(PROFILES), data=st.data())
@example(seed=5, profile="realistic", data=None)  # the last character before the closing brace
def test_a_line_with_one_character_changed_is_not_taken_and_gets_todays_verdict(
    seed: int, profile: str, data: st.DataObject | None
) -> None:
    line = build_line(seed, profile)
    if data is None:
        at, char = len(line) - 2, "!"
    else:
        at = data.draw(st.integers(0, len(line) - 1), label="position")
        char = data.draw(st.characters(codec="utf-8").filter(lambda c: c != line[at]), label="character")
    edited = line[:at] + char + line[at + 1 :]
    assert generated_record(edited) is None
    assert verdict(edited) == full_verdict(edited)


@settings(max_examples=15)
@given(seed=SEEDS, profile=st.sampled_from(PROFILES))
def test_lines_spelled_otherwise_are_not_taken_and_get_todays_verdict(seed: int, profile: str) -> None:
    line = build_line(seed, profile)
    record = json.loads(line)
    spellings = {
        "another generator version": line.replace(VERSION_KEY, '"generator_version":"1.2"', 1),
        "spaces between tokens": json.dumps(record, sort_keys=True, ensure_ascii=False),
        "keys in reverse order": json.dumps(dict(reversed(record.items())), separators=(",", ":"), ensure_ascii=False),
        "ASCII escapes": json.dumps(record, sort_keys=True, separators=(",", ":")),
        "another profile named": line.replace(f'"profile":"{profile}"', '"profile":"edge"'),
        "the seed with a leading zero": line.replace(f'],"seed":{seed},', f'],"seed":0{seed},'),
        "a trailing space": line + " ",
    }
    for name, text in spellings.items():
        if text == line:  # e.g. ASCII escapes of an all-ASCII record, "edge" named as "edge"
            continue
        assert generated_record(text) is None, name
        assert verdict(text) == full_verdict(text), name
    assert full_verdict(spellings["spaces between tokens"]) == ("valid", record)


def test_a_line_of_another_generator_version_gets_todays_reject() -> None:
    line = build_line(3, "realistic").replace(VERSION_KEY, '"generator_version":"1.2"', 1)
    kind, message = verdict(line)
    assert kind == "reject" and (kind, message) == full_verdict(line)


# --- importing a file: the same rows and rejects as the full validation alone ----------------------


def _edit_paragraph(record: dict[str, Any], new: str) -> dict[str, Any]:
    """``record`` with its first paragraph's first word's first letter replaced, its hash recomputed:
    valid (same word count), but not the generator's."""
    for section in record["sections"]:
        for block in section["blocks"]:
            if block["type"] == "paragraph":
                block["text"] = new + block["text"][1:]
                record["meta"]["hash"] = rules.content_hash(record)
                return record
    raise AssertionError("no paragraph")


def _canonical(record: dict[str, Any]) -> str:
    return json.dumps(record, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def _mixed_file(tmp_path: Path) -> tuple[Path, list[dict[str, Any]], set[int]]:
    """40 generated lines, some hand-edited; the records that must be stored, the lines rejected."""
    lines = [build_line(s, PROFILES[s % 3]) for s in range(200, 240)]
    records = [json.loads(line) for line in lines]
    lines[4] = lines[4].replace('"title":"', '"title":"X', 1)  # content changed, hash not: reject
    lines[9] = _canonical(_edit_paragraph(records[9], "Q"))  # valid but edited
    lines[14] = json.dumps(records[14], sort_keys=True)  # valid, spelled with spaces and ASCII escapes
    lines[19] = lines[19].replace(VERSION_KEY, '"generator_version":"1.2"', 1)  # another version: reject
    lines[24] = lines[2]  # the same line again: skipped as a duplicate
    records[29]["title"] = "\x00" + records[29]["title"]
    records[29]["meta"]["hash"] = rules.content_hash(records[29])
    lines[29] = _canonical(records[29])  # a valid record with a NUL in a column: reject (NUL in the body is kept)
    lines[34] = lines[34][:100]  # cut short: not JSON
    path = tmp_path / "mixed.jsonl"
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    rejected = {5, 20, 30, 35}
    stored = [r for i, r in enumerate(records) if i + 1 not in rejected and i != 24]
    return path, stored, rejected


@contextmanager
def full_validation_only() -> Iterator[None]:
    """The importer as it was: no line is recognised as the generator's (prepare runs in this
    process: workers=0)."""
    import anp_synth.validate as validate_module  # prepare imports the rule from here when it runs

    saved = validate_module.generated_record
    validate_module.generated_record = lambda text: None  # type: ignore[assignment]
    try:
        yield
    finally:
        validate_module.generated_record = saved


def _rejects(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").split("\n")[:-1]]


@pytest.mark.parametrize("dialect", DIALECTS)
def test_importing_generated_and_edited_lines_stores_and_rejects_what_full_validation_does(
    request: pytest.FixtureRequest, tmp_path: Path, dialect: str
) -> None:
    path, stored, rejected = _mixed_file(tmp_path)
    fast_url, full_url = make_url(request, dialect, "fast.db"), make_url(request, dialect, "full.db")
    fast = import_file(str(path), fast_url, on_error="skip", batch_size=8, workers=0,
                       rejects_path=str(tmp_path / "fast.rejects.jsonl"))  # fmt: skip
    with full_validation_only():
        full = import_file(str(path), full_url, on_error="skip", batch_size=8, workers=0,
                           rejects_path=str(tmp_path / "full.rejects.jsonl"))  # fmt: skip
    assert (fast.inserted, fast.rejected, fast.skipped) == (full.inserted, full.rejected, full.skipped)
    assert (fast.inserted, fast.rejected) == (len(stored), len(rejected))
    fast_rejects, full_rejects = _rejects(tmp_path / "fast.rejects.jsonl"), _rejects(tmp_path / "full.rejects.jsonl")
    assert [r["line"] for r in fast_rejects] == sorted(rejected)
    assert [(r["line"], r["message"], r["record"]) for r in fast_rejects] == [
        (r["line"], r["message"], r["record"]) for r in full_rejects
    ]
    assert rows(fast_url) == rows(full_url)
    assert_stores_exactly(fast_url, stored)


@pytest.mark.parametrize("dialect", DIALECTS)
def test_a_generated_file_imported_with_worker_processes_stores_the_generated_records(
    request: pytest.FixtureRequest, tmp_path: Path, dialect: str
) -> None:
    lines = [build_line(s, "edge") for s in range(60)]
    path = tmp_path / "edge.jsonl"
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    url = make_url(request, dialect)
    report = import_file(str(path), url, batch_size=16, workers=2)
    assert (report.inserted, report.rejected) == (60, 0)
    assert_stores_exactly(url, [json.loads(line) for line in lines])
