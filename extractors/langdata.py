"""Loading the extractors' language data files (`extractors/data/*.yaml`)."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from typing import Any

import yaml


@cache
def load_yaml(name: str) -> Any:
    with resources.files("extractors.data").joinpath(name).open(encoding="utf-8") as f:
        return yaml.safe_load(f)


def phrase_pattern(phrases: list[str]) -> str:
    """One alternation of phrases, longest first, each bounded by non-letters."""
    alts = "|".join(re.escape(p) for p in sorted(set(phrases), key=len, reverse=True))
    return rf"(?<![\wÀ-ỹ])(?:{alts})(?![\wÀ-ỹ])"
