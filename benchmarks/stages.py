"""Per-stage throughput of the pipeline (read, normalize, segment, extract, store) and the
baselines on the same PDFs: raw pdfplumber, poppler's pdftotext, unstructured (when importable).

Each function runs in its own child process (see measure.in_child) and returns Rows.
"""

from __future__ import annotations

import shutil
import subprocess
import time
from pathlib import Path

from benchmarks.measure import Row, cpu_seconds, peak_rss_mb, rss_mb

STAGES = ("read", "normalize", "segment", "extract", "store")
WARM_UP = "Toàn huyện hiện có 312 công đoàn cơ sở với 24.560 đoàn viên."  # case bao_cao_so_ket_mau
RSS_CHECKPOINTS = (0.25, 0.5, 1.0)  # fractions of the files after which the RSS is sampled


def _words(text: str) -> int:
    return len(text.split())


def pipeline_stages(paths: list[str], db: str, label: str) -> list[Row]:
    """Every stage on every file, one file at a time (as `chiso ingest` streams them)."""
    from extractors.figures import extract_figures
    from extractors.normalize import normalize_document
    from extractors.readers import read
    from extractors.records import DocumentExtract, FileResult
    from extractors.references import extract_references
    from extractors.segment import segment_documents
    from pipeline.store import Store

    secs = dict.fromkeys(STAGES, 0.0)
    cpu = dict.fromkeys(STAGES, 0.0)
    peak = dict.fromkeys(STAGES, 0.0)
    pages = words = 0
    rss_at: dict[str, float] = {}
    checkpoints = {max(1, round(f * len(paths))): f for f in RSS_CHECKPOINTS}

    cpu_at = [time.process_time()]

    def tick(stage: str, started: float) -> float:
        now, cpu_now = time.perf_counter(), time.process_time()
        secs[stage] += now - started
        cpu[stage] += cpu_now - cpu_at[0]
        cpu_at[0] = cpu_now
        peak[stage] = max(peak[stage], rss_mb())
        return now

    started = time.perf_counter()
    extract_figures(WARM_UP)  # loads underthesea's models: once per process, reported on its own row
    warm_up = Row(f"model load, once per process ({label})", time.perf_counter() - started, rss_mb=round(rss_mb()),
                  note="underthesea POS model on the first sentence; not in the stage rows")
    with Store(db) as store:
        run_id = store.start_run("cli")
        for n, path in enumerate(paths, start=1):
            t = time.perf_counter()
            cpu_at[0] = time.process_time()
            raw = read(path)
            t = tick("read", t)
            norm = normalize_document(raw)
            t = tick("normalize", t)
            docs = segment_documents(norm, source=path, meta_title=raw.title, meta_date=raw.date)
            t = tick("segment", t)
            extracts = []
            for doc in docs:
                refs = tuple(extract_references(doc.text))
                figures = tuple(extract_figures(doc.text, doc_kind=doc.kind, references=refs))
                extracts.append(DocumentExtract(document=doc, figures=figures, references=refs,
                                                figure_pages=tuple(norm.page_at(doc.start + f.char_start)
                                                                   for f in figures)))
            t = tick("extract", t)
            result = FileResult(source=path, sha256=raw.sha256, size=raw.size, format=raw.format, status=raw.status,
                                documents=tuple(extracts), pages=raw.pages, warnings=raw.warnings)
            store.write_result(result, run_id)
            tick("store", t)
            pages += raw.pages or 0
            words += _words(norm.text)
            if n in checkpoints:
                rss_at[f"{checkpoints[n]:.0%}"] = round(rss_mb())
    growth = ", ".join(f"{k} of files {v} MB" for k, v in rss_at.items())
    rows = [warm_up] + [Row(f"{stage} ({label})", secs[stage], len(paths), pages or None, words, round(peak[stage]),
                cpu_seconds=cpu[stage]) for stage in STAGES]
    rows.append(Row(f"all stages, 1 process ({label})", sum(secs.values()), len(paths), pages or None, words,
                    round(peak_rss_mb()), note=f"RSS after {growth}", extra={"rss_at": rss_at},
                    cpu_seconds=sum(cpu.values())))
    return rows


def raw_pdfplumber(paths: list[str]) -> list[Row]:
    """pdfplumber's own `page.extract_text()` on every page: the floor of our PDF reader."""
    import pdfplumber

    pages = words = 0
    started, cpu0 = time.perf_counter(), cpu_seconds()
    for path in paths:
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                words += _words(page.extract_text() or "")
                pages += 1
                page.close()
    return [Row("raw pdfplumber extract_text", time.perf_counter() - started, len(paths), pages, words,
                round(peak_rss_mb()), cpu_seconds=cpu_seconds() - cpu0)]


def pdftotext(paths: list[str], pages: int) -> list[Row]:
    """poppler's pdftotext (reading order, no layout analysis of ours) on the same files."""
    exe = shutil.which("pdftotext")
    if exe is None:
        return [Row("poppler pdftotext", note="not installed (Debian: apt-get install poppler-utils)")]
    words = 0
    started = time.perf_counter()
    for path in paths:
        out = subprocess.run([exe, "-q", "-enc", "UTF-8", path, "-"], capture_output=True, check=False)
        words += _words(out.stdout.decode("utf-8", "replace"))
    return [Row("poppler pdftotext", time.perf_counter() - started, len(paths), pages, words,
                round(peak_rss_mb(children=True)), note="one process per file",
                cpu_seconds=cpu_seconds(children=True))]


def unstructured_fast(paths: list[str], pages: int) -> list[Row]:
    """unstructured's partition_pdf(strategy="fast"), only when it is installed (not a dependency)."""
    try:
        from unstructured.partition.pdf import partition_pdf
    except ImportError:
        return [Row('unstructured partition_pdf(strategy="fast")', note="not installed (optional)")]
    words = 0
    started, cpu0 = time.perf_counter(), cpu_seconds()
    for path in paths:
        words += sum(_words(str(el)) for el in partition_pdf(filename=path, strategy="fast"))
    return [Row('unstructured partition_pdf(strategy="fast")', time.perf_counter() - started, len(paths), pages,
                words, round(peak_rss_mb()), cpu_seconds=cpu_seconds() - cpu0)]


def fresh_db(folder: Path, name: str) -> str:
    """A path for a new database in `folder` (any earlier one of that name removed)."""
    db = folder / name
    for stale in (db, db.with_name(db.name + ".wal"), db.with_name(db.name + ".lock")):
        stale.unlink(missing_ok=True)
    return str(db)
