"""What every page shares: the page registry (files, titles, URLs) and opening the dataset."""

from __future__ import annotations

import re
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
# Shown instead of a page while another chiso process (an ingest) holds the dataset.
INGEST_RUNNING = ("Đang nhập dữ liệu vào bộ dữ liệu; trang sẽ hiện khi xong · an ingest is running: "
                  "reload the page when it finishes")
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
    """A link that opens one document on the Documents page (its label is document text: escaped)."""
    st.page_link(DOCUMENTS.script, label=md_text(label), icon=":material/article:", query_params={DOC_PARAM: doc_id})


# What makes Markdown of inline text: emphasis, code, links and images (`[`), HTML, formulas, tables;
# an underscore inside a word (`000_bf79.txt`) emphasizes nothing and stays as it is.
_MARKDOWN = re.compile(r"([\\`*\[\]<>$~|])|(?<![^\W_])_|_(?![^\W_])")


def md_text(text: str) -> str:
    """Text from a document or a file name, shown literally where Streamlit reads Markdown: no link,
    image, heading, colour directive or formula can come from a document (issue 22)."""
    return _MARKDOWN.sub(lambda m: "\\" + m.group(0), text)
