"""Score extracted records against a gold set (trafilatura's model of a quality gate).

The rules are those of the project's scorer (`shared/tools/score.py`): a gold figure is located
by its quote in the predicted document text (white space collapsed, NFC, ƣ→ư); a prediction
matches when its span overlaps, and its value and unit are the same. Sources match by file stem,
so the .docx and .pdf renderings of a seed are scored against the seed's gold.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from extractors.orgnames import organization_key

KEYS = ("organization", "year", "indicator")
ATTRIBUTES = ("modality", "comparator", "aggregation", "deadline_year", "recurrence", "entity")
_WS = re.compile(r"\s+")
_FIX = {"\u01a3": "ư", "\u01a2": "Ư"}


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    attributes: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    documents_found: int = 0
    documents_gold: int = 0
    kind_ok: int = 0
    org_ok: int = 0
    refs_found: int = 0
    refs_gold: int = 0
    refs_extra: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def metrics(self) -> dict[str, float]:
        m = {"figures_f1": self.f1, "figures_precision": self.precision, "figures_recall": self.recall,
             "documents_found": self.documents_found / max(self.documents_gold, 1),
             "kind_accuracy": self.kind_ok / max(self.documents_gold, 1),
             "organization_accuracy": self.org_ok / max(self.documents_gold, 1),
             }
        if self.refs_gold:
            m["references_recall"] = self.refs_found / self.refs_gold
        for a, (ok, n) in self.attributes.items():
            m[f"{a}_accuracy"] = ok / n if n else 0.0
        return {k: round(v, 4) for k, v in m.items()}


def _norm(s: str) -> str:
    s = "".join(_FIX.get(c, c) for c in unicodedata.normalize("NFC", s))
    return _WS.sub(" ", s).strip()


def _norm_map(text: str) -> tuple[str, list[int]]:
    out, idx, prev_space = [], [], False
    for i, ch in enumerate(unicodedata.normalize("NFC", text)):
        ch = _FIX.get(ch, ch)
        if ch.isspace():
            if not prev_space:
                out.append(" ")
                idx.append(i)
            prev_space = True
        else:
            prev_space = False
            out.append(ch)
            idx.append(i)
    return "".join(out), idx


def _stem(p: str) -> str:
    return Path(p or "").stem


def _load(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def load_gold(gold_dir: str | Path) -> dict[str, list[dict[str, Any]]]:
    g = Path(gold_dir)
    return {kind: [r for p in sorted(g.glob(f"*.{kind}.jsonl")) for r in _load(p)]
            for kind in ("figures", "documents", "references")}


def score(records: list[dict[str, Any]], gold: dict[str, list[dict[str, Any]]]) -> Score:
    sc = Score()
    docs: dict[str, dict[int, dict]] = defaultdict(dict)
    figs: dict[str, list[dict]] = defaultdict(list)
    refs: dict[str, list[dict]] = defaultdict(list)
    for r in records:
        key = _stem(r.get("source", ""))
        kind = r.get("type")
        if kind == "document":
            docs[key][int(r.get("doc_index", 0))] = r
        elif kind == "figure":
            figs[key].append(r)
        elif kind == "reference":
            refs[key].append(r)
    normed = {(k, i): _norm_map(d.get("text") or "") for k, ds in docs.items() for i, d in ds.items()}
    for key, fs in figs.items():
        for f in fs:
            f.setdefault("_document", docs[key].get(int(f.get("doc_index", 0)), {}))
    _score_figures(sc, gold["figures"], figs, normed)
    _score_documents(sc, gold["documents"], docs)
    _score_references(sc, gold["references"], refs)
    return sc


def _score_figures(sc: Score, golds: list[dict], figs: dict, normed: dict) -> None:
    for src in sorted({_stem(g["source"]) for g in golds}):
        cands, used, optional = figs.get(src, []), set(), []
        for g in (g for g in golds if _stem(g["source"]) == src):
            required = g.get("required", True)
            q, t = _norm(g["quote"]), _norm(g["text"])
            hit = next(((i, idx[pos + q.find(t)], idx[pos + q.find(t) + len(t) - 1] + 1)
                        for (k, i), (nt, idx) in normed.items() if k == src and (pos := nt.find(q)) >= 0), None)
            if hit is None:
                sc.fn += required
                sc.misses.append(f"MISS(text) {src}: {g['quote']!r}")
                continue
            i, s, e = hit
            if not required:
                optional.append(hit)
            match = next((k for k, p in enumerate(cands) if k not in used and int(p.get("doc_index", 0)) == i
                          and p.get("char_start", -1) < e and s < p.get("char_end", -1)
                          and _same(p.get("value"), g["value"]) and p.get("unit") == g["unit"]), None)
            if match is None:
                sc.fn += required
                if required:
                    sc.misses.append(f"FN {src}: {g['quote']!r} value={g['value']} unit={g['unit']}")
                continue
            used.add(match)
            if required:
                sc.tp += 1
                _score_attributes(sc, g, cands[match], src)
        for k, p in enumerate(cands):
            if k in used or any(i == int(p.get("doc_index", 0)) and p["char_start"] < oe and os_ < p["char_end"]
                                for i, os_, oe in optional):
                continue
            sc.fp += 1
            sc.misses.append(f"FP {src}: {p.get('text')!r} value={p.get('value')} unit={p.get('unit')}")


def _score_keys(sc: Score, g: dict, p: dict, src: str) -> None:
    """The comparison keys (COMPARABLE.md) of a matched figure, when its gold has them; a key the
    prediction lacks falls back to its document's (as shared/tools/score_keys.py does)."""
    if not any(k in g for k in KEYS):
        return
    doc = p.get("_document") or {}
    ok_all = True
    for k in KEYS:
        want, got = g.get(k), p.get(k, doc.get(k) if k != "indicator" else None)
        if k == "organization":
            ok = organization_key(got) == organization_key(want)
        elif k == "year":
            ok = str(got) == str(want) if want is not None else got is None
        else:
            ok = (got or None) == (want or None)
        ok_all &= ok
        sc.attributes[f"key_{k}"][0] += ok
        sc.attributes[f"key_{k}"][1] += 1
        if not ok:
            sc.misses.append(f"KEY {k} {src}: {g['quote']!r} gold={want!r} pred={got!r}")
    sc.attributes["key_all"][0] += ok_all
    sc.attributes["key_all"][1] += 1


def _score_attributes(sc: Score, g: dict, p: dict, src: str) -> None:
    _score_keys(sc, g, p, src)
    for a in ATTRIBUTES[:-1]:
        ok = str(p.get(a)) == str(g.get(a)) if a == "deadline_year" else p.get(a) == g.get(a)
        sc.attributes[a][0] += ok
        sc.attributes[a][1] += 1
        if not ok:
            sc.misses.append(f"ATTR {a} {src}: {g['quote']!r} gold={g.get(a)!r} pred={p.get(a)!r}")
    ge, pe = _norm(g["entity"]).lower(), _norm(p.get("entity") or "").lower()
    ok = bool(pe) and (" ".join(ge.split()[:2]) in pe or pe in ge)
    sc.attributes["entity"][0] += ok
    sc.attributes["entity"][1] += 1
    if not ok:
        sc.misses.append(f"ATTR entity {src}: {g['quote']!r} gold={g['entity']!r} pred={p.get('entity')!r}")


def _score_documents(sc: Score, golds: list[dict], docs: dict) -> None:
    sc.documents_gold = len(golds)
    for g in golds:
        d = docs.get(_stem(g["source"]), {}).get(g["doc_index"])
        if d is None:
            sc.misses.append(f"DOC missing {g['source']}#{g['doc_index']}")
            continue
        sc.documents_found += 1
        sc.kind_ok += _norm(d.get("kind") or "").lower() == _norm(g["kind"]).lower()
        org, gorg = _norm(d.get("organization") or "").lower(), _norm(g["organization"]).lower()
        sc.org_ok += bool(org) and (org in gorg or gorg in org)
        if "date" in g:
            ok = (d.get("date") or None) == (g["date"] or None)
            sc.attributes["document_date"][0] += ok
            sc.attributes["document_date"][1] += 1
            if not ok:
                sc.misses.append(f"DOC date {g['source']}#{g['doc_index']}: gold={g['date']!r} pred={d.get('date')!r}")


def _ref_key(n: str) -> str:
    n = unicodedata.normalize("NFC", n or "").upper().replace("Đ", "D")
    return re.sub(r"[\s\-–]", "", n)


def _score_references(sc: Score, golds: list[dict], refs: dict) -> None:
    sc.refs_gold = len(golds)
    gold_keys = {(_stem(g["source"]), _ref_key(g["number"])) for g in golds}
    for g in golds:
        if _ref_key(g["number"]) in {_ref_key(p.get("number")) for p in refs.get(_stem(g["source"]), [])}:
            sc.refs_found += 1
        else:
            sc.misses.append(f"REF missing {g['source']}: {g['number']}")
    srcs = {_stem(g["source"]) for g in golds}
    sc.refs_extra = sum(1 for s, ps in refs.items() if s in srcs for p in ps
                        if "/" in (p.get("number") or "") and (s, _ref_key(p.get("number"))) not in gold_keys)


def _same(a: Any, b: Any) -> bool:
    try:
        a, b = float(a), float(b)
    except (TypeError, ValueError):
        return False
    return abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b))
