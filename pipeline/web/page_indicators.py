"""Indicators: pick one → a chart over the years by organization (actual vs target), the
figures under it, and downloads as CSV and Excel."""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from pipeline.web import reads
from pipeline.web.downloads import XLSX_MIME, csv_bytes, excel_bytes
from pipeline.web.page_frame import INDICATORS, link_document, open_dataset

INDICATOR_PARAM = "indicator"
# Columns of the table under the chart, in reading order.
TABLE_COLUMNS = ["organization", "year", "modality", "value", "value_max", "unit", "comparator", "aggregation",
                 "deadline_year", "entity", "text", "sentence", "doc_kind", "doc_date", "path", "page"]


def series(figures: pd.DataFrame) -> pd.DataFrame:
    """One point per organization, year, modality and unit: the mean value and how many figures."""
    dated = figures.dropna(subset=["year"]).assign(organization=lambda d: d["organization"].fillna("(không rõ)"))
    if dated.empty:
        return pd.DataFrame(columns=["organization", "year", "modality", "unit", "value", "figures"])
    out = (dated.groupby(["organization", "year", "modality", "unit"], as_index=False)
           .agg(value=("value", "mean"), figures=("value", "size")))
    out["year"] = out["year"].astype(int)
    return out


def chart(points: pd.DataFrame, unit: str) -> alt.Chart:
    return alt.Chart(points).mark_line(point=alt.OverlayMarkDef(size=80, filled=True)).encode(
        x=alt.X("year:O", title="năm · year", axis=alt.Axis(labelAngle=0)),
        y=alt.Y("value:Q", title=f"giá trị · value ({unit})"),
        color=alt.Color("organization:N", title="tổ chức · organization", legend=alt.Legend(orient="bottom", columns=1,
                                                                                          labelLimit=0)),
        strokeDash=alt.StrokeDash("modality:N", title="thực hiện / chỉ tiêu · actual / target"),
        shape=alt.Shape("modality:N", legend=None),
        detail="modality:N",
        tooltip=["organization", "year", "modality", alt.Tooltip("value:Q", format=",.2f"), "unit", "figures"],
    ).properties(height=380)


def _pick_indicator(options: pd.DataFrame) -> str | None:
    ids = list(options["indicator"])
    wanted = st.query_params.get(INDICATOR_PARAM)
    labels = {r.indicator: f"{r.indicator} — {r.figures} số liệu, {r.organizations} tổ chức ({r.units})"
              for r in options.itertuples()}
    choice = st.selectbox("Chỉ tiêu · indicator", ids, index=ids.index(wanted) if wanted in ids else 0,
                          format_func=lambda i: labels.get(i, str(i)), key="indicator")
    if choice:
        st.query_params[INDICATOR_PARAM] = choice
    return choice


def _show_chart(figures: pd.DataFrame) -> None:
    units = list(figures["unit"].value_counts().index)
    unit = st.radio("Đơn vị · unit", units, horizontal=True) if len(units) > 1 else units[0]
    points = series(figures[figures["unit"] == unit])
    undated = int(figures["year"].isna().sum())
    if points.empty:
        st.info("Không có số liệu nào có năm · no figure of this indicator has a year to plot")
    else:
        st.altair_chart(chart(points, unit))
    if undated:
        st.caption(f"{undated} số liệu không có năm, không vẽ · figures without a year are listed, not plotted")


def _downloads(indicator: str, figures: pd.DataFrame) -> None:
    left, right = st.columns(2)
    left.download_button("Tải CSV · download CSV", csv_bytes(figures), file_name=f"{indicator}.csv",
                         mime="text/csv", icon=":material/download:")
    right.download_button("Tải Excel · download Excel", excel_bytes(figures, indicator),
                          file_name=f"{indicator}.xlsx", mime=XLSX_MIME, icon=":material/download:")


def render() -> None:
    st.title(INDICATORS.title)
    db, stamp = open_dataset()
    options = reads.indicators(str(db), stamp)
    if options.empty:
        st.info("Chưa có số liệu nào gắn chỉ tiêu · no figure has an indicator yet")
        return
    indicator = _pick_indicator(options)
    if indicator is None:
        return
    figures = reads.indicator_figures(str(db), stamp, indicator)
    _show_chart(figures)
    st.subheader(f"Số liệu · figures ({len(figures)})")
    st.dataframe(figures[TABLE_COLUMNS], hide_index=True, column_config={
        "sentence": st.column_config.TextColumn("sentence", width="large"),
        "value": st.column_config.NumberColumn("value", format="%g")})
    _downloads(indicator, figures)
    with st.expander("Văn bản nguồn · source documents"):
        for doc in figures.drop_duplicates("doc_id").itertuples():
            link_document(doc.doc_id, f"{doc.organization or '—'} · {doc.doc_kind} · {doc.path}#{doc.doc_index}")


if __name__ == "__main__":
    render()
