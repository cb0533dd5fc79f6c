"""The gold gate: run the extractor over gold documents, score, compare with pinned floors."""

from __future__ import annotations

import json
from pathlib import Path

from extractors.extract import extract_file
from pipeline.evaluate import Score, load_gold, score
from pipeline.inputs import iter_input_files
from pipeline.records_json import file_records

DEFAULT_GOLD = Path("corpus/gold")
DEFAULT_BASELINE = DEFAULT_GOLD / "baseline.json"


def evaluate_paths(paths: list[str], gold_dir: str | Path = DEFAULT_GOLD) -> Score:
    records = [rec for p in iter_input_files(paths) for rec in file_records(extract_file(p))]
    return score(records, load_gold(gold_dir))


def load_floors(path: str | Path = DEFAULT_BASELINE) -> dict[str, float]:
    p = Path(path)
    return json.loads(p.read_text(encoding="utf-8"))["floors"] if p.exists() else {}


def below_floors(metrics: dict[str, float], floors: dict[str, float]) -> list[str]:
    return [f"{k}={metrics.get(k, 0.0):.4f} < floor {v:.4f}" for k, v in floors.items() if metrics.get(k, 0.0) < v]


def pin_floors(metrics: dict[str, float], path: str | Path = DEFAULT_BASELINE) -> dict[str, float]:
    """Raise the floors to the current metrics; a floor never goes down."""
    old = load_floors(path)
    new = {k: max(v, old.get(k, 0.0)) for k, v in metrics.items()}
    Path(path).write_text(json.dumps({"floors": new}, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return new
