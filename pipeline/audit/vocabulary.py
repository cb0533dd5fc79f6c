"""The audit's language data (`pipeline/audit/data/*.yaml`) and the matching built from it."""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache
from importlib import resources
from typing import Any

import yaml


@cache
def load(name: str) -> Any:
    """One data file of `pipeline/audit/data/`, parsed."""
    with resources.files("pipeline.audit.data").joinpath(name).open(encoding="utf-8") as f:
        return yaml.safe_load(f)


@lru_cache(maxsize=65536)
def fold(text: str | None) -> str:
    """NFC, lower case, white space collapsed: the form every comparison uses."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text or "")).strip().lower()


@cache
def _abbreviation_pattern() -> re.Pattern[str]:
    keys = sorted(load("entities.yaml")["abbreviations"], key=len, reverse=True)
    return re.compile(r"(?<!\w)(" + "|".join(re.escape(k) for k in keys) + r")(?!\w)")


@lru_cache(maxsize=65536)
def canonical_entity(entity: str | None) -> str:
    """`CĐCS` → `công đoàn cơ sở`, `đoàn viên công đoàn` → `đoàn viên`; '' for no entity."""
    data = load("entities.yaml")
    text = _abbreviation_pattern().sub(lambda m: data["abbreviations"][m.group(1)], fold(entity))
    return data["synonyms"].get(text, text)


@cache
def cue_list(name: str) -> tuple[str, ...]:
    return tuple(fold(c) for c in load("cues.yaml")[name])


def has_cue(text: str, name: str) -> bool:
    """True when `text` holds one of the cue phrases `name` as whole words."""
    t = fold(text)
    return any(_word_search(cue, t) for cue in cue_list(name))


def _word_search(cue: str, text: str) -> bool:
    if not cue[0].isalnum():
        return cue in text
    return re.search(r"(?<!\w)" + re.escape(cue) + r"(?!\w)", text) is not None


def achievement_claim(text: str) -> tuple[str, str] | None:
    """The first claim (`đạt và vượt chỉ tiêu`) found in `text`: (cue, comparator), longest cue first."""
    t = fold(text)
    claims = sorted(load("cues.yaml")["achievement_claims"], key=lambda c: len(c["cue"]), reverse=True)
    for claim in claims:
        if _word_search(fold(claim["cue"]), t):
            return claim["cue"], claim["comparator"]
    return None


def message(rule: str, outcome: str) -> dict[str, str]:
    """The {vi, en} templates for a rule's outcome (`messages.yaml`)."""
    msgs = load("messages.yaml")
    try:
        return msgs[rule][outcome]
    except KeyError as err:
        raise KeyError(f"pipeline/audit/data/messages.yaml: no message for {rule}/{outcome}") from err
