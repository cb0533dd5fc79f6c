"""Make the fixtures of issue 19 (formats read through LibreOffice, spreadsheets, OCR):

- tests/fixtures/sheets/thong_ke_doan_vien.xlsx: a statistics form as a union office fills it
  (title rows, a two-row header, one row per unit, a `Tổng cộng` row, formulas computed and cached
  by LibreOffice), and its .xls and .ods renderings made by LibreOffice;
- tests/fixtures/office/001_2dd21463e6f50625.doc (and .odt, .rtf): seed 001's DOCX rendering
  saved by LibreOffice as Word 97-2003, ODT and RTF;
- tests/fixtures/office/to_trinh_mai_am_2024.doc: a tờ trình as offices type it in Word (the two-line
  header and the place-and-date line in a borderless two-column table, a `Căn cứ` line citing a plan),
  its text from corpus/keys_blind/to_trinh_cdn_nong_nghiep_phu_yen_2024.txt, saved as Word 97-2003;
- tests/fixtures/ocr/000_bf79206f8d7a586e.pdf and 001_2dd21463e6f50625.pdf: seeds 000 and 001's
  PDF renderings scanned: rasterized at 200 dpi, turned ±1.5°, grey noise, dust and a little blur
  added, saved as image-only PDFs;
- tests/fixtures/ocr/000_bf79206f8d7a586e.jpg: seed 000's first page as a phone photo (on a desk,
  perspective, uneven warm light, JPEG quality 70).

Needs LibreOffice (`soffice`) for the conversions. Deterministic noise (seeded). Run:
    .venv/bin/python scripts/make_format_fixtures.py [sheets|office|ocr ...]
"""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "fixtures"
SEED = "001_2dd21463e6f50625"
SCANNED = ("000_bf79206f8d7a586e", SEED)  # a speech (7 pages, 2 documents, 33 figures) and a programme
PHOTO = "000_bf79206f8d7a586e"  # its first page holds the speech's figures

# (unit, plan, done): one row per grassroots union of a district federation
UNITS = [
    ("CĐCS Công ty TNHH May Hòa Bình", 120, 135),
    ("CĐCS Công ty CP Thủy sản Nghệ An", 80, 76),
    ("CĐCS Trường THPT Nguyễn Du", 15, 18),
    ("CĐCS Bệnh viện Đa khoa huyện", 40, 41),
    ("CĐCS Công ty TNHH Điện tử Sao Mai", 200, 214),
    ("CĐCS Ủy ban nhân dân xã Nghi Phong", 10, 9),
    ("Công đoàn cơ sở Trường Mầm non Hoa Sen", 12, 12),
]


def _soffice(src: Path, target: str, outdir: Path) -> Path:
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(["soffice", f"-env:UserInstallation={Path(profile).as_uri()}", "--headless",
                        "--convert-to", target, "--outdir", str(outdir), str(src)],
                       check=True, capture_output=True, timeout=180)
    return outdir / f"{src.stem}.{target.split(':')[0]}"


def make_workbook(path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    wb = Workbook()
    ws = wb.active
    ws.title = "Biểu 01"
    ws.append(["LIÊN ĐOÀN LAO ĐỘNG TỈNH NGHỆ AN"])
    ws.append(["LIÊN ĐOÀN LAO ĐỘNG HUYỆN NGHI LỘC"])
    ws.append([])
    ws.append(["BIỂU THỐNG KÊ KẾT QUẢ PHÁT TRIỂN ĐOÀN VIÊN NĂM 2024"])
    ws.append(["(Số liệu tính đến ngày 31/12/2024)"])
    ws.append([])
    ws.append(["TT", "Đơn vị", "Kết quả phát triển đoàn viên năm 2024", None, None])
    ws.append([None, None, "Kế hoạch", "Thực hiện", "Tỷ lệ % so với KH"])
    ws.append(["(1)", "(2)", "(3)", "(4)", "(5)"])
    first = ws.max_row + 1
    for k, (unit, plan, done) in enumerate(UNITS, start=1):
        r = ws.max_row + 1
        ws.append([k, unit, plan, done, f"=D{r}/C{r}"])
        ws.cell(r, 5).number_format = "0.00%"
    last = ws.max_row
    r = last + 1
    ws.append(["Tổng cộng", None, f"=SUM(C{first}:C{last})", f"=SUM(D{first}:D{last})", f"=D{r}/C{r}"])
    ws.cell(r, 5).number_format = "0.00%"
    ws.append([])
    ws.append([None, None, None, "Nghi Lộc, ngày 10 tháng 01 năm 2025"])
    ws.append([None, None, None, "TM. BAN THƯỜNG VỤ"])
    for rng in ("A1:B1", "A2:B2", "A4:E4", "A5:E5", "A7:A8", "B7:B8", "C7:E7", f"A{r}:B{r}"):
        ws.merge_cells(rng)
    for row in (4, 7, 8):
        for cell in ws[row]:
            cell.font = Font(bold=True)
            cell.alignment = Alignment(horizontal="center", wrap_text=True)
    ws.column_dimensions["B"].width = 42
    for col in "CDE":
        ws.column_dimensions[col].width = 14
    _indicator_sheet(wb.create_sheet("Biểu 02"))
    with tempfile.TemporaryDirectory() as tmp:
        raw = Path(tmp) / "raw.xlsx"
        wb.save(raw)
        # openpyxl writes formulas without values: LibreOffice computes and caches them
        out = _soffice(raw, "xlsx:Calc MS Excel 2007 XML", Path(tmp) / "out")
        shutil.copy(out, path)


# (indicator, unit of measure, 2023, 2024): a sheet whose rows are things, not units
INDICATORS = [
    ("Số công đoàn cơ sở thành lập mới", "CĐCS", 12, 15),
    ("Số đoàn viên kết nạp mới", "Người", 430, 505),
    ("Tổng số đoàn viên", "Người", 8120, 8540),
]


def _indicator_sheet(ws) -> None:
    ws.append(["KẾT QUẢ THÀNH LẬP CÔNG ĐOÀN CƠ SỞ VÀ PHÁT TRIỂN ĐOÀN VIÊN"])
    ws.append([])
    ws.append(["STT", "Chỉ tiêu", "Đơn vị tính", "Năm 2023", "Năm 2024", "So sánh (%)"])
    for k, (name, unit, before, now) in enumerate(INDICATORS, start=1):
        r = ws.max_row + 1
        ws.append([k, name, unit, before, now, f"=E{r}/D{r}*100"])
        ws.cell(r, 6).number_format = "0.0"
    ws.merge_cells("A1:F1")
    ws.column_dimensions["B"].width = 36


def make_sheets() -> None:
    folder = OUT / "sheets"
    folder.mkdir(parents=True, exist_ok=True)
    xlsx = folder / "thong_ke_doan_vien.xlsx"
    make_workbook(xlsx)
    for target in ("xls", "ods"):
        _soffice(xlsx, target, folder)


def make_office() -> None:
    folder = OUT / "office"
    folder.mkdir(parents=True, exist_ok=True)
    src = ROOT / "corpus" / "fixtures" / f"{SEED}.docx"
    for target in ("doc:MS Word 97", "odt", "rtf"):
        _soffice(src, target, folder)


TO_TRINH = ROOT / "corpus" / "keys_blind" / "to_trinh_cdn_nong_nghiep_phu_yen_2024.txt"
CITED = ("Căn cứ Kế hoạch số 15/KH-LĐLĐ ngày 12/01/2024 của Ban Thường vụ Liên đoàn Lao động tỉnh Phú Yên "
         "về chương trình \"Mái ấm Công đoàn\" năm 2024;")


def make_to_trinh_doc() -> None:
    """The tờ trình's header in a two-column table (left: the superior and the issuer, the number; right:
    the motto and the place-and-date line), then its body, a cited plan added before `Kính gửi`'s body."""
    import docx

    lines = TO_TRINH.read_text(encoding="utf-8").splitlines()
    left, right = [lines[0], lines[2], lines[4]], [lines[1], lines[3], lines[5]]
    d = docx.Document()
    table = d.add_table(rows=1, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "\n".join(left), "\n".join(right)
    body = lines[6:]
    at = next(k for k, line in enumerate(body) if line.startswith("Kính gửi")) + 1
    for line in body[:at] + ["", CITED] + body[at:]:
        d.add_paragraph(line)
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "to_trinh_mai_am_2024.docx"
        d.save(src)
        _soffice(src, "doc:MS Word 97", OUT / "office")


def _scan_page(img, angle: float, seed: int):
    """A page as a flatbed scanner gives it: grey, a little tilted, noisy, slightly soft."""
    import numpy as np
    from PIL import Image, ImageFilter

    rng = np.random.default_rng(seed)
    img = img.convert("L").rotate(angle, resample=Image.BICUBIC, expand=False, fillcolor=255)
    img = img.filter(ImageFilter.GaussianBlur(0.6))
    arr = np.asarray(img, dtype=np.float32)
    arr = arr * 0.92 + 12 + rng.normal(0, 14, arr.shape)  # paper grey and sensor noise
    specks = rng.random(arr.shape) < 0.0008  # dust
    arr[specks] = 40
    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))


def make_scan(dpi: int = 200, angle: float = 1.5) -> None:
    import pypdfium2 as pdfium

    folder = OUT / "ocr"
    folder.mkdir(parents=True, exist_ok=True)
    for stem in SCANNED:
        pdf = pdfium.PdfDocument(ROOT / "corpus" / "fixtures" / f"{stem}.pdf")
        pages = []
        for i in range(len(pdf)):
            bitmap = pdf[i].render(scale=dpi / 72, grayscale=True)
            pages.append(_scan_page(bitmap.to_pil(), angle if i % 2 == 0 else -angle, seed=i))
        pages[0].save(folder / f"{stem}.pdf", "PDF", resolution=dpi, save_all=True, append_images=pages[1:],
                      quality=40)
    pdf = pdfium.PdfDocument(ROOT / "corpus" / "fixtures" / f"{PHOTO}.pdf")
    photo = _photo(pdf[0].render(scale=220 / 72).to_pil())
    buf = io.BytesIO()
    photo.save(buf, "JPEG", quality=70)
    (folder / f"{PHOTO}.jpg").write_bytes(buf.getvalue())


def _photo(img):
    """A phone photo of a page: on a darker desk, seen slightly from the side, light from one corner."""
    import numpy as np
    from PIL import Image

    img = img.convert("RGB")
    w, h = img.size
    desk = Image.new("RGB", (int(w * 1.08), int(h * 1.06)), (92, 84, 72))
    desk.paste(img, (int(w * 0.04), int(h * 0.03)))
    W, H = desk.size
    # perspective: the top edge a little narrower than the bottom (the phone held below the page)
    shrink = 0.025 * W
    coeffs = _perspective_coeffs([(shrink, 0), (W - shrink, 0), (W, H), (0, H)], [(0, 0), (W, 0), (W, H), (0, H)])
    desk = desk.transform((W, H), Image.PERSPECTIVE, coeffs, Image.BICUBIC, fillcolor=(92, 84, 72))
    arr = np.asarray(desk, dtype=np.float32)
    yy, xx = np.mgrid[0:H, 0:W]
    light = 1.0 - 0.22 * ((xx / W) * 0.6 + (yy / H) * 0.4)  # shade toward the bottom right
    arr = arr * light[..., None] * np.array([1.0, 0.97, 0.9])  # warm indoor light
    arr += np.random.default_rng(7).normal(0, 6, arr.shape)
    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8)).rotate(-0.8, Image.BICUBIC,
                                                                          fillcolor=(92, 84, 72))


def _perspective_coeffs(src, dst):
    import numpy as np

    rows = []
    for (x, y), (u, v) in zip(dst, src, strict=True):
        rows.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        rows.append([0, 0, 0, x, y, 1, -v * x, -v * y])
    a = np.array(rows, dtype=float)
    b = np.array([c for p in src for c in p], dtype=float)
    return np.linalg.solve(a, b).tolist()


MAKERS = {"sheets": make_sheets, "office": make_office, "to_trinh": make_to_trinh_doc, "ocr": make_scan}

if __name__ == "__main__":
    for what in sys.argv[1:] or list(MAKERS):
        MAKERS[what]()
        print(f"made {what}", file=sys.stderr)
