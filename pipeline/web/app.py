"""Chỉ Số web app entry: `streamlit run pipeline/web/app.py` (or `chiso web`).

The dataset is the file named by $CHISO_DB (default ./chiso.duckdb), opened read-only."""

from __future__ import annotations

import streamlit as st

from pipeline.store.errors import StoreLocked
from pipeline.web.page_frame import INGEST_RUNNING, PAGES

st.set_page_config(page_title="Chỉ Số", page_icon=":material/analytics:", layout="wide")
navigation = st.navigation([st.Page(p.script, title=p.title, icon=p.icon, url_path=p.url_path,
                                    default=(i == 0)) for i, p in enumerate(PAGES)])
with st.sidebar:
    st.caption("Chỉ Số: số liệu và chỉ tiêu trong văn bản công đoàn · figures and targets in "
               "Vietnamese trade-union documents")
try:
    navigation.run()
except StoreLocked:  # an ingest writes the dataset: say so instead of an error box (issue 22)
    st.info(INGEST_RUNNING)
