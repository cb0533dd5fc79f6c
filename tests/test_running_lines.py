"""Running headers and footers copied as text (extractors/running_lines.py, page_furniture.yaml `running_label`)."""

from pathlib import Path

import pytest

from extractors.extract import extract_file
from extractors.running_lines import running_spans

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("text,labels", [
    # a booklet's footer, the page's number after it, inside sentences the page broke (corpus/keys_blind25)
    ("tỷ lệ đoàn viên trên tổng số\n\nKỷ yếu Đại hội Công đoàn tỉnh Sóc Trăng lần thứ XI 46 lao động đạt 65,6%.\n"
     "Nhiệm kỳ tới\n\nKỷ yếu Đại hội Công đoàn tỉnh Sóc Trăng lần thứ XI 47 tổng số lao động đạt 75%.",
     ["Kỷ yếu Đại hội Công đoàn tỉnh Sóc Trăng lần thứ XI 46", "Kỷ yếu Đại hội Công đoàn tỉnh Sóc Trăng lần thứ XI 47"]),
    ("Kỷ yếu Đại hội - Tham luận của LĐLĐ huyện Kim Sơn Trang 37\nx\nKỷ yếu Đại hội - Tham luận của LĐLĐ huyện Kim Sơn "
     "Trang 38", ["Kỷ yếu Đại hội - Tham luận của LĐLĐ huyện Kim Sơn Trang 37",
                  "Kỷ yếu Đại hội - Tham luận của LĐLĐ huyện Kim Sơn Trang 38"]),
    # once only: no running line
    ("Kỷ yếu Đại hội Công đoàn tỉnh Sóc Trăng lần thứ XI 46 lao động đạt 65,6%.", []),
    # the same words with the same number twice are body text, and so are numbers far apart
    ("Công đoàn cơ sở Công ty TNHH May kết nạp 12 đoàn viên.\nCông đoàn cơ sở Công ty TNHH May kết nạp 12 người.", []),
    ("Số đoàn viên của Công đoàn ngành Giáo dục là 4200 người.\nSố đoàn viên của Công đoàn ngành Giáo dục là 310.", []),
])
def test_running_labels_with_their_page_numbers(text, labels):
    assert [text[a:b] for a, b in running_spans(text)] == labels


def test_a_footer_inside_a_sentence_gives_no_figure_and_no_body():
    result = extract_file(str(ROOT / "corpus/keys_blind25/tham_luan_nga_nam_2023.txt"))
    figures = [f for d in result.documents for f in d.figures]
    assert not {"46", "47"} & {f.text for f in figures}
    assert {f.organization for f in figures if "65,6%" in f.text or "75%" in f.text} == {
        "Liên đoàn Lao động thị xã Ngã Năm"}
