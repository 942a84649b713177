from __future__ import annotations

import pytest

from claimgraph.ingest.addresses import refusal

ALWAYS_REFUSED = [
    "169.254.169.254",
    "fe80::1",
    "224.0.0.1",
    "0.0.0.0",
    "::",
    "240.0.0.1",
    "255.255.255.255",
    "::ffff:169.254.169.254",
]
PRIVATE = [
    "127.0.0.1",
    "::1",
    "10.0.0.1",
    "172.16.5.4",
    "192.168.1.1",
    "100.64.0.1",
    "fd00::1",
    "::ffff:10.0.0.1",
]
PUBLIC = ["93.184.216.34", "2606:4700:4700::1111", "8.8.8.8"]


@pytest.mark.parametrize("address", ALWAYS_REFUSED)
def test_link_local_multicast_reserved_are_refused_even_when_private_is_allowed(
    address: str,
) -> None:
    assert refusal(address, allow_private=False) is not None
    reason = refusal(address, allow_private=True)
    assert reason is not None and "never fetched" in reason


@pytest.mark.parametrize("address", PRIVATE)
def test_loopback_and_private_are_refused_unless_allowed(address: str) -> None:
    reason = refusal(address, allow_private=False)
    assert reason is not None and "allow_private" in reason
    assert refusal(address, allow_private=True) is None


@pytest.mark.parametrize("address", PUBLIC)
def test_public_addresses_are_allowed(address: str) -> None:
    assert refusal(address, allow_private=False) is None


def test_metadata_address_reason_says_why() -> None:
    assert "link-local" in (refusal("169.254.169.254", allow_private=True) or "")
