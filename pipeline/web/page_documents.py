"""Documents: search by organization, kind, title or a word; open one → its text with every
figure highlighted (hover for value, unit, modality, comparator, deadline), its references, and
the source file."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import streamlit as st

from extractors.records import DocumentExtract
from pipeline.names import escaped
from pipeline.web import reads
from pipeline.web.markup import document_html
from pipeline.web.page_frame import DOC_PARAM, DOCUMENTS, link_document, md_text, open_dataset
from pipeline.web.rebuild import plain

# Results listed as links (the table above them holds all).
MAX_LINKS = 50
# Characters of context shown either side of a searched word.
SNIPPET = 80


def snippet(text: str, word: str) -> str | None:
    """The text around the first place `word` occurs (ignoring case and tone marks).

    Folding keeps one character per character for Vietnamese NFC text, so offsets carry over."""
    folded, needle = reads.fold(text), reads.fold(word.strip())
    i = folded.find(needle) if needle else -1
    if i < 0 or len(folded) != len(text):
        return None
    start, end = max(0, i - SNIPPET), min(len(text), i + len(needle) + SNIPPET)
    return (("…" if start else "") + md_text(text[start:i]) + "**" + md_text(text[i:i + len(needle)]) + "**"
            + md_text(text[i + len(needle):end]) + ("…" if end < len(text) else "")).replace("\n", " ")


def _label(row) -> str:  # noqa: ANN001 - a DataFrame row tuple
    date = plain(row.date)
    parts = [plain(row.title) or "(không tiêu đề)", plain(row.organization) or "—", plain(row.kind),
             date.isoformat()[:10] if date else "", f"{row.figures} số liệu · figures"]
    return " · ".join(p for p in parts if p)


def _search(db: Path, stamp: float) -> None:
    options = reads.facets(str(db), stamp)
    c1, c2 = st.columns(2)
    orgs = c1.multiselect("Tổ chức · organization", options["organization"], key="org")
    kinds = c2.multiselect("Loại · kind", options["kind"], key="kind")
    c3, c4 = st.columns(2)
    title = c3.text_input("Tiêu đề có · title contains", key="title")
    word = c4.text_input("Nội dung có từ · text contains", key="word",
                         help="không phân biệt hoa thường, dấu · ignores case and tone marks")
    found = reads.search_documents(str(db), stamp, tuple(orgs), tuple(kinds), title, word)
    st.caption(f"{len(found)} văn bản · documents")
    for row in found.head(MAX_LINKS).itertuples():
        link_document(row.doc_id, _label(row))
        hit = snippet(row.text, word) if word.strip() else None
        if hit:
            st.caption(hit)
    if len(found) > MAX_LINKS:
        st.caption(f"… {len(found) - MAX_LINKS} more: narrow the search")


def _source(db: Path, ex: DocumentExtract) -> None:
    key = ex.document.source
    shown_key = escaped(key).replace("`", "\\x60")  # a code span: nothing in it is Markdown
    st.markdown(f"**Tệp nguồn · source file:** `{shown_key}` #{ex.document.doc_index}")
    path = reads.source_file(db, key)
    if path is None:
        st.caption("Tệp nguồn không có trên máy này · the source file is not on this machine")
    else:
        st.download_button("Mở tệp nguồn · download the source file", path.read_bytes(), file_name=path.name,
                           icon=":material/download:", key="source")


def _references(ex: DocumentExtract) -> None:
    st.subheader(f"Văn bản viện dẫn · references ({len(ex.references)})")
    if not ex.references:
        st.caption("Không có · none")
        return
    st.dataframe(pd.DataFrame([{"number": r.number, "kind": r.kind, "date": r.date, "text": r.text,
                                "formal": r.formal} for r in ex.references]), hide_index=True)


def _figures(ex: DocumentExtract) -> None:
    with st.expander(f"Bảng số liệu · figures table ({len(ex.figures)})"):
        st.dataframe(pd.DataFrame([{"text": f.text, "value": f.value, "unit": f.unit, "entity": f.entity,
                                    "indicator": f.indicator, "modality": f.modality, "comparator": f.comparator,
                                    "deadline_year": f.deadline_year, "sentence": f.sentence}
                                   for f in ex.figures]), hide_index=True)


def show_document(db: Path, stamp: float, doc_id: str) -> None:
    st.page_link(DOCUMENTS.script, label="← Tìm văn bản · back to search", icon=":material/search:")
    ex = reads.document(str(db), stamp, doc_id)
    if ex is None:
        st.error(md_text(f"Không có văn bản {doc_id} · no document {doc_id!r} in this dataset"))
        return
    _source(db, ex)
    with st.spinner("Đang đánh dấu số liệu · marking the figures…"):
        st.html(document_html(ex))
    _references(ex)
    _figures(ex)


def render() -> None:
    st.title(DOCUMENTS.title)
    db, stamp = open_dataset()
    doc_id = st.query_params.get(DOC_PARAM)
    if doc_id:
        st.query_params[DOC_PARAM] = doc_id  # keep it in the address bar: the view can be shared
        show_document(db, stamp, doc_id)
    else:
        _search(db, stamp)


if __name__ == "__main__":
    render()
