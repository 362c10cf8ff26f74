"""Generate and import across the machines of a Dask cluster (the optional ``cluster`` extra).

The generator is a pure function of the seed, so a window of seeds splits into independent
tasks: parts of a data set written by each worker to a shared directory
(:func:`generate_to`), or sub-windows imported by each worker over its own connection
(:func:`import_window`, :func:`import_parts`). Every function takes a connected
``distributed.Client``; :func:`connect` makes one from a scheduler address or ``local:N``.

Library use::

    from anp_synth.cluster import connect, generate_to, import_window

    with connect("tcp://scheduler:8786") as client:
        generate_to("/shared/articles", seed=0, count=10_000_000, client=client)
        import_window("postgresql://app@db/staging", seed=0, count=10_000_000, client=client)

This package imports Dask only when a function needs it: without the extra, anp-synth works
as before and :func:`connect` says how to install it.
"""

from __future__ import annotations

from .client import (
    DEFAULT_TIMEOUT_S,
    INSTALL_HINT,
    ClusterError,
    ClusterInterrupted,
    connect,
    parse_address,
    require_dask,
)
from .generate import DEFAULT_PART_SIZE, GenerateResult, generate_to, split_target
from .importing import ClusterImportReport, import_parts, import_window
from .manifest import Part, PartsManifest, is_parts_manifest, read_parts_manifest, verify_parts

__all__ = [
    "DEFAULT_PART_SIZE",
    "DEFAULT_TIMEOUT_S",
    "INSTALL_HINT",
    "ClusterError",
    "ClusterImportReport",
    "ClusterInterrupted",
    "GenerateResult",
    "Part",
    "PartsManifest",
    "connect",
    "generate_to",
    "import_parts",
    "import_window",
    "is_parts_manifest",
    "parse_address",
    "read_parts_manifest",
    "require_dask",
    "split_target",
    "verify_parts",
]
