"""Byte sizes as people read them, for messages about limits."""

from __future__ import annotations

DEFAULT_MAX_BYTES = 20_000_000


def human_size(n_bytes: int) -> str:
    """``25_300_000`` -> ``"25.3 MB"``; ``20_000_000`` -> ``"20 MB"``; ``512`` -> ``"512 bytes"``."""
    for unit, factor in (("GB", 10**9), ("MB", 10**6), ("kB", 10**3)):
        if n_bytes >= factor:
            value = n_bytes / factor
            text = f"{value:.1f}"
            return f"{text.removesuffix('.0')} {unit}"
    return f"{n_bytes} bytes"
