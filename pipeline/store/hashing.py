"""Content hashes of input files, read in chunks so large PDFs never sit whole in memory."""

from __future__ import annotations

from pathlib import Path

# 1 MiB: large enough that hashing runs at disk speed, small enough to be harmless.
CHUNK_BYTES = 1 << 20


def file_sha256(path: str | Path) -> str:
    """Hex SHA-256 of the file's bytes. Raises OSError when the file cannot be read."""
    import hashlib  # here, not above: loading OpenSSL is the costliest import of a re-run that hashes nothing

    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(CHUNK_BYTES):
            digest.update(chunk)
    return digest.hexdigest()
