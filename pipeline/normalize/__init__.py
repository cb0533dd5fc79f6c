"""Normalization. PLACEHOLDER (identity) until the normalizer lands."""

from __future__ import annotations

from extractors.records import RawDocument
from pipeline.model import NormalizedText


def normalize_document(raw: RawDocument) -> NormalizedText:
    starts, pages, parts, pos = [], [], [], 0
    for b in raw.blocks:
        starts.append(pos)
        pages.append(b.page)
        parts.append(b.text)
        pos += len(b.text) + 2
    text = "\n\n".join(parts)
    return NormalizedText(text=text, origins=tuple(range(len(text))), raw=text,
                          block_starts=tuple(starts), block_pages=tuple(pages))
