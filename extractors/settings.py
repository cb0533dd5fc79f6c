"""Chỉ Số's tuning settings, in one frozen object with documented defaults (`SETTINGS`).

Every number below was chosen by measurement; the comment says how. Code reads them as
`SETTINGS.batch_files`; a caller that needs other values (a test, a benchmark) builds
`dataclasses.replace(SETTINGS, …)` and passes it where a function takes `settings=`.
It lives in `extractors` (the lowest layer) so that every layer can read the same object.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Settings:
    # -- figures (extractors/figures.py) --------------------------------------------------------
    # Characters before a number read for qualifiers and "not a figure" cues: `từ … trở lên`,
    # `không vượt quá`, `lần thứ` all fit in 40 with the words around them.
    near_chars: int = 40
    # Longest digit string that can be a count; longer ones are phone or account numbers
    # (the largest count in the corpus, 11,200,000 union members, has 8 digits).
    max_plain_digits: int = 8
    # -- comparison keys (extractors/figure_keys.py) ---------------------------------------------
    # How far before a figure its clause may name its time or organization: a flattened table's
    # long sentence must not make each figure read all of it (cost stays linear).
    clause_reach: int = 400
    # A paragraph's subject stands in its first characters (`Công đoàn cơ sở Công ty X là …`).
    lead_reach: int = 60
    # Where a year-end review says it is one (`Tổng kết …` in its title, `Năm qua, …` in its first
    # section): the opening of a report after its header, about a heading and a sentence.
    review_opening_chars: int = 400
    # -- segmentation (extractors/segment.py) -----------------------------------------------------
    # Body a document needs before another heading may open a new one: a title spread over several
    # capitalized lines is never split; the seeds' speeches are 5,000+ characters.
    min_document_chars: int = 800
    # How far into a document its kind heading may stand (letterheads come first).
    head_zone_chars: int = 600
    # -- ingest (pipeline/ingest.py) ---------------------------------------------------------------
    # Results written per transaction: a commit costs the writer 20-80 ms of CPU here, a batch's
    # inserts a few ms per table. A batch is written when it holds batch_files results or its oldest
    # waited batch_seconds: a crash loses at most that much finished work (re-extracted next run).
    batch_files: int = 25
    batch_seconds: float = 5.0
    # While a long file extracts, the writer wakes this often to commit what finished meanwhile.
    heartbeat_seconds: float = 0.25
    # Files submitted to each worker process and not yet handed back: a long file at the head of
    # the queue no longer idles the other worker (8 measured best on 83 files, 2 workers).
    in_flight_per_worker: int = 8
    # Each file's budget in a worker process. Time: the seeds take 0.1-1 s, a 1,000-page PDF about
    # 2 minutes; past 10 minutes a file is stuck (a 30 MB HTML page ran for 9+ minutes before this
    # budget). Memory: the address space a worker may use; a warmed worker is about 290 MB, so 2 GB
    # leaves room for a 1,000-page PDF while a 44 MB DOCX or a zip bomb fails alone instead of
    # taking the machine's memory.
    file_seconds: float = 600.0
    file_memory_mb: int = 2048
    # After its time budget a worker gets this long to stop by itself before it is killed.
    kill_grace_seconds: float = 30.0
    # -- the Prefect flow (flows/ingest.py) --------------------------------------------------------
    # A task run costs Prefect about a third of a second of CPU on 2 cores, more than a short
    # report takes to extract: files go in tasks of at most max_files_per_task, few enough that each
    # worker still gets about tasks_per_worker of them (the UI shows progress).
    max_files_per_task: int = 25
    tasks_per_worker: int = 4


SETTINGS = Settings()


@dataclass(frozen=True)
class Budget:
    """What one file may take in a worker process: seconds of time, megabytes of address space
    (chiso ingest --file-timeout, --file-memory)."""

    seconds: float = SETTINGS.file_seconds
    memory_mb: int = SETTINGS.file_memory_mb
