"""Font-glyph repair (`ƣ` → `ư`) from `extractors/lang/vi/glyph_repair.tsv`, with origins.

Glyphs marked `always` are replaced everywhere (no other text uses them). The others are common
symbols (`µ`, `−`, `®`) and are replaced only inside a word — letters on a side — when every
such glyph of the word repaired gives a valid Vietnamese syllable (`hoμn` → `hoàn`, but `5 µm`,
`x − y` and `ACME®` stay).
"""

from __future__ import annotations

import functools
import re

from extractors.lang import read_text
from extractors.normalize.edits import MappedText, substitute
from extractors.normalize.syllables import is_vietnamese_syllable


@functools.lru_cache(maxsize=1)
def glyph_table() -> tuple[dict[str, str], dict[str, str]]:
    """(always, vietnamese_context) maps glyph → replacement."""
    always: dict[str, str] = {}
    contextual: dict[str, str] = {}
    for line in read_text("glyph_repair.tsv").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        glyph, replacement, where = line.split("\t")[:3]
        (always if where == "always" else contextual)[glyph] = replacement
    return always, contextual


@functools.lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    always, contextual = glyph_table()
    glyphs = re.escape("".join(contextual))
    word = re.compile(rf"(?:[^\W\d_]|[{glyphs}])*[{glyphs}](?:[^\W\d_]|[{glyphs}])*")
    return re.compile("[" + re.escape("".join(always)) + "]"), word


# Context check: within CONTEXT chars on either side, at least MIN_EVIDENCE characters that only
# Vietnamese uses (đ, ư, ơ, toned vowels …) or other glyphs of the table. Chosen so that one broken
# word in a Vietnamese line is repaired while a symbol in English or in a formula is not.
CONTEXT = 60
MIN_EVIDENCE = 2
_VI_CHARS = frozenset("đĐăĂâÂêÊôÔơƠưƯ" "àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
                      "ÀÁẢÃẠẰẮẲẴẶẦẤẨẪẬÈÉẺẼẸỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌỒỐỔỖỘỜỚỞỠỢÙÚỦŨỤỪỨỬỮỰỲÝỶỸỴ")


def _vietnamese_evidence(window: str, glyphs: dict[str, str]) -> int:
    return sum(1 for ch in window if ch in _VI_CHARS or ch in glyphs)


def _glyph_count(word: str, glyphs: dict[str, str]) -> int:
    return sum(1 for ch in word if ch in glyphs)


def repair_glyphs(mt: MappedText) -> MappedText:
    always, contextual = glyph_table()
    always_re, word_re = _patterns()
    if always_re.search(mt.text):
        mt = substitute(mt, always_re, lambda m: always[m.group(0)])
    if not any(g in mt.text for g in contextual):
        return mt

    text = mt.text

    def fix(m: re.Match[str]) -> str | None:
        word = m.group(0)
        if not any(ch.isalpha() and ch not in contextual for ch in word):
            return None  # a glyph alone is a symbol, not a letter
        if text[max(0, m.start() - 2):m.start()].strip()[-1:].isdigit():
            return None  # `5 µm`: a unit after a number
        repaired = "".join(contextual.get(ch, ch) for ch in word)
        if not is_vietnamese_syllable(repaired):
            return None
        window = text[max(0, m.start() - CONTEXT):m.end() + CONTEXT]
        return repaired if _vietnamese_evidence(window, contextual) - _glyph_count(word, contextual) >= MIN_EVIDENCE else None

    return substitute(mt, word_re, fix)
