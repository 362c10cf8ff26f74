"""The committed golden data set in fixtures/ is exactly what the generator makes today.

A failure here means the generator's output changed. Records of one generator version never
change (users diff and re-import them), so a deliberate change needs a new
``GENERATOR_VERSION`` first; only then is the set rebuilt (fixtures/README.md).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from anp_synth import generate
from anp_synth.errors import RecordError
from anp_synth.fixtures import read_manifest, verify_data_set
from anp_synth.presets import preset
from anp_synth.rules import GENERATOR_VERSION

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def _changed_fields(old: object, new: object, path: str = "") -> set[str]:
    """The dotted paths at which two decoded records differ (a list counts as one value)."""
    if isinstance(old, dict) and isinstance(new, dict):
        return {
            changed
            for key in old.keys() | new.keys()
            for changed in _changed_fields(old.get(key), new.get(key), f"{path}.{key}" if path else key)
        }
    return set() if old == new else {path}


def _what_changed(manifest_version: str) -> str:
    """Which records and fields of the golden set a fresh generation changes, and what that requires."""
    committed = [json.loads(line) for line in (FIXTURES / "articles.jsonl").read_text(encoding="utf-8").splitlines()]
    fresh = list(generate(seed=19503, count=100, profile="realistic"))
    differing = [(a, b) for a, b in zip(committed, fresh, strict=False) if a != b]
    fields = sorted({field for a, b in differing for field in _changed_fields(a, b)})
    if len(committed) != len(fresh):
        fields.append(f"record count {len(committed)} -> {len(fresh)}")
    seeds = [a.get("seed") for a, _ in differing]
    summary = (
        f"{len(differing)} of {len(fresh)} records changed (seeds {seeds[:5]}{' ...' if len(seeds) > 5 else ''}), "
        f"in: {', '.join(fields) or 'bytes only'}."
    )
    if manifest_version == GENERATOR_VERSION:
        return (
            f"{summary}\nThe generator's output changed but GENERATOR_VERSION is still {GENERATOR_VERSION}: "
            "records of one generator version must never change (users diff and re-import them). "
            "If this is a bug, fix it; if it is a deliberate change to a rule or to the records, it needs "
            "a new GENERATOR_VERSION in anp_synth/rules.py (and the README's rule text), and only then a "
            "rebuilt golden set: `.venv/bin/anp-synth fixtures build small fixtures` (fixtures/README.md)."
        )
    return (
        f"{summary}\nThe golden set is generator {manifest_version}, this is {GENERATOR_VERSION}: after a "
        "deliberate version change, rebuild it with `.venv/bin/anp-synth fixtures build small fixtures` "
        "and commit it with the change (fixtures/README.md)."
    )


def test_the_golden_set_matches_a_fresh_generation() -> None:
    try:
        manifest = verify_data_set(FIXTURES)
    except RecordError as exc:
        drift: RecordError | None = exc
    else:
        drift = None
    if drift is not None:
        pytest.fail(f"{drift}\n{_what_changed(read_manifest(FIXTURES).generator_version)}", pytrace=False)
    assert manifest.count == 100


def test_a_failure_says_what_changed_and_that_a_rule_change_needs_a_new_version() -> None:
    message = _what_changed(GENERATOR_VERSION)
    assert message.startswith("0 of 100 records changed")
    changed = _changed_fields(
        {"title": "a", "meta": {"hash": "1", "seed": 2}}, {"title": "b", "meta": {"hash": "3", "seed": 2}}
    )
    assert changed == {"title", "meta.hash"}
    assert "needs a new GENERATOR_VERSION" in message and "must never change" in message


def test_the_golden_set_is_the_small_preset_from_seed_19503() -> None:
    manifest = read_manifest(FIXTURES)
    spec = preset("small")
    assert (manifest.first_seed, manifest.count, manifest.profile) == (19503, 100, "realistic")
    assert (manifest.first_seed, manifest.count, manifest.profile) == (spec.seed, spec.count, spec.profile)


def test_the_manifest_digest_is_a_plain_sha256_of_the_file() -> None:
    manifest = read_manifest(FIXTURES)
    data = (FIXTURES / manifest.file).read_bytes()
    assert manifest.digest == "sha256:" + hashlib.sha256(data).hexdigest()
    assert manifest.bytes == len(data)
    lines = data.decode("utf-8").splitlines()
    assert [json.loads(line)["seed"] for line in lines] == list(range(19503, 19603))


def test_the_readme_names_the_command_that_rebuilds_the_set() -> None:
    readme = (FIXTURES / "README.md").read_text(encoding="utf-8")
    assert "anp-synth fixtures build small fixtures" in readme
    assert read_manifest(FIXTURES).rebuild == "anp-synth fixtures build small DIR"
