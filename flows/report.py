"""The markdown report of an ingest run, left as a Prefect artifact (counts: pipeline.run)."""

from __future__ import annotations

from pipeline.ingest import RunSummary
from pipeline.run import RunTally

# Failed files listed one by one in the report; past this the report says how many more.
MAX_LISTED_FAILURES = 50


def _cell(text: str) -> str:
    """Text safe inside a markdown table cell."""
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def run_report_markdown(run_id: str, runner: str, inbox: str, db: str, tally: RunTally | RunSummary) -> str:
    """The run's report: counts, then the quarantined files with their errors."""
    findings = "audit failed (see the run's log)" if tally.findings is None else str(tally.findings)
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
