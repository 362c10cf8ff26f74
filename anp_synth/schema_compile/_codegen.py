"""The fast path: a check function's Python source, generated from a :class:`Spec`, compiled once.

Leaf checks are inlined and each array gets one loop; a value that fails is handed to
:func:`~._explain.explain` for the words, so the generated code only decides.
"""

from __future__ import annotations

from typing import Any

from ._dialect import is_date, is_int
from ._explain import explain, index
from ._read import Spec
from ._sizes import generic_size


class _Emitter:
    """Builds the source of one check function, naming its constants and variables."""

    def __init__(self, *, sized: bool) -> None:
        self.sized = sized
        """Also add up the canonical size (see :func:`compile_sized`)."""
        self.counting = sized
        """False inside a value a generic walk has already sized."""
        self.lines: list[str] = []
        self.consts: dict[str, object] = {
            "_explain": explain,
            "_index": index,
            "_is_int": is_int,
            "_is_date": is_date,
            "_generic_size": generic_size,
        }
        self._names = 0

    def name(self, prefix: str) -> str:
        self._names += 1
        return f"{prefix}{self._names}"

    def const(self, value: object, prefix: str = "_c") -> str:
        key = self.name(prefix)
        self.consts[key] = value
        return key

    def emit(self, indent: int, line: str) -> None:
        self.lines.append("    " * indent + line)

    def fail(self, indent: int, path: tuple[str, ...], message: str) -> None:
        """``path`` holds source fragments (quoted keys, index expressions)."""
        where = "(" + "".join(p + ", " for p in path) + ")"
        self.emit(indent, f"return ({where}, {message})" + (", -1" if self.sized else ""))

    def fail_node(self, indent: int, path: tuple[str, ...], spec: Spec, var: str) -> None:
        self.fail(indent, path, f"_explain({self.const(spec, '_spec')}, {var})")

    def add(self, indent: int, size: str) -> None:
        if self.counting:
            self.emit(indent, f"_n += {size}")

    def generic_size(self, var: str, indent: int) -> bool:
        """Size ``var`` with the generic walk; True if sizing must pause below it."""
        if not self.counting:
            return False
        self.emit(indent, f"_c = _generic_size({var})")
        self.emit(indent, "if _c < 0:")
        self.emit(indent + 1, "_sorted = False")
        self.emit(indent, "_n += _c")
        self.counting = False
        return True


def _range_test(measure: str, low: int | None, high: int | None, *, length: bool) -> str | None:
    if length and low == 0:
        low = None
    if low is None and high is None:
        return None
    return "not " + " <= ".join(str(x) for x in (low, measure, high) if x is not None)


def _measured(em: _Emitter, spec: Spec, var: str) -> str:
    """``len(var)`` for a string or array node's length test; when sizing, also kept in ``_m``.

    The test sits unguarded in the node's ``or`` chain, so once the chain is false it ran and
    :func:`_gen_size` may reuse ``_m`` instead of measuring again.
    """
    return f"(_m := len({var}))" if em.counting and spec.kind in ("string", "array") else f"len({var})"


def _keeps_length(spec: Spec) -> bool:
    """Whether :func:`_failure_terms` left this node's length in ``_m`` (see :func:`_measured`)."""
    if spec.kind == "string":
        return _range_test("", spec.min_length, spec.max_length, length=True) is not None
    if spec.kind == "array":
        return _range_test("", spec.min_items, spec.max_items, length=True) is not None
    return False


def _failure_terms(em: _Emitter, spec: Spec, var: str) -> list[str]:
    """Expressions, joined by ``or``, true when ``var`` breaks this node's own keywords.

    Each term runs only once the earlier ones were false, so after the type term it may
    assume the type; terms of a type the node does not declare carry their own guard.
    """
    terms = []
    guards = {
        "string": f"isinstance({var}, str)",
        "integer": f"_is_int({var})",
        "array": f"isinstance({var}, list)",
        "object": f"isinstance({var}, dict)",
    }

    def guarded(kind: str, test: str) -> str:
        return test if spec.kind == kind else f"({guards[kind]} and {test})"

    if spec.kind == "integer":
        terms.append(f"({var}.__class__ is not int and not _is_int({var}))")
    elif spec.kind == "boolean":
        terms.append(f"({var} is not True and {var} is not False)")
    elif spec.kind is not None:
        terms.append(f"not {guards[spec.kind]}")
    if spec.const:
        value = spec.const[0]
        if isinstance(value, bool):
            terms.append(f"{var} is not {value!r}")
        elif isinstance(value, int):
            terms.append(f"not (_is_int({var}) and {var} == {value!r})")
        else:
            terms.append(f"not (isinstance({var}, str) and {var} == {value!r})")
    if spec.enum is not None:
        terms.append(f"not (isinstance({var}, str) and {var} in {{{', '.join(repr(v) for v in spec.enum)}}})")
    length = _range_test(_measured(em, spec, var), spec.min_length, spec.max_length, length=True)
    if length is not None:
        terms.append(guarded("string", f"({length})"))
    if spec.search is not None:
        terms.append(guarded("string", f"{em.const(spec.search, '_re')}({var}) is None"))
    if spec.date:
        terms.append(guarded("string", f"not _is_date({var})"))
    bounds = _range_test(var, spec.minimum, spec.maximum, length=False)
    if bounds is not None:
        terms.append(f"({bounds})")  # minimum/maximum imply type integer (checked by _read.read)
    count = _range_test(_measured(em, spec, var), spec.min_items, spec.max_items, length=True)
    if count is not None:
        terms.append(guarded("array", f"({count})"))
    return terms


def _gen(em: _Emitter, spec: Spec, var: str, path: tuple[str, ...], indent: int) -> None:
    """Emit the checks of ``spec`` on the value held in ``var`` (and, if sized, its size)."""
    terms = _failure_terms(em, spec, var)
    if terms:
        em.emit(indent, f"if {' or '.join(terms)}:")
        em.fail_node(indent + 1, path, spec, var)
    paused = _gen_size(em, spec, var, indent)
    if spec.items is not None:
        inner = indent if spec.kind == "array" else indent + 1
        if spec.kind != "array":
            em.emit(indent, f"if isinstance({var}, list):")
        item = em.name("v")
        em.emit(inner, f"for {item} in {var}:")
        _gen(em, spec.items, item, (*path, f"_index({var}, {item})"), inner + 1)
    if spec.kind == "object" or spec.properties or spec.required or spec.closed:
        _gen_object(em, spec, var, path, indent)
    if spec.one_of:
        _gen_one_of(em, spec, var, path, indent)
    if paused:
        em.counting = True


def _gen_size(em: _Emitter, spec: Spec, var: str, indent: int) -> bool:
    """Add this node's own share of the canonical size; True if a generic walk took the subtree.

    Runs once the node's checks passed, so the value has the node's type.
    """
    const = spec.const[0] if spec.const else None
    size = "_m" if _keeps_length(spec) else f"len({var})"
    if isinstance(const, bool):
        em.add(indent, "4" if const else "5")
    elif isinstance(const, int):
        em.add(indent, str(len(str(const))))
    elif isinstance(const, str):
        em.add(indent, str(len(const) + 2))
    elif spec.kind == "string" or spec.enum is not None:
        em.add(indent, f"{size} + 2")
    elif spec.kind == "integer":
        em.add(indent, f"len(str({var}))")
    elif spec.kind == "boolean":
        em.add(indent, f"4 if {var} is True else 5")
    elif spec.kind == "array" and spec.items is not None:
        em.add(indent, f"{size} + 1 if {size} else 2")
    elif spec.kind == "object" or spec.tag is not None:
        pass  # _gen_object or the chosen alternative sizes it
    else:
        return em.generic_size(var, indent)
    return False


def _gen_object(em: _Emitter, spec: Spec, var: str, path: tuple[str, ...], indent: int) -> None:
    inner = indent
    if spec.kind != "object":
        em.emit(indent, f"if isinstance({var}, dict):")
        inner = indent + 1
    paused = False
    if spec.exact:
        allowed = em.const(spec.allowed)
        if em.counting:
            # Sorted keys are canonical JSON's order; one list comparison checks the key set too.
            keys = sorted(k for k, _ in spec.properties)
            em.emit(inner, f"if list({var}) != {em.const(keys, '_order')}:")
            em.emit(inner + 1, f"if {var}.keys() != {allowed}:")
            em.fail_node(inner + 2, path, spec, var)
            em.emit(inner + 1, "_sorted = False")
            # braces, commas, and each key with its quotes and colon
            em.add(inner, str((1 + len(keys) if keys else 2) + sum(len(k) + 3 for k in keys)))
        else:
            em.emit(inner, f"if {var}.keys() != {allowed}:")
            em.fail_node(inner + 1, path, spec, var)
    else:
        paused = em.generic_size(var, inner)
        if spec.required:
            em.emit(inner, f"for _k in {em.const(spec.required)}:")
            em.emit(inner + 1, f"if _k not in {var}:")
            em.fail_node(inner + 2, path, spec, var)
        if spec.closed:
            em.emit(inner, f"for _k in {var}:")
            em.emit(inner + 1, f"if _k not in {em.const(spec.allowed)}:")
            em.fail_node(inner + 2, path, spec, var)
    for key, sub in spec.properties:
        child = em.name("v")
        if key in spec.required:
            em.emit(inner, f"{child} = {var}[{key!r}]")
            _gen(em, sub, child, (*path, repr(key)), inner)
        else:
            em.emit(inner, f"if {key!r} in {var}:")
            em.emit(inner + 1, f"{child} = {var}[{key!r}]")
            _gen(em, sub, child, (*path, repr(key)), inner + 1)
    if paused:
        em.counting = True


def _gen_one_of(em: _Emitter, spec: Spec, var: str, path: tuple[str, ...], indent: int) -> None:
    if spec.tag is not None:
        # Each alternative requires the tag to equal its own const, so at most one can hold.
        tag = em.name("t")
        em.emit(indent, f"{tag} = {var}.get({spec.tag!r}) if isinstance({var}, dict) else None")
        keyword = "if"
        for alt in spec.one_of:
            value = dict(alt.properties)[spec.tag].const[0]
            em.emit(indent, f"{keyword} {tag} == {value!r} and isinstance({tag}, str):")
            _gen(em, alt, var, path, indent + 1)
            keyword = "elif"
        em.emit(indent, "else:")
        em.fail_node(indent + 1, path, spec, var)
        return
    # General case: count the alternatives that hold, each compiled as its own function.
    checks = [em.const(compile_spec(alt, sized=False), "_alt") for alt in spec.one_of]
    count = em.name("n")
    em.emit(indent, f"{count} = " + " + ".join(f"({c}({var}) is None)" for c in checks))
    em.emit(indent, f"if {count} != 1:")
    em.fail(
        indent + 1,
        path,
        f"_explain({em.const(spec, '_spec')}, {var}) if {count} == 0 "
        f"else repr({var})[:80] + ' is valid under each of ' + str({count}) + ' schemas'",
    )


def compile_spec(spec: Spec, *, sized: bool) -> Any:
    em = _Emitter(sized=sized)
    em.emit(0, "def check(v0):")
    if sized:
        em.emit(1, "_n = 0")
        em.emit(1, "_sorted = True")
    _gen(em, spec, "v0", (), 1)
    em.emit(1, "return None, (_n if _sorted else -1)" if sized else "return None")
    source = "\n".join(em.lines) + "\n"
    namespace: dict[str, Any] = dict(em.consts)
    exec(compile(source, f"<compiled schema {spec.where}>", "exec"), namespace)
    check = namespace["check"]
    check.__doc__ = source  # the generated code, for whoever debugs a verdict
    return check
