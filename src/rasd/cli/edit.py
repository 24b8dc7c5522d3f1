"""``rasd edit``: analysts correct reports and incidents, join or split links, read the log.

    rasd edit record 3f2a... fatalities 19 --who rana --note "the text says 19"
    rasd edit incident 9c1b... notes "confirmed by the council" --who rana
    rasd edit link 3f2a... 77d0... split --who omar
    rasd edit log [ID]

VALUE is read as JSON when it parses (``19``, ``null``, ``["a", "b"]``), else
as text. Every edit keeps who, when, the old and the new value; ``rasd
reprocess`` keeps them.
"""
from __future__ import annotations

import json
from typing import Any

import click

from ..errors import RasdError
from ..store.edits import LINK_DECISIONS
from .store import EXIT_FATAL, db_option, open_store

who_option = click.option("--who", required=True, envvar="RASD_ANALYST",
                          help="The analyst's name (env RASD_ANALYST).")
note_option = click.option("--note", help="Why (kept with the edit).")


def parse_value(text: str) -> Any:
    """JSON when it parses, else the text itself."""
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        return text


def _run(db_url: str, action: str, *args: Any, **kw: Any) -> int:
    with open_store(db_url) as store:
        try:
            return int(getattr(store, action)(*args, **kw))
        except RasdError as exc:
            click.echo(f"error {exc}", err=True)
            raise SystemExit(EXIT_FATAL) from exc


@click.group("edit")
def edit() -> None:
    """Correct the store by hand (every change is logged)."""


@edit.command("record")
@click.argument("event_id")
@click.argument("field")
@click.argument("value")
@who_option
@note_option
@db_option
def edit_record(event_id: str, field: str, value: str, who: str, note: str | None,
                db_url: str) -> None:
    """Set FIELD of the report EVENT_ID to VALUE (its incident is rebuilt)."""
    n = _run(db_url, "edit_record", event_id, field, parse_value(value), who=who, note=note)
    click.echo(f"edit {n}: report {event_id} {field} = {value}")


@edit.command("incident")
@click.argument("incident_id")
@click.argument("field")
@click.argument("value")
@who_option
@note_option
@db_option
def edit_incident(incident_id: str, field: str, value: str, who: str, note: str | None,
                  db_url: str) -> None:
    """Override FIELD of the incident INCIDENT_ID with VALUE."""
    n = _run(db_url, "edit_incident", incident_id, field, parse_value(value), who=who, note=note)
    click.echo(f"edit {n}: incident {incident_id} {field} = {value}")


@edit.command("link")
@click.argument("event_a")
@click.argument("event_b")
@click.argument("decision", type=click.Choice(LINK_DECISIONS))
@who_option
@note_option
@db_option
def edit_link(event_a: str, event_b: str, decision: str, who: str, note: str | None,
              db_url: str) -> None:
    """Join two reports into one incident, split them apart, or leave it to the rules (auto)."""
    n = _run(db_url, "link", event_a, event_b, decision, who=who, note=note)
    click.echo(f"edit {n}: link {event_a} {event_b} {decision}")


@edit.command("log")
@click.argument("target_id", required=False)
@db_option
def edit_log(target_id: str | None, db_url: str) -> None:
    """The edits (of one report, incident anchor or link), oldest first."""
    with open_store(db_url) as store:
        rows = store.edits(target_id)
    if not rows:
        click.echo("no edits")
    for r in rows:
        line = (f"{r['edit_id']:>5}  {r['at']}  {r['who']}  {r['target_kind']} {r['target_id']}  "
                f"{r['field']}: {json.dumps(r['old_value'], ensure_ascii=False)} → "
                f"{json.dumps(r['new_value'], ensure_ascii=False)}")
        click.echo(line + (f"  ({r['note']})" if r["note"] else ""))


COMMANDS = [edit]
