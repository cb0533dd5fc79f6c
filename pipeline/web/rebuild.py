"""Stored rows (dicts from the `documents`, `figures`, `references` tables) back to the
pipeline's records, so the app can reuse `pipeline.show_html.render_document`."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import Any

from extractors.records import Document, DocumentExtract, Figure, Reference

Row = Mapping[str, Any]


def plain(value: Any) -> Any:
    """A cell as a Python value: NaN / NA / NaT → None, numpy scalars → Python."""
    if value is None:
        return None
    try:
        if value != value:  # NaN, NaT
            return None
    except (TypeError, ValueError):  # pd.NA, arrays
        return None
    if isinstance(value, float) and math.isinf(value):
        return value
    return value.item() if hasattr(value, "item") else value


def _iso(value: Any) -> str | None:
    value = plain(value)
    if value is None:
        return None
    return value.isoformat()[:10] if hasattr(value, "isoformat") else str(value)[:10]


def _int(value: Any) -> int | None:
    value = plain(value)
    return None if value is None else int(value)


def _float(value: Any) -> float | None:
    value = plain(value)
    return None if value is None else float(value)


def document_from_row(row: Row) -> Document:
    text = plain(row.get("text")) or ""
    return Document(source=row["path"], doc_index=int(row["doc_index"]), kind=plain(row.get("kind")) or "",
                    title=plain(row.get("title")), organization=plain(row.get("organization")),
                    date=_iso(row.get("date")), text=text, start=_int(row.get("char_start")) or 0,
                    end=_int(row.get("char_end")) or len(text))


def figure_from_row(row: Row) -> Figure:
    return Figure(
        char_start=int(row["char_start"]), char_end=int(row["char_end"]), text=row["text"],
        value=float(row["value"]), unit=row["unit"], entity=plain(row.get("entity")),
        indicator=plain(row.get("indicator")), modality=plain(row.get("modality")) or "actual",
        comparator=plain(row.get("comparator")) or "=", aggregation=plain(row.get("aggregation")) or "total",
        period_years=_float(row.get("period_years")), deadline_year=_int(row.get("deadline_year")),
        recurrence=plain(row.get("recurrence")), sentence=plain(row.get("sentence")) or "",
        sentence_start=_int(row.get("sentence_start")) or 0, value_max=_float(row.get("value_max")),
        relation=plain(row.get("relation")) or "level", denominator=_float(row.get("denominator")),
        ambiguous=bool(plain(row.get("ambiguous")) or False))


def reference_from_row(row: Row) -> Reference:
    formal = plain(row.get("formal"))
    return Reference(char_start=int(row["char_start"]), char_end=int(row["char_end"]), text=row["text"],
                     number=row["number"], kind=plain(row.get("kind")), date=_iso(row.get("date")),
                     formal=True if formal is None else bool(formal))


def extract_from_rows(document: Row, figures: Iterable[Row], references: Iterable[Row]) -> DocumentExtract:
    """A DocumentExtract as `extract_file` made it, from its stored rows."""
    figs = sorted(figures, key=lambda r: (int(r["char_start"]), int(r["char_end"])))
    return DocumentExtract(document=document_from_row(document),
                           figures=tuple(figure_from_row(r) for r in figs),
                           references=tuple(reference_from_row(r) for r in references),
                           figure_pages=tuple(_int(r.get("page")) for r in figs))
