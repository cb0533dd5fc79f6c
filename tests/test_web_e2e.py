"""End to end: `chiso web` on 127.0.0.1, opened in headless Chromium (Debian's, driven by
Playwright with `executable_path`; never `playwright install`): click to a document, see its
figures marked, save a screenshot. Skipped when Chromium or Playwright is missing."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from pipeline.ingest import ingest_paths

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
ROOT = Path(__file__).resolve().parent.parent
# seeds/000_bf79206f8d7a586e.txt: the Vinh speech (line 27: "hiện có 6.107 doanh nghiệp")
SEED = ROOT / "corpus" / "seeds" / "000_bf79206f8d7a586e.txt"
# Streamlit starts in 5-40 s on a busy 2-core machine; the first document page loads spaCy.
START_TIMEOUT = 120
PAGE_TIMEOUT_MS = 180_000

pytestmark = [
    pytest.mark.server,
    pytest.mark.integration,
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="Debian chromium is not installed"),
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_healthy(url: str, proc: subprocess.Popen) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        assert proc.poll() is None, "chiso web exited before serving"
        try:
            with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as resp:
                if resp.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise AssertionError(f"chiso web did not answer on {url} within {START_TIMEOUT} s")


@pytest.fixture(scope="module")
def app_url(tmp_path_factory):
    root = tmp_path_factory.mktemp("web_e2e")
    shutil.copy(SEED, root / SEED.name)
    db = root / "chiso.duckdb"
    ingest_paths([root / SEED.name], db, quiet=True)
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "pipeline", "web", "--db", str(db), "--port", str(port),
                             "--host", "127.0.0.1", "--quiet"], cwd=root, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(url, proc)
        yield url
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def test_click_to_a_document_and_screenshot(app_url, tmp_path):
    sync_api = pytest.importorskip("playwright.sync_api")
    shot = tmp_path / "document.png"
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            page = browser.new_page(viewport={"width": 1300, "height": 900})
            page.set_default_timeout(PAGE_TIMEOUT_MS)
            page.goto(app_url + "/")
            page.get_by_text("Tổng quan · Overview").first.wait_for()
            page.get_by_role("link", name="Văn bản · Documents").click()
            page.get_by_role("link", name="Liên đoàn Lao động thành phố Vinh").first.click()
            first = page.locator("mark.fig").first
            first.wait_for()
            assert "/documents" in page.url
            assert page.locator("mark.fig").count() >= 5
            assert "value=6107; unit=count" in page.locator("mark.fig", has_text="6.107").first.get_attribute(
                "title")
            page.screenshot(path=str(shot))
        finally:
            browser.close()
    assert shot.stat().st_size > 10_000 and shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
