"""Checks every input passes before a reader sees it: not empty, not too big, not binary."""

from __future__ import annotations

from claimgraph.errors import ReadError
from claimgraph.ingest.sizes import human_size

#: Leading bytes of common non-document formats, and the media type they reveal.
MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
    (b"II*\x00", "image/tiff"),
    (b"MM\x00*", "image/tiff"),
    (b"PK\x03\x04", "application/zip"),
    (b"\x1f\x8b", "application/gzip"),
    (b"BZh", "application/x-bzip2"),
    (b"\xfd7zXZ\x00", "application/x-xz"),
    (b"7z\xbc\xaf\x27\x1c", "application/x-7z-compressed"),
    (b"Rar!\x1a\x07", "application/vnd.rar"),
    (b"\x7fELF", "application/x-executable"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "application/x-ole-storage"),
    (b"OggS", "audio/ogg"),
    (b"ID3", "audio/mpeg"),
    (b"fLaC", "audio/flac"),
    (b"\x1aE\xdf\xa3", "video/webm"),
    (b"SQLite format 3\x00", "application/vnd.sqlite3"),
)
_TEXT_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
_CONTROL = frozenset(range(0x20)) - {0x09, 0x0A, 0x0C, 0x0D, 0x1B}
_SAMPLE = 8192
_MAX_CONTROL_SHARE = 0.05


def sniff_binary_type(data: bytes) -> str | None:
    """The media type that ``data``'s leading bytes reveal, for formats we cannot read."""
    for magic, media_type in MAGIC:
        if data.startswith(magic):
            return media_type
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    if data[4:8] == b"ftyp":
        return "video/mp4"
    return None


def looks_binary(data: bytes) -> bool:
    """True when ``data`` holds NUL bytes or too many control bytes to be text."""
    sample = data[:_SAMPLE]
    if sample.startswith(_TEXT_BOMS[1:]):
        return False  # UTF-16 text carries NUL bytes by design
    if b"\x00" in sample:
        return True
    controls = sum(1 for byte in sample if byte in _CONTROL)
    return controls > _MAX_CONTROL_SHARE * max(len(sample), 1)


def check_size(source: str, size: int, max_bytes: int, *, what: str = "file") -> None:
    """Refuse an input of ``size`` bytes when it is over ``max_bytes``."""
    if size > max_bytes:
        raise ReadError(
            source,
            f"{what} is {human_size(size)}, over the {human_size(max_bytes)} limit; "
            "raise --max-bytes to ingest it",
        )


def check_document_bytes(source: str, data: bytes, max_bytes: int, *, what: str = "file") -> None:
    """Refuse empty, oversized and binary input with a message that says which."""
    if not data.strip():
        raise ReadError(source, f"empty {what}" if data == b"" else f"{what} holds only whitespace")
    check_size(source, len(data), max_bytes, what=what)
    if data.lstrip()[:5] == b"%PDF-":
        return
    media_type = sniff_binary_type(data)
    if media_type is None and looks_binary(data):
        media_type = "application/octet-stream"
    if media_type is not None:
        raise ReadError(source, f"binary {what} (looks like {media_type}), not a document")
