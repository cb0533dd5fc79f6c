"""References. PLACEHOLDER."""

from __future__ import annotations

from extractors.records import Reference


def extract_references(text: str) -> list[Reference]:
    return []
