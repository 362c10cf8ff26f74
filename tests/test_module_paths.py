"""The documented import paths keep naming the same objects after modules were renamed.

README examples and users' code import ``anp_synth.parallel`` and ``anp_synth.manifest``;
the code lives in ``anp_synth.dataset`` and ``anp_synth.fixtures``. An old path that
named a copy (or nothing) would break those users or let the two drift apart.
"""

from __future__ import annotations

import importlib

import pytest


@pytest.mark.parametrize(
    ("old", "new"), [("anp_synth.parallel", "anp_synth.dataset"), ("anp_synth.manifest", "anp_synth.fixtures")]
)
def test_an_old_module_path_re_exports_every_public_name_of_its_new_home(old: str, new: str) -> None:
    old_module = importlib.import_module(old)
    new_module = importlib.import_module(new)
    assert set(new_module.__all__) <= set(old_module.__all__)
    for name in old_module.__all__:
        assert getattr(old_module, name) is getattr(new_module, name), name
