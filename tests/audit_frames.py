"""Figure frames for the audit tests, built from the gold annotations and our own documents.

The extractor is finished in parallel, so the audit is tested on what it will read: rows
with the `figures` columns of schema.md. Gold figures carry a quote; its place in the
document's normalized text gives the offsets, and a simple sentence split gives `sentence`
and `sentence_start`. Documents of our own (tests/fixtures/audit/documents.yaml) are written
the same way, in the words of real union reports.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path

import pandas as pd
import yaml

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "corpus" / "seeds"
GOLD = ROOT / "corpus" / "gold"
OWN_DOCS = Path(__file__).resolve().parent / "fixtures" / "audit" / "documents.yaml"

FIGURE_DEFAULTS = {"entity": None, "indicator": None, "modality": "actual", "comparator": "=",
                   "aggregation": "total", "period_years": None, "deadline_year": None, "recurrence": None,
                   "relation": "level", "denominator": None, "value_max": None, "ambiguous": False}
# A sentence ends at . ! ? or : followed by space and a capital, a digit, a dash or a bullet.
SENTENCE_END = re.compile(r"(?<=[.!?:])\s+(?=[-–•*“\"(]?\s*[A-ZĐÀ-ỸÂÊÔƠƯĂ0-9])")


def normalize(text: str) -> str:
    """What the normalizer gives for these seeds: NFC, ƣ → ư, white space collapsed."""
    text = unicodedata.normalize("NFC", text).replace("\u01a3", "ư").replace("\u01a2", "Ư")
    text = text.replace("[bookmark: _GoBack]", "")
    return re.sub(r"\s+", " ", text).strip()


@dataclass(frozen=True)
class DocSpec:
    """A document and the figures annotated in it (quote + surface text + attributes)."""

    key: str  # seed file name or own document id
    doc_index: int
    organization: str | None
    kind: str
    date: str | None
    text: str
    figures: tuple[dict, ...] = field(default=())

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.key.encode("utf-8")).hexdigest()

    @property
    def doc_id(self) -> str:
        return f"{self.sha256[:16]}:{self.doc_index}"


def _split_seed(name: str, text: str) -> list[str]:
    """Seed 000 holds two speeches, each starting with THAM LUẬN."""
    if name.startswith("000_"):
        i = text.index("THAM LUẬN", 10)
        return [text[:i].strip(), text[i:].strip()]
    return [text]


@cache
def seed_documents() -> tuple[DocSpec, ...]:
    docs_gold = [json.loads(x) for x in (GOLD / "seeds.documents.jsonl").read_text("utf-8").splitlines() if x]
    figs_gold = [json.loads(x) for x in (GOLD / "seeds.figures.jsonl").read_text("utf-8").splitlines() if x]
    out = []
    for path in sorted(SEEDS.glob("*.txt")):
        texts = _split_seed(path.name, normalize(path.read_text("utf-8")))
        for i, text in enumerate(texts):
            meta = next((d for d in docs_gold if d["source"] == path.name and d["doc_index"] == i), {})
            figs = tuple(g for g in figs_gold if g["source"] == path.name and normalize(g["quote"]) in text)
            out.append(DocSpec(path.name, i, meta.get("organization"), meta.get("kind", "báo cáo"),
                               meta.get("date"), text, figs))
    return tuple(out)


@cache
def own_documents() -> tuple[DocSpec, ...]:
    data = yaml.safe_load(OWN_DOCS.read_text("utf-8"))
    return tuple(DocSpec(d["id"], 0, d["organization"], d["kind"], d.get("date"), normalize(d["text"]),
                         tuple(d["figures"])) for d in data["documents"])


def sentences(text: str) -> list[tuple[int, str]]:
    out, start = [], 0
    for m in SENTENCE_END.finditer(text):
        out.append((start, text[start:m.start()]))
        start = m.end()
    out.append((start, text[start:]))
    return out


def locate(doc: DocSpec, fig: dict, after: int = 0) -> tuple[int, int]:
    """Span of the figure's surface text, found through its quote in the document text."""
    quote, surface = normalize(fig["quote"]), normalize(fig["text"])
    pos = doc.text.find(quote, after)
    if pos < 0:
        pos = doc.text.find(quote)
    if pos < 0:
        raise ValueError(f"{doc.key}: quote not found: {quote!r}")
    start = pos + quote.find(surface)
    return start, start + len(surface)


def figure_rows(doc: DocSpec) -> list[dict]:
    sents = sentences(doc.text)
    year = int(doc.date[:4]) if doc.date else None
    rows, after = [], 0
    for fig in doc.figures:
        start, end = locate(doc, fig, after)
        after = start
        s_start, sentence = next((s, t) for s, t in reversed(sents) if s <= start)
        row = {**FIGURE_DEFAULTS, **{k: v for k, v in fig.items() if k in FIGURE_DEFAULTS}}
        row.update(figure_id=f"{doc.doc_id}:{start}", doc_id=doc.doc_id, sha256=doc.sha256, path=doc.key,
                   doc_index=doc.doc_index, organization=doc.organization, doc_kind=doc.kind,
                   doc_date=doc.date, year=row["deadline_year"] or fig.get("year", year), page=None,
                   char_start=start, char_end=end, text=doc.text[start:end], value=float(fig["value"]),
                   unit=fig["unit"], sentence=sentence, sentence_start=s_start, extractor_version="gold")
        rows.append(row)
    return rows


_ROWS: dict[str, list[dict]] = {}


def _cache_key(d: DocSpec) -> str:
    """Rows depend on everything a DocSpec holds."""
    return repr((d.key, d.doc_index, d.organization, d.kind, d.date, d.text, d.figures))


def frame(docs: list[DocSpec] | tuple[DocSpec, ...]) -> pd.DataFrame:
    """The figures of these documents as the `figures` table would hold them."""
    rows = []
    for d in docs:
        key = _cache_key(d)
        if key not in _ROWS:
            _ROWS[key] = figure_rows(d)
        rows += [dict(r) for r in _ROWS[key]]
    return pd.DataFrame(rows)


def mutate(doc: DocSpec, fig_index: int, new_text: str, new_value: float) -> DocSpec:
    """The same document with one number rewritten in its text and in its annotation.

    Quotes of other figures that hold the rewritten number are rewritten with it."""
    spans, after = [], 0
    for f in doc.figures:
        start, end = locate(doc, f, after)
        q = doc.text.find(normalize(f["quote"]), after) if doc.text.find(normalize(f["quote"]), after) >= 0 \
            else doc.text.find(normalize(f["quote"]))
        spans.append((start, end, q, q + len(normalize(f["quote"]))))
        after = start
    start, end = spans[fig_index][:2]
    text = doc.text[:start] + new_text + doc.text[end:]
    figs = []
    for i, (f, (_, _, q0, q1)) in enumerate(zip(doc.figures, spans, strict=True)):
        if start < q1 and q0 < end:  # the quote holds (part of) the rewritten number
            f = {**f, "quote": doc.text[min(q0, start):start] + new_text + doc.text[end:max(q1, end)]}
        if i == fig_index:
            f = {**f, "text": new_text, "value": new_value}
        figs.append(f)
    return replace(doc, text=text, figures=tuple(figs))


def write_db(path: Path, df: pd.DataFrame) -> None:
    """A dataset file whose `figures` table holds `df` (schema by the store's migrations)."""
    from pipeline.store import Store

    with Store(path) as store:
        cols = [c for c in df.columns if c != "sha256"] + ["sha256"]
        store.con.register("audit_rows", df[cols])
        try:
            store.con.execute(f"INSERT INTO figures ({', '.join(cols)}) SELECT {', '.join(cols)} FROM audit_rows")
        finally:
            store.con.unregister("audit_rows")


_FIGS: dict[str, list] = {}


def audit_figures(docs: list[DocSpec] | tuple[DocSpec, ...]) -> list:
    """Like `frame`, as AuditFigure records (no pandas round trip: the mutation suite runs many)."""
    from dataclasses import fields as dc_fields

    from pipeline.audit.model import AuditFigure

    names = {f.name for f in dc_fields(AuditFigure)}
    out = []
    for d in docs:
        key = _cache_key(d)
        if key not in _FIGS:
            _FIGS[key] = [AuditFigure(**{k: v for k, v in r.items() if k in names}) for r in figure_rows(d)]
        out += _FIGS[key]
    return out
