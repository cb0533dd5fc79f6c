"""The Vietnamese number parser: extractors/numbers.py and extractors/lang/vi/numbers.yaml."""

from __future__ import annotations

import re
import unicodedata

import pytest

from extractors.lang import load
from extractors.numbers import AmbiguousNumber, NumberMention, find_numbers, parse_vi_number

# (sentence, surface of the mention, value, flags that must be true) — every flag not listed must be false.
FOUND = [
    # seed 000 (Vinh): thousands dot, decimal comma, leading zero
    ("Địa bàn thành phố Vinh hiện có 6.107 doanh nghiệp với 87.038 lao động", "6.107", 6107, ()),
    ("Địa bàn thành phố Vinh hiện có 6.107 doanh nghiệp với 87.038 lao động", "87.038", 87038, ()),
    ("đa số các doanh nghiệp trên địa bàn (chiếm 98,37%) nên việc tiếp cận", "98,37%", 98.37, ("percent",)),
    (
        "bình quân hàng năm thành lập mới 05 công đoàn cơ sở trong các doanh nghiệp",
        "05",
        5,
        ("leading_zero",),
    ),
    ("phát triển mới 2.668 đoàn viên, trung bình phát triển mới mỗi năm là 533 đoàn viên", "2.668", 2668, ()),
    ("phát triển mới 2.668 đoàn viên, trung bình phát triển mới mỗi năm là 533 đoàn viên", "533", 533, ()),
    ("trong 5 năm qua, đã thành lập mới 29 công đoàn cơ sở", "5", 5, ()),
    ("trong 5 năm qua, đã thành lập mới 29 công đoàn cơ sở", "29", 29, ()),
    # seed 000 (Công đoàn ngành Giáo dục Nghệ An): money composed of scales
    (
        "số tiền và hiện vật quy ra tiền trong 03 năm là 03 tỷ 200 triệu đồng, tiêu biểu",
        "03 tỷ 200 triệu đồng",
        3_200_000_000,
        ("money", "scaled", "leading_zero"),
    ),
    ("số tiền và hiện vật quy ra tiền trong 03 năm là 03 tỷ 200 triệu đồng", "03", 3, ("leading_zero",)),
    # seed 002 (Công đoàn ngành Giáo dục, kế hoạch): percent targets
    ("- Phấn đấu tỷ lệ đoàn viên đạt từ 95% trở lên trong tổng số CBNGNLĐ", "95%", 95, ("percent",)),
    ("- Phấn đấu có 20% số đoàn viên trở lên được hưởng", "20%", 20, ("percent",)),
    ("- Phấn đấu có ít nhất 65% số vụ việc của đoàn viên", "65%", 65, ("percent",)),
    # seed 004 (news): money with a unit and a rate
    ("giao dịch chủ yếu ở 25.509 đồng/USD", "25.509 đồng", 25509, ("money",)),
    ("lãi suất tăng từ 1,23% lên 1,64%", "1,64%", 1.64, ("percent",)),
    # GLOSSARY.md "How numbers are written"
    (
        "`98,37%` = 98.37 %, `3,2 tỷ đồng` = 3 200 000 000 VND",
        "3,2 tỷ đồng",
        3_200_000_000,
        ("money", "scaled"),
    ),
    ("Money composes scales: 1.250 triệu đồng", "1.250 triệu đồng", 1_250_000_000, ("money", "scaled")),
    ("Small counts keep a leading zero: 01 đoàn viên", "01", 1, ("leading_zero",)),
    ("1.200 lượt đoàn viên", "1.200", 1200, ()),
    ("500 suất quà", "500", 500, ()),
    ("đạt 105% kế hoạch", "105%", 105, ("percent",)),
    ("45/54 CĐCS", "45/54", 45, ()),
    # task brief (issue 3) forms
    ("tổng thu 1.222,689 tỷ đồng", "1.222,689 tỷ đồng", 1_222_689_000_000, ("money", "scaled")),
    ("hỗ trợ 3,5 tỉ đồng", "3,5 tỉ đồng", 3_500_000_000, ("money", "scaled")),
    ("cả nước có hơn 6,7 triệu đoàn viên", "6,7 triệu", 6_700_000, ("scaled",)),
    ("thu hút 193 nghìn lao động", "193 nghìn", 193_000, ("scaled",)),
    ("thu hút 193 ngàn lao động", "193 ngàn", 193_000, ("scaled",)),
    ("mức hỗ trợ 2 triệu rưỡi mỗi người", "2 triệu rưỡi", 2_500_000, ("scaled",)),
    ("tặng quà trị giá 500.000đ/suất", "500.000đ", 500_000, ("money",)),
    ("tặng quà trị giá 500.000 VNĐ mỗi suất", "500.000 VNĐ", 500_000, ("money",)),
    ("tặng quà trị giá 500.000 VND mỗi suất", "500.000 VND", 500_000, ("money",)),
    ("tặng quà trị giá 500.000 vnđ mỗi suất", "500.000 vnđ", 500_000, ("money",)),
    ("tặng quà trị giá 500.000 vnd mỗi suất", "500.000 vnd", 500_000, ("money",)),
    ("tặng quà trị giá 500.000 đ mỗi suất", "500.000 đ", 500_000, ("money",)),
    ("tỷ lệ đạt 98,37 % kế hoạch", "98,37 %", 98.37, ("percent",)),
    ("tăng 15 phần trăm so với cùng kỳ", "15 phần trăm", 15, ("percent",)),
    ("quỹ có 1.222.000 đồng", "1.222.000 đồng", 1_222_000, ("money",)),
    ("từ 700.000 - 3 triệu đồng", "700.000", 700_000, ()),
    ("từ 700.000 - 3 triệu đồng", "3 triệu đồng", 3_000_000, ("money", "scaled")),
    ("2 triệu 500 nghìn đồng", "2 triệu 500 nghìn đồng", 2_500_000, ("money", "scaled")),
    ("quỹ 1 nghìn tỷ đồng", "1 nghìn tỷ đồng", 1e12, ("money", "scaled")),
    ("tỷ lệ 0,5% đoàn viên", "0,5%", 0.5, ("percent",)),
    # number words (GLOSSARY.md "Number words")
    (
        "phát triển mới hai nghìn sáu trăm sáu mươi tám đoàn viên",
        "hai nghìn sáu trăm sáu mươi tám",
        2668,
        ("words", "scaled"),
    ),
    ("có hai mươi mốt công đoàn cơ sở", "hai mươi mốt", 21, ("words",)),
    ("có hai mươi một công đoàn cơ sở", "hai mươi một", 21, ("words",)),
    ("có hai mươi tư công đoàn cơ sở", "hai mươi tư", 24, ("words",)),
    ("thành lập mười lăm công đoàn cơ sở", "mười lăm", 15, ("words",)),
    ("thành lập hai mươi lăm công đoàn cơ sở", "hai mươi lăm", 25, ("words",)),
    ("thành lập hai mươi nhăm công đoàn cơ sở", "hai mươi nhăm", 25, ("words",)),
    ("thành lập mười tư công đoàn cơ sở", "mười tư", 14, ("words",)),
    ("một trăm linh năm đoàn viên", "một trăm linh năm", 105, ("words",)),
    ("một trăm lẻ năm đoàn viên", "một trăm lẻ năm", 105, ("words",)),
    ("một trăm linh tư đoàn viên", "một trăm linh tư", 104, ("words",)),
    ("ba chục đoàn viên", "ba chục", 30, ("words",)),
    ("năm mươi đoàn viên", "năm mươi", 50, ("words",)),
    ("năm trăm suất quà", "năm trăm", 500, ("words",)),
    ("bốn trăm sáu mươi bảy người", "bốn trăm sáu mươi bảy", 467, ("words",)),
    ("bẩy mươi tám người", "bẩy mươi tám", 78, ("words",)),
    ("chín mươi chín người", "chín mươi chín", 99, ("words",)),
    ("năm hai nghìn không trăm hai mươi", "hai nghìn không trăm hai mươi", 2020, ("words", "scaled")),
    ("một nghìn rưỡi đoàn viên", "một nghìn rưỡi", 1500, ("words", "scaled")),
    ("hai tỉ đồng", "hai tỉ đồng", 2e9, ("words", "scaled", "money")),
    ("ba triệu đồng", "ba triệu đồng", 3e6, ("words", "scaled", "money")),
    ("mười đoàn viên", "mười", 10, ("words",)),
    # single number words other than "một" are returned (the caller decides)
    ("thực hiện tốt ba khâu đột phá", "ba", 3, ("words",)),
    ("sự phối hợp giữa hai bên", "hai", 2, ("words",)),
    ("Thứ sáu: tăng cường phối hợp", "sáu", 6, ("words",)),
    ("có tám đơn vị", "tám", 8, ("words",)),
    # word-segmented input (underthesea word_tokenize)
    ("hơn 6 , 7 triệu đoàn_viên", "6 , 7 triệu", 6_700_000, ("scaled",)),
    ("phát_triển mới hai_nghìn đoàn_viên", "hai_nghìn", 2000, ("words", "scaled")),
    # colloquial abbreviated tail: read, but ambiguous
    ("hai nghìn tư người", "hai nghìn tư", 2400, ("words", "scaled", "ambiguous")),
    ("một trăm mốt người", "một trăm mốt", 110, ("words", "ambiguous")),
    ("một trăm lăm người", "một trăm lăm", 150, ("words", "ambiguous")),
    # ambiguous digit forms (documented rule in docs/numbers.md)
    ("tổng kinh phí 100,000,000 đồng", "100,000,000 đồng", 100_000_000, ("money", "ambiguous")),
    ("tăng 1.5 lần", "1.5", 1.5, ("ambiguous",)),
    ("đạt 1,234 triệu", "1,234 triệu", 1_234_000, ("scaled", "ambiguous")),
    ("diện tích 1234.567 ha", "1234.567", 1234567, ("ambiguous",)),
    ("Liên hệ: 0912.345.678", "0912.345.678", 912345678, ("ambiguous",)),  # a phone number, not thousands
    ("hai mươi năm mươi", "năm mươi", 50, ("words",)),  # each segment holds one tens word
    (
        "chín trăm chín mươi chín nghìn chín trăm chín mươi chín",
        "chín trăm chín mươi chín nghìn chín trăm chín mươi chín",
        999_999,
        ("words", "scaled"),
    ),
    ("khoảng 1,2 nghìn tỷ đồng", "1,2 nghìn tỷ đồng", 1.2e12, ("money", "scaled")),
]

# (source comment in the id, sentence, reason expected on the mention)
REASONS = [
    ("tổng kinh phí 100,000,000 đồng", "comma-thousands"),
    ("tổng kinh phí 1,222.5 đồng", "comma-thousands"),
    ("đạt 1,234", "comma-three-digits"),
    ("tăng 1.5 lần", "dot-decimal"),
    ("hai nghìn tư người", "abbreviated-tail"),
    ("diện tích 1234.567 ha", "irregular-grouping"),
]

# (sentence, surface that must NOT be a mention)
NOT_FOUND = [
    ("Một số kết quả nổi bật đã thực hiện tốt như", "Một"),  # seed 000
    ("Đó cũng là một trong những mục tiêu hàng đầu", "một"),  # seed 000
    ("thu hút hàng trăm đoàn viên tham gia", "trăm"),  # GLOSSARY.md vague
    ("thu hút hàng nghìn đoàn viên tham gia", "nghìn"),  # GLOSSARY.md vague
    ("thu hút hàng chục nghìn đoàn viên", "chục nghìn"),  # GLOSSARY.md vague
    ("thu hút hàng triệu người", "triệu"),  # vague
    ("có vài ba người", "ba"),  # vague
    ("có mấy chục người", "chục"),  # vague
    ("có dăm ba người", "ba"),  # vague
    ("trong 5 năm qua", "5 năm"),  # seed 000: "năm" is "year" after a numeral
    ("Đến năm 2025: 95%", "năm"),  # seed 002: "năm" + year
    ("hai mươi năm qua", "hai mươi năm"),  # "năm" after "mươi" is "year" (25 is "hai mươi lăm")
    ("hai mươi năm mươi", "hai mươi năm"),  # "năm" is a units digit only after "linh"/"lẻ"
    ("- Phấn đấu tỷ lệ đoàn viên đạt từ 95% trở lên", "tỷ"),  # seed 002: "tỷ lệ" = rate
    ("năm 2023 tỉ lệ tăng", "2023 tỉ"),  # "tỉ lệ"
    ("tỷ trọng 40%", "tỷ"),  # "tỷ trọng"
    ("năm 2024 triệu tập hội nghị", "2024 triệu"),  # "triệu tập" = convene
    ("công tác tư vấn pháp luật", "tư"),  # "tư vấn"
    ("hai mươi tư vấn viên", "hai mươi tư"),  # "tư vấn"
    ("cách làm linh hoạt", "linh"),  # "linh hoạt"
    ("các vụ việc lẻ tẻ", "lẻ"),  # "lẻ tẻ"
    ("suy nghĩ chín chắn", "chín"),  # "chín chắn"
    ("ba lô học sinh", "ba"),  # "ba lô"
    ("lăm le vi phạm", "lăm"),  # "lăm le"
    ("5 đồng chí ủy viên", "5 đồng"),  # seed 000: "đồng chí" = comrade
    ("tăng 10 đồng thời giảm", "10 đồng"),  # "đồng thời"
    ("công_đoàn cơ_sở ba_lô", "ba"),  # segmented compound with a non-number word
    ("hai_bên", "hai"),  # segmented compound "hai_bên"
]

# (sentence, surface, shape, parts)
SHAPES = [
    ("Nghị định số 98/2014/NĐ-CP ngày 24/10/2014 của Chính phủ", "98/2014/NĐ-CP", "code", None),  # seed 000
    (
        "Nghị định số 98/2014/NĐ-CP ngày 24/10/2014 của Chính phủ",
        "24/10/2014",
        "date",
        (24, 10, 2014),
    ),  # seed 000
    ("Đại dịch Covid-19 kéo dài", "Covid-19", "code", None),  # seed 000
    ("Nghị quyết số 02-NQ/TW ngày 12/6/2021", "02-NQ/TW", "code", None),  # seed 001
    ("Luật An ninh mạng số 24/2018/QH14", "24/2018/QH14", "code", None),  # seed 002
    ("in trên giấy A4", "A4", "code", None),  # task brief
    ("cuộc cách mạng công nghiệp 4.0", "4.0", "version", (4, 0)),  # seed 001
    ("##### **3.1. Xây dựng kế hoạch chương trình", "3.1", "version", (3, 1)),  # seed 001 heading
    ("3.2.1. Công tác tuyên truyền", "3.2.1", "version", (3, 2, 1)),  # section numbering
    ("có 39/45 CĐCS đạt vững mạnh", "39/45", "slash", (39, 45)),  # GLOSSARY.md ratio
    ("(LĐTĐ) Chiều 10/9  LĐLĐTP Hà Nội", "10/9", "slash", (10, 9)),  # seed 004
    ("ngày 12-6-2021", "12-6-2021", "date", (12, 6, 2021)),  # hyphenated date
    ("ngày 12.6.2021", "12.6.2021", "date", (12, 6, 2021)),  # dotted date
]

# parse_vi_number: (input, value) — STYLE.md "One number parser" and the brief.
PARSE = [
    ("6.107", 6107),  # seed 000
    ("98,37", 98.37),  # seed 000
    ("98,37%", 98.37),  # seed 000
    ("05", 5),  # seed 000
    ("03 tỷ 200 triệu", 3_200_000_000),  # STYLE.md
    ("03 tỷ 200 triệu đồng", 3_200_000_000),  # seed 000
    ("hai nghìn sáu trăm sáu mươi tám", 2668),  # STYLE.md
    ("1.222,689 tỷ đồng", 1_222_689_000_000),  # brief
    ("6 , 7 triệu", 6_700_000),  # underthesea segmentation
    ("6,7_triệu", 6_700_000),  # underthesea segmentation
    ("hai_nghìn", 2000),  # underthesea segmentation
    ("một", 1),  # a lone word is the number when it is the whole input
    ("năm", 5),
    ("tư", 4),
    ("Hai mươi lăm", 25),
    ("1.250 triệu", 1_250_000_000),  # GLOSSARY.md
    ("1 triệu 200 nghìn", 1_200_000),
    # issue 18: large compound number words (forms of Duckling's Vietnamese numerals and the
    # vietnam-number test suite that union reports use)
    ("hai tỷ ba trăm năm mươi triệu", 2_350_000_000),
    ("một triệu hai trăm nghìn", 1_200_000),
    ("hai mươi mốt nghìn bốn trăm linh năm", 21_405),
    ("một nghìn không trăm năm mươi", 1_050),
    ("mười một triệu hai trăm nghìn", 11_200_000),
    ("ba trăm mười lăm nghìn", 315_000),
    ("chín trăm chín mươi chín tỷ", 999_000_000_000),
    ("năm mươi lăm nghìn tỷ", 55_000_000_000_000),
    ("hai nghìn không trăm hai mươi tư", 2_024),
    ("bốn mươi tư nghìn", 44_000),
    ("sáu trăm ngàn", 600_000),
    ("một tỷ rưỡi", 1_500_000_000),
    ("hai trăm lẻ năm", 205),
    ("bảy mươi nhăm", 75),
    ("mười hai ngàn năm trăm", 12_500),
    ("một trăm hai mươi lăm triệu đồng", 125_000_000),
]

AMBIGUOUS = ["100,000,000", "1.5", "1,234", "hai nghìn tư"]  # brief: flagged forms
NOT_A_NUMBER = ["", "đoàn viên", "24/10/2014", "98/2014/NĐ-CP", "6.107 và 87.038", "Covid-19", "hàng trăm"]


def _flags(m: NumberMention) -> set[str]:
    names = ("percent", "money", "words", "scaled", "leading_zero", "ambiguous")
    return {n for n in names if getattr(m, n)}


def _mention(sentence: str, surface: str) -> NumberMention:
    found = [m for m in find_numbers(sentence) if m.text == surface]
    assert found, f"{surface!r} not found in {sentence!r}: {[m.text for m in find_numbers(sentence)]}"
    return found[0]


@pytest.mark.parametrize(("sentence", "surface", "value", "flags"), FOUND)
def test_find_numbers_reads_value_and_flags(sentence, surface, value, flags):
    m = _mention(sentence, surface)
    assert m.value == pytest.approx(value)
    assert _flags(m) == set(flags)
    assert sentence[m.start : m.end] == surface


@pytest.mark.parametrize(("sentence", "reason"), REASONS)
def test_ambiguous_mentions_say_why(sentence, reason):
    flagged = [m for m in find_numbers(sentence) if m.ambiguous]
    assert [m.reason for m in flagged] == [reason]


@pytest.mark.parametrize(("sentence", "surface"), NOT_FOUND)
def test_find_numbers_skips_non_numbers(sentence, surface):
    assert surface not in [m.text for m in find_numbers(sentence)]


@pytest.mark.parametrize(("sentence", "surface", "shape", "parts"), SHAPES)
def test_shapes_let_the_caller_filter(sentence, surface, shape, parts):
    m = _mention(sentence, surface)
    assert m.shape == shape
    assert not (m.percent or m.money or m.scaled)
    if parts is not None:
        assert m.parts == tuple(float(p) for p in parts)


def test_comparator_word_stays_outside_the_mention():
    # brief: "hơn 6,7 triệu đoàn viên" -> the mention is "6,7 triệu"
    (m,) = find_numbers("hơn 6,7 triệu đoàn viên")
    assert (m.start, m.text) == (4, "6,7 triệu")


def test_mentions_are_ordered_and_do_not_overlap():
    # seed 000, two sentences
    text = (
        "Địa bàn thành phố Vinh hiện có 6.107 doanh nghiệp với 87.038 lao động. "
        "Số tiền trong 03 năm là 03 tỷ 200 triệu đồng, hỗ trợ 2 triệu rưỡi mỗi người."
    )
    ms = find_numbers(text)
    assert [m.text for m in ms] == ["6.107", "87.038", "03", "03 tỷ 200 triệu đồng", "2 triệu rưỡi"]
    assert all(a.end <= b.start for a, b in zip(ms, ms[1:], strict=False))


def test_nfd_input_gives_nfc_values_and_original_offsets():
    # seed 000 sentence, decomposed
    nfc = "Số tiền là 03 tỷ 200 triệu đồng, hai nghìn sáu trăm sáu mươi tám đoàn viên, chiếm 98,37%"
    nfd = unicodedata.normalize("NFD", nfc)
    got = find_numbers(nfd)
    assert [m.value for m in got] == [m.value for m in find_numbers(nfc)]
    assert [unicodedata.normalize("NFC", nfd[m.start : m.end]) for m in got] == [
        m.text for m in find_numbers(nfc)
    ]
    assert [m.text for m in got] == [nfd[m.start : m.end] for m in got]


@pytest.mark.parametrize(("text", "value"), PARSE)
def test_parse_vi_number(text, value):
    assert parse_vi_number(text) == pytest.approx(value)


def test_parse_vi_number_accepts_nfd():
    assert parse_vi_number(unicodedata.normalize("NFD", "hai nghìn sáu trăm sáu mươi tám")) == 2668


@pytest.mark.parametrize("text", AMBIGUOUS)
def test_parse_vi_number_raises_on_ambiguous(text):
    with pytest.raises(AmbiguousNumber) as err:
        parse_vi_number(text)
    assert err.value.reason
    assert isinstance(err.value, ValueError)


@pytest.mark.parametrize("text", NOT_A_NUMBER)
def test_parse_vi_number_rejects_non_numbers(text):
    with pytest.raises(ValueError):
        parse_vi_number(text)


def _data_words() -> set[str]:
    data = load("numbers.yaml")
    words = set(data["digits"]) | set(data["scales"]) | set(data["percent_units"]) | set(data["money_units"])
    for key in ("ten", "tens_suffix", "tens_noun", "hundred", "half", "zero_link", "vague_before"):
        words |= set(data[key])
    for word, followers in data["not_number_when_followed_by"].items():
        words |= {f"{word} {f}" for f in followers}
    words |= {f"đồng {f}" for f in data["dong_not_money_when_followed_by"]}
    words |= {f"10{u}" for u in data["glued_units"]}
    words |= set(data["version_context"])
    return words


def _all_rows_text() -> str:
    texts = [r[0] for r in FOUND + REASONS + NOT_FOUND + SHAPES + PARSE] + AMBIGUOUS + GLUED_AND_STOP_ROWS
    return "\n".join(t.lower() for t in texts)


# Rows that show the remaining data entries at work (stop followers, glued units, version words).
GLUED_AND_STOP_ROWS = [
    "tỷ suất lợi nhuận",
    "tỷ giá 25.509",
    "tỉ suất",
    "tỉ giá",
    "tỉ trọng",
    "triệu chứng",
    "triệu phú",
    "tư nhân",
    "tư pháp",
    "tư cách",
    "tư tưởng",
    "tư liệu",
    "tư duy",
    "tư thục",
    "tư bản",
    "tư lợi",
    "tư sản",
    "tư thế",
    "tư chất",
    "tư hữu",
    "tư gia",
    "linh động",
    "linh thiêng",
    "linh vật",
    "linh kiện",
    "lẻ loi",
    "chín muồi",
    "đồng ý",
    "đồng bộ",
    "đồng nghiệp",
    "đồng hành",
    "đồng tình",
    "đồng đội",
    "đồng bào",
    "đồng thuận",
    "đồng lòng",
    "đồng phục",
    "đồng minh",
    "đồng hương",
    "đồng bằng",
    "đồng loại",
    "đồng cảm",
    "đồng nhất",
    "đồng tâm",
    "đồng đều",
    "đồng tộc",
    "đồng ruộng",
    "đồng sáng",
    "đồng ca",
    "đồng hồ",
    "đồng cỏ",
    "đồng dạng",
    "đồng cấp",
    "đồng tổ",
    "đồng lõa",
    "10ha",
    "10km",
    "10m",
    "10m2",
    "10m²",
    "10kg",
    "10cm",
    "10mm",
    "10kw",
    "10kwh",
    "phiên bản 2.0",
    "web 2.0",
    "version 1.0",
    "cách mạng công nghiệp 4.0",
    "chuyển đổi số 4.0",
]


@pytest.mark.parametrize("row", GLUED_AND_STOP_ROWS)
def test_stop_followers_and_glued_units(row):
    for m in find_numbers(row):
        assert not (m.scaled or m.money or m.words), (row, m)
        assert m.shape in ("number", "version")


def test_every_data_word_has_a_test_row():
    rows = _all_rows_text()
    missing = sorted(
        w
        for w in _data_words()
        if not re.search(rf"(?<!\w){re.escape(w.lower())}(?!\w)", rows) and w.lower() not in rows
    )
    assert missing == []
