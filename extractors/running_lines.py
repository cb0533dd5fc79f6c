"""Running headers and footers left in text copied from a printed booklet or a PDF (`Kỷ yếu Đại hội Công đoàn
tỉnh Sóc Trăng lần thứ XI   46`): a label repeated with the page's number, often inside a sentence the page broke.
The text keeps them (a booklet's footer may name a speech's speaker); figures are not read from them and the
bodies they name govern no figure. Language data: `extractors/lang/vi/page_furniture.yaml`.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

from extractors.lang import compile_pattern, entry

_FILE = "page_furniture.yaml"


@lru_cache(maxsize=1)
def _label_re() -> re.Pattern[str]:
    return compile_pattern(_FILE, "running_label", entry(_FILE, "running_label"))


@lru_cache(maxsize=8)
def running_spans(text: str) -> tuple[tuple[int, int], ...]:
    """The (start, end) of each running label with its page number: a line opening with the same label
    (`running_label`) followed by different page numbers at least twice."""
    found: dict[str, list[tuple[int, int, int]]] = defaultdict(list)
    for m in _label_re().finditer(text):
        found[" ".join(m.group("label").split())].append((m.start(), m.end(), int(m.group("page"))))
    spans: list[tuple[int, int]] = []
    gap = int(entry(_FILE, "running_max_page_gap"))
    for hits in found.values():
        pages = [p for _, _, p in hits]
        if len(hits) >= 2 and len(set(pages)) == len(pages) and max(pages) - min(pages) <= gap * (len(pages) - 1):
            spans.extend((a, b) for a, b, _ in hits)
    return tuple(sorted(spans))


def in_running_line(text: str, at: int) -> bool:
    return any(a <= at < b for a, b in running_spans(text))
