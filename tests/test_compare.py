"""Compare never blends unlike figures: a cell combines only figures that agree on indicator, unit,
modality, aggregation, relation and period; several documents → the latest one's value and a count."""

from __future__ import annotations

import json

import pytest
from dataset_builders import figure, result

from extractors.records import Document, DocumentExtract
from pipeline import Dataset
from pipeline.cli import main
from pipeline.store import Store

VINH = "Liên đoàn Lao động thành phố Vinh"
# seeds/000 (Vinh): a five-year total and its yearly average, in one sentence
S_TOTAL = ("Trong 5 năm qua, đã kết nạp 2.668 đoàn viên, bình quân mỗi năm kết nạp 533 đoàn viên")
# a change is no level: "tăng 12% so với cùng kỳ"
S_CHANGE = "Số đoàn viên kết nạp mới tăng 12% so với cùng kỳ"
# a later report of the same organization and year (invented, in the seeds' words)
S_LATER = "Năm 2023 kết nạp 540 đoàn viên mới"
S_EARLIER = "Năm 2023 kết nạp 520 đoàn viên mới"

KEYS = {"organization": VINH, "organization_from": "document", "year_from": "document", "year": 2023,
        "indicator": "new_members", "entity": "đoàn viên"}


def extract(source: str, date: str, text: str, *figs) -> DocumentExtract:
    doc = Document(source=source, doc_index=0, kind="báo cáo", title="BÁO CÁO", organization=VINH,
                   date=date, text=text, start=0, end=len(text))
    return DocumentExtract(document=doc, figures=tuple(figs))


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    db = tmp_path_factory.mktemp("compare") / "chiso.duckdb"
    speech = extract("speech.txt", "2023-05-10", S_TOTAL + "\n" + S_CHANGE,
                     figure(S_TOTAL, "2.668", 2668, "count", period_years=5, **KEYS),
                     figure(S_TOTAL, "533", 533, "count", period_years=5, aggregation="average", **KEYS),
                     figure(S_CHANGE, "12%", 12, "percent", relation="change", **KEYS))
    with Store(db) as store:
        run = store.start_run("cli")
        store.write_result(result("speech.txt", "a" * 64, speech), run)
        # the same speech as a PDF: other bytes, the same text → one document
        store.write_result(result("speech.pdf", "b" * 64, speech), run)
        store.write_result(result("early.txt", "c" * 64, extract("early.txt", "2023-07-01", S_EARLIER, figure(
            S_EARLIER, "520", 520, "count", **KEYS))), run)
        store.write_result(result("late.txt", "d" * 64, extract("late.txt", "2024-01-15", S_LATER, figure(
            S_LATER, "540", 540, "count", **KEYS))), run)
    return db


def test_a_total_and_an_average_are_never_blended(db):
    long = Dataset(db).compare_long("new_members", ["organization", "year"])
    cells = {(r.aggregation, r.period_years): r.value for r in long.itertuples()}
    assert cells == {("average", 5.0): 533, ("total", 5.0): 2668, ("total", "(none)"): 540}


def test_the_same_speech_in_two_files_is_counted_once(db):
    long = Dataset(db).compare_long("new_members", ["organization", "year"], agg="sum")
    assert set(long["value"]) == {533, 2668, 1060}  # not 2 × 2668
    every = Dataset(db, with_duplicates=True).compare_long("new_members", ["organization", "year"], agg="sum")
    assert 2 * 2668 in set(every["value"])


def test_several_documents_show_the_latest_and_count_the_others(db):
    long = Dataset(db).compare_long("new_members", ["organization", "year"])
    row = long[long["period_years"] == "(none)"].iloc[0]
    assert (row["value"], row["n"], row["others"], row["text"]) == (540, 2, 1, "540")
    assert any("several figures" in note for note in long.attrs["notes"])


def test_an_explicit_aggregation_says_what_it_computed(db):
    long = Dataset(db).compare_long("new_members", ["organization", "year"], agg="mean")
    row = long[long["period_years"] == "(none)"].iloc[0]
    assert (row["value"], row["computed"]) == (530, "mean of 2 figures")


def test_a_change_is_left_out_with_a_note(db):
    long = Dataset(db).compare_long("new_members", ["organization", "year"])
    assert 12 not in set(long["value"])
    assert long.attrs["notes"][0].startswith("1 figures left out, not a level of the indicator (1 change)")
    changes = Dataset(db).compare_long("new_members", ["organization", "year"], relation="change")
    assert list(changes["value"]) == [12]


def test_every_value_shown_is_one_a_document_wrote(db):
    figures = Dataset(db).figures(indicator="new_members")
    long = Dataset(db).compare_long("new_members", ["organization", "year"])
    written = dict(zip(figures["figure_id"], figures["value"], strict=True))
    assert all(written[r.figure_id] == r.value for r in long.itertuples())


def test_cli_table_has_the_vietnamese_label_and_notes(db, capsys):
    assert main(["compare", "--indicator", "new_members", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0] == "đoàn viên phát triển mới, kết nạp mới (new_members)"
    assert "2023 · bình quân · 5 năm" in lines[2]  # one modality: not a column part
    vinh = next(line for line in lines if line.startswith(VINH))
    assert "533" in vinh and "2 668" in vinh and "540 (+1)" in vinh
    assert "* 1 figures left out" in out


def test_cli_english_label_and_scripts_get_numbers(db, capsys):
    assert main(["compare", "--indicator", "new_members", "--db", str(db), "--lang", "en"]) == 0
    assert capsys.readouterr().out.startswith("new union members recruited (new_members)")
    assert main(["compare", "--indicator", "new_members", "--db", str(db), "--format", "jsonl"]) == 0
    captured = capsys.readouterr()
    [row] = [json.loads(line) for line in captured.out.splitlines()]
    assert row["organization"] == VINH and 540 in row.values()
    assert "left out" in captured.err
