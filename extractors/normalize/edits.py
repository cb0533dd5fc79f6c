"""Edits that keep the offset map: text plus, for each character, its offset in the raw text.

Every normalization step is written as a function `MappedText -> MappedText` that collects
`Edit(start, end, replacement)` records and applies them in one linear pass with `apply_edits`.
A replacement character takes the origin of the replaced character at the same position (the
last one when the replacement is longer); an insertion takes the origin of the character after it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Edit:
    """Replace text[start:end] by `replacement` (start == end inserts)."""

    start: int
    end: int
    replacement: str = ""


@dataclass(frozen=True)
class MappedText:
    """A string and the raw offset of each of its characters (same length)."""

    text: str
    origins: tuple[int, ...]

    @classmethod
    def identity(cls, text: str, offset: int = 0) -> MappedText:
        return cls(text, tuple(range(offset, offset + len(text))))

    def __len__(self) -> int:
        return len(self.text)


class EditConflict(ValueError):
    """Two edits of one step overlap or are out of order."""


def apply_edits(mt: MappedText, edits: Iterable[Edit]) -> MappedText:
    """Apply sorted, non-overlapping edits in one pass; origins follow the characters."""
    text, origins = mt.text, mt.origins
    parts: list[str] = []
    new_origins: list[int] = []
    pos = 0
    changed = False
    for e in edits:
        if e.start < pos or e.end < e.start or e.end > len(text):
            raise EditConflict(f"edit {e} overlaps a previous one or leaves the text (length {len(text)})")
        changed = True
        parts.append(text[pos:e.start])
        new_origins.extend(origins[pos:e.start])
        parts.append(e.replacement)
        new_origins.extend(_replacement_origins(origins, e))
        pos = e.end
    if not changed:
        return mt
    parts.append(text[pos:])
    new_origins.extend(origins[pos:])
    return MappedText("".join(parts), tuple(new_origins))


def _replacement_origins(origins: tuple[int, ...], e: Edit) -> list[int]:
    n = len(e.replacement)
    if n == 0:
        return []
    width = e.end - e.start
    if width == 0:  # insertion: take the origin of the next char (or the previous at the end)
        if e.start < len(origins):
            anchor = origins[e.start]
        else:
            anchor = origins[-1] if origins else 0
        return [anchor] * n
    return [origins[e.start + min(k, width - 1)] for k in range(n)]


Replacer = Callable[[re.Match[str]], str | None]


def substitute(mt: MappedText, pattern: re.Pattern[str], replace: Replacer | str) -> MappedText:
    """Like `pattern.sub`, keeping origins. `replace` may return None to leave a match as it is."""
    edits = []
    for m in pattern.finditer(mt.text):
        rep = replace if isinstance(replace, str) else replace(m)
        if rep is None or rep == m.group(0):
            continue
        edits.append(Edit(m.start(), m.end(), rep))
    return apply_edits(mt, edits)


def concat(pieces: Iterable[MappedText]) -> MappedText:
    """Join mapped pieces (their origins are kept as they are)."""
    texts: list[str] = []
    origins: list = []
    for p in pieces:
        texts.append(p.text)
        origins.extend(p.origins)
    return MappedText("".join(texts), tuple(origins))


def slice_mapped(mt: MappedText, start: int, end: int) -> MappedText:
    return MappedText(mt.text[start:end], mt.origins[start:end])
