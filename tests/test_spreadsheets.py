"""Spreadsheets (issue 19): a statistics form read as a document, its grid as a table whose numeric
cells become figures with the row's unit, the column's modality and the cell they came from."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from extractors.extract import extract_file
from extractors.readers import read
from extractors.readers.sheet import format_number
from extractors.records import HEADING, TABLE_CELL, TooLarge

ROOT = Path(__file__).resolve().parent.parent
SHEETS = ROOT / "tests" / "fixtures" / "sheets"
WORKBOOK = SHEETS / "thong_ke_doan_vien.xlsx"  # made by scripts/make_format_fixtures.py
UNITS = 7
NUMERIC_CELLS = (UNITS + 1) * 3  # Kế hoạch, Thực hiện, Tỷ lệ for each unit and the Tổng cộng row
needs_soffice = pytest.mark.skipif(shutil.which("soffice") is None,
                                   reason="LibreOffice (soffice) is not installed: .xls/.ods are converted by it")


@pytest.mark.parametrize("value, percent, text", [
    (1234, False, "1.234"), (98.371, False, "98,37"), (0.9837, True, "98,37%"), (1.125, True, "112,5%"),
    (-5, False, "-5"), (1234567.5, False, "1.234.567,5"), (1.0, True, "100%"),
])
def test_numbers_written_the_vietnamese_way(value, percent, text):
    assert format_number(value, percent) == text


def test_workbook_blocks_title_grid_and_cells():
    raw = read(WORKBOOK)
    assert raw.format == "xlsx" and raw.pages == 2  # Biểu 01 (a row per unit), Biểu 02 (a row per indicator)
    title = [b.text for b in raw.blocks if b.kind == HEADING]
    assert title[:4] == ["LIÊN ĐOÀN LAO ĐỘNG TỈNH NGHỆ AN", "LIÊN ĐOÀN LAO ĐỘNG HUYỆN NGHI LỘC",
                         "BIỂU THỐNG KÊ KẾT QUẢ PHÁT TRIỂN ĐOÀN VIÊN NĂM 2024", "(Số liệu tính đến ngày 31/12/2024)"]
    cells = [b for b in raw.blocks if b.kind == TABLE_CELL and b.page == 1]
    header = [b.text for b in cells if b.row == 0]
    # the two-row header joined per column; the column-number row (1) (2) … dropped
    assert header == ["TT", "Đơn vị", "Kết quả phát triển đoàn viên năm 2024 - Kế hoạch",
                      "Kết quả phát triển đoàn viên năm 2024 - Thực hiện",
                      "Kết quả phát triển đoàn viên năm 2024 - Tỷ lệ % so với KH"]
    first = {b.cell: b.text for b in cells if b.row == 1}
    assert first == {"A10": "1", "B10": "CĐCS Công ty TNHH May Hòa Bình", "C10": "120", "D10": "135",
                     "E10": "112,5%"}  # E10 is =D10/C10, its cached value shown as a percentage
    assert {(b.sheet, b.page) for b in raw.blocks} == {("Biểu 01", 1), ("Biểu 02", 2)}
    assert "Nghi Lộc, ngày 10 tháng 01 năm 2025" in [b.text for b in raw.blocks if b.kind == HEADING]


def _figures(path: Path, sheet: int = 0):
    """The extract of one sheet: a workbook gives a document a sheet (Biểu 01, Biểu 02)."""
    result = extract_file(path)
    assert result.status == "ok", result.error
    assert len(result.documents) == 2
    return result.documents[sheet]


@pytest.mark.parametrize("path", [
    WORKBOOK,
    pytest.param(SHEETS / "thong_ke_doan_vien.xls", marks=needs_soffice),
    pytest.param(SHEETS / "thong_ke_doan_vien.ods", marks=needs_soffice),
], ids=lambda p: p.suffix)
def test_workbook_gives_its_numeric_cells_as_figures(path):
    extract = _figures(path)
    doc = extract.document
    assert doc.organization == "Liên đoàn Lao động huyện Nghi Lộc" and doc.date == "2025-01-10"
    figures = [f for f in extract.figures if "Biểu 02" not in f.sentence and f.sentence.count(" | ") == 4
               and not f.sentence.startswith(("STT", "1 | Số", "2 | Số", "3 | Tổng số"))]
    assert len(figures) >= 0.9 * NUMERIC_CELLS
    by_text = {(f.sentence.split(" | ")[1], f.modality, f.relation, f.value) for f in figures}
    assert ("CĐCS Công ty TNHH May Hòa Bình", "target", "level", 120) in by_text     # Kế hoạch
    assert ("CĐCS Công ty TNHH May Hòa Bình", "actual", "level", 135) in by_text     # Thực hiện
    assert ("CĐCS Công ty TNHH May Hòa Bình", "actual", "achievement", 112.5) in by_text  # Tỷ lệ % so với KH
    assert ("Tổng cộng", "actual", "level", 505) in by_text
    assert not any(f.value in range(1, UNITS + 1) and f.sentence.startswith(f.text) for f in figures)  # TT
    # a unit's figures belong to that unit (a row per unit under `Đơn vị`)
    hoa_binh = [f for f in figures if "May Hòa Bình" in f.sentence]
    assert {f.organization for f in hoa_binh} == {"Công đoàn cơ sở Công ty TNHH May Hòa Bình"}
    assert {f.year for f in figures} == {2024}


def test_sheet_whose_rows_are_indicators():
    # Biểu 02: STT | Chỉ tiêu | Đơn vị tính | Năm 2023 | Năm 2024 | So sánh (%)
    figures = [f for f in _figures(WORKBOOK, sheet=1).figures if f.sentence.startswith(("1 | Số", "2 | Số", "3 | Tổng số"))]
    got = {(f.sentence.split(" | ")[1], f.value, f.unit) for f in figures}  # the row's label says what
    assert {("Số công đoàn cơ sở thành lập mới", 15, "count"), ("Số đoàn viên kết nạp mới", 430, "count"),
            ("Tổng số đoàn viên", 8540, "count"), ("Tổng số đoàn viên", 105.17, "percent")} <= got
    assert all("đoàn viên" in f.entity or "công đoàn cơ sở" in f.entity for f in figures)
    assert len(figures) == 9  # three numeric cells a row; STT and Đơn vị tính are no figures
    # the sheet is its own document of the same office; a `Năm 2023` column's figures describe 2023
    extract = _figures(WORKBOOK, sheet=1)
    assert extract.document.organization == "Liên đoàn Lao động huyện Nghi Lộc"
    assert {(f.value, f.year) for f in figures if f.unit == "count"} == {
        (12, 2023), (15, 2024), (430, 2023), (505, 2024), (8120, 2023), (8540, 2024)}
    # `So sánh (%)` compares 2024 with 2023: it describes 2024, not the year the form was signed (2025)
    assert {f.year for f in figures if f.unit == "percent"} == {2024}


def test_workbook_too_large_is_refused_before_loading(tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.cell(3000, 1000, 5)  # 3,000,000 cells by its dimension
    path = tmp_path / "du_lieu.xlsx"
    wb.save(path)
    with pytest.raises(TooLarge) as info:
        read(path)
    assert str(info.value).startswith(f"{path}: workbook of 3,000,000 cells")


def test_workbook_figures_lead_back_to_their_cells():
    raw = read(WORKBOOK)
    cells = {b.text: b.cell for b in raw.blocks if b.kind == TABLE_CELL and b.row == 8 and b.page == 1}
    assert cells == {"Tổng cộng": "A17", "477": "C17", "505": "D17", "105,87%": "E17"}


def test_damaged_workbook_is_one_clear_error(tmp_path):
    data = bytearray(WORKBOOK.read_bytes())
    data[len(data) // 2: len(data) // 2 + 200] = bytes(200)
    path = tmp_path / "hong.xlsx"
    path.write_bytes(bytes(data))
    result = extract_file(path)
    assert result.status == "failed" and result.error.startswith(f"{path}: ") and "\n" not in result.error


def test_totals_row_with_an_empty_ordinal_cell(tmp_path):
    """A totals row whose TT cell is empty (not merged, as many forms have it) keeps its columns:
    the empty first cell reached the table reader bare (`| Tổng cộng | 135 | 153`) and shifted the
    row's cells left."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["TT", "Đơn vị", "Kế hoạch", "Thực hiện"])
    ws.append([1, "CĐCS Công ty TNHH May Hòa Bình", 120, 135])
    ws.append([2, "CĐCS Trường THPT Nguyễn Du", 15, 18])
    ws.append([None, "Tổng cộng", 135, 153])  # TT left empty, not merged: as many forms do
    path = tmp_path / "bieu.xlsx"
    wb.save(path)
    figures = extract_file(path).documents[0].figures
    assert {(f.value, f.modality) for f in figures if "Tổng cộng" in f.sentence} == {(135, "target"), (153, "actual")}


def test_a_units_table_counts_what_its_columns_say_and_its_total_is_the_sheets():
    """Rows of units (`Đơn vị`): a number counts what its column's header names (đoàn viên, new members),
    each row's figures are its unit's, the Tổng cộng row's the sheet's organization; the form's kind
    is `biểu thống kê` (issue 19)."""
    doc = extract_file(WORKBOOK).documents[0]
    assert doc.document.kind == "biểu thống kê"
    by_row = {f.organization for f in doc.figures if "Hòa Bình" in f.sentence}
    assert by_row == {"Công đoàn cơ sở Công ty TNHH May Hòa Bình"}
    totals = [f for f in doc.figures if "Tổng cộng" in f.sentence]
    assert totals and {f.organization for f in totals} == {doc.document.organization}
    units = [f for f in doc.figures if f.relation == "level" and str(f.extras.get("cell")).startswith("Biểu 01!")]
    assert units and all(f.entity == "đoàn viên" and f.indicator == "new_members" for f in units)
