"""The manifest of a directory of parts, and checking a directory against it.

``generate --cluster`` writes ``part-00000.jsonl``, ``part-00001.jsonl``, ... and then
``manifest.json``: the seed window, profile, format, generator and schema versions, and for
each part its seeds, size and SHA-256. Anyone can check a part with ``sha256sum``; ``anp-synth
fixtures verify DIR`` checks them all, and names any part missing, changed or not in the
manifest. The manifest is written last, so a directory without one is an unfinished run.

Reading and checking need no Dask: a local directory is read with the standard library, any
other fsspec URL through fsspec (which comes with the ``cluster`` extra).
"""

from __future__ import annotations

import fnmatch
import functools
import hashlib
import json
import os
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any, BinaryIO

from ..errors import InvalidArgument, RecordError
from ..fixtures import read_json_object
from ..rules import GENERATOR_NAME, GENERATOR_VERSION

__all__ = ["KIND", "MANIFEST_FILE", "Part", "PartsManifest", "is_parts_manifest", "read_parts_manifest", "verify_parts"]

MANIFEST_FILE = "manifest.json"
KIND = "anp-synth parts"
"""The manifest's ``kind``: what tells it from a ``fixtures build`` manifest in the same file name."""
VERSION = 1


@dataclass(frozen=True)
class Part:
    """One part file: the records of seeds ``[first_seed, first_seed + count)``."""

    file: str
    first_seed: int
    count: int
    bytes: int
    sha256: str


@dataclass(frozen=True)
class PartsManifest:
    """What ``manifest.json`` of a parts directory holds."""

    first_seed: int
    count: int
    profile: str
    format: str
    gzip: bool
    part_size: int
    pattern: str
    """File names of the parts, ``*`` standing for the five-digit part number."""
    schema_version: int
    anp_synth_version: str
    parts: list[Part] = field(default_factory=list)
    generator: str = GENERATOR_NAME
    generator_version: str = GENERATOR_VERSION
    kind: str = KIND
    manifest_version: int = VERSION

    @property
    def last_seed(self) -> int:
        return self.first_seed + self.count - 1

    @property
    def bytes(self) -> int:
        return sum(p.bytes for p in self.parts)

    def to_json(self) -> str:
        data = asdict(self)
        data["last_seed"] = self.last_seed
        return json.dumps(data, indent=2, sort_keys=True) + "\n"


# -- storage: the standard library for a local directory, fsspec for anything else -------------


def _is_local(url: str) -> bool:
    return "://" not in url or url.startswith("file://")


def _local_path(url: str) -> str:
    return url.removeprefix("file://")


class _Storage:
    """The few directory operations verification needs, on a local path or an fsspec URL."""

    def __init__(self, url: str) -> None:
        self.url = url.rstrip("/") or url
        self.fs: Any = None
        if not _is_local(url):
            try:
                from fsspec.core import url_to_fs
            except ImportError:
                raise InvalidArgument(f"{url}: reading a URL needs fsspec: pip install 'anp-synth[cluster]'") from None
            self.fs, self.root = url_to_fs(url)
        else:
            self.root = _local_path(self.url)

    def join(self, name: str) -> str:
        return f"{self.root}/{name}"

    def where(self, name: str) -> str:
        return f"{self.url}/{name}"

    def names(self) -> list[str]:
        if self.fs is None:
            return sorted(os.listdir(self.root))
        return sorted(str(p).rstrip("/").rsplit("/", 1)[-1] for p in self.fs.ls(self.root, detail=False))

    def open(self, name: str) -> BinaryIO:
        if self.fs is None:
            return open(self.join(name), "rb")
        handle: BinaryIO = self.fs.open(self.join(name), "rb")
        return handle


def _read_raw(storage: _Storage) -> dict[str, Any]:
    source = storage.where(MANIFEST_FILE)

    def read() -> bytes:
        with storage.open(MANIFEST_FILE) as handle:
            return handle.read()

    return read_json_object(
        read,
        source,
        missing=f"{source} not found: not a data set directory (or an unfinished run)",
        absent=(FileNotFoundError, NotADirectoryError),
    )


def is_parts_manifest(directory: str) -> bool:
    """Whether ``directory/manifest.json`` is a parts manifest (False when absent or another kind)."""
    try:
        return _read_raw(_Storage(directory)).get("kind") == KIND
    except (InvalidArgument, RecordError):
        return False


def _need(raw: dict[str, Any], name: str, kinds: tuple[type, ...], source: str) -> Any:
    if name not in raw:
        raise RecordError("missing", source=source, field=name)
    value = raw[name]
    if not isinstance(value, kinds) or (isinstance(value, bool) and bool not in kinds):
        raise RecordError(f"has the wrong type ({value!r})", source=source, field=name)
    return value


def read_parts_manifest(directory: str) -> PartsManifest:
    """Load and check ``directory/manifest.json``; a newer layout or generator is refused by name."""
    storage = _Storage(directory)
    source = storage.where(MANIFEST_FILE)
    raw = _read_raw(storage)
    if raw.get("kind") != KIND:
        raise RecordError(f"kind is {raw.get('kind')!r}, not {KIND!r}", source=source, field="kind")
    version = _need(raw, "manifest_version", (int,), source)
    if version > VERSION:
        raise RecordError(
            f"{version} is newer than this anp-synth understands ({VERSION}): upgrade anp-synth",
            source=source,
            field="manifest_version",
        )
    parts = []
    for i, item in enumerate(_need(raw, "parts", (list,), source)):
        where = f"parts.{i}"
        if not isinstance(item, dict):
            raise RecordError("expected an object", source=source, field=where)
        parts.append(
            Part(
                file=_need(item, "file", (str,), f"{source} {where}"),
                first_seed=_need(item, "first_seed", (int,), f"{source} {where}"),
                count=_need(item, "count", (int,), f"{source} {where}"),
                bytes=_need(item, "bytes", (int,), f"{source} {where}"),
                sha256=_need(item, "sha256", (str,), f"{source} {where}"),
            )
        )
    manifest = PartsManifest(
        first_seed=_need(raw, "first_seed", (int,), source),
        count=_need(raw, "count", (int,), source),
        profile=_need(raw, "profile", (str,), source),
        format=_need(raw, "format", (str,), source),
        gzip=_need(raw, "gzip", (bool,), source),
        part_size=_need(raw, "part_size", (int,), source),
        pattern=_need(raw, "pattern", (str,), source),
        schema_version=_need(raw, "schema_version", (int,), source),
        anp_synth_version=_need(raw, "anp_synth_version", (str,), source),
        parts=parts,
        generator=_need(raw, "generator", (str,), source),
        generator_version=_need(raw, "generator_version", (str,), source),
    )
    _check_layout(manifest, source)
    return manifest


def _check_layout(manifest: PartsManifest, source: str) -> None:
    """The parts tile the window in order, and every name is a plain file name of the pattern."""
    expected = manifest.first_seed
    for i, part in enumerate(manifest.parts):
        if "/" in part.file or part.file in ("", ".", "..") or not fnmatch.fnmatchcase(part.file, manifest.pattern):
            raise RecordError(f"{part.file!r} is not a part file name", source=source, field=f"parts.{i}.file")
        if part.first_seed != expected or part.count < 1:
            raise RecordError(
                f"seeds {part.first_seed}+{part.count} do not follow the previous part (expected seed {expected})",
                source=source,
                field=f"parts.{i}",
            )
        expected += part.count
    if expected != manifest.first_seed + manifest.count:
        raise RecordError(
            f"the parts hold {expected - manifest.first_seed} records, the manifest says {manifest.count}",
            source=source,
            field="count",
        )


def check_part(open_part: Callable[[], BinaryIO], part: Part, where: str) -> None:
    """Read the part ``open_part()`` opens to its end: a :class:`RecordError` at ``where`` unless it is
    the manifest's size and SHA-256 (or it cannot be read)."""
    digest = hashlib.sha256()
    size = 0
    try:
        with open_part() as handle:
            while block := handle.read(1 << 20):
                size += len(block)
                digest.update(block)
    except OSError as exc:
        raise RecordError(f"cannot read: {exc.strerror or exc}", source=where) from None
    if size != part.bytes:
        raise RecordError(f"is {size} bytes, the manifest says {part.bytes}", source=where)
    if digest.hexdigest() != part.sha256:
        raise RecordError(
            f"sha256 is {digest.hexdigest()}, the manifest says {part.sha256} (same size: changed in place)",
            source=where,
        )


def verify_parts(directory: str) -> PartsManifest:
    """Check every part's size and SHA-256 against the manifest, and that no part is missing or extra.

    Raises :class:`RecordError` naming the first part that disagrees (or the files the
    manifest does not list: leftovers of another run, or temporary files of an unfinished one).
    """
    storage = _Storage(directory)
    manifest = read_parts_manifest(directory)
    present = set(storage.names())
    listed = {p.file for p in manifest.parts}
    missing = [p.file for p in manifest.parts if p.file not in present]
    if missing:
        raise RecordError(
            f"{len(missing)} part(s) listed in the manifest are missing, first {missing[0]}",
            source=storage.where(missing[0]),
        )
    extra = sorted(
        n for n in present - listed if fnmatch.fnmatchcase(n, manifest.pattern) or fnmatch.fnmatchcase(n, ".*.tmp")
    )
    if extra:
        raise RecordError(
            f"{len(extra)} file(s) not in the manifest, first {extra[0]} (another run's part, or an unfinished write)",
            source=storage.where(extra[0]),
        )
    for part in manifest.parts:
        check_part(functools.partial(storage.open, part.file), part, storage.where(part.file))
    return manifest
