"""Mutation check: plant small bugs in a few modules and see whether the tests notice.

For each target module, the script lists candidate mutations in the code (operator swaps,
constant changes, dropped statements, negations removed), picks a fixed sample of them (the
same every run for the same source), and for each one runs the target's tests against a
copy of the repository holding the mutant. A mutant is *killed* when a test fails (or the
run times out), and *survives* when every test passes. Every survivor must be either killed
by a test or explained in EXPLAINED below; an unexplained survivor makes the script exit 1.

    .venv/bin/python benchmarks/mutation_check.py              # all targets
    .venv/bin/python benchmarks/mutation_check.py --list       # the sampled mutants, not run
    .venv/bin/python benchmarks/mutation_check.py --target compare --jobs 1

The repository copy lives in a temporary directory and is imported through PYTHONPATH,
so the working tree is never modified, even if the script is killed. Tests run without
PostgreSQL (``-m "not postgres and not slow"``): every bug planted here must be caught on
a machine without a server.

To add or move a target, edit TARGETS: a module path, the tests that should catch its bugs,
optionally the functions to mutate (all code outside docstrings otherwise) and how many
mutants to sample.
"""

from __future__ import annotations

import argparse
import ast
import copy
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COPIED = ("anp_synth", "tests", "fixtures", "schemas", "docs", "pyproject.toml", "README.md")
PYTEST_ARGS = ("-x", "-q", "-p", "no:cacheprovider", "-m", "not postgres and not slow", "--no-header")
TIMEOUT_S = 300


@dataclass(frozen=True)
class Target:
    name: str
    path: str
    tests: tuple[str, ...]
    functions: tuple[str, ...] | None = None
    sample: int = 15


def _url_target() -> Target:
    """The URL redaction: in anp_synth/dburl.py once it exists there, in db/connect.py before."""
    if (ROOT / "anp_synth" / "dburl.py").exists():
        tests = tuple(
            t
            for t in ("tests/test_dburl.py", "tests/test_redaction.py", "tests/test_url_redaction_unit.py")
            if (ROOT / t).exists()
        )
        return Target("url", "anp_synth/dburl.py", tests, ("redact", "scrub", "mask_secrets", "_mask_grams"), 14)
    return Target(
        "url",
        "anp_synth/db/connect.py",
        ("tests/test_url_redaction_unit.py", "tests/test_import_faults.py"),
        ("parse_url", "_redact_raw", "redact", "scrub", "describe_error"),
        14,
    )


TARGETS: tuple[Target, ...] = (
    Target("encode", "anp_synth/db/encode.py", ("tests/test_stored_rows.py",), ("_meta_value", "flatten_meta", "_encode", "sections_json", "canonical_sections"), 16),
    Target("rules", "anp_synth/rules.py", ("tests/test_rules_independent.py", "tests/test_references.py", "tests/test_generate_properties.py", "tests/test_word_count.py", "tests/test_rules_unit.py"), None, 16),
    _url_target(),
    Target("compare", "anp_synth/bench/compare.py", ("tests/test_bench_compare.py",), ("quantile_interval", "relative_spread", "_delta", "_judge", "_per_second", "_latency_metric", "_rate_metric", "compare_reports", "verdict", "worst_regression_pct", "regressions"), 20),
)  # fmt: skip

EXPLAINED: dict[str, str] = {
    # key: "<target>: <function>: <mutation> [line N]" as printed by --list; value: why no test kills it.
    # Keys name the line, so an edit of the module above a mutant drops its explanation: the
    # survivor is then reported again and must be looked at again.
    "encode: _meta_value: drop statement `raise TypeError(f'unexpected {type(value).__name__}')` [line 56]": (
        "equivalent: the None it then returns fails the NUL scan of the same row with a TypeError, "
        "which becomes the same RecordError (a record of a file or a caller is always scanned; "
        "generated and canonical records never hold another type)"
    ),
    "encode: sections_json: Lt -> LtE in `start < 0` [line 92]": (
        "equivalent: `start <= 0` differs from `start < 0` only when the key is found at offset 0, "
        "and a JSON object line starts with '{', so the key is never there"
    ),
    "encode: canonical_sections: drop statement `return sections_json(line)` [line 110]": (
        "equivalent in what is stored: without the cut-out body the encoder serialises `sections` "
        "itself, to the same canonical text (the shortcut only saves that time)"
    ),
    "encode: _encode: drop statement `batch.nbytes += sum((len(v) for v in row if type(v) is st...` [line 180]": (
        "nbytes feeds only the report's MB/s, never a stored row (the encoder's target tests check rows)"
    ),
    "encode: _encode: Is -> IsNot in `type(v) is str` [line 180]": (
        "nbytes feeds only the report's MB/s, never a stored row (the encoder's target tests check rows)"
    ),
    "encode: sections_json: 0 -> 1 [line 94]": (
        "equivalent: `start < 1` differs from `start < 0` only when the key is found at offset 0, "
        "and a JSON object line starts with '{', so the key is never there"
    ),
    "compare: worst_regression_pct: Gt -> GtE in `self.errors_after > self.errors_before` [line 80]": (
        "equivalent: with as many errors after as before, the term it lets in is "
        "100 x (after / before - 1) = 0 (and 0 errors never pass the 1% test), so the worst is unchanged"
    ),
    "url: _mask_grams: Sub -> Add in `len(text) - _FRAGMENT` [line 399]": (
        "equivalent: the extra start positions lie past the last full 4-character piece, where a "
        "slice is shorter than a piece and never matches one"
    ),
    "url: _redact_raw: 1 -> 2 [line 69]": (
        "equivalent: the first field of `rest.split(':', n)` is the same for any n >= 1"
    ),
}


# --- finding mutations --------------------------------------------------------------------------

_SWAPS: dict[type, type] = {
    ast.Add: ast.Sub, ast.Sub: ast.Add, ast.Mult: ast.FloorDiv, ast.Div: ast.Mult, ast.FloorDiv: ast.Mult,
    ast.Mod: ast.FloorDiv, ast.Pow: ast.Mult, ast.LShift: ast.RShift, ast.RShift: ast.LShift,
    ast.BitOr: ast.BitAnd, ast.BitAnd: ast.BitOr,
    ast.Lt: ast.LtE, ast.LtE: ast.Lt, ast.Gt: ast.GtE, ast.GtE: ast.Gt, ast.Eq: ast.NotEq, ast.NotEq: ast.Eq,
    ast.In: ast.NotIn, ast.NotIn: ast.In, ast.Is: ast.IsNot, ast.IsNot: ast.Is,
    ast.And: ast.Or, ast.Or: ast.And,
}  # fmt: skip


@dataclass(frozen=True)
class Mutation:
    index: int  # position in the walk order of candidates: how the mutant is rebuilt
    function: str
    description: str
    line: int

    def key(self, target: Target) -> str:
        return f"{target.name}: {self.function}: {self.description} [line {self.line}]"


def _docstring_nodes(tree: ast.Module) -> set[int]:
    ids = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                ids.add(id(body[0].value))
    return ids


def _annotation_nodes(tree: ast.Module) -> set[int]:
    """Nodes inside type annotations: never evaluated (``from __future__ import annotations``)."""
    roots: list[ast.AST] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.arg | ast.AnnAssign) and node.annotation is not None:
            roots.append(node.annotation)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.returns is not None:
            roots.append(node.returns)
    return {id(n) for root in roots for n in ast.walk(root)}


def _candidates(tree: ast.Module, functions: tuple[str, ...] | None) -> Iterator[tuple[ast.AST, str, str, object]]:
    """(node, function name, description, change) for every mutable spot, in a fixed walk order."""
    docstrings = _docstring_nodes(tree) | _annotation_nodes(tree)

    def walk(node: ast.AST, function: str) -> Iterator[tuple[ast.AST, str, str, object]]:
        for child in ast.iter_child_nodes(node):
            name = function
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
                name = child.name
            in_scope = functions is None or name in functions
            if in_scope and name != "<module>" and id(child) not in docstrings:
                yield from _mutations_of(child, name, docstrings)
            yield from walk(child, name)

    yield from walk(tree, "<module>")


def _mutations_of(node: ast.AST, function: str, docstrings: set[int]) -> Iterator[tuple[ast.AST, str, str, object]]:
    src = _short(node)
    if isinstance(node, ast.BinOp | ast.BoolOp | ast.AugAssign) and type(node.op) in _SWAPS:
        new = _SWAPS[type(node.op)]
        yield node, function, f"{type(node.op).__name__} -> {new.__name__} in `{src}`", ("op", new)
    elif isinstance(node, ast.Compare):
        for i, op in enumerate(node.ops):
            if type(op) in _SWAPS:
                new = _SWAPS[type(op)]
                yield node, function, f"{type(op).__name__} -> {new.__name__} in `{src}`", ("cmp", i, new)
    elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
        yield node, function, f"drop `not` in `{src}`", ("not",)
    elif isinstance(node, ast.Constant) and id(node) not in docstrings:
        value = node.value
        if isinstance(value, bool):
            yield node, function, f"{value} -> {not value}", ("const", not value)
        elif isinstance(value, int | float) and not isinstance(value, bool):
            yield node, function, f"{value!r} -> {value + 1!r}", ("const", value + 1)
        elif isinstance(value, str) and 0 < len(value) <= 4:
            # Short strings are separators and codes ("1", "***", ".", "://"); longer ones are
            # messages and dictionary keys, whose mutants any test that runs them kills.
            yield node, function, f"{value!r} -> {value + 'X'!r}", ("const", value + "X")
    # Dropping a plain assignment only raises NameError; dropping a call, a check, an
    # update or a return changes what the code does.
    droppable = ast.Expr | ast.AugAssign | ast.If | ast.Return | ast.Raise | ast.For
    if isinstance(node, droppable):
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            return
        yield node, function, f"drop statement `{src}`", ("drop",)


def _short(node: ast.AST) -> str:
    text = ast.unparse(node).replace("\n", " ")
    return text if len(text) <= 60 else text[:57] + "..."


def mutations(target: Target) -> list[Mutation]:
    tree = ast.parse((ROOT / target.path).read_text(encoding="utf-8"))
    found = [
        Mutation(i, function, description, getattr(node, "lineno", 0))
        for i, (node, function, description, _) in enumerate(_candidates(tree, target.functions))
    ]
    rng = random.Random(f"{target.name}:{len(found)}")
    picked = rng.sample(found, min(target.sample, len(found)))
    return sorted(picked, key=lambda m: m.index)


def mutant_source(target: Target, mutation: Mutation) -> str:
    tree = ast.parse((ROOT / target.path).read_text(encoding="utf-8"))
    for i, (node, _, _, change) in enumerate(_candidates(tree, target.functions)):
        if i == mutation.index:
            _apply(tree, node, change)
            return ast.unparse(ast.fix_missing_locations(tree))
    raise LookupError(f"mutation {mutation.index} not found in {target.path}")


def _apply(tree: ast.Module, node: ast.AST, change: object) -> None:
    kind, *args = change  # type: ignore[misc]
    if kind == "op":
        node.op = args[0]()  # type: ignore[attr-defined]
    elif kind == "cmp":
        node.ops[args[0]] = args[1]()  # type: ignore[attr-defined]
    elif kind == "const":
        node.value = args[0]  # type: ignore[attr-defined]
    elif kind == "not":
        _replace(tree, node, node.operand)  # type: ignore[attr-defined]
    elif kind == "drop":
        _replace(tree, node, ast.Pass())


def _replace(tree: ast.Module, old: ast.AST, new: ast.AST) -> None:
    for parent in ast.walk(tree):
        for field, value in ast.iter_fields(parent):
            if isinstance(value, list):
                for i, item in enumerate(value):
                    if item is old:
                        value[i] = copy.copy(new)
                        return
            elif value is old:
                setattr(parent, field, new)
                return


# --- running ------------------------------------------------------------------------------------


def make_copy(base: Path) -> Path:
    repo = base / "repo"
    repo.mkdir()
    for name in COPIED:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, repo / name, ignore=shutil.ignore_patterns("__pycache__", ".hypothesis"))
        elif src.exists():
            shutil.copy2(src, repo / name)
    return repo


def run_tests(repo: Path, tests: tuple[str, ...]) -> tuple[str, float]:
    """("passed" | "failed" | "timeout", seconds) of the tests against the copy in ``repo``."""
    env = {**os.environ, "PYTHONPATH": str(repo), "PYTHONDONTWRITEBYTECODE": "1"}
    env.pop("ANP_REQUIRE_POSTGRES", None)
    start = time.monotonic()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "pytest", *PYTEST_ARGS, *tests],
            cwd=repo,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            timeout=TIMEOUT_S,
        )
    except subprocess.TimeoutExpired:
        return "timeout", time.monotonic() - start
    # 5: no tests collected (all deselected) is not a pass
    return ("passed" if done.returncode == 0 else "failed"), time.monotonic() - start


def check_copy_is_imported(repo: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(repo)}
    out = subprocess.run(
        [sys.executable, "-c", "import anp_synth; print(anp_synth.__file__)"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    if not out.startswith(str(repo)):
        raise SystemExit(f"the copy is not what gets imported ({out}): mutants would not be tested")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--list", action="store_true", help="list the sampled mutants and exit")
    parser.add_argument("--target", action="append", help="only these targets (by name)")
    args = parser.parse_args()
    targets = [t for t in TARGETS if not args.target or t.name in args.target]

    if args.list:
        for target in targets:
            for m in mutations(target):
                print(m.key(target))
        return 0

    killed = survived = 0
    unexplained: list[str] = []
    with tempfile.TemporaryDirectory(prefix="anp-mutation-") as tmp:
        repo = make_copy(Path(tmp))
        check_copy_is_imported(repo)
        for target in targets:
            original = (ROOT / target.path).read_text(encoding="utf-8")
            mutated_path = repo / target.path
            # The untouched module, through the same unparse: its tests must pass, or nothing below means anything.
            mutated_path.write_text(ast.unparse(ast.parse(original)), encoding="utf-8")
            baseline, seconds = run_tests(repo, target.tests)
            print(
                f"== {target.name} ({target.path}; tests: {' '.join(target.tests)}): baseline {baseline} in {seconds:.0f} s"
            )
            if baseline != "passed":
                print(f"   the tests fail without any mutation: {target.name} skipped")
                unexplained.append(f"{target.name}: baseline {baseline}")
                continue
            for m in mutations(target):
                mutated_path.write_text(mutant_source(target, m), encoding="utf-8")
                outcome, seconds = run_tests(repo, target.tests)
                key = m.key(target)
                if outcome == "passed":
                    survived += 1
                    why = EXPLAINED.get(key)
                    print(f"   SURVIVED {key}" + (f"\n            explained: {why}" if why else "  <-- UNEXPLAINED"))
                    if why is None:
                        unexplained.append(key)
                else:
                    killed += 1
                    print(f"   killed   {key} ({outcome}, {seconds:.0f} s)")
            mutated_path.write_text(original, encoding="utf-8")
    total = killed + survived
    rate = 100.0 * killed / total if total else 0.0
    print(f"\n{killed} of {total} mutants killed ({rate:.1f}%); {survived} survived, {len(unexplained)} unexplained")
    for key in unexplained:
        print(f"  unexplained: {key}")
    return 1 if unexplained else 0


if __name__ == "__main__":
    sys.exit(main())
