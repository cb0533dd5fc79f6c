"""`make bench`: the throughput of every stage, side by side with raw pdfplumber, pdftotext and
unstructured, the re-run on an unchanged corpus, 1 against 2 workers, the Prefect flow against
plain `chiso ingest`, the flow's default runner against Dask (benchmarks/flow_overhead.runner_rows); then the
goals of issues 7 and 21 as measured.

    python -m benchmarks.run [--docs N] [--small] [--corpus DIR] [--sample-pages 1000] [--flow-files 200]
                             [--repeats 5] [--no-flow]

The stage rows and the other tools (raw pdfplumber, pdftotext, unstructured) run on the same
deterministic sample of the corpus's files (every k-th file, about `--sample-pages` PDF pages:
raw pdfplumber alone reads 2 pages/s here, 45 minutes for the whole default corpus); the end-to-end
rows (1 and 2 workers, the re-run) run on the whole corpus.

Prints a Markdown table (docs/performance.md quotes it) to stdout, progress to stderr.
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import os
import platform
import shutil
import sys
import tempfile
from pathlib import Path

from benchmarks import end_to_end, flow_overhead, formats, long_sentence, stages
from benchmarks.corpus import SMALL_DOCS, build_corpus
from benchmarks.measure import Row, in_child

logger = logging.getLogger("benchmarks")

COLUMNS = ("measurement", "files", "pages", "words", "seconds", "CPU s", "pages/s", "words/s", "peak RSS MB",
           "note")
# Goals of issue 7.
GOAL_PAGES_PER_S = 15.0
GOAL_PER_CORE_VS_PLUMBER = 1.5
GOAL_RERUN_S_PER_1000 = 2.0
GOAL_FLOW_RATIO = 1.3
GOAL_DASK_RATIO = 1.2  # issue 21: the flow on a local Dask cluster / its default runner, same files
SAMPLE_PAGES = 1000


def pdf_pages(path: str) -> int:
    import pypdfium2

    pdf = pypdfium2.PdfDocument(path)
    try:
        return len(pdf)
    finally:
        pdf.close()


def sample_stride(total_pages: int, sample_pages: int) -> int:
    """Every how many files the sample takes one, for about `sample_pages` of `total_pages`
    (1: every file; `sample_pages` 0 means every file)."""
    if sample_pages <= 0 or total_pages <= sample_pages:
        return 1
    return max(1, round(total_pages / sample_pages))


def machine() -> str:
    cpu = next((ln.split(":", 1)[1].strip() for ln in Path("/proc/cpuinfo").read_text().splitlines()
                if ln.startswith("model name")), platform.processor() or "unknown CPU")
    mem = next((int(ln.split()[1]) for ln in Path("/proc/meminfo").read_text().splitlines()
                if ln.startswith("MemTotal")), 0)
    return f"{os.cpu_count()} cores (nproc), {cpu}, {mem / 2**20:.1f} GB RAM, Python {platform.python_version()}"


def load_average() -> str:
    return " / ".join(f"{x:.2f}" for x in os.getloadavg()) + " (1 / 5 / 15 min)"


def _fmt(x: float | int | None, digits: int = 1) -> str:
    if x is None:
        return "—"
    if isinstance(x, int):
        return f"{x:,}"
    return f"{x:,.{digits}f}"


def table(rows: list[Row]) -> str:
    lines = ["| " + " | ".join(COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
    for r in rows:
        cells = (r.name, _fmt(r.files or None), _fmt(r.pages), _fmt(r.words), _fmt(r.seconds, 2),
                 _fmt(r.cpu_seconds, 2),
                 _fmt(r.pages_per_s), _fmt(r.words_per_s, 0), _fmt(r.rss_mb, 0), r.note)
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _row(rows: list[Row], prefix: str) -> Row | None:
    return next((r for r in rows if r.name.startswith(prefix) and r.seconds), None)


def goals(rows: list[Row], docs: int) -> list[str]:
    """Each goal of issue 7 with the measured value and met / missed."""
    out = []

    def verdict(ok: bool) -> str:
        return "met" if ok else "MISSED"

    two, plumber = _row(rows, "end to end, 2"), _row(rows, "raw pdfplumber")
    one = _row(rows, "all stages, 1 process (PDF)")  # the same PDFs as raw pdfplumber, by construction
    if two and two.pages_per_s:
        line = (f"end to end, 2 workers: {two.pages_per_s:.1f} pages/s wall clock (goal >= {GOAL_PAGES_PER_S:.0f}): "
                f"{verdict(two.pages_per_s >= GOAL_PAGES_PER_S)}")
        if two.cpu_seconds and two.pages:
            cpu_rate = 2 * two.pages / two.cpu_seconds  # what two otherwise idle cores would give
            line += f"; from CPU time, two idle cores would give {cpu_rate:.1f} pages/s: {verdict(cpu_rate >= GOAL_PAGES_PER_S)}"
        out.append(line)
    if one and plumber and one.seconds and plumber.seconds:
        ratio = one.seconds / plumber.seconds
        line = (f"per core, every stage in 1 process / raw pdfplumber on the same {plumber.pages or 0:,} pages: "
                f"{ratio:.2f}x wall clock (goal <= {GOAL_PER_CORE_VS_PLUMBER}x): "
                f"{verdict(ratio <= GOAL_PER_CORE_VS_PLUMBER)}")
        if one.cpu_seconds and plumber.cpu_seconds:
            cpu_ratio = one.cpu_seconds / plumber.cpu_seconds
            line += f"; {cpu_ratio:.2f}x in CPU time: {verdict(cpu_ratio <= GOAL_PER_CORE_VS_PLUMBER)}"
        out.append(line)
    cli, inproc = _row(rows, "chiso ingest, re-run on unchanged"), _row(rows, "ingest_paths, re-run")
    if inproc and inproc.seconds:
        per_1000 = inproc.seconds * 1000 / docs
        out.append(f"ingest_paths, re-run on unchanged corpus: {inproc.seconds:.2f} s for {docs} documents "
                   f"({inproc.files} files), {per_1000:.2f} s per 1,000 documents if it grew linearly "
                   f"(goal < {GOAL_RERUN_S_PER_1000:.0f} s): {verdict(per_1000 < GOAL_RERUN_S_PER_1000)}")
    if cli and cli.seconds:
        # the interpreter's start and the imports do not grow with the corpus: only the run does
        run_s = inproc.seconds if inproc and inproc.seconds else None
        if docs >= 1000:
            estimate, how = cli.seconds, "measured"
        elif run_s is not None:
            start_up = max(0.0, cli.seconds - run_s)
            estimate, how = start_up + run_s * 1000 / docs, f"start-up {start_up:.2f} s + the run grown linearly"
        else:
            estimate, how = cli.seconds * 1000 / docs, "grown linearly"
        line = (f"chiso ingest, re-run on unchanged corpus: {cli.seconds:.2f} s wall clock for {docs} documents "
                f"({cli.files} files); for 1,000 documents {estimate:.2f} s ({how}) "
                f"(goal < {GOAL_RERUN_S_PER_1000:.0f} s): {verdict(estimate < GOAL_RERUN_S_PER_1000)}")
        samples = cli.extra.get("samples") or []
        if len(samples) > 1:
            line += (f"; median of {len(samples)} runs, {min(samples):.2f}-{max(samples):.2f} s, "
                     f"{sum(s < GOAL_RERUN_S_PER_1000 for s in samples)} of {len(samples)} under the goal")
        floor = _row(rows, "floor: new interpreter")
        if floor and floor.seconds:
            line += (f"; in the same minutes, DuckDB's start alone (interpreter + import + open, not paid "
                     f"when nothing changed) median {floor.seconds:.2f} s")
        opened = _row(rows, "chiso ingest, re-run that opens")
        if opened and opened.seconds:
            line += f", a re-run that opens the database median {opened.seconds:.2f} s"
        out.append(line)
    flow = _row(rows, "Prefect flow")
    if flow and "ratio" in flow.extra:
        out.append(f"Prefect flow / plain (chiso ingest then chiso audit, what the flow does): "
                   f"{flow.extra['ratio']:.2f}x (goal <= {GOAL_FLOW_RATIO}x): "
                   f"{verdict(flow.extra['ratio'] <= GOAL_FLOW_RATIO)}")
    own, running = _row(rows, "flow runners: Dask, its own"), _row(rows, "flow runners: Dask, a running")
    if own and "ratio" in own.extra:
        line = (f"Prefect flow on Dask / its default runner (issue 21), a LocalCluster per run: "
                f"{own.extra['ratio']:.2f}x (goal <= {GOAL_DASK_RATIO}x): {verdict(own.extra['ratio'] <= GOAL_DASK_RATIO)}")
        line += f", {own.extra['cost_per_file'] * 1000:+.0f} ms per file"
        if running and "ratio" in running.extra:
            line += f"; on a running cluster {running.extra['ratio']:.2f}x"
        trip = _row(rows, "Dask scheduler")
        if trip and "scheduler_s_per_file" in trip.extra:
            line += f"; the scheduler alone {trip.extra['scheduler_s_per_file'] * 1000:.2f} ms per file"
        out.append(line)
    longer = _row(rows, f"long sentence {long_sentence.FACTOR}x")
    if longer and "ratio" in longer.extra:
        out.append(f"long sentence (issue 18): {long_sentence.FACTOR}x the text takes {longer.extra['ratio']:.1f}x "
                   f"the CPU time (goal <= {long_sentence.GOAL_RATIO:.0f}x): "
                   f"{verdict(longer.extra['ratio'] <= long_sentence.GOAL_RATIO)}")
    allst = _row(rows, "all stages")
    if allst and allst.extra.get("rss_at"):
        at = list(allst.extra["rss_at"].values())
        growth = at[-1] - at[0]
        out.append(f"RSS from the first quarter of the files to the end: {at[0]} -> {at[-1]} MB "
                   f"(+{growth} MB; goal: flat): {verdict(growth <= max(50, 0.15 * at[0]))}")
    return out


def _safe(rows: list[Row], name: str, fn, *args, timeout: float = 3600) -> None:
    """Append fn's rows (run in a child process); a failure becomes a row that says so."""
    logger.info("bench: %s ...", name)
    try:
        rows.extend(in_child(fn, *args, timeout=timeout))
    except RuntimeError as err:
        logger.warning("bench: %s failed: %s", name, err)
        rows.append(Row(name, note=f"failed: {str(err).splitlines()[0][:120]}"))


def run_all(corpus: Path, work: Path, docs: int, flow_files: int, with_flow: bool,
            sample_pages: int = SAMPLE_PAGES, repeats: int = end_to_end.RERUN_REPEATS) -> list[Row]:
    from pipeline.ingest import iter_ingest_files

    build_corpus(corpus, docs)
    listed = list(iter_ingest_files([str(corpus)]))
    pdfs = [p for p in listed if p.endswith(".pdf")]
    others = [p for p in listed if not p.endswith(".pdf")]
    stride = sample_stride(sum(pdf_pages(p) for p in pdfs), sample_pages)
    sample = pdfs[::stride]
    rows: list[Row] = []
    _safe(rows, "pipeline stages (PDF)", stages.pipeline_stages, sample, stages.fresh_db(work, "stages.duckdb"),
          "PDF")
    pages = next((r.pages for r in rows if r.pages), 0) or 0
    for fmt in ("docx", "html"):
        files = [p for p in others if p.endswith(f".{fmt}")][::stride]
        if files:
            _safe(rows, f"pipeline stages ({fmt})", _all_stages_only, files,
                  stages.fresh_db(work, f"stages-{fmt}.duckdb"), fmt.upper())
    _safe(rows, "raw pdfplumber", stages.raw_pdfplumber, sample)
    _safe(rows, "pdftotext", stages.pdftotext, sample, pages)
    _safe(rows, "unstructured", stages.unstructured_fast, sample, pages)
    if stride > 1:
        for row in rows:
            row.note = "; ".join(filter(None, [f"sample: 1 file in {stride}", row.note]))
    _safe(rows, "long sentence", long_sentence.measure)
    _safe(rows, "formats (OCR, LibreOffice)", formats.measure)
    _safe(rows, "1 worker", end_to_end.workers_run, pdfs, stages.fresh_db(work, "w1.duckdb"), 1, "PDF")
    db = stages.fresh_db(work, "w2.duckdb")
    _safe(rows, "2 workers", end_to_end.workers_run, pdfs, db, 2, "PDF")
    _safe(rows, "re-run", end_to_end.rerun_rows, str(corpus), db, len(listed), repeats)
    if with_flow:
        flow_in = work / "flow_in"
        flow_in.mkdir(exist_ok=True)
        chosen = pdfs[:flow_files]
        for p in chosen:
            target = flow_in / Path(p).name
            if not target.exists():
                os.link(p, target)
        _safe(rows, "flow vs plain", end_to_end.plain_vs_flow, str(flow_in), str(work), len(chosen), timeout=7200)
        _safe(rows, "flow runners", flow_overhead.runner_rows, str(flow_in), str(work), len(chosen), timeout=7200)
    else:
        rows.append(Row("Prefect flow ingest-inbox", note="skipped (--no-flow)"))
    return rows


def _all_stages_only(paths: list[str], db: str, label: str) -> list[Row]:
    """The one-process total of every stage for a non-PDF format (its per-stage rows are left out)."""
    return [r for r in stages.pipeline_stages(paths, db, label) if r.name.startswith(("read ", "all stages"))]


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--docs", type=int, default=1000, help="documents in the generated corpus (default 1000)")
    p.add_argument("--small", action="store_true", help=f"a quick run on {SMALL_DOCS} documents")
    p.add_argument("--corpus", metavar="DIR", help="build the corpus here (reused when already built) and keep it")
    p.add_argument("--sample-pages", type=int, default=SAMPLE_PAGES, metavar="N",
                   help=f"PDF pages (about) of the sample the stage rows and the other tools read "
                        f"(default {SAMPLE_PAGES}; 0: the whole corpus)")
    p.add_argument("--flow-files", type=int, default=200, help="PDFs for the Prefect flow comparison (200)")
    p.add_argument("--no-flow", action="store_true", help="skip the Prefect flow comparison")
    p.add_argument("--repeats", type=int, default=end_to_end.RERUN_REPEATS, metavar="N",
                   help=f"rounds of the CLI's re-run, its floor (DuckDB's start) and a re-run that opens the "
                        f"database; medians are printed "
                        f"(default {end_to_end.RERUN_REPEATS})")
    args = p.parse_args(argv)
    if args.docs < 1 or args.flow_files < 1 or args.sample_pages < 0 or args.repeats < 1:
        p.error("--docs, --flow-files and --repeats must be at least 1, --sample-pages at least 0")
    logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stderr)
    docs = SMALL_DOCS if args.small else args.docs
    work = Path(tempfile.mkdtemp(prefix="chiso-bench-"))
    corpus = Path(args.corpus) if args.corpus else work / "corpus"
    load_before = load_average()
    try:
        rows = run_all(corpus, work, docs, args.flow_files, not args.no_flow, args.sample_pages, args.repeats)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"Chỉ Số benchmark, {dt.datetime.now():%Y-%m-%d %H:%M}: {docs} documents")
    print(f"command: python -m benchmarks.run {' '.join(argv if argv is not None else sys.argv[1:])}".rstrip())
    print(f"machine: {machine()}")
    print(f"load average: before {load_before}; after {load_average()}\n")
    print(table(rows))
    print("\nGoals (issue 7):")
    for line in goals(rows, docs):
        print(f"- {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
