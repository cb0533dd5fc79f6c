"""Audit rules (issue 6): for each rule, cases that must fire and cases that must not.

Rows are sentences from the seeds (named by file) or written in their words ("own"), with
the figures annotated as the extractor gives them (EXTRACT-FORMAT.md).
"""

from __future__ import annotations

import json

import audit_frames as af
import duckdb
import pytest

from pipeline.audit import RULES, AuditError, run_audit
from pipeline.audit.intervals import decimals_of, judge, rounded, step_of, truncated
from pipeline.audit.model import AuditFigure
from pipeline.audit.report_html import render_report
from pipeline.audit.storage import read_findings, replace_findings
from pipeline.audit.vocabulary import achievement_claim, canonical_entity, has_cue


def fig(quote, text, value, unit="count", **kw):
    return {"quote": quote, "text": text, "value": value, "unit": unit, **kw}


def outcomes(text, figures, rule, org="Liên đoàn Lao động huyện Nghi Lộc", kind="báo cáo", date="2023-12-20",
             extra_docs=()):
    """Outcomes of one rule's checks on a one-document corpus (consistent checks included)."""
    doc = af.DocSpec(f"case:{text[:40]}", 0, org, kind, date, af.normalize(text), tuple(figures))
    found = run_audit(af.frame([doc, *extra_docs]), rules=[rule], include_consistent=True)
    return sorted(f.outcome for f in found)


# ---- intervals (statcheck's reading of precision) -----------------------------------------
@pytest.mark.parametrize("text,value,decimals,step", [
    ("98,37%", 98.37, 2, 0.01),             # seed 000 "(chiếm 98,37%)"
    ("6.107", 6107, 0, 1),                  # seed 000 "hiện có 6.107 doanh nghiệp"
    ("05", 5, 0, 1),                        # seed 000 "thành lập mới 05 công đoàn cơ sở"
    ("3,45 tỷ đồng", 3.45e9, 2, 1e7),       # own: "đạt 3,45 tỷ đồng"
    ("từ 95% trở lên", 95, 0, 1),           # seed 002 "đạt từ 95% trở lên"
])
def test_precision_of_a_written_number(text, value, decimals, step):
    assert decimals_of(text, value) == decimals
    assert step_of(text, value) == pytest.approx(step)


def _f(text, value, unit="count", **kw):
    return AuditFigure(figure_id="x", doc_id="d", value=value, unit=unit, text=text, **kw)


@pytest.mark.parametrize("figure,expected,outcome", [
    (_f("533", 533, aggregation="average"), 2668 / 5, "truncated"),    # seed 000: 533.6 written 533
    (_f("05", 5, aggregation="average"), 29 / 5, "truncated"),         # seed 000: 5.8 written 05
    (_f("534", 534, aggregation="average"), 2668 / 5, "consistent"),   # the rounded way
    (_f("86,7%", 86.7, "percent"), 39 / 45 * 100, "consistent"),       # own: 39/45 = 86.67
    (_f("86,6%", 86.6, "percent"), 39 / 45 * 100, "truncated"),
    (_f("76,7%", 76.7, "percent"), 39 / 45 * 100, "inconsistent"),
    (_f("09", 9, aggregation="average"), 29 / 5, "inconsistent"),      # mutation 05 → 09
])
def test_judge_reads_numbers_as_intervals(figure, expected, outcome):
    from pipeline.audit.intervals import exact
    assert judge(figure, exact(expected)) == outcome


def test_exact_counts_and_comparators():
    assert rounded(_f("29", 29)).lo == rounded(_f("29", 29)).hi == 29          # a count of CĐCS is exact
    assert rounded(_f("từ 95% trở lên", 95, "percent", comparator=">=")).hi == float("inf")
    assert truncated(_f("533", 533, aggregation="average")).lo == 533


# ---- language data ------------------------------------------------------------------------
@pytest.mark.parametrize("entity,canonical", [
    ("CĐCS", "công đoàn cơ sở"),                          # glossary
    ("ĐVCĐ", "đoàn viên"),                                # seed 003 "hiện nay có 42 ĐVCĐ"
    ("đoàn viên công đoàn", "đoàn viên"),
    ("công đoàn cơ sở", "công đoàn cơ sở"),
    ("người lao động", "người lao động"),                 # not "người người lao động"
    ("CĐCS các trường ngoài công lập", "công đoàn cơ sở các trường ngoài công lập"),  # seed 002
])
def test_canonical_entity(entity, canonical):
    assert canonical_entity(entity) == canonical


@pytest.mark.parametrize("text,cue_list,found", [
    ("Toàn huyện có 45 CĐCS, trong đó 39/45 CĐCS", "subset_cues", True),   # own
    ("thành lập mới 29 công đoàn cơ sở, bình quân hàng năm", "subset_cues", False),  # seed 000
    ("bình quân mỗi CĐCS có 140 đoàn viên", "per_unit_cues", True),        # own
    ("phát triển mới 2.668", "new_cues", True),                            # seed 000
    ("vượt 31% kế hoạch", "excess_cues", True),                            # issue 6
    ("số vụ tranh chấp tăng ", "not_a_share_before", True),               # own
    (" kế hoạch (kế hoạch giao 3 tỷ đồng)", "not_a_share_after", True),    # own
    (" trở lên so với số phải thu", "not_a_share_after", False),           # seed 002: a share of the dues
])
def test_cue_lists(text, cue_list, found):
    assert has_cue(text, cue_list) is found


@pytest.mark.parametrize("sentence,claim", [
    ("công tác phát triển đoàn viên, thành lập công đoàn cơ sở đạt và vượt chỉ tiêu đề ra.", ">="),  # seed 000
    ("đến nay đã thành lập được 17 CĐCS, vượt chỉ tiêu Đại hội.", ">"),      # own
    ("số đoàn viên mới chưa đạt chỉ tiêu được giao.", "<"),                    # own
    ("Địa bàn thành phố Vinh hiện có 6.107 doanh nghiệp", None),              # seed 000
])
def test_achievement_claims(sentence, claim):
    got = achievement_claim(sentence)
    assert (got[1] if got else None) == claim


# ---- AVG_TOTAL ----------------------------------------------------------------------------
SEED000 = ("Tuy nhiên, với sự nỗ lực, cố gắng của Ban Chấp hành, Ban Thường vụ, trong 5 năm qua, đã thành lập "
           "mới {n} công đoàn cơ sở, bình quân hàng năm thành lập mới {avg} công đoàn cơ sở trong các doanh nghiệp.")


@pytest.mark.parametrize("n,avg,avg_value,outcome", [
    ("29", "05", 5, ["truncated"]),        # seed 000 as written: 5.8 → 05 only if truncated
    ("29", "06", 6, ["consistent"]),       # rounded
    ("29", "5,8", 5.8, ["consistent"]),
    ("29", "09", 9, ["inconsistent"]),     # mutation 05 → 09
    ("25", "05", 5, ["consistent"]),
])
def test_avg_total_per_year(n, avg, avg_value, outcome):
    text = SEED000.format(n=n, avg=avg)
    figures = [fig(f"thành lập mới {n} công đoàn cơ sở", n, int(n), entity="công đoàn cơ sở", period_years=5),
               fig(f"thành lập mới {avg} công đoàn cơ sở", avg, avg_value, entity="công đoàn cơ sở",
                   aggregation="average", period_years=5)]
    assert outcomes(text, figures, "AVG_TOTAL") == outcome


@pytest.mark.parametrize("text,figures,outcome", [
    # own: per unit, 6.320 / 45 = 140.4
    ("Toàn huyện có 45 CĐCS với 6.320 đoàn viên. Bình quân mỗi CĐCS có 140 đoàn viên.",
     [fig("có 45 CĐCS", "45", 45, entity="công đoàn cơ sở"), fig("6.320 đoàn viên", "6.320", 6320, entity="đoàn viên"),
      fig("có 140 đoàn viên", "140", 140, entity="đoàn viên", aggregation="average")], ["consistent"]),
    ("Toàn huyện có 45 CĐCS với 6.320 đoàn viên. Bình quân mỗi CĐCS có 180 đoàn viên.",
     [fig("có 45 CĐCS", "45", 45, entity="công đoàn cơ sở"), fig("6.320 đoàn viên", "6.320", 6320, entity="đoàn viên"),
      fig("có 180 đoàn viên", "180", 180, entity="đoàn viên", aggregation="average")], ["inconsistent"]),
    # not fired: an average with no total of its entity nearby (seed 002, a target)
    ("Phấn đấu bình quân mỗi công đoàn cơ sở (CĐCS) giới thiệu ít nhất 01 đoàn viên ưu tú cho Đảng xem xét.",
     [fig("ít nhất 01 đoàn viên ưu tú", "ít nhất 01", 1, entity="đoàn viên ưu tú", modality="target",
          comparator=">=", aggregation="average", recurrence="annual")], []),
    # not fired: the total is two sentences away (nearness rule)
    ("Trong 5 năm qua đã thành lập mới 29 CĐCS. Công tác tuyên truyền được đổi mới. Công tác chăm lo được quan "
     "tâm. Bình quân mỗi năm thành lập mới 09 CĐCS.",
     [fig("thành lập mới 29 CĐCS", "29", 29, entity="công đoàn cơ sở", period_years=5),
      fig("thành lập mới 09 CĐCS", "09", 9, entity="công đoàn cơ sở", aggregation="average", period_years=5)], []),
])
def test_avg_total_cases(text, figures, outcome):
    assert outcomes(text, figures, "AVG_TOTAL") == outcome


# ---- SHARE_COUNTS -------------------------------------------------------------------------
@pytest.mark.parametrize("text,figures,outcome", [
    # issue 6: "39/45 công đoàn", "đạt 86,7%"
    ("Toàn tỉnh có 45 công đoàn cơ sở, trong đó 39/45 CĐCS (đạt 86,7%) ký thỏa ước.",
     [fig("39/45 CĐCS", "39/45", 39, relation="ratio", denominator=45, entity="công đoàn cơ sở"),
      fig("(đạt 86,7%)", "86,7%", 86.7, "percent", entity="công đoàn cơ sở")], ["consistent"]),
    ("Toàn tỉnh có 45 công đoàn cơ sở, trong đó 39/45 CĐCS (đạt 96,7%) ký thỏa ước.",
     [fig("39/45 CĐCS", "39/45", 39, relation="ratio", denominator=45, entity="công đoàn cơ sở"),
      fig("(đạt 96,7%)", "96,7%", 96.7, "percent", entity="công đoàn cơ sở")], ["inconsistent"]),
    # own: part and whole as counts
    ("Toàn tỉnh hiện có 125.430 đoàn viên, trong đó có 68.215 đoàn viên khối doanh nghiệp ngoài nhà nước (chiếm 45,4%).",
     [fig("có 125.430 đoàn viên", "125.430", 125430, entity="đoàn viên"),
      fig("có 68.215 đoàn viên", "68.215", 68215, entity="đoàn viên khối doanh nghiệp ngoài nhà nước"),
      fig("(chiếm 45,4%)", "45,4%", 45.4, "percent", entity="đoàn viên khối doanh nghiệp ngoài nhà nước")],
     ["inconsistent"]),
    # not fired, seed 000: the share has no part written next to it ("chiếm 98,37%" of the enterprises)
    ("Địa bàn thành phố Vinh hiện có 6.107 doanh nghiệp với 87.038 lao động đang hoạt động, đa số các doanh nghiệp "
     "trên địa bàn có mô hình sản xuất, kinh doanh siêu nhỏ, nhỏ và vừa (chiếm 98,37%) nên việc tiếp cận gặp khó khăn.",
     [fig("hiện có 6.107 doanh nghiệp", "6.107", 6107, entity="doanh nghiệp"),
      fig("87.038 lao động", "87.038", 87038, entity="lao động"),
      fig("(chiếm 98,37%)", "98,37%", 98.37, "percent", entity="doanh nghiệp")], []),
])
def test_share_counts_cases(text, figures, outcome):
    assert outcomes(text, figures, "SHARE_COUNTS") == outcome


# ---- PART_WHOLE ---------------------------------------------------------------------------
@pytest.mark.parametrize("text,figures,outcome", [
    # own: CĐCS with an agreement > CĐCS
    ("Toàn huyện có 45 CĐCS, trong đó 50 CĐCS đã ký kết thỏa ước lao động tập thể.",
     [fig("có 45 CĐCS", "45", 45, entity="công đoàn cơ sở"), fig("50 CĐCS đã ký", "50", 50, entity="công đoàn cơ sở")],
     ["inconsistent"]),
    ("Toàn huyện có 45 CĐCS, trong đó 39 CĐCS đã ký kết thỏa ước lao động tập thể.",
     [fig("có 45 CĐCS", "45", 45, entity="công đoàn cơ sở"), fig("39 CĐCS đã ký", "39", 39, entity="công đoàn cơ sở")],
     ["consistent"]),
    # own: members of one sector > all members, but two clauses joined by ";" with no subset cue:
    # issue 23 pairs part and whole only when the text says so (a narrower entity alone is not enough)
    ("Toàn tỉnh có 125.430 đoàn viên; đoàn viên khối doanh nghiệp ngoài nhà nước là 168.215 người.",
     [fig("có 125.430 đoàn viên", "125.430", 125430, entity="đoàn viên"),
      fig("là 168.215 người", "168.215", 168215, entity="đoàn viên khối doanh nghiệp ngoài nhà nước")],
     []),
    # the same with the cue: "trong đó"
    ("Toàn tỉnh có 125.430 đoàn viên, trong đó đoàn viên khối doanh nghiệp ngoài nhà nước là 168.215 người.",
     [fig("có 125.430 đoàn viên", "125.430", 125430, entity="đoàn viên"),
      fig("là 168.215 người", "168.215", 168215, entity="đoàn viên khối doanh nghiệp ngoài nhà nước")],
     ["inconsistent"]),
    # own: new members of the year > members
    ("Toàn huyện có 6.320 đoàn viên. Trong năm đã kết nạp mới 7.215 đoàn viên.",
     [fig("có 6.320 đoàn viên", "6.320", 6320, entity="đoàn viên"),
      fig("kết nạp mới 7.215 đoàn viên", "7.215", 7215, entity="đoàn viên", period_years=1)], ["inconsistent"]),
    # own: a ratio whose part is above its whole
    ("Có 49/45 CĐCS tổ chức hội nghị người lao động.",
     [fig("49/45 CĐCS", "49/45", 49, relation="ratio", denominator=45, entity="công đoàn cơ sở")], ["inconsistent"]),
    # not fired, seed 000: 2.668 new members over 5 years are not a part of today's 4.005 in non-state CĐCS
    ("phát triển mới 2.668 đoàn viên, trung bình phát triển mới mỗi năm là 533 đoàn viên. Đến nay Liên đoàn Lao động "
     "thành phố đã có 54 công đoàn cơ sở khối doanh nghiệp ngoài nhà nước với số lượng 4.005 đoàn viên.",
     [fig("phát triển mới 2.668 đoàn viên", "2.668", 2668, entity="đoàn viên", period_years=5),
      fig("đã có 54 công đoàn cơ sở", "54", 54, entity="công đoàn cơ sở"),
      fig("4.005 đoàn viên", "4.005", 4005, entity="đoàn viên")], []),
])
def test_part_whole_cases(text, figures, outcome):
    assert outcomes(text, figures, "PART_WHOLE") == outcome


# ---- TARGET_MONOTONE ----------------------------------------------------------------------
def _membership_targets(v2023):
    # seed 002 (Công đoàn Giáo dục tỉnh Lâm Đồng): annual 95 → 2023 96 → 2025 97 → 2030 98
    text = ("1. Chỉ tiêu hàng năm - Phấn đấu tỷ lệ đoàn viên đạt từ 95% trở lên trong tổng số CBNGNLĐ toàn Ngành. "
            f"2. Chỉ tiêu theo giai đoạn * Đến năm 2023: - Phấn đấu tỷ lệ đoàn viên đạt từ {v2023}% trở lên trong "
            "tổng số CBNGNLĐ toàn Ngành. * Đến năm 2025: - Phấn đấu tỷ lệ đoàn viên đạt từ 97% trở lên trong tổng số "
            "CBNGNLĐ toàn Ngành. * Đến năm 2030: - Phấn đấu tỷ lệ đoàn viên trong tổng số CBNGNLĐ toàn Ngành đạt ít "
            "nhất 98%.")
    t = {"unit": "percent", "entity": "đoàn viên", "modality": "target", "comparator": ">="}
    return text, [fig("đạt từ 95% trở lên", "từ 95% trở lên", 95, recurrence="annual", **t),
                  fig(f"đạt từ {v2023}% trở lên", f"từ {v2023}% trở lên", v2023, deadline_year=2023, **t),
                  fig("đạt từ 97% trở lên", "từ 97% trở lên", 97, deadline_year=2025, **t),
                  fig("đạt ít nhất 98%", "ít nhất 98%", 98, deadline_year=2030, **t)]


@pytest.mark.parametrize("v2023,outcome", [
    (96, ["consistent"] * 3),                                   # seed 002 as written
    (94, ["inconsistent", "consistent", "consistent"]),          # mutation 96 → 94: below the annual 95
    (99, ["consistent", "consistent", "inconsistent"]),          # 99 in 2023, then 97 in 2025
])
def test_target_monotone_membership_rate(v2023, outcome):
    text, figures = _membership_targets(v2023)
    assert outcomes(text, figures, "TARGET_MONOTONE", kind="kế hoạch") == sorted(outcome)


@pytest.mark.parametrize("text,figures,outcome", [
    # seed 002: two targets about "cơ quan, đơn vị, trường học công lập" that are different statements
    ("- 100% cơ quan, đơn vị, trường học công lập và 70% trở lên đơn vị ngoài công lập tổ chức đối thoại định kỳ "
     "theo hướng dẫn của Ngành. * Đến năm 2023: - Phấn đấu có từ 80% trở lên các cơ quan, đơn vị, trường học công "
     "lập xây dựng, thực hiện hiệu quả quy chế phối hợp giữa công đoàn và chính quyền cùng cấp.",
     [fig("100% cơ quan, đơn vị, trường học công lập và", "100%", 100, "percent",
          entity="cơ quan, đơn vị, trường học công lập", modality="target", recurrence="annual"),
      fig("có từ 80% trở lên các cơ quan", "từ 80% trở lên", 80, "percent", entity="cơ quan, đơn vị, trường học công lập",
          modality="target", comparator=">=", deadline_year=2023)], []),
    # own: a target that must fall ("không quá") and rises
    ("Chỉ tiêu hằng năm: - Tỷ lệ đoàn viên bị xử lý kỷ luật không quá 2%. Đến năm 2025: - Tỷ lệ đoàn viên bị xử lý "
     "kỷ luật không quá 2,5%.",
     [fig("không quá 2%", "2%", 2, "percent", entity="đoàn viên", modality="target", comparator="<=",
          recurrence="annual"),
      fig("không quá 2,5%", "2,5%", 2.5, "percent", entity="đoàn viên", modality="target", comparator="<=",
          deadline_year=2025)], ["inconsistent"]),
    # own: the same indicator id ties differently worded targets
    ("Đến năm 2023 có 88% CĐCS vững mạnh. Đến năm 2025 phấn đấu tỷ lệ công đoàn cơ sở xếp loại hoàn thành tốt "
     "nhiệm vụ đạt 84%.",
     [fig("có 88% CĐCS", "88%", 88, "percent", entity="công đoàn cơ sở", modality="target", deadline_year=2023,
          indicator="cdcs_strong_rate"),
      fig("đạt 84%", "84%", 84, "percent", entity="công đoàn cơ sở", modality="target", deadline_year=2025,
          indicator="cdcs_strong_rate")], ["inconsistent"]),
])
def test_target_monotone_cases(text, figures, outcome):
    assert outcomes(text, figures, "TARGET_MONOTONE", kind="kế hoạch") == outcome


# ---- CROSS_DOC ----------------------------------------------------------------------------
def _members_doc(key, value_text, value, date="2023-12-28", indicator="union_members"):
    text = f"Tính đến cuối năm 2023, Liên đoàn Lao động huyện Nghi Lộc có {value_text} đoàn viên."
    return af.DocSpec(key, 0, "Liên đoàn Lao động huyện Nghi Lộc", "tin", date, text,
                      (fig(f"có {value_text} đoàn viên", value_text, value, entity="đoàn viên", indicator=indicator),))


@pytest.mark.parametrize("other,outcome", [
    (_members_doc("tin2", "6.320", 6320), ["consistent"]),
    (_members_doc("tin2", "6.230", 6230), ["inconsistent"]),                  # own: digits swapped
    (_members_doc("tin2", "6.230", 6230, date="2024-12-28"), []),            # another year
    (_members_doc("tin2", "6.230", 6230, indicator="new_members"), []),      # another indicator
])
def test_cross_doc_cases(other, outcome):
    base = _members_doc("tin1", "6.320", 6320)
    found = run_audit(af.frame([base, other]), rules=["CROSS_DOC"], include_consistent=True)
    assert sorted(f.outcome for f in found) == outcome


# ---- ACHIEVEMENT --------------------------------------------------------------------------
@pytest.mark.parametrize("text,figures,outcome", [
    # issue 6: "vượt 31% kế hoạch" = 131 % of the target
    ("Trong năm đã kết nạp mới 1.310 đoàn viên, vượt 31% kế hoạch năm (chỉ tiêu giao 1.000 đoàn viên).",
     [fig("kết nạp mới 1.310 đoàn viên", "1.310", 1310, entity="đoàn viên", period_years=1),
      fig("vượt 31% kế hoạch", "31%", 31, "percent", entity="đoàn viên", relation="achievement"),
      fig("chỉ tiêu giao 1.000 đoàn viên", "1.000", 1000, entity="đoàn viên", modality="target")], ["consistent"]),
    ("Trong năm đã kết nạp mới 1.210 đoàn viên, vượt 31% kế hoạch năm (chỉ tiêu giao 1.000 đoàn viên).",
     [fig("kết nạp mới 1.210 đoàn viên", "1.210", 1210, entity="đoàn viên", period_years=1),
      fig("vượt 31% kế hoạch", "31%", 31, "percent", entity="đoàn viên", relation="achievement"),
      fig("chỉ tiêu giao 1.000 đoàn viên", "1.000", 1000, entity="đoàn viên", modality="target")], ["inconsistent"]),
    # own: "đạt và vượt chỉ tiêu" with the result under the target
    ("Nghị quyết Đại hội đề ra chỉ tiêu thành lập mới 15 CĐCS; đến nay đã thành lập được 13 CĐCS, đạt và vượt chỉ tiêu.",
     [fig("thành lập mới 15 CĐCS", "15", 15, entity="công đoàn cơ sở", modality="target", deadline_year=2025),
      fig("được 13 CĐCS", "13", 13, entity="công đoàn cơ sở")], ["inconsistent"]),
    # not fired, seed 000: the claim without a stated target
    ("Một số kết quả nổi bật: công tác phát triển đoàn viên, thành lập công đoàn cơ sở đạt và vượt chỉ tiêu đề ra. "
     "Trong 5 năm qua, đã thành lập mới 29 công đoàn cơ sở.",
     [fig("thành lập mới 29 công đoàn cơ sở", "29", 29, entity="công đoàn cơ sở", period_years=5)], []),
])
def test_achievement_cases(text, figures, outcome):
    assert outcomes(text, figures, "ACHIEVEMENT") == outcome


# ---- OUT_OF_RANGE -------------------------------------------------------------------------
@pytest.mark.parametrize("text,figure,outcome", [
    ("Tỷ lệ đoàn viên được tham gia bảo hiểm xã hội đạt 107,5%.",                         # own: share > 100
     fig("đạt 107,5%", "107,5%", 107.5, "percent", entity="đoàn viên"), ["inconsistent"]),
    ("Phấn đấu thu tài chính công đoàn đạt 190% trở lên so với số phải thu kinh phí.",   # seed 002 mutated
     fig("đạt 190% trở lên", "190% trở lên", 190, "percent", entity="tài chính công đoàn", modality="target",
         comparator=">="), ["inconsistent"]),
    ("Tỷ lệ đoàn viên được tham gia bảo hiểm xã hội đạt 97,5%.",                          # own: fine
     fig("đạt 97,5%", "97,5%", 97.5, "percent", entity="đoàn viên"), []),
    ("Thu kinh phí công đoàn đạt 115% kế hoạch.",                                         # own: achievement
     fig("đạt 115% kế hoạch", "115%", 115, "percent", entity="kinh phí công đoàn"), []),
    ("Số vụ tranh chấp lao động tập thể tăng 150% so với cùng kỳ.",                       # own: a change
     fig("tăng 150%", "150%", 150, "percent", entity="tranh chấp lao động tập thể"), []),
    ("Số đoàn viên giảm -120 người so với năm trước.",                                    # own: negative count
     fig("giảm -120 người", "-120", -120, entity="đoàn viên"), ["inconsistent"]),
])
def test_out_of_range_cases(text, figure, outcome):
    assert outcomes(text, [figure], "OUT_OF_RANGE") == outcome


# ---- registry, evidence, storage, HTML ----------------------------------------------------
def test_every_rule_has_an_id_a_severity_and_messages():
    assert set(RULES) == {"AVG_TOTAL", "SHARE_COUNTS", "PART_WHOLE", "SUM", "TARGET_MONOTONE", "CHANGE", "CROSS_DOC",
                          "ACHIEVEMENT", "OUT_OF_RANGE"}
    assert all(r.severity in ("error", "warning", "info") and r.summary for r in RULES.values())


def test_finding_carries_its_figures_sentences_and_arithmetic():
    findings = run_audit(af.frame(af.seed_documents()))
    f = next(x for x in findings if "533" in x.arithmetic)
    assert f.arithmetic.startswith("2668 / 5 = 533.6")
    assert [e.text for e in f.evidence] == ["2.668", "533"]
    e = f.evidence[1]
    assert e.sentence[e.char_start - e.sentence_start: e.char_end - e.sentence_start] == "533"
    assert f.figure_ids == tuple(e.figure_id for e in f.evidence)
    assert f.finding_id == run_audit(af.frame(af.seed_documents()))[findings.index(f)].finding_id  # stable


def test_unknown_rule_and_missing_columns_are_errors():
    with pytest.raises(AuditError, match="unknown rule"):
        run_audit(af.frame(af.seed_documents()), rules=["NOPE"])
    with pytest.raises(AuditError, match="missing column"):
        run_audit(af.frame(af.seed_documents()).drop(columns=["unit"]))


def test_findings_round_trip_through_the_table():
    con = duckdb.connect()
    findings = run_audit(af.frame(af.seed_documents()))
    assert replace_findings(con, findings) == 2
    assert replace_findings(con, findings[:1]) == 1          # a new audit replaces the previous one
    assert read_findings(con) == findings[:1]
    evidence = json.loads(con.execute("SELECT evidence FROM findings").fetchall()[0][0])
    assert set(evidence[0]) >= {"figure_id", "path", "doc_index", "text", "value", "sentence", "char_start", "char_end"}


def test_many_findings_with_awkward_text_round_trip_in_one_insert():
    # bug (session 5): one parameterized INSERT per finding took 43 s for the 7,848 findings of 200
    # PDFs; they now go in as one statement (insert_rows), and must come back exactly as written
    from pipeline.audit.model import Evidence, Finding

    awkward = ['trích "Nghị quyết" số 01-NQ/TU', "dòng một\ndòng hai\t", "O'Brien; đoàn viên", "Ⅻ ₫ 😀", ""]
    findings = [Finding(finding_id=f"{i:020x}", rule="CROSS_DOC", severity="warning", outcome="inconsistent",
                        organization=None if i % 3 == 0 else f"LĐLĐ {awkward[i % 5]}",
                        indicator=None if i % 2 else "union_members",
                        message_vi=awkward[i % 5], message_en=f"{i} ≠ {i + 1}", arithmetic=f"{i} / 5 = {i / 5}",
                        figure_ids=(f"f{i}", f"g{i}"),
                        evidence=(Evidence(f"f{i}", None if i % 4 == 0 else f"/kho/báo cáo {i}.pdf", i % 2,
                                           awkward[i % 5] or "6.107", 6107.5 + i, f"Câu {awkward[i % 5]} 6.107.",
                                           4, 9, 0),))
                for i in range(3000)]
    con = duckdb.connect()
    assert replace_findings(con, findings) == 3000
    assert read_findings(con) == sorted(findings, key=lambda f: (f.rule, f.finding_id))
    assert replace_findings(con, []) == 0 and read_findings(con) == []  # an audit with nothing to say


def test_html_report_escapes_document_text_and_marks_numbers():
    text = 'Toàn huyện có 45 CĐCS <script>alert("x")</script>, trong đó 50 CĐCS & đoàn viên ký thỏa ước.'
    doc = af.DocSpec("evil", 0, "LĐLĐ <b>huyện</b>", "báo cáo", None, text,
                     (fig("có 45 CĐCS", "45", 45, entity="công đoàn cơ sở"),
                      fig("50 CĐCS &", "50", 50, entity="công đoàn cơ sở")))
    page = render_report(run_audit(af.frame([doc])))
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "<b>huyện</b>" not in page
    assert "<mark>45</mark>" in page and "<mark>50</mark>" in page
    assert "PART_WHOLE" in page


def test_findings_stored_before_the_confidence_column_read_as_sure():
    # a dataset audited before migration 006 and opened read-only (the web app) has no confidence column
    from importlib import resources
    con = duckdb.connect()
    con.execute(resources.files("pipeline.store").joinpath("migrations", "002_findings.sql").read_text("utf-8"))
    con.execute("INSERT INTO findings (finding_id, rule, severity, outcome, figure_ids, evidence) "
                "VALUES ('f1', 'AVG_TOTAL', 'info', 'truncated', ['a', 'b'], '[]')")
    assert [(f.finding_id, f.confidence) for f in read_findings(con)] == [("f1", "sure")]
