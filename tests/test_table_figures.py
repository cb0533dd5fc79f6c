"""Figures in tables: row labels give the entity, column headers the modality, share, achievement,
year and money scale (a common layout of báo cáo tổng kết; rows written for this test)."""

from pathlib import Path

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


# a table whose cells a plain text file sets apart by tabs (corpus/keys_blind8: it was read as one sentence)
TABBED = "\n".join(["BÁO CÁO", "Kết quả thực hiện các chỉ tiêu năm 2024", ""] + ["\t".join(r) for r in ROWS]
                   + ["", "Năm 2024 có 45 CĐCS."])


@pytest.fixture(params=["md", "docx", "txt"])
def figures(request, tmp_path):
    path = tmp_path / f"bang.{request.param}"
    if request.param == "md":
        path.write_text(MARKDOWN, encoding="utf-8")
    elif request.param == "txt":
        path.write_text(TABBED, encoding="utf-8")
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


# --- tables whose cells are sentences (issue 18) ----------------------------------------------------
# scripts/make_plan_table_docx.py builds the DOCX and renders the PDF (LibreOffice); both are committed.
FIXTURES = Path(__file__).resolve().parent / "fixtures"
PLAN_TABLE = [FIXTURES / "docx" / "plan_table_chi_tieu.docx", FIXTURES / "pdf" / "plan_table_chi_tieu.pdf"]
PLAN_TABLE_FIGURES = {
    # (text, value, modality, deadline_year, recurrence, comparator, indicator)
    ("ít nhất 1.500", 1500, "target", 2028, None, ">=", "new_members"),
    ("12", 12, "target", 2028, None, "=", "new_grassroots_unions"),
    ("từ 90% trở lên", 90, "target", None, "annual", ">=", "dialogue_coverage"),
    ("2.000", 2000, "target", None, "annual", "=", "gifts"),
    ("500.000 đồng", 500_000, "target", None, "annual", "=", "support_money"),
    ("10", 10, "target", 2028, None, "=", "union_shelters"),
}


@pytest.mark.parametrize("path", PLAN_TABLE, ids=lambda p: p.suffix)
def test_a_plan_table_of_sentences_gives_its_targets(path):
    """`TT | Chỉ tiêu | Thời hạn`: each prose cell is read as running text; the header (`Chỉ tiêu`)
    makes targets, the row's last cell gives the deadline (`Đến năm 2028`) or the recurrence (`Hằng năm`)."""
    res = extract_file(path)
    assert res.status == "ok", res.error
    figures = [f for ex in res.documents for f in ex.figures]
    got = {(f.text, f.value, f.modality, f.deadline_year, f.recurrence, f.comparator, f.indicator) for f in figures}
    assert got == PLAN_TABLE_FIGURES
    money = next(f for f in figures if f.unit == "vnd")
    assert (money.aggregation, money.entity) == ("average", "trị giá suất quà cho đoàn viên có hoàn cảnh khó khăn")
    assert {f.organization for f in figures} == {"Liên đoàn Lao động huyện Hải Hậu"}


PROSE_TABLES = [
    # (text, expected (figure text, modality, deadline_year, recurrence)) — rows written for this test
    ("KẾ HOẠCH\nTT | Nội dung | Thời gian hoàn thành\n1 | Kết nạp mới 600 đoàn viên công đoàn | Trước năm 2026\n"
     "2 | Tổ chức 20 cuộc đối thoại tại doanh nghiệp | Hằng năm",
     {("600", "target", 2026, None), ("20", "target", None, "annual")}),
    # a report's table of results: the header says nothing of targets
    ("BÁO CÁO\nSTT | Kết quả | Ghi chú\n1 | Đã kết nạp 320 đoàn viên trong năm 2023 | Vượt kế hoạch",
     {("320", "actual", None, None)}),
]


@pytest.mark.parametrize("text,expected", PROSE_TABLES, ids=["plan", "report"])
def test_prose_cells_read_as_running_text(text, expected):
    from extractors.figures import extract_figures

    kind = "kế hoạch" if text.startswith("KẾ") else "báo cáo"
    got = {(f.text, f.modality, f.deadline_year, f.recurrence) for f in extract_figures(text, doc_kind=kind)}
    assert got == expected


def test_a_statistics_table_label_is_no_sentence():
    # a table with numbers standing alone in its cells is read cell by cell: the 25 of a label is no figure
    from extractors.figures import extract_figures

    text = "TT | Nội dung | Số lượng\n1 | Số CĐCS có từ 25 đoàn viên trở lên | 45\n2 | Số CĐCS dưới 25 đoàn viên | "
    assert [f.text for f in extract_figures(text)] == ["45"]


# a header row → the year each column's numbers describe (figure_cues.yaml: table_comparison_headers)
COLUMN_YEARS = [
    (["STT", "Chỉ tiêu", "Năm 2023", "Năm 2024", "So sánh (%)"], [None, None, 2023, 2024, 2024]),
    (["TT", "Chỉ tiêu", "2022", "2023", "2024", "Tăng giảm"], [None, None, 2022, 2023, 2024, 2024]),
    (["TT", "Chỉ tiêu", "Năm 2023", "Năm 2024", "Tăng/giảm"], [None, None, 2023, 2024, 2024]),
    (["TT", "Chỉ tiêu", "Năm 2023", "Năm 2024", "+/-"], [None, None, 2023, 2024, 2024]),
    (["TT", "Chỉ tiêu", "Năm 2024", "So với năm trước (%)"], [None, None, 2024, 2024]),
    # no year column: nothing to compare, no year given
    (["TT", "Chỉ tiêu", "Kế hoạch", "Thực hiện", "So sánh (%)"], [None, None, None, None, None]),
    # a share is not a comparison: it keeps no year of its own
    (["TT", "Chỉ tiêu", "Năm 2024", "Tỷ lệ (%)"], [None, None, 2024, None]),
]


@pytest.mark.parametrize("header,years", COLUMN_YEARS, ids=lambda v: " | ".join(map(str, v)))
def test_a_comparison_column_describes_the_latest_year_compared(header, years):
    from extractors.table_figures import Cell, Row, _columns

    def row(texts):
        return Row(start=0, end=0, cells=tuple(Cell(start=0, end=0, text=t) for t in texts))
    table = [row(header), row(["1", "Số đoàn viên"] + ["100"] * (len(header) - 2))]
    assert [c.year for c in _columns(table)] == years


def test_a_units_table_column_without_a_noun_counts_what_the_one_before_does(tmp_path):
    # corpus/keys_blind8: `Kết nạp mới` beside `Số đoàn viên` in a table of grassroots unions
    path = tmp_path / "bang.txt"
    path.write_text("Kết quả tại một số CĐCS:\nTT\tĐơn vị\tSố lao động\tSố đoàn viên\tKết nạp mới\n"
                    "1\tCĐCS Công ty CP Bia Gia Thụy\t412\t398\t36\n"
                    "2\tCĐCS Bệnh viện Đa khoa Đức Giang\t976\t951\t58\n", encoding="utf-8")
    figures = [f for ex in extract_file(path).documents for f in ex.figures]
    # (`Kết nạp mới` names what was done: new members, as the gold of keys_blind20 writes such a column)
    assert [(f.text, f.entity, f.indicator) for f in figures] == [
        ("412", "lao động", "workers"), ("398", "đoàn viên", "members"), ("36", "đoàn viên kết nạp mới", "new_members"),
        ("976", "lao động", "workers"), ("951", "đoàn viên", "members"), ("58", "đoàn viên kết nạp mới", "new_members")]
    assert figures[0].organization == "Công đoàn cơ sở Công ty cổ phần Bia Gia Thụy"


TAB_TABLE = "TT\tĐơn vị\tLao động\tĐoàn viên\tKết nạp\n1\tCĐCS Công ty May Lương Sơn\t1.420\t1.385\t96\n" \
    "2\tCĐCS Công ty B\t980\t902\t71\n"
MD_TABLE = "| TT | Đơn vị | Lao động | Đoàn viên | Kết nạp |\n|---|---|---|---|---|\n" \
    "| 1 | CĐCS Công ty May Lương Sơn | 1.420 | 1.385 | 96 |\n| 2 | CĐCS Công ty B | 980 | 902 | 71 |\n"


@pytest.mark.parametrize("name,table,kept", [
    # a tab table (a Word table copied as text): its cells are given out tab-separated, so that a quote of two
    # cells as the copy writes them (`Lương Sơn<TAB>1.420`) is found in the document's text (corpus/keys_blind20)
    ("bang.txt", TAB_TABLE, "Lương Sơn \t 1.420 \t 1.385"),
    # a Markdown table keeps its bars: its own text writes them
    ("bang.md", MD_TABLE, "Lương Sơn | 1.420 | 1.385"),
])
def test_a_tables_cells_are_given_out_as_the_source_separates_them(tmp_path, name, table, kept):
    p = tmp_path / name
    p.write_text(f"BÁO CÁO\nKết quả năm 2024\n\n{table}", encoding="utf-8")
    (ex,) = extract_file(p).documents
    assert kept in ex.document.text
    for f in ex.figures:  # the offsets hold: each figure's text stands where it says
        assert ex.document.text[f.char_start:f.char_end] == f.text
    assert {f.text for f in ex.figures} >= {"1.420", "1.385", "980"}


def test_a_units_tables_verb_header_and_its_plan_column(tmp_path):
    # corpus/keys_blind23 (first run): `Đơn vị | Chỉ tiêu 2024 | Kết nạp 6 tháng | Tỷ lệ (%)`, one row per federation.
    # A header that names what was done counts it (new members); a plan's column with no noun is the plan of the
    # column after it; the share of the plan is none of them
    p = tmp_path / "cong_van.txt"
    p.write_text("BÁO CÁO\nTiến độ phát triển đoàn viên năm 2024\n\nĐơn vị\tChỉ tiêu 2024\tKết nạp 6 tháng\tTỷ lệ (%)\n"
                 "LĐLĐ huyện Phù Cát\t650\t281\t43,2\nLĐLĐ huyện Tây Sơn\t600\t347\t57,8\n", encoding="utf-8")
    (ex,) = extract_file(p).documents
    got = {(f.text, f.organization, f.modality, f.deadline_year, f.indicator) for f in ex.figures}
    assert ("650", "Liên đoàn Lao động huyện Phù Cát", "target", 2024, "new_members") in got
    assert ("281", "Liên đoàn Lao động huyện Phù Cát", "actual", None, "new_members") in got
    assert ("43,2", "Liên đoàn Lao động huyện Phù Cát", "actual", None, None) in got


@pytest.mark.parametrize("kind,expected", [
    # corpus/keys_blind26: a plan's `Chỉ tiêu | Năm 2025` table, values with words of their own in their cells
    ("kế hoạch", [("100%", "percent", "=", "target"), ("02", "count", "=", "target"),
                  ("90%", "percent", ">=", "target"), ("200.000 đồng", "vnd", "=", "target"),
                  ("03", "count", ">=", "target")]),
    # the same table in a report: `Chỉ tiêu` names the rows' items, the values are results
    ("báo cáo", [("100%", "percent", "=", "actual"), ("02", "count", "=", "actual"),
                 ("90%", "percent", ">=", "actual"), ("200.000 đồng", "vnd", "=", "actual"),
                 ("03", "count", ">=", "actual")]),
])
def test_a_tables_values_with_words_of_their_own(kind, expected):
    from extractors.figures import extract_figures

    text = ("Chỉ tiêu | Năm 2025\nĐoàn viên được học tập nghị quyết | 100%\nKết nạp đoàn viên mới | 02 người\n"
            "Đoàn viên tham gia văn nghệ, thể thao | Từ 90% trở lên\nQuỹ Tương trợ (mức đóng mỗi đoàn viên) | 200.000 đồng\n"
            "Giới thiệu đoàn viên ưu tú cho Đảng | Ít nhất 03 người\nXếp loại CĐCS | Hoàn thành tốt nhiệm vụ trở lên")
    got = [(f.text, f.unit, f.comparator, f.modality) for f in extract_figures(text, doc_kind=kind)]
    assert got == expected


def test_a_table_aligned_with_spaces_in_a_text_file():
    # corpus/keys_blind29 (first run): a công văn's table set with runs of spaces, its total row's first cell empty
    root = Path(__file__).resolve().parents[1]
    result = extract_file(str(root / "corpus/keys_blind29/cong_van_cdvc_khanh_hoa_2025.txt"))
    got = {(f.text, f.organization, f.indicator) for d in result.documents for f in d.figures}
    # a department's union takes the province of the union whose table names it (extractors/province_offices.py)
    finance, farming = "Công đoàn cơ sở Sở Tài chính tỉnh Khánh Hòa", \
        "Công đoàn cơ sở Sở Nông nghiệp và Môi trường tỉnh Khánh Hòa"
    assert {("142", finance, "workers"), ("139", finance, "members"), ("5", finance, "new_members"),
            ("402", farming, "members")} <= got
    # the numbering column gives none (the `2` left is row 3's new members)
    assert not {"1", "3", "4"} & {f.text for d in result.documents for f in d.figures}


def test_a_header_in_two_columns_is_no_spaced_table():
    from extractors.readers.text import _tab_row
    assert not _tab_row("LIÊN ĐOÀN LAO ĐỘNG TỈNH KHÁNH HÒA          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    assert _tab_row("1    CĐCS Sở Tài chính                               142        139            5")


def test_a_row_of_shares_gives_percents():
    # corpus/keys_blind28: `Tỷ lệ thu KPCĐ so với số phải thu (%)` in a `Chỉ tiêu | Năm 2023 | Năm 2024` table
    from extractors.figures import extract_figures

    text = ("Chỉ tiêu | Năm 2023 | Năm 2024 | So sánh (%)\nSố đoàn viên | 41.250 | 44.870 | 108,8\n"
            "Tỷ lệ thu KPCĐ so với số phải thu (%) | 91,4 | 94,8 | 103,7")
    got = {(f.text, f.unit) for f in extract_figures(text, doc_kind="báo cáo")}
    assert {("41.250", "count"), ("91,4", "percent"), ("94,8", "percent")} <= got


def test_a_row_of_a_group_of_units_counts_them_and_is_a_subset():
    # corpus/keys_blind25/27/28: `Các CĐCS còn lại (10 đơn vị)`: 10 is a figure; the row's figures have no indicator
    from extractors.figures import extract_figures

    text = ("Đơn vị | Đoàn viên | Kết nạp mới\nCĐCS Công ty TNHH MTV Lâm nghiệp Đăk Glei | 412 | 18\n"
            "Các CĐCS còn lại (10 đơn vị) | 1.905 | 49")
    got = {(f.text, f.indicator) for f in extract_figures(text, doc_kind="báo cáo")}
    assert {("10", None), ("1.905", None), ("49", None), ("412", "members"), ("18", "new_members")} == got


def test_a_plain_texts_bar_table_without_a_rule_stays_a_table():
    # corpus/keys_blind32 (first run): `TT | Nội dung | Chỉ tiêu | Thời gian` rows in a .txt were joined into one line
    root = Path(__file__).resolve().parents[1]
    result = extract_file(str(root / "corpus/keys_blind32/ke_hoach_uong_bi_2025.txt"))
    got = {(f.text, f.unit, f.modality, f.comparator) for d in result.documents for f in d.figures}
    assert {("1.200", "count", "target", "="), ("85%", "percent", "target", ">="), ("2.500", "count", "target", "="),
            ("350", "lượt", "target", "=")} <= got
    # … and given out with its own bars, so a quote across cells is found in its text
    assert "| 1.200 đoàn viên |" in result.documents[0].document.text
