"""The comparison keys hold beyond plain text: corpus/keys rendered as union offices send it
(scripts/make_keys_renderings.py: DOCX and PDF with the Decree 30 header as a two-column table,
news pages, TCVN3 and VNI text) scores like its text (issue 17's check names these forms)."""

from pathlib import Path

import pytest

from pipeline.gold_gate import evaluate_paths

ROOT = Path(__file__).resolve().parents[1]
RENDERINGS = ROOT / "corpus" / "keys_renderings"

# (folder, floor for all three keys right, floor for organization, floor for year) as measured
# when the renderings were made; the text itself scores 143/146 = 0.979 on all three.
FLOORS = [
    ("docx", 0.979, 1.0, 1.0),
    ("pdf", 0.979, 1.0, 1.0),
    ("html", 1.0, 1.0, 1.0),
    ("tcvn3", 1.0, 1.0, 1.0),
    ("vni", 1.0, 1.0, 1.0),
]


@pytest.mark.parametrize("folder,all_three,organization,year", FLOORS)
def test_rendering_keeps_the_keys(folder, all_three, organization, year):
    sc = evaluate_paths([str(RENDERINGS / folder)], ROOT / "corpus" / "gold" / "keys")
    m = sc.metrics()
    found = sc.documents_found
    assert found == len(list((RENDERINGS / folder).iterdir()))
    assert sc.kind_ok == found and sc.org_ok == found, sc.misses
    assert m["key_all_accuracy"] >= all_three, [x for x in sc.misses if x.startswith("KEY")]
    assert m["key_organization_accuracy"] >= organization
    assert m["key_year_accuracy"] >= year
