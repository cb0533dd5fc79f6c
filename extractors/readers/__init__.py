"""Format readers: `read(path)` → RawDocument. PLACEHOLDER (plain UTF-8 text only) until the readers land."""

from __future__ import annotations

import hashlib
from pathlib import Path

from extractors.records import Block, RawDocument


def read(path: str | Path, data: bytes | None = None, name: str | None = None) -> RawDocument:
    name = name or str(path)
    if data is None:
        data = Path(path).read_bytes()
    text = data.decode("utf-8")
    blocks = tuple(Block(text=p) for p in text.split("\n\n"))
    return RawDocument(path=name, sha256=hashlib.sha256(data).hexdigest(), format="txt",
                       blocks=blocks, size=len(data))
