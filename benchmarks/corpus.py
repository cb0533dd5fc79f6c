"""Benchmark corpus: realistic union documents rendered to PDF, DOCX and HTML (deterministic).

    python -m benchmarks.corpus OUT_DIR [--docs 1000] [--small]

Every document is a variation of a seed or a case (`corpus/seeds/*.txt`, `corpus/cases/*.txt`):
its sections shuffled, its numbers changed, its place names swapped, lengthened with sections of
another source to a realistic length; one file in five holds two documents. About 70% of the files
are PDFs (A4, DejaVu Sans, with running header and page numbers: the fixtures' own renderer from
`scripts/make_fixtures.py`), the rest DOCX and news-site HTML. The same arguments give the same
files, byte for byte. The corpus is generated into a temporary folder, never committed.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import logging
import random
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from html import escape
from pathlib import Path
from types import ModuleType

import yaml

logger = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parent.parent
SOURCES = (ROOT / "corpus" / "seeds", ROOT / "corpus" / "cases")
DATA = yaml.safe_load((Path(__file__).parent / "data" / "variations.yaml").read_text(encoding="utf-8"))
SMALL_DOCS = 50  # `--small`: enough for every format and a two-document file, a few seconds to build
SEED = 20241123
# Share of files per format (PDF dominates what federations receive), and of two-document files.
FORMAT_WEIGHTS = (("pdf", 0.70), ("docx", 0.15), ("html", 0.15))
TWO_DOC_SHARE = 0.2
# Words per document, drawn uniformly: 1,800-4,600 words is 3-7 A4 pages with the fixtures'
# style (seed 000: 4,562 words on 7 pages), so ~1,000 documents give ~5,000 PDF pages.
MIN_WORDS, MAX_WORDS = 1800, 4600
MANIFEST = "manifest.json"

# A number a report states: `6.107`, `98,37`, `05` (not `12/6/2021`, `02-NQ/TW`, `Covid-19`, `4.0`)
NUMBER = re.compile(r"(?<![\w/.,\-])(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?(?![\w/\-]|[.,]\d)")


def _load_renderers() -> ModuleType:
    """scripts/make_fixtures.py (not a package): its paragraph re-flow and PDF/DOCX renderers."""
    spec = importlib.util.spec_from_file_location("make_fixtures", ROOT / "scripts" / "make_fixtures.py")
    if spec is None or spec.loader is None:
        raise ImportError(f"{ROOT / 'scripts' / 'make_fixtures.py'}: cannot load the fixture renderers")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("make_fixtures", module)  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


fixtures = _load_renderers()
Para = fixtures.Para


@dataclass(frozen=True)
class CorpusFile:
    path: str
    format: str
    documents: int
    words: int


def source_paragraphs() -> list[tuple[str, list]]:
    """(name, paragraphs) of every seed and case, as a word processor would hold them."""
    out = []
    for folder in SOURCES:
        for path in sorted(folder.glob("*.txt")):
            out.append((path.stem, fixtures.seed_paragraphs(path.read_text(encoding="utf-8"))))
    return out


def _sections(paras: list) -> tuple[list, list[list]]:
    """The head (up to the first long body paragraph) and the body cut at headings."""
    head_len = next((i for i, p in enumerate(paras) if not p.level and len(p.text) > 200), 0)
    head, sections = paras[:head_len], []
    for p in paras[head_len:]:
        if p.level or not sections:
            sections.append([p])
        else:
            sections[-1].append(p)
    return head, sections


def _change_number(m: re.Match, rng: random.Random) -> str:
    whole, decimals = m.group(1), m.group(2)
    value = int(whole.replace(".", ""))
    if not decimals and (1900 <= value <= 2100 or value == 0):  # years stay years
        return m.group(0)
    factor = rng.uniform(0.6, 1.5)
    new = max(1, round(value * factor))
    if whole.startswith("0") and len(whole) > 1:
        text = str(min(new, 10 ** len(whole) - 1)).zfill(len(whole))
    elif "." in whole:
        text = f"{new:,}".replace(",", ".")
    else:
        text = str(new)
    if decimals:
        text += "," + "".join(rng.choice("0123456789") for _ in decimals)
    return text


def vary_text(text: str, rng: random.Random, places: dict[str, str]) -> str:
    """Numbers changed (years, dates and document numbers kept), place names swapped."""
    text = NUMBER.sub(lambda m: _change_number(m, rng), text)
    for old, new in places.items():
        text = re.sub(rf"(?<!\w){re.escape(old)}(?!\w)", new, text)
    return text


def make_document(sources: list[tuple[str, list]], rng: random.Random) -> list:
    """One generated document: a source's head, then shuffled sections of it (and of another
    source when it is short), numbers and places varied, about MIN_WORDS-MAX_WORDS words."""
    name, paras = sources[rng.randrange(len(sources))]
    head, sections = _sections(paras)
    target = rng.randint(MIN_WORDS, MAX_WORDS)
    body: list[list] = []
    words = sum(len(p.text.split()) for p in head)
    pool = sections[:]
    rng.shuffle(pool)
    while words < target:
        if not pool:
            _, extra = sources[rng.randrange(len(sources))]
            pool = _sections(extra)[1]
            rng.shuffle(pool)
        section = pool.pop()
        body.append(section)
        words += sum(len(p.text.split()) for p in section)
    places = {old: rng.choice(DATA["places"]) for old in DATA["seed_places"]}
    return [Para(vary_text(p.text, rng, places), p.level, p.bookmark) for p in head + sum(body, [])]


def render_html(paras: list) -> str:
    """A news-site page: menu, the article (first paragraph as title), a related-news list, footer."""
    title, body = paras[0].text, paras[1:]
    parts = [f"<h2>{escape(p.text)}</h2>" if p.level else f"<p>{escape(p.text)}</p>" for p in body]
    related = "".join(f'<li><a href="#">{escape(t)}</a></li>' for t in DATA["related_titles"])
    return (f'<!DOCTYPE html>\n<html lang="vi"><head><meta charset="utf-8"><title>{escape(title)}</title>'
            f'</head><body><nav><a href="/">Trang chủ</a> <a href="/cong-doan">Công đoàn</a></nav>\n'
            f'<main><article><h1>{escape(title)}</h1>\n' + "\n".join(parts) +
            f'</article>\n<section><h2>{escape(DATA["related_heading"])}</h2><ul>{related}</ul></section>'
            f'</main><footer>Cơ quan của Liên đoàn Lao động</footer></body></html>\n')


def _format_of(rng: random.Random) -> str:
    x, acc = rng.random(), 0.0
    for fmt, weight in FORMAT_WEIGHTS:
        acc += weight
        if x < acc:
            return fmt
    return FORMAT_WEIGHTS[-1][0]


def plan(docs: int) -> Iterator[tuple[int, str, int]]:
    """(file number, format, documents in it) until `docs` documents are planned."""
    rng = random.Random(SEED)
    planned, k = 0, 0
    while planned < docs:
        n = 2 if rng.random() < TWO_DOC_SHARE and docs - planned >= 2 else 1
        yield k, _format_of(rng), n
        planned, k = planned + n, k + 1


def render_file(k: int, fmt: str, n_docs: int, sources: list[tuple[str, list]]) -> tuple[bytes, int]:
    """The bytes of file k and its word count (deterministic in k)."""
    rng = random.Random(SEED * 1000 + k)
    paras = sum((make_document(sources, rng) for _ in range(n_docs)), [])
    words = sum(len(p.text.split()) for p in paras)
    if fmt == "pdf":
        return fixtures.render_pdf(paras, f"Chỉ Số · bộ đo hiệu năng · tệp {k:05d}"), words
    if fmt == "docx":
        return fixtures.render_docx(paras), words
    return render_html(paras).encode("utf-8"), words


def build_corpus(out: str | Path, docs: int = 1000) -> list[CorpusFile]:
    """Write the corpus into `out` (reused when its manifest says it holds the same corpus)."""
    out = Path(out)
    manifest = out / MANIFEST
    if manifest.exists():
        saved = json.loads(manifest.read_text(encoding="utf-8"))
        if saved.get("docs") == docs:
            return [CorpusFile(**f) for f in saved["files"]]
    out.mkdir(parents=True, exist_ok=True)
    sources = source_paragraphs()
    files = []
    for k, fmt, n_docs in plan(docs):
        data, words = render_file(k, fmt, n_docs, sources)
        path = out / fmt / f"bao_cao_{k:05d}.{fmt}"
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(data)
        files.append(CorpusFile(str(path), fmt, n_docs, words))
        if (k + 1) % 100 == 0:
            logger.info("corpus: %d files rendered", k + 1)
    manifest.write_text(json.dumps({"docs": docs, "files": [f.__dict__ for f in files]}, ensure_ascii=False),
                        encoding="utf-8")
    return files


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("out", help="folder to write the corpus into")
    p.add_argument("--docs", type=int, default=1000, help="number of documents (default 1000)")
    p.add_argument("--small", action="store_true", help=f"{SMALL_DOCS} documents")
    args = p.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    files = build_corpus(args.out, SMALL_DOCS if args.small else args.docs)
    by_format = {fmt: sum(1 for f in files if f.format == fmt) for fmt, _ in FORMAT_WEIGHTS}
    print(f"{args.out}: {len(files)} files {by_format}, {sum(f.documents for f in files)} documents, "
          f"{sum(f.words for f in files):,} words")
    return 0


if __name__ == "__main__":
    sys.exit(main())
