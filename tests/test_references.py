"""Cited documents: extractors/references.py and extractors/lang/vi/references.yaml."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest

from extractors.lang import load
from extractors.references import extract_references

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "corpus" / "seeds"
GOLD = ROOT / "corpus" / "gold" / "seeds.references.jsonl"
# Web-page boilerplate the normalizer removes (GLOSSARY.md): citations after it are not the article's.
BOILERPLATE_MARKERS = ("Có thể bạn quan tâm", "Tin khác", "Xem thêm")

# (sentence, number, kind, date, formal)
FOUND = [
    # seed 000
    (
        "Luật Công đoàn, Bộ luật Lao động và Nghị định số 98/2014/NĐ-CP ngày 24/10/2014 của Chính phủ",
        "98/2014/NĐ-CP",
        "Nghị định",
        "2014-10-24",
        True,
    ),
    ("theo Quyết định số 827/QĐ-TTg của Thủ tướng Chính phủ", "827/QĐ-TTg", "Quyết định", None, True),
    # seed 001
    (
        "(Ban hành kèm theo Quyết định số: 348/QĐ-CĐN ngày 12 tháng 9 năm 2024 của Công đoàn Giáo dục Việt Nam)",
        "348/QĐ-CĐN",
        "Quyết định",
        "2024-09-12",
        True,
    ),
    (
        "Căn cứ Chương trình hành động số 02/CTr-BCH ngày 20/7/2021 của Ban Chấp hành",
        "02/CTr-BCH",
        "Chương trình hành động",
        "2021-07-20",
        True,
    ),
    ("Nghị quyết số 02-NQ/TW ngày 12/6/2021 của Bộ Chính trị", "02-NQ/TW", "Nghị quyết", "2021-06-12", True),
    # seed 002
    (
        "và Nghị quyết số 02-NQ/TW, ngày 12/6/2021 của Bộ Chính trị",
        "02-NQ/TW",
        "Nghị quyết",
        "2021-06-12",
        True,
    ),
    ("Chỉ thị số 34- CT/TW ngày 07/4/2014 của Bộ Chính trị", "34-CT/TW", "Chỉ thị", "2014-04-07", True),
    (
        "theo Quyết định số 217-QD/TW, ngày 12/12/2013 của Bộ Chính trị",
        "217-QĐ/TW",
        "Quyết định",
        "2013-12-12",
        True,
    ),
    (
        "thực hiện nghiêm túc Luật An ninh mạng số 24/2018/QH14 ngày 12/6/2018 của Quốc hội",
        "24/2018/QH14",
        "Luật",
        "2018-06-12",
        True,
    ),
    (
        "Quy định số 08-QĐ/TW ngày 25/10/2018 của Ban Chấp hành Trung ương",
        "08-QĐ/TW",
        "Quy định",
        "2018-10-25",
        True,
    ),
    ("theo Kết luận số 01-KL/TW ngày 18/5/2021 của Bộ Chính trị", "01-KL/TW", "Kết luận", "2021-05-18", True),
    ("theo tinh thần Hướng dẫn số 27/HD-CĐN ngày 20/4/2020.", "27/HD-CĐN", "Hướng dẫn", "2020-04-20", True),
    (
        "và Kế hoạch số 26/KH-CĐN ngày 18/10/2021 của Công đoàn ngành",
        "26/KH-CĐN",
        "Kế hoạch",
        "2021-10-18",
        True,
    ),
    ("theo tinh thần Nghị quyết 29-NQ/TW, tham gia xây dựng Đảng", "29-NQ/TW", "Nghị quyết", None, True),
    # seed 004
    (
        "thực hiện Hướng dẫn số 704/HD-TLĐ ngày 12/5/2017 của Đoàn Chủ tịch",
        "704/HD-TLĐ",
        "Hướng dẫn",
        "2017-05-12",
        True,
    ),
    ("và Đề án số 01/ĐA-LĐLĐ ngày 09/6/2017 của Ban Thường vụ", "01/ĐA-LĐLĐ", "Đề án", "2017-06-09", True),
    ("Theo quy định mới trong Nghị định 147/2024/NĐ-CP, cha mẹ", "147/2024/NĐ-CP", "Nghị định", None, True),
    (
        "Theo Thông tư 50/2024/TT-NHNN được Ngân hàng Nhà nước ban hành",
        "50/2024/TT-NHNN",
        "Thông tư",
        None,
        True,
    ),
    # kind from the code alone (GLOSSARY.md "Document numbers")
    ("căn cứ văn bản 98/2014/NĐ-CP của Chính phủ", "98/2014/NĐ-CP", "Nghị định", None, True),
    ("triển khai văn bản số 12-CT/TW", "12-CT/TW", "Chỉ thị", None, True),
    ("thực hiện văn bản số 05-KL/TW", "05-KL/TW", "Kết luận", None, True),
    ("theo văn bản 15/HD-LĐLĐ", "15/HD-LĐLĐ", "Hướng dẫn", None, True),
    ("theo văn bản 123/KH-LĐLĐ", "123/KH-LĐLĐ", "Kế hoạch", None, True),
    ("theo văn bản 16/CTr-LĐLĐ", "16/CTr-LĐLĐ", "Chương trình", None, True),
    ("theo văn bản 01/ĐA-LĐLĐ", "01/ĐA-LĐLĐ", "Đề án", None, True),
    ("theo văn bản 01/DA-LDLD", "01/ĐA-LDLD", "Đề án", None, True),
    ("theo văn bản 50/2024/TT-NHNN", "50/2024/TT-NHNN", "Thông tư", None, True),
    ("theo văn bản 12/2020/TTLT-BLĐTBXH", "12/2020/TTLT-BLĐTBXH", "Thông tư liên tịch", None, True),
    ("theo văn bản 45/2019/QH14", "45/2019/QH14", "Luật", None, True),
    ("theo văn bản 30/BC-LĐLĐ", "30/BC-LĐLĐ", "Báo cáo", None, True),
    ("theo văn bản 30/TB-LĐLĐ", "30/TB-LĐLĐ", "Thông báo", None, True),
    ("theo văn bản 02/QC-LĐLĐ", "02/QC-LĐLĐ", "Quy chế", None, True),
    ("theo văn bản 02/TTr-LĐLĐ", "02/TTr-LĐLĐ", "Tờ trình", None, True),
    ("theo văn bản 02/PL-UBTVQH", "02/PL-UBTVQH", "Pháp lệnh", None, True),
    ("theo văn bản 217-QD/TW", "217-QĐ/TW", "Quyết định", None, True),
    ("theo văn bản 98/2014/ND-CP", "98/2014/NĐ-CP", "Nghị định", None, True),
    # kind words the code does not give
    ("Công văn số 1234/LĐLĐ-TC ngày 05/3/2023", "1234/LĐLĐ-TC", "Công văn", "2023-03-05", True),
    ("Thông tri số 05-TT/TW ngày 1/2/2020", "05-TT/TW", "Thông tri", "2020-02-01", True),
    ("Bộ luật số 45/2019/QH14 ngày 20/11/2019", "45/2019/QH14", "Bộ luật", "2019-11-20", True),
    ("Pháp lệnh số 02/2022/UBTVQH15", "02/2022/UBTVQH15", "Pháp lệnh", None, True),
    ("Báo cáo số 30/BC-LĐLĐ ngày 15/12/2024", "30/BC-LĐLĐ", "Báo cáo", "2024-12-15", True),
    ("Thông báo số 30/TB-LĐLĐ", "30/TB-LĐLĐ", "Thông báo", None, True),
    ("Quy chế số 02/QC-LĐLĐ", "02/QC-LĐLĐ", "Quy chế", None, True),
    ("Tờ trình số 02/TTr-LĐLĐ", "02/TTr-LĐLĐ", "Tờ trình", None, True),
    ("Thông tư liên tịch số 12/2020/TTLT-BLĐTBXH", "12/2020/TTLT-BLĐTBXH", "Thông tư liên tịch", None, True),
    # informal mentions (seed 002, seed 004, GLOSSARY.md)
    ("(sau đây gọi tắt là Nghị quyết 02 của Bộ Chính trị) phù hợp", "02", "Nghị quyết", None, False),
    ("thực hiện Nghị quyết số 02 của Bộ Chính trị", "02", "Nghị quyết", None, False),
    ("nhằm thực hiện tốt NQ 29 của BCH TW Đảng", "29", "Nghị quyết", None, False),
    ("theo KL 01 của Bộ Chính trị", "01", "Kết luận", None, False),
    ("thực hiện Chỉ thị 05 của Bộ Chính trị", "05", "Chỉ thị", None, False),
    ("theo Nghị định 98 của Chính phủ", "98", "Nghị định", None, False),
    ("theo Quyết định 217 của Bộ Chính trị", "217", "Quyết định", None, False),
    ("theo Quy định 08 của Ban Chấp hành", "08", "Quy định", None, False),
    ("theo Kết luận 01 của Bộ Chính trị", "01", "Kết luận", None, False),
    ("theo Thông tư 50 của Ngân hàng Nhà nước", "50", "Thông tư", None, False),
    ("thực hiện nghị quyết 02 của Bộ Chính trị", "02", "Nghị quyết", None, False),
]

# (sentence, why nothing must be found) — brief and EXTRACT-FORMAT.md "Not figures"
NOTHING = [
    "Nghị quyết Đại hội XIII của Đảng",  # seed 002: congress ordinal
    "Đại dịch Covid-19 kéo dài",  # seed 000
    "kể từ ngày 1/1/2025, các ứng dụng ngân hàng",  # seed 004: a date alone
    "(LĐTĐ) Chiều 10/9  LĐLĐTP Hà Nội đã tổ chức Hội thảo",  # seed 004: day/month
    "### Chương trình 3",  # seed 001: a programme title
    "Đề án 1 của thành phố",  # a project title
    "Kế hoạch 2025 của công đoàn",  # a year
    "Liên hệ: 0238.3844.555 hoặc 0912 345 678",  # phone numbers
    "giai đoạn 2018 - 2020. Chủ tịch LĐLĐ",  # seed 004: a period
    "có 39/45 CĐCS đạt",  # GLOSSARY.md ratio
    "Nghị quyết 29-NQ/TW",  # formal, so no informal duplicate
    "Kế hoạch năm 2023 - CĐ ngành Giáo dục",  # a year then an abbreviation
    "Quyết định khen thưởng 2023-CĐCS",  # no "/" in the number
]


def _by_number(refs):
    return {r.number: r for r in refs}


@pytest.mark.parametrize(("sentence", "number", "kind", "iso", "formal"), FOUND)
def test_extract_references(sentence, number, kind, iso, formal):
    refs = _by_number(extract_references(sentence))
    assert number in refs, [r.number for r in refs.values()]
    ref = refs[number]
    assert (ref.kind, ref.date, ref.formal) == (kind, iso, formal)
    assert sentence[ref.char_start : ref.char_end] == ref.text


@pytest.mark.parametrize("sentence", NOTHING)
def test_not_references(sentence):
    refs = extract_references(sentence)
    if sentence == "Nghị quyết 29-NQ/TW":
        assert [(r.number, r.formal) for r in refs] == [("29-NQ/TW", True)]
    else:
        assert refs == []


def test_each_citation_is_reported_where_it_stands():
    # seed 002 cites 02-NQ/TW several times
    text = (
        "Nghị quyết số 02-NQ/TW ngày 12/6/2021 của Bộ Chính trị. Tiếp tục thực hiện "
        "Nghị quyết số 02-NQ/TW ngày 12/6/2021; Nghị quyết 02 của Bộ Chính trị."
    )
    refs = extract_references(text)
    assert [(r.number, r.formal) for r in refs] == [("02-NQ/TW", True), ("02-NQ/TW", True), ("02", False)]
    assert refs[0].char_end <= refs[1].char_start


def test_reference_span_covers_kind_number_and_date():
    # seed 000
    text = "và Nghị định số 98/2014/NĐ-CP ngày 24/10/2014 của Chính phủ"
    (ref,) = extract_references(text)
    assert ref.text == "Nghị định số 98/2014/NĐ-CP ngày 24/10/2014"


def _joined_seed(path: Path) -> str:
    """Join broken lines as the normalizer does and drop web boilerplate (seed 002 breaks `02-\\n\\nNQ/TW`)."""
    text = unicodedata.normalize("NFC", path.read_text(encoding="utf-8"))
    text = re.sub(r"-\s*\n\s*", "-", text)
    text = re.sub(r"\s*\n\s*", " ", text)
    cut = min((text.find(m) for m in BOILERPLATE_MARKERS if m in text), default=len(text))
    return text[:cut]


def _key(number: str) -> str:
    # the scorer's key (../shared/tools/score.py): case, Đ/D and hyphens do not matter
    return re.sub(r"[\s\-–]", "", number.upper().replace("Đ", "D"))


def test_seed_gold_references_all_found_with_no_extra_formal_number():
    gold = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    found, extra, wrong = 0, [], []
    for source in sorted({g["source"] for g in gold}):
        refs = extract_references(_joined_seed(SEEDS / source))
        want = {_key(g["number"]): g for g in gold if g["source"] == source}
        got = {_key(r.number): r for r in refs if r.formal}
        for key, g in want.items():
            if key in got:
                found += 1
                r = got[key]
                if (r.kind, r.date) != (g["kind"], g["date"]):
                    wrong.append((source, g["number"], r.kind, r.date))
        extra += [(source, r.number) for k, r in got.items() if k not in want]
    assert (found, extra, wrong) == (len(gold), [], [])
    assert found == 20


def test_every_kind_code_and_kind_word_has_a_row():
    data = load("references.yaml")
    kinds_found = {row[2] for row in FOUND}
    assert set(data["kind_words"]) <= kinds_found | {"Chương trình"}
    assert set(data["kind_codes"].values()) <= kinds_found
    assert set(data["informal_kinds"]) <= {row[2] for row in FOUND if not row[4]}
    sentences = " ".join(row[0] for row in FOUND)  # codes as written, aliases (QD, ND, DA) included
    for code in list(data["kind_codes"]) + list(data["code_aliases"]) + list(data["informal_abbreviations"]):
        assert re.search(rf"(?<![A-Za-z]){code}(?![A-Za-z])", sentences), code
    for pattern in data["kind_code_patterns"]:
        assert re.search(pattern, sentences), pattern
