"""What every page shares: the page registry (files, titles, URLs) and opening the dataset."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import streamlit as st

from pipeline.web import reads


@dataclass(frozen=True)
class PageSpec:
    script: str  # file beside app.py
    title: str
    icon: str
    url_path: str


OVERVIEW = PageSpec("page_overview.py", "Tổng quan · Overview", ":material/dashboard:", "overview")
INDICATORS = PageSpec("page_indicators.py", "Chỉ tiêu · Indicators", ":material/show_chart:", "indicators")
BROWSE = PageSpec("page_browse.py", "Bảng · Browse", ":material/table_view:", "browse")
DOCUMENTS = PageSpec("page_documents.py", "Văn bản · Documents", ":material/description:", "documents")
AUDIT = PageSpec("page_audit.py", "Kiểm tra · Audit", ":material/fact_check:", "audit")
UPLOAD = PageSpec("page_upload.py", "Tải lên · Upload", ":material/upload_file:", "upload")
PAGES = (OVERVIEW, INDICATORS, BROWSE, DOCUMENTS, AUDIT, UPLOAD)
# Query parameter that opens one document on the Documents page.
DOC_PARAM = "doc"


def open_dataset() -> tuple[Path, float]:
    """The database and its version stamp; stops the page with a message when it is missing."""
    db = reads.database()
    try:
        return db, reads.version(db)
    except reads.DatasetMissing as err:
        st.error(str(err))
        st.stop()
        raise  # st.stop() raises; this keeps type checkers sure we never return


def link_document(doc_id: str, label: str) -> None:
    """A link that opens one document on the Documents page."""
    st.page_link(DOCUMENTS.script, label=label, icon=":material/article:", query_params={DOC_PARAM: doc_id})
