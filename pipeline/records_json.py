"""The extract contract (EXTRACT-FORMAT.md): FileResult → JSON-ready dicts."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from extractors import EXTRACTOR_VERSION
from extractors.records import Document, Figure, FileResult, Reference


def document_record(doc: Document) -> dict[str, Any]:
    return {"type": "document", "source": doc.source, "doc_index": doc.doc_index, "kind": doc.kind,
            "title": doc.title, "organization": doc.organization, "date": doc.date, "year": doc.year,
            "number": doc.number, "issuer": doc.issuer, "superior": doc.superior, "place": doc.place,
            "text": doc.text}


def _number(v: float | None) -> float | int | None:
    if v is None:
        return None
    return int(v) if float(v).is_integer() else v


def figure_record(doc: Document, f: Figure, page: int | None = None) -> dict[str, Any]:
    return {"type": "figure", "source": doc.source, "doc_index": doc.doc_index,
            "char_start": f.char_start, "char_end": f.char_end, "text": f.text,
            "value": _number(f.value), "value_max": _number(f.value_max), "unit": f.unit,
            "entity": f.entity, "indicator": f.indicator, "modality": f.modality,
            "comparator": f.comparator, "aggregation": f.aggregation,
            "period_years": _number(f.period_years), "deadline_year": f.deadline_year,
            "recurrence": f.recurrence, "relation": f.relation, "denominator": _number(f.denominator),
            "ambiguous": f.ambiguous, "organization": f.organization, "organization_from": f.organization_from,
            "year": f.year, "year_from": f.year_from, "page": page, "cell": f.extras.get("cell"),
            "ocr": bool(f.extras.get("ocr")), "ocr_confidence": f.extras.get("ocr_confidence"),
            "sentence": f.sentence,
            "extractor_version": EXTRACTOR_VERSION}


def reference_record(doc: Document, r: Reference) -> dict[str, Any]:
    return {"type": "reference", "source": doc.source, "doc_index": doc.doc_index,
            "char_start": r.char_start, "char_end": r.char_end, "text": r.text,
            "number": r.number, "kind": r.kind, "date": r.date, "formal": r.formal}


def file_records(result: FileResult) -> Iterator[dict[str, Any]]:
    """Records of one file in contract order: each document, then its figures and references."""
    for ex in result.documents:
        yield document_record(ex.document)
        pages = ex.figure_pages or (None,) * len(ex.figures)
        for f, page in zip(ex.figures, pages, strict=False):
            yield figure_record(ex.document, f, page)
        for r in ex.references:
            yield reference_record(ex.document, r)
