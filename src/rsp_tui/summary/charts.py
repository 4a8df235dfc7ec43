"""Provides the summary's charts: a stacked bar per row of a choice question (how many regions
answered each option), drawn with matplotlib's non-interactive Agg backend and placed in the
document with an alternative text that says everything the chart shows.

matplotlib is imported here only, so only `rsp-tui summary` pays for it. Importing it takes
longer than anything else the command does, so the command line draws the charts in a process
of its own (`Drawer.start`), forked before the inputs are read: it imports matplotlib and draws
while this process reads the reports and writes the rest of the document, and the pictures
are put in their places last (`Drawer.draw` hands back a function that waits for one). The
app, which runs threads, draws them here (`Drawer()`).
"""

from __future__ import annotations

import io
import sys
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rsp_tui.summary.figures import ChoiceCounts

# Colour-blind-safe (Okabe–Ito) with grey for "not answered"; every segment is also labelled
# with its number, so the chart never depends on colour alone.
PALETTE = ["#D55E00", "#E69F00", "#009E73", "#0072B2", "#56B4E9", "#CC79A7", "#F0E442"]
GREY = "#BBBBBB"
LEGEND_COLUMNS = 4


@dataclass(frozen=True)
class Bars:
    """What a chart shows, in plain values: what is sent to the drawing process (nothing of
    our form models to pickle)."""

    labels: list[str]
    """One bar per row."""
    categories: list[str]
    values: list[list[int]]
    """Per category, the count for each row."""
    not_answered: str
    """The category drawn grey."""
    other: str
    """The category for answers outside the options."""


def bars_of(labels: list[str], counts: ChoiceCounts, row_ids: list[str]) -> Bars:
    from rsp_tui.summary.figures import NOT_ANSWERED, OTHER

    values = [[counts.counts[r][c] for r in row_ids] for c in counts.categories]
    return Bars(list(labels), list(counts.categories), values, NOT_ANSWERED, OTHER)


def _colour(b: Bars, n: int, category: str) -> str:
    if category == b.not_answered:
        return GREY
    if category == b.other:
        return "#999933"
    return PALETTE[n % len(PALETTE)]


def legend_order(n: int, columns: int) -> list[int]:
    """The order to hand matplotlib `n` legend entries in so that they read row by row, like
    the bars (matplotlib fills a legend column by column, the first `n % columns` columns one
    entry longer): the steps of the samverkanstrappa then read Samtal, Samråd, Samarbete, …
    on the first row instead of down the columns."""
    return [k for c in range(columns) for k in range(c, n, columns)]


def choice_chart(labels: list[str], counts: ChoiceCounts, row_ids: list[str]) -> bytes:
    """A horizontal stacked bar per row (`labels`), one segment per category; PNG bytes."""
    return draw_bars(bars_of(labels, counts, row_ids))


def draw_bars(b: Bars) -> bytes:
    """`choice_chart` from plain values."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    labels = b.labels
    legend_rows = -(-len(b.categories) // LEGEND_COLUMNS)
    height = 0.55 * len(labels) + 1.3 + 0.25 * (legend_rows - 1)
    fig = Figure(figsize=(7.0, height), dpi=120)
    ax: Any = fig.add_subplot()
    wrapped = [textwrap.fill(label, 28) for label in labels]
    positions = list(range(len(labels)))[::-1]
    lefts = [0] * len(labels)
    total = max((sum(column) for column in zip(*b.values, strict=True)), default=0)
    for n, (category, values) in enumerate(zip(b.categories, b.values, strict=True)):
        bars = ax.barh(
            positions,
            values,
            left=lefts,
            color=_colour(b, n, category),
            label=category,
            edgecolor="white",
            height=0.7,
        )
        for bar, value in zip(bars, values, strict=True):
            if value:
                ax.text(
                    bar.get_x() + bar.get_width() / 2,
                    bar.get_y() + bar.get_height() / 2,
                    str(value),
                    ha="center",
                    va="center",
                    fontsize=8,
                    color="black"
                    if category in (b.not_answered, b.other) or n in (1, 4, 6)
                    else "white",
                )
        lefts = [a + b for a, b in zip(lefts, values, strict=True)]
    ax.set_yticks(positions)
    ax.set_yticklabels(wrapped, fontsize=8)
    ax.set_xlim(0, max(total, 1))
    ax.set_xlabel("Antal rapporter", fontsize=8)
    ax.tick_params(axis="x", labelsize=8)
    ax.xaxis.get_major_locator().set_params(integer=True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    bottom = (1.0 + 0.25 * (legend_rows - 1)) / height
    axes_height = height * (1 - bottom) - 0.15  # inches; the legend goes 0.45 in below
    columns = min(len(b.categories), LEGEND_COLUMNS)
    handles, names = ax.get_legend_handles_labels()
    order = legend_order(len(names), columns)
    ax.legend(
        [handles[k] for k in order],
        [names[k] for k in order],
        loc="upper center",
        bbox_to_anchor=(0.5, -0.45 / axes_height),
        ncol=columns,
        fontsize=8,
        frameon=False,
    )
    # Fixed margins instead of tight_layout, which draws the whole figure once more.
    fig.subplots_adjust(left=0.34, right=0.97, top=1 - 0.15 / height, bottom=bottom)
    out = io.BytesIO()
    fig.savefig(out, format="png")
    return out.getvalue()


def alt_text(title: str, labels: list[str], counts: ChoiceCounts, row_ids: list[str]) -> str:
    """Everything the chart shows, as text: `<rad>: Minskar 3, Oförändrat 10, …`."""
    parts = [f"Stapeldiagram: {title}."]
    for label, r in zip(labels, row_ids, strict=True):
        values = ", ".join(f"{c} {counts.counts[r][c]}" for c in counts.categories)
        parts.append(f"{label}: {values}.")
    return " ".join(parts)


def add_picture(paragraph: Any, png: bytes, width_cm: float, title: str, description: str) -> None:
    """The picture in `paragraph` (an empty one of its own), with a title and an alternative
    text (docPr)."""
    from docx.oxml.ns import qn
    from docx.shared import Cm

    run = paragraph.add_run()
    shape = run.add_picture(io.BytesIO(png), width=Cm(width_cm))
    doc_pr = shape._inline.find(qn("wp:docPr"))
    doc_pr.set("descr", description)
    doc_pr.set("title", title)


WAIT_SECONDS = 120.0
"""How long to wait for the drawing process's next chart before drawing it here (a chart takes
a fraction of a second; this is only for a process that hangs)."""


def _import_matplotlib() -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.backends.backend_agg  # noqa: F401  (what savefig uses)
    import matplotlib.figure  # noqa: F401


def _serve(connection: Any, other_end: Any) -> None:
    """The drawing process: import matplotlib, then draw every job sent until the other end
    closes; each answer is (job number, PNG bytes or None when drawing failed)."""
    import signal

    other_end.close()  # the copy forked with us: else the other end never seems closed
    # Ctrl+C is for the command, which stops and closes its end; this process then ends
    # quietly instead of printing a traceback of its own.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        _import_matplotlib()
    except Exception:
        pass  # each job then fails, and is drawn by the other process (and fails there)
    while True:
        try:
            number, job = connection.recv()
        except (EOFError, OSError):
            return
        try:
            png: bytes | None = draw_bars(job)
        except Exception:
            png = None
        try:
            connection.send((number, png))
        except OSError:
            return


class Drawer:
    """Draws the charts: in this process, or, once `start`ed, in a forked process of its own.
    Anything that goes wrong with that process (no fork on this system, the process gone)
    only means the chart is drawn here."""

    def __init__(self) -> None:
        self._connection: Any = None
        self._process: Any = None
        self._jobs: dict[int, Bars] = {}
        self._done: dict[int, bytes | None] = {}

    @classmethod
    def start(cls) -> Drawer:
        """A drawer whose process starts now (importing matplotlib): call it before the slow
        work, and before any thread is started."""
        import multiprocessing

        drawer = cls()
        if "fork" not in multiprocessing.get_all_start_methods():
            return drawer
        for stream in (sys.stdout, sys.stderr):  # else the child flushes their copies too
            if stream is not None:
                stream.flush()
        try:
            context = multiprocessing.get_context("fork")
            here, there = context.Pipe()
            process = context.Process(target=_serve, args=(there, here), daemon=True)
            process.start()
            there.close()
        except Exception:  # e.g. no processes allowed: draw here instead
            return drawer
        drawer._connection, drawer._process = here, process
        return drawer

    def draw(
        self, labels: list[str], counts: ChoiceCounts, row_ids: list[str]
    ) -> Callable[[], bytes]:
        """Begin drawing `choice_chart(labels, counts, row_ids)`; the function returned gives
        the PNG bytes (waiting for them if need be)."""
        job = bars_of(labels, counts, row_ids)
        if self._connection is None:
            png = draw_bars(job)
            return lambda: png
        number = len(self._jobs)
        self._jobs[number] = job
        try:
            self._connection.send((number, job))
        except (OSError, ValueError):
            self._stop()
        return lambda: self._result(number)

    def _result(self, number: int) -> bytes:
        while number not in self._done and self._connection is not None:
            try:
                if not self._connection.poll(WAIT_SECONDS):
                    self._stop()  # stuck: draw the rest here
                    break
                got, png = self._connection.recv()
            except (EOFError, OSError):
                self._stop()
                break
            self._done[got] = png
        png = self._done.get(number)
        return png if png is not None else draw_bars(self._jobs[number])

    def _stop(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def close(self) -> None:
        """End the drawing process (it ends by itself when this one does, too)."""
        self._stop()
        if self._process is not None:
            self._process.join(timeout=5)
            if self._process.is_alive():
                self._process.kill()
                self._process.join()
            self._process = None
