"""OCR (issue 19): scanned PDFs, photos and PDFs whose text layer is garbage are read with
Tesseract's Vietnamese model; each OCR'd page records its confidence; without Tesseract (or with
CHISO_OCR=off) a scan keeps the status needs_ocr with the install hint.

The fixtures in tests/fixtures/ocr/ are made by scripts/make_format_fixtures.py from the seeds' PDF
renderings: 200-dpi scans turned ±1.5° with noise and dust, and a phone photo of one page. The OCR
tests read about 10 pages (seed 000's 7 once, a page of seed 001's scan, the photo, a garbled page):
about 30 s of CPU, 15-20 s on two free cores."""

from __future__ import annotations

import io
import random
import sys
from pathlib import Path

import pytest

from extractors.extract import extract_file
from extractors.readers import read
from extractors.readers.ocr import (
    LOW_CONFIDENCE,
    OcrPage,
    OcrUnavailable,
    check_available,
    low_confidence_warning,
    skew_angle,
    tsv_blocks,
)
from extractors.readers.pdf_ocr import is_garbled
from extractors.records import STATUS_GARBLED, STATUS_NEEDS_OCR, Block
from pipeline.evaluate import load_gold, score
from pipeline.records_json import file_records

ROOT = Path(__file__).resolve().parent.parent
OCR = ROOT / "tests" / "fixtures" / "ocr"
SPEECH, PROGRAMME = "000_bf79206f8d7a586e", "001_2dd21463e6f50625"


def _tesseract_missing() -> str | None:
    try:
        check_available()
    except OcrUnavailable as why:
        return str(why)
    return None


needs_tesseract = pytest.mark.skipif(_tesseract_missing() is not None, reason=f"{_tesseract_missing()}")
sys.path.insert(0, str(ROOT / "scripts"))
from ocr_accuracy import char_error_rate, number_recall, page_texts  # noqa: E402


def _gold(stem: str) -> dict:
    gold = load_gold(ROOT / "corpus" / "gold")
    return {k: [r for r in v if Path(r.get("source", "")).stem == stem] for k, v in gold.items()}


# --- without the slow part: parsing, deskew, garbage text, no Tesseract ---------------------------

TSV = "\n".join([
    "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext",
    "5\t1\t1\t1\t1\t1\t0\t0\t10\t10\t96.5\tĐã",
    "5\t1\t1\t1\t1\t2\t0\t0\t10\t10\t91.0\tthành",
    "5\t1\t1\t1\t2\t1\t0\t0\t10\t10\t88.5\tlập",
    "4\t1\t1\t1\t2\t0\t0\t0\t10\t10\t-1\t",
    "5\t1\t2\t1\t1\t1\t0\t0\t10\t10\t90.0\t1,",
    "5\t1\t2\t1\t1\t2\t0\t0\t10\t10\t92.0\tCông",
    "5\t1\t2\t1\t1\t3\t0\t0\t10\t10\t94.0\tđoàn",
])


def test_tesseract_paragraphs_become_blocks_with_their_confidence():
    blocks, confs = tsv_blocks(TSV, page=3)
    assert [b.text for b in blocks] == ["Đã thành\nlập", "1. Công đoàn"]  # lines kept; `1,` heading fixed
    assert all(b.ocr and b.page == 3 for b in blocks)
    assert blocks[0].confidence == round((96.5 + 91.0 + 88.5) / 3, 1) and len(confs) == 6


def test_deskew_finds_the_tilt():
    from PIL import Image, ImageDraw

    img = Image.new("L", (1200, 1600), 255)
    draw = ImageDraw.Draw(img)
    for y in range(100, 1500, 40):
        draw.rectangle((100, y, 1100, y + 12), fill=0)  # lines of text, as ink bars
    assert abs(skew_angle(img.rotate(2.0, fillcolor=255)) + 2.0) <= 0.2


def test_low_confidence_pages_are_listed():
    pages = [OcrPage(1, (), 93.0, 500, 0.0), OcrPage(2, (), LOW_CONFIDENCE - 12, 80, 0.0), OcrPage(3, (), 0.0, 0, 0.0)]
    warning = low_confidence_warning(pages)
    assert warning and "page(s) 2 (58)" in warning and " 1 (" not in warning


@pytest.mark.parametrize("text, garbled", [
    ("Địa bàn thành phố Vinh hiện có 6.107 doanh nghiệp với 87.038 lao động đang hoạt động " * 4, False),
    ("§Þa bµn thµnh phè Vinh hiÖn cã 6.107 doanh nghiÖp víi 87.038 lao ®éng ®ang ho¹t ®éng " * 4, False),
    (" ".join("".join(random.Random(k).choices("qwrtzxkjvbnmplh", k=5)) for k in range(80)), True),
])
def test_garbage_text_layer_is_told_from_text_and_legacy_encodings(text, garbled):
    # seed 000's sentence, the same typed in TCVN3 (decoded later, not garbage), and letters of a broken font
    assert is_garbled([Block(text=text)])[0] is garbled


def _garbled_pdf(tmp_path: Path) -> Path:
    """Seed 001's first page as an image under an invisible text layer of nonsense (a broken font)."""
    import pypdfium2 as pdfium
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen.canvas import Canvas

    page = pdfium.PdfDocument(ROOT / "corpus" / "fixtures" / f"{PROGRAMME}.pdf")[0]
    buf = io.BytesIO()
    page.render(scale=200 / 72, grayscale=True).to_pil().save(buf, "PNG")
    path = tmp_path / "garbled.pdf"
    c = Canvas(str(path), pagesize=page.get_size())
    c.drawImage(ImageReader(io.BytesIO(buf.getvalue())), 0, 0, *page.get_size())
    rng = random.Random(19)
    text = c.beginText(50, 780)
    text.setTextRenderMode(3)  # invisible, as the text layer of a bad font or a bad earlier OCR
    for _ in range(40):
        text.textLine(" ".join("".join(rng.choices("qwrtzxkjvbnmplh", k=5)) for _ in range(10)))
    c.drawText(text)
    c.save()
    return path


def test_without_ocr_a_scan_needs_ocr_and_garbage_is_flagged(monkeypatch, tmp_path):
    monkeypatch.setenv("CHISO_TESSERACT", "tesseract-not-installed")
    raw = read(OCR / f"{PROGRAMME}.pdf")
    assert raw.status == STATUS_NEEDS_OCR and raw.blocks == () and raw.pages == 4
    assert "apt-get install tesseract-ocr tesseract-ocr-vie" in " ".join(raw.warnings)
    garbled = read(_garbled_pdf(tmp_path))
    assert garbled.status == STATUS_GARBLED and garbled.blocks == ()
    assert "text layer is garbage" in garbled.warnings[0]
    monkeypatch.setenv("CHISO_OCR", "off")
    monkeypatch.delenv("CHISO_TESSERACT")
    assert "turned off" in " ".join(read(OCR / f"{PROGRAMME}.pdf").warnings)


# --- Tesseract at work (slow: about 12 pages of OCR) ------------------------------------------------

@pytest.fixture(scope="module")
def speech_raw():
    """Seed 000's scan OCR'd once for the module (7 pages: most of the file's time)."""
    return read(OCR / f"{SPEECH}.pdf")


@pytest.fixture(scope="module")
def speech_scan(speech_raw):
    """Its extraction, from the same reading (extract_file's read handed the result)."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr("extractors.extract.read", lambda *args, **kwargs: speech_raw)
        return extract_file(OCR / f"{SPEECH}.pdf")


@needs_tesseract
@pytest.mark.slow
def test_scanned_speech_gives_the_figures_of_its_text(speech_scan):
    assert speech_scan.status == "ok" and speech_scan.format == "pdf"
    sc = score(list(file_records(speech_scan)), _gold(SPEECH))
    assert sc.documents_found == 2 and sc.f1 >= 0.95, sc.misses


@needs_tesseract
@pytest.mark.slow
def test_scan_reads_like_its_text_layer_and_records_confidence(speech_raw):
    raw = speech_raw
    assert raw.status == "ok" and raw.ocr_pages == (1, 2, 3, 4, 5, 6, 7)
    assert all(c >= LOW_CONFIDENCE for c in raw.page_confidence)
    assert all(b.ocr and b.confidence is not None for b in raw.blocks)
    assert any("read by OCR" in w for w in raw.warnings)
    reference, scanned = page_texts(read(ROOT / "corpus" / "fixtures" / f"{SPEECH}.pdf")), page_texts(raw)
    assert char_error_rate(reference, scanned) <= 0.01
    found, total = number_recall(reference, scanned)
    assert found >= 0.98 * total
    assert not any("bản in thử nghiệm" in b.text or b.text.startswith("Trang ") for b in raw.blocks)


@needs_tesseract
@pytest.mark.slow
def test_photo_of_a_page_gives_its_figures():
    result = extract_file(OCR / f"{SPEECH}.jpg")
    assert result.status == "ok" and result.format == "image"
    text = result.documents[0].document.text
    gold = _gold(SPEECH)
    on_page = [g for g in gold["figures"] if " ".join(g["quote"].split()) in " ".join(text.split())
               or g["text"] in text]
    found = {(f.text, f.value) for d in result.documents for f in d.figures}
    assert len(on_page) >= 8
    assert sum((g["text"], g["value"]) in found for g in on_page) >= 0.9 * len(on_page)


@needs_tesseract
@pytest.mark.slow
def test_garbage_text_layer_is_read_by_ocr_instead(tmp_path):
    raw = read(_garbled_pdf(tmp_path))
    assert raw.status == "ok" and raw.ocr_pages == (1,)
    assert "read by OCR instead" in raw.warnings[0]
    assert "ĐỔI MỚI NÂNG CAO CHẤT LƯỢNG" in "\n".join(b.text for b in raw.blocks)


@needs_tesseract
def test_blank_picture_and_failed_pages_are_no_success(tmp_path, monkeypatch):
    from PIL import Image

    import extractors.readers.ocr as ocr

    blank = tmp_path / "trang.png"
    Image.new("L", (850, 1150), 255).save(blank)
    raw = read(blank)
    assert raw.status == STATUS_NEEDS_OCR and raw.blocks == () and raw.warnings == ("an image: OCR found no words",)
    monkeypatch.setattr(ocr, "PAGE_TIMEOUT", 0.001)  # tesseract cannot finish: the page fails, no traceback
    result = extract_file(OCR / f"{SPEECH}.jpg")
    assert result.status == STATUS_NEEDS_OCR and "page 1: OCR failed (Tesseract took more than" in " ".join(
        result.warnings)


@needs_tesseract
@pytest.mark.slow
def test_pdf_with_text_pages_and_a_scanned_page(tmp_path):
    import pypdfium2 as pdfium

    # seed 001's PDF rendering with its page 2 replaced by the same page scanned
    text, scan = (pdfium.PdfDocument(ROOT / "corpus" / "fixtures" / f"{PROGRAMME}.pdf"),
                  pdfium.PdfDocument(OCR / f"{PROGRAMME}.pdf"))
    mixed = pdfium.PdfDocument.new()
    mixed.import_pages(text, [0])
    mixed.import_pages(scan, [1])
    mixed.import_pages(text, [2, 3])
    path = tmp_path / "mixed.pdf"
    mixed.save(path)
    raw = read(path)
    assert raw.status == "ok" and raw.ocr_pages == (2,)
    assert [b.page for b in raw.blocks] == sorted(b.page for b in raw.blocks)
    assert {b.page for b in raw.blocks if b.ocr} == {2} and {b.page for b in raw.blocks} == {1, 2, 3, 4}
    reference = page_texts(read(ROOT / "corpus" / "fixtures" / f"{PROGRAMME}.pdf"))
    assert char_error_rate({2: reference[2]}, page_texts(raw)) <= 0.01
