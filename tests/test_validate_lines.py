"""check_line_record: hashing the line itself is exactly as strict as re-serialising the record.

The fast path trusts a line only once :func:`anp_synth.canonical.is_canonical` has proved it
is the record's canonical JSON; these properties pin that proof to its definition
(``text == canonical_json(json.loads(text))``) on hostile spellings, and check that both
paths give the same verdict, word for word, on good and broken records.
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from anp_synth import rules
from anp_synth.canonical import blank_hash, is_canonical
from anp_synth.errors import RecordError
from anp_synth.generator import build
from anp_synth.model import PROFILES
from anp_synth.validate import check_line_record, check_record

from .test_schema_compile import SEEDS, _line, fresh, mutated, sized

PROFILE = st.sampled_from(PROFILES)
SETTINGS = settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])


def verdict(check: Any, *args: Any) -> str:
    """ "ok" or the RecordError's message: what a user would read."""
    try:
        check(*args, source="f.jsonl", line=3)
    except RecordError as exc:
        return str(exc)
    return "ok"


def both_verdicts(text: str) -> tuple[str, str]:
    return verdict(check_record, json.loads(text)), verdict(check_line_record, json.loads(text), text)


# --- is_canonical is exactly "text == canonical_json(json.loads(text))" -------------------------


def _escape_one(text: str, rnd: st.DrawFn) -> str:
    """Spell one character of a string differently but equivalently (a non-canonical escape)."""
    spots = [m for m in re.finditer(r"[/é🚀<]|\\n|\\u00[01][0-9a-f]", text)]
    assume(spots)
    m = rnd(st.sampled_from(spots))
    found = m.group()
    if found == "\\n":
        new = "\\u000a"
    elif found.startswith("\\u"):
        new = found.upper().replace("\\U", "\\u")
        assume(new != found)
    elif found == "🚀":
        new = "\\ud83d\\ude80"
    else:
        new = f"\\u{ord(found):04x}" if found != "/" else "\\/"
    return text[: m.start()] + new + text[m.end() :]


@st.composite
def spellings(draw: st.DrawFn) -> str:
    """A record's line, respelled: other json.dumps options, or one small textual edit."""
    seed, profile = draw(SEEDS), draw(PROFILE)
    line = _line(seed, profile)
    how = draw(st.sampled_from(["dumps", "key-order", "whitespace", "escape", "duplicate", "minus-zero", "as-is"]))
    if how == "dumps":
        # the generator's record lists keys in the order it builds them, not sorted
        record = json.loads(line) if draw(st.booleans()) else build(seed, profile)[0]
        return json.dumps(
            record,
            sort_keys=draw(st.booleans()),
            separators=draw(st.sampled_from([(",", ":"), (", ", ":"), (",", ": "), (", ", ": ")])),
            ensure_ascii=draw(st.booleans()),
            indent=draw(st.sampled_from([None, None, 0, 2])),
        )
    if how == "key-order":
        # compact, but one object's keys in another order: the same length as canonical
        record = json.loads(line)
        inner = draw(st.sampled_from([record, record["meta"], record["meta"]["score"], record["sections"][0]]))
        items = list(inner.items())
        inner.clear()
        inner.update(reversed(items))
        return json.dumps(record, separators=(",", ":"), ensure_ascii=False)
    if how == "whitespace":
        at = draw(st.integers(0, len(line)))
        return line[:at] + draw(st.sampled_from([" ", "\n", "\t", "\r", "  "])) + line[at:]
    if how == "escape":
        return _escape_one(line, draw)
    if how == "duplicate":
        # a repeated key whose first value the parser drops: the dict stays sorted and equal
        key = draw(st.sampled_from(['"generator_version":"0.9",', '"profile":"edge",', '"seed":1,']))
        return "{" + key + line[1:]
    if how == "minus-zero":
        zeros = [m.start() for m in re.finditer(r":0[,}]", line)]
        assume(zeros)
        at = draw(st.sampled_from(zeros))
        return line[: at + 1] + "-" + line[at + 1 :]
    return line


@settings(SETTINGS, max_examples=120)
@given(text=spellings())
def test_is_canonical_holds_exactly_when_the_line_is_the_canonical_json(text: str) -> None:
    try:
        record = json.loads(text)
    except json.JSONDecodeError:
        assume(False)
    error, size = sized()(record)
    assume(error is None)
    assert is_canonical(text, size) == (text == rules.canonical_json(record))


@settings(SETTINGS, max_examples=30)
@given(seed=SEEDS, profile=PROFILE)
def test_blanking_the_hash_in_a_canonical_line_gives_the_hashed_text(seed: int, profile: str) -> None:
    line = _line(seed, profile)
    record = json.loads(line)
    digest = record["meta"]["hash"]
    record["meta"]["hash"] = ""
    assert blank_hash(line, digest) == rules.canonical_json(record)
    assert blank_hash(line, "0" * 24 if digest != "0" * 24 else "1" * 24) is None


# --- the hash found in the text is meta.hash, even when strings imitate it ---------------------

DECOY = "0123456789abcdef01234567"
INJECTIONS = [
    f'"hash":"{DECOY}"',
    f'x","hash":"{DECOY}","y":"',
    f'\\"hash\\":\\"{DECOY}\\"',
    f'\\\\"hash":"{DECOY}"',
    f'{{"hash":"{DECOY}"}}',
    f'"hash":""\n"hash":"{DECOY}"',
    f'</script>"hash":"{DECOY}"\\u0000',
]


@settings(SETTINGS, max_examples=60)
@given(
    seed=SEEDS,
    profile=PROFILE,
    injection=st.sampled_from(INJECTIONS),
    where=st.sampled_from(["ai_brief", "notes", "ai_outline.recommended_action"]),
    corrupt=st.booleans(),
)
def test_strings_that_imitate_the_hash_never_fool_the_line_path(
    seed: int, profile: str, injection: str, where: str, corrupt: bool
) -> None:
    record = fresh(seed, profile)
    meta = record["meta"]
    if where == "ai_brief":  # sorts before meta.hash in the canonical text
        meta["ai_brief"] = injection
    elif where == "notes":  # after it
        meta["notes"] = [injection, *meta["notes"][:3]]
    else:  # inside a nested object before it
        meta["ai_outline"]["recommended_action"] = injection
    meta["hash"] = rules.content_hash(record)
    if corrupt:
        meta["hash"] = DECOY if meta["hash"] != DECOY else "f" * 24
    text = rules.canonical_json(record)
    assert is_canonical(text, sized()(json.loads(text))[1])
    if not corrupt:
        blank = blank_hash(text, meta["hash"])
        assert blank is not None and rules.content_hash_of_json(blank) == meta["hash"]
    slow, fast = both_verdicts(text)
    assert slow == fast
    assert (slow == "ok") != corrupt
    if corrupt:
        assert "field meta.hash: does not match the content (recomputed" in fast


# --- both paths give the same verdict -----------------------------------------------------------


@settings(SETTINGS, max_examples=60)
@given(case=mutated())
def test_line_and_record_paths_agree_on_broken_records(case: tuple[str, Any]) -> None:
    _, record = case
    slow, fast = both_verdicts(rules.canonical_json(record))
    assert slow == fast


@settings(SETTINGS, max_examples=40)
@given(seed=SEEDS, profile=PROFILE, field=st.sampled_from(["title", "intro", "meta.summary", "meta.ai_brief"]))
def test_an_edit_after_hashing_is_caught_on_both_paths(seed: int, profile: str, field: str) -> None:
    record = fresh(seed, profile)
    if "." in field:
        record["meta"][field.split(".")[1]] += "!"
    else:
        record[field] += "!"
    slow, fast = both_verdicts(rules.canonical_json(record))
    assert slow == fast
    assert "field meta.hash: does not match the content" in fast


@settings(SETTINGS, max_examples=20)
@given(
    seed=SEEDS, profile=PROFILE, options=st.sampled_from([{"indent": 1}, {"sort_keys": False}, {"ensure_ascii": True}])
)
def test_a_valid_line_in_another_spelling_is_still_accepted(seed: int, profile: str, options: dict[str, Any]) -> None:
    record = fresh(seed, profile)
    kwargs: dict[str, Any] = {"sort_keys": True, "ensure_ascii": False, "separators": (",", ":"), **options}
    assert both_verdicts(json.dumps(record, **kwargs)) == ("ok", "ok")


@pytest.mark.parametrize(
    "spelling",
    [
        {"separators": (", ", ": ")},  # whitespace
        {"sort_keys": False},  # key order
        {"ensure_ascii": True},  # escapes
        {"duplicate": True},  # a repeated key
    ],
)
def test_a_hash_taken_over_a_non_canonical_spelling_is_refused(spelling: dict[str, Any]) -> None:
    """The trap the fast path must not fall into: a producer that hashed its own spelling."""
    record = fresh(19503, "hostile")
    record["meta"]["hash"] = ""
    if spelling.get("duplicate"):
        blank = '{"seed":0,' + rules.canonical_json(record)[1:]
    else:
        options: dict[str, Any] = {"sort_keys": True, "ensure_ascii": False, "separators": (",", ":")}
        options.update(spelling)
        if not options["sort_keys"]:
            record = {key: record[key] for key in reversed(record)}
        blank = json.dumps(record, **options)
    placeholder = re.search(r'"hash": ?""', blank)
    assert placeholder is not None
    digest = rules.content_hash_of_json(blank)
    text = blank[: placeholder.end() - 1] + digest + blank[placeholder.end() - 1 :]
    slow, fast = both_verdicts(text)
    assert slow == fast
    assert "field meta.hash: does not match the content" in fast


def test_a_lone_surrogate_is_a_record_error_naming_its_field() -> None:
    line = _line(5, "realistic")
    record = json.loads(line)
    text = line.replace(json.dumps(record["meta"]["ai_brief"], ensure_ascii=False), '"half \\ud800 a pair"', 1)
    slow, fast = both_verdicts(text)
    assert slow == fast
    assert "field meta.ai_brief: holds a lone surrogate at character 5" in fast
