from __future__ import annotations

import os
from pathlib import Path

import pytest

from claimgraph.errors import ReadError
from claimgraph.ingest.files import os_error_reason, read_file


def test_missing_path(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="no such file or folder") as caught:
        read_file(tmp_path / "absent.txt", source="absent.txt", max_bytes=100)
    assert caught.value.source == "absent.txt"


def test_path_through_a_file(tmp_path: Path) -> None:
    (tmp_path / "file.txt").write_text("x")
    with pytest.raises(ReadError, match="a part of this path is a file, not a folder"):
        read_file(tmp_path / "file.txt" / "child.txt", source="s", max_bytes=100)


def test_folder_is_not_a_file(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="is a folder, not a file"):
        read_file(tmp_path, source="s", max_bytes=100)


def test_fifo_is_not_a_regular_file(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(ReadError, match="not a regular file"):
        read_file(fifo, source="s", max_bytes=100)


def test_permission_denied_is_mapped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Tests run as root, which reads files whatever their mode: simulate the OS refusal.
    path = tmp_path / "secret.txt"
    path.write_text("text")

    def refuse(self: Path, *args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "open", refuse)
    with pytest.raises(ReadError, match="permission denied; check the file's permissions"):
        read_file(path, source=str(path), max_bytes=100)


def test_other_os_errors_keep_their_message() -> None:
    assert (
        os_error_reason(OSError(5, "Input/output error")) == "cannot read it (Input/output error)"
    )


def test_size_is_rechecked_on_the_bytes_read(tmp_path: Path) -> None:
    path = tmp_path / "ok.txt"
    path.write_bytes(b"12345")
    assert read_file(path, source="s", max_bytes=5) == b"12345"
    with pytest.raises(ReadError, match="over the 4 bytes limit"):
        read_file(path, source="s", max_bytes=4)
