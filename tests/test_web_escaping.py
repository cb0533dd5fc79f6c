"""Document text and file names reach the web app's Markdown escaped (issue 22 item 8): no link,
image, emphasis, colour directive or formula comes from a document."""

import pytest

from pipeline.web.page_documents import snippet
from pipeline.web.page_frame import md_text


@pytest.mark.parametrize("text", [
    "![x](http://tracker.example/pixel.png)",  # an image: a request to another host
    "[bấm vào đây](javascript:alert(1))",  # a link
    "**đậm** _nghiêng_ `mã` # tiêu đề __gạch__",
    ":red[đỏ] $x^2$ <b>html</b> | bảng |",
    "Công đoàn 'Hoa Sen' \\ ký tự",
])
def test_markdown_specials_are_escaped(text):
    out = md_text(text)
    specials = set("\\`*[]<>$~|")
    i = 0
    while i < len(out):  # every special character is preceded by a backslash
        if out[i] == "\\":
            i += 2
            continue
        assert out[i] not in specials, (text, out, i)
        # an underscore may stay only inside a word, where it emphasizes nothing
        assert out[i] != "_" or (0 < i < len(out) - 1 and out[i - 1].isalnum() and out[i + 1].isalnum()), (out, i)
        i += 1


def test_an_underscore_inside_a_file_name_stays():
    assert md_text("000_bf79206f8d7a586e.txt") == "000_bf79206f8d7a586e.txt"


def test_a_search_snippet_escapes_the_document_but_keeps_its_highlight():
    text = "Đã trao ![quà](http://x.example/a.png) cho 500 đoàn viên."
    hit = snippet(text, "500")
    assert "**500**" in hit
    assert "![" not in hit and "!\\[" in hit  # no image: its bracket is escaped


HOLD_WRITER = """
import sys, time
from pipeline.store import Store
with Store(sys.argv[1]):
    print("locked", flush=True)
    time.sleep(float(sys.argv[2]))
"""


@pytest.mark.server
def test_the_web_app_says_an_ingest_is_running_instead_of_an_error(tmp_path, monkeypatch):
    """While an ingest holds the dataset the app showed a lock error box for the whole ingest."""
    import subprocess
    import sys
    from pathlib import Path

    from streamlit.components.v2 import manifest_scanner
    from streamlit.testing.v1 import AppTest

    import pipeline.web
    from pipeline.store import Store
    from pipeline.web import reads
    from pipeline.web.page_frame import INGEST_RUNNING

    monkeypatch.setattr(manifest_scanner, "scan_component_manifests", lambda *a, **k: [])
    db = tmp_path / "chiso.duckdb"
    Store(db).close()
    monkeypatch.setenv(reads.DB_ENV, str(db))
    holder = subprocess.Popen([sys.executable, "-c", HOLD_WRITER, str(db), "120"], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        at = AppTest.from_file(str(Path(pipeline.web.__file__).parent / "app.py"), default_timeout=120).run()
    finally:
        holder.kill()
        holder.wait()
    assert not at.exception, at.exception
    assert any(INGEST_RUNNING in i.value for i in at.info)
