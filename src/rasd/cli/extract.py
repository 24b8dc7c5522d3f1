"""``rasd extract``: articles in, one record per line out.

    rasd extract data.jsonl pages/ https://example.org/feed.xml -o events.csv

Reads every input (see :mod:`rasd.io`), runs :class:`rasd.extract.Extractor`,
writes the records (see :mod:`rasd.export`). Each bad article is one line on
stderr (``error [RASD104] data.jsonl:17: malformed JSON: ...``) and the batch
goes on; a summary line ends the run.

Exit status: 0 every article was processed; 1 some articles failed (all the
others were written); 2 usage error; 3 nothing could run (the pipeline or its
resources are broken, or the output cannot be written).
"""
from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import date
from typing import BinaryIO, Sequence

import click

from ..errors import ExportError, InputError, PipelineError, RasdError
from ..export import FORMATS, format_for_path, open_writer
from ..extract import Extractor
from ..io import ReadOptions, count_articles, read_inputs
from .progress import Progress

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_FATAL = 0, 1, 2, 3


@dataclass
class Summary:
    """What a run did."""

    articles: int = 0   # articles read (whether or not extraction succeeded)
    records: int = 0    # records written
    errors: int = 0     # bad inputs plus failed extractions
    seconds: float = 0.0

    @property
    def rate(self) -> float:
        return self.articles / self.seconds if self.seconds > 0 else 0.0

    def line(self) -> str:
        return (f"rasd extract: {_n(self.articles, 'article')} read, "
                f"{_n(self.records, 'record')}, {_n(self.errors, 'error')} "
                f"in {self.seconds:.2f} s ({self.rate:,.0f} articles/s)")


def _n(count: int, noun: str) -> str:
    return f"{count:,} {noun}{'' if count == 1 else 's'}"


def run_extract(inputs: Sequence[str], target: str, fmt: str, options: ReadOptions,
                progress: Progress, extractor: Extractor | None = None,
                stdout: BinaryIO | None = None) -> Summary:
    """Read, extract and write; bad articles are reported on ``progress``.

    The code path of ``rasd extract`` (and of ``make bench``). Raises
    ExportError when the output cannot be written, RasdError when the
    extractor cannot be built.
    """
    started = time.perf_counter()
    extractor = extractor or Extractor()
    summary = Summary()
    with open_writer(fmt, target, stdout=stdout) as writer:
        for item in read_inputs(inputs, options):
            if isinstance(item, InputError):
                summary.errors += 1
                progress.write(f"error {item}")
                progress.update(errors=1)
                continue
            summary.articles += 1
            result = extractor.extract(item)
            if result.error is not None:
                summary.errors += 1
                progress.write(f"error {result.error}")
                progress.update(errors=1)
                continue
            try:
                for record in result.records:
                    writer.write(record)
            except OSError as exc:
                raise ExportError(f"cannot write {target}: {exc.strerror or exc}") from exc
            progress.update()
    summary.records = writer.count
    summary.seconds = time.perf_counter() - started
    return summary


def _build_extractor() -> Extractor:
    try:
        return Extractor()
    except ImportError as exc:
        # a stage module that does not import is a broken installation: say
        # which module, exit 3, instead of a traceback
        raise PipelineError(f"cannot load the pipeline's stages: {exc}") from exc


def _published(ctx: click.Context, param: click.Parameter, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)") from None


@click.command("extract")
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option("-o", "--output", "target", default="-", show_default=True, metavar="OUT",
              help="Output file; - is standard output.")
@click.option("-f", "--format", "fmt", type=click.Choice(FORMATS), default=None,
              help="Output format [default: from OUT's suffix, else jsonl].")
@click.option("--published", callback=_published, metavar="YYYY-MM-DD",
              help="Publication date of articles that carry none (.txt files, rows without it).")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=30.0, show_default=True,
              help="Seconds to wait for a feed URL.")
@click.option("--progress/--no-progress", "show_progress", default=None,
              help="Progress line on stderr [default: when stderr is a terminal].")
def extract(inputs: tuple[str, ...], target: str, fmt: str | None, published: date | None,
            timeout: float, show_progress: bool | None) -> None:
    """Extract event records from Arabic news articles.

    INPUT is a .jsonl/.csv/.txt/.html/.xml (RSS/Atom) file, a folder of them,
    an http(s) feed URL, or - for JSONL on standard input.
    """
    fmt = fmt or format_for_path(target) or "jsonl"
    if fmt == "parquet" and target == "-":
        raise click.UsageError("parquet is a binary format: give an output file with -o")
    err = click.get_text_stream("stderr")
    options = ReadOptions(published=published, timeout=timeout,
                          stdin=click.get_binary_stream("stdin"))
    enabled = show_progress if show_progress is not None else err.isatty()
    total = count_articles(inputs) if enabled else None
    bar = Progress(total, "extract", err, force=bool(show_progress))
    if show_progress is False:
        bar.enabled = False
    try:
        extractor = _build_extractor()
        with bar:
            summary = run_extract(inputs, target, fmt, options, bar, extractor,
                                  stdout=click.get_binary_stream("stdout"))
    except RasdError as exc:
        click.echo(f"error {exc}", err=True)
        raise SystemExit(EXIT_FATAL) from exc
    click.echo(summary.line(), err=True)
    raise SystemExit(EXIT_FAILED if summary.errors else EXIT_OK)


COMMANDS = [extract]
