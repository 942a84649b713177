"""The fetcher and the pipeline against a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import time
from collections.abc import Iterator

import httpx
import pytest

from claimgraph.errors import FetchError
from claimgraph.ingest import IngestedDocument, IngestFailure, ingest_sources
from claimgraph.ingest.fetch import DEFAULT_USER_AGENT, fetch, make_client

from .conftest import ARTICLE_PARAGRAPHS, LocalServer


@pytest.fixture
def client() -> Iterator[httpx.Client]:
    with make_client() as http:
        yield http


def test_loopback_server_is_refused_without_allow_private(
    server: LocalServer, client: httpx.Client
) -> None:
    with pytest.raises(FetchError, match="127.0.0.1 is loopback; pass allow_private=True"):
        fetch(server.url("/article.html"), client=client)


def test_article_is_fetched_with_allow_private(
    server_with_log: tuple[LocalServer, list[tuple[str, dict[str, str]]]], client: httpx.Client
) -> None:
    server, seen = server_with_log
    response = fetch(server.url("/article.html"), client=client, allow_private=True)
    assert response.status == 200
    assert response.content_type == "text/html"
    assert ARTICLE_PARAGRAPHS[0].encode() in response.content
    headers = next(h for path, h in reversed(seen) if path == "/article.html")
    assert headers["User-Agent"] == DEFAULT_USER_AGENT


def test_local_redirects_are_followed(server: LocalServer, client: httpx.Client) -> None:
    response = fetch(server.url("/redirect-twice"), client=client, allow_private=True)
    assert response.url == server.url("/article.html")
    assert response.redirects == (server.url("/redirect-twice"), server.url("/redirect"))


def test_redirect_to_metadata_address_is_refused_even_with_allow_private(
    server: LocalServer, client: httpx.Client
) -> None:
    with pytest.raises(FetchError, match="169.254.169.254 is link-local"):
        fetch(server.url("/redirect-metadata"), client=client, allow_private=True)


def test_redirect_to_private_address_is_refused_when_the_first_hop_was_public(
    server: LocalServer, client: httpx.Client
) -> None:
    # The resolver presents the local server as a public host: the first hop passes the
    # check (and is pinned to 127.0.0.1), the redirect to 10.0.0.1 must not.
    port = int(server.base.rsplit(":", 1)[1])

    def resolver(host: str, port_: int) -> list[str]:
        return ["93.184.216.34"] if host == "public.test" else []

    def pinned_to_loopback(request: httpx.Request) -> httpx.Response:
        local = request.url.copy_with(host="127.0.0.1", port=port)
        with httpx.Client(trust_env=False) as real:
            return real.send(httpx.Request("GET", local))

    mock = httpx.Client(transport=httpx.MockTransport(pinned_to_loopback))
    with pytest.raises(FetchError, match=r"10\.0\.0\.1 is private"):
        fetch("http://public.test/redirect-private", client=mock, resolver=resolver)


def test_redirect_to_file_url_is_refused(server: LocalServer, client: httpx.Client) -> None:
    with pytest.raises(FetchError, match="unsupported URL scheme 'file'"):
        fetch(server.url("/redirect-file"), client=client, allow_private=True)


def test_redirect_loop_stops_after_five(server: LocalServer, client: httpx.Client) -> None:
    with pytest.raises(FetchError, match="too many redirects"):
        fetch(server.url("/redirect-loop"), client=client, allow_private=True)


def test_slow_response_times_out_at_the_limit(server: LocalServer, client: httpx.Client) -> None:
    started = time.monotonic()
    with pytest.raises(FetchError, match="timed out after 0.5 s"):
        fetch(server.url("/slow"), client=client, allow_private=True, timeout=0.5)
    assert time.monotonic() - started < 1.8


def test_dripping_response_is_stopped_by_the_total_deadline(
    server: LocalServer, client: httpx.Client
) -> None:
    started = time.monotonic()
    with pytest.raises(FetchError, match="timed out after 0.5 s"):
        fetch(server.url("/drip"), client=client, allow_private=True, timeout=0.5)
    assert time.monotonic() - started < 1.8


def test_huge_response_with_content_length_is_refused(
    server: LocalServer, client: httpx.Client
) -> None:
    with pytest.raises(FetchError, match="response is 5 kB, over the 1 kB limit"):
        fetch(server.url("/huge-declared"), client=client, allow_private=True, max_bytes=1_000)


def test_huge_response_without_content_length_is_aborted(
    server: LocalServer, client: httpx.Client
) -> None:
    with pytest.raises(FetchError, match="exceeded the 1 kB limit while downloading"):
        fetch(server.url("/huge-streamed"), client=client, allow_private=True, max_bytes=1_000)
    # under the limit the same stream is read whole
    assert (
        len(fetch(server.url("/huge-streamed"), client=client, allow_private=True).content) == 5_000
    )


def test_404_is_a_fetch_error_with_the_status(server: LocalServer, client: httpx.Client) -> None:
    with pytest.raises(FetchError, match="HTTP 404 Not Found"):
        fetch(server.url("/missing"), client=client, allow_private=True)


def test_ftp_and_file_urls_are_refused(client: httpx.Client) -> None:
    with pytest.raises(FetchError, match="unsupported URL scheme 'ftp'"):
        fetch("ftp://127.0.0.1/pub/file.txt", client=client, allow_private=True)
    with pytest.raises(FetchError, match="unsupported URL scheme 'file'"):
        fetch("file:///etc/passwd", client=client, allow_private=True)


# --- the pipeline over HTTP ----------------------------------------------------------


def documents(results: list[IngestedDocument | IngestFailure]) -> list[IngestedDocument]:
    return [r for r in results if isinstance(r, IngestedDocument)]


def test_pipeline_reads_an_article_page(server: LocalServer) -> None:
    (doc,) = list(ingest_sources([server.url("/article.html")], allow_private=True))
    assert isinstance(doc, IngestedDocument)
    assert doc.url == server.url("/article.html") and doc.path is None
    assert doc.content_type == "text/html"
    assert doc.language == "en"
    assert doc.publisher == "The Test Times"
    assert doc.published == "2023-06-01"
    for paragraph in ARTICLE_PARAGRAPHS:
        assert paragraph in doc.text
    assert "Read also: Al-Hol camp, a time bomb" in doc.removed_boilerplate
    assert "Subscribe to our newsletter" in doc.removed_boilerplate
    assert "Read also" not in doc.text and "newsletter" not in doc.text


def test_pipeline_refuses_local_server_by_default(server: LocalServer) -> None:
    (failure,) = list(ingest_sources([server.url("/article.html")]))
    assert isinstance(failure, IngestFailure)
    assert failure.code == "fetch"
    assert failure.reason.startswith(server.url("/article.html"))


def test_rss_feed_entries_are_each_fetched(server: LocalServer) -> None:
    results = list(ingest_sources([server.url("/rss.xml")], feed=True, allow_private=True))
    docs = documents(results)
    assert [d.url for d in docs] == [server.url("/article.html"), server.url("/article-fr.html")]
    assert [d.language for d in docs] == ["en", "fr"]
    french = docs[1]
    assert french.removed_boilerplate == ["Lire aussi : Le camp d'Al-Hol"]
    assert french.publisher == "Test Times feed"  # the page names no site: the feed's title
    assert french.published == "2023-06-02"  # nor a date: the entry's


def test_atom_feed_entries_are_fetched_and_a_dead_link_is_one_failure(server: LocalServer) -> None:
    results = list(ingest_sources([server.url("/atom.xml")], feed=True, allow_private=True))
    assert len(results) == 2
    doc, failure = results
    assert isinstance(doc, IngestedDocument) and doc.language == "fr"
    assert isinstance(failure, IngestFailure)
    assert failure.source == server.url("/missing") and "HTTP 404" in failure.reason


def test_feed_url_without_feed_flag_says_to_pass_it(server: LocalServer) -> None:
    (failure,) = list(ingest_sources([server.url("/rss.xml")], allow_private=True))
    assert isinstance(failure, IngestFailure) and "pass --feed" in failure.reason


def test_pdf_and_latin1_text_over_http(server: LocalServer) -> None:
    pdf, text = list(
        ingest_sources([server.url("/doc.pdf"), server.url("/latin1.txt")], allow_private=True)
    )
    assert isinstance(pdf, IngestedDocument) and pdf.content_type == "application/pdf"
    assert "130 French jihadists" in pdf.text
    assert isinstance(text, IngestedDocument)
    assert text.text == "Le général a déclaré que 130 Français étaient à Idlib."


def test_image_over_http_is_a_binary_failure(server: LocalServer) -> None:
    (failure,) = list(ingest_sources([server.url("/image.png")], allow_private=True))
    assert isinstance(failure, IngestFailure)
    assert failure.reason.endswith("binary response (looks like image/png), not a document")
