"""The README's "How the code is laid out" tree is the package as it is: every module, no other."""

from __future__ import annotations

import re

from .docs import ROOT, section


def _listed() -> set[str]:
    """Paths the tree names, from its indentation (two spaces a level)."""
    _, text, _ = section("layout")
    tree = text.split("```", 2)[1].splitlines()[1:]
    paths: set[str] = set()
    stack: list[str] = []
    for line in tree:
        name = line.split()[0] if line.strip() else ""
        if not name:
            continue
        depth = (len(line) - len(line.lstrip(" "))) // 2
        stack[depth:] = [name.rstrip("/")]
        if not name.endswith("/"):
            paths.add("/".join(stack))
    return paths


def test_the_tree_in_the_readme_lists_every_module_of_the_package() -> None:
    package = ROOT / "anp_synth"
    actual = {
        str(p.relative_to(ROOT))
        for p in package.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and re.search(r"\.(py|toml|typed)$", p.name)
    }
    listed = _listed()
    assert sorted(actual - listed) == [], "modules missing from README's 'How the code is laid out'"
    assert sorted(listed - actual) == [], "README's tree names modules that do not exist"
