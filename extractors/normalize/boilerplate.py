"""Web boilerplate: image captions that repeat the title without accents, related-news tails.

Captions (seed 004: `lam the nao de nang cao hieu qua Ký kết …`): a line that starts with an
unaccented, lower-case copy of a heading of the text (or of the metadata title) loses that copy.
Related-news tails: from a line that is exactly a marker of `extractors/lang/vi/boilerplate.yaml`
(`Có thể bạn quan tâm`, `Tin khác` …) to the end, when the marker is in the last part of the
text and is followed by headline-like lines.
"""

from __future__ import annotations

import re
import unicodedata

from extractors.normalize.edits import Edit, MappedText, apply_edits
from extractors.normalize.leftovers import boilerplate_data

_LINE = re.compile(r"[^\n]+")
_ASCII_PREFIX = re.compile(r"[a-z0-9]+(?: [a-z0-9]+)*")
MAX_HEADING_WORDS = 20  # a heading longer than this is a paragraph, not a title
MIN_TITLE_WORDS = 3  # a shorter unaccented run could be ordinary words
HEADLINE_MAX_CHARS = 160  # a related-news headline line is shorter than this


def _deaccent_table() -> dict[int, str]:
    table = {ord("đ"): "d", ord("Đ"): "D"}
    for cp in range(0xC0, 0x1EFA):
        base = unicodedata.normalize("NFD", chr(cp))[0]
        if base.isascii() and base != chr(cp):
            table[cp] = base
    return table


_DEACCENT = _deaccent_table()
_WORD = re.compile(r"[a-z0-9]+")


def deaccent(text: str) -> str:
    """`Làm thế nào để nâng cao hiệu quả?` → `lam the nao de nang cao hieu qua`."""
    return " ".join(_WORD.findall(text.translate(_DEACCENT).lower()))


def _title_keys(text: str, title: str | None) -> set[str]:
    keys = set()
    candidates = [m.group(0) for m in _LINE.finditer(text)]
    if title:
        candidates.append(title)
    for line in candidates:
        words = line.split()
        if not (MIN_TITLE_WORDS <= len(words) <= MAX_HEADING_WORDS):
            continue
        key = deaccent(line)
        if key != line.strip().lower() and len(key.split()) >= MIN_TITLE_WORDS:
            keys.add(key)
    return keys


def remove_unaccented_captions(mt: MappedText, title: str | None = None) -> MappedText:
    """Drop an unaccented copy of the title at the start of a line (seed 004)."""
    keys = _title_keys(mt.text, title)
    if not keys:
        return mt
    by_head: dict[str, list[str]] = {}
    for key in keys:
        by_head.setdefault(" ".join(key.split()[:MIN_TITLE_WORDS]), []).append(key)
    edits = []
    for m in _LINE.finditer(mt.text):
        line = m.group(0)
        lead = len(line) - len(line.lstrip())
        prefix = _ASCII_PREFIX.match(line, lead)
        if not prefix:
            continue
        run = prefix.group(0)
        for key in by_head.get(" ".join(run.split(" ", MIN_TITLE_WORDS)[:MIN_TITLE_WORDS]), ()):
            if run == key or run.startswith(key + " "):
                end = lead + len(key)
                while end < len(line) and line[end] == " ":
                    end += 1
                edits.append(Edit(m.start() + lead, m.start() + end, ""))
                break
    return apply_edits(mt, edits)


def _looks_like_headlines(lines: list[str]) -> bool:
    data = boilerplate_data()
    short = [ln for ln in lines if len(ln) <= HEADLINE_MAX_CHARS and not ln.endswith(".")]
    repeated = len(lines) - len(set(lines))
    return len(short) >= data["min_headlines"] or repeated >= data["min_headlines"]


def remove_related_news(mt: MappedText) -> MappedText:
    """Cut a related-news tail that starts at a marker line in the last part of the text."""
    data = boilerplate_data()
    markers = {m.lower() for m in data["related_news_markers"]}
    lines = list(_LINE.finditer(mt.text))
    limit = (1 - data["tail_share"]) * len(mt.text)
    for k, m in enumerate(lines):
        if m.start() < limit or m.group(0).strip().lower() not in markers:
            continue
        rest = [ln.group(0).strip() for ln in lines[k + 1:]]
        rest = [r for r in rest if r.lower() not in markers]
        if _looks_like_headlines(rest):
            return apply_edits(mt, [Edit(m.start(), len(mt.text), "")])
    return mt
