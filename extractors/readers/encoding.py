"""Bytes of a text file → str: UTF-8 (BOM or not), UTF-16 (BOM or not), windows-1258, 8-bit fallback.

Also repairs double-encoded UTF-8 (UTF-8 bytes once decoded as cp1252/latin-1 and saved again
as UTF-8: `CÃ´ng Ä‘oÃ n` → `Công đoàn`). Legacy Vietnamese 8-bit fonts (TCVN3, VNI) are NOT
decoded here: such bytes come out as cp1252 text (`C«ng ®oµn`) for the normalizer to detect.
"""

from __future__ import annotations

import codecs
import logging
import re
import unicodedata
from dataclasses import dataclass

logger = logging.getLogger(__name__)

# cp1258 writes tones as combining marks after the vowel.
CP1258_TONES = "\u0300\u0301\u0303\u0309\u0323"
VI_VOWELS = set("aăâeêioôơuưyAĂÂEÊIOÔƠUƯY" + "àáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵ".upper()
                + "àáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵ")
CP1258_ONLY = set("ăĂđĐơƠưƯ")  # letters cp1258 has and cp1252 lacks
MIN_CP1258_EVIDENCE = 3  # tone marks after vowels / ơ ư ă đ letters before we call it cp1258
# Characters cp1252 gives for bytes 0x80-0xBF (UTF-8 continuation bytes) and for lead bytes C2-F4.
_CP1252_BYTE = {}
for _b in range(0x80, 0x100):
    try:
        _CP1252_BYTE[bytes([_b]).decode("cp1252")] = _b
    except UnicodeDecodeError:
        pass
    _CP1252_BYTE.setdefault(chr(_b), _b)  # what a latin-1 decoder gives (C1 controls for 0x80-0x9F)
# latin-1 text → cp1252 text (0x80-0x9F differ; cp1252's 5 undefined bytes keep their latin-1 char)
_CP1252_TABLE = {b: c for c, b in _CP1252_BYTE.items() if b < 0xA0 and ord(c) != b}
_CONT = "".join(re.escape(c) for c, b in _CP1252_BYTE.items() if 0x80 <= b <= 0xBF)
_LEAD2 = "".join(re.escape(c) for c, b in _CP1252_BYTE.items() if 0xC2 <= b <= 0xDF)
_LEAD3 = "".join(re.escape(c) for c, b in _CP1252_BYTE.items() if 0xE0 <= b <= 0xEF)
_LEAD4 = "".join(re.escape(c) for c, b in _CP1252_BYTE.items() if 0xF0 <= b <= 0xF4)
# One UTF-8 sequence seen through cp1252: `Ã´` (ô), `Ä‘` (đ), `á»¯` (ữ).
MOJIBAKE = re.compile(f"[{_LEAD2}][{_CONT}]|[{_LEAD3}][{_CONT}]{{2}}|[{_LEAD4}][{_CONT}]{{3}}")
MIN_MOJIBAKE = 2  # a lone `Ã©` could be real; two or more repaired sequences are evidence


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str
    warnings: tuple[str, ...] = ()


def _utf16(data: bytes) -> str | None:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16")
    sample = data[:4096]
    if len(sample) >= 4 and sample[1::2].count(0) > 0.4 * len(sample) // 2:
        return data.decode("utf-16-le", errors="replace")
    if len(sample) >= 4 and sample[0::2].count(0) > 0.4 * len(sample) // 2:
        return data.decode("utf-16-be", errors="replace")
    return None


def _plausible(decoded: str) -> bool:
    """A repaired sequence must give a letter or punctuation Vietnamese text uses."""
    return all(ch.isalpha() or unicodedata.category(ch) in ("Mn", "Pd", "Pi", "Pf", "Po", "Zs", "Sc")
               for ch in decoded)


def repair_double_utf8(text: str) -> tuple[str, int]:
    """Undo UTF-8 → cp1252 → UTF-8 double encoding wherever it shows; returns (text, repairs)."""
    count = 0

    def fix(m: re.Match[str]) -> str:
        nonlocal count
        try:
            decoded = bytes(_CP1252_BYTE[c] for c in m.group()).decode("utf-8")
        except UnicodeDecodeError:
            return m.group()
        if not _plausible(decoded):
            return m.group()
        count += 1
        return decoded

    if len(MOJIBAKE.findall(text)) < MIN_MOJIBAKE:
        return text, 0
    repaired = MOJIBAKE.sub(fix, text)
    return (repaired, count) if count >= MIN_MOJIBAKE else (text, 0)


def _cp1258_evidence(text: str) -> int:
    tones = sum(1 for i, ch in enumerate(text) if ch in CP1258_TONES and i and text[i - 1] in VI_VOWELS)
    stray = sum(1 for i, ch in enumerate(text) if ch in CP1258_TONES and (not i or text[i - 1] not in VI_VOWELS))
    if stray > tones // 10:  # tone marks after consonants: not Vietnamese in cp1258
        return 0
    return tones + sum(1 for ch in text if ch in CP1258_ONLY)


def _syllable_share(text: str) -> float:
    """Share of the words of `text` (at most its first 2,000) that are Vietnamese syllables."""
    from extractors.normalize.syllables import is_vietnamese_syllable

    words = [w.strip(".,;:!?()\"'“”") for w in text.split()[:2000]]
    words = [w for w in words if w.isalpha()]
    return sum(map(is_vietnamese_syllable, words)) / len(words) if words else 0.0


def _legacy_reading(text: str) -> str:
    """`text` (8-bit bytes read as cp1252) as it reads once TCVN3/VNI lines are decoded."""
    from extractors.normalize.edits import MappedText
    from extractors.normalize.legacy import decode_legacy

    return decode_legacy(MappedText.identity(text[:20000])).text


def _eight_bit(data: bytes) -> DecodedText:
    as_1258 = data.decode("cp1258", errors="replace")
    text = data.decode("latin-1").translate(_CP1252_TABLE)
    if "\ufffd" not in as_1258 and _cp1258_evidence(as_1258) >= MIN_CP1258_EVIDENCE:
        # raw TCVN3 bytes have cp1258 letters too (`kÕt` reads `kƠt`): the reading with more
        # Vietnamese words wins; the normalizer decodes the legacy one (extractors/normalize/legacy.py)
        if _syllable_share(_legacy_reading(text)) <= _syllable_share(unicodedata.normalize("NFC", as_1258)):
            return DecodedText(unicodedata.normalize("NFC", as_1258), "cp1258")
    return DecodedText(text, "cp1252", ("not UTF-8: decoded as cp1252 (a legacy Vietnamese font encoding?)",))


def decode_text(data: bytes) -> DecodedText:
    """Decode a text file's bytes; never raises (the worst case is cp1252 with a warning)."""
    warnings: list[str] = []
    if data.startswith(codecs.BOM_UTF8):
        text, enc = data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    elif (u16 := _utf16(data)) is not None:
        text, enc = u16, "utf-16"
    else:
        try:
            text, enc = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            return _eight_bit(data)
    if "\ufffd" in text:
        warnings.append(f"{text.count(chr(0xFFFD))} undecodable byte(s) replaced")
    for _ in range(2):  # double, then (rarely) triple encoded
        text, repairs = repair_double_utf8(text)
        if not repairs:
            break
        warnings.append(f"double-encoded UTF-8 repaired ({repairs} sequences)")
        enc += "+double-utf8"
    return DecodedText(text.lstrip("\ufeff"), enc, tuple(warnings))
