"""Indicators: pick one (by its Vietnamese label) → a chart over the years by organization (actual
solid, target dashed; each point a value some document wrote, never a blend of unlike figures), the
figures under it, and downloads as CSV and Excel."""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from pipeline.dataset import NONE, indicator_label
from pipeline.web import reads
from pipeline.web.downloads import XLSX_MIME, csv_bytes, excel_bytes
from pipeline.web.page_frame import INDICATORS, link_document, open_dataset

INDICATOR_PARAM = "indicator"
# Columns of the table under the chart, in reading order.
TABLE_COLUMNS = ["organization", "year", "modality", "value", "value_max", "unit", "comparator", "aggregation",
                 "deadline_year", "entity", "text", "sentence", "doc_kind", "doc_date", "path", "page"]


SERIES_KEYS = ("unit", "aggregation", "period_years")  # one chart draws figures agreeing on these


def series(cells: pd.DataFrame) -> pd.DataFrame:
    """The points of one series of cells: organization, year, modality, value and figures behind it."""
    dated = cells[cells["year"] != NONE]
    if dated.empty:
        return pd.DataFrame(columns=["organization", "year", "modality", "unit", "value", "figures"])
    out = dated.assign(figures=dated["n"], year=dated["year"].astype(int))
    return out[["organization", "year", "modality", "unit", "value", "figures"]]


def _series_name(key: tuple) -> str:
    unit, aggregation, period = key
    parts = [str(unit), "bình quân · average" if aggregation == "average" else "",
             f"{float(period):g} năm · years" if period not in (None, NONE) else ""]
    return " · ".join(p for p in parts if p)


def chart(points: pd.DataFrame, unit: str) -> alt.Chart:
    return alt.Chart(points).mark_line(point=alt.OverlayMarkDef(size=80, filled=True)).encode(
        x=alt.X("year:O", title="năm · year", axis=alt.Axis(labelAngle=0)),
        y=alt.Y("value:Q", title=f"giá trị · value ({unit})"),
        # legend on the right: at the bottom, 20 organizations squeezed the plot to a line
        color=alt.Color("organization:N", title="tổ chức · organization", legend=alt.Legend(orient="right",
                                                                                          labelLimit=320),
                        scale=alt.Scale(scheme="tableau20")),
        strokeDash=alt.StrokeDash("modality:N", title="thực hiện / chỉ tiêu · actual / target"),
        shape=alt.Shape("modality:N", legend=None),
        detail="modality:N",
        tooltip=["organization", "year", "modality", alt.Tooltip("value:Q", format=",.2f"), "unit", "figures"],
    ).properties(height=380)


def _pick_indicator(options: pd.DataFrame) -> str | None:
    ids = list(options["indicator"])
    wanted = st.query_params.get(INDICATOR_PARAM)
    labels = {r.indicator: f"{indicator_label(r.indicator)} ({r.indicator}) — {r.figures} số liệu, "
                           f"{r.organizations} tổ chức ({r.units})" for r in options.itertuples()}
    choice = st.selectbox("Chỉ tiêu · indicator", ids, index=ids.index(wanted) if wanted in ids else 0,
                          format_func=lambda i: labels.get(i, str(i)), key="indicator")
    if choice:
        st.query_params[INDICATOR_PARAM] = choice
    return choice


def _show_chart(cells: pd.DataFrame, notes: list[str]) -> None:
    keys = [k for k in SERIES_KEYS if k in cells.columns]
    groups = {k if isinstance(k, tuple) else (k,): g for k, g in cells.groupby(keys, dropna=False)} if keys else {}
    full = {key: tuple(dict(zip(keys, key, strict=True)).get(k, NONE) for k in SERIES_KEYS) for key in groups}
    if len(groups) > 1:
        ordered = sorted(groups, key=lambda k: -groups[k]["n"].sum())
        key = st.radio("Chuỗi số liệu · series (never combined)", ordered, horizontal=True,
                       format_func=lambda k: _series_name(full[k]))
        cells = groups[key]
    unit = str(cells["unit"].iloc[0]) if not cells.empty else ""
    points = series(cells)
    undated = int((cells["year"] == NONE).sum())
    if points.empty:
        st.info("Không có số liệu nào có năm · no figure of this indicator has a year to plot")
    else:
        st.altair_chart(chart(points, unit))
    if undated:
        st.caption(f"{undated} số liệu không có năm, không vẽ · figures without a year are listed, not plotted")
    others = int(cells["others"].sum())
    if others:
        st.caption(f"* {others} số liệu khác cùng tổ chức, năm không vẽ: điểm là của văn bản mới nhất · {others} other "
                   "figures of the same organization and year not drawn: each point is the latest document's")
    for note in notes:
        if "(+k)" not in note:  # that one is said above, in the page's words
            st.caption(f"* {note}")


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
    st.caption(indicator_label(indicator, "en"))
    cells, notes = reads.indicator_cells(str(db), stamp, indicator)
    _show_chart(cells, notes)
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
