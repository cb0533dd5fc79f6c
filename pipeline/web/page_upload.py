"""Upload: drop a document, workbook or scan → its documents, figures and references
at once; optionally add it to the dataset (the app's one write path)."""

from __future__ import annotations

import hashlib

import pandas as pd
import streamlit as st

from extractors.records import FileResult
from pipeline.store.paths import path_key
from pipeline.web import reads
from pipeline.web.markup import document_html
from pipeline.web.page_frame import UPLOAD, link_document, md_text, open_dataset
from pipeline.web.uploads import UPLOAD_TYPES, UploadError, add_upload, extract_upload


def _extract(name: str, data: bytes) -> FileResult:
    """extract_upload, once per file and session (reruns reuse it)."""
    key = (name, hashlib.sha256(data).hexdigest())
    held = st.session_state.get("upload_result")
    if held is None or held[0] != key:
        with st.spinner(f"Đang đọc · reading {name}…"):
            held = (key, extract_upload(name, data))
        st.session_state["upload_result"] = held
    return held[1]


def show_result(result: FileResult) -> None:
    if result.status != "ok":
        st.error(md_text(result.error or f"{result.source}: {result.status}"))
        return
    figures = sum(len(ex.figures) for ex in result.documents)
    st.success(f"{result.source}: {len(result.documents)} văn bản · documents, {figures} số liệu · figures "
               f"({result.format}{f', {result.pages} pages' if result.pages else ''})")
    for warning in result.warnings:
        st.warning(warning)
    for ex in result.documents:
        d = ex.document
        st.subheader(f"#{d.doc_index} {d.title or d.kind} · {d.organization or '—'}")
        st.dataframe(pd.DataFrame([{"text": f.text, "value": f.value, "unit": f.unit, "entity": f.entity,
                                    "indicator": f.indicator, "modality": f.modality,
                                    "comparator": f.comparator, "deadline_year": f.deadline_year}
                                   for f in ex.figures]), hide_index=True)
        with st.expander("Văn bản, số liệu được đánh dấu · text with figures marked"):
            st.html(document_html(ex))


def _add(name: str, data: bytes) -> None:
    db = reads.database()
    try:
        path, summary = add_upload(db, name, data)
    except UploadError as err:
        st.error(md_text(str(err)))
        return
    reads.clear_caches()
    if summary.failed:
        st.error(md_text("; ".join(error for _, error in summary.failures)))
        return
    st.success(f"Đã thêm · added `{path}`: {summary.line()}")
    stamp = reads.version(db)
    found = reads.search_documents(str(db), stamp)
    key = path_key(path, db.parent)
    for row in found[found["path"] == key].itertuples():
        link_document(row.doc_id, f"{row.title or row.kind} · {row.organization or '—'}")
    with reads.DB_GUARD:
        repeats = reads.Dataset(str(db)).duplicates()
    for row in repeats[repeats["path"] == key].itertuples():  # stored, counted once (docs/schema.md)
        st.info(f"Văn bản này đã có trong bộ dữ liệu · this document is already in the dataset: "
                f"`{row.canonical_path}` (giống · similarity {row.similarity:.2f}); nó được tính một lần · "
                "it is counted once")
        link_document(row.duplicate_of, f"{row.canonical_path}#{row.doc_index}")


def render() -> None:
    st.title(UPLOAD.title)
    db, _ = open_dataset()
    upload = st.file_uploader("Thả tệp vào đây · drop a file", type=list(UPLOAD_TYPES), key="upload")
    if upload is None:
        st.caption("PDF, DOCX, DOC, RTF, ODT, HTML, TXT, Markdown, XLSX, XLS, ODS, ảnh (JPG, PNG, TIFF). Tệp chỉ được đọc; bấm nút để thêm vào bộ dữ liệu · "
                   "the file is only read; press the button to add it to the dataset.")
        return
    data = upload.getvalue()
    result = _extract(upload.name, data)
    show_result(result)
    if result.status == "ok" and st.button(f"Thêm vào bộ dữ liệu · add to the dataset ({db.name})",
                                           type="primary", key="add"):
        _add(upload.name, data)


if __name__ == "__main__":
    render()
