"""Issue 18: a sentence thousands of characters long (a flattened table, a list joined by commas, a
line without full stops) costs each figure no more than a short one: a figure reads the words within
figures.REACH of it, and what its sentence says for all figures is read once per sentence.
The speed itself is measured by `python -m benchmarks.long_sentence` (a row of `make bench`)."""

from __future__ import annotations

import pytest

from benchmarks.long_sentence import long_sentence_text
from extractors.figures import REACH, extract_figures
from extractors.sentences import split_sentences

# filler without numbers, as in a list of activities joined by commas (our own wording)
FILLER = "tổ chức tuyên truyền pháp luật lao động cho người lao động tại các doanh nghiệp, "

FIELDS = ("value", "unit", "entity", "modality", "comparator", "aggregation", "indicator", "relation")


@pytest.mark.parametrize("clause", [
    "toàn huyện hiện có 312 công đoàn cơ sở với 24.560 đoàn viên",
    "kết nạp mới 1.234 đoàn viên, vượt 23% kế hoạch",
    "hỗ trợ 03 tỷ 200 triệu đồng cho đoàn viên có hoàn cảnh khó khăn",
    "có 45/54 CĐCS tổ chức hội nghị người lao động",
])
def test_a_figure_reads_the_same_at_the_end_of_a_very_long_sentence(clause: str) -> None:
    short = extract_figures(clause[0].upper() + clause[1:] + ".")
    long_text = "Năm qua, " + FILLER * (3 * REACH // len(FILLER) + 40) + clause + "."
    assert len(split_sentences(long_text)) == 1
    long = extract_figures(long_text)
    assert [tuple(getattr(f, k) for k in FIELDS) for f in long] == \
        [tuple(getattr(f, k) for k in FIELDS) for f in short]


def test_a_target_cue_governs_a_sentence_of_ordinary_length_whole():
    # read once per sentence: "phấn đấu" at the head makes targets of every figure after it
    text = "Phấn đấu đến năm 2028, " + FILLER * 6 + "kết nạp 5.000 đoàn viên."
    assert len(text) <= 2 * REACH
    (fig,) = extract_figures(text, doc_kind="kế hoạch")
    assert (fig.modality, fig.deadline_year, fig.value) == ("target", 2028, 5000)


def test_in_a_line_of_thousands_of_characters_a_cue_governs_its_reach():
    # a flattened list: the target of its head does not make a result 5,000 characters later a target
    text = ("Phấn đấu đến năm 2028 kết nạp 6.000 đoàn viên, " + FILLER * 60
            + "năm 2023 toàn huyện kết nạp 1.310 đoàn viên, " + FILLER * 3 + ".")
    first, second = extract_figures(text, doc_kind="báo cáo")
    assert (first.modality, first.deadline_year) == ("target", 2028)
    assert (second.modality, second.deadline_year) == ("actual", None)


def test_the_benchmark_text_is_one_sentence_that_grows_with_its_factor() -> None:
    one, two = long_sentence_text(1), long_sentence_text(2)
    assert len(split_sentences(one)) == 1
    assert 1.9 < len(two) / len(one) < 2.1


def test_a_figure_of_a_very_long_sentence_keeps_only_its_reach_of_it():
    # output stays linear: 60 figures of one 20,000-character line do not each copy the whole line
    text = "Năm qua, " + ", ".join(f"kết nạp {k + 10} đoàn viên, " + FILLER * 3 for k in range(60)) + "."
    figs = extract_figures(text)
    assert len(figs) == 60 and len(split_sentences(text)) == 1
    for f in figs:
        assert len(f.sentence) <= 2 * REACH + len(f.text)
        assert text[f.sentence_start:f.sentence_start + len(f.sentence)] == f.sentence
        assert f.sentence_start <= f.char_start and f.char_end <= f.sentence_start + len(f.sentence)


def test_a_short_sentence_is_kept_whole():
    (f,) = extract_figures("Toàn huyện hiện có 312 công đoàn cơ sở.")
    assert (f.sentence, f.sentence_start) == ("Toàn huyện hiện có 312 công đoàn cơ sở.", 0)
