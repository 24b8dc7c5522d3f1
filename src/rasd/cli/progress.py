"""A one-line progress report for long batches (``rasd extract``, ``rasd ingest``).

    with Progress(total, "extract") as bar:
        for item in items:
            ...
            bar.update(errors=0 if ok else 1)
            if not ok:
                bar.write(f"error {exc}")   # printed above the bar

Shows the count (and percentage and ETA when the total is known), the rate in
articles per second and the errors so far. It redraws at most ``1/interval``
times a second, so it costs nothing measurable on fast batches, and it is
silent when the stream is not a terminal (a log file, CI) unless forced.
Hand-written rather than click.progressbar/tqdm because it must share stderr
with error lines (``write``) and report errors in the bar itself.
"""
from __future__ import annotations

import sys
import time
from types import TracebackType
from typing import Callable, TextIO


def _clock_fmt(seconds: float) -> str:
    seconds = max(0, int(seconds + 0.5))
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


class Progress:
    """Count, rate, ETA and errors on one redrawn line of ``stream``."""

    def __init__(self, total: int | None, label: str, stream: TextIO | None = None, *,
                 force: bool = False, interval: float = 0.2,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.total = total
        self.label = label
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = force or _is_tty(self.stream)
        self.interval = interval
        self.clock = clock
        self.count = 0
        self.errors = 0
        self.start = clock()
        self._last_draw = float("-inf")
        self._width = 0

    def __enter__(self) -> "Progress":
        self.start = self.clock()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    @property
    def elapsed(self) -> float:
        return max(self.clock() - self.start, 1e-9)

    @property
    def rate(self) -> float:
        """Items per second since the start."""
        return self.count / self.elapsed

    def update(self, n: int = 1, errors: int = 0) -> None:
        """Count ``n`` more items, ``errors`` of them failed."""
        self.count += n
        self.errors += errors
        if self.enabled and self.clock() - self._last_draw >= self.interval:
            self._draw()

    def write(self, line: str) -> None:
        """Print a line (an error) on the stream without garbling the bar."""
        if self.enabled and self._width:
            self.stream.write("\r" + " " * self._width + "\r")
        self.stream.write(line.rstrip("\n") + "\n")
        if self.enabled and self._width:
            self._draw()
        self.stream.flush()

    def line(self) -> str:
        """The text of the bar as it stands."""
        parts = [f"{self.label}: {self.count:,}"]
        rate = self.rate
        if self.total:
            pct = min(100, 100 * self.count // self.total)
            parts[0] += f"/{self.total:,} ({pct}%)"
        parts.append(f"{rate:,.0f} articles/s")
        if self.total and rate > 0 and self.count < self.total:
            parts.append(f"ETA {_clock_fmt((self.total - self.count) / rate)}")
        parts.append(f"{self.errors:,} error{'s' if self.errors != 1 else ''}")
        return " · ".join(parts)

    def _draw(self) -> None:
        text = self.line()
        pad = max(0, self._width - len(text))
        self.stream.write("\r" + text + " " * pad)
        self.stream.flush()
        self._width = len(text)
        self._last_draw = self.clock()

    def close(self) -> None:
        """Draw the final state and end the line (only if the bar was shown)."""
        if self.enabled and (self._width or self.count):
            self._draw()
            self.stream.write("\n")
            self.stream.flush()
            self._width = 0
        self.enabled = False  # closing twice, or an update after close, draws nothing


def _is_tty(stream: TextIO) -> bool:
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty and isatty())
    except ValueError:  # a closed stream
        return False
