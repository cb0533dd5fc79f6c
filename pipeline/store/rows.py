"""A FileResult as table rows (dicts keyed by column name) for `files`, `documents`,
`figures` and `references`. Pure functions: no database here."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import logging
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from extractors.orgnames import organization_id, organization_info, province_of
from extractors.records import Document, DocumentExtract, Figure, FileResult, Reference

logger = logging.getLogger(__name__)

Row = dict[str, Any]

# One document in several files (TXT, DOCX, PDF, HTML of one speech; re-sends) is recognized from its
# normalized text (docs/schema.md, "Duplicate documents"): the same words (NFC, lowercase, punctuation
# and white space collapsed) → the same `text_hash`; else 5-word shingles with a Jaccard similarity of at
# least NEAR_DUPLICATE. Measured on corpus/ (seeds, fixtures, keys and keys_renderings: 68 documents,
# 21 distinct): renderings of one document score 0.834 to 1.0, different documents at most 0.068; 0.6
# keeps a margin of 0.23 below the first and 0.53 above the second.
# Shingles alone are not enough: next year's report written on the same template, every number
# changed, scored up to 0.637 (corpus/keys/tham_luan_yen_the_2023.txt with each number + 1), so a near
# duplicate must also write the same numbers: a Jaccard of its number words ≥ SAME_NUMBERS
# (renderings: 1.0 on corpus/ and on 12 unseen documents in 37 files; half the numbers changed ≤ 0.71).
SHINGLE_WORDS = 5
NEAR_DUPLICATE = 0.6
SAME_NUMBERS = 0.9
# Smallest shingle hashes kept per document (a bottom-k sketch): stored documents sharing at least
# SKETCH_SHARED of them with a new one are the candidates whose Jaccard is computed on the full text
# (a Jaccard of 0.6 shares about 0.6 × 64 ≈ 38 of them).
SKETCH_SIZE = 64
SKETCH_SHARED = 4
_NOT_WORD = re.compile(r"[\W_]+")


def normalized_words(text: str | None) -> list[str]:
    """The words of `text` as duplicates are judged: NFC, lowercase, no punctuation."""
    return _NOT_WORD.sub(" ", unicodedata.normalize("NFC", text or "").lower()).split()


def text_hash(text: str | None) -> str | None:
    """sha256 of the normalized words (None: no word at all, never a duplicate)."""
    words = normalized_words(text)
    return hashlib.sha256(" ".join(words).encode("utf-8")).hexdigest() if words else None


def shingles(text: str | None) -> set[int]:
    """63-bit hashes of the `SHINGLE_WORDS`-word shingles (a shorter text is one shingle)."""
    words = normalized_words(text)
    grams = {" ".join(words[i:i + SHINGLE_WORDS]) for i in range(max(1, len(words) - SHINGLE_WORDS + 1))}
    return {int.from_bytes(hashlib.blake2b(g.encode("utf-8"), digest_size=8).digest(), "big") >> 1
            for g in grams if g}


def sketch(hashes: set[int]) -> list[int]:
    return sorted(hashes)[:SKETCH_SIZE]


def jaccard(a: set[int], b: set[int]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def numbers(text: str | None) -> set[str]:
    """The words of `text` that hold a digit (6.107 gives 6 and 107)."""
    return {w for w in normalized_words(text) if any(c.isdigit() for c in w)}


def same_numbers(a: set[str], b: set[str]) -> bool:
    return not (a or b) or len(a & b) / len(a | b) >= SAME_NUMBERS


def best_match(text: str | None, candidates: Sequence[tuple[str, str | None]]) -> tuple[str, float] | None:
    """(doc_id, Jaccard) of the (doc_id, text) candidate whose shingles are most like those of `text`,
    when at least NEAR_DUPLICATE and writing the same numbers (ties: the smallest doc_id)."""
    mine, digits = shingles(text), numbers(text)
    scored = sorted(((jaccard(mine, shingles(t)), d) for d, t in candidates if same_numbers(digits, numbers(t))),
                    key=lambda s: (-s[0], s[1]))
    return (scored[0][1], round(scored[0][0], 4)) if scored and scored[0][0] >= NEAR_DUPLICATE else None


@dataclass(frozen=True)
class FileRows:
    """The rows one file contributes, ready to insert."""

    file: Row
    documents: tuple[Row, ...]
    figures: tuple[Row, ...]
    references: tuple[Row, ...]


def parse_date(value: str | None, where: str) -> dt.date | None:
    """"YYYY-MM-DD" → date; an impossible date is logged and stored as NULL, not guessed."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        logger.warning("%s: date %r is not a valid YYYY-MM-DD date; stored as NULL", where, value)
        return None


def doc_id_of(sha256: str, doc_index: int) -> str:
    return f"{sha256[:16]}:{doc_index}"


def unique_id(base: str, taken: set[str]) -> str:
    """`base`, or `base:1`, `base:2`… when two spans start at the same offset."""
    candidate, n = base, 0
    while candidate in taken:
        n += 1
        candidate = f"{base}:{n}"
    taken.add(candidate)
    return candidate


def document_row(doc: Document, sha256: str, path: str) -> Row:
    date = parse_date(doc.date, f"{path}#{doc.doc_index}")
    return {"doc_id": doc_id_of(sha256, doc.doc_index), "sha256": sha256, "path": path,
            "doc_index": doc.doc_index, "kind": doc.kind, "title": doc.title,
            "organization": doc.organization, "organization_id": _org_id(doc.organization), "date": date,
            "year": doc.year if doc.year is not None else (date.year if date else None),
            "number": doc.number, "issuer": doc.issuer, "superior": doc.superior, "place": doc.place,
            "text": doc.text, "char_start": doc.start, "char_end": doc.end,
            "text_hash": text_hash(doc.text), "sketch": sketch(shingles(doc.text))}


def _org_id(name: str | None) -> str | None:
    return organization_id(name) if name else None


def organization_rows(documents: Sequence[DocumentExtract]) -> list[Row]:
    """One row per organization the documents and their figures name, with the spellings seen."""
    rows: dict[str, Row] = {}
    for ex in documents:
        doc = ex.document
        named = [(doc.organization, doc.organization_as_written), (doc.issuer, None), (doc.superior, None)]
        named += [(f.organization, None) for f in ex.figures]
        # a grassroots union a document of one province names is of that province (its name says none)
        home = next((p for q in (doc.organization, doc.superior) if q and (p := province_of(q))), None)
        for name, written in named:
            if not name:
                continue
            row = rows.get(oid := organization_id(name))
            if row is None:
                info = organization_info(name)
                province = info.province if info else None
                if province is None and info is not None and info.level == "grassroots":
                    province = home
                row = rows[oid] = {"organization_id": oid, "name": name, "level": info.level if info else None,
                                   "province": province, "aliases": []}
            if row["province"] is None and row["level"] == "grassroots" and home is not None:
                row["province"] = home  # a later document of the batch tells it
            for alias in (name, written):
                if alias and alias not in row["aliases"]:
                    row["aliases"].append(alias)
    return list(rows.values())


def figure_row(f: Figure, page: int | None, doc: Row, figure_id: str, version: str) -> Row:
    if f.organization_from is None and f.year_from is None:
        # keys never read (a figure made by hand or by a stand-in extractor): the document's
        f = dataclasses.replace(f, organization=doc["organization"], year=f.deadline_year if (
            f.modality == "target" and f.deadline_year) else doc["year"])
    return {"figure_id": figure_id, "doc_id": doc["doc_id"], "sha256": doc["sha256"], "path": doc["path"],
            "doc_index": doc["doc_index"], "organization": f.organization,
            "organization_id": _org_id(f.organization), "organization_from": f.organization_from,
            "year_from": f.year_from, "doc_kind": doc["kind"],
            "doc_date": doc["date"], "year": f.year, "page": page, "char_start": f.char_start,
            "char_end": f.char_end, "text": f.text, "value": f.value, "value_max": f.value_max,
            "unit": f.unit, "entity": f.entity, "indicator": f.indicator, "modality": f.modality,
            "comparator": f.comparator, "aggregation": f.aggregation, "period_years": f.period_years,
            "deadline_year": f.deadline_year, "recurrence": f.recurrence, "relation": f.relation,
            "denominator": f.denominator, "ambiguous": f.ambiguous, "sentence": f.sentence,
            "sentence_start": f.sentence_start, "extractor_version": version,
            "ocr": bool(f.extras.get("ocr")), "ocr_confidence": f.extras.get("ocr_confidence"),
            "cell": f.extras.get("cell")}


def reference_row(r: Reference, doc: Row, ref_id: str) -> Row:
    return {"ref_id": ref_id, "doc_id": doc["doc_id"], "sha256": doc["sha256"], "path": doc["path"],
            "doc_index": doc["doc_index"], "char_start": r.char_start, "char_end": r.char_end,
            "text": r.text, "number": r.number, "kind": r.kind,
            "date": parse_date(r.date, f"{doc['path']}#{doc['doc_index']} reference {r.number}"),
            "formal": r.formal}


def _extract_rows(ex: DocumentExtract, sha256: str, path: str, version: str,
                  fig_ids: set[str], ref_ids: set[str]) -> tuple[Row, list[Row], list[Row]]:
    doc = document_row(ex.document, sha256, path)
    pages = ex.figure_pages or (None,) * len(ex.figures)
    figures = [figure_row(f, page, doc, unique_id(f"{doc['doc_id']}:{f.char_start}", fig_ids), version)
               for f, page in zip(ex.figures, pages, strict=False)]
    refs = [reference_row(r, doc, unique_id(f"{doc['doc_id']}:r{r.char_start}", ref_ids))
            for r in ex.references]
    return doc, figures, refs


def file_rows(result: FileResult, path: str, sha256: str | None, version: str,
              run_id: str, ingested_at: dt.datetime, duplicate_of: str | None = None) -> FileRows:
    """Rows for one file. A duplicate (same bytes already stored under `duplicate_of`)
    contributes its `files` row only, so each document is held once."""
    docs: list[Row] = []
    figures: list[Row] = []
    refs: list[Row] = []
    if sha256 and duplicate_of is None:
        fig_ids: set[str] = set()
        ref_ids: set[str] = set()
        for ex in result.documents:
            d, f, r = _extract_rows(ex, sha256, path, version, fig_ids, ref_ids)
            docs.append(d)
            figures.extend(f)
            refs.extend(r)
    file = {"path": path, "sha256": sha256, "size": result.size, "format": result.format,
            "status": result.status, "error": result.error, "pages": result.pages,
            "documents": len(docs), "figures": len(figures), "extractor_version": version,
            "ingested_at": ingested_at, "run_id": run_id, "references": len(refs),
            "duplicate_of": duplicate_of, "warnings": "\n".join(result.warnings) or None,
            "mtime_ns": result.stat.mtime_ns if result.stat else None,
            "inode": result.stat.inode if result.stat else None}
    return FileRows(file=file, documents=tuple(docs), figures=tuple(figures), references=tuple(refs))
