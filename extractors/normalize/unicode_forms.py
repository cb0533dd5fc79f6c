"""Unicode steps: NFC composition and one tone placement (`hoà` → `hòa`), with origins.

Tone placement: Vietnamese has two conventions for the open rimes oa, oe, uy: the tone on the
second vowel (`hoà`, `thuỷ`, "new style") or on the first (`hòa`, `thủy`, "old style", the one
most text and underthesea's `text_normalize` use). We unify to `hòa`/`thủy` so that a search for
a word finds it whatever the author's keyboard did. Only whole Vietnamese syllables are touched
(onset consonants + oa/oe/uy at the end of the word); `quý`, `khuya`, `hoàn` stay as they are.
"""

from __future__ import annotations

import re
import unicodedata

from extractors.normalize.edits import Edit, MappedText, apply_edits, substitute
from extractors.normalize.syllables import split_tone

_COMBINING = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_CLUSTER = re.compile(rf"[^{_COMBINING}][{_COMBINING}]+|[{_COMBINING}]+")
_TONE_MARK = {"huyen": "\u0300", "sac": "\u0301", "nga": "\u0303", "hoi": "\u0309", "nang": "\u0323"}


def compose_nfc(mt: MappedText) -> MappedText:
    """NFC; a composed char keeps its base char's raw offset."""
    if unicodedata.is_normalized("NFC", mt.text):
        return mt
    edits = []
    for m in _CLUSTER.finditer(mt.text):
        composed = unicodedata.normalize("NFC", m.group(0))
        if composed != m.group(0):
            edits.append(Edit(m.start(), m.end(), composed))
    out = apply_edits(mt, edits)
    if not unicodedata.is_normalized("NFC", out.text):  # singletons (Å sign, Ω ohm …): char by char
        out = substitute(out, re.compile(r"."), lambda m: unicodedata.normalize("NFC", m.group(0)))
    return out


_ONSET = r"(?:ngh|ng|gh|kh|nh|ph|th|tr|ch|[bcdđghklmnprstvx])?"
_LETTER = r"[^\W\d_]"
_OLD_STYLE = re.compile(
    rf"(?<!{_LETTER})({_ONSET})([oO][àáảãạÀÁẢÃẠèéẻẽẹÈÉẺẼẸ]|[uU][ỳýỷỹỵỲÝỶỸỴ])(?!{_LETTER})",
    re.IGNORECASE,
)


def unify_tone_placement(mt: MappedText) -> MappedText:
    """`hoà` → `hòa`, `thuỷ` → `thủy`, `HOÀ` → `HÒA` (whole syllables only; `quý` is kept)."""
    def move(m: re.Match[str]) -> str | None:
        onset, pair = m.group(1), m.group(2)
        if onset.lower() == "q":  # `quý`: u belongs to the onset
            return None
        base, tone = split_tone(pair[1])
        if tone is None:
            return None
        first = unicodedata.normalize("NFC", pair[0] + _TONE_MARK[tone])
        return onset + first + base
    return substitute(mt, _OLD_STYLE, move)
