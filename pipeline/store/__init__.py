"""The dataset's storage: a DuckDB file created by numbered migrations (docs/schema.md)."""

from pipeline.store.errors import (
    MigrationError,
    ReadOnlyViolation,
    StoreError,
    StoreLocked,
    StoreNotFound,
)
from pipeline.store.hashing import file_sha256
from pipeline.store.store import Store

__all__ = ["MigrationError", "ReadOnlyViolation", "Store", "StoreError", "StoreLocked", "StoreNotFound",
           "file_sha256"]
