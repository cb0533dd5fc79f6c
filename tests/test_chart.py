"""Charts outside the web app: `chiso chart` and `Dataset.chart` draw SVG, PNG and HTML offline,
targets dashed and actuals solid, one colour per organization."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from dataset_builders import figure, result

from extractors.records import Document, DocumentExtract
from pipeline import Dataset
from pipeline.chart import PALETTE, nice_ticks, number
from pipeline.cli import main
from pipeline.store import Store

SVG = "{http://www.w3.org/2000/svg}"
# corpus/keys/ke_hoach_gio_linh_2024.txt: 386 members recruited in 2019-2023; "ít nhất 2.000" by 2028
GIO_LINH = ("Liên đoàn Lao động huyện Gio Linh", "Nhiệm kỳ qua kết nạp 386 đoàn viên; phấn đấu đến năm 2025 "
            "kết nạp 1.100, đến năm 2028 kết nạp ít nhất 2.000 đoàn viên",
            [("386", 386, "actual", 2023), ("1.100", 1100, "target", 2025), ("ít nhất 2.000", 2000, "target", 2028)])
# corpus/keys/tham_luan_yen_the_2023.txt: 3.415 members recruited
YEN_THE = ("Liên đoàn Lao động huyện Yên Thế", "Đã kết nạp 3.415 đoàn viên, năm 2024 kết nạp 900 đoàn viên",
           [("3.415", 3415, "actual", 2023), ("900", 900, "actual", 2024)])


def extract(source: str, org: str, text: str, figs: list) -> DocumentExtract:
    doc = Document(source=source, doc_index=0, kind="báo cáo", title=None, organization=org, date="2024-04-20",
                   text=text, start=0, end=len(text))
    return DocumentExtract(document=doc, figures=tuple(
        figure(text, surface, value, "count", modality=modality, year=year, organization=org,
               organization_from="document", year_from="clause", indicator="new_members", entity="đoàn viên")
        for surface, value, modality, year in figs))


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    db = tmp_path_factory.mktemp("chart") / "chiso.duckdb"
    with Store(db) as store:
        run = store.start_run("cli")
        for i, (org, text, figs) in enumerate((GIO_LINH, YEN_THE)):
            store.write_result(result(f"{i}.txt", str(i) * 64, extract(f"{i}.txt", org, text, figs)), run)
    return db


def lines(svg: str) -> list[ET.Element]:
    return [e for e in ET.fromstring(svg).iter(f"{SVG}line") if e.get("stroke-width") == "2.5"]


def test_targets_dashed_actuals_solid_one_colour_per_organization(db):
    chart = Dataset(db).chart("new_members")
    svg = chart.svg()
    drawn = [(e.get("stroke"), e.get("stroke-dasharray") is not None) for e in lines(svg)]
    gio_linh, yen_the = PALETTE[0], PALETTE[1]  # organizations in name order
    assert (gio_linh, True) in drawn and (gio_linh, False) not in drawn  # one actual point: no solid line
    assert (yen_the, False) in drawn
    assert {s.name for s in chart.series} == {GIO_LINH[0], YEN_THE[0]}
    assert [s.points for s in chart.series if s.modality == "target"] == [((2025, 1100.0), (2028, 2000.0))]
    assert "đoàn viên phát triển mới" in svg and GIO_LINH[0] in svg
    assert chart._repr_svg_() == svg  # a notebook shows it inline


def test_a_target_line_joins_targets_only(db):
    chart = Dataset(db).chart("new_members")
    actual = next(s for s in chart.series if s.name == YEN_THE[0])
    assert actual.points == ((2023, 3415.0), (2024, 900.0))


@pytest.mark.parametrize("suffix", ["svg", "png", "html"])
def test_cli_writes_each_format_offline(db, tmp_path, capsys, suffix):
    out = tmp_path / f"chart.{suffix}"
    assert main(["chart", "--indicator", "new_members", "--by", "organization", "--out", str(out),
                 "--db", str(db)]) == 0
    assert capsys.readouterr().out.strip() == str(out)
    data = out.read_bytes()
    if suffix == "png":
        assert data.startswith(b"\x89PNG") and len(data) > 10_000
    else:
        text = data.decode("utf-8")
        assert "<svg" in text and "<script" not in text and "src=" not in text and "<link" not in text


@pytest.mark.parametrize(("argv", "message"), [
    (["--indicator", "new_members", "--out", "chart.pdf"], "write a chart as"),
    (["--indicator", "no_such_indicator", "--out", "chart.svg"], "no figure to draw"),
])
def test_cli_usage_errors(db, tmp_path, capsys, argv, message):
    argv = [a if not a.startswith("chart.") else str(tmp_path / a) for a in argv]
    assert main(["chart", *argv, "--db", str(db)]) == 2
    assert message in capsys.readouterr().err


@pytest.mark.parametrize(("low", "high", "ticks"), [
    (0, 96, [0, 20, 40, 60, 80, 100]),
    (0, 2000, [0, 500, 1000, 1500, 2000]),
])
def test_nice_ticks(low, high, ticks):
    assert nice_ticks(low, high) == ticks


@pytest.mark.parametrize(("value", "lang", "text"), [
    (750_000_000, "vi", "750 triệu"), (3_200_000_000, "vi", "3,2 tỷ"), (3_200_000_000, "en", "3.2 bn"),
    (4812, "vi", "4 812"),
])
def test_tick_numbers(value, lang, text):
    assert number(value, lang) == text


def test_only_the_organizations_asked_for(db):
    chart = Dataset(db).chart("new_members", only=[YEN_THE[0]])
    assert {s.name for s in chart.series} == {YEN_THE[0]}
