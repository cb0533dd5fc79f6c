"""A validator for Vietnamese syllables (`người` yes, `ngêi` no), used to judge repairs.

Structure (onset + rime + one tone) comes from `extractors/lang/vi/vi_syllables.yaml`.
"""

from __future__ import annotations

import functools
import unicodedata

from extractors.lang import load

# Combining tone marks: huyền, sắc, ngã, hỏi, nặng.
TONE_MARKS = {"\u0300": "huyen", "\u0301": "sac", "\u0303": "nga", "\u0309": "hoi", "\u0323": "nang"}
VOWEL_BASES = set("aăâeêioôơuưy")


@functools.lru_cache(maxsize=1)
def _structure() -> tuple[tuple[str, ...], frozenset[str], tuple[str, ...]]:
    data = load("vi_syllables.yaml")
    onsets = tuple(sorted(data["onsets"], key=len, reverse=True))
    rimes = frozenset(r for group in data["rimes"].values() for r in group)
    return onsets, rimes, tuple(data["stop_codas"])


@functools.lru_cache(maxsize=4096)
def split_tone(ch: str) -> tuple[str, str | None]:
    """`ế` → (`ê`, 'sac'); `a` → (`a`, None). Works on one character."""
    decomposed = unicodedata.normalize("NFD", ch)
    tone = None
    kept = []
    for c in decomposed:
        if c in TONE_MARKS:
            tone = TONE_MARKS[c]
        else:
            kept.append(c)
    return unicodedata.normalize("NFC", "".join(kept)), tone


def strip_tone(word: str) -> tuple[str, list[str]]:
    """The word without tone marks and the list of tones found (one for a valid syllable)."""
    out, tones = [], []
    for ch in word:
        base, tone = split_tone(ch)
        out.append(base)
        if tone:
            tones.append(tone)
    return "".join(out), tones


@functools.lru_cache(maxsize=65536)
def is_vietnamese_syllable(word: str) -> bool:
    """True for a well-formed Vietnamese syllable in lower, Title or UPPER case."""
    if not word or not (word.islower() or word.isupper() or word.istitle()):
        return False
    toneless, tones = strip_tone(word.lower())
    if len(tones) > 1:
        return False
    onsets, rimes, stops = _structure()
    candidates = [o for o in onsets if toneless.startswith(o)] + [""]
    for onset in candidates:
        rime = toneless[len(onset):]
        if onset == "gi" and rime == "":
            rime = "i"  # `gì`: the i is the vowel
        if rime in rimes:
            if tones and tones[0] not in ("sac", "nang") and rime.endswith(stops):
                continue
            return True
    return False


def has_vietnamese_letters(word: str) -> bool:
    """True when the word carries a Vietnamese diacritic (tone, đ, ơ, ư, ă, â, ê, ô)."""
    for ch in word.lower():
        if ch == "đ":
            return True
        base, tone = split_tone(ch)
        if tone or (base in VOWEL_BASES and base not in "aeiouy"):
            return True
    return False
