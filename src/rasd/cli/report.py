"""``rasd export``, ``rasd stats`` and ``rasd incidents``: the store's read side.

    rasd export --format acled-csv --from 2016-11-01 --admin1 Aleppo -o aleppo.csv
    rasd export --level report --format jsonl -o reports.jsonl
    rasd stats --country Syria
    rasd incidents --limit 20

Exports are deterministic: rows are sorted by event date then id, and every
value comes from the articles (never the clock), so two stores built from the
same input, in any order, export byte-identical files. The writers are
:mod:`rasd.export`'s.
"""
from __future__ import annotations

from typing import Any, Callable

import click

from ..errors import RasdError
from ..export import format_for_path, open_writer
from ..store import Filters, Store
from .store import EXIT_FATAL, db_option, open_store

#: ``--format`` names → rasd.export formats
FORMAT_NAMES: dict[str, str] = {"acled-csv": "csv", "csv": "csv", "jsonl": "jsonl",
                                "geojson": "geojson", "parquet": "parquet"}
BAR_WIDTH = 30


def filter_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """The selection options shared by export, stats and incidents."""
    options = [
        click.option("--from", "date_from", metavar="YYYY-MM-DD", help="First event date."),
        click.option("--to", "date_to", metavar="YYYY-MM-DD", help="Last event date."),
        click.option("--country", help="Country (exact, any case)."),
        click.option("--admin1", help="Governorate / province (exact, any case)."),
        click.option("--type", "event_type", help="Event type or sub-event type."),
        click.option("--actor", help="Part of actor1 or actor2's name."),
        click.option("--min-deaths", type=click.IntRange(min=0), help="At least this many deaths."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def _filters(kw: dict[str, Any]) -> Filters:
    for key in ("date_from", "date_to"):
        value = kw.get(key)
        if value and not (len(value) == 10 and value[4] == "-" and value[7] == "-"):
            raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)",
                                     param_hint=f"--{key[5:]}")
    return Filters(kw.get("date_from"), kw.get("date_to"), kw.get("country"), kw.get("admin1"),
                   kw.get("event_type"), kw.get("actor"), kw.get("min_deaths"))


def rows_of(store: Store, level: str, filters: Filters) -> list[dict[str, Any]]:
    """What an export writes: incidents, or every current report (events, tallies, statements)."""
    return store.incidents(filters) if level == "incident" else store.reports(filters)


@click.command("export")
@db_option
@click.option("-f", "--format", "fmt", type=click.Choice(sorted(FORMAT_NAMES)), default=None,
              help="Output format [default: from -o's suffix, else acled-csv].")
@click.option("--level", type=click.Choice(["incident", "report"]), default="incident",
              show_default=True, help="Merged incidents, or every report as extracted.")
@click.option("-o", "--output", "target", default="-", show_default=True, metavar="FILE",
              help="Output file; - is standard output.")
@filter_options
def export(db_url: str, fmt: str | None, level: str, target: str, **kw: Any) -> None:
    """Export incidents (or reports) as ACLED CSV, JSONL, GeoJSON or Parquet."""
    filters = _filters(kw)
    fmt_name = FORMAT_NAMES[fmt] if fmt else (format_for_path(target) or "csv")
    with open_store(db_url) as store:
        try:
            rows = rows_of(store, level, filters)
            with open_writer(fmt_name, target, stdout=click.get_binary_stream("stdout")) as w:
                for row in rows:
                    w.write(row)
        except RasdError as exc:
            click.echo(f"error {exc}", err=True)
            raise SystemExit(EXIT_FATAL) from exc
    click.echo(f"rasd export: {len(rows):,} {level}s written to {target} ({fmt_name})", err=True)


def _table(title: str, rows: list[tuple[str, int, int]], limit: int) -> list[str]:
    if not rows:
        return [f"{title}: nothing"]
    shown = rows[:limit]
    most = max(r[2] for r in shown) or 1
    width = min(40, max(len(r[0]) for r in shown))
    out = [f"{title}", f"  {'':<{width}}  {'incidents':>9}  {'deaths':>7}"]
    for key, incidents, deaths in shown:
        bar = "█" * round(BAR_WIDTH * deaths / most)
        out.append(f"  {key[:width]:<{width}}  {incidents:>9,}  {deaths:>7,}  {bar}")
    if len(rows) > limit:
        out.append(f"  … {len(rows) - limit:,} more")
    return out


@click.command("stats")
@db_option
@click.option("--limit", type=click.IntRange(min=1), default=15, show_default=True,
              help="Rows per table (days are all shown).")
@filter_options
def stats(db_url: str, limit: int, **kw: Any) -> None:
    """Deaths and incidents by day, by admin1 and by actor."""
    filters = _filters(kw)
    with open_store(db_url) as store:
        figures = store.stats(filters)
    days = figures["day"]
    total = (sum(d[1] for d in days), sum(d[2] for d in days))
    click.echo(f"{total[0]:,} incidents, {total[1]:,} deaths (ACLED's conservative count; "
               "tallies excluded)")
    for title, rows, n in (("by day", days, len(days) or 1),
                           ("by admin1", figures["admin1"], limit),
                           ("by actor (an incident counts for each side)", figures["actor"], limit)):
        click.echo("")
        click.echo("\n".join(_table(title, rows, n)))


@click.command("incidents")
@db_option
@click.option("--limit", type=click.IntRange(min=1), default=50, show_default=True)
@filter_options
def incidents(db_url: str, limit: int, **kw: Any) -> None:
    """The merged incidents as a table (most deaths first)."""
    filters = _filters(kw)
    with open_store(db_url) as store:
        rows = store.incidents(filters, reports=False)
    click.echo("\n".join(incident_table(rows, limit)))


def incident_table(rows: list[dict[str, Any]], limit: int = 50) -> list[str]:
    """Lines of the incidents table: date, place (Arabic and English), admin1,
    type, first actor, deaths (range), children, women, injured, reports,
    contradiction flag, id."""
    if not rows:
        return ["no incidents"]
    rows = sorted(rows, key=lambda r: (-(r.get("fatalities") or 0), str(r.get("event_date")),
                                       r["incident_id"]))
    out = [f"{'date':<10}  {'place':<16}  {'place (en)':<16}  {'admin1':<12}  {'sub-event':<22}  "
           f"{'actor1':<24}  {'deaths':>9}  {'ch':>3}  {'wo':>3}  {'inj':>4}  {'rep':>3}  {'!':1}  incident"]
    for r in rows[:limit]:
        out.append(f"{_cell(r.get('event_date'), 10)}  {_cell(r.get('location_ar'), 16)}  "
                   f"{_cell(r.get('location'), 16)}  {_cell(r.get('admin1'), 12)}  "
                   f"{_cell(r.get('sub_event_type'), 22)}  {_cell(r.get('actor1'), 24)}  "
                   f"{_deaths(r):>9}  {_num(r.get('fatalities_children')):>3}  "
                   f"{_num(r.get('fatalities_women')):>3}  {_num(r.get('injured')):>4}  "
                   f"{r.get('n_reports', 1):>3}  {'!' if r.get('contradictory') else ' '}  "
                   f"{r['incident_id']}")
    if len(rows) > limit:
        out.append(f"… {len(rows) - limit:,} more (--limit)")
    return out


def _cell(value: Any, width: int) -> str:
    return str(value if value not in (None, "") else "-")[:width].ljust(width)


def _num(value: Any) -> str:
    return "-" if value is None else str(value)


def _deaths(r: dict[str, Any]) -> str:
    rng = r.get("fatalities_reported") or {}
    deaths = _num(r.get("fatalities"))
    if rng and rng.get("max") != rng.get("min"):
        deaths += f" ({rng['min']}-{rng['max']})"
    return deaths

COMMANDS = [export, stats, incidents]
