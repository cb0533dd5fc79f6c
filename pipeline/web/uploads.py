"""The Upload page's work: extract a dropped file from its bytes, and (on request) add it to
the dataset. Adding is the app's one write path: the file is saved under `uploads/` beside the
database and ingested with `pipeline.ingest.ingest_paths`, like `chiso ingest` would."""

from __future__ import annotations

import hashlib
import logging
import re
import unicodedata
from pathlib import Path

from extractors.extract import extract_file
from extractors.records import FileResult
from pipeline.ingest import RunSummary, ingest_paths
from pipeline.store.errors import StoreNotFound
from pipeline.web.reads import DB_GUARD

logger = logging.getLogger(__name__)

# Extensions the uploader accepts (the readers' formats; .doc is refused with a hint by the reader).
UPLOAD_TYPES = ("pdf", "docx", "doc", "rtf", "odt", "html", "htm", "txt", "md", "xlsx", "xls", "ods", "jpg", "jpeg",
                "png", "tif", "tiff")
UPLOAD_FOLDER = "uploads"
# Characters kept in a saved file name: letters (any script), digits, dot, dash, underscore.
_UNSAFE = re.compile(r"[^\w.\-]+", re.UNICODE)
# The run is recorded with this runner (the store accepts cli | prefect | prefect-dask).
RUNNER = "cli"


class UploadError(Exception):
    """An upload could not be saved or added to the dataset."""


def safe_name(name: str) -> str:
    """A file name safe to write: no folders, no '..', spaces and odd characters → '_'."""
    base = unicodedata.normalize("NFC", Path(name.replace("\\", "/")).name)
    base = _UNSAFE.sub("_", base).strip("._") or "upload"
    return base[:120]


def extract_upload(name: str, data: bytes) -> FileResult:
    """Documents, figures and references of an uploaded file, without touching the dataset."""
    return extract_file(name, source=name, data=data)


def save_upload(db: Path, name: str, data: bytes) -> Path:
    """Write the bytes to `<db folder>/uploads/<name>`; a different file already there keeps
    its name and this one gets a hash prefix."""
    folder = db.parent / UPLOAD_FOLDER
    target = folder / safe_name(name)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        if target.exists() and target.read_bytes() != data:
            target = folder / f"{hashlib.sha256(data).hexdigest()[:8]}-{target.name}"
        target.write_bytes(data)
    except OSError as err:
        raise UploadError(f"{target}: cannot save the upload: {err.strerror or err}") from err
    return target


def add_upload(db: Path, name: str, data: bytes) -> tuple[Path, RunSummary]:
    """Save the upload and ingest it into `db` (a write connection only for this)."""
    if not db.exists():
        raise UploadError(str(StoreNotFound(str(db))))
    path = save_upload(db, name, data)
    with DB_GUARD:
        summary = ingest_paths([path], db, quiet=True, runner=RUNNER)
    logger.info("upload %s: %s", path, summary.line())
    return path, summary
