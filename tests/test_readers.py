"""Format readers: the seed renderings read back to the seed's words; detection by content;
DOCX leftovers, HTML boilerplate, text encodings and Markdown markup."""

from __future__ import annotations

import codecs
import unicodedata
from pathlib import Path

import pytest

from extractors.lang import load
from extractors.readers import read
from extractors.readers.detect import detect_format
from extractors.readers.encoding import decode_text
from extractors.readers.pdf_blocks import is_page_number
from extractors.readers.text import markdown_blocks
from extractors.records import CAPTION, HEADING, PARAGRAPH, TABLE_CELL, CorruptFile, UnsupportedFormat

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "corpus" / "seeds"
FIXTURES = ROOT / "corpus" / "fixtures"
TEST_FIXTURES = ROOT / "tests" / "fixtures"
RENDERINGS = sorted(p for p in FIXTURES.glob("*") if p.suffix in (".docx", ".pdf"))
PDF_HEADER = "Chỉ Số · bản in thử nghiệm"  # the running header scripts/make_fixtures.py draws


def words(text: str) -> list[str]:
    """Word sequence up to white space, NFC, the PDF-font `ƣ` as `ư`, Word's bookmark leftover out."""
    text = unicodedata.normalize("NFC", text).replace("ƣ", "ư").replace("Ƣ", "Ư")
    return text.replace("[bookmark: _GoBack]", " ").split()


def joined(path: Path) -> str:
    return "\n\n".join(b.text for b in read(path).blocks)


def test_every_seed_has_its_renderings():
    stems = {p.stem for p in SEEDS.glob("*.txt")}
    assert stems and stems == {p.stem for p in FIXTURES.glob("*.docx")} == {p.stem for p in FIXTURES.glob("*.pdf")}


@pytest.mark.parametrize("path", RENDERINGS, ids=lambda p: p.name)
def test_rendering_gives_the_seed_words(path):
    # corpus/fixtures/<seed>.docx|.pdf made by scripts/make_fixtures.py from corpus/seeds/<seed>.txt
    assert words(joined(path)) == words(joined(SEEDS / f"{path.stem}.txt"))


@pytest.mark.parametrize("path", sorted(FIXTURES.glob("*.pdf")), ids=lambda p: p.name)
def test_pdf_blocks_are_page_aware_without_header_or_page_numbers(path):
    raw = read(path)
    assert raw.format == "pdf" and raw.status == "ok" and raw.pages and raw.pages > 1
    pages = [b.page for b in raw.blocks]
    assert pages == sorted(pages) and pages[0] == 1 and pages[-1] == raw.pages
    assert not any(PDF_HEADER in b.text for b in raw.blocks)
    assert not any(is_page_number(line) for b in raw.blocks for line in b.text.split("\n"))


def test_pdf_paragraphs_split_and_lines_kept():
    # seed 000, first page: the org line and the first paragraph are separate blocks
    blocks = read(FIXTURES / "000_bf79206f8d7a586e.pdf").blocks
    texts = [b.text for b in blocks]
    assert texts[0] == "THAM LUẬN" and blocks[0].kind == HEADING
    assert "Liên đoàn Lao động thành phố Vinh" in texts
    i = next(i for i, t in enumerate(texts) if t.startswith("5 năm qua"))
    assert texts[i].count("\n") >= 8 and texts[i].endswith("đạt và vượt chỉ tiêu đề ra.")
    assert texts[i + 1].startswith("Trong bối cảnh hội nhập quốc tế sâu")


def test_pdf_table_cells_in_order_and_not_duplicated():
    # tests/fixtures/pdf/table.pdf: heading, paragraph, a ruled 3×3 table, paragraph
    blocks = read(TEST_FIXTURES / "pdf" / "table.pdf").blocks
    kinds = [b.kind for b in blocks]
    assert kinds == [HEADING, PARAGRAPH] + [TABLE_CELL] * 9 + [PARAGRAPH]
    assert [b.text for b in blocks if b.kind == TABLE_CELL] == [
        "Chỉ tiêu", "Năm 2023", "Năm 2024", "Đoàn viên phát triển mới", "2.668", "533",
        "Công đoàn cơ sở thành lập", "29", "05"]
    assert not any("2.668" in b.text for b in blocks if b.kind != TABLE_CELL)


@pytest.mark.parametrize("line, expected", [
    ("Trang 3", True),        # footer of corpus/fixtures/*.pdf
    ("- 12 -", True),         # Word's "- PAGE -" footer
    ("3", True),
    ("Trang 3/12", True),
    ("Page 4 of 10", True),
    ("05 công đoàn cơ sở", False),  # seed 000
    ("2023", True),           # a bare number in the margin zone: only dropped there
    ("Năm 2023", False),
])
def test_page_number_lines(line, expected):
    assert is_page_number(line) is expected


@pytest.mark.parametrize("data, name, expected", [
    (b"%PDF-1.7\n...", "report.bin", "pdf"),                       # magic, whatever the name
    (b"\n\n%PDF-1.4\n...", "x.pdf", "pdf"),                        # junk before the header is allowed
    ((FIXTURES / "003_b8eaf98e5b645ede.docx").read_bytes(), "renamed.pdf", "docx"),  # zip with word/document.xml
    (b"<!DOCTYPE html><html><body><p>x</p></body></html>", "page.txt", "html"),
    (b"\xef\xbb\xbf<html lang='vi'><head>", "a", "html"),
    ("### I. MỤC TIÊU\n\n**Chỉ tiêu** và [link](u)\n".encode(), "seed.txt", "md"),  # seed 001 style
    ("Công đoàn cơ sở\n".encode(), "note", "txt"),
    ("Công đoàn".encode("utf-16"), "note.txt", "txt"),
    ("C«ng ®oµn".encode("cp1252"), "legacy.txt", "txt"),          # TCVN3 shown as Latin-1: still text
])
def test_format_detected_from_content(data, name, expected):
    assert detect_format(data, name) == expected


@pytest.mark.parametrize("data, name, error, message", [
    (b"PK\x05\x06" + bytes(18), "corrupt.pdf", UnsupportedFormat, "corrupt.pdf: not a PDF (starts with 'PK'"),
    (b"", "empty.txt", CorruptFile, "empty.txt: empty file"),
    (bytes.fromhex("d0cf11e0a1b11ae1") + bytes(100), "old.doc", UnsupportedFormat,
     'convert it with "soffice --headless --convert-to docx old.doc"'),
    (b"\x89PNG\r\n\x1a\n" + bytes(50), "scan.png", UnsupportedFormat, "scan.png: not a document: a PNG image"),
    (bytes(range(256)) * 4, "blob", UnsupportedFormat, "blob: not a document (starts with"),
])
def test_detection_errors_name_the_file(data, name, error, message):
    with pytest.raises(error) as info:
        detect_format(data, name)
    assert message in str(info.value)


def test_docx_word_leftovers_never_leak():
    # tests/fixtures/docx/word_leftovers.docx: bookmark, comment, PAGEREF field, tracked 27→29, table
    blocks = read(TEST_FIXTURES / "docx" / "word_leftovers.docx").blocks
    assert [(b.kind, b.text) for b in blocks] == [
        (HEADING, "THAM LUẬN"),
        (PARAGRAPH, "Kính thưa đại hội!"),
        (PARAGRAPH, "Đã thành lập mới 29 công đoàn cơ sở (trang 3)."),
        (TABLE_CELL, "Chỉ tiêu"), (TABLE_CELL, "Kết quả"), (TABLE_CELL, "Đoàn viên mới"), (TABLE_CELL, "2.668"),
        (PARAGRAPH, "Xin trân trọng cảm ơn!"),
    ]


@pytest.mark.parametrize("path", sorted(FIXTURES.glob("*.docx")), ids=lambda p: p.name)
def test_docx_has_no_bookmark_text_and_keeps_headings(path):
    raw = read(path)
    assert raw.format == "docx" and raw.pages is None
    assert not any("[bookmark" in b.text or "_GoBack" in b.text for b in raw.blocks)
    if path.stem != "004_9008d95002dd26b8":  # the news article has no heading lines
        assert any(b.kind == HEADING for b in raw.blocks)


def test_docx_heading_styles_become_headings():
    # seed 001: `### Chương trình 3` and `## ĐỔI MỚI …` rendered as Heading 3 / Heading 2
    blocks = read(FIXTURES / "001_2dd21463e6f50625.docx").blocks
    assert blocks[0] == blocks[0].__class__(text="Chương trình 3", kind=HEADING)
    assert blocks[1].kind == HEADING and blocks[1].text.startswith("ĐỔI MỚI NÂNG CAO CHẤT LƯỢNG")


def test_html_keeps_article_drops_related_news():
    raw = read(FIXTURES / "004_9008d95002dd26b8.html")
    text = "\n\n".join(b.text for b in raw.blocks)
    assert raw.format == "html" and raw.date == "2018-09-10"
    assert raw.title and raw.title.endswith("Làm thế nào để nâng cao hiệu quả?")
    # article kept: lead, body, last paragraph, image caption (seed 004)
    assert "(LĐTĐ) Chiều 10/9 LĐLĐTP Hà Nội đã tổ chức Hội thảo" in text
    assert "Hướng dẫn số 704/HD-TLĐ ngày 12/5/2017" in text
    assert "Bộ quy tắc ứng xử và đạo đức nhà giáo" in text
    assert (CAPTION, "Chủ tịch LĐLĐ Thành phố Nguyễn Thị Tuyến phát biểu tại hội thảo.") in [
        (b.kind, b.text) for b in raw.blocks]
    # boilerplate dropped: menus, share bar, related lists, sidebar, footer, scripts
    for junk in ("Có thể bạn quan tâm", "Tin khác", "Nên xem", "Xem thêm", "ngáo đá", "Giá vàng hôm nay",
                 "Cụm thi đua số 6", "Trang chủ", "Chia sẻ Facebook", "Phiên bản di động", "gtag", "alert("):
        assert junk not in text, junk


@pytest.mark.parametrize("marker", load("html_boilerplate.yaml")["related_news_markers"])
def test_html_related_marker_ends_article(tmp_path, marker):
    # a page trafilatura keeps whole: the marker's heading (`Tin khác`, …) and what follows are cut
    page = ("<html><body><article><h1>Hội nghị</h1>" + "<p>Công đoàn cơ sở đã phát triển mới 533 đoàn viên.</p>" * 3
            + f"<h2>{marker}</h2><p>Giá vàng hôm nay tăng cao, vượt mốc 90 triệu đồng.</p></article></body></html>")
    (tmp_path / "p.html").write_text(page, encoding="utf-8")
    raw = read(tmp_path / "p.html")
    text = " ".join(b.text for b in raw.blocks)
    assert "533 đoàn viên" in text and "Giá vàng" not in text and marker not in text


SENTENCE = "Công đoàn cơ sở phát triển mới 2.668 đoàn viên, đạt 98,37% – “Phúc lợi đoàn viên”"  # seed 000


def cp1258_bytes(text: str) -> bytes:
    """Encode as Windows-1258 does: base letter (ơ, ư, â … precomposed) + a combining tone mark."""
    out = []
    for ch in text:
        parts = unicodedata.normalize("NFD", ch)
        tones = "".join(c for c in parts if c in "\u0300\u0301\u0303\u0309\u0323")
        out.append(unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones)) + tones)
    return "".join(out).encode("cp1258")


def double_encoded(text: str) -> bytes:
    """UTF-8 bytes decoded as cp1252 (latin-1 for its 5 undefined bytes), saved again as UTF-8."""
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in text.encode()).encode()


@pytest.mark.parametrize("data, encoding", [
    (SENTENCE.encode(), "utf-8"),
    (codecs.BOM_UTF8 + SENTENCE.encode(), "utf-8-sig"),
    (SENTENCE.encode("utf-16"), "utf-16"),                     # with BOM
    (codecs.BOM_UTF16_BE + SENTENCE.encode("utf-16-be"), "utf-16"),
    (cp1258_bytes(SENTENCE), "cp1258"),
    (double_encoded(SENTENCE), "utf-8+double-utf8"),           # `CÃ´ng Ä‘oÃ n`
    (double_encoded(SENTENCE).decode().encode("utf-16"), "utf-16+double-utf8"),
])
def test_text_encodings(tmp_path, data, encoding):
    path = tmp_path / "sample.txt"
    path.write_bytes(data)
    raw = read(path)
    assert raw.format == "txt"
    assert unicodedata.normalize("NFC", raw.blocks[0].text) == SENTENCE
    assert decode_text(data).encoding == encoding


@pytest.mark.parametrize("text", [
    "C«ng ®oµn viªn ngêi ®îc",   # TCVN3 shown as Latin-1: bytes decoded, left to the normalizer
    "Coâng ñoaøn",               # VNI shown as Latin-1
])
def test_legacy_8bit_kept_as_cp1252_text(text):
    decoded = decode_text(text.encode("cp1252"))
    assert decoded.text == text and decoded.encoding == "cp1252" and decoded.warnings


@pytest.mark.parametrize("text", [
    "Café crème, Ã© once",       # one `Ã©` is not evidence of double encoding
    "Đoàn viên công đoàn",      # clean UTF-8
])
def test_no_false_double_utf8_repair(text):
    assert decode_text(text.encode()).text == text


@pytest.mark.parametrize("md, expected", [
    ("### I. MỤC TIÊU", [(HEADING, "I. MỤC TIÊU")]),                                   # seed 001
    ("### **2. Công đoàn cấp trên trực tiếp cơ sở**", [(HEADING, "2. Công đoàn cấp trên trực tiếp cơ sở")]),
    ("**BAN CHẤP HÀNH  \nCÔNG ĐOÀN GIÁO DỤC VIỆT NAM**",                                 # seed 001 tail
     [(PARAGRAPH, "BAN CHẤP HÀNH\nCÔNG ĐOÀN GIÁO DỤC VIỆT NAM")]),
    ("- 100% công đoàn *các* đơn vị\n* __trường__ học", [(PARAGRAPH, "- 100% công đoàn các đơn vị\n- trường học")]),
    ("Xem [Nghị quyết 02](http://x/nq02) ![ảnh](a.jpg) tại `đây`",
     [(PARAGRAPH, "Xem Nghị quyết 02  tại đây")]),
    ("Kế hoạch\n========\n\nnội dung", [(HEADING, "Kế hoạch"), (PARAGRAPH, "nội dung")]),
    ("| Chỉ tiêu | Kết quả |\n|---|---|\n| Đoàn viên | 2.668 |",
     [(TABLE_CELL, "Chỉ tiêu"), (TABLE_CELL, "Kết quả"), (TABLE_CELL, "Đoàn viên"), (TABLE_CELL, "2.668")]),
])
def test_markdown_markup_removed(md, expected):
    assert [(b.kind, b.text) for b in markdown_blocks(md)] == expected


def test_txt_blocks_keep_line_breaks():
    # seed 000 starts with a title, a two-line quoted title, then blank-line separated runs
    blocks = read(SEEDS / "000_bf79206f8d7a586e.txt").blocks
    assert blocks[0].text == " THAM LUẬN"
    assert blocks[1].text.endswith("thành lập công đoàn\ncơ sở trong doanh nghiệp khu vực ngoài Nhà nước trong tình hình mới,")
    assert all(b.page is None for b in blocks)


@pytest.mark.parametrize(("text", "kinds"), [
    # rows of three tab-separated cells or more, a number among them: a table
    ("Kết quả:\nTT\tĐơn vị\tSố đoàn viên\n1\tCĐCS A\t398\n", ["paragraph", "table_cell"]),
    # a header's two columns set apart by a tab: no table
    ("LĐLĐ TỈNH X\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nLĐLĐ HUYỆN Y\tĐộc lập - Tự do - Hạnh phúc\n", ["paragraph"]),
    # one tabbed line alone: no table
    ("Tổng\t12\t34\n", ["paragraph"]),
])
def test_txt_tab_tables(text, kinds):
    blocks = read("x.txt", data=text.encode("utf-8")).blocks
    assert sorted({b.kind for b in blocks}) == sorted(kinds)


def test_a_text_file_that_is_markdown_is_read_as_markdown():
    # corpus/keys_blind12: a Word header table exported to Markdown, saved as .txt, `<br>` between a cell's lines
    text = ("| LIÊN ĐOÀN LAO ĐỘNG TỈNH THÁI NGUYÊN<br>**CÔNG ĐOÀN CÁC KCN THÁI NGUYÊN**<br>Số: 61/BC-CĐKCN | **CỘNG HÒA XÃ "
            "HỘI CHỦ NGHĨA VIỆT NAM** |\n|---|---|\n\n**BÁO CÁO**\n")
    blocks = read("x.txt", data=text.encode("utf-8")).blocks
    assert blocks[0].kind == "table_cell" and blocks[0].text.split("\n") == [
        "LIÊN ĐOÀN LAO ĐỘNG TỈNH THÁI NGUYÊN", "CÔNG ĐOÀN CÁC KCN THÁI NGUYÊN", "Số: 61/BC-CĐKCN"]
    assert blocks[-1].text == "BÁO CÁO"
    # … while `|` in plain prose makes no table
    assert all(b.kind == "paragraph" for b in read("y.txt", data="Kết quả | tốt\nnăm 2024".encode()).blocks)


def test_read_accepts_bytes_and_name():
    data = (FIXTURES / "003_b8eaf98e5b645ede.docx").read_bytes()
    raw = read("-", data=data, name="stdin.docx")
    assert raw.path == "stdin.docx" and raw.size == len(data) and len(raw.sha256) == 64 and raw.format == "docx"


# The PDFium fast path (extractors/readers/pdf_pdfium.py) must give exactly the blocks of the
# pdfminer path, on every committed PDF: seeds rendered with a running header, page numbers and a
# ruled table (read by pdfplumber's table finder on that page), and the hand-made test PDFs.
ALL_PDFS = sorted(FIXTURES.glob("*.pdf")) + sorted((TEST_FIXTURES / "pdf").glob("*.pdf"))


@pytest.mark.parametrize("path", ALL_PDFS, ids=lambda p: p.name)
def test_pdfium_and_pdfminer_paths_give_the_same_blocks(path, monkeypatch):
    from extractors.readers.pdf import READER_ENV, read_pdf

    data = path.read_bytes()
    monkeypatch.setenv(READER_ENV, "pdfminer")
    slow = read_pdf(data, path.name)
    monkeypatch.setenv(READER_ENV, "pdfium")
    fast = read_pdf(data, path.name)
    assert [(b.text, b.page, b.kind, b.table, b.row, b.col) for b in fast.blocks] == \
           [(b.text, b.page, b.kind, b.table, b.row, b.col) for b in slow.blocks]
    assert (fast.pages, fast.status, fast.title) == (slow.pages, slow.status, slow.title)


def test_pdfium_reads_the_text_pages(monkeypatch):
    from extractors.readers import pdf

    used = []
    original = pdf.read_page_fast
    monkeypatch.setattr(pdf, "read_page_fast", lambda page, n: used.append(n) or original(page, n))
    path = FIXTURES / "003_b8eaf98e5b645ede.pdf"
    pdf.read_pdf(path.read_bytes(), path.name)
    assert used == [1, 2, 3]  # every page asked PDFium first


@pytest.mark.parametrize("path", ALL_PDFS, ids=lambda p: p.name)
def test_pdfium_page_text_in_one_call_equals_char_by_char(path):
    import pypdfium2 as pdfium

    from extractors.readers.pdf_pdfium import _Chars

    pdf = pdfium.PdfDocument(path.read_bytes())
    try:
        for page in pdf:
            textpage = page.get_textpage()
            chars = _Chars(textpage)
            assert chars.codes() == [chars.code(i) for i in range(chars.count)]
            textpage.close()
            page.close()
    finally:
        pdf.close()


def test_a_year_a_heading_wrapped_onto_the_page_top_is_no_page_number():
    # corpus/keys_blind5 as PDF: "… NHIỆM KỲ 2023 -" / "2028" — the bare "2028" in the top zone was
    # dropped as a page number, and the speech's year became 2028
    path = Path(__file__).resolve().parents[1] / "corpus" / "keys_blind5_renderings" / "pdf" / \
        "tham_luan_cdvc_lai_chau_2023.pdf"
    text = "\n".join(b.text for b in read(path).blocks)
    assert "2028" in text.split("THAM LUẬN")[0]
