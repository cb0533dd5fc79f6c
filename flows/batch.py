"""One batch of files extracted, in plain Python (no Prefect): what a Prefect task thread and a Dask
worker process both run.

This module imports neither Prefect nor Dask, so a Dask worker that unpickles `extract_batch`
loads the extractors and nothing of Prefect: it never starts a Prefect server or client.
"""

from __future__ import annotations

import errno
from collections.abc import Callable
from dataclasses import dataclass

from extractors.records import FileResult
from pipeline.ingest import failed_file

# errno values of I/O that may succeed when tried again (busy or flaky disks, network shares).
TRANSIENT_ERRNOS = frozenset(
    getattr(errno, name) for name in (
        "EAGAIN", "EWOULDBLOCK", "EINTR", "EIO", "EBUSY", "ETIMEDOUT", "ESTALE", "ENOLCK",
        "ECONNRESET", "ECONNABORTED", "ENETDOWN", "ENETUNREACH", "EHOSTUNREACH", "EREMOTEIO",
    ) if hasattr(errno, name)
)


def is_transient_error(exc: BaseException | None) -> bool:
    """True for I/O errors worth retrying; False for a corrupt, missing or forbidden file."""
    if isinstance(exc, TimeoutError | ConnectionError):
        return True
    return isinstance(exc, OSError) and exc.errno in TRANSIENT_ERRNOS


@dataclass(frozen=True)
class TransientFailure:
    """A file of a batch whose extraction raised a transient I/O error: to be tried again alone."""

    path: str
    error: str


def failed_result(path: str, sha256: str | None, exc: BaseException) -> FileResult:
    """The quarantine record of a file whose extraction failed for good (retries spent, or not retryable)."""
    message = str(exc) if path in str(exc) else f"{path}: {exc}"
    return failed_file(path, f"{message} ({type(exc).__name__})", sha256)


def extract_path(path: str) -> FileResult:
    from extractors.extract import extract_file

    return extract_file(path)


def extract_batch(paths: list[str],
                  extract: Callable[[str], FileResult] | None = None) -> list[FileResult | TransientFailure]:
    """Read → normalize → segment → extract each file of a batch, one after the other (`extract`,
    default `extractors.extract.extract_file`). A bad file gives a failed FileResult; a transient
    I/O error gives a TransientFailure, for the flow to try that file again alone; one file never
    fails its batch. Module level: Dask workers receive it by name."""
    extract = extract or extract_path
    outcomes: list[FileResult | TransientFailure] = []
    for path in paths:
        try:
            outcomes.append(extract(path))
        except Exception as exc:  # noqa: BLE001 - any failure of one file is that file's record
            if is_transient_error(exc):
                outcomes.append(TransientFailure(path, f"{exc} ({type(exc).__name__})"))
            else:
                outcomes.append(failed_result(path, None, exc))
    return outcomes
