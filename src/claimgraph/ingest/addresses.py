"""Which network addresses the fetcher may connect to.

The rule, applied to every address a host name resolves to and to every redirect hop:

* Always refused, even with ``allow_private=True``: link-local addresses
  (169.254.0.0/16, fe80::/10; this is where cloud metadata services such as
  169.254.169.254 live), multicast, unspecified (0.0.0.0, ::), reserved and broadcast
  addresses. No document lives there; only credentials do.
* Refused unless ``allow_private=True``: loopback (127.0.0.0/8, ::1), private networks
  (10/8, 172.16/12, 192.168/16, fc00::/7), shared address space (100.64/10) and any other
  address that is not globally routable.
* Allowed: globally routable addresses.

IPv4-mapped IPv6 addresses (``::ffff:10.0.0.1``) are judged as the IPv4 address they carry.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

#: Resolves a host name and port to the IP addresses to try. The seam for tests.
Resolver = Callable[[str, int], list[str]]

_SHARED = ipaddress.ip_network("100.64.0.0/10")  # carrier-grade NAT, not "private" to Python


def system_resolver(host: str, port: int) -> list[str]:
    """Resolve ``host`` with the operating system's resolver (``getaddrinfo``)."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def refusal(address: str, *, allow_private: bool) -> str | None:
    """Why the fetcher must not connect to ``address``, or ``None`` when it may."""
    ip: IPAddress = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    if ip.is_link_local:
        return (
            f"address {ip} is link-local (cloud metadata services live there) and is never fetched"
        )
    if ip.is_multicast or ip.is_unspecified:
        return f"address {ip} is multicast or unspecified and is never fetched"
    if isinstance(ip, ipaddress.IPv4Address) and ip == ipaddress.IPv4Address("255.255.255.255"):
        return f"address {ip} is the broadcast address and is never fetched"
    if ip.is_loopback:
        return None if allow_private else _private_reason(ip)
    if ip.is_reserved:
        return f"address {ip} is reserved and is never fetched"
    if ip.is_private or ip in _SHARED:
        return None if allow_private else _private_reason(ip)
    if ip.is_global or allow_private:
        return None
    return _private_reason(ip)


def _private_reason(ip: IPAddress) -> str:
    kind = "loopback" if ip.is_loopback else "private or not globally routable"
    return f"address {ip} is {kind}; pass allow_private=True (--allow-private) to fetch it"
