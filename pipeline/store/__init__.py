"""The dataset's storage: a DuckDB file created by numbered migrations (docs/schema.md).

Names are imported on first use: the stat snapshot, the run journal and the lock
(`pipeline.store.snapshot`, `.run_journal`, `.lock`) are read by a re-run that never starts DuckDB.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pipeline.store.errors import (
        MigrationError,
        ReadOnlyViolation,
        StoreError,
        StoreLocked,
        StoreNotFound,
    )
    from pipeline.store.hashing import file_sha256
    from pipeline.store.store import Store

_HOMES = {"MigrationError": "errors", "ReadOnlyViolation": "errors", "StoreError": "errors",
          "StoreLocked": "errors", "StoreNotFound": "errors", "file_sha256": "hashing", "Store": "store"}

__all__ = ["MigrationError", "ReadOnlyViolation", "Store", "StoreError", "StoreLocked", "StoreNotFound",
           "file_sha256"]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value
