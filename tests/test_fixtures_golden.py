"""The committed golden data set in fixtures/ is exactly what the generator makes today.

A failure here means the generator's output changed. If that was deliberate, rebuild the
set with the command in fixtures/README.md and commit it with the change.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from anp_synth.errors import RecordError
from anp_synth.manifest import read_manifest, verify_data_set
from anp_synth.presets import preset

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def test_the_golden_set_matches_a_fresh_generation() -> None:
    try:
        manifest = verify_data_set(FIXTURES)
    except RecordError as drift:
        pytest.fail(
            f"{drift}\nIf this change to the output is deliberate, rebuild the golden set with "
            "`.venv/bin/anp-synth fixtures build small fixtures` and commit it (fixtures/README.md).",
            pytrace=False,
        )
    assert manifest.count == 100


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
