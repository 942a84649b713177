"""Readers on real files written to tmp_path (through the pipeline's file reader)."""

from __future__ import annotations

import random
import time
from pathlib import Path

import pytest

from claimgraph.errors import ReadError
from claimgraph.ingest.files import read_file
from claimgraph.ingest.readers import choose_reader, read_document
from claimgraph.ingest.readers.html import plain_text

from .conftest import PNG_BYTES
from .pdfs import blank_pdf, encrypted_pdf, minimal_pdf


def read_path(path: Path, *, max_bytes: int = 20_000_000):
    data = read_file(path, source=str(path), max_bytes=max_bytes)
    return read_document(data, source=str(path), name=str(path), max_bytes=max_bytes)


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_empty_file(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="empty file$"):
        read_path(write(tmp_path, "empty.txt", b""))


def test_whitespace_only_file(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="file holds only whitespace"):
        read_path(write(tmp_path, "blank.txt", b" \n\t\n"))


def test_png_is_refused_as_binary_whatever_its_name(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match=r"binary file \(looks like image/png\), not a document"):
        read_path(write(tmp_path, "photo.txt", PNG_BYTES))


def test_random_bytes_are_refused_as_binary(tmp_path: Path) -> None:
    noise = random.Random(7).randbytes(4096)
    with pytest.raises(ReadError, match=r"binary file \(looks like application/octet-stream\)"):
        read_path(write(tmp_path, "noise.html", noise))


def test_oversized_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = write(tmp_path, "big.txt", b"word " * 600)
    with pytest.raises(
        ReadError, match=r"file is 3 kB, over the 2 kB limit; raise --max-bytes to ingest it"
    ):
        read_path(path, max_bytes=2_000)


def test_latin1_text_is_decoded_with_a_warning(tmp_path: Path) -> None:
    text = "Le général a déclaré que 130 Français étaient à Idlib, près de la frontière turque."
    result = read_path(write(tmp_path, "latin1.txt", text.encode("latin-1")))
    assert result.text == text
    assert any("not valid UTF-8" in w for w in result.warnings)


def test_mixed_utf8_and_cp1252_bytes_keep_both_parts(tmp_path: Path) -> None:
    data = (
        "Réfugiés à Idlib : « 130 » ".encode() + "l’été dernier – déjà".encode("cp1252") + b" fin."
    )
    result = read_path(write(tmp_path, "mixed.txt", data))
    assert result.text == "Réfugiés à Idlib : « 130 » l’été dernier – déjà fin."
    assert any("mixed encodings" in w for w in result.warnings)


def test_crlf_line_ends_become_lf(tmp_path: Path) -> None:
    result = read_path(write(tmp_path, "dos.txt", b"Title\r\n\r\nBody line.\r\n"))
    assert result.text == "Title\n\nBody line.\n"


def test_utf16_with_bom_is_text_not_binary(tmp_path: Path) -> None:
    result = read_path(write(tmp_path, "wide.txt", "Hayat Tahrir al-Cham".encode("utf-16")))
    assert result.text == "Hayat Tahrir al-Cham"


def test_malformed_html_still_gives_its_text(tmp_path: Path) -> None:
    html = b"<html><head><title>Broken</title><body><div><p>Some 130 French jihadists remain </b>in Idlib<p>unclosed <span>tags"
    result = read_path(write(tmp_path, "broken.html", html))
    assert "Some 130 French jihadists remain" in result.text and "in Idlib" in result.text


def test_deeply_nested_html_does_not_crash(tmp_path: Path) -> None:
    depth = 100_000
    html = (
        "<html><body>"
        + "<div>" * depth
        + "<p>Deep text about 130 fighters in Idlib.</p>"
        + "</div>" * depth
        + "</body></html>"
    ).encode()
    started = time.monotonic()
    result = read_path(write(tmp_path, "deep.html", html))
    assert "Deep text about 130 fighters in Idlib." in result.text
    assert time.monotonic() - started < 30


def test_html_page_with_no_text(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="HTML page has no visible text"):
        read_path(
            write(tmp_path, "nothing.html", b"<html><body><script>var x=1;</script></body></html>")
        )


def test_plain_text_fallback_keeps_blocks_as_lines_and_skips_scripts() -> None:
    text, title = plain_text(
        "<title>T</title><div>One<br>Two</div><script>x()</script><p>Three &amp; four</p>"
    )
    assert text == "One\nTwo\nThree & four"
    assert title == "T"


def test_valid_pdf_gives_text_title_and_date(tmp_path: Path) -> None:
    result = read_path(
        write(tmp_path, "report.pdf", minimal_pdf("Some 130 French jihadists remain in Idlib"))
    )
    assert result.text == "Some 130 French jihadists remain in Idlib"
    assert result.title == "A test document"
    assert result.published == "2023-04-15"
    assert result.content_type == "application/pdf"


def test_truncated_pdf_is_a_clear_error(tmp_path: Path) -> None:
    data = minimal_pdf("Some text here")
    with pytest.raises(ReadError, match="corrupt or truncated PDF"):
        read_path(write(tmp_path, "cut.pdf", data[: len(data) // 2]))


def test_encrypted_pdf_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(
        ReadError, match="encrypted PDF: claimgraph cannot read password-protected files"
    ):
        read_path(write(tmp_path, "locked.pdf", encrypted_pdf("Secret text")))


def test_pdf_encrypted_with_an_empty_user_password_is_read(tmp_path: Path) -> None:
    result = read_path(
        write(tmp_path, "owner-only.pdf", encrypted_pdf("Open text", user_password=""))
    )
    assert result.text == "Open text"


def test_pdf_without_text_layer_says_to_ocr(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="no text layer.*OCR"):
        read_path(write(tmp_path, "scan.pdf", blank_pdf()))


def test_pdf_is_recognised_by_its_bytes_whatever_its_name(tmp_path: Path) -> None:
    result = read_path(write(tmp_path, "download.bin", minimal_pdf("Bytes decide")))
    assert result.text == "Bytes decide"


@pytest.mark.parametrize(
    "data, media_type, name, expected",
    [
        (b"<!DOCTYPE html><p>x</p>", None, "page", "html"),
        (b"plain words", None, "notes", "text"),
        (b"plain words", "text/html", None, "html"),
        (b"<p>x</p>", "text/plain", None, "text"),
        (b"plain words", None, "a.htm", "html"),
        (b"plain words", "application/octet-stream", "https://x.org/a.txt", "text"),
        (b"plain words", "text/csv", None, "text"),
    ],
)
def test_choose_reader_order(
    data: bytes, media_type: str | None, name: str | None, expected: str
) -> None:
    assert choose_reader(data, source="s", media_type=media_type, name=name).name == expected


def test_unknown_media_type_lists_what_can_be_read() -> None:
    with pytest.raises(ReadError, match="cannot read content type application/json.*text/html"):
        choose_reader(b"{}", source="s", media_type="application/json")
