"""`make demo`'s summary (pipeline/demo.py) on a small real corpus: the top indicators are indicators
(figures without one are counted on their own line, not shown as a blank indicator row)."""

from pathlib import Path

from pipeline.demo import main, summary_text

ROOT = Path(__file__).resolve().parent.parent


def test_demo_summary_names_indicators_and_counts_the_rest(tmp_path, capsys):
    db = tmp_path / "demo.duckdb"
    assert main(["--db", str(db), str(ROOT / "corpus" / "seeds")]) == 0
    text = summary_text(db, 1.0)
    top = text.split("Top ")[1].split("figures with no indicator")[0]
    rows = [line.split() for line in top.splitlines()[3:] if line.strip()]
    assert rows and all(row[0] not in ("actual", "target") for row in rows), top
    count = text.split("figures with no indicator")[1].split(": ")[1].split()[0]
    assert count.isdigit()
