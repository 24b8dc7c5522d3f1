#!/usr/bin/env python3
"""`make bench`: extraction speed and memory over the conflict corpus, written to BENCHMARKS.md.

One process, the code path of `rasd extract` (reader → Extractor → JSONL
writer to a temporary file), beside the cost of bare reading plus
normalization in the same run, and the time each stage takes.
Peak memory is the process's RSS high-water mark (getrusage).
"""
from __future__ import annotations

import argparse
import os
import platform
import re
import resource
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Sequence

from rasd.cli.extract import run_extract
from rasd.cli.progress import Progress
from rasd.document import Article, Document
from rasd.errors import RasdError
from rasd import registry
from rasd.eval import git_describe
from rasd.extract import Extractor
from rasd.io import ReadOptions, read_inputs

REPO = Path(__file__).resolve().parents[1]
CORPUS: tuple[str, ...] = (
    "data/corpus/saudinewsnet/conflict.jsonl",
    "data/corpus/arabic_newspapers_corpus_2012/conflict.jsonl",
    "data/corpus/sanad_arabiya_quiltr/all.jsonl",
)
TARGET_RATE = 200.0      # articles/s
TARGET_RSS_MB = 500.0
#: what Pipeline turns into a StageError (see rasd.pipeline)
STAGE_FAILURES = (RasdError, ValueError, KeyError, IndexError, TypeError, AttributeError,
                  ArithmeticError, RecursionError)
HISTORY_MARK = "<!-- history: bench.py appends rows below -->"


@dataclass
class Result:
    """What one bench run measured."""

    articles: int = 0
    bytes: int = 0
    startup_s: float = 0.0
    bare_s: float = 0.0
    runs_s: list[float] = field(default_factory=list)
    runs_cpu_s: list[float] = field(default_factory=list)  # process CPU time of each run
    load_start: float = 0.0  # 1-minute load average before the first pass
    records: int = 0
    errors: int = 0
    peak_rss_mb: float = 0.0
    stages: dict[str, float] = field(default_factory=dict)  # stage → total seconds

    @property
    def best_s(self) -> float:
        return min(self.runs_s)

    def rate(self, seconds: float) -> float:
        return self.articles / seconds if seconds else 0.0


def peak_rss_mb() -> float:
    """RSS high-water mark of this process (ru_maxrss is KiB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bare_pass(inputs: Sequence[str]) -> tuple[int, int, float]:
    """Read and normalize every article: (articles, text bytes, seconds)."""
    normalize = registry.create("normalize")  # one instance, as the pipeline holds it
    start = time.perf_counter()
    n = size = 0
    for item in read_inputs(inputs):
        if isinstance(item, Article):
            normalize(Document(item))
            n += 1
            size += len(item.text.encode("utf-8"))
    return n, size, time.perf_counter() - start


def full_pass(inputs: Sequence[str], extractor: Extractor, tmp: Path
              ) -> tuple[float, float, int, int]:
    """`rasd extract INPUTS -o tmp/bench.jsonl`: (seconds, CPU seconds, records, errors)."""
    with open(os.devnull, "w") as devnull:
        quiet = Progress(None, "bench", devnull)  # errors are counted, not printed
        start, cpu = time.perf_counter(), time.process_time()
        summary = run_extract(inputs, str(tmp / "bench.jsonl"), "jsonl", ReadOptions(), quiet,
                              extractor=extractor)
        return (time.perf_counter() - start, time.process_time() - cpu, summary.records,
                summary.errors)


def stage_pass(inputs: Sequence[str], extractor: Extractor) -> dict[str, float]:
    """CPU seconds spent in each stage over all articles (failures included).

    CPU time rather than wall time: the split between stages is then not
    skewed by whatever else the machine ran meanwhile.
    """
    totals = {s.name: 0.0 for s in extractor.pipeline.stages}
    clock = time.process_time
    for item in read_inputs(inputs):
        if not isinstance(item, Article):
            continue
        doc = Document(item)
        for stage in extractor.pipeline.stages:
            t = clock()
            try:
                doc = stage(doc)
            except STAGE_FAILURES:
                break  # the full pass already counted this article as failed
            finally:
                totals[stage.name] += clock() - t
    return totals


def bench(inputs: Sequence[str], repeat: int, per_stage: bool) -> tuple[Result, Extractor]:
    res = Result(load_start=os.getloadavg()[0])
    t = time.perf_counter()
    extractor = Extractor()
    # the stages load some resources on first use: startup includes one article
    first = next(x for x in read_inputs(inputs) if isinstance(x, Article))
    extractor.extract(first)
    res.startup_s = time.perf_counter() - t
    res.articles, res.bytes, res.bare_s = bare_pass(inputs)
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(repeat):
            seconds, cpu, res.records, res.errors = full_pass(inputs, extractor, Path(tmp))
            res.runs_s.append(seconds)
            res.runs_cpu_s.append(cpu)
    if per_stage:
        res.stages = stage_pass(inputs, extractor)
    res.peak_rss_mb = peak_rss_mb()
    return res, extractor


# -- machine and report -----------------------------------------------------------

def machine(load_start: float) -> dict[str, str]:
    cpu = "unknown"
    mem = "unknown"
    try:
        info = Path("/proc/cpuinfo").read_text()
        m = re.search(r"^model name\s*:\s*(.+)$", info, re.M)
        cpu = m.group(1).strip() if m else cpu
        m = re.search(r"^MemTotal:\s*(\d+) kB", Path("/proc/meminfo").read_text(), re.M)
        mem = f"{int(m.group(1)) / 1024 / 1024:.1f} GiB" if m else mem
    except OSError:
        pass  # not Linux: the report says unknown
    return {"CPU": cpu, "cores": str(os.cpu_count()), "RAM": mem,
            # other work on the machine slows a run down: the load says how busy it was
            "load average (1 min) at the start": f"{load_start:.2f}",
            "at the end": f"{os.getloadavg()[0]:.2f}",
            "Python": f"{platform.python_implementation()} {platform.python_version()}",
            "OS": platform.platform()}


def report(res: Result, extractor: Extractor, command: str,
           files: Sequence[Path]) -> tuple[str, str]:
    """The markdown of the latest run, and its row for the history table."""
    when = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    commit = git_describe(REPO)
    rate = res.rate(res.best_s)
    ok_rate = "yes" if rate >= TARGET_RATE else "**no**"
    ok_rss = "yes" if res.peak_rss_mb < TARGET_RSS_MB else "**no**"
    runs = ", ".join(f"{s:.2f}" for s in res.runs_s)
    lines = [
        "## Latest run", "",
        f"- date: {when}; commit `{commit}`; pipeline `{extractor.version}`",
        f"- stages: {', '.join(extractor.pipeline.names)}",
        f"- command: `{command}`",
        "- corpus: " + ", ".join(f"`{f.parent.name}/{f.name}`" for f in files)
        + f" — {res.articles:,} articles, {res.bytes / 1e6:.1f} MB of text "
          f"({res.bytes / max(res.articles, 1) / 1e3:.1f} KB/article)",
        "- machine: " + "; ".join(f"{k} {v}" for k, v in machine(res.load_start).items()), "",
        "| measure | value | target | met |", "|---|---|---|---|",
        f"| extraction (reader → Extractor → JSONL file), best of {len(res.runs_s)} "
        f"| **{rate:,.0f} articles/s** ({res.best_s:.2f} s; runs: {runs} s) "
        f"| ≥ {TARGET_RATE:.0f} articles/s | {ok_rate} |",
        f"| the same, CPU time of the process (less sensitive to other work on the machine) "
        f"| {res.rate(min(res.runs_cpu_s)):,.0f} articles/s ({min(res.runs_cpu_s):.2f} s) | | |",
        f"| bare reading + normalization | {res.rate(res.bare_s):,.0f} articles/s "
        f"({res.bare_s:.2f} s) | | |",
        f"| startup (build pipeline, load resources, first article) "
        f"| {res.startup_s:.2f} s | | |",
        f"| peak memory (RSS high-water mark, whole process) | **{res.peak_rss_mb:,.0f} MB** "
        f"| < {TARGET_RSS_MB:.0f} MB | {ok_rss} |",
        f"| records written / articles failed | {res.records:,} / {res.errors:,} | | |",
    ]
    if res.stages:
        total = sum(res.stages.values()) or 1e-9
        lines += ["", "Time per stage (a separate pass, CPU time of each stage call):", "",
                  "| stage | µs/article | share |", "|---|---|---|"]
        lines += [f"| {name} | {1e6 * s / max(res.articles, 1):,.0f} | {100 * s / total:.0f}% |"
                  for name, s in res.stages.items()]
    row = (f"| {when[:10]} | `{commit}` | {len(extractor.pipeline.names)} | {rate:,.0f} "
           f"| {res.peak_rss_mb:,.0f} | {res.records:,} | {res.rate(min(res.runs_cpu_s)):,.0f} "
           f"| {res.load_start:.1f} / {os.getloadavg()[0]:.1f} |")
    return "\n".join(lines), row


def sections(text: str) -> list[tuple[str, str]]:
    """(heading, text) of each ``## `` section of a markdown file, in order; the
    part before the first one has heading ""."""
    out: list[tuple[str, list[str]]] = [("", [])]
    for line in text.splitlines():
        if line.startswith("## "):
            out.append((line[3:].strip(), []))
        out[-1][1].append(line)
    return [(h, "\n".join(body).strip("\n")) for h, body in out]


def write_benchmarks(path: Path, latest: str, row: str) -> None:
    """Rewrite this script's sections (header, latest run, history with the old rows,
    newest first); every other ``## `` section of the file is kept as it is, in place."""
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    old_rows: list[str] = []
    if HISTORY_MARK in text:
        tail = text.split(HISTORY_MARK, 1)[1].split("\n## ", 1)[0]
        old_rows = [x for x in tail.splitlines() if x.startswith("| 20")]
    header = "\n".join([
        "# Benchmarks", "",
        "Written by `make bench` (`scripts/bench.py`): re-run it rather than editing by hand.",
        f"Targets: at least {TARGET_RATE:.0f} articles/s in one process, under "
        f"{TARGET_RSS_MB:.0f} MB peak memory."])
    history = "\n".join([
        "## History", "", HISTORY_MARK,
        "| date | commit | stages | articles/s | peak MB | records | CPU articles/s "
        "| load start / end |",
        "|---|---|---|---|---|---|---|---|",
        row, *old_rows])
    ours = {"": header, "Latest run": latest, "History": history}
    parts = sections(text) if text else [("", "")]
    seen = {h for h, _ in parts}
    if "Latest run" not in seen:
        parts.insert(1, ("Latest run", ""))
    if "History" not in seen:
        parts.append(("History", ""))
    body = [ours.get(h, old) for h, old in parts]
    path.write_text("\n\n".join(b for b in body if b) + "\n", encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--repeat", type=int, default=2, help="full passes; the best is reported")
    parser.add_argument("--no-stages", action="store_true", help="skip the per-stage pass")
    parser.add_argument("--out", type=Path, default=REPO / "BENCHMARKS.md")
    parser.add_argument("--dry-run", action="store_true", help="print, do not write --out")
    args = parser.parse_args(argv)
    files = [args.shared / rel for rel in CORPUS]
    missing = [str(f) for f in files if not f.is_file()]
    if missing:
        print(f"bench: corpus not found: {', '.join(missing)} (pass --shared DIR)",
              file=sys.stderr)
        return 2
    inputs = [str(f) for f in files]
    res, extractor = bench(inputs, max(1, args.repeat), not args.no_stages)
    command = "make bench  # python scripts/bench.py --shared ../shared" \
        + (f" --repeat {args.repeat}" if args.repeat != 2 else "")
    latest, row = report(res, extractor, command, files)
    print(latest)
    if not args.dry_run:
        write_benchmarks(args.out, latest, row)
        print(f"\nwritten to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
