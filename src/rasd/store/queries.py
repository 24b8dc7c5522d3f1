"""Reading the store: filtered incidents and reports, and the figures of ``rasd stats``.

Rows are sorted in Python, not by ``ORDER BY``: SQLite compares text byte by
byte while PostgreSQL uses the database's collation, and exports must be
byte-identical whichever database they come from.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Iterable, Mapping

from ..merge.incident import report_entry, with_reports
from .codec import chunks, loads, marks
from .links import report_links

if TYPE_CHECKING:
    from .dialect import Dialect


@dataclass(frozen=True)
class Filters:
    """What ``rasd export`` and ``rasd stats`` select (all optional, combined with AND)."""

    date_from: str | None = None  # YYYY-MM-DD, inclusive
    date_to: str | None = None  # YYYY-MM-DD, inclusive
    country: str | None = None  # exact, case-insensitive
    admin1: str | None = None  # exact, case-insensitive
    type: str | None = None  # event type or sub-event type, case-insensitive
    actor: str | None = None  # part of actor1 or actor2, case-insensitive
    min_deaths: int | None = None

    def where(self, t: str = "") -> tuple[str, list[Any]]:
        """A SQL condition on the typed columns (shared by records and incidents).

        ``t`` is the table alias with its dot (``"r."``), or "".
        """
        conds: list[str] = []
        params: list[Any] = []
        if self.date_from:
            conds.append(f"{t}event_date >= ?")
            params.append(self.date_from)
        if self.date_to:
            conds.append(f"{t}event_date <= ?")
            params.append(self.date_to + "~")  # "~" sorts after any time suffix
        for column, value in (("country", self.country), ("admin1", self.admin1)):
            if value:
                conds.append(f"lower({t}{column}) = ?")
                params.append(value.lower())
        if self.type:
            conds.append(f"(lower({t}event_type) = ? OR lower({t}sub_event_type) = ?)")
            params += [self.type.lower()] * 2
        if self.actor:
            conds.append(f"(lower({t}actor1) LIKE ? OR lower({t}actor2) LIKE ?)")
            params += [f"%{self.actor.lower()}%"] * 2
        if self.min_deaths is not None:
            conds.append(f"{t}fatalities >= ?")
            params.append(int(self.min_deaths))
        return (" AND ".join(conds) or "1 = 1"), params


def _order(row: Mapping[str, Any], id_key: str) -> tuple[str, str]:
    return (str(row.get("event_date") or ""), str(row[id_key]))


class QueriesMixin:
    """Read methods of :class:`rasd.store.Store`."""

    db: "Dialect"

    def incidents(self, filters: Filters = Filters(), *, reports: bool = True
                  ) -> list[dict[str, Any]]:
        """Merged incidents (events only), by date then id.

        With ``reports``, each lists its reports (``reports``, with the links that
        put each one there) and their ``article_id``s; without, only the merged fields.
        """
        where, params = filters.where()
        rows = self.db.query(f"SELECT data FROM incidents WHERE {where}", params)
        out = sorted((loads(r["data"]) for r in rows), key=lambda r: _order(r, "incident_id"))
        if not reports:
            return out
        entries = self._entries([r["incident_id"] for r in out])
        return [with_reports(inc, entries.get(inc["incident_id"], [])) for inc in out]

    def _entries(self, incidents: list[str]) -> dict[str, list[dict[str, Any]]]:
        """Each incident's report entries (:func:`rasd.merge.incident.report_entry`)."""
        members: dict[str, dict[str, list[tuple[str, dict[str, Any]]]]] = {}
        for part in chunks(sorted(incidents)):
            for row in self.db.query(
                    f"SELECT p.incident_id, p.profile_id, r.event_id, r.data FROM records r "
                    f"JOIN profiles p ON p.profile_id = r.profile_id WHERE p.incident_id IN "
                    f"({marks(len(part))})", part):
                members.setdefault(row["incident_id"], {}).setdefault(
                    row["profile_id"], []).append((row["event_id"], loads(row["data"])))
        links = report_links(self.db, {inc: {p: [e for e, _ in reps] for p, reps in by.items()}
                                       for inc, by in members.items()})
        return {inc: [report_entry(rec, links[eid]) for reps in by.values() for eid, rec in reps]
                for inc, by in members.items()}

    def reports(self, filters: Filters = Filters(),
                kinds: Iterable[str] = ("event", "tally", "statement")) -> list[dict[str, Any]]:
        """Current reports (effective records, each with its ``incident_id``), by date then id."""
        where, params = filters.where("r.")
        kinds = tuple(kinds)
        rows = self.db.query(
            f"SELECT r.data, p.incident_id FROM records r LEFT JOIN profiles p "
            f"ON p.profile_id = r.profile_id WHERE r.is_current = 1 "
            f"AND r.kind IN ({','.join('?' * len(kinds))}) AND {where}",
            [*kinds, *params])
        out = []
        for row in rows:
            rec = loads(row["data"])
            rec["incident_id"] = row["incident_id"]
            out.append(rec)
        return sorted(out, key=lambda r: _order(r, "event_id"))

    def incident(self, incident_id: str) -> dict[str, Any] | None:
        """One incident with its reports, or None."""
        rows = self.db.query("SELECT data FROM incidents WHERE incident_id = ?", (incident_id,))
        if not rows:
            return None
        return with_reports(loads(rows[0]["data"]), self._entries([incident_id]).get(incident_id, []))

    def stats(self, filters: Filters = Filters()) -> dict[str, list[tuple[str, int, int]]]:
        """Incidents and deaths by day, by admin1 and by actor: (key, incidents, deaths), sorted."""
        groups: dict[str, dict[str, list[int]]] = {"day": defaultdict(lambda: [0, 0]),
                                                   "admin1": defaultdict(lambda: [0, 0]),
                                                   "actor": defaultdict(lambda: [0, 0])}
        for inc in self.incidents(filters, reports=False):
            deaths = int(inc.get("fatalities") or 0)
            keys = {"day": [inc.get("event_date") or "?"], "admin1": [inc.get("admin1") or "?"],
                    # an incident counts for each side it involves
                    "actor": sorted({a for a in (inc.get("actor1"), inc.get("actor2")) if a}) or ["?"]}
            for group, names in keys.items():
                for name in names:
                    groups[group][name][0] += 1
                    groups[group][name][1] += deaths
        return {
            "day": sorted((k, v[0], v[1]) for k, v in groups["day"].items()),
            "admin1": sorted(((k, v[0], v[1]) for k, v in groups["admin1"].items()),
                             key=lambda t: (-t[2], -t[1], t[0])),
            "actor": sorted(((k, v[0], v[1]) for k, v in groups["actor"].items()),
                            key=lambda t: (-t[2], -t[1], t[0])),
        }

