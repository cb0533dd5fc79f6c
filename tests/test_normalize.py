"""Normalization: line rejoining, glyph repair, Word/web leftovers and the offset map, on the seeds."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest

from extractors.lang import load
from extractors.normalize import normalize_document, normalize_text
from extractors.normalize.syllables import is_vietnamese_syllable
from extractors.readers import read
from extractors.records import Block, RawDocument

SEEDS = Path(__file__).resolve().parent.parent / "corpus" / "seeds"
GOLD = Path(__file__).resolve().parent.parent / "corpus" / "gold" / "seeds.figures.jsonl"
SEED_FILES = sorted(SEEDS.glob("*.txt"))


def _ws(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


@pytest.fixture(scope="module")
def normalized() -> dict[str, object]:
    return {p.name: normalize_text(p.read_text(encoding="utf-8")) for p in SEED_FILES}


def test_five_seeds_are_there():
    assert len(SEED_FILES) == 5


def _gold_quotes():
    rows = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [(r["source"], r["quote"]) for r in rows]


@pytest.mark.parametrize(("source", "quote"), _gold_quotes())
def test_gold_quotes_survive(normalized, source, quote):
    # every quote of corpus/gold/seeds.figures.jsonl, compared after collapsing white space
    assert _ws(quote) in _ws(normalized[source].text)


@pytest.mark.parametrize(("source", "expected"), [
    ("000_bf79206f8d7a586e.txt", "thành lập công đoàn cơ sở trong doanh nghiệp"),  # `cơ \nsở`
    ("000_bf79206f8d7a586e.txt", "tạo kết dính bền chặt hơn"),  # blank line inside a sentence
    ("000_bf79206f8d7a586e.txt", "của Ban Chấp hành, Ban Thường vụ"),  # upper-case continuation
    ("000_bf79206f8d7a586e.txt", "ý nghĩa thiết thực của chương trình “Phòng giúp phòng"),
    ("002_8a56ceed1e768dfa.txt", "Nghị quyết số 02-NQ/TW ngày 12/6/2021"),  # `02-\n\nNQ/TW`
    ("002_8a56ceed1e768dfa.txt", "THỰC HIỆN CHƯƠNG TRÌNH HÀNH ĐỘNG CỦA LIÊN ĐOÀN LAO ĐỘNG TỈNH"),  # ƣ, caps title
    ("002_8a56ceed1e768dfa.txt", "1. Tăng cường tuyên truyền"),  # `cƣờng`
    ("003_b8eaf98e5b645ede.txt", "nâng cao chất lượng hoạt động Công đoàn."),  # one-line paragraphs
    ("004_9008d95002dd26b8.txt", "Ký kết kế hoạch phối hợp công tác năm học 2018 – 2019."),  # caption kept
])
def test_joined_text_contains(normalized, source, expected):
    assert expected in normalized[source].text


@pytest.mark.parametrize(("source", "gone"), [
    ("002_8a56ceed1e768dfa.txt", "ƣ"),
    ("002_8a56ceed1e768dfa.txt", "Ƣ"),
    ("003_b8eaf98e5b645ede.txt", "[bookmark"),
    ("004_9008d95002dd26b8.txt", "lam the nao de"),
    ("004_9008d95002dd26b8.txt", "Có thể bạn quan tâm"),  # related-news tail
    ("004_9008d95002dd26b8.txt", "Phiên bản di động"),
    ("000_bf79206f8d7a586e.txt", "cơ \nsở"),
])
def test_defects_are_gone(normalized, source, gone):
    assert gone not in normalized[source].text


@pytest.mark.parametrize(("source", "paragraph_start"), [
    ("000_bf79206f8d7a586e.txt", "\n\nThứ tư: Chương trình thúc đẩy hoạt động công đoàn tại các đơn vị\n\nNgoài chia sẻ"),
    ("000_bf79206f8d7a586e.txt", "Liên đoàn Lao động thành phố Vinh\n\n5 năm qua"),  # short line ends the paragraph
    ("000_bf79206f8d7a586e.txt", "THAM LUẬN\n\n“Thực trạng"),  # heading on its own line
    ("002_8a56ceed1e768dfa.txt", "\n1. Mục đích\n- Cụ thể hóa"),  # list items on their own lines
    ("002_8a56ceed1e768dfa.txt", "KẾ HOẠCH\n\nTHỰC HIỆN"),
])
def test_paragraph_breaks_kept(normalized, source, paragraph_start):
    assert paragraph_start in normalized[source].text


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.name[:3])
def test_no_newline_inside_a_sentence(normalized, path):
    # a line never ends inside a sentence and goes on in lower case
    text = normalized[path.name].text
    assert not re.search(r"[a-zà-ỹđ,]\n+[a-zà-ỹđ](?![)])", text)  # `a)` starts a list item
    assert "  " not in text and "\n\n\n" not in text


def _same_modulo_repairs(norm_char: str, raw_char: str) -> bool:
    if norm_char == raw_char:
        return True
    if unicodedata.normalize("NFC", raw_char) == norm_char:
        return True
    base = unicodedata.normalize("NFD", norm_char)[0]
    raw_base = unicodedata.normalize("NFD", raw_char)[0]
    return base.lower() == raw_base.lower() or raw_char in "ƣƢμµ−¬ª«®"


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.name[:3])
def test_offset_map_points_back_to_raw(normalized, path):
    norm = normalized[path.name]
    assert len(norm.origins) == len(norm.text)
    assert all(a <= b for a, b in zip(norm.origins, norm.origins[1:], strict=False))
    for i, ch in enumerate(norm.text):
        if ch.isalnum():
            assert _same_modulo_repairs(ch, norm.raw[norm.origins[i]]), (i, ch, norm.raw[norm.origins[i]])


def test_page_at_follows_blocks():
    # seed 000 split over two pages: page of a normalized char comes from its block
    raw = RawDocument(path="x.pdf", sha256="0", format="pdf", blocks=(
        Block("5 năm qua, mặc dù gặp rất nhiều khó khăn, thách thức: Đại dịch Covid-19 kéo", page=1),
        Block("dài, mặt trái của cơ chế thị trường.", page=2),
    ))
    norm = normalize_document(raw)
    assert "Covid-19 kéo dài, mặt trái" in norm.text
    assert norm.page_at(norm.text.index("5 năm")) == 1
    assert norm.page_at(norm.text.index("dài")) == 2


def test_heading_block_stays_apart():
    # a heading block is never joined to the paragraph after it, even without final punctuation
    raw = RawDocument(path="x.docx", sha256="0", format="docx", blocks=(
        Block("Về tồn tại, hạn chế", kind="heading"),
        Block("trong quá trình triển khai, thực hiện đó là:"),
    ))
    assert normalize_document(raw).text.startswith("Về tồn tại, hạn chế\n\ntrong")


def test_pdf_block_line_reaching_the_margin_goes_on():
    # a PDF block's line that reached the margin goes on, even before an upper-case word: the
    # name "CĐCS Công ty / TNHH Điện tử Cẩm Điền" was cut in two (corpus/keys_renderings/pdf)
    path = SEEDS.parent / "keys_renderings" / "pdf" / "bao_cao_6_thang_cam_giang_2024.pdf"
    raw = read(path)
    text = normalize_document(raw).text
    assert "CĐCS Công ty TNHH Điện tử Cẩm Điền kết nạp 238" in text
    assert "lên 92%.\n\n" in text  # the paragraph still ends


def test_pdf_block_sentence_ending_at_the_margin_goes_on():
    # a PDF block's line that reached the margin as a sentence ended is not a paragraph's end: `Năm 2023,`
    # must keep governing the sentences after it (corpus/keys_blind8_renderings/pdf)
    from extractors.normalize.edits import MappedText
    from extractors.normalize.lines import join_lines
    wide = "Năm 2023, công ty có 1.630 lao động, nữ chiếm 84%; CĐCS có 1.572 đoàn viên công đoàn."
    text = f"{wide}\nThu nhập bình quân đạt 8,2 triệu đồng/người/tháng, tăng 6% so với năm 2022 trước.\nNgắn.\n\nMới."
    out = join_lines(MappedText.identity(text), layout_blocks=True).text
    assert out == f"{wide} Thu nhập bình quân đạt 8,2 triệu đồng/người/tháng, tăng 6% so với năm 2022 trước. Ngắn.\n\nMới."


def test_plain_text_header_lines_stay_apart():
    # in plain text a lone line break is no such evidence: `V/v …` and the place-and-date line
    # (corpus/keys/cong_van_thai_binh_2024.txt) are two lines
    text = (SEEDS.parent / "keys" / "cong_van_thai_binh_2024.txt").read_text(encoding="utf-8")
    assert "\nThái Bình, ngày 08 tháng 7 năm 2024" in normalize_text(text).text


@pytest.mark.parametrize(("raw", "expected"), [
    ("hoà thuận, thuỷ lợi, Uỷ ban", "hòa thuận, thủy lợi, Ủy ban"),  # tone placement, GLOSSARY style
    ("quý, khuya, hoàn thành", "quý, khuya, hoàn thành"),  # not oa/oe/uy at the end: untouched
    (unicodedata.normalize("NFD", "Công đoàn cơ sở"), "Công đoàn cơ sở"),  # decomposed input
    ("CHƢƠNG TRÌNH tăng cƣờng", "CHƯƠNG TRÌNH tăng cường"),  # seed 002 font
    ("hoμn thμnh nhiệm vụ", "hoàn thành nhiệm vụ"),  # Greek mu for à
    ("LIÊN ÐOÀN LAO ÐỘNG HUYỆN GIAO THỦY, Số: 58/BC-LÐLÐ, ðoàn viên",  # Icelandic eth for Đ (corpus/keys_blind14)
     "LIÊN ĐOÀN LAO ĐỘNG HUYỆN GIAO THỦY, Số: 58/BC-LĐLĐ, đoàn viên"),
    ("nhà tr−ờng", "nhà trường"),  # minus sign for ư inside a word
    ("a film of 5 µm and x − y", "a film of 5 µm and x − y"),  # not Vietnamese: untouched
    ("dày 5 µm", "dày 5 µm"),  # a unit after a number
    ("[bookmark: _GoBack]Kính thưa quý vị đại biểu!", "Kính thưa quý vị đại biểu!"),  # seed 003
    ('Xem HYPERLINK "http://congdoan.vn" tại đây', "Xem tại đây"),  # field code
    ("đoàn\u00adviên\u200b và\u00a0người lao động", "đoànviên và người lao động"),
    ("tổ chức\n- 3 -\ncông đoàn", "tổ chức công đoàn"),  # page number line dropped
    ("tổ chức\nTrang 3\ncông đoàn", "tổ chức công đoàn"),
    # a PDF copy's page number set far to the right on its own line (corpus/keys_blind34, keys_blind35)
    ("kết nạp 120 đoàn viên,\n" + " " * 40 + "1\nthành lập 3 CĐCS.", "kết nạp 120 đoàn viên, thành lập 3 CĐCS."),
    ("Số CĐCS:\n    12", "Số CĐCS: 12"),  # a number indented a little is text
    # a middle dot between a byline's parts is no TCVN3 `ã` (corpus/keys_blind8: `Tháng` became `Thỏng`)
    ("Hoàng Thu Trang · 24 Tháng 10, 2025 · 10:15", "Hoàng Thu Trang · 24 Tháng 10, 2025 · 10:15"),
    # a byline line under a title, time first or with its zone in brackets, stays a line (corpus/keys_blind12)
    ("Công đoàn Hưng Thịnh: Thu nhập bình quân 7,8 triệu đồng/tháng\n08:15 | 09/03/2024",
     "Công đoàn Hưng Thịnh: Thu nhập bình quân 7,8 triệu đồng/tháng\n\n08:15 | 09/03/2024"),
    ("Công đoàn Thủ đô: 9 tháng phát triển hơn 41.000 đoàn viên\n15/10/2025 - 09:30 (GMT+07:00)",
     "Công đoàn Thủ đô: 9 tháng phát triển hơn 41.000 đoàn viên\n\n15/10/2025 - 09:30 (GMT+07:00)"),
    ("Thừa Thiên - Huế dành hơn 12 tỉ đồng chăm lo Tết\n11-12-2024 - 16:20 | Tin, ảnh: Quang Nhật",  # its credit
     "Thừa Thiên - Huế dành hơn 12 tỉ đồng chăm lo Tết\n\n11-12-2024 - 16:20 | Tin, ảnh: Quang Nhật"),
    ("Nghệ An: 10 tháng kết nạp hơn 8.600 đoàn viên\n20-11-2025 - 15:12",  # dashes (corpus/keys_blind20)
     "Nghệ An: 10 tháng kết nạp hơn 8.600 đoàn viên\n\n20-11-2025 - 15:12"),
    # a company's name a PDF line broke after its legal form goes on (corpus/keys_blind19, keys_blind25)
    ("toàn huyện có 138 CĐCS với 6.915 đoàn viên. CĐCS Công ty TNHH Thủy sản\nThạch Kim kết nạp 86 đoàn viên.",
     "toàn huyện có 138 CĐCS với 6.915 đoàn viên. CĐCS Công ty TNHH Thủy sản Thạch Kim kết nạp 86 đoàn viên."),
    # … after five of its words; a unit's name broken after its administrative word (corpus/keys_blind42/45)
    ("thành lập mới 05 CĐCS. CĐCS Công ty TNHH Cơ khí Chính xác Bình\nPhú kết nạp 312 đoàn viên.",
     "thành lập mới 05 CĐCS. CĐCS Công ty TNHH Cơ khí Chính xác Bình Phú kết nạp 312 đoàn viên."),
    ("Riêng CĐCS Trung tâm Y tế huyện\nGiồng Riềng kết nạp 23 đoàn viên.",
     "Riêng CĐCS Trung tâm Y tế huyện Giồng Riềng kết nạp 23 đoàn viên."),
    ("Tháng Công nhân có 1.850 lượt đoàn viên tham gia.\nCông đoàn cơ sở Trường THCS Hảo\nNghĩa tổ chức giải bóng "
     "chuyền.", "Tháng Công nhân có 1.850 lượt đoàn viên tham gia.\n\nCông đoàn cơ sở Trường THCS Hảo Nghĩa tổ chức giải "
     "bóng chuyền."),  # corpus/keys_blind31
    ("TM. BAN CHẤP HÀNH\nCông đoàn cơ sở Trường THCS Hảo Nghĩa\nNơi nhận: như trên",  # a signature's name stays
     "TM. BAN CHẤP HÀNH\n\nCông đoàn cơ sở Trường THCS Hảo Nghĩa\n\nNơi nhận: như trên"),
    ("II. KẾT QUẢ HOẠT ĐỘNG CỦA LIÊN ĐOÀN LAO ĐỘNG TỈNH\nNăm 2024 toàn tỉnh kết nạp 900 đoàn viên.",  # a heading ends
     "II. KẾT QUẢ HOẠT ĐỘNG CỦA LIÊN ĐOÀN LAO ĐỘNG TỈNH\n\nNăm 2024 toàn tỉnh kết nạp 900 đoàn viên."),
    # a date alone on its line under a headline stands alone (corpus/keys_blind61)
    ("Tổng kết năm 2023: Công đoàn Kiên Giang kết nạp hơn 6.200 đoàn viên\n18/01/2024\nSáng 17/1, LĐLĐ tỉnh tổ chức "
     "hội nghị.", "Tổng kết năm 2023: Công đoàn Kiên Giang kết nạp hơn 6.200 đoàn viên\n\n18/01/2024\n\nSáng 17/1, "
     "LĐLĐ tỉnh tổ chức hội nghị."),
    # a news page's date and counter line stands alone, the lead after it too (corpus/keys_blind26)
    ('Đăng ngày: 14/01/2025 | Lượt xem: 1.215\n"Năm qua, toàn tỉnh kết nạp 3.418 đoàn viên"',
     'Đăng ngày: 14/01/2025 | Lượt xem: 1.215\n\n"Năm qua, toàn tỉnh kết nạp 3.418 đoàn viên"'),
    # a number a PDF line parted from the unit it counts goes on (corpus/keys_blind76, first run)
    ("Trong 6 tháng, kết nạp 342 đoàn viên, đạt 57% kế hoạch năm; thành lập mới 02\nCĐCS tại Công ty TNHH Cao su Lộc "
     "Thạnh.", "Trong 6 tháng, kết nạp 342 đoàn viên, đạt 57% kế hoạch năm; thành lập mới 02 CĐCS tại Công ty TNHH Cao "
     "su Lộc Thạnh."),
    ("II. KẾT QUẢ NĂM 2024\nCĐCS Công ty X kết nạp 30 đoàn viên.",  # a heading stays one (review)
     "II. KẾT QUẢ NĂM 2024\n\nCĐCS Công ty X kết nạp 30 đoàn viên."),
    # a site's breadcrumb stands alone: joined to the headline under it, it took the headline away (keys_blind69)
    ("Trang chủ | Tin tức - Sự kiện | Hoạt động Công đoàn\n9 tháng, các cấp công đoàn Gia Lai kết nạp hơn 6.500 đoàn "
     "viên", "Trang chủ | Tin tức - Sự kiện | Hoạt động Công đoàn\n\n9 tháng, các cấp công đoàn Gia Lai kết nạp hơn "
     "6.500 đoàn viên"),
    # a social-media post's time line under the page's name stays a line (corpus/keys_blind24)
    ("Công đoàn Cty TNHH Linh kiện Điện tử Đồng Văn\n16 tháng 8 lúc 20:15 · 🌏",
     "Công đoàn Cty TNHH Linh kiện Điện tử Đồng Văn\n\n16 tháng 8 lúc 20:15 · 🌏"),
    # a speech's labels open lines of their own; a label a PDF wrapped goes on (keys_blind21 as PDF)
    ("Ý KIẾN THAM LUẬN\nĐơn vị: Công đoàn Viên chức tỉnh Bạc Liêu\nNgười trình bày: Nguyễn Thị Lan",
     "Ý KIẾN THAM LUẬN\n\nĐơn vị: Công đoàn Viên chức tỉnh Bạc Liêu\n\nNgười trình bày: Nguyễn Thị Lan"),
    ("Người trình bày: đồng chí Vàng Thị Mỷ - Chủ tịch CĐCS NHCSXH chi nhánh tỉnh Lai\nChâu",
     "Người trình bày: đồng chí Vàng Thị Mỷ - Chủ tịch CĐCS NHCSXH chi nhánh tỉnh Lai Châu"),
    # an HTML line break left in copied text is a line end (corpus/keys_blind12 as DOCX)
    ("LIÊN ĐOÀN LAO ĐỘNG TỈNH THÁI NGUYÊN<br>CÔNG ĐOÀN CÁC KCN THÁI NGUYÊN<BR/>Số: 61/BC-CĐKCN",
     "LIÊN ĐOÀN LAO ĐỘNG TỈNH THÁI NGUYÊN CÔNG ĐOÀN CÁC KCN THÁI NGUYÊN\n\nSố: 61/BC-CĐKCN"),  # two lines in capitals
    ("Thu đoàn phí<br/>512 triệu đồng", "Thu đoàn phí 512 triệu đồng"),  # a sentence goes on past it
    # the kind word under a congress line opens the speech; it is not the congress line's tail (session 10)
    ("ĐẠI HỘI CÔNG ĐOÀN TỈNH BÌNH ĐỊNH LẦN THỨ XIV, NHIỆM KỲ 2023 - 2028\nTHAM LUẬN\nPHÁT HUY VAI TRÒ CÔNG ĐOÀN",
     "ĐẠI HỘI CÔNG ĐOÀN TỈNH BÌNH ĐỊNH LẦN THỨ XIV, NHIỆM KỲ 2023 - 2028\n\nTHAM LUẬN\n\nPHÁT HUY VAI TRÒ CÔNG ĐOÀN"),
    # an event's name under its host's stays a line of its own (corpus/keys_blind9)
    ("LIÊN ĐOÀN LAO ĐỘNG THÀNH PHỐ ĐÀ NẴNG\nHỘI NGHỊ TỔNG KẾT CÔNG TÁC CÔNG ĐOÀN NĂM 2024",
     "LIÊN ĐOÀN LAO ĐỘNG THÀNH PHỐ ĐÀ NẴNG\n\nHỘI NGHỊ TỔNG KẾT CÔNG TÁC CÔNG ĐOÀN NĂM 2024"),
    # a header's number line and place-and-date line stand apart from the motto's line before them (session 11:
    # the number ran into the issuer's line and `TP` of `TP Vinh, ngày …` into the issuer's name)
    ("CĐ NGÀNH Y TẾ NGHỆ AN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nCĐCS BỆNH VIỆN ĐK TP VINH Độc lập - Tự do - Hạnh "
     "phúc\nSố: 25/TB-CĐCS TP Vinh, ngày 02 tháng 8 năm 2024",
     "CĐ NGÀNH Y TẾ NGHỆ AN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nCĐCS BỆNH VIỆN ĐK TP VINH Độc lập - Tự do - Hạnh "
     "phúc\n\nSố: 25/TB-CĐCS TP Vinh, ngày 02 tháng 8 năm 2024"),
    ("LĐLĐ HUYỆN GIO LINH Độc lập - Tự do - Hạnh phúc\nGio Linh, ngày 20 tháng 4 năm 2024",
     "LĐLĐ HUYỆN GIO LINH Độc lập - Tự do - Hạnh phúc\n\nGio Linh, ngày 20 tháng 4 năm 2024"),
    # a line wholly in parentheses stands alone, even in a text whose lines all reach one width
    ("THAM LUẬN\n(Công đoàn cơ sở Công ty Cổ phần Dược Bình Định)\n\nNăm 2022, Công ty có 925 lao động.",
     "THAM LUẬN\n\n(Công đoàn cơ sở Công ty Cổ phần Dược Bình Định)\n\nNăm 2022, Công ty có 925 lao động."),
])
def test_normalize_text_rows(raw, expected):
    assert normalize_text(raw).text == expected


@pytest.mark.parametrize(("word", "valid"), [
    ("người", True), ("được", True), ("Công", True), ("ĐOÀN", True), ("quyết", True),  # seeds
    ("ngêi", False), ("®oµn", False), ("cÔng", False), ("mầt", False), ("hello", False),
])
def test_syllable_validator(word, valid):
    assert is_vietnamese_syllable(word) is valid


@pytest.mark.parametrize("marker", load("boilerplate.yaml")["related_news_markers"])
def test_a_related_news_list_is_cut_at_each_marker(marker):
    # corpus/keys_blind2: "Các tin khác" was not a marker and its headlines' numbers became figures
    article = ("Năm qua, Liên đoàn Lao động thị xã phát triển 1.864 đoàn viên, thành lập mới 14 công đoàn cơ sở. "
               "Công tác chăm lo cho người lao động được chú trọng, trao 3.150 suất quà Tết.\n\n") * 3
    tail = f"{marker}\n- Phú Mỹ: 300 công nhân được khám sức khỏe miễn phí (05/01/2024)\n- Trao 50 suất học bổng\n"
    text = normalize_text(article + tail).text
    assert "300 công nhân" not in text and "3.150 suất quà" in text


def test_word_paragraphs_that_run_on_are_one_paragraph(tmp_path):
    # text pasted from a PDF into Word: a paragraph a line (corpus/keys_blind21 as DOCX). A paragraph that stops
    # mid-sentence before one that opens in lower case, or with a number that is no list item, runs on; a heading,
    # a list item and a finished sentence stay apart
    import docx

    from extractors.extract import extract_file
    d = docx.Document()
    for line in ["1. Phát triển đoàn viên", "Sáu tháng đầu năm, LĐLĐ huyện kết nạp 214 đoàn viên, đạt 61,1% kế hoạch,",
                 "tăng 37 đoàn viên. CĐCS Công ty TNHH May", "mặc Hiệp Mỹ kết nạp 58 đoàn viên. Tính đến",
                 "30/6/2024, toàn huyện có 87 CĐCS.", "2. Đại diện, bảo vệ quyền lợi", "Có 24 doanh nghiệp đối thoại."]:
        d.add_paragraph(line)
    p = tmp_path / "bao_cao.docx"
    d.save(p)
    text = extract_file(p).documents[0].document.text
    assert "đạt 61,1% kế hoạch, tăng 37 đoàn viên. CĐCS Công ty TNHH May mặc Hiệp Mỹ kết nạp 58 đoàn viên. " \
           "Tính đến 30/6/2024, toàn huyện có 87 CĐCS." in text
    assert "1. Phát triển đoàn viên\n\nSáu tháng" in text and "87 CĐCS.\n\n2. Đại diện, bảo vệ quyền lợi\n\nCó 24" in text
