"""The benchmark (issue 7): its corpus varies documents the way it says, and a tiny run prints every row.

No timed assertions: the numbers are printed, never checked.
"""

from __future__ import annotations

import random
import re

import pytest

from benchmarks import corpus
from benchmarks.run import main as bench_main

PLACES = {"Vinh": "Bắc Ninh"}


@pytest.mark.parametrize("sentence, kept", [
    # seed 000: the year and the decree number stay, the counts change
    ("Năm 2023, thành lập mới 29 CĐCS theo Nghị định số 98/2014/NĐ-CP ngày 24/10/2014.",
     ["2023", "98/2014/NĐ-CP", "24/10/2014"]),
    # seed 002: a party resolution number and its date stay
    ("Nghị quyết số 02-NQ/TW, ngày 12/6/2021 của Bộ Chính trị", ["02-NQ/TW", "12/6/2021"]),
    # seed 000: a name with a number is not a figure
    ("Đại dịch Covid-19 kéo dài, mặt trái của cơ chế thị trường", ["Covid-19"]),
])
def test_vary_text_keeps_years_dates_and_document_numbers(sentence, kept):
    varied = corpus.vary_text(sentence, random.Random(1), PLACES)
    for part in kept:
        assert part in varied


@pytest.mark.parametrize("sentence, pattern", [
    # seed 000: thousands with a dot stay written the Vietnamese way
    ("Địa bàn thành phố Vinh hiện có 6.107 doanh nghiệp với 87.038 lao động.",
     r"^Địa bàn thành phố Bắc Ninh hiện có \d{1,2}\.\d{3} doanh nghiệp với \d{2,3}\.\d{3} lao động\.$"),
    # case bao_cao_so_ket_mau: a decimal comma keeps its decimals; a leading zero keeps its width
    ("đạt 104,5% kế hoạch năm, thành lập 05 công đoàn cơ sở", r"^đạt \d+,\d% kế hoạch năm, thành lập \d\d công"),
])
def test_vary_text_changes_numbers_in_their_own_notation(sentence, pattern):
    assert re.match(pattern, corpus.vary_text(sentence, random.Random(7), PLACES))


def test_plan_is_deterministic_and_mixes_formats():
    files = list(corpus.plan(corpus.SMALL_DOCS))
    assert files == list(corpus.plan(corpus.SMALL_DOCS))
    assert sum(n for _, _, n in files) == corpus.SMALL_DOCS
    assert {fmt for _, fmt, _ in files} == {"pdf", "docx", "html"}
    assert any(n == 2 for _, _, n in files)  # several documents in one file


def test_render_file_is_deterministic():
    sources = corpus.source_paragraphs()
    html_file = next(k for k, fmt, _ in corpus.plan(corpus.SMALL_DOCS) if fmt == "html")
    first = corpus.render_file(html_file, "html", 1, sources)
    assert first == corpus.render_file(html_file, "html", 1, sources)
    assert first[1] >= corpus.MIN_WORDS


EXPECTED_ROWS = [
    "read (PDF)", "normalize (PDF)", "segment (PDF)", "extract (PDF)", "store (PDF)",
    "all stages, 1 process (PDF)", "raw pdfplumber extract_text", "poppler pdftotext",
    'unstructured partition_pdf(strategy="fast")', "end to end, 1 worker (PDF)", "end to end, 2 workers (PDF)",
    "chiso ingest, re-run on unchanged corpus", "floor: new interpreter, import duckdb, open the dataset",
    "chiso ingest, re-run that opens the database", "ingest_paths, re-run on unchanged corpus",
    "Prefect flow ingest-inbox",
]


@pytest.mark.slow
@pytest.mark.integration  # child processes, the chiso CLI, a worker pool: 14 min at load 12 (not measured idle)
def test_tiny_benchmark_prints_every_row(tmp_path, capsys):
    assert bench_main(["--docs", "2", "--no-flow", "--repeats", "2", "--corpus", str(tmp_path / "corpus")]) == 0
    out = capsys.readouterr().out
    names = [line.split("|")[1].strip() for line in out.splitlines() if line.startswith("| ")]
    for row in EXPECTED_ROWS:
        assert row in names, f"row {row!r} missing from:\n{out}"
    assert "failed:" not in out
    assert "load average:" in out and "Goals (issue 7):" in out


@pytest.mark.parametrize(("docs", "cli_s", "run_s", "expected"), [
    # 100 documents: start-up 1.5 s does not grow, the run 0.04 s does: 1.5 + 0.4
    (100, 1.54, 0.04, "for 1,000 documents 1.90 s (start-up 1.50 s + the run grown linearly) (goal < 2 s): met"),
    (100, 2.34, 0.04, "for 1,000 documents 2.70 s (start-up 2.30 s + the run grown linearly) (goal < 2 s): MISSED"),
    (1000, 1.80, 0.50, "for 1,000 documents 1.80 s (measured) (goal < 2 s): met"),
])
def test_rerun_goal_grows_the_run_not_the_start_up(docs, cli_s, run_s, expected):
    from benchmarks.measure import Row
    from benchmarks.run import goals

    rows = [Row("chiso ingest, re-run on unchanged corpus", cli_s, 83),
            Row("ingest_paths, re-run on unchanged corpus", run_s, 83)]
    line = next(g for g in goals(rows, docs) if g.startswith("chiso ingest, re-run"))
    assert line.endswith(expected), line


@pytest.mark.parametrize(("total_pages", "sample_pages", "stride"), [
    (5424, 1000, 5),   # the default corpus: ~1,085 pages in the sample
    (515, 1000, 1),    # a corpus smaller than the sample: every file
    (5424, 0, 1),      # --sample-pages 0: every file
    (1600, 1000, 2),
    (2400, 1000, 2),
])
def test_sample_stride(total_pages, sample_pages, stride):
    from benchmarks.run import sample_stride

    assert sample_stride(total_pages, sample_pages) == stride


def test_per_core_goal_compares_the_same_pages():
    # every stage in one process against raw pdfplumber, both on the sample (the same PDFs)
    from benchmarks.measure import Row
    from benchmarks.run import goals

    rows = [Row("all stages, 1 process (PDF)", 50.0, 10, 500, cpu_seconds=45.0),
            Row("raw pdfplumber extract_text", 250.0, 10, 500, cpu_seconds=240.0)]
    line = next(g for g in goals(rows, 1000) if g.startswith("per core"))
    assert line == ("per core, every stage in 1 process / raw pdfplumber on the same 500 pages: 0.20x wall clock "
                    "(goal <= 1.5x): met; 0.19x in CPU time: met")
