"""Overview: what the dataset holds (documents by kind, organization and year), the last
ingestion runs, and the files that failed with their errors."""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from pipeline.web import reads
from pipeline.web.page_frame import OVERVIEW, open_dataset


def _metrics(totals: pd.DataFrame, findings: pd.DataFrame) -> None:
    t = totals.iloc[0]
    cols = st.columns(6)
    cols[0].metric("Tệp · files", int(t["files"]))
    cols[1].metric("Văn bản · documents", int(t["documents"]))
    cols[2].metric("Số liệu · figures", int(t["figures"]))
    cols[3].metric("Viện dẫn · references", int(t["references"]))
    cols[4].metric("Phát hiện · findings", len(findings))
    cols[5].metric("Tệp lỗi · failed files", int(t["files_failed"]) + int(t["files_needs_ocr"]))
    if int(t.get("duplicate_documents", 0)):
        st.caption(f"{int(t['duplicate_documents'])} văn bản trùng (cùng nội dung trong tệp khác) tính một lần · "
                   "duplicate documents (the same text in another file) counted once")


def _by_kind_chart(by_year: pd.DataFrame) -> alt.Chart:
    data = by_year.assign(year=by_year["year"].map(lambda y: "không rõ" if pd.isna(y) else str(int(y))))
    return alt.Chart(data).mark_bar().encode(
        x=alt.X("year:N", title="năm · year", axis=alt.Axis(labelAngle=0)), y=alt.Y("sum(documents):Q", title="văn bản · documents"),
        color=alt.Color("kind:N", title="loại · kind"), tooltip=["year", "kind", "documents"])


def render() -> None:
    st.title(OVERVIEW.title)
    db, stamp = open_dataset()
    st.caption(f"Bộ dữ liệu · dataset: `{db}`")
    data = reads.overview(str(db), stamp)
    _metrics(data["totals"], data["findings"])

    left, right = st.columns(2)
    with left:
        st.subheader("Theo loại · by kind")
        by_kind = data["documents_by_kind"].groupby("kind", as_index=False)["documents"].sum()
        st.dataframe(by_kind.sort_values("documents", ascending=False), hide_index=True)
    with right:
        st.subheader("Theo năm · by year")
        st.altair_chart(_by_kind_chart(data["documents_by_year"]))
    st.subheader("Theo tổ chức · by organization")
    st.dataframe(data["documents_by_organization"], hide_index=True)

    st.subheader("Lần nạp gần nhất · last ingestion runs")
    if data["runs"].empty:
        st.info("Chưa có lần nạp nào · no ingestion run yet")
    else:
        st.dataframe(data["runs"], hide_index=True)

    st.subheader("Tệp lỗi · failed files")
    failed = data["failed_files"]
    if failed.empty:
        st.success("Không có tệp lỗi · every file was read")
    else:
        st.dataframe(failed, hide_index=True, column_config={
            "error": st.column_config.TextColumn("error", width="large")})


if __name__ == "__main__":
    render()
