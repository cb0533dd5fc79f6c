"""Screenshots of every page of `chiso web` on the seeds' dataset, for docs/web.md.

    .venv/bin/python scripts/web_screenshots.py --db /tmp/seeds.duckdb   # built from corpus/seeds when missing

Starts `chiso web` on 127.0.0.1 (a free port), drives Debian's Chromium headless through
Playwright (`executable_path`, never `playwright install`), and writes docs/screenshots/*.png.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
# Streamlit starts in 5-40 s on a busy 2-core machine.
START_TIMEOUT = 120
# Long enough for a page's script run, its chart and the spaCy model on first use.
PAGE_TIMEOUT_MS = 180_000
# Window width; a page taller than MAX_HEIGHT is cut there (the document page scrolls inside its box).
WIDTH, MAX_HEIGHT = 1400, 2600
logger = logging.getLogger("web_screenshots")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def build_dataset(db: Path) -> None:
    """Copy the seeds beside the database (so stored paths read corpus/seeds/…), ingest, audit."""
    from pipeline.audit import run_audit
    from pipeline.audit.model import CONSISTENT
    from pipeline.audit.storage import replace_findings
    from pipeline.ingest import ingest_paths
    from pipeline.store import Store

    seeds = db.parent / "corpus" / "seeds"
    shutil.copytree(ROOT / "corpus" / "seeds", seeds, dirs_exist_ok=True)
    ingest_paths(sorted(seeds.glob("*.txt")), db, quiet=True)
    with Store(db) as store:
        replace_findings(store.con, [f for f in run_audit(store.con) if f.outcome != CONSISTENT])


@contextlib.contextmanager
def running_app(db: Path):
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "pipeline", "web", "--db", str(db), "--port", str(port),
                             "--quiet"], cwd=ROOT, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            try:
                with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as resp:
                    if resp.status == 200:
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"chiso web did not start on {url}")
            time.sleep(0.5)
        yield url
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)


def settle(page) -> None:  # noqa: ANN001 - a Playwright page
    """Wait until Streamlit has finished running the page's script."""
    page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']",
                           timeout=PAGE_TIMEOUT_MS)
    page.wait_for_timeout(1500)  # charts draw after the script ends


def shoot(page, name: str) -> Path:  # noqa: ANN001
    """The whole page: Streamlit scrolls inside its main block, so grow the window to fit it."""
    height = page.evaluate("document.querySelector('[data-testid=stMain]').scrollHeight")
    page.set_viewport_size({"width": WIDTH, "height": min(max(height, 900), MAX_HEIGHT)})
    page.wait_for_timeout(1500)
    path = OUT / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    page.set_viewport_size({"width": WIDTH, "height": 900})
    logger.info("wrote %s", path)
    return path


def take_all(url: str, upload: Path) -> list[Path]:
    from playwright.sync_api import sync_playwright

    shots = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        page = browser.new_page(viewport={"width": WIDTH, "height": 900})
        page.set_default_timeout(PAGE_TIMEOUT_MS)
        page.goto(url + "/")
        page.get_by_text("Lần nạp gần nhất").wait_for()
        settle(page)
        shots.append(shoot(page, "overview"))
        page.goto(url + "/indicators?indicator=membership_rate")
        page.get_by_text("Tải Excel").wait_for()
        settle(page)
        shots.append(shoot(page, "indicators"))
        page.goto(url + "/documents")
        page.get_by_text("văn bản · documents").first.wait_for()
        settle(page)
        shots.append(shoot(page, "documents_search"))
        page.get_by_role("link", name="Liên đoàn Lao động thành phố Vinh").first.click()
        page.locator("mark.fig").first.wait_for()
        settle(page)
        shots.append(shoot(page, "document"))
        page.goto(url + "/audit")
        page.locator(".finding").first.wait_for()
        settle(page)
        shots.append(shoot(page, "audit"))
        page.goto(url + "/upload")
        page.locator("input[type=file]").set_input_files(str(upload))
        page.get_by_text("số liệu · figures").first.wait_for()
        settle(page)
        shots.append(shoot(page, "upload"))
        browser.close()
    return shots


def main() -> int:
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--db", type=Path, default=Path("/tmp/chiso-screenshots/chiso.duckdb"))
    args = p.parse_args()
    db = args.db.resolve()
    if not db.exists():
        db.parent.mkdir(parents=True, exist_ok=True)
        build_dataset(db)
    OUT.mkdir(parents=True, exist_ok=True)
    with running_app(db) as url:
        take_all(url, ROOT / "corpus" / "seeds" / "002_8a56ceed1e768dfa.txt")
    return 0


if __name__ == "__main__":
    sys.exit(main())
