"""Build tests/fixtures/docx/plan_table_chi_tieu.docx (issue 18): a plan whose targets stand in a
`TT | Chỉ tiêu | Thời hạn` table with sentences in its cells, as district federations write them,
and its PDF rendering tests/fixtures/pdf/plan_table_chi_tieu.pdf (LibreOffice, when installed; the
rendering is committed so that tests need no LibreOffice). The text is written for the fixture (no
real document is copied).

    .venv/bin/python scripts/make_plan_table_docx.py
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import tempfile
from pathlib import Path

import docx

OUT = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "docx" / "plan_table_chi_tieu.docx"
PDF_DIR = OUT.parent.parent / "pdf"

HEAD = [
    "LIÊN ĐOÀN LAO ĐỘNG TỈNH NAM ĐỊNH",
    "LIÊN ĐOÀN LAO ĐỘNG HUYỆN HẢI HẬU",
    "Số: 27/KH-LĐLĐ",
    "Hải Hậu, ngày 15 tháng 3 năm 2024",
    "KẾ HOẠCH",
    "Thực hiện Nghị quyết Đại hội Công đoàn huyện nhiệm kỳ 2023 - 2028",
    "I. MỤC ĐÍCH, YÊU CẦU",
    "Cụ thể hóa các chỉ tiêu của Nghị quyết, phân công trách nhiệm cho từng bộ phận.",
    "II. CÁC CHỈ TIÊU CHỦ YẾU",
]
ROWS = [
    ("TT", "Chỉ tiêu", "Thời hạn"),
    ("1", "Phát triển mới ít nhất 1.500 đoàn viên, thành lập mới 12 công đoàn cơ sở.", "Đến năm 2028"),
    ("2", "Có từ 90% trở lên công đoàn cơ sở khu vực doanh nghiệp tổ chức đối thoại tại nơi làm việc.",
     "Hằng năm"),
    ("3", "Trao tặng 2.000 suất quà cho đoàn viên có hoàn cảnh khó khăn, mỗi suất trị giá 500.000 đồng.",
     "Hằng năm"),
    ("4", "Xây dựng 10 nhà Mái ấm Công đoàn.", "Đến năm 2028"),
]
TAIL = [
    "III. TỔ CHỨC THỰC HIỆN",
    "Các công đoàn cơ sở xây dựng kế hoạch cụ thể, báo cáo kết quả về Liên đoàn Lao động huyện.",
]


def build(path: Path = OUT) -> Path:
    doc = docx.Document()
    for line in HEAD:
        doc.add_paragraph(line)
    table = doc.add_table(rows=len(ROWS), cols=3)
    table.style = "Table Grid"  # ruled, as plans print it: a PDF reader finds the table by its rules
    for r, row in enumerate(ROWS):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    for line in TAIL:
        doc.add_paragraph(line)
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.core_properties.created = dt.datetime(2024, 3, 15)  # fixed: the file stays the same from run to run
    doc.core_properties.modified = dt.datetime(2024, 3, 15)
    doc.save(str(path))
    return path


def render_pdf(docx_path: Path = OUT, out_dir: Path = PDF_DIR) -> Path | None:
    """The DOCX rendered to PDF by LibreOffice (None when soffice is not installed)."""
    soffice = shutil.which("soffice")
    if soffice is None:
        return None
    with tempfile.TemporaryDirectory() as profile:  # a private profile: no clash with a running office
        subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                        str(docx_path), "--outdir", str(out_dir)], check=True, capture_output=True, timeout=180)
    return out_dir / (docx_path.stem + ".pdf")


if __name__ == "__main__":
    print(build())
    print(render_pdf() or "soffice not found: PDF not rendered")
