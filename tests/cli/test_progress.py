"""Progress: silent off a terminal, throttled redraws, errors printed above the bar."""
from __future__ import annotations

import io

from rasd.cli.progress import Progress


class Clock:
    def __init__(self) -> None:
        self.t = 100.0

    def __call__(self) -> float:
        return self.t


def test_silent_when_not_a_terminal_but_error_lines_still_print():
    out = io.StringIO()
    with Progress(10, "extract", out) as bar:
        bar.update(3)
        bar.write("error [RASD101] f:2: empty text")
    assert out.getvalue() == "error [RASD101] f:2: empty text\n"


def test_forced_bar_shows_count_rate_eta_errors():
    out, clock = io.StringIO(), Clock()
    bar = Progress(100, "extract", out, force=True, clock=clock)
    clock.t += 2.0
    bar.update(50, errors=1)
    assert bar.line() == "extract: 50/100 (50%) · 25 articles/s · ETA 0:02 · 1 error"
    bar.close()
    assert out.getvalue().endswith("\n")


def test_redraws_at_most_every_interval():
    out, clock = io.StringIO(), Clock()
    bar = Progress(None, "x", out, force=True, clock=clock, interval=0.2)
    for _ in range(100):
        clock.t += 0.001
        bar.update()
    assert out.getvalue().count("\r") == 1  # 0.1 s of updates: one draw
    clock.t += 0.2
    bar.update()
    assert out.getvalue().count("\r") == 2


def test_unknown_total_shows_no_eta():
    clock = Clock()
    bar = Progress(None, "ingest", io.StringIO(), force=True, clock=clock)
    clock.t += 1
    bar.update(7)
    assert bar.line() == "ingest: 7 · 7 articles/s · 0 errors"


def test_error_line_clears_the_bar_then_redraws_it():
    out, clock = io.StringIO(), Clock()
    bar = Progress(4, "extract", out, force=True, clock=clock)
    bar.update()
    bar.write("error [RASD104] a.jsonl:2: malformed JSON")
    text = out.getvalue()
    assert "\rerror [RASD104] a.jsonl:2: malformed JSON\n" in text
    assert text.endswith(bar.line())
