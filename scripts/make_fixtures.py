"""Render the seeds to DOCX / PDF / HTML and write the bad-input files (deterministic).

    .venv/bin/python scripts/make_fixtures.py            # writes corpus/fixtures/ and tests/fixtures/

Outputs (committed together with this script):
- corpus/fixtures/<seed-stem>.docx   python-docx; `#` headings and ALL-CAPS title lines as Heading styles
- corpus/fixtures/<seed-stem>.pdf    reportlab, A4, DejaVu Sans (subset), running header + page-number footer
- corpus/fixtures/004_9008d95002dd26b8.html   seed 004 laid out as a real news page
- tests/fixtures/docx/word_leftovers.docx    bookmark, comment, field code, tracked changes, a table
- tests/fixtures/pdf/table.pdf               a paragraph, a ruled table, a paragraph
- tests/fixtures/bad/*                       empty, truncated, encrypted, image-only, zip-as-pdf, zip bomb, ...

Text is rendered as the seed says it; only the defects a real file would not carry are cleaned
(markdown marks, `[bookmark: _GoBack]`, lines hard-wrapped by the text export are re-flowed).
"""

from __future__ import annotations

import datetime
import io
import random
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "corpus" / "seeds"
OUT = ROOT / "corpus" / "fixtures"
TESTS = ROOT / "tests" / "fixtures"
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FIXED_TIME = (2024, 1, 1, 0, 0, 0)  # zip member timestamps, so reruns give identical bytes

BOOKMARK = "[bookmark: _GoBack]"
SENTENCE_END = tuple(".!?:;”\")")
MD_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
BULLET = re.compile(r"^([-+*]\s|\d+[.)]\s?|[IVX]+\.\s|[a-zđ]\)\s)")


@dataclass(frozen=True)
class Para:
    text: str
    level: int = 0  # 0 = body paragraph, 1..6 = heading level
    bookmark: bool = False  # the seed had `[bookmark: _GoBack]` here


def _clean_inline(text: str) -> str:
    text = re.sub(r"\*\*|__", "", text)
    return re.sub(r"\s+", " ", text).strip()


def _is_caps_title(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return 3 <= len(letters) and len(text) <= 160 and all(c.isupper() for c in letters)


def _hard_wrapped(lines: list[str]) -> bool:
    """A text export that broke every line (seeds 000, 002): most lines end mid-sentence."""
    body = [ln.rstrip() for ln in lines if ln.strip()]
    open_ends = sum(1 for ln in body if not ln.endswith(SENTENCE_END))
    return len(body) > 40 and open_ends > 0.6 * len(body)


def _double_spaced(lines: list[str]) -> bool:
    """A blank line after nearly every line (seed 002): blank lines then say nothing."""
    pairs = [(a.strip(), b.strip()) for a, b in zip(lines, lines[1:], strict=False)]
    body = [b for a, b in pairs if a]
    return len(body) > 40 and sum(1 for b in body if not b) > 0.8 * len(body)


def _continues(prev: str, line: str, wrapped: bool, same_chunk: bool) -> bool:
    """Whether `line` continues the paragraph `prev` (re-flow of hard-wrapped text)."""
    if not prev or prev.endswith(SENTENCE_END) or BULLET.match(line) or _is_caps_title(prev):
        return False
    if line[:1].islower() or (same_chunk and line[:1].isdigit()):
        return True
    return wrapped and same_chunk and len(prev) >= 60


def seed_paragraphs(text: str) -> list[Para]:
    """The seed's paragraphs as a word processor would hold them."""
    lines = text.lstrip("\ufeff").splitlines()
    wrapped = _hard_wrapped(lines)
    blanks_mean_nothing = _double_spaced(lines)
    paras: list[Para] = []
    cur: list[str] = []
    bookmark = False
    last_line = ""
    blank_since = True

    def flush() -> None:
        nonlocal cur, bookmark
        if cur:
            joined = _clean_inline(" ".join(cur))
            level = 1 if _is_caps_title(joined) and len(joined) < 120 else 0
            if joined:
                paras.append(Para(joined, level, bookmark))
        cur, bookmark = [], False

    for raw in lines:
        line = raw.strip()
        if not line:
            blank_since = True
            continue
        has_bookmark = BOOKMARK in line
        line = line.replace(BOOKMARK, "").strip()
        m = MD_HEADING.match(line)
        if m:
            flush()
            paras.append(Para(_clean_inline(m.group(2)), len(m.group(1))))
            last_line, blank_since = "", False
            continue
        same_chunk = blank_since is False or blanks_mean_nothing
        if has_bookmark or not (cur and _continues(last_line, line, wrapped, same_chunk)):
            flush()
        bookmark = bookmark or has_bookmark
        cur.append(line)
        last_line, blank_since = line, False
    flush()
    return paras


# ---------------------------------------------------------------- DOCX

def _fix_zip(data: bytes) -> bytes:
    """Rewrite a zip with fixed timestamps and member order (python-docx stamps the clock time)."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, FIXED_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(zi, src.read(info.filename))
    return out.getvalue()


def _add_bookmark(paragraph, name: str = "_GoBack") -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    start = OxmlElement("w:bookmarkStart")
    start.set(qn("w:id"), "0")
    start.set(qn("w:name"), name)
    end = OxmlElement("w:bookmarkEnd")
    end.set(qn("w:id"), "0")
    paragraph._p.insert(0, start)
    paragraph._p.insert(1, end)


def _docx_document():
    import docx

    d = docx.Document()
    d.core_properties.author = "Chỉ Số fixtures"
    d.core_properties.title = ""
    return d


def render_docx(paras: list[Para]) -> bytes:
    d = _docx_document()
    for p in paras:
        if p.level:
            para = d.add_heading(p.text, level=min(p.level, 4))
        else:
            para = d.add_paragraph(p.text)
        if p.bookmark:
            _add_bookmark(para)
    buf = io.BytesIO()
    d.save(buf)
    return _fix_zip(buf.getvalue())


# ---------------------------------------------------------------- PDF

def _register_fonts() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if "DejaVuSans" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DejaVuSans", str(FONT_DIR / "DejaVuSans.ttf")))
        pdfmetrics.registerFont(TTFont("DejaVuSans-Bold", str(FONT_DIR / "DejaVuSans-Bold.ttf")))


def _styles():
    from reportlab.lib.styles import ParagraphStyle

    body = ParagraphStyle("body", fontName="DejaVuSans", fontSize=11, leading=15,
                          firstLineIndent=18, spaceAfter=5, alignment=4)
    heading = ParagraphStyle("heading", fontName="DejaVuSans-Bold", fontSize=12.5, leading=16,
                             spaceBefore=8, spaceAfter=6, alignment=0)
    return body, heading


def _page_decorations(header: str):
    from reportlab.lib.pagesizes import A4

    def draw(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont("DejaVuSans", 8.5)
        canvas.drawString(56, A4[1] - 36, header)
        canvas.line(56, A4[1] - 40, A4[0] - 56, A4[1] - 40)
        canvas.drawCentredString(A4[0] / 2, 30, f"Trang {doc.page}")
        canvas.restoreState()

    return draw


def _pdf_doc(buf: io.BytesIO, **kw):
    from reportlab import rl_config
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate

    rl_config.invariant = 1  # fixed creation date and document id: identical bytes on every run
    return SimpleDocTemplate(buf, pagesize=A4, leftMargin=56, rightMargin=56, topMargin=60,
                             bottomMargin=56, title="", author="", creator="Chỉ Số fixtures", **kw)


def render_pdf(paras: list[Para], header: str, encrypt=None) -> bytes:
    from reportlab.platypus import Paragraph

    _register_fonts()
    body, heading = _styles()
    buf = io.BytesIO()
    doc = _pdf_doc(buf, encrypt=encrypt)
    story = [Paragraph(escape(p.text), heading if p.level else body) for p in paras]
    deco = _page_decorations(header)
    doc.build(story, onFirstPage=deco, onLaterPages=deco)
    return buf.getvalue()


def render_table_pdf() -> bytes:
    """A paragraph, a ruled table, a paragraph: table cells must come out once, in order."""
    from reportlab.lib import colors
    from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

    _register_fonts()
    body, heading = _styles()
    rows = [["Chỉ tiêu", "Năm 2023", "Năm 2024"],
            ["Đoàn viên phát triển mới", "2.668", "533"],
            ["Công đoàn cơ sở thành lập", "29", "05"]]
    table = Table(rows, colWidths=[220, 100, 100])
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), "DejaVuSans"),
                               ("GRID", (0, 0), (-1, -1), 0.7, colors.black)]))
    buf = io.BytesIO()
    doc = _pdf_doc(buf)
    doc.build([Paragraph("KẾT QUẢ PHÁT TRIỂN ĐOÀN VIÊN", heading),
               Paragraph("Địa bàn thành phố Vinh hiện có 6.107 doanh nghiệp với 87.038 lao động.", body),
               Spacer(1, 8), table, Spacer(1, 8),
               Paragraph("Xin trân trọng cảm ơn!", body)])
    return buf.getvalue()


def render_image_only_pdf() -> bytes:
    """One page that only holds a raster image (a scan): no text layer at all."""
    from PIL import Image, ImageDraw
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen.canvas import Canvas

    img = Image.new("L", (240, 120), 255)
    draw = ImageDraw.Draw(img)
    for y in range(20, 110, 14):
        draw.line((20, y, 220, y), fill=0, width=3)  # lines that look like scanned text rows
    png = io.BytesIO()
    img.save(png, format="PNG")
    buf = io.BytesIO()
    from reportlab import rl_config

    rl_config.invariant = 1
    c = Canvas(buf)
    c.drawImage(ImageReader(io.BytesIO(png.getvalue())), 72, 500, width=400, height=200)
    c.showPage()
    c.save()
    return buf.getvalue()


# ---------------------------------------------------------------- bad inputs

def _zip(members: list[tuple[str, bytes, int]]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data, method in members:
            zi = zipfile.ZipInfo(name, FIXED_TIME)
            zi.compress_type = method
            z.writestr(zi, data)
    return buf.getvalue()


CONTENT_TYPES = (b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
                 b'package/2006/content-types"><Override PartName="/word/document.xml" ContentType="'
                 b'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')


def zip_bomb_docx() -> bytes:
    """A DOCX whose word/document.xml unpacks to 300 MB (bzip2 of spaces: a few hundred bytes)."""
    return _zip([("[Content_Types].xml", CONTENT_TYPES, zipfile.ZIP_DEFLATED),
                 ("word/document.xml", b" " * (300 * 1024 * 1024), zipfile.ZIP_BZIP2)])


def bad_inputs(small_pdf: bytes) -> dict[str, bytes]:
    rng = random.Random(20241123)
    cut = small_pdf[: len(small_pdf) * 3 // 5]
    return {
        "empty.pdf": b"",
        "truncated.pdf": cut,
        "encrypted.pdf": render_pdf([Para("Báo cáo mật: 6.107 doanh nghiệp.")], "Chỉ Số · mật",
                                    encrypt=_encryption()),
        "image_only.pdf": render_image_only_pdf(),
        "zip_really.pdf": _zip([("readme.txt", "Công đoàn\n".encode(), zipfile.ZIP_DEFLATED)]),
        "zip_bomb.docx": zip_bomb_docx(),
        "no_document_xml.docx": _zip([("[Content_Types].xml", CONTENT_TYPES, zipfile.ZIP_DEFLATED)]),
        "not_a_zip.docx": "Đây không phải là tệp DOCX.\n".encode(),
        "legacy.doc": bytes.fromhex("d0cf11e0a1b11ae1") + bytes(rng.randrange(256) for _ in range(504)),
        "random.bin": bytes(rng.randrange(256) for _ in range(4096)),
        "script.html": SCRIPT_HTML.encode(),
    }


def _encryption():
    from reportlab.lib.pdfencrypt import StandardEncryption

    # a user password: no reader may open it without one (an empty user password opens silently)
    return StandardEncryption("mat-khau", ownerPassword="chu-so-huu", strength=128)


SCRIPT_HTML = """<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>Hội nghị công đoàn</title>
<script>alert(1)</script><script>var tracking = "Có thể bạn quan tâm";</script></head>
<body><nav><a href="/">Trang chủ</a> <a href="/tin">Tin tức</a></nav>
<article><h1>Hội nghị công đoàn</h1>
<p>Năm 2023, Liên đoàn Lao động thành phố đã thành lập mới 29 công đoàn cơ sở, phát triển mới 2.668 đoàn viên.</p>
<script>document.write('<p>Chèn bởi script</p>'); alert(1)</script>
<p>Hội nghị đã thống nhất các chỉ tiêu cho năm 2024, trong đó có 100% công đoàn cơ sở xây dựng kế hoạch.</p>
<noscript>Trình duyệt của bạn không hỗ trợ JavaScript.</noscript>
</article><script>alert(1)</script></body></html>
"""


# ---------------------------------------------------------------- Word leftovers

LEFTOVERS_BODY = """
<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>THAM LUẬN</w:t></w:r></w:p>
<w:p><w:bookmarkStart w:id="0" w:name="_GoBack"/><w:bookmarkEnd w:id="0"/>
<w:r><w:t xml:space="preserve">Kính thưa </w:t></w:r>
<w:commentRangeStart w:id="1"/><w:r><w:t>đại hội!</w:t></w:r><w:commentRangeEnd w:id="1"/>
<w:r><w:commentReference w:id="1"/></w:r></w:p>
<w:p><w:r><w:t xml:space="preserve">Đã thành lập mới </w:t></w:r>
<w:del w:id="2" w:author="A"><w:r><w:delText>27</w:delText></w:r></w:del>
<w:ins w:id="3" w:author="A"><w:r><w:t>29</w:t></w:r></w:ins>
<w:r><w:t xml:space="preserve"> công đoàn cơ sở (trang </w:t></w:r>
<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGEREF _Toc123 \\h </w:instrText></w:r>
<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>
<w:r><w:t>).</w:t></w:r></w:p>
<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Chỉ tiêu</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Kết quả</w:t></w:r></w:p></w:tc></w:tr>
<w:tr><w:tc><w:p><w:r><w:t>Đoàn viên mới</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>2.668</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
<w:p><w:hyperlink r:id="rIdX"><w:r><w:t>Xin trân trọng cảm ơn!</w:t></w:r></w:hyperlink></w:p>
"""


def word_leftovers_docx() -> bytes:
    """A DOCX with the Word leftovers that must never reach the text (XML written by hand)."""
    from docx.oxml import parse_xml

    d = _docx_document()
    body = d.element.body
    ns = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
          'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"')
    frag = parse_xml(f"<w:body {ns}>{LEFTOVERS_BODY}</w:body>")
    sect = body[-1]
    for child in list(frag):
        sect.addprevious(child)
    comment = d.add_comment(d.paragraphs[0].runs[0], text="Ghi chú của người duyệt: kiểm tra số liệu", author="A")
    comment._comment_elm.date = datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC)  # not the clock
    buf = io.BytesIO()
    d.save(buf)
    return _fix_zip(buf.getvalue())


# ---------------------------------------------------------------- main

def write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    print(f"{path.relative_to(ROOT)}  {len(data):,} bytes")


def main() -> None:
    from make_fixture_html import render_news_html  # the script folder is on sys.path

    seed_pdfs: dict[str, bytes] = {}
    for seed in sorted(SEEDS.glob("*.txt")):
        paras = seed_paragraphs(seed.read_text(encoding="utf-8"))
        write(OUT / f"{seed.stem}.docx", render_docx(paras))
        seed_pdfs[seed.stem] = render_pdf(paras, f"Chỉ Số · bản in thử nghiệm · {seed.stem}")
        write(OUT / f"{seed.stem}.pdf", seed_pdfs[seed.stem])
    news = SEEDS / "004_9008d95002dd26b8.txt"
    write(OUT / f"{news.stem}.html", render_news_html(news.read_text(encoding="utf-8")).encode())
    write(TESTS / "docx" / "word_leftovers.docx", word_leftovers_docx())
    write(TESTS / "pdf" / "table.pdf", render_table_pdf())
    small = render_pdf(seed_paragraphs((SEEDS / "003_b8eaf98e5b645ede.txt").read_text("utf-8"))[:12],
                       "Chỉ Số · cắt cụt")
    for name, data in bad_inputs(small).items():
        write(TESTS / "bad" / name, data)


if __name__ == "__main__":
    main()
