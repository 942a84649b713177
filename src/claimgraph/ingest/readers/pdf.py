"""PDF files with pypdf: the text of every page, the title and creation date.

Damaged files never escape as pypdf's own exceptions: each becomes a :class:`ReadError`
that names the cause (encrypted, truncated or corrupt, no text layer).
"""

from __future__ import annotations

import io
import struct
import zlib

from pypdf import PdfReader
from pypdf.errors import DependencyError, FileNotDecryptedError, PyPdfError

from claimgraph.errors import ReadError
from claimgraph.ingest.readers.registry import ReadResult, collected_warnings, register

ENCRYPTED = "encrypted PDF: claimgraph cannot read password-protected files"
#: What pypdf raises on damaged input besides its own errors.
_DAMAGE = (
    PyPdfError,
    ValueError,
    KeyError,
    TypeError,
    IndexError,
    AttributeError,
    struct.error,
    zlib.error,
    RecursionError,
    OSError,
)


@register("pdf", media_types=("application/pdf", "application/x-pdf"), extensions=(".pdf",))
def read_pdf(data: bytes, *, source: str, charset: str | None, url: str | None) -> ReadResult:
    """Read the text layer of a PDF, page by page (pages separated by a blank line)."""
    with collected_warnings() as library_warnings:
        pages, title, created = _extract(data, source)
    text = "\n\n".join(page.strip() for page in pages if page.strip())
    if not text:
        raise ReadError(
            source, "PDF has no text layer (scanned pages?); run OCR on it first, then ingest"
        )
    return ReadResult(
        text=text,
        content_type="application/pdf",
        title=title,
        published=created,
        warnings=tuple(library_warnings),
    )


def _extract(data: bytes, source: str) -> tuple[list[str], str | None, str | None]:
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise ReadError(source, ENCRYPTED)
        pages = [page.extract_text() or "" for page in reader.pages]
        info = reader.metadata
        title = str(info.title).strip() if info is not None and info.title else None
        created = info.creation_date if info is not None else None
    except ReadError:
        raise
    except FileNotDecryptedError as exc:
        raise ReadError(source, ENCRYPTED) from exc
    except DependencyError as exc:
        raise ReadError(
            source,
            f"encrypted PDF that needs a cryptography library to open ({exc}); "
            "install it with `pip install cryptography`",
        ) from exc
    except _DAMAGE as exc:
        raise ReadError(source, f"corrupt or truncated PDF ({type(exc).__name__}: {exc})") from exc
    return pages, title or None, created.date().isoformat() if created else None
