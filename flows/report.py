"""What an ingest run did: running counts, and the markdown report left as a Prefect artifact."""

from __future__ import annotations

from dataclasses import dataclass, field

from extractors.records import FileResult

# Failed files listed one by one in the report; past this the report says how many more.
MAX_LISTED_FAILURES = 50


@dataclass
class RunTally:
    """Counts of one run, added up file by file as results are written."""

    files_seen: int = 0
    skipped: int = 0
    ingested: int = 0
    failed: int = 0
    documents: int = 0
    figures: int = 0
    references: int = 0
    findings: int | None = None  # None when the audit is not installed
    failures: list[tuple[str, str]] = field(default_factory=list)

    def add(self, result: FileResult) -> None:
        """Count one written result; like `chiso ingest`, anything but `ok` (failed, needs_ocr) failed."""
        if result.status != "ok":
            self.failed += 1
            self.failures.append((result.source, result.error or f"{result.source}: {result.status}"))
            return
        self.ingested += 1
        self.documents += len(result.documents)
        self.figures += sum(len(d.figures) for d in result.documents)
        self.references += sum(len(d.references) for d in result.documents)

    def counts(self) -> dict[str, int]:
        """The `runs` row counts (Store.finish_run)."""
        return {"files_seen": self.files_seen, "skipped": self.skipped, "ingested": self.ingested,
                "failed": self.failed, "documents": self.documents, "figures": self.figures,
                "references": self.references, "findings": self.findings or 0}

    def summary_line(self) -> str:
        line = (f"{self.files_seen} files seen, {self.skipped} skipped (unchanged), {self.ingested} ingested, "
                f"{self.failed} failed; {self.documents} documents, {self.figures} figures, "
                f"{self.references} references")
        if self.findings is not None:
            line += f"; {self.findings} new audit findings"
        return line


def _cell(text: str) -> str:
    """Text safe inside a markdown table cell."""
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def run_report_markdown(run_id: str, runner: str, inbox: str, db: str, tally: RunTally) -> str:
    """The run's report: counts, then the quarantined files with their errors."""
    findings = "audit not installed" if tally.findings is None else str(tally.findings)
    lines = [
        f"# Chỉ Số ingest run `{run_id}`",
        "",
        f"Inbox `{inbox}` → dataset `{db}` (runner `{runner}`)",
        "",
        "| | count |",
        "|---|---:|",
        f"| files seen | {tally.files_seen} |",
        f"| skipped (unchanged) | {tally.skipped} |",
        f"| ingested | {tally.ingested} |",
        f"| failed (quarantined) | {tally.failed} |",
        f"| documents | {tally.documents} |",
        f"| figures | {tally.figures} |",
        f"| references | {tally.references} |",
        f"| new audit findings | {findings} |",
    ]
    if tally.failures:
        lines += ["", "## Quarantined files", "",
                  "Recorded in the `files` table with their status and error; every run tries them "
                  "again, so a fixed or replaced file goes in by itself.", "", "| file | error |", "|---|---|"]
        lines += [f"| {_cell(path)} | {_cell(error)} |" for path, error in tally.failures[:MAX_LISTED_FAILURES]]
        if len(tally.failures) > MAX_LISTED_FAILURES:
            lines.append(f"| … | {len(tally.failures) - MAX_LISTED_FAILURES} more |")
    return "\n".join(lines) + "\n"
