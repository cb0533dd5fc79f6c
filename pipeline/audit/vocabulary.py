"""The audit's vocabulary: cue phrases (`extractors/lang/vi/audit_cues.yaml`) and entity spellings
(the one abbreviation table, `extractors/lang/vi/entities.yaml`, with its synonyms), read through
the language loader; the rules' messages in Vietnamese and English (`audit_messages.yaml`)."""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache
from typing import Any

from extractors import lang


def _messages() -> Any:
    return lang.load("audit_messages.yaml")


@cache
def abbreviations() -> dict[str, str]:
    """Folded abbreviation → folded expansion (`cđcs` → `công đoàn cơ sở`)."""
    return {fold(k): fold(v) for k, v in lang.load("entities.yaml")["abbreviations"].items()}


@cache
def _synonyms() -> dict[str, str]:
    return {fold(k): fold(v) for k, v in lang.load("entities.yaml")["synonyms"].items()}


def cues(name: str) -> Any:
    """An entry of audit_cues.yaml."""
    return lang.entry("audit_cues.yaml", name)


@lru_cache(maxsize=65536)
def fold(text: str | None) -> str:
    """NFC, lower case, white space collapsed: the form every comparison uses."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text or "")).strip().lower()


@cache
def _abbreviation_pattern() -> re.Pattern[str]:
    keys = sorted(abbreviations(), key=len, reverse=True)
    return re.compile(r"(?<!\w)(" + "|".join(re.escape(k) for k in keys) + r")(?!\w)")


@lru_cache(maxsize=65536)
def canonical_entity(entity: str | None) -> str:
    """`CĐCS` → `công đoàn cơ sở`, `đoàn viên công đoàn` → `đoàn viên`; '' for no entity."""
    text = _abbreviation_pattern().sub(lambda m: abbreviations()[m.group(1)], fold(entity))
    return _synonyms().get(text, text)


@cache
def cue_list(name: str) -> tuple[str, ...]:
    return tuple(fold(c) for c in cues(name))


@cache
def _cue_pattern(name: str) -> re.Pattern[str]:
    """All cue phrases of a list as one regex: whole words (a cue that starts with a sign, `/`,
    matches anywhere)."""
    alts = [(r"(?<!\w)" if c[0].isalnum() else "") + re.escape(c) + (r"(?!\w)" if c[-1].isalnum() else "")
            for c in sorted(cue_list(name), key=len, reverse=True)]
    return re.compile("|".join(alts))


def has_cue(text: str, name: str) -> bool:
    """True when `text` holds one of the cue phrases `name` as whole words."""
    return _cue_pattern(name).search(fold(text)) is not None


def _word_search(cue: str, text: str) -> bool:
    if not cue[0].isalnum():
        return cue in text
    return re.search(r"(?<!\w)" + re.escape(cue) + r"(?!\w)", text) is not None


def achievement_claim(text: str) -> tuple[str, str] | None:
    """The first claim (`đạt và vượt chỉ tiêu`) found in `text`: (cue, comparator), longest cue first."""
    t = fold(text)
    claims = sorted(cues("achievement_claims"), key=lambda c: len(c["cue"]), reverse=True)
    for claim in claims:
        if _word_search(fold(claim["cue"]), t):
            return claim["cue"], claim["comparator"]
    return None


def message(rule: str, outcome: str) -> dict[str, str]:
    """The {vi, en} templates for a rule's outcome (`messages.yaml`)."""
    msgs = _messages()
    try:
        return msgs[rule][outcome]
    except KeyError as err:
        raise KeyError(f"extractors/lang/vi/audit_messages.yaml: no message for {rule}/{outcome}") from err
