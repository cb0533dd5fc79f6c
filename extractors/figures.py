"""Figures. PLACEHOLDER."""

from __future__ import annotations

from extractors.records import Figure


def extract_figures(text: str) -> list[Figure]:
    return []
