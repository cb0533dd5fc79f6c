"""The .docx and .pdf renderings of the seeds (corpus/fixtures, made by scripts/make_fixtures.py)
give the same documents and score within 0.01 of the .txt seeds (issues 2 and 3)."""

from pathlib import Path

import pytest

from extractors.extract import extract_file
from pipeline.evaluate import load_gold, score
from pipeline.records_json import file_records

ROOT = Path(__file__).resolve().parents[1]


def seed_gold():
    gold = load_gold(ROOT / "corpus/gold")
    return {k: [r for r in rows if r["source"][:3].isdigit()] for k, rows in gold.items()}


def scored(paths):
    return score([rec for p in paths for rec in file_records(extract_file(p))], seed_gold())


@pytest.fixture(scope="module")
def txt_score():
    return scored(sorted((ROOT / "corpus/seeds").glob("*.txt")))


@pytest.mark.parametrize("ext", ["docx", "pdf"])
def test_rendering_scores_like_text(ext, txt_score):
    sc = scored(sorted((ROOT / "corpus/fixtures").glob(f"*.{ext}")))
    assert sc.documents_found == sc.documents_gold == 6
    assert sc.kind_ok == 6 and sc.org_ok >= 5
    assert sc.refs_found == sc.refs_gold
    assert abs(sc.f1 - txt_score.f1) <= 0.01, sc.misses


def test_html_page_gives_the_article_only():
    # seed 004 as a real news page: one document, kind "tin", no figures from the related-news lists
    res = extract_file(ROOT / "corpus/fixtures/004_9008d95002dd26b8.html")
    assert [ex.document.kind for ex in res.documents] == ["tin"]
    text = res.documents[0].document.text
    assert "Có thể bạn quan tâm" not in text and "<script" not in text
    assert not res.documents[0].figures
