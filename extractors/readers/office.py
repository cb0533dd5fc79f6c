"""Legacy and OpenDocument office files through LibreOffice headless: `.doc`, `.rtf`, `.odt` → DOCX,
`.xls`, `.ods` → XLSX; the result is then read by the DOCX or spreadsheet reader, so headers, tables
and headings keep their structure.

Each call runs `soffice --headless --convert-to …` in a fresh temporary folder with its own
LibreOffice profile (`-env:UserInstallation=file:///tmp/…`: two conversions at once never share a
profile, and a crashed one leaves no lock behind), under a time limit. Failures are ReadErrors that
name the file: LibreOffice missing (with the install hint), timed out, or unable to convert.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from extractors.records import CorruptFile, ReadError, UnsupportedFormat

logger = logging.getLogger(__name__)

# Seconds one conversion may take. Measured here: 1.5-3 s per file (LibreOffice's start-up is most
# of it; docs/formats.md); a 300-page .doc takes a few seconds more. 120 s leaves room on a busy box.
TIMEOUT_ENV = "CHISO_SOFFICE_TIMEOUT"
DEFAULT_TIMEOUT = 120.0
SOFFICE_NAMES = ("soffice", "libreoffice")
INSTALL_HINT = "install LibreOffice (Debian: apt-get install libreoffice-writer-nogui libreoffice-calc-nogui)"

# What a legacy format is called in messages, and what it is converted to.
FORMAT_NAMES = {"doc": "legacy Word 97-2003 file (OLE2)", "rtf": "RTF file", "odt": "OpenDocument text (ODT)",
                "xls": "legacy Excel 97-2003 workbook (OLE2)", "ods": "OpenDocument spreadsheet (ODS)"}
TARGETS = {"doc": "docx", "rtf": "docx", "odt": "docx", "xls": "xlsx", "ods": "xlsx"}


class LibreOfficeMissing(UnsupportedFormat):
    """The file needs LibreOffice to be read and it is not installed."""


def soffice_path() -> str | None:
    """The LibreOffice binary on PATH (or `$CHISO_SOFFICE`), None when there is none."""
    explicit = os.environ.get("CHISO_SOFFICE")
    if explicit is not None:
        return shutil.which(explicit) if explicit else None  # CHISO_SOFFICE= (empty) turns it off
    return next((p for p in map(shutil.which, SOFFICE_NAMES) if p), None)


def _timeout() -> float:
    try:
        return float(os.environ.get(TIMEOUT_ENV, DEFAULT_TIMEOUT))
    except ValueError:
        return DEFAULT_TIMEOUT


def convert(data: bytes, fmt: str, name: str) -> bytes:
    """The bytes of `data` (a `fmt` file) converted by LibreOffice to DOCX or XLSX."""
    what = FORMAT_NAMES[fmt]
    target = TARGETS[fmt]
    binary = soffice_path()
    if binary is None:
        hint = f'{INSTALL_HINT}, or convert it with "soffice --headless --convert-to {target} {name}"'
        raise LibreOfficeMissing(name, f"{what}: reading it needs LibreOffice, which is not installed", hint=hint)
    with tempfile.TemporaryDirectory(prefix="chiso-soffice-") as tmp:
        folder = Path(tmp)
        src = folder / f"input.{fmt}"
        src.write_bytes(data)
        profile = (folder / "profile").as_uri()
        cmd = [binary, f"-env:UserInstallation={profile}", "--headless", "--norestore", "--nolockcheck",
               "--convert-to", target, "--outdir", str(folder / "out"), str(src)]
        try:
            run = subprocess.run(cmd, capture_output=True, timeout=_timeout(), check=False,
                                 stdin=subprocess.DEVNULL, cwd=tmp)
        except subprocess.TimeoutExpired as err:
            raise ReadError(name, f"{what}: LibreOffice did not convert it within {_timeout():.0f} s",
                            hint=f"raise {TIMEOUT_ENV} or convert it by hand") from err
        except OSError as err:
            raise LibreOfficeMissing(name, f"{what}: LibreOffice could not be started ({err})",
                                     hint=INSTALL_HINT) from err
        out = folder / "out" / f"input.{target}"
        if not out.is_file() or out.stat().st_size == 0:
            said = (run.stderr or run.stdout).decode("utf-8", "replace").strip().splitlines()
            detail = f" ({said[-1][:120]})" if said else ""
            raise CorruptFile(name, f"{what}: LibreOffice could not convert it (damaged, or "
                                  f"password-protected?){detail}")
        logger.debug("%s: converted %s → %s by LibreOffice", name, fmt, target)
        return out.read_bytes()
