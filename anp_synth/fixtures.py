"""Write a data set with a manifest, and verify one against a fresh generation.

A team commits ``articles.jsonl`` and ``manifest.json`` to its repository; ``verify``
regenerates the window the manifest names and compares byte for byte, so any drift (a
hand edit, a new generator) is noticed and names the first record that differs.
The manifest's digest is the sha256 of the data file's bytes: anyone can check it with
``sha256sum`` without anp-synth.
"""

from __future__ import annotations

import hashlib
import json
import os
import shlex
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, BinaryIO

from . import __version__
from .errors import InvalidArgument, OutputError, RecordError
from .formats.output import atomic_output
from .generator import generate_lines
from .model import SCHEMA_VERSION
from .presets import DataSetSpec
from .rules import GENERATOR_NAME, GENERATOR_VERSION

__all__ = [
    "DATA_FILE",
    "MANIFEST_FILE",
    "MANIFEST_VERSION",
    "Manifest",
    "build_data_set",
    "read_manifest",
    "rebuild_command",
    "verify_data_set",
]

DATA_FILE = "articles.jsonl"
MANIFEST_FILE = "manifest.json"
MANIFEST_VERSION = 1
"""Version of the manifest's own layout; a reader refuses a newer one rather than guess."""


@dataclass(frozen=True)
class Manifest:
    """What ``manifest.json`` holds: enough to regenerate the data set and check it."""

    manifest_version: int
    file: str
    digest: str
    bytes: int
    count: int
    first_seed: int
    last_seed: int
    profile: str
    preset: str | None
    generator: str
    generator_version: str
    schema_version: int
    anp_synth_version: str
    rebuild: str

    @property
    def spec(self) -> DataSetSpec:
        return DataSetSpec(seed=self.first_seed, count=self.count, profile=self.profile, preset=self.preset)

    def to_json(self) -> str:
        return json.dumps(asdict(self), indent=2, sort_keys=True) + "\n"


def rebuild_command(spec: DataSetSpec, directory: str | os.PathLike[str]) -> str:
    """The CLI line that rebuilds ``spec`` into ``directory``, as it was given (a preset's own
    default, ``fixtures/NAME``, is left out), ready to paste."""
    where = os.fspath(directory)
    target = "" if spec.preset is not None and where == f"fixtures/{spec.preset}" else f" {shlex.quote(where)}"
    if spec.preset is not None:
        extra = "" if spec.profile == "realistic" else f" --profile {spec.profile}"
        return f"anp-synth fixtures build {spec.preset}{extra}{target}"
    return f"anp-synth fixtures build --seed {spec.seed} --count {spec.count} --profile {spec.profile}{target}"


def build_data_set(spec: DataSetSpec, directory: str | os.PathLike[str]) -> Manifest:
    """Write ``articles.jsonl`` then ``manifest.json`` into ``directory``, each atomically.

    Each file goes through :func:`~anp_synth.formats.output.atomic_output` (a temporary
    name, renamed when complete), so an interrupted build never leaves a file that looks
    whole; the manifest is written last.
    """
    target = Path(directory)
    try:
        target.mkdir(parents=True, exist_ok=True)
    except (OSError, ValueError) as exc:  # ValueError: a NUL byte in the name
        raise OutputError(f"cannot create {target}: {getattr(exc, 'strerror', None) or exc}") from None
    digest = hashlib.sha256()
    size = 0
    with atomic_output(str(target / DATA_FILE), compress=False) as out:
        for line in generate_lines(seed=spec.seed, count=spec.count, profile=spec.profile):
            data = line.encode("utf-8") + b"\n"
            digest.update(data)
            size += len(data)
            out.write(data)
    manifest = Manifest(
        manifest_version=MANIFEST_VERSION,
        file=DATA_FILE,
        digest=f"sha256:{digest.hexdigest()}",
        bytes=size,
        count=spec.count,
        first_seed=spec.seed,
        last_seed=spec.last_seed,
        profile=spec.profile,
        preset=spec.preset,
        generator=GENERATOR_NAME,
        generator_version=GENERATOR_VERSION,
        schema_version=SCHEMA_VERSION,
        anp_synth_version=__version__,
        rebuild=rebuild_command(spec, directory),
    )
    with atomic_output(str(target / MANIFEST_FILE), compress=False) as out:
        out.write(manifest.to_json().encode("utf-8"))
    return manifest


def read_json_object(
    read: Callable[[], bytes],
    source: str,
    *,
    missing: str,
    absent: tuple[type[OSError], ...] = (FileNotFoundError,),
) -> dict[str, Any]:
    """The JSON object ``read()`` returns, for a manifest: a missing file (``absent``) is an
    InvalidArgument saying ``missing`` (the user named the wrong place); a file that cannot be
    read, is not JSON or not an object is a RecordError naming ``source``. Shared with the
    cluster's parts manifest, so that both say the same of the same fault."""
    try:
        raw = json.loads(read().decode("utf-8"))
    except absent:
        raise InvalidArgument(missing) from None
    except OSError as exc:
        raise RecordError(f"cannot read: {exc.strerror or exc}", source=source) from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise RecordError(f"not valid JSON ({exc})", source=source) from None
    except RecursionError:  # "[[[[..." deeper than the parser goes: a file someone put there
        raise RecordError("not valid JSON (nested too deeply)", source=source) from None
    if not isinstance(raw, dict):
        raise RecordError("expected a JSON object", source=source)
    return raw


def read_manifest(directory: str | os.PathLike[str]) -> Manifest:
    """Load and check ``manifest.json``; a newer layout, schema or generator is refused by name."""
    path = Path(directory) / MANIFEST_FILE
    source = str(path)
    raw = read_json_object(
        path.read_bytes,
        source,
        missing=f"{source} not found: build a data set there first with `anp-synth fixtures build`",
    )
    _refuse_newer(raw, "manifest_version", MANIFEST_VERSION, source)
    _refuse_newer(raw, "schema_version", SCHEMA_VERSION, source)
    generator_version = raw.get("generator_version")
    if isinstance(generator_version, str) and _version_key(generator_version, source) > _version_key(
        GENERATOR_VERSION, "this anp-synth"
    ):
        raise RecordError(
            f"{generator_version!r} is newer than this anp-synth's generator ({GENERATOR_VERSION}): "
            "upgrade anp-synth to verify this data set",
            source=source,
            field="generator_version",
        )
    fields = Manifest.__dataclass_fields__
    missing = [name for name in fields if name not in raw]
    if missing:
        raise RecordError(f"missing {', '.join(missing)}", source=source)
    expected: dict[str, tuple[type, ...]] = {
        "manifest_version": (int,),
        "bytes": (int,),
        "count": (int,),
        "first_seed": (int,),
        "last_seed": (int,),
        "schema_version": (int,),
        "preset": (str, type(None)),
    }
    for name in fields:
        kinds = expected.get(name, (str,))
        value = raw[name]
        if not isinstance(value, kinds) or isinstance(value, bool):
            raise RecordError(f"has the wrong type ({value!r})", source=source, field=name)
    manifest = Manifest(**{name: raw[name] for name in fields})
    if manifest.last_seed != manifest.first_seed + manifest.count - 1:
        raise RecordError(
            f"last_seed {manifest.last_seed} does not match first_seed {manifest.first_seed} "
            f"and count {manifest.count}",
            source=source,
            field="last_seed",
        )
    try:
        manifest.spec  # noqa: B018 - checks seed, count and profile against the generator's limits
    except InvalidArgument as exc:
        raise RecordError(str(exc), source=source) from None
    if "\0" in manifest.file:
        raise RecordError(f"{manifest.file!r} holds a NUL byte, which no file name can", source=source, field="file")
    if manifest.file in ("", ".", "..") or Path(manifest.file).name != manifest.file:
        raise RecordError(
            f"{manifest.file!r} must be a file name inside the data set's directory", source=source, field="file"
        )
    return manifest


def _refuse_newer(raw: dict[str, Any], field: str, ours: int, source: str) -> None:
    value = raw.get(field)
    if isinstance(value, int) and not isinstance(value, bool) and value > ours:
        raise RecordError(
            f"{value!r} is newer than this anp-synth understands ({ours}): upgrade anp-synth to verify this data set",
            source=source,
            field=field,
        )


def _version_key(version: str, source: str) -> tuple[int, ...]:
    try:
        return tuple(int(part) for part in version.split("."))
    except ValueError:
        raise RecordError(f"{version!r} is not a version number", source=source, field="generator_version") from None


def verify_data_set(directory: str | os.PathLike[str]) -> Manifest:
    """Regenerate what the manifest names and compare it, byte for byte, with the data file.

    Raises :class:`RecordError` naming the first record (line and seed, and the first field)
    that differs, or the manifest field that no longer agrees. Returns the manifest when all
    of it matches.
    """
    manifest = read_manifest(directory)
    spec = manifest.spec
    data_path = Path(directory) / manifest.file
    source = str(data_path)
    fresh_digest = hashlib.sha256()
    try:
        handle = open(data_path, "rb")  # noqa: SIM115 - closed in the finally below
    except OSError as exc:
        raise RecordError(f"cannot open: {exc.strerror or exc}", source=source) from None
    except ValueError as exc:  # a name the OS cannot take at all, which read_manifest should have refused
        raise RecordError(
            f"{manifest.file!r} cannot be opened ({exc})", source=str(Path(directory) / MANIFEST_FILE), field="file"
        ) from None
    try:
        fresh = generate_lines(seed=spec.seed, count=spec.count, profile=spec.profile)
        for number, (mine, theirs) in enumerate(_pairs(handle, fresh), start=1):
            fresh_digest.update(theirs)
            if mine != theirs:
                raise _record_difference(manifest, source, number, mine, theirs)
    finally:
        handle.close()
    recorded = manifest.digest
    if recorded != f"sha256:{fresh_digest.hexdigest()}":
        raise RecordError(
            f"is {recorded}, but the data file and a fresh generation both hash to "
            f"sha256:{fresh_digest.hexdigest()}: the manifest was changed by hand",
            source=str(Path(directory) / MANIFEST_FILE),
            field="digest",
        )
    return manifest


def _pairs(handle: BinaryIO, fresh: Iterator[str]) -> Iterator[tuple[bytes, bytes]]:
    """(file line, fresh line) with newlines; a missing side is ``b""``."""
    for theirs_text in fresh:
        yield handle.readline(), theirs_text.encode("utf-8") + b"\n"
    extra = handle.readline()
    if extra:
        yield extra, b""


def _record_difference(manifest: Manifest, source: str, number: int, mine: bytes, theirs: bytes) -> RecordError:
    seed = manifest.first_seed + number - 1
    drift = ""
    if manifest.generator_version != GENERATOR_VERSION:
        drift = (
            f" (the data set was built by generator {manifest.generator_version}, "
            f"this anp-synth runs {GENERATOR_VERSION})"
        )
    if not theirs:
        return RecordError(
            f"extra data after the last of the manifest's {manifest.count} records" + drift,
            source=source,
            line=number,
        )
    if not mine:
        return RecordError(
            f"the file ends here, but the manifest says {manifest.count} records" + drift,
            source=source,
            line=number,
            seed=seed,
        )
    field, detail = _first_field_difference(mine, theirs)
    return RecordError(
        f"differs from a fresh generation{detail}{drift}", source=source, line=number, seed=seed, field=field
    )


def _first_field_difference(mine: bytes, theirs: bytes) -> tuple[str | None, str]:
    """(dotted path, ": file has X, fresh has Y") of the first field that differs, if any can be named."""
    try:
        a = json.loads(mine)
    except (UnicodeDecodeError, json.JSONDecodeError):
        return None, ": the line is not valid JSON"
    b = json.loads(theirs)
    found = _diff(a, b, "")
    if found is None:
        return None, ": same values, different bytes (not anp-synth's canonical JSON)"
    path, left, right = found
    return path or None, f": file has {_short(left)}, fresh has {_short(right)}"


_MISSING = object()


def _diff(a: Any, b: Any, path: str) -> tuple[str, Any, Any] | None:
    if isinstance(a, dict) and isinstance(b, dict):
        for key in sorted(set(a) | set(b)):
            found = _diff(a.get(key, _MISSING), b.get(key, _MISSING), f"{path}.{key}" if path else str(key))
            if found is not None:
                return found
        return None
    if isinstance(a, list) and isinstance(b, list):
        for i in range(max(len(a), len(b))):
            left = a[i] if i < len(a) else _MISSING
            right = b[i] if i < len(b) else _MISSING
            found = _diff(left, right, f"{path}.{i}" if path else str(i))
            if found is not None:
                return found
        return None
    if type(a) is not type(b) or a != b:
        return path, a, b
    return None


def _short(value: Any) -> str:
    if value is _MISSING:
        return "nothing"
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:57] + "..."
