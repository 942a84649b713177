"""Unit tests of the fetcher through httpx.MockTransport (no network, no sockets)."""

from __future__ import annotations

from collections.abc import Callable

import httpx
import pytest

from claimgraph.errors import FetchError
from claimgraph.ingest.fetch import DEFAULT_USER_AGENT, MAX_REDIRECTS, fetch

PUBLIC_IP = "93.184.216.34"


def resolver_for(table: dict[str, list[str]]) -> Callable[[str, int], list[str]]:
    def resolve(host: str, port: int) -> list[str]:
        return table.get(host, [PUBLIC_IP])

    return resolve


def client_for(handler: Callable[[httpx.Request], httpx.Response]) -> httpx.Client:
    return httpx.Client(transport=httpx.MockTransport(handler), follow_redirects=False)


def ok(request: httpx.Request) -> httpx.Response:
    return httpx.Response(
        200, content=b"<p>hello</p>", headers={"Content-Type": "text/html; charset=ISO-8859-1"}
    )


def test_success_returns_final_url_type_charset_and_bytes() -> None:
    response = fetch("https://news.example/a", client=client_for(ok), resolver=resolver_for({}))
    assert response.url == "https://news.example/a"
    assert response.status == 200
    assert response.content_type == "text/html"
    assert response.charset == "iso-8859-1"
    assert response.content == b"<p>hello</p>"
    assert response.redirects == ()


def test_connection_is_pinned_to_the_checked_address_with_host_and_sni_kept() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return ok(request)

    fetch("https://news.example:8443/a?b=1", client=client_for(handler), resolver=resolver_for({}))
    (request,) = seen
    assert request.url.host == PUBLIC_IP
    assert request.url.port == 8443
    assert request.headers["Host"] == "news.example:8443"
    assert request.extensions["sni_hostname"] == "news.example"
    assert request.headers["User-Agent"] == DEFAULT_USER_AGENT


@pytest.mark.parametrize(
    "url, scheme",
    [
        ("ftp://example.org/file", "ftp"),
        ("file:///etc/passwd", "file"),
        ("gopher://example.org/", "gopher"),
    ],
)
def test_other_schemes_are_refused_before_any_request(url: str, scheme: str) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise AssertionError("no request may be sent")

    with pytest.raises(FetchError) as caught:
        fetch(url, client=client_for(handler))
    assert f"unsupported URL scheme '{scheme}': only http and https are fetched" in str(
        caught.value
    )
    assert caught.value.source == url


def test_host_resolving_to_a_private_address_is_refused() -> None:
    with pytest.raises(FetchError, match=r"10\.0\.0\.1 is private.*intranet\.example resolves"):
        fetch(
            "http://intranet.example/",
            client=client_for(ok),
            resolver=resolver_for({"intranet.example": ["10.0.0.1"]}),
        )


def test_host_with_one_public_and_one_private_address_is_refused() -> None:
    with pytest.raises(FetchError, match="127.0.0.1"):
        fetch(
            "http://mixed.example/",
            client=client_for(ok),
            resolver=resolver_for({"mixed.example": [PUBLIC_IP, "127.0.0.1"]}),
        )


def test_ip_literal_urls_are_checked_without_resolving() -> None:
    def no_dns(host: str, port: int) -> list[str]:
        raise AssertionError("IP literals are not resolved")

    with pytest.raises(FetchError, match="link-local"):
        fetch(
            "http://169.254.169.254/latest/meta-data/",
            client=client_for(ok),
            allow_private=True,
            resolver=no_dns,
        )
    assert fetch(f"http://{PUBLIC_IP}/", client=client_for(ok), resolver=no_dns).status == 200


def test_allow_private_allows_private_but_not_link_local() -> None:
    resolver = resolver_for({"nas.lan": ["192.168.1.20"], "meta.lan": ["169.254.169.254"]})
    assert (
        fetch(
            "http://nas.lan/", client=client_for(ok), allow_private=True, resolver=resolver
        ).status
        == 200
    )
    with pytest.raises(FetchError, match="never fetched"):
        fetch("http://meta.lan/", client=client_for(ok), allow_private=True, resolver=resolver)


def test_unresolvable_host_names_the_host() -> None:
    import socket

    def fail(host: str, port: int) -> list[str]:
        raise socket.gaierror(-2, "Name or service not known")

    with pytest.raises(FetchError, match="'nowhere.invalid' could not be resolved"):
        fetch("http://nowhere.invalid/", client=client_for(ok), resolver=fail)


def redirecting(chain: dict[str, str]) -> Callable[[httpx.Request], httpx.Response]:
    def handler(request: httpx.Request) -> httpx.Response:
        path = request.url.path
        if path in chain:
            return httpx.Response(302, headers={"Location": chain[path]})
        return ok(request)

    return handler


def test_redirects_are_followed_and_recorded() -> None:
    handler = redirecting({"/a": "/b", "/b": "https://other.example/c"})
    response = fetch(
        "https://news.example/a", client=client_for(handler), resolver=resolver_for({})
    )
    assert response.url == "https://other.example/c"
    assert response.redirects == ("https://news.example/a", "https://news.example/b")


def test_each_redirect_hop_is_checked_against_the_address_rules() -> None:
    handler = redirecting({"/a": "http://internal.example/secret"})
    resolver = resolver_for({"internal.example": ["10.0.0.1"]})
    with pytest.raises(FetchError) as caught:
        fetch("https://news.example/a", client=client_for(handler), resolver=resolver)
    assert "10.0.0.1" in caught.value.reason
    assert caught.value.source == "https://news.example/a"


def test_redirect_to_metadata_address_is_refused_with_allow_private() -> None:
    handler = redirecting({"/a": "http://169.254.169.254/latest/meta-data/"})
    with pytest.raises(FetchError, match="link-local"):
        fetch(
            "https://news.example/a",
            client=client_for(handler),
            allow_private=True,
            resolver=resolver_for({}),
        )


def test_redirect_to_another_scheme_is_refused() -> None:
    handler = redirecting({"/a": "file:///etc/passwd"})
    with pytest.raises(
        FetchError, match="redirect to 'file:.*etc/passwd': unsupported URL scheme 'file'"
    ):
        fetch("https://news.example/a", client=client_for(handler), resolver=resolver_for({}))


def test_more_than_five_redirects_is_an_error() -> None:
    chain = {f"/{n}": f"/{n + 1}" for n in range(MAX_REDIRECTS + 1)}
    with pytest.raises(FetchError, match="too many redirects"):
        fetch(
            "https://news.example/0",
            client=client_for(redirecting(chain)),
            resolver=resolver_for({}),
        )
    chain = {f"/{n}": f"/{n + 1}" for n in range(MAX_REDIRECTS)}
    response = fetch(
        "https://news.example/0", client=client_for(redirecting(chain)), resolver=resolver_for({})
    )
    assert len(response.redirects) == MAX_REDIRECTS


@pytest.mark.parametrize("status", [404, 403, 500, 503])
def test_non_2xx_status_is_an_error_with_the_status(status: int) -> None:
    client = client_for(lambda request: httpx.Response(status, content=b"nope"))
    with pytest.raises(FetchError, match=f"HTTP {status}"):
        fetch("https://news.example/x", client=client, resolver=resolver_for({}))


def test_declared_content_length_over_the_limit_is_refused_before_reading() -> None:
    client = client_for(lambda request: httpx.Response(200, content=b"a" * 2_000))
    with pytest.raises(
        FetchError, match=r"response is 2 kB, over the 1 kB limit; raise --max-bytes"
    ):
        fetch("https://news.example/x", client=client, max_bytes=1_000, resolver=resolver_for({}))


def test_streamed_body_over_the_limit_is_aborted() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=iter([b"a" * 600, b"a" * 600, b"a" * 600]))

    with pytest.raises(FetchError, match="exceeded the 1 kB limit while downloading"):
        fetch(
            "https://news.example/x",
            client=client_for(handler),
            max_bytes=1_000,
            resolver=resolver_for({}),
        )


def test_timeouts_become_fetch_errors_that_name_the_limit() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("timed out", request=request)

    with pytest.raises(FetchError, match=r"timed out after 3 s .*raise --timeout"):
        fetch(
            "https://news.example/x",
            client=client_for(handler),
            timeout=3,
            resolver=resolver_for({}),
        )


def test_timeout_is_passed_to_httpx_as_the_remaining_time() -> None:
    seen: list[dict[str, float]] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.extensions["timeout"])
        return ok(request)

    fetch(
        "https://news.example/x", client=client_for(handler), timeout=7, resolver=resolver_for({})
    )
    assert 6 < seen[0]["read"] <= 7 and 6 < seen[0]["connect"] <= 7


def test_connection_errors_become_fetch_errors() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("connection refused", request=request)

    with pytest.raises(FetchError, match="could not connect to https://news.example/x"):
        fetch("https://news.example/x", client=client_for(handler), resolver=resolver_for({}))
