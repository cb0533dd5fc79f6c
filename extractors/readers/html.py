"""HTML → the article's blocks only, with trafilatura (offline); title and date from the page.

Before trafilatura sees the page, scripts, styles and `<noscript>` are removed and each
`<figcaption>` is marked so it comes back as a `caption` block. After, a block that is
exactly a related-news heading (`Có thể bạn quan tâm`, `Tin khác`, … in
extractors/lang/vi/html_boilerplate.yaml) ends the article.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from extractors.lang import load
from extractors.readers.encoding import decode_text
from extractors.records import CAPTION, HEADING, PARAGRAPH, TABLE_CELL, Block, CorruptFile

logger = logging.getLogger(__name__)

CAPTION_MARK = "\u2e3bCAPTION\u2e3b "  # survives trafilatura; never in real text
XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
BLOCK_TAGS = {"p": PARAGRAPH, "head": HEADING, "quote": PARAGRAPH, "item": PARAGRAPH, "cell": TABLE_CELL}


@dataclass(frozen=True)
class HtmlText:
    blocks: tuple[Block, ...]
    title: str | None
    date: str | None
    warnings: tuple[str, ...] = ()


@lru_cache(maxsize=1)
def _config() -> tuple[frozenset[str], tuple[str, ...]]:
    cfg = load("html_boilerplate.yaml")
    markers = frozenset(_marker_key(m) for m in cfg["related_news_markers"])
    return markers, tuple(cfg["drop_tags"])


def _marker_key(text: str) -> str:
    return " ".join(text.casefold().rstrip(" :").split())


def _clean_tree(data: bytes, name: str) -> Any:
    import lxml.html

    text = decode_text(data).text  # lxml guesses latin-1 for pages without <meta charset>
    text = XML_DECLARATION.sub("", text, count=1)
    try:
        tree = lxml.html.fromstring(text)
    except Exception as err:  # lxml: empty or unparsable document
        raise CorruptFile(name, f"unreadable HTML ({err})") from err
    _, drop = _config()
    for el in list(tree.iter(*drop)):
        if el.getparent() is not None:
            el.drop_tree()
    for cap in tree.iter("figcaption"):
        cap.tag = "p"
        cap.text = CAPTION_MARK + (cap.text or "")
        fig = cap.getparent()
        if fig is not None and fig.tag == "figure":
            fig.tag = "div"  # trafilatura drops <figure> with its caption when images are off
    return tree


def _text(el: Any) -> str:
    return " ".join("".join(el.itertext()).split())


def _blocks_from_xml(xml: str) -> list[Block]:
    from lxml import etree

    root = etree.fromstring(xml.encode("utf-8"))
    main = root.find("main")
    blocks: list[Block] = []
    for el in (main if main is not None else root).iter(*BLOCK_TAGS):
        if el.tag in ("p", "head") and el.getparent() is not None and el.getparent().tag in ("item", "cell"):
            continue  # the item/cell gives the text
        text = _text(el)
        if not text:
            continue
        kind = BLOCK_TAGS[el.tag]
        if text.startswith(CAPTION_MARK.strip()):
            text, kind = text[len(CAPTION_MARK.strip()):].strip(), CAPTION
        if el.tag == "item":
            text = "- " + text
        if text:
            blocks.append(Block(text=text, kind=kind))
    return blocks


def _cut_related(blocks: list[Block]) -> tuple[list[Block], str | None]:
    markers, _ = _config()
    for i, b in enumerate(blocks):
        if i and _marker_key(b.text) in markers:
            return blocks[:i], b.text
    return blocks, None


def _with_title(blocks: list[Block], title: str | None) -> list[Block]:
    """Put the title first when the extracted body does not start with it."""
    if not title:
        return blocks
    want = " ".join(title.casefold().split())
    have = " ".join(" ".join(b.text for b in blocks[:3]).casefold().split())
    return blocks if want in have else [Block(text=title, kind=HEADING)] + blocks


def read_html(data: bytes, name: str) -> HtmlText:
    import trafilatura

    tree = _clean_tree(data, name)
    xml = trafilatura.extract(tree, output_format="xml", with_metadata=True, include_tables=True,
                              include_comments=False, include_images=False, include_formatting=False,
                              include_links=False, deduplicate=False,
                              date_extraction_params={"extensive_search": False, "original_date": True})
    warnings: list[str] = []
    if not xml:
        return HtmlText((), None, None, ("no article text found in the page",))
    from lxml import etree

    meta = etree.fromstring(xml.encode("utf-8"))
    title = " ".join((meta.get("title") or "").split()) or None
    date = meta.get("date") if DATE.match(meta.get("date") or "") else None
    blocks, cut = _cut_related(_blocks_from_xml(xml))
    if cut:
        warnings.append(f"related-news list dropped from “{cut}” on")
    return HtmlText(tuple(_with_title(blocks, title)), title, date, tuple(warnings))
