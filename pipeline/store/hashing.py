"""Content hashes of input files, read in chunks so large PDFs never sit whole in memory."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

# 1 MiB: large enough that hashing runs at disk speed, small enough to be harmless.
CHUNK_BYTES = 1 << 20


def open_regular(path: str | Path) -> int:
    """A descriptor of `path` opened for reading, or OSError when it is not a regular file (a FIFO
    put in its place after the folder was listed opens without waiting for a writer, and is
    refused: reading it would wait forever)."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            from pipeline.inputs import file_kind

            raise OSError(errno.EINVAL, f"{file_kind(mode)}, not a regular file")
    except BaseException:
        os.close(fd)
        raise
    return fd


def file_sha256(path: str | Path) -> str:
    """Hex SHA-256 of the file's bytes. Raises OSError when the file cannot be read or is not a
    regular file."""
    import hashlib  # here, not above: loading OpenSSL is the costliest import of a re-run that hashes nothing

    digest = hashlib.sha256()
    with open(open_regular(path), "rb") as fh:
        while chunk := fh.read(CHUNK_BYTES):
            digest.update(chunk)
    return digest.hexdigest()
