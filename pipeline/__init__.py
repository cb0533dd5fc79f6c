"""Chỉ Số pipeline: normalize, segment, store, audit, query. `from pipeline import Dataset`."""

from __future__ import annotations

from typing import Any

__all__ = ["Dataset"]


def __getattr__(name: str) -> Any:
    # Lazy: `import pipeline` stays cheap; pandas and DuckDB load only when Dataset is used.
    if name == "Dataset":
        from pipeline.dataset import Dataset

        return Dataset
    raise AttributeError(f"module 'pipeline' has no attribute {name!r}")
