"""The one safe fetcher: every URL claimgraph downloads goes through :func:`fetch`.

Guarantees, each checked on every redirect hop (redirects are followed here, by hand):

* only ``http`` and ``https`` URLs are fetched;
* the host name is resolved first and every address it resolves to must pass
  :func:`claimgraph.ingest.addresses.refusal`; the connection is then pinned to the
  checked address (the URL's host is replaced by the IP, with ``Host`` header and TLS
  SNI kept), so a DNS answer that changes between check and connect cannot bypass it;
* at most :data:`MAX_REDIRECTS` redirects;
* one deadline for the whole fetch, connect and read included (``timeout`` seconds);
* a size limit, checked against ``Content-Length`` before reading and while streaming.

The ``httpx.Client`` is passed in: that is the seam for tests (``httpx.MockTransport``).
Give it ``follow_redirects=False`` and ``trust_env=False`` (see :func:`make_client`): a
proxy from the environment would connect on our behalf and defeat the address check.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from dataclasses import dataclass, field, replace

import httpx

from claimgraph.errors import FetchError
from claimgraph.ingest.addresses import Resolver, refusal, system_resolver
from claimgraph.ingest.sizes import DEFAULT_MAX_BYTES, human_size

MAX_REDIRECTS = 5
DEFAULT_TIMEOUT = 20.0
DEFAULT_USER_AGENT = (
    "claimgraph/0.1 (open-source research tool; +https://github.com/claimgraph/claimgraph)"
)
ACCEPT = (
    "text/html,application/xhtml+xml,application/pdf;q=0.9,text/plain;q=0.9,"
    "application/rss+xml;q=0.8,application/atom+xml;q=0.8,*/*;q=0.5"
)
ALLOWED_SCHEMES = ("http", "https")
_REDIRECT_STATUSES = {301, 302, 303, 307, 308}


@dataclass(frozen=True)
class FetchedResponse:
    """A complete, successful (2xx) response.

    ``url`` is the final URL after redirects, with the host name (not the pinned IP).
    ``content_type`` is the media type in lower case without parameters ("" if absent);
    ``charset`` the ``charset`` parameter if given. ``redirects`` lists the URLs that
    redirected, in order.
    """

    url: str
    status: int
    content_type: str
    charset: str | None
    content: bytes
    headers: dict[str, str]
    redirects: tuple[str, ...] = field(default=())


def make_client(*, user_agent: str = DEFAULT_USER_AGENT) -> httpx.Client:
    """An ``httpx.Client`` set up the way :func:`fetch` expects it."""
    return httpx.Client(
        headers={"User-Agent": user_agent, "Accept": ACCEPT},
        follow_redirects=False,
        trust_env=False,
    )


def fetch(
    url: str,
    *,
    client: httpx.Client,
    allow_private: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
    timeout: float = DEFAULT_TIMEOUT,
    resolver: Resolver = system_resolver,
    user_agent: str = DEFAULT_USER_AGENT,
) -> FetchedResponse:
    """Download ``url`` safely; raise :class:`FetchError` (naming ``url``) when it cannot."""
    deadline = time.monotonic() + timeout
    current = _parse_url(url, url, redirected=False)
    redirects: list[str] = []
    while True:
        outcome = _fetch_once(
            url,
            current,
            client=client,
            allow_private=allow_private,
            max_bytes=max_bytes,
            timeout=timeout,
            deadline=deadline,
            resolver=resolver,
            user_agent=user_agent,
        )
        if isinstance(outcome, FetchedResponse):
            return replace(outcome, redirects=tuple(redirects))
        redirects.append(str(current))
        if len(redirects) > MAX_REDIRECTS:
            raise FetchError(
                url, f"too many redirects (more than {MAX_REDIRECTS}); last went to {outcome}"
            )
        current = _parse_url(url, outcome, redirected=True)


def _parse_url(source: str, url: str, *, redirected: bool) -> httpx.URL:
    where = f"redirect to {url!r}: " if redirected else ""
    try:
        parsed = httpx.URL(url)
    except httpx.InvalidURL as exc:
        raise FetchError(source, f"{where}invalid URL ({exc})") from exc
    scheme = parsed.scheme
    if scheme not in ALLOWED_SCHEMES:
        hint = "; pass a local file as a plain path" if scheme == "file" and not redirected else ""
        raise FetchError(
            source,
            f"{where}unsupported URL scheme {scheme!r}: only http and https are fetched{hint}",
        )
    if not parsed.host:
        raise FetchError(source, f"{where}URL has no host name")
    return parsed


def _is_ip_literal(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def _checked_address(
    source: str, url: httpx.URL, *, allow_private: bool, resolver: Resolver
) -> str:
    """The address to connect to for ``url``, after checking every address of its host."""
    host = url.host
    port = url.port or (443 if url.scheme == "https" else 80)
    if _is_ip_literal(host):
        addresses = [host]
    else:
        try:
            addresses = resolver(host, port)
        except (socket.gaierror, UnicodeError) as exc:
            raise FetchError(
                source, f"host name {host!r} could not be resolved ({exc}); check the URL"
            ) from exc
        if not addresses:
            raise FetchError(source, f"host name {host!r} resolved to no address")
    for address in addresses:
        why = refusal(address, allow_private=allow_private)
        if why is not None:
            via = "" if address == host else f" ({host} resolves to it)"
            raise FetchError(source, f"refused {url}: {why}{via}")
    return addresses[0]


def _fetch_once(
    source: str,
    url: httpx.URL,
    *,
    client: httpx.Client,
    allow_private: bool,
    max_bytes: int,
    timeout: float,
    deadline: float,
    resolver: Resolver,
    user_agent: str,
) -> FetchedResponse | str:
    """One request: the response, or the absolute URL a redirect points to."""
    address = _checked_address(source, url, allow_private=allow_private, resolver=resolver)
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise _timeout_error(source, timeout)
    headers = {"User-Agent": user_agent, "Accept": ACCEPT}
    extensions: dict[str, str] = {}
    target = url
    if not _is_ip_literal(url.host):
        target = url.copy_with(host=address)
        headers["Host"] = url.netloc.decode("ascii")
        extensions["sni_hostname"] = url.host
    request = client.build_request(
        "GET", target, headers=headers, timeout=httpx.Timeout(remaining), extensions=extensions
    )
    try:
        response = client.send(request, stream=True, follow_redirects=False)
    except httpx.TimeoutException as exc:
        raise _timeout_error(source, timeout) from exc
    except httpx.HTTPError as exc:
        raise FetchError(
            source, f"could not connect to {url}: {exc or type(exc).__name__}"
        ) from exc
    try:
        if response.status_code in _REDIRECT_STATUSES and "location" in response.headers:
            return str(url.join(response.headers["location"]))
        if not 200 <= response.status_code < 300:
            raise FetchError(
                source, f"HTTP {response.status_code} {response.reason_phrase} from {url}"
            )
        content = _read_limited(source, response, max_bytes, timeout, deadline)
    finally:
        response.close()
    raw_type = response.headers.get("content-type", "")
    media_type, _, params = raw_type.partition(";")
    return FetchedResponse(
        url=str(url),
        status=response.status_code,
        content_type=media_type.strip().lower(),
        charset=_charset(params),
        content=content,
        headers=dict(response.headers),
    )


def _read_limited(
    source: str, response: httpx.Response, max_bytes: int, timeout: float, deadline: float
) -> bytes:
    declared = response.headers.get("content-length", "")
    if declared.strip().isdigit() and int(declared) > max_bytes:
        raise FetchError(
            source,
            f"response is {human_size(int(declared))}, over the {human_size(max_bytes)} "
            "limit; raise --max-bytes to fetch it",
        )
    chunks: list[bytes] = []
    total = 0
    try:
        for chunk in response.iter_bytes():
            total += len(chunk)
            if total > max_bytes:
                raise FetchError(
                    source,
                    f"response exceeded the {human_size(max_bytes)} limit while downloading; "
                    "raise --max-bytes to fetch it",
                )
            if time.monotonic() > deadline:
                raise _timeout_error(source, timeout)
            chunks.append(chunk)
    except httpx.TimeoutException as exc:
        raise _timeout_error(source, timeout) from exc
    except httpx.HTTPError as exc:
        raise FetchError(source, f"download interrupted: {exc or type(exc).__name__}") from exc
    return b"".join(chunks)


def _charset(params: str) -> str | None:
    for param in params.split(";"):
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'").lower()
    return None


def _timeout_error(source: str, timeout: float) -> FetchError:
    return FetchError(
        source, f"timed out after {timeout:g} s (the limit); raise --timeout to wait longer"
    )
