"""The gold gate: the extractor on corpus/seeds and corpus/cases scores at or above the floors
pinned in corpus/gold/baseline.json (raise them with `chiso eval --pin`; they never go down)."""

import json
from pathlib import Path

import pytest

from pipeline.gold_gate import below_floors, evaluate_paths, load_floors, pin_floors

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def metrics():
    return evaluate_paths([str(ROOT / "corpus/seeds"), str(ROOT / "corpus/cases")], ROOT / "corpus/gold").metrics()


def test_scores_at_or_above_pinned_floors(metrics):
    floors = load_floors(ROOT / "corpus/gold/baseline.json")
    assert floors, "corpus/gold/baseline.json holds no floors"
    assert not below_floors(metrics, floors)


def test_issue_targets_hold(metrics):
    # issue 3's check: F1 ≥ 0.97; every attribute ≥ 95 % (entity ≥ 90 %); all documents and references
    assert metrics["figures_f1"] >= 0.97
    for a in ("modality", "comparator", "aggregation", "deadline_year", "recurrence"):
        assert metrics[f"{a}_accuracy"] >= 0.95, a
    assert metrics["entity_accuracy"] >= 0.90
    assert metrics["documents_found"] == 1.0 and metrics["kind_accuracy"] == 1.0
    assert metrics["references_recall"] == 1.0


def test_pinning_never_lowers_a_floor(tmp_path):
    path = tmp_path / "baseline.json"
    path.write_text(json.dumps({"floors": {"figures_f1": 0.9}}))
    assert pin_floors({"figures_f1": 0.8}, path)["figures_f1"] == 0.9
    assert pin_floors({"figures_f1": 0.95}, path)["figures_f1"] == 0.95


# corpus/keys: invented documents in the forms of issue 17 (headers, news, speeches, công văn);
# corpus/keys_blind: twelve more, written from the conventions by someone who had not read the
# code (corpus/keys_blind/README.md); corpus/keys_blind2 … keys_blind7: 54 more written the same way
# in session 9, keys_blind8 … in session 10, each measured once before it was used (first runs in
# docs/keys.md). Gold: every figure's organization, year and indicator.
KEY_SETS = ["keys", "keys_blind"] + [f"keys_blind{i}" for i in range(2, 82)]


@pytest.mark.parametrize("name", KEY_SETS)
def test_key_corpus_at_or_above_its_floors(name):
    metrics = evaluate_paths([str(ROOT / "corpus" / name)], ROOT / "corpus/gold" / name).metrics()
    floors = load_floors(ROOT / "corpus/gold" / name / "baseline.json")
    assert floors.get("key_all_accuracy"), f"corpus/gold/{name}/baseline.json holds no key floors"
    assert not below_floors(metrics, floors)
    # issue 17's check on documents not built against: organization, year >= 0.90, indicator >= 0.85,
    # all three >= 0.80
    assert metrics["key_organization_accuracy"] >= 0.90 and metrics["key_year_accuracy"] >= 0.90
    assert metrics["key_indicator_accuracy"] >= 0.85 and metrics["key_all_accuracy"] >= 0.80


def test_seeds_comparison_keys(metrics):
    # issue 17's check on the seeds: organization, year and indicator each >= 0.95
    for key in ("organization", "year", "indicator"):
        assert metrics[f"key_{key}_accuracy"] >= 0.95, key
