"""Figures in tables: row labels give the entity, column headers the modality, share, achievement,
year and money scale (a common layout of báo cáo tổng kết; rows written for this test)."""

import docx
import pytest

from extractors.extract import extract_file

ROWS = [
    ["TT", "Chỉ tiêu", "Kế hoạch 2024", "Thực hiện", "Tỷ lệ % so với KH", "Kinh phí (triệu đồng)"],
    ["1", "Kết nạp đoàn viên", "1.000", "1.045", "104,5", "120"],
    ["2", "Thành lập CĐCS", "10", "12", "120", ""],
]
MARKDOWN = "\n".join(["# Kết quả", ""] + ["| " + " | ".join(ROWS[0]) + " |", "|" + "---|" * 6]
                     + ["| " + " | ".join(r) + " |" for r in ROWS[1:]] + ["", "Năm 2024 có 45 CĐCS."])


def _docx(path):
    d = docx.Document()
    d.add_paragraph("BÁO CÁO")
    d.add_paragraph("Kết quả thực hiện các chỉ tiêu năm 2024")
    t = d.add_table(rows=len(ROWS), cols=len(ROWS[0]))
    for r, row in enumerate(ROWS):
        for c, val in enumerate(row):
            t.cell(r, c).text = val
    d.add_paragraph("Năm 2024 có 45 CĐCS.")
    d.save(path)


@pytest.fixture(params=["md", "docx"])
def figures(request, tmp_path):
    path = tmp_path / f"bang.{request.param}"
    if request.param == "md":
        path.write_text(MARKDOWN, encoding="utf-8")
    else:
        _docx(path)
    res = extract_file(path)
    assert res.status == "ok", res.error
    return [f for ex in res.documents for f in ex.figures]


def test_table_cells_become_figures_with_their_meaning(figures):
    got = {(f.text, f.unit, f.modality, f.relation, f.deadline_year, f.value) for f in figures}
    assert ("1.000", "count", "target", "level", 2024, 1000) in got
    assert ("1.045", "count", "actual", "level", None, 1045) in got
    assert ("104,5", "percent", "actual", "achievement", None, 104.5) in got
    assert ("120", "vnd", "actual", "level", None, 120_000_000) in got
    entities = {f.entity for f in figures if f.text in ("1.000", "10")}
    assert entities == {"đoàn viên", "công đoàn cơ sở"}


def test_numbering_column_is_not_a_figure(figures):
    assert not [f for f in figures if f.text in ("1", "2")]
