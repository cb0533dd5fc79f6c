"""Legacy TCVN3 (ABC) and VNI decoding: hand-checked samples, round trips over the seeds, detection."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from extractors.normalize import normalize_text
from extractors.normalize.legacy import decode_tcvn3, decode_vni, detect_line, tcvn3_table, vni_table

SEEDS = Path(__file__).resolve().parent.parent / "corpus" / "seeds"


def encode_tcvn3(text: str) -> str:
    back = {u: c for c, u in tcvn3_table().items()}
    return "".join(back.get(ch, ch) for ch in text)


def encode_vni(text: str) -> str:
    back = {u: seq for seq, u in vni_table().items()}
    return "".join(back.get(ch, ch) for ch in text)


@pytest.mark.parametrize(("legacy", "expected"), [
    ("®oµn viªn", "đoàn viên"),  # issue 2, hand-checked
    ("ngêi", "người"),  # issue 2 (0xAD for ư lost in copy-paste)
    ("ng\u00adêi", "người"),  # the same with its soft hyphen
    ("®îc", "được"),  # issue 2
    ("C«ng ®oµn", "Công đoàn"),  # issue 2
    ("c¬ së", "cơ sở"),  # seed 000 words
    ("mêi", "mời"),  # mời/mười both common: no ư guessed
    # a header typed in an upper-case TCVN3 font (.VnTimeH): small letters' codes stand for capitals
    ("LI£N §OµN LAO §éNG TØNH QU¶NG TRÞ", "LIÊN ĐOÀN LAO ĐỘNG TỈNH QUẢNG TRỊ"),  # corpus/keys_renderings
    ("KÕ HO¹CH", "KẾ HOẠCH"),
    ("Sè", "Số"),  # one capital is a capitalized word, not a word in capitals
])
def test_tcvn3_samples(legacy, expected):
    assert decode_tcvn3(legacy) == expected


@pytest.mark.parametrize(("legacy", "expected"), [
    ("Coâng ñoaøn", "Công đoàn"),  # issue 2, hand-checked
    ("COÂNG ÑOAØN", "CÔNG ĐOÀN"),  # upper case
    ("ngöôøi lao ñoäng", "người lao động"),  # seed 000 words
    ("Vieät Nam", "Việt Nam"),
])
def test_vni_samples(legacy, expected):
    assert decode_vni(legacy) == expected


def _seed_sentences() -> list[str]:
    text = " ".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))
    text = unicodedata.normalize("NFC", text).replace("ƣ", "ư").replace("Ƣ", "Ư")
    sentences = [s.strip() for s in re.split(r"(?<=[.!?])\s+", text) if len(s.strip()) > 40]
    return sentences


def test_tcvn3_round_trip_over_seeds():
    # lower-case text only: TCVN3 has no precomposed upper-case toned vowels
    sentences = [s.lower() for s in _seed_sentences()]
    assert len(sentences) > 200
    for s in sentences:
        assert decode_tcvn3(encode_tcvn3(s).replace("\u00ad", "\u00ad")) == s


def test_vni_round_trip_over_seeds():
    sentences = _seed_sentences()
    for s in sentences:
        assert decode_vni(encode_vni(s)) == s


@pytest.mark.parametrize(("line", "expected"), [
    ("C«ng ®oµn c¬ së trong doanh nghiÖp", "tcvn3"),  # seed 000, encoded
    ("Coâng ñoaøn cô sôû trong doanh nghieäp", "vni"),  # seed 000, encoded
    ("Công đoàn cơ sở trong doanh nghiệp", None),  # Unicode Vietnamese
    ("Tôi yêu em, trên đời này", None),  # Unicode with only Latin-1 letters
    ("The trade union (µ = 0.5) © 2024 ACME®", None),  # English with stray symbols
    ("Un café où la crème brûlée est très bonne", None),  # French
])
def test_detection(line, expected):
    assert detect_line(line) == expected


def test_normalize_decodes_a_tcvn3_document_and_keeps_origins():
    # seed 000's first paragraph, encoded in TCVN3 as an old .doc would show it
    original = ("5 năm qua, mặc dù gặp rất nhiều khó khăn, thách thức: đại dịch covid-19 kéo\n"
                "dài, mặt trái của cơ chế thị trường, suy thoái kinh tế đã ảnh hưởng không nhỏ đến\n"
                "đời sống, việc làm của công nhân lao động.")
    raw = encode_tcvn3(original)
    norm = normalize_text(raw)
    assert norm.text == original.replace("\n", " ")
    assert norm.raw[norm.origins[norm.text.index("được") if "được" in norm.text else 0]]
    for i, ch in enumerate(norm.text):
        if ch.isalnum():
            raw_ch = raw[norm.origins[i]]
            assert raw_ch == ch or tcvn3_table().get(raw_ch) == ch, (i, ch, raw_ch)


def test_normalize_never_decodes_the_seeds():
    # the Unicode seeds must come out without any legacy decoding (no ® or µ appear, no change)
    for p in sorted(SEEDS.glob("*.txt")):
        text = normalize_text(p.read_text(encoding="utf-8")).text
        assert "Công đoàn" in text or "CÔNG ĐOÀN" in text


def test_short_lines_of_a_vni_document_are_decoded_as_vni():
    from extractors.normalize.edits import MappedText
    from extractors.normalize.legacy import decode_legacy

    body = "\n".join(["Coâng ñoaøn cô sôû ñaõ keát naïp ñoaøn vieân môùi trong naêm qua."] * 6)
    out = decode_legacy(MappedText.identity("Soá: 275/LÑLÑ\n" + body)).text
    assert out.startswith("Số: 275/LĐLĐ\nCông đoàn cơ sở đã kết nạp")


def test_short_lines_of_a_tcvn3_document_are_decoded():
    """'Sè: 41/KH-L§L§' and 'KÕ HO¹CH' carry too little evidence alone; in a TCVN3 document they are
    decoded when decoding spoils no word (corpus/keys_renderings/tcvn3)."""
    from extractors.normalize.edits import MappedText
    from extractors.normalize.legacy import decode_legacy

    body = "\n".join(["C«ng ®oµn c¬ së ®· kÕt n¹p ®oµn viªn míi trong n¨m qua."] * 6)
    text = "Sè: 41/KH-L§L§\nKÕ HO¹CH\n" + body
    out = decode_legacy(MappedText.identity(text)).text
    assert out.startswith("SỐ: 41/KH-LĐLĐ\nKẾ HOẠCH\nCông đoàn cơ sở đã kết nạp")


@pytest.mark.parametrize("table", ["tcvn3", "vni"])
def test_raw_legacy_bytes_are_decoded_like_their_mojibake(tmp_path, table):
    """A file saved in TCVN3 or VNI (its bytes, not UTF-8 mojibake) reads as Vietnamese; TCVN3 bytes
    once read as cp1258 (`kÕt` → `kƠt`) and stayed garbled (issue 22)."""
    from extractors.extract import extract_file

    text = "Công đoàn cơ sở đã kết nạp 50 đoàn viên mới trong năm qua. Liên đoàn Lao động huyện có 312 công đoàn cơ sở.\n"
    encoded = encode_tcvn3(text) if table == "tcvn3" else encode_vni(text)
    path = tmp_path / f"{table}.txt"
    path.write_bytes((encoded * 3).encode("latin-1"))
    (doc,) = extract_file(path).documents
    assert doc.document.text.startswith("Công đoàn cơ sở đã kết nạp 50 đoàn viên mới trong năm qua.")
    assert {f.value for f in doc.figures} >= {50, 312}
