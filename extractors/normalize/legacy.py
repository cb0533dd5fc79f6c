"""Legacy 8-bit Vietnamese encodings shown as Latin-1/cp1252: TCVN3 (ABC) and VNI, detected by
evidence and decoded to Unicode, with origins.

Tables: `extractors/lang/vi/tcvn3.tsv` (one byte per letter: `®oµn viªn` → `đoàn viên`) and
`extractors/lang/vi/vni.tsv` (base letter + mark bytes: `Coâng ñoaøn` → `Công đoàn`). Detection rules
and the ư restoration list: `extractors/lang/vi/legacy.yaml`. Text shown through windows-1258 (where
some bytes become combining marks) is not handled here.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from extractors.lang import load, read_text
from extractors.normalize.edits import Edit, MappedText, apply_edits
from extractors.normalize.syllables import is_vietnamese_syllable

_LINE = re.compile(r"[^\n]+")
_TOKEN = re.compile(r"\S+")
_EDGE_PUNCT = ".,;:!?()[]\"'“”‘’…-–/"
# Vietnamese letters beyond Latin-1: their presence proves the line is Unicode already.
_UNICODE_VI = re.compile(r"[ăĂđĐĩĨũŨơƠưƯ\u1ea0-\u1ef9]")


def _read_table(name: str, seq_column: int) -> dict[str, str]:
    table = {}
    for line in read_text(name).splitlines():
        if line and not line.startswith("#"):
            cols = line.split("\t")
            table[cols[seq_column]] = cols[0]
    return table


@functools.lru_cache(maxsize=1)
def tcvn3_table() -> dict[str, str]:
    """Latin-1 character → Unicode letter."""
    return _read_table("tcvn3.tsv", 2)


@functools.lru_cache(maxsize=1)
def vni_table() -> dict[str, str]:
    """VNI sequence (1–2 Latin-1 characters) → Unicode letter."""
    return _read_table("vni.tsv", 1)


@functools.lru_cache(maxsize=1)
def legacy_rules() -> dict[str, Any]:
    return load("legacy.yaml")


@functools.lru_cache(maxsize=1)
def _vni_pattern() -> re.Pattern[str]:
    seqs = sorted(vni_table(), key=len, reverse=True)
    return re.compile("|".join(re.escape(s) for s in seqs))


_UO_RIME = re.compile(r"(?i)^(ngh|ng|gh|kh|nh|ph|th|tr|ch|[bcdđghklmnprstvx])([ơớờởỡợ])(c|ng|u)?")


def _restore_u(word: str) -> str:
    """`đợc` → `được`, `ngời` → `người` (TCVN3 text that lost its 0xAD byte)."""
    m = _UO_RIME.match(word)
    if not m:
        return word
    fixed = word[:m.end(1)] + ("Ư" if word[m.start(2)].isupper() else "ư") + word[m.start(2):]
    if m.group(3) and word[m.end(3):] == "":
        return fixed
    return fixed if fixed.lower() in legacy_rules()["restore_uo_words"] else word


def decode_tcvn3_edits(text: str, start: int = 0, end: int | None = None) -> list[Edit]:
    table = tcvn3_table()
    edits = []
    stop = len(text) if end is None else end
    line_capitals = _in_capitals(text[start:stop], least=4)
    for m in _TOKEN.finditer(text, start, stop):
        word = m.group(0)
        capitals = line_capitals or _in_capitals(word, least=2)
        chars = [Edit(m.start() + i, m.start() + i + 1, table[c].upper() if capitals else table[c])
                 for i, c in enumerate(word) if c in table]
        if not chars:
            continue
        decoded = "".join(table.get(c, c) for c in word)
        if capitals:
            decoded = decoded.upper()
        lead = len(decoded) - len(decoded.lstrip(_EDGE_PUNCT))
        core = decoded[lead:].rstrip(_EDGE_PUNCT)
        restored = _restore_u(core)
        if restored != core:  # insert the lost ư before the ơ; it takes the ơ's origin
            at = m.start() + lead + _UO_RIME.match(core).start(2)  # type: ignore[union-attr]
            chars.append(Edit(at, at, restored[at - m.start() - lead]))
            chars.sort(key=lambda e: (e.start, e.end))
        edits.extend(chars)
    return edits


def _in_capitals(text: str, least: int = 2) -> bool:
    """Text typed in an upper-case TCVN3 font (`LI£N §OµN`, `KÕ HO¹CH`): its plain letters (at
    least `least` of them: `Sè` is one capital, not a word in capitals) are all capitals, and the
    small letters' codes it holds stand for capitals too."""
    plain = [c for c in text if c.isascii() and c.isalpha()]
    return len(plain) >= least and all(c.isupper() for c in plain)


def decode_tcvn3(text: str) -> str:
    """Decode a whole string as TCVN3 shown as Latin-1 (no detection)."""
    return apply_edits(MappedText.identity(text), decode_tcvn3_edits(text)).text


def decode_vni_edits(text: str, start: int = 0, end: int | None = None) -> list[Edit]:
    table = vni_table()
    return [Edit(m.start(), m.end(), table[m.group(0)])
            for m in _vni_pattern().finditer(text, start, len(text) if end is None else end)]


def decode_vni(text: str) -> str:
    """Decode a whole string as VNI shown as Latin-1 (no detection)."""
    return apply_edits(MappedText.identity(text), decode_vni_edits(text)).text


def _evidence(words: list[str], decode: Any, chars: Any) -> tuple[int, int]:
    """(words that become Vietnamese only once decoded, words touched by the encoding)."""
    good = touched = 0
    for w in words:
        if not any(c in chars for c in w):
            continue
        core = w.strip(_EDGE_PUNCT)
        if len(core) == 1 and not core.isalpha():
            continue  # a lone mark is a separator, no letter (`Hoàng Thu Trang · 24 Tháng 10, 2025 · 10:15`)
        touched += 1
        if not core or is_vietnamese_syllable(core):
            continue
        decoded = decode(w).strip(_EDGE_PUNCT)
        if is_vietnamese_syllable(_restore_u(decoded.upper() if _in_capitals(w, least=2) else decoded)):
            good += 1
    return good, touched


@functools.lru_cache(maxsize=1)
def _vni_chars() -> frozenset[str]:
    return frozenset(c for seq in vni_table() for c in seq if not c.isascii())


def detect_line(line: str, document_evidence: int = 0, document_encoding: str = "tcvn3") -> str | None:
    """'tcvn3', 'vni' or None for one line of text (`document_evidence`: lines of the document
    already found in `document_encoding`)."""
    if _UNICODE_VI.search(line) or line.isascii():
        return None
    rules = legacy_rules()
    words = line.split()
    best, best_good = None, 0
    legacy_document = document_evidence >= rules["document_evidence"]
    for name, decode, chars in (("tcvn3", decode_tcvn3, tcvn3_table()), ("vni", decode_vni, _vni_chars())):
        good, touched = _evidence(words, decode, chars)
        need = 1 if legacy_document else rules["min_evidence"]
        if good >= need and good >= rules["min_share"] * touched and good > best_good:
            best, best_good = name, good
    if best is None and legacy_document and harmless(words, document_encoding):
        # a short line of a legacy document ("Sè: 41/KH-L§L§", "KÕ HO¹CH", "Soá: 275/LÑLÑ"):
        # decoded in the document's encoding when decoding spoils no word that was a syllable
        best = document_encoding
    return best


def harmless(words: list[str], encoding: str) -> bool:
    """Whether the line's characters of `encoding` decode without turning a syllable into a non-word."""
    decode, chars = (decode_tcvn3, tcvn3_table()) if encoding == "tcvn3" else (decode_vni, _vni_chars())
    touched = [w for w in words if any(c in chars for c in w)]
    if not touched:
        return False
    for w in touched:
        core = w.strip(_EDGE_PUNCT)
        decoded = decode(w).strip(_EDGE_PUNCT)
        if core and is_vietnamese_syllable(core) and not is_vietnamese_syllable(decoded):
            return False
    return True


def decode_legacy(mt: MappedText) -> MappedText:
    """Decode the lines detected as TCVN3 or VNI; other lines are left as they are."""
    if mt.text.isascii() or not _has_candidates(mt.text):
        return mt
    lines = [(m.start(), m.end(), detect_line(m.group(0))) for m in _LINE.finditer(mt.text)]
    found = [enc for *_, enc in lines if enc]
    if found:  # a second pass lets short lines of a legacy document through
        major = max(set(found), key=found.count)
        lines = [(s, e, enc or detect_line(mt.text[s:e], document_evidence=len(found) * 2, document_encoding=major))
                 for s, e, enc in lines]
    edits: list[Edit] = []
    for s, e, enc in lines:
        if enc == "tcvn3":
            edits.extend(decode_tcvn3_edits(mt.text, s, e))
        elif enc == "vni":
            edits.extend(decode_vni_edits(mt.text, s, e))
    return apply_edits(mt, edits)


def _has_candidates(text: str) -> bool:
    return any(c in text for c in "®µªêîñø«¬¸¹¶·©")
