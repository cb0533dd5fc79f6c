"""A fast, deterministic stand-in for `extractors.extract.extract_file`, for ingest tests
about the store (crash safety, two processes) that must not wait for the NLP models.

Every run of digits becomes a count figure; the file's text is one document. Used in
subprocesses through `python -c "import fake_extract; fake_extract.run_cli(...)"`.
"""

from __future__ import annotations

import hashlib
import os
import re
import sys
import time
from pathlib import Path

from extractors.records import Document, DocumentExtract, Figure, FileResult

NUMBER = re.compile(r"\d+")
# Seconds spent per file, so a subprocess can be killed mid-run (set by the test).
DELAY = float(os.environ.get("CHISO_FAKE_DELAY", "0"))


def fake_extract_file(path, source=None, data=None) -> FileResult:
    source = source if source is not None else str(path)
    data = Path(path).read_bytes() if data is None else data
    if DELAY:
        time.sleep(DELAY)
    if "slow_a_second" in str(path):  # finishes after the files listed after it (2 workers)
        time.sleep(1.5)
    if "slow_forever" in str(path):  # a file that never finishes: only its time budget stops it
        time.sleep(3600)
    if "greedy_memory" in str(path):  # a file that wants 1.5 GB: past a 1 GB memory budget
        hog = bytearray(1536 * 2**20)
        hog[-1] = 1
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return FileResult(source=source, sha256=hashlib.sha256(data).hexdigest(), size=len(data),
                          format=None, status="failed", error=f"{source}: not UTF-8 text")
    doc = Document(source=source, doc_index=0, kind="báo cáo", title=None, organization=None,
                   date=None, text=text, start=0, end=len(text))
    figs = tuple(Figure(char_start=m.start(), char_end=m.end(), text=m.group(), value=float(m.group()),
                        unit="count", sentence=text[max(0, m.start() - 20): m.end() + 20])
                 for m in NUMBER.finditer(text))
    return FileResult(source=source, sha256=hashlib.sha256(data).hexdigest(), size=len(data), format="txt",
                      status="ok", documents=(DocumentExtract(document=doc, figures=figs),))


def install() -> None:
    import pipeline.ingest

    pipeline.ingest.extract_file = fake_extract_file


def run_cli(argv: list[str]) -> None:
    install()
    import pipeline.extract_pool
    from pipeline.cli import main

    # the workers run the stand-in: their forkserver need not load the real models first
    # (10 of the 15 s a CLI with --workers 2 took on 40 files here)
    pipeline.extract_pool.PRELOAD = []

    sys.exit(main(argv))


def dying_extract_file(path, source=None, data=None) -> FileResult:
    """The stand-in, except that a file named `*die*` kills the worker process extracting it
    (as an out-of-memory kill or a segfault in a parser would)."""
    if "die" in Path(path).name:
        os._exit(137)
    return fake_extract_file(path, source, data)


# A file named `*slow*` waits for a file named `go` in its folder, at most this long.
SLOW_MAX_SECONDS = 30.0
LET_GO, GAVE_UP = "slow file: let go", "slow file: gave up waiting for go"


def slow_extract_file(path, source=None, data=None) -> FileResult:
    """The stand-in, except that a file named `*slow*` stands for a long extraction: it waits
    until the test creates `go` beside it (at most SLOW_MAX_SECONDS); its result's warnings say
    whether it was let go (LET_GO) or gave up waiting (GAVE_UP)."""
    if "slow" not in Path(path).name:
        return fake_extract_file(path, source, data)
    go = Path(path).parent / "go"
    deadline = time.monotonic() + SLOW_MAX_SECONDS
    while not go.exists() and time.monotonic() < deadline:
        time.sleep(0.02)
    result = fake_extract_file(path, source, data)
    import dataclasses

    return dataclasses.replace(result, warnings=(LET_GO if go.exists() else GAVE_UP,))
