"""Local files to bytes, with every operating-system error turned into a clear ReadError."""

from __future__ import annotations

import stat
from pathlib import Path

from claimgraph.errors import ReadError
from claimgraph.ingest.readers.sniff import check_size

_OS_REASONS: tuple[tuple[type[OSError], str], ...] = (
    (FileNotFoundError, "no such file or folder; check the path"),
    (NotADirectoryError, "a part of this path is a file, not a folder; check the path"),
    (IsADirectoryError, "is a folder, not a file"),
    (PermissionError, "permission denied; check the file's permissions (or run as its owner)"),
)


def os_error_reason(error: OSError) -> str:
    """A one-line, actionable reason for an ``OSError`` raised while reading a path."""
    for kind, reason in _OS_REASONS:
        if isinstance(error, kind):
            return reason
    return f"cannot read it ({error.strerror or error})"


def read_file(path: Path, *, source: str, max_bytes: int) -> bytes:
    """The bytes of a regular file no bigger than ``max_bytes`` (checked before reading)."""
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise ReadError(source, "is a folder, not a file")
        if not stat.S_ISREG(info.st_mode):
            raise ReadError(source, "not a regular file (a device, pipe or socket)")
        check_size(source, info.st_size, max_bytes)
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise ReadError(source, os_error_reason(exc)) from exc
    check_size(source, len(data), max_bytes)
    return data
