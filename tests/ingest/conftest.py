"""Fixtures for the ingest tests: a real HTTP server on 127.0.0.1, and the seed article."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from .pdfs import minimal_pdf

FIXTURES = Path(__file__).parent / "fixtures"
SEED_DIR = FIXTURES / "seed-idlib-french-jihadists"

ARTICLE_PARAGRAPHS = [
    (
        "Some 130 French jihadists remain in the Idlib region of north-west Syria, according "
        "to a note from the French intelligence services seen by our reporters this week."
    ),
    (
        "Most of them belong to Firqat al-Ghuraba, a small group founded by Omar Diaby, a "
        "former resident of Nice who left France for Syria in 2013 with his followers."
    ),
    (
        "Hay'at Tahrir al-Sham, which runs the region, tolerates the group as long as it "
        "stays out of the fighting against the Syrian army and its Russian allies."
    ),
]
ARTICLE_HTML = (
    "<!DOCTYPE html><html><head><title>French jihadists in Idlib | The Test Times</title>"
    '<meta property="og:site_name" content="The Test Times">'
    '<meta property="article:published_time" content="2023-06-01T08:00:00Z">'
    "</head><body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
    "<article><h1>French jihadists in Idlib</h1>"
    + "".join(f"<p>{p}</p>" for p in ARTICLE_PARAGRAPHS[:2])
    + "<p>Read also: Al-Hol camp, a time bomb</p>"
    + f"<p>{ARTICLE_PARAGRAPHS[2]}</p>"
    + "<p>Subscribe to our newsletter</p>"
    "</article><footer>Copyright The Test Times</footer></body></html>"
)
FRENCH_HTML = (
    "<html><head><title>Les djihadistes français d'Idlib</title></head><body><article>"
    "<h1>Les djihadistes français d'Idlib</h1>"
    "<p>Environ 130 djihadistes français se trouvent encore dans la région d'Idlib, selon "
    "une note des services de renseignement consultée par notre journal cette semaine.</p>"
    "<p>Lire aussi : Le camp d'Al-Hol</p>"
    "<p>La plupart appartiennent à Firqat al-Ghuraba, un groupe fondé par Omar Diaby, un "
    "ancien habitant de Nice parti en Syrie en 2013 avec ses partisans.</p>"
    "</article></body></html>"
)
PNG_BYTES = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02" + bytes(
    64
)


@dataclass(frozen=True)
class LocalServer:
    base: str

    def url(self, path: str) -> str:
        return f"{self.base}{path}"


def _rss(base: str) -> bytes:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Test Times feed</title><link>{base}/</link>
<description>News</description>
<item><title>French jihadists in Idlib</title><link>{base}/article.html</link>
<pubDate>Thu, 01 Jun 2023 08:00:00 GMT</pubDate></item>
<item><title>Les djihadistes français</title><link>{base}/article-fr.html</link>
<pubDate>Fri, 02 Jun 2023 08:00:00 GMT</pubDate></item>
</channel></rss>""".encode()


def _atom(base: str) -> bytes:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Test Times (Atom)</title>
<id>urn:test:feed</id><updated>2023-06-02T08:00:00Z</updated>
<entry><title>Les djihadistes français</title><id>urn:test:1</id>
<link href="{base}/article-fr.html"/><updated>2023-06-02T08:00:00Z</updated></entry>
<entry><title>Missing page</title><id>urn:test:2</id>
<link href="{base}/missing"/><updated>2023-06-03T08:00:00Z</updated></entry>
</feed>""".encode()


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "TestServer"

    def log_message(self, format: str, *args: object) -> None:
        pass

    def _send(self, status: int, body: bytes, content_type: str, **headers: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for key, value in headers.items():
            self.send_header(key.replace("_", "-"), value)
        self.end_headers()
        self.wfile.write(body)

    def _redirect(self, location: str) -> None:
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_GET(self) -> None:
        base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.server.seen.append((self.path, dict(self.headers)))  # type: ignore[attr-defined]
        routes = {
            "/article.html": lambda: self._send(
                200, ARTICLE_HTML.encode(), "text/html; charset=utf-8"
            ),
            "/article-fr.html": lambda: self._send(
                200, FRENCH_HTML.encode(), "text/html; charset=utf-8"
            ),
            "/latin1.txt": lambda: self._send(
                200,
                "Le général a déclaré que 130 Français étaient à Idlib.".encode("latin-1"),
                "text/plain; charset=iso-8859-1",
            ),
            "/doc.pdf": lambda: self._send(
                200, minimal_pdf("Some 130 French jihadists remain in Idlib"), "application/pdf"
            ),
            "/image.png": lambda: self._send(200, PNG_BYTES, "image/png"),
            "/rss.xml": lambda: self._send(200, _rss(base), "application/rss+xml"),
            "/atom.xml": lambda: self._send(200, _atom(base), "application/atom+xml"),
            "/redirect": lambda: self._redirect("/article.html"),
            "/redirect-twice": lambda: self._redirect(f"{base}/redirect"),
            "/redirect-loop": lambda: self._redirect("/redirect-loop"),
            "/redirect-metadata": lambda: self._redirect(
                "http://169.254.169.254/latest/meta-data/"
            ),
            "/redirect-private": lambda: self._redirect("http://10.0.0.1/admin"),
            "/redirect-file": lambda: self._redirect("file:///etc/passwd"),
            "/huge-declared": lambda: self._send(200, b"a" * 5000, "text/plain"),
            "/huge-streamed": self._huge_streamed,
            "/slow": self._slow,
            "/drip": self._drip,
        }
        route = routes.get(self.path.split("?")[0])
        if route is None:
            self._send(404, b"not found", "text/plain")
        else:
            route()

    def _huge_streamed(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Connection", "close")
        self.end_headers()  # no Content-Length: the body ends when the connection closes
        self.close_connection = True
        for _ in range(50):
            self.wfile.write(b"b" * 100)

    def _slow(self) -> None:
        time.sleep(2.0)
        self._send(200, b"too late", "text/plain")

    def _drip(self) -> None:
        body = b"x" * 40
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        for index in range(0, len(body), 2):
            self.wfile.write(body[index : index + 2])
            self.wfile.flush()
            time.sleep(0.1)


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # clients hang up on purpose in the limit tests


@pytest.fixture(scope="session")
def server_with_log() -> Iterator[tuple[LocalServer, list[tuple[str, dict[str, str]]]]]:
    httpd = _Server(("127.0.0.1", 0), _Handler)
    httpd.seen = []  # type: ignore[attr-defined]
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield LocalServer(f"http://127.0.0.1:{httpd.server_address[1]}"), httpd.seen  # type: ignore[attr-defined]
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


@pytest.fixture
def server(server_with_log: tuple[LocalServer, list[tuple[str, dict[str, str]]]]) -> LocalServer:
    return server_with_log[0]
