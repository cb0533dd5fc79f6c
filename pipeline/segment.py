"""Segmentation. PLACEHOLDER: one document per file."""

from __future__ import annotations

from pipeline.model import Document, NormalizedText


def segment_documents(norm: NormalizedText, source: str, meta_title: str | None = None,
                      meta_date: str | None = None) -> list[Document]:
    return [Document(source=source, doc_index=0, kind="báo cáo", title=meta_title, organization=None,
                     date=meta_date, text=norm.text, start=0, end=len(norm.text))]
