"""Fixtures for the CLI tests: running the command in-process and as a real subprocess,
documents made from the test corpus, and a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import json
import os
import random
import re
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from claimgraph.cli.main import app, main

CORPUS = Path(__file__).parents[1] / "fixtures" / "corpus"

# The article of a page: script, an event handler and Rich markup in it must come out as
# plain text, never run, styled or crash the console.
HOSTILE_HTML = (
    "<!DOCTYPE html><html><head><title>Hostile markup in Idlib</title>"
    "<script>alert(1)</script></head><body><nav><a href='/'>Home</a></nav><article>"
    "<h1>Hostile markup in Idlib</h1>"
    "<p>Some 130 French jihadists remain in the Idlib region of north-west Syria, according "
    "to a note from the French intelligence services seen by our reporters this week.</p>"
    "<script>alert(1)</script>"
    "<p>The page showed the code &lt;img src=x onerror=alert(1)&gt; where a photograph of "
    "the Firqat al-Ghuraba camp should have been.</p>"
    "<p>Most of them belong to Firqat al-Ghuraba, a small group founded by Omar Diaby, a "
    "former resident of Nice who left France for Syria in 2013 with his followers.</p>"
    "</article></body></html>"
)


@dataclass(frozen=True)
class Ran:
    """What one command did: exit code, standard output, standard error."""

    code: int
    stdout: str
    stderr: str


def cli_env() -> dict[str, str]:
    """The environment for a claimgraph subprocess: no proxy, no inherited store setting."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("CLAIMGRAPH_")}
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        env.pop(name, None)
    env["NO_PROXY"] = env["no_proxy"] = "*"
    env["COLUMNS"] = "80"
    return env


def cli_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "claimgraph", *args]


def run_subprocess(*args: str, timeout: float = 300) -> Ran:
    """Run ``python -m claimgraph ARGS`` in a real child process and wait for it."""
    done = subprocess.run(
        cli_command(*args), capture_output=True, text=True, timeout=timeout, env=cli_env(), check=False
    )
    return Ran(done.returncode, done.stdout, done.stderr)


@pytest.fixture
def invoke() -> Callable[..., Result]:
    """Run a command in-process with Typer's runner (models stay loaded between calls)."""
    runner = CliRunner()

    def run(*args: str) -> Result:
        return runner.invoke(app, list(args), catch_exceptions=False)

    return run


@pytest.fixture
def run_main(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> Callable[..., Ran]:
    """Run the console entry point ``main()`` in-process (our errors -> one line + exit
    status), with its real argument parsing and output."""

    def run(*args: str) -> Ran:
        monkeypatch.setattr(sys, "argv", ["claimgraph", *args])
        capsys.readouterr()
        try:
            main()
            code = 0
        except SystemExit as stop:
            code = stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 1)
        captured = capsys.readouterr()
        return Ran(code, captured.out, captured.err)

    return run


def corpus_sentences() -> dict[str, list[str]]:
    """The corpus sentences longer than 30 characters, per language."""
    by_language: dict[str, list[str]] = {}
    for folder in sorted(CORPUS.iterdir()):
        if not (folder / "source.txt").is_file():
            continue
        language = json.loads((folder / "meta.json").read_text(encoding="utf-8"))["language"]
        text = (folder / "source.txt").read_text(encoding="utf-8")
        parts = [part.strip() for part in re.split(r"(?<=[.!?])\s+", text)]
        by_language.setdefault(language, []).extend(part for part in parts if len(part) > 30)
    return by_language


def write_mixed_documents(folder: Path, count: int, *, sentences: int = 3, seed: int = 7) -> list[Path]:
    """``count`` unique small English and French documents made of corpus sentences."""
    folder.mkdir(parents=True, exist_ok=True)
    pool = corpus_sentences()
    rng = random.Random(seed)
    paths = []
    for index in range(count):
        language = "en" if index % 2 == 0 else "fr"
        body = " ".join(rng.sample(pool[language], sentences))
        path = folder / f"doc-{index:04d}.txt"
        path.write_text(f"Report number {index}\n\n{body}\n", encoding="utf-8")
        paths.append(path)
    return paths


# --- a real HTTP server on 127.0.0.1 ---------------------------------------------------

ARTICLE_HTML = (
    "<!DOCTYPE html><html><head><title>French jihadists in Idlib | The Test Times</title>"
    '<meta property="og:site_name" content="The Test Times">'
    '<meta property="article:published_time" content="2023-06-01T08:00:00Z">'
    "</head><body><nav><a href='/'>Home</a></nav><article><h1>French jihadists in Idlib</h1>"
    "<p>Some 130 French jihadists remain in the Idlib region of north-west Syria, according "
    "to a note from the French intelligence services seen by our reporters this week.</p>"
    "<p>Most of them belong to Firqat al-Ghuraba, a small group founded by Omar Diaby, a "
    "former resident of Nice who left France for Syria in 2013 with his followers.</p>"
    "</article></body></html>"
)
FRENCH_HTML = (
    "<html><head><title>Les djihadistes français d'Idlib</title></head><body><article>"
    "<h1>Les djihadistes français d'Idlib</h1>"
    "<p>Environ 130 djihadistes français se trouvent encore dans la région d'Idlib, selon "
    "une note des services de renseignement consultée par notre journal cette semaine.</p>"
    "<p>La plupart appartiennent à Firqat al-Ghuraba, un groupe fondé par Omar Diaby, un "
    "ancien habitant de Nice parti en Syrie en 2013 avec ses partisans.</p>"
    "</article></body></html>"
)


def _rss(base: str) -> bytes:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Test Times feed</title><link>{base}/</link>
<description>News</description>
<item><title>French jihadists in Idlib</title><link>{base}/article.html</link>
<pubDate>Thu, 01 Jun 2023 08:00:00 GMT</pubDate></item>
<item><title>Les djihadistes français</title><link>{base}/article-fr.html</link>
<pubDate>Fri, 02 Jun 2023 08:00:00 GMT</pubDate></item>
</channel></rss>""".encode()


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        base = f"http://127.0.0.1:{self.server.server_address[1]}"
        pages = {
            "/article.html": (ARTICLE_HTML.encode(), "text/html; charset=utf-8"),
            "/article-fr.html": (FRENCH_HTML.encode(), "text/html; charset=utf-8"),
            "/hostile.html": (HOSTILE_HTML.encode(), "text/html; charset=utf-8"),
            "/rss.xml": (_rss(base), "application/rss+xml"),
        }
        body, content_type = pages.get(self.path, (b"not found", "text/plain"))
        self.send_response(200 if self.path in pages else 404)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class _Server(ThreadingHTTPServer):
    daemon_threads = True


@pytest.fixture(scope="session")
def server_base() -> Iterator[str]:
    """``http://127.0.0.1:PORT`` of a server for /article.html, /article-fr.html,
    /hostile.html and /rss.xml (which lists the two articles)."""
    httpd = _Server(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)
