"""Relations read from the text (issue 23): each false-alarm shape of the issue as a row that
must not fire, next to the same sentence with a number broken that must; percentages classified
before any check; SUM, CHANGE and a plan's period; how sure each finding is.

Rows are the issue's sentences (quoted from the 43 unseen documents it describes) or written in
their words ("own"); figures are annotated as the extractor gives them today (e.g. a target in
parentheses marked `actual`, `(đạt 120%)` marked `level`)."""

from __future__ import annotations

import audit_frames as af
import pytest

from pipeline.audit import relations as rel
from pipeline.audit import run_audit
from pipeline.audit.figures_input import figures_from_frame


def fig(quote, text, value, unit="count", **kw):
    return {"quote": quote, "text": text, "value": value, "unit": unit, **kw}


def _doc(text, figures, kind="báo cáo"):
    return af.DocSpec(f"rel:{text[:40]}", 0, "Liên đoàn Lao động huyện Nghi Lộc", kind, "2023-12-20",
                      af.normalize(text), tuple(figures))


def found(text, figures, kind="báo cáo", confidence=False):
    """(rule, outcome[, confidence]) of every finding that is not consistent."""
    out = run_audit(af.frame([_doc(text, figures, kind)]))
    return sorted((f.rule, f.outcome, f.confidence) if confidence else (f.rule, f.outcome) for f in out)


# ---- the false alarms of issue 23 -----------------------------------------------------------
@pytest.mark.parametrize("text,figures", [
    # issue 23: part and whole reversed
    ("Năm 2023, Liên đoàn Lao động huyện tập hợp 5.400 người lao động, trong đó 4.700 người là đoàn viên.",
     [fig("tập hợp 5.400", "5.400", 5400, entity="người lao động"), fig("trong đó 4.700", "4.700", 4700, entity="người")]),
    # issue 23: siblings in one list
    ("Toàn huyện có 32 CĐCS trực thuộc và 30 CĐCS thành viên.",
     [fig("có 32 CĐCS", "32", 32, entity="công đoàn cơ sở trực thuộc"),
      fig("và 30 CĐCS", "30", 30, entity="công đoàn cơ sở thành viên")]),
    # own: siblings joined by ";"
    ("Năm 2023, Liên đoàn Lao động tỉnh tập hợp 60.200 người lao động; 48.900 đoàn viên; 95 CĐCS.",
     [fig("tập hợp 60.200", "60.200", 60200, entity="người lao động"), fig("; 48.900", "48.900", 48900, entity="đoàn viên"),
      fig("; 95 CĐCS", "95", 95, entity="công đoàn cơ sở")]),
    # issue 23: a breakdown in parentheses (it adds up)
    ("Công đoàn đã trao 40 nhà Mái ấm công đoàn (sửa chữa 28 nhà, xây mới 12).",
     [fig("trao 40 nhà", "40", 40, entity="nhà Mái ấm công đoàn"), fig("sửa chữa 28 nhà", "28", 28, entity="nhà"),
      fig("xây mới 12", "12", 12)]),
    # issue 23: a result and its target in parentheses (the extractor marks the target actual)
    ("Trong năm phát triển mới 7.100 đoàn viên (đạt 142% so với chỉ tiêu 5.000).",
     [fig("phát triển mới 7.100", "7.100", 7100, entity="đoàn viên"),
      fig("đạt 142%", "142%", 142, "percent", entity="đoàn viên", relation="achievement"),
      fig("chỉ tiêu 5.000", "5.000", 5000, entity="đoàn viên")]),
    # issue 23: a percentage of plan after a result is no share
    ("Thành lập mới 26 CĐCS (đạt 120%).",
     [fig("mới 26 CĐCS", "26", 26, entity="công đoàn cơ sở"), fig("đạt 120%", "120%", 120, "percent")]),
    ("Thu kinh phí công đoàn đạt 105% kế hoạch; phát triển mới 850 đoàn viên, đạt 106%.",
     [fig("đạt 105%", "105%", 105, "percent", entity="kinh phí công đoàn"),
      fig("mới 850", "850", 850, entity="đoàn viên"), fig("đạt 106%", "106%", 106, "percent")]),
    # issue 23: two different targets with one indicator id
    ("Đến năm 2025, từ 70% trở lên doanh nghiệp có CĐCS ký kết TƯLĐTT. Đến năm 2028, ít nhất 60% bản thỏa ước "
     "được xếp loại A.",
     [fig("từ 70% trở lên", "từ 70% trở lên", 70, "percent", entity="doanh nghiệp", modality="target", comparator=">=",
          deadline_year=2025, indicator="collective_agreement_coverage"),
      fig("ít nhất 60%", "ít nhất 60%", 60, "percent", entity="bản", modality="target", comparator=">=",
          deadline_year=2028, indicator="collective_agreement_coverage")]),
    # own: figures of different scope in neighbouring sentences
    ("Toàn tỉnh có 1.250 CĐCS với 98.600 đoàn viên. Riêng khối doanh nghiệp ngoài nhà nước có 430 CĐCS với "
     "41.200 đoàn viên.",
     [fig("có 1.250 CĐCS", "1.250", 1250, entity="công đoàn cơ sở"), fig("với 98.600", "98.600", 98600, entity="đoàn viên"),
      fig("có 430 CĐCS", "430", 430, entity="công đoàn cơ sở"), fig("với 41.200", "41.200", 41200, entity="đoàn viên")]),
    # issue 23: a change with one value is left alone
    ("Số vụ tranh chấp lao động tập thể tăng 150% so với cùng kỳ; thu nhập tăng 12% so với năm 2022.",
     [fig("tăng 150%", "150%", 150, "percent", entity="tranh chấp lao động tập thể"),
      fig("tăng 12%", "12%", 12, "percent", entity="thu nhập")]),
    # own: new members beside members helped, not members held
    ("Các cấp công đoàn đã hỗ trợ 87 đoàn viên có hoàn cảnh khó khăn. Trong năm kết nạp 126 đoàn viên mới.",
     [fig("hỗ trợ 87 đoàn viên", "87", 87, entity="đoàn viên"),
      fig("kết nạp 126 đoàn viên", "126", 126, entity="đoàn viên", period_years=1)]),
])
def test_false_alarm_shapes_do_not_fire(text, figures):
    assert found(text, figures) == []


# ---- the same shapes, broken ---------------------------------------------------------------
@pytest.mark.parametrize("text,figures,expected", [
    ("Năm 2023, Liên đoàn Lao động huyện tập hợp 4.700 người lao động, trong đó 5.400 người là đoàn viên.",
     [fig("tập hợp 4.700", "4.700", 4700, entity="người lao động"), fig("trong đó 5.400", "5.400", 5400, entity="người")],
     [("PART_WHOLE", "inconsistent")]),
    ("Công đoàn đã trao 45 nhà Mái ấm công đoàn (sửa chữa 28 nhà, xây mới 12).",
     [fig("trao 45 nhà", "45", 45, entity="nhà Mái ấm công đoàn"), fig("sửa chữa 28 nhà", "28", 28, entity="nhà"),
      fig("xây mới 12", "12", 12)], [("SUM", "inconsistent")]),
    ("Toàn tỉnh có 320 CĐCS, gồm 200 CĐCS khu vực nhà nước và 130 CĐCS ngoài nhà nước.",
     [fig("có 320 CĐCS", "320", 320, entity="công đoàn cơ sở"),
      fig("gồm 200 CĐCS", "200", 200, entity="công đoàn cơ sở khu vực nhà nước"),
      fig("và 130 CĐCS", "130", 130, entity="công đoàn cơ sở ngoài nhà nước")], [("SUM", "inconsistent")]),
    ("Năm 2023 tổ chức 56 cuộc đối thoại: 12 cuộc đối thoại cấp tỉnh, 40 cuộc đối thoại tại doanh nghiệp.",
     [fig("tổ chức 56", "56", 56, entity="cuộc đối thoại"), fig("12 cuộc", "12", 12, entity="cuộc đối thoại cấp tỉnh"),
      fig("40 cuộc", "40", 40, entity="cuộc đối thoại")], [("SUM", "inconsistent")]),
    ("Trong năm phát triển mới 7.100 đoàn viên (đạt 124% so với chỉ tiêu 5.000).",
     [fig("phát triển mới 7.100", "7.100", 7100, entity="đoàn viên"),
      fig("đạt 124%", "124%", 124, "percent", entity="đoàn viên", relation="achievement"),
      fig("chỉ tiêu 5.000", "5.000", 5000, entity="đoàn viên")], [("ACHIEVEMENT", "inconsistent")]),
    ("Tỷ lệ CĐCS có quy chế phối hợp với chuyên môn đạt 104,5%.",
     [fig("đạt 104,5%", "104,5%", 104.5, "percent", entity="công đoàn cơ sở")], [("OUT_OF_RANGE", "inconsistent")]),
    ("Đến năm 2025, phấn đấu có từ 85% CĐCS trở lên xếp loại hoàn thành tốt nhiệm vụ. Đến năm 2028, phấn đấu có "
     "từ 80% CĐCS trở lên xếp loại hoàn thành tốt nhiệm vụ.",
     [fig("từ 85%", "từ 85%", 85, "percent", entity="công đoàn cơ sở", modality="target", comparator=">=",
          deadline_year=2025, indicator="cdcs_strong_rate"),
      fig("từ 80%", "từ 80%", 80, "percent", entity="công đoàn cơ sở", modality="target", comparator=">=",
          deadline_year=2028, indicator="cdcs_strong_rate")], [("TARGET_MONOTONE", "inconsistent")]),
    # issue 23: a stated change against its two values (5.600.000 / 5.100.000 = +9.8 %)
    ("Tiền lương bình quân tăng từ 5.100.000 đồng lên 5.600.000 đồng, tăng 12%.",
     [fig("từ 5.100.000 đồng", "5.100.000 đồng", 5100000, "vnd", aggregation="average"),
      fig("lên 5.600.000 đồng", "5.600.000 đồng", 5600000, "vnd"),
      fig("tăng 12%", "12%", 12, "percent", relation="change")], [("CHANGE", "inconsistent")]),
    ("Số vụ tai nạn lao động giảm từ 48 vụ xuống 42 vụ, giảm 15% so với năm 2022.",
     [fig("từ 48 vụ", "48", 48, entity="vụ"), fig("xuống 42 vụ", "42", 42, entity="vụ"),
      fig("giảm 15%", "15%", 15, "percent", relation="change")], [("CHANGE", "inconsistent")]),
    ("Thu kinh phí công đoàn đạt 18,6 tỷ đồng, tăng từ 16,2 tỷ đồng năm 2022, tăng 18,5%.",
     [fig("đạt 18,6 tỷ đồng", "18,6 tỷ đồng", 18.6e9, "vnd"), fig("từ 16,2 tỷ đồng", "16,2 tỷ đồng", 16.2e9, "vnd"),
      fig("tăng 18,5%", "18,5%", 18.5, "percent", relation="change")], [("CHANGE", "inconsistent")]),
])
def test_broken_shapes_fire_their_rule(text, figures, expected):
    assert found(text, figures) == expected


@pytest.mark.parametrize("stated,outcome", [("9,8%", []), ("10%", []), ("12%", [("CHANGE", "inconsistent")])])
def test_change_allows_for_rounding(stated, outcome):
    text = f"Tiền lương bình quân tăng từ 5.100.000 đồng lên 5.600.000 đồng, tăng {stated}."
    figures = [fig("từ 5.100.000 đồng", "5.100.000 đồng", 5100000, "vnd"),
               fig("lên 5.600.000 đồng", "5.600.000 đồng", 5600000, "vnd"),
               fig(f"tăng {stated}", stated, float(stated.rstrip("%").replace(",", ".")), "percent")]
    assert found(text, figures) == outcome


# ---- AVG_TOTAL over a plan's stated period ---------------------------------------------------
@pytest.mark.parametrize("total,avg,outcome", [
    ("1.200", "300", [("AVG_TOTAL", "inconsistent")]),   # issue 23: 1.200 / 5 years = 240
    ("1.500", "300", []),
])
def test_avg_total_over_a_plan_period(total, avg, outcome):
    text = f"Phát triển mới {total} đoàn viên giai đoạn 2024 - 2028, bình quân {avg} đoàn viên/năm."
    figures = [fig(f"mới {total}", total, float(total.replace(".", "")), entity="đoàn viên giai đoạn", modality="target"),
               fig(f"bình quân {avg}", avg, float(avg), entity="đoàn viên", modality="target", aggregation="average")]
    assert found(text, figures, kind="kế hoạch") == outcome


# ---- percentages are classified before any check -------------------------------------------
@pytest.mark.parametrize("text,quote,kind", [
    ("Thành lập mới 26 CĐCS (đạt 120%).", "đạt 120%", "achievement"),                       # issue 23
    ("Thu kinh phí công đoàn đạt 105% kế hoạch.", "đạt 105%", "achievement"),               # issue 23
    ("Kết nạp mới 1.310 đoàn viên, vượt 5% kế hoạch.", "vượt 5%", "excess"),                 # issue 23
    ("Số vụ tranh chấp tăng 150% so với cùng kỳ.", "tăng 150%", "change"),                  # own
    ("Thu nhập bình quân đạt 7,2 triệu đồng, bằng 112% so với năm 2022.", "bằng 112%", "change"),  # own
    ("Tỷ lệ đoàn viên tham gia bảo hiểm xã hội đạt 97,5%.", "đạt 97,5%", "share"),          # own
    ("Năm 2023, thu kinh phí công đoàn đạt 102%.", "đạt 102%", "achievement"),               # own: of plan
    ("Số đoàn viên tham gia bảo hiểm đạt 97,5% số lao động.", "đạt 97,5%", "share"),         # own: a population
    ("Phấn đấu thu đoàn phí đạt 95% trở lên.", "đạt 95%", "share"),                          # seed 002
    ("Toàn huyện có 48 CĐCS, trong đó 36 CĐCS (chiếm 75%).", "chiếm 75%", "share"),         # own
    ("Năm 2023, 39/45 CĐCS (đạt 86,7%) ký kết thỏa ước.", "đạt 86,7%", "share"),            # issue 6
])
def test_percent_kind(text, quote, kind):
    figures = [fig("26 CĐCS", "26", 26)] if "26 CĐCS" in text else []
    figures += [fig("48 CĐCS", "48", 48), fig("36 CĐCS", "36", 36)] if "48 CĐCS" in text else []
    figures += [fig("39/45", "39/45", 39, relation="ratio", denominator=45)] if "39/45" in text else []
    figures += [fig("1.310", "1.310", 1310)] if "1.310" in text else []
    surface = quote.split(" ", 1)[1]
    figures.append(fig(quote, surface, float(surface.rstrip("%").replace(",", ".")), "percent"))
    figures.sort(key=lambda f: text.index(f["quote"]))
    figs = figures_from_frame(af.frame([_doc(text, figures)]))
    pct = next(f for f in figs if f.unit == "percent")
    assert rel.percent_kinds(figs)[pct.figure_id] == kind


# ---- confidence ------------------------------------------------------------------------------
def test_a_pair_stated_in_one_sentence_is_sure_an_inference_across_sentences_is_not():
    text = ("Toàn huyện có 45 CĐCS, trong đó 50 CĐCS đã ký kết thỏa ước. Toàn huyện có 6.320 đoàn viên. "
            "Trong năm đã kết nạp mới 7.215 đoàn viên.")
    figures = [fig("có 45 CĐCS", "45", 45, entity="công đoàn cơ sở"), fig("50 CĐCS", "50", 50, entity="công đoàn cơ sở"),
               fig("có 6.320", "6.320", 6320, entity="đoàn viên"),
               fig("mới 7.215", "7.215", 7215, entity="đoàn viên", period_years=1)]
    assert found(text, figures, confidence=True) == [("PART_WHOLE", "inconsistent", "inferred"),
                                                     ("PART_WHOLE", "inconsistent", "sure")]


# ---- CROSS_DOC by the per-figure keys -------------------------------------------------------
def _members(key, value_text, value, date):
    text = f"Tính đến cuối năm 2023, Liên đoàn Lao động huyện Nghi Xuân có {value_text} đoàn viên."
    return af.DocSpec(key, 0, "Liên đoàn Lao động huyện Nghi Xuân", "báo cáo", date, text,
                      (fig(f"có {value_text}", value_text, value, entity="đoàn viên", indicator="members", year=2023),))


@pytest.mark.parametrize("other_date,confidence", [
    ("2023-12-28", "sure"),       # a year-end report and the news of its conference
    ("2024-01-10", "sure"),
    ("2023-06-28", "inferred"),   # a mid-year report: another state of the same year
])
def test_cross_doc_is_sure_only_for_one_state_of_the_year(other_date, confidence):
    df = af.frame([_members("bc", "6.320", 6320, "2023-12-20"), _members("tin", "6.230", 6230, other_date)])
    df["year_from"] = "clause"
    df["year"] = 2023
    got = [(f.rule, f.confidence) for f in run_audit(df) if f.outcome == "inconsistent"]
    assert got == [("CROSS_DOC", confidence)]


@pytest.mark.parametrize("text,figures", [
    # own: a new total in the parentheses of a result is no part of it
    ("Trong năm kết nạp mới 1.200 đoàn viên (nâng tổng số đoàn viên lên 6.500 đoàn viên).",
     [fig("mới 1.200", "1.200", 1200, entity="đoàn viên"), fig("lên 6.500", "6.500", 6500, entity="đoàn viên")]),
    # own: last year's value beside this year's
    ("Toàn huyện có 6.320 đoàn viên (cùng kỳ năm trước 6.900 đoàn viên), trong đó 3.100 đoàn viên nữ.",
     [fig("có 6.320", "6.320", 6320, entity="đoàn viên"), fig("trước 6.900", "6.900", 6900, entity="đoàn viên"),
      fig("đó 3.100", "3.100", 3100, entity="đoàn viên nữ")]),
])
def test_a_new_total_or_another_period_in_parentheses_is_no_part(text, figures):
    assert found(text, figures) == []


@pytest.mark.parametrize("part,outcome", [("4.700", []), ("5.700", [("PART_WHOLE", "inconsistent")])])
def test_a_stated_subset_of_people_may_name_its_part_differently(part, outcome):
    # issue 23: "tập hợp 5.400 người lao động, trong đó 4.700 người là đoàn viên", annotated as gold would
    text = f"Năm 2023, Liên đoàn Lao động huyện tập hợp 5.400 người lao động, trong đó {part} đoàn viên."
    figures = [fig("tập hợp 5.400", "5.400", 5400, entity="người lao động"),
               fig(f"trong đó {part}", part, float(part.replace(".", "")), entity="đoàn viên")]
    assert found(text, figures) == outcome


def test_an_average_per_year_annotated_with_period_one_spreads_over_the_total_period():
    text = "Phát triển mới 1.200 đoàn viên giai đoạn 2024 - 2028, bình quân 300 đoàn viên/năm."
    figures = [fig("mới 1.200", "1.200", 1200, entity="đoàn viên", modality="target", period_years=5),
               fig("bình quân 300", "300", 300, entity="đoàn viên", modality="target", aggregation="average",
                   period_years=1)]
    assert found(text, figures, kind="kế hoạch") == [("AVG_TOTAL", "inconsistent")]


def test_a_list_of_examples_is_not_summed():
    # own: "(như …)" gives examples; the parts may leave others out
    text = "Công đoàn đã trao 500 suất quà (như 200 suất cho đoàn viên nữ, 100 suất cho con đoàn viên)."
    figures = [fig("trao 500", "500", 500, entity="suất quà"), fig("như 200", "200", 200, entity="suất"),
               fig("100 suất", "100", 100, entity="suất")]
    assert found(text, figures) == []


def test_an_average_divides_the_total_written_before_it_not_a_part_after_it():
    # own: "35 bản thỏa ước (bình quân mỗi năm 7 bản), trong đó năm 2023 ký 9 bản": 35 / 5 = 7
    text = "Sau 5 năm, toàn huyện đã ký kết 35 bản thỏa ước (bình quân mỗi năm 7 bản), trong đó năm 2023 ký 9 bản."
    figures = [fig("kết 35 bản", "35", 35, entity="bản thỏa ước", period_years=5),
               fig("năm 7 bản", "7", 7, entity="bản thỏa ước", aggregation="average", period_years=5),
               fig("ký 9 bản", "9", 9, entity="bản thỏa ước", period_years=5)]
    assert found(text, figures) == []


def test_parallel_target_chains_are_followed_each_on_its_own():
    # own: two sectors' targets, one indicator, entities the extractor may give as one
    text = ("Đến năm 2025: 80% CĐCS khu vực nhà nước xếp loại tốt; 60% CĐCS khu vực ngoài nhà nước xếp loại tốt. "
            "Đến năm 2028: 85% CĐCS khu vực nhà nước xếp loại tốt; 65% CĐCS khu vực ngoài nhà nước xếp loại tốt.")
    t = {"unit": "percent", "entity": "công đoàn cơ sở", "modality": "target", "indicator": "grassroots_union_rating"}
    figures = [fig("2025: 80%", "80%", 80, deadline_year=2025, **t), fig("; 60%", "60%", 60, deadline_year=2025, **t),
               fig("2028: 85%", "85%", 85, deadline_year=2028, **t), fig("; 65%", "65%", 65, deadline_year=2028, **t)]
    assert found(text, figures, kind="kế hoạch") == []
    figures[2] = fig("2028: 75%", "75%", 75, deadline_year=2028, **t)
    assert found(text.replace("2028: 85%", "2028: 75%"), figures, kind="kế hoạch") == [("TARGET_MONOTONE", "inconsistent")]


def test_an_average_in_the_next_sentence_with_one_total_is_sure():
    # own: "Trong 5 năm qua … 29 CĐCS. Bình quân mỗi năm … 9 CĐCS." (29 / 5 = 5.8)
    text = "Trong 5 năm qua, toàn huyện đã thành lập mới 29 CĐCS. Bình quân mỗi năm thành lập mới 9 CĐCS."
    figures = [fig("mới 29 CĐCS", "29", 29, entity="công đoàn cơ sở", period_years=5),
               fig("mới 9 CĐCS", "9", 9, entity="công đoàn cơ sở", aggregation="average", period_years=5)]
    assert found(text, figures, confidence=True) == [("AVG_TOTAL", "inconsistent", "sure")]


@pytest.mark.parametrize("stated,outcome", [("116%", []), ("106%", [("ACHIEVEMENT", "inconsistent")])])
def test_a_result_over_its_plan_in_one_figure(stated, outcome):
    # own: "58/50 CĐCS" (the extractor: achievement, value 58, denominator 50) and its stated percent
    text = f"Năm 2023 thành lập mới 58/50 CĐCS (đạt {stated})."
    figures = [fig("58/50 CĐCS", "58/50", 58, relation="achievement", denominator=50, entity="công đoàn cơ sở"),
               fig(f"đạt {stated}", stated, float(stated.rstrip("%")), "percent")]
    assert found(text, figures) == outcome


@pytest.mark.parametrize("stated,outcome", [("88,5%", []), ("82,5%", [("SHARE_COUNTS", "inconsistent")])])
def test_a_share_with_its_ratio_in_parentheses(stated, outcome):
    # own: "Tỷ lệ đoàn viên trên tổng số lao động đạt 88,5% (6.320/7.140)" (88.51 %)
    text = f"Tỷ lệ đoàn viên trên tổng số lao động đạt {stated} (6.320/7.140)."
    figures = [fig(f"đạt {stated}", stated, float(stated.rstrip("%").replace(",", ".")), "percent", entity="đoàn viên"),
               fig("(6.320/7.140)", "6.320/7.140", 6320, relation="ratio", denominator=7140, entity="đoàn viên")]
    assert found(text, figures) == outcome


def test_a_thousands_mark_does_not_end_a_breakdown():
    # held-out corpus 60: "gồm 3.100 suất … và 1.500 suất …": the '.' of 3.100 ended the list
    text = "Chương trình đã trao 4.800 suất quà, gồm 3.100 suất của Liên đoàn Lao động tỉnh và 1.500 suất do doanh nghiệp hỗ trợ."
    figures = [fig("trao 4.800", "4.800", 4800, entity="suất quà"), fig("gồm 3.100", "3.100", 3100, entity="suất"),
               fig("và 1.500", "1.500", 1500, entity="suất")]
    assert found(text, figures) == [("SUM", "inconsistent")]
