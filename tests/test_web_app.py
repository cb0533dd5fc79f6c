"""The web app (pipeline/web): every page through Streamlit's AppTest on a small dataset built
from the seeds (plus one file that fails to read and one with markup in its text), the upload's
write path, and the pieces the pages rest on."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

import pipeline.web
from extractors.extract import extract_file
from extractors.records import Figure
from pipeline.audit import run_audit
from pipeline.audit.model import CONSISTENT
from pipeline.audit.storage import replace_findings
from pipeline.cli import main
from pipeline.cli.cmd_web import streamlit_command
from pipeline.dataset import Dataset
from pipeline.ingest import ingest_paths
from pipeline.store import Store
from pipeline.web import reads
from pipeline.web.page_audit import doc_id_of
from pipeline.web.page_documents import snippet
from pipeline.web.uploads import safe_name, save_upload

# starts a Prefect server, Streamlit or a browser: left out of a quick local run by -m "not server" (Makefile)
pytestmark = pytest.mark.server

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "corpus" / "seeds"
APP = str(Path(pipeline.web.__file__).parent / "app.py")
# First runs import spaCy, underthesea and Streamlit: slow on a loaded 2-core machine.
TIMEOUT = 300
# seeds/000_bf79206f8d7a586e.txt, line 27, with the two payloads of the issue appended.
XSS_TEXT = ("THAM LUẬN\n\nLiên đoàn Lao động thành phố Vinh\n\nĐịa bàn thành phố Vinh hiện có 6.107 doanh "
            "nghiệp với 87.038 lao động đang làm việc. <script>alert(1)</script> "
            "<img src=x onerror=alert(1)>\n")
VINH = "Liên đoàn Lao động thành phố Vinh"


@pytest.fixture(scope="module")
def dataset(tmp_path_factory) -> Path:
    """Seeds + a markup file + a truncated PDF, ingested and audited; $CHISO_DB points at it."""
    root = tmp_path_factory.mktemp("web")
    shutil.copytree(SEEDS, root / "corpus" / "seeds")
    (root / "corpus" / "xss.txt").write_text(XSS_TEXT, encoding="utf-8")
    shutil.copy(ROOT / "tests" / "fixtures" / "bad" / "truncated.pdf", root / "corpus" / "truncated.pdf")
    db = root / "chiso.duckdb"
    ingest_paths([root / "corpus"], db, quiet=True)
    with Store(db) as store:
        replace_findings(store.con, [f for f in run_audit(store.con) if f.outcome != CONSISTENT])
    old = os.environ.get(reads.DB_ENV)
    os.environ[reads.DB_ENV] = str(db)
    yield db
    if old is None:
        os.environ.pop(reads.DB_ENV, None)
    else:
        os.environ[reads.DB_ENV] = old


@pytest.fixture(autouse=True)
def no_component_scan(monkeypatch):
    """Each AppTest run scans every installed package for custom components (seconds on this
    venv); the app uses none."""
    from streamlit.components.v2 import manifest_scanner

    monkeypatch.setattr(manifest_scanner, "scan_component_manifests", lambda *a, **k: [])


def app_at(page: str | None = None, **params: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    assert not at.exception, at.exception
    if page:
        at.switch_page(page)
        at.query_params.update(params)
        at.run()
        assert not at.exception, at.exception
    return at


def html_of(at: AppTest) -> str:
    return "\n".join(h.proto.body for h in at.get("html"))


def page_link_labels(at: AppTest) -> list[str]:
    return [el.proto.label for el in at.get("page_link")]


def doc_id(db: Path, organization: str) -> str:
    return Dataset(db).documents(organization=organization)["doc_id"].iloc[0]


# -- pages -----------------------------------------------------------------------------------------
def test_overview_counts_documents_runs_and_failed_files(dataset):
    at = app_at()
    metrics = {m.label: m.value for m in at.metric}
    stored = Dataset(dataset).stats()["totals"].iloc[0]
    assert metrics["Văn bản · documents"] == str(stored["documents"])
    assert metrics["Số liệu · figures"] == str(stored["figures"])
    assert metrics["Tệp lỗi · failed files"] == "1"
    frames = [df.value for df in at.dataframe]
    failed = next(df for df in frames if "error" in df.columns)
    assert list(failed["path"]) == ["corpus/truncated.pdf"] and failed["error"].iloc[0]
    runs = next(df for df in frames if "run_id" in df.columns)
    assert len(runs) == 1 and runs["ingested"].iloc[0] == 6


def test_indicators_chart_table_and_downloads(dataset):
    at = app_at("page_indicators.py", indicator="membership_rate")
    stored = Dataset(dataset).figures(indicator="membership_rate")
    assert at.selectbox(key="indicator").value == "membership_rate"
    table = at.dataframe[0].value
    assert len(table) == len(stored) > 0 and set(table["modality"]) == set(stored["modality"])
    assert len(at.get("vega_lite_chart")) == 1
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels == ["Tải CSV · download CSV", "Tải Excel · download Excel"]


@pytest.mark.parametrize(("filters", "expected"), [
    ({"word": "6.107"}, {VINH}),                        # seeds/000 line 27: "hiện có 6.107 doanh nghiệp"
    ({"word": "doan vien cong doan"}, None),            # no tone marks typed: same hits as with them
    ({"title": "phát triển đoàn viên"}, {VINH}),        # seeds/000: the speech's title
    ({"word": "không có trong văn bản nào xyz"}, set()),
])
def test_document_search(dataset, filters, expected):
    at = app_at("page_documents.py")
    for key, value in filters.items():
        at.text_input(key=key).input(value)
    at.run()
    labels = page_link_labels(at)
    if expected is None:  # the folded search finds what the accented one finds
        accented = reads.search_documents(str(dataset), reads.version(dataset), word="đoàn viên công đoàn")
        assert len(labels) == len(accented) > 0
    else:
        assert {org for org in expected if any(org in label for label in labels)} == expected
        assert len(labels) >= len(expected)


def test_document_search_by_organization_and_kind(dataset):
    at = app_at("page_documents.py")
    at.multiselect(key="kind").select("kế hoạch")
    at.run()
    labels = page_link_labels(at)
    assert len(labels) == 1 and "Công đoàn Giáo dục tỉnh Lâm Đồng" in labels[0]  # seeds/002


def test_open_document_marks_every_figure_and_lists_references(dataset):
    vinh = doc_id(dataset, VINH)
    at = app_at("page_documents.py", doc=vinh)
    body = html_of(at)
    figures = Dataset(dataset).figures()
    refs = Dataset(dataset).references()
    assert body.count('<mark class="fig') == (figures["doc_id"] == vinh).sum() > 0
    assert '<mark class="fig" title="value=6107; unit=count' in body  # seeds/000 line 27
    ref_table = next(df.value for df in at.dataframe if "number" in df.value.columns)
    assert len(ref_table) == (refs["doc_id"] == vinh).sum()
    assert "corpus/seeds/000_bf79206f8d7a586e.txt" in "".join(m.value for m in at.markdown)
    assert [b.proto.label for b in at.get("download_button")] == ["Mở tệp nguồn · download the source file"]


def test_document_text_is_escaped(dataset):
    at = app_at("page_documents.py", doc=_xss_doc(dataset))
    body = html_of(at)
    assert "<script" not in body and "<img" not in body
    body = re.sub(r"<mark[^>]*>|</mark>", "", body)  # the extractor may mark the 1 of alert(1)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    assert "&lt;img src=x onerror=alert(1)&gt;" in body


def _xss_doc(db: Path) -> str:
    docs = Dataset(db).documents(path="corpus/xss.txt")
    assert "<script>alert(1)</script>" in docs["text"].iloc[0]  # stored as written
    return docs["doc_id"].iloc[0]


def test_unknown_document_says_so(dataset):
    at = app_at("page_documents.py", doc="0000:9")
    assert "no document '0000:9'" in at.error[0].value


def test_audit_findings_with_arithmetic_and_marked_numbers(dataset):
    at = app_at("page_audit.py")
    summary = at.dataframe[0].value
    assert set(summary.columns) == {"rule", "error", "warning", "info"}
    body = html_of(at)
    # seeds/000: "phát triển mới 2.668 đoàn viên, trung bình phát triển mới mỗi năm là 533 đoàn viên"
    assert "2668 / 5 = 533.6" in body
    assert "<mark>2.668</mark>" in body and "<mark>533</mark>" in body
    assert any("000_bf79206f8d7a586e.txt" in label for label in page_link_labels(at))


def test_audit_filter_by_severity(dataset):
    at = app_at("page_audit.py")
    at.multiselect(key="severities").select("info")
    at.run()
    assert html_of(at).count('class="finding info"') == sum(
        f.severity == "info" for f in reads.findings(str(dataset), reads.version(dataset)))


def test_upload_shows_figures_without_writing(dataset):
    before = reads.version(dataset)
    at = app_at("page_upload.py")
    data = (SEEDS / "002_8a56ceed1e768dfa.txt").read_bytes()
    at.file_uploader(key="upload").upload("ke-hoach.txt", data, "text/plain")
    at.run()
    assert not at.exception
    expected = extract_file("ke-hoach.txt", source="ke-hoach.txt", data=data)
    n = sum(len(ex.figures) for ex in expected.documents)
    assert f"{n} số liệu · figures" in at.success[0].value
    assert len(at.dataframe[0].value) == n
    assert reads.version(dataset) == before


def test_upload_of_a_bad_file_shows_its_error(dataset):
    at = app_at("page_upload.py")
    at.file_uploader(key="upload").upload("broken.pdf", b"%PDF-1.7\n1 0 obj", "application/pdf")
    at.run()
    assert "broken.pdf" in at.error[0].value and not at.button


def test_upload_added_to_the_dataset(dataset, tmp_path, monkeypatch):
    db = tmp_path / "copy.duckdb"
    shutil.copy(dataset, db)
    monkeypatch.setenv(reads.DB_ENV, str(db))
    documents = len(Dataset(db).documents())
    at = app_at("page_upload.py")
    # seeds/001 with a line added: bytes the dataset does not hold yet (a duplicate is stored once)
    data = (SEEDS / "001_2dd21463e6f50625.txt").read_bytes() + "\nTin khác\n".encode()
    at.file_uploader(key="upload").upload("tin.txt", data, "text/plain")
    at.run()
    at.button(key="add").click()
    at.run()
    assert not at.exception and "Đã thêm · added" in at.success[-1].value
    # other bytes, the same speech (issue 20): stored with its provenance, counted once
    stored = Dataset(db, with_duplicates=True).documents()
    assert len(stored) == documents + 1 and "uploads/tin.txt" in set(stored["path"])
    upload = stored[stored["path"] == "uploads/tin.txt"].iloc[0]
    seed = stored[stored["path"] == "corpus/seeds/001_2dd21463e6f50625.txt"].iloc[0]
    assert upload["duplicate_of"] == seed["doc_id"] and len(Dataset(db).documents()) == documents
    assert any("counted once" in info.value for info in at.info)
    assert (tmp_path / "uploads" / "tin.txt").is_file()
    assert Dataset(db).runs()["ingested"].iloc[-1] == 1


# -- pieces ----------------------------------------------------------------------------------------
def test_stored_document_rebuilds_what_extract_made(dataset):
    """The app highlights from stored rows: they must give back the extractor's records."""
    fresh = extract_file(SEEDS / "000_bf79206f8d7a586e.txt").documents[0]
    stored = reads.document(str(dataset), reads.version(dataset), doc_id(dataset, VINH))

    def key(f: Figure) -> tuple:
        return (f.char_start, f.char_end, f.text, f.value, f.unit, f.entity, f.indicator, f.modality,
                f.comparator, f.aggregation, f.period_years, f.deadline_year, f.recurrence, f.sentence,
                f.sentence_start, f.value_max, f.relation, f.denominator, f.ambiguous)

    assert stored.document.text == fresh.document.text
    assert [key(f) for f in stored.figures] == [key(f) for f in sorted(fresh.figures, key=lambda f: (
        f.char_start, f.char_end))]
    assert stored.references == fresh.references


@pytest.mark.parametrize(("typed", "folded"), [
    ("Đoàn viên", "doan vien"),            # GLOSSARY: ĐV
    ("Công đoàn cơ sở", "cong doan co so"),  # GLOSSARY: CĐCS
    ("thỏa ước", "thoa uoc"),              # GLOSSARY: TƯLĐTT
    ("6.107", "6.107"),                    # seeds/000 line 27
])
def test_fold(typed, folded):
    assert reads.fold(typed) == folded


@pytest.mark.parametrize(("text", "word", "expected"), [
    # seeds/000 line 27
    ("Địa bàn thành phố Vinh hiện có 6.107 doanh nghiệp", "doanh nghiep",
     "Địa bàn thành phố Vinh hiện có 6.107 **doanh nghiệp**"),
    ("Địa bàn thành phố Vinh hiện có 6.107 doanh nghiệp", "hợp tác xã", None),
])
def test_snippet(text, word, expected):
    assert snippet(text, word) == expected


@pytest.mark.parametrize(("name", "safe"), [
    ("Kế hoạch 2024.pdf", "Kế_hoạch_2024.pdf"),
    ("../../etc/passwd", "passwd"),
    ("C:\\Users\\a\\báo cáo.docx", "báo_cáo.docx"),
    ("...", "upload"),
])
def test_safe_name(name, safe):
    assert safe_name(name) == safe


def test_save_upload_keeps_a_different_file(tmp_path):
    db = tmp_path / "x.duckdb"
    first = save_upload(db, "a.txt", b"one")
    again = save_upload(db, "a.txt", b"one")
    other = save_upload(db, "a.txt", b"two")
    assert first == again == tmp_path / "uploads" / "a.txt"
    assert other != first and other.read_bytes() == b"two" and first.read_bytes() == b"one"


@pytest.mark.parametrize(("figure_id", "doc"), [
    ("ab12cd34ef56ab12:0:1807", "ab12cd34ef56ab12:0"),
    ("ab12cd34ef56ab12:1:40:1", "ab12cd34ef56ab12:1"),  # a second figure at the same offset
])
def test_doc_id_of(figure_id, doc):
    assert doc_id_of(figure_id) == doc


def test_web_command_is_headless_local_and_without_telemetry():
    cmd = streamlit_command("127.0.0.1", 8600)
    pairs = dict(zip(cmd[5::2], cmd[6::2], strict=False))
    assert cmd[1:4] == ["-m", "streamlit", "run"] and cmd[4].endswith("pipeline/web/app.py")
    assert pairs["--server.headless"] == "true" and pairs["--browser.gatherUsageStats"] == "false"
    assert pairs["--server.address"] == "127.0.0.1" and pairs["--server.port"] == "8600"


def test_web_command_without_dataset_fails(tmp_path, capsys):
    assert main(["web", "--db", str(tmp_path / "none.duckdb")]) == 1
    assert "no such dataset" in capsys.readouterr().err


# -- issue 20: labels, no blending, the browser ------------------------------------------------------
def test_indicators_page_reads_labels_and_never_blends(dataset):
    at = app_at("page_indicators.py", indicator="new_members")
    picker = at.selectbox(key="indicator")
    assert picker.format_func("new_members").startswith("đoàn viên phát triển mới")
    # seeds/000: 2.668 in 5 years and 533 a year are two series, never one mean
    [series] = at.radio
    assert len(series.options) >= 2 and any("bình quân" in o for o in series.options)


def test_browser_facets_filter_and_share_their_url(dataset):
    at = app_at("page_browse.py", org=VINH)
    table = at.dataframe[0].value
    stored = Dataset(dataset).figures(organization=VINH)
    assert len(table) == len(stored) > 0 and set(table["organization"]) == {VINH}
    assert "indicator_label" in table.columns
    facets = {m.label: m for m in at.multiselect}
    assert set(facets) == {"Tổ chức · organization", "Năm · year", "Chỉ tiêu · indicator",
                           "Loại văn bản · kind", "Thực hiện / chỉ tiêu · modality"}
    assert facets["Tổ chức · organization"].value == [VINH]
    facets["Thực hiện / chỉ tiêu · modality"].select("actual")
    at.run()
    assert at.query_params["org"] == VINH and at.query_params["modality"] == "actual"
    assert set(at.dataframe[0].value["modality"]) == {"actual"}
    assert any("browse?org=" in c.value for c in at.caption)


def test_a_duplicate_document_still_opens_by_its_id(dataset, tmp_path, monkeypatch):
    db = tmp_path / "copy.duckdb"
    shutil.copy(dataset, db)
    monkeypatch.setenv(reads.DB_ENV, str(db))
    # seeds/000 re-sent as another file with a line added: stored as a duplicate, still readable
    (tmp_path / "resent.txt").write_bytes((SEEDS / "000_bf79206f8d7a586e.txt").read_bytes() + "\nGửi lại.\n".encode())
    ingest_paths([tmp_path / "resent.txt"], db, quiet=True)
    every = Dataset(db, with_duplicates=True).documents()
    copy = every[every["path"] == "resent.txt"]
    assert copy["duplicate_of"].notna().all()
    at = app_at("page_documents.py", doc=copy["doc_id"].iloc[0])
    assert '<mark class="fig" title="value=6107; unit=count' in html_of(at)
