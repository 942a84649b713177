"""Timeline charts of figure series (``claimgraph figures --plot FILE.png|svg``).

One panel per series (cohort + status [+ place]); each point is a figure from one source,
with its range drawn when it is approximate. matplotlib runs with the Agg back-end: no
screen needed.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from claimgraph.errors import ConfigError
from claimgraph.reconcile.records import FigureRecord
from claimgraph.reconcile.timelines import Series

SUFFIXES = (".png", ".svg", ".pdf")


def plot_series(series: Sequence[Series], path: Path, *, title: str = "Figures over time") -> int:
    """Draw every dated series into ``path``; returns how many series were drawn."""
    if path.suffix.lower() not in SUFFIXES:
        raise ConfigError(f"cannot draw into {path.name!r}: give a file ending in {', '.join(SUFFIXES)}")
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    drawable = [one for one in series if any(_date(point) for point in one.points)]
    if not drawable:
        raise ConfigError("no dated figures to draw: the figures shown have no as_of or publication date")
    figure, axes = plt.subplots(len(drawable), 1, figsize=(9, 2.6 * len(drawable)), squeeze=False)
    for axis, one in zip(axes[:, 0], drawable):
        points = [(when, point) for point in one.points if (when := _date(point))]
        xs = [when for when, _ in points]
        ys = [point.value or 0 for _, point in points]
        errors = [
            [(point.value or 0) - (point.low if point.low is not None else (point.value or 0) - point.tolerance()) for _, point in points],
            [(point.high if point.high is not None else (point.value or 0) + point.tolerance()) - (point.value or 0) for _, point in points],
        ]
        axis.errorbar(xs, ys, yerr=errors, fmt="o-", capsize=3)
        for when, point in points:
            label = f"{point.value_text} ({point.publisher or point.document_title})"
            axis.annotate(label[:60], (when, point.value or 0), textcoords="offset points", xytext=(4, 6), fontsize=7)
        axis.set_title(one.label, fontsize=9)
        axis.set_ylabel(one.unit)
        axis.set_ylim(bottom=0)
    figure.suptitle(title)
    figure.tight_layout()
    figure.savefig(path)
    plt.close(figure)
    return len(drawable)


def _date(point: FigureRecord) -> date | None:
    when = point.when
    if not when:
        return None
    parts = [int(part) for part in when.split("-")]
    year, month, day = (parts + [7, 1])[:3] if len(parts) == 1 else (parts + [15])[:3]
    try:
        return date(year, month, day)
    except ValueError:
        return None
