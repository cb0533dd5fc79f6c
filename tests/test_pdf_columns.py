"""A two-column header table in a PDF (Decree 30/2020: bodies and number on the left, motto and
date on the right) is read column by column, not interleaved row by row (corpus/keys_renderings)."""

from extractors.readers.pdf_lines import group_lines


def _chars(text, x0, top, size=12.0, width=6.0):
    out = []
    x = x0
    for ch in text:
        out.append({"text": ch, "x0": x, "x1": x + width, "top": top, "bottom": top + size, "size": size,
                    "fontname": "DejaVuSans"})
        x += width
    return out


def test_a_header_table_is_read_column_by_column():
    chars = (_chars("LIÊN ĐOÀN LAO ĐỘNG TỈNH", 60, 70) + _chars("CỘNG HÒA XÃ HỘI CHỦ NGHĨA", 300, 68)
             + _chars("QUẢNG TRỊ", 60, 86) + _chars("VIỆT NAM", 300, 84)
             + _chars("LIÊN ĐOÀN LAO ĐỘNG HUYỆN", 60, 116) + _chars("Độc lập - Tự do", 300, 118)
             + _chars("GIO LINH", 60, 132)
             + _chars("KẾ HOẠCH", 260, 190)  # centred: it straddles the columns' boundary
             + _chars("Năm 2023 toàn huyện kết nạp mới 420 đoàn viên và thành lập 5 công đoàn cơ sở.", 60, 220))
    lines = [line.text for line in group_lines(chars)]
    assert lines == ["LIÊN ĐOÀN LAO ĐỘNG TỈNH", "QUẢNG TRỊ",
                     "LIÊN ĐOÀN LAO ĐỘNG HUYỆN", "GIO LINH", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA", "VIỆT NAM",
                     "Độc lập - Tự do", "KẾ HOẠCH",
                     "Năm 2023 toàn huyện kết nạp mới 420 đoàn viên và thành lập 5 công đoàn cơ sở."]


def test_justified_body_text_is_one_line():
    words = "Công đoàn cơ sở đã kết nạp mới đoàn viên".split()
    chars, x = [], 60.0
    for w in words:
        chars += _chars(w, x, 300)
        x += len(w) * 6.0 + 10.0  # a stretched space: under 1 em
    assert [line.text for line in group_lines(chars)] == [" ".join(words)]
