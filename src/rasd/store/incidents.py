"""Settling one transaction's changes: regroup the profiles they reach, rewrite incidents.

:class:`TableView` shows the store's profile tables to
:func:`rasd.merge.regroup.regroup` (read lazily, changed in memory);
:func:`settle` then writes what moved. An incident's summary is rebuilt the
cheapest exact way: an incident that only gained reports or whole incidents
adds their summaries to its stored one; only an incident that lost a report
(or was split, or edited) is summed again from its reports.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, AbstractSet, Any, Iterable, Mapping, Sequence

from ..merge.incident import Summary, finalize, fold, incident_id
from ..merge.profile import SOLO, solo_id
from ..merge.regroup import regroup
from .codec import chunks, dumps, incident_columns, loads, marks, overlay

if TYPE_CHECKING:
    from .dialect import Dialect
    from .merging import Changes

_COLUMNS = ("event_date", "country", "admin1", "location", "event_type", "sub_event_type",
            "actor1", "actor2", "fatalities", "fatalities_min", "fatalities_max", "contradictory",
            "n_reports", "summary", "data")


class TableView:
    """The profile tables as a :class:`rasd.merge.regroup.View`; moves stay in memory."""

    def __init__(self, db: "Dialect") -> None:
        self.db = db
        self._rows: dict[str, tuple[str, str | None]] = {}  # profile -> (day, stored incident)
        self._label: dict[str, str] = {}
        self._members: dict[str, set[str]] = {}
        self._stored_members: dict[str, frozenset[str]] = {}
        self._links: dict[str, dict[str, int]] = {}
        self._decisions: dict[str, dict[str, str]] = {}

    def _load(self, ids: Iterable[str]) -> None:
        todo = sorted(set(ids) - set(self._rows))
        for part in chunks(todo):
            for r in self.db.query(f"SELECT profile_id, day, incident_id FROM profiles WHERE "
                                   f"profile_id IN ({marks(len(part))})", part):
                self._rows[r["profile_id"]] = (r["day"] or "", r["incident_id"])

    def exists(self, p: str) -> bool:
        self._load([p])
        return p in self._rows

    def day(self, p: str) -> str:
        self._load([p])
        return self._rows[p][0]

    def stored_label(self, p: str) -> str | None:
        self._load([p])
        return self._rows[p][1]

    def label(self, p: str) -> str | None:
        return self._label.get(p) or self.stored_label(p)

    def stored_members(self, label: str) -> frozenset[str]:
        """An incident's profiles as stored (before this transaction's moves)."""
        if label not in self._stored_members:
            rows = self.db.query("SELECT profile_id, day, incident_id FROM profiles WHERE "
                                 "incident_id = ?", (label,)) if not label.startswith("+") else []
            for r in rows:
                self._rows.setdefault(r["profile_id"], (r["day"] or "", r["incident_id"]))
            self._stored_members[label] = frozenset(r["profile_id"] for r in rows)
        return self._stored_members[label]

    def members(self, label: str) -> AbstractSet[str]:
        if label not in self._members:
            self._members[label] = set(self.stored_members(label))
        return self._members[label]

    def move(self, p: str, label: str) -> None:
        old = self.label(p)
        if old is not None:
            self.members(old).discard(p)
        self.members(label).add(p)
        self._label[p] = label

    def _overrides(self, p: str) -> dict[str, str]:
        """Analysts' decisions on a pinned profile: other profile -> join | split."""
        if p not in self._decisions:
            out: dict[str, str] = {}
            if p.startswith(SOLO):
                e = p[len(SOLO):]
                for r in self.db.query("SELECT event_a, event_b, decision FROM link_overrides "
                                       "WHERE event_a = ? OR event_b = ?", (e, e)):
                    other = solo_id(r["event_b"] if r["event_a"] == e else r["event_a"])
                    out[other] = r["decision"]
                self._load(out)
            self._decisions[p] = {q: d for q, d in out.items() if q in self._rows}
        return self._decisions[p]

    def joins(self, p: str) -> AbstractSet[str]:
        return {q for q, d in self._overrides(p).items() if d == "join"}

    def links(self, p: str) -> Mapping[str, int]:
        if p not in self._links:
            apart = {r["profile_b"] if r["profile_a"] == p else r["profile_a"] for r in
                     self.db.query("SELECT profile_a, profile_b FROM profile_conflicts WHERE "
                                   "profile_a = ? OR profile_b = ?", (p, p))}
            decided = self._overrides(p)
            apart |= {q for q, d in decided.items() if d == "split"}
            out = {}
            for r in self.db.query("SELECT profile_a, profile_b, score FROM profile_links WHERE "
                                   "profile_a = ? OR profile_b = ?", (p, p)):
                q = r["profile_b"] if r["profile_a"] == p else r["profile_a"]
                if q not in apart or decided.get(q) == "join":
                    out[q] = int(r["score"])
            for q in self.joins(p):
                out.setdefault(q, 0)
            self._links[p] = out
        return self._links[p]


def settle(db: "Dialect", ch: "Changes") -> None:
    """Regroup what ``ch`` reached, then rebuild or extend the incidents it changed."""
    view = TableView(db)
    seeds = [p for p in sorted(ch.seeds - ch.gone) if view.exists(p)]
    changed = regroup(view, seeds, ch.lost) if seeds or ch.lost else set()
    final: dict[str, frozenset[str]] = {}
    for label in changed:
        if members := view.members(label):
            final[incident_id(members)] = frozenset(members)
    old = {view.stored_label(p) for members in final.values() for p in members}
    old |= {x for x in changed if not x.startswith("+")}
    old.discard(None)
    stored = _stored_summaries(db, sorted(old | set(ch.added)))
    for part in chunks(sorted(old - set(final))):
        db.execute(f"DELETE FROM incidents WHERE incident_id IN ({marks(len(part))})", part)
    moved = []
    for inc, members in sorted(final.items()):
        touched = {view.stored_label(p) for p in members} - {None}
        if touched == {inc} and view.stored_members(inc) == members and inc not in ch.refold \
                and inc not in ch.added:
            continue  # the same reports as before
        if touched & ch.refold or any(not view.stored_members(j) <= members for j in touched):
            summary = _sum_reports(db, sorted(members))  # it lost reports: sum them again
        else:  # whole incidents and new profiles came together: add their sums
            fresh = sorted(p for p in members if view.stored_label(p) is None)
            summary = fold([*(stored[j] for j in sorted(touched)),
                            *(s for j in sorted(touched) for s in ch.added.get(j, ())),
                            *([_sum_reports(db, fresh)] if fresh else [])])
        write_incident(db, inc, sorted(members), summary)
        moved += [(inc, p) for p in sorted(members) if view.stored_label(p) != inc]
    db.executemany("UPDATE profiles SET incident_id = ? WHERE profile_id = ?", moved)
    done = old | set(final)
    for inc in sorted(ch.refold - done):
        members = [r["profile_id"] for r in db.query(
            "SELECT profile_id FROM profiles WHERE incident_id = ?", (inc,))]
        if members:
            write_incident(db, inc, members, _sum_reports(db, members))
        else:
            db.execute("DELETE FROM incidents WHERE incident_id = ?", (inc,))
    for inc in sorted(set(ch.added) - ch.refold - done):
        write_incident(db, inc, None, fold([stored[inc], *ch.added[inc]]))


def write_incident(db: "Dialect", inc: str, members: Sequence[str] | None,
                   summary: Summary | None) -> None:
    """(Re)write one incident from its summary, its lead report and the analysts' edits."""
    if summary is None:
        raise ValueError(f"incident {inc} has no reports")
    if members is None:
        members = [r["profile_id"] for r in db.query(
            "SELECT profile_id FROM profiles WHERE incident_id = ?", (inc,))]
    lead = loads(db.scalar("SELECT data FROM records WHERE event_id = ?", (summary["lead"][3],)))
    record = overlay(finalize(summary, lead, inc), incident_edits(db, members))
    fr = record.get("fatalities_reported") or {}
    values = (*incident_columns(record), fr.get("min"), fr.get("max"),
              int(bool(record.get("contradictory"))), int(record["n_reports"]), dumps(summary),
              dumps(record))
    db.execute(f"INSERT INTO incidents (incident_id, {', '.join(_COLUMNS)}) VALUES "
               f"(?, {marks(len(_COLUMNS))}) ON CONFLICT (incident_id) DO UPDATE SET "
               + ", ".join(f"{c} = excluded.{c}" for c in _COLUMNS), (inc, *values))


def incident_edits(db: "Dialect", members: Sequence[str]) -> list[tuple[str, Any]]:
    """Analysts' edits of an incident: those anchored on any of its reports, oldest first."""
    rows: list[Mapping[str, Any]] = []
    for part in chunks(list(members)):
        rows += db.query(
            f"SELECT e.edit_id, e.field, e.new_value FROM edits e JOIN records r ON "
            f"r.event_id = e.target_id WHERE e.target_kind = 'incident' AND r.profile_id IN "
            f"({marks(len(part))})", part)
    return [(r["field"], loads(r["new_value"])) for r in sorted(rows, key=lambda r: r["edit_id"])]


def _sum_reports(db: "Dialect", profiles: Sequence[str]) -> Summary | None:
    """The summary of every report of ``profiles``, summed from the records."""
    def summaries() -> Iterable[Summary]:
        for part in chunks(list(profiles)):
            for row in db.query(f"SELECT summary FROM records WHERE profile_id IN "
                                f"({marks(len(part))})", part):
                yield loads(row["summary"])
    return fold(summaries())


def _stored_summaries(db: "Dialect", incidents: Sequence[str]) -> dict[str, Summary]:
    out: dict[str, Summary] = {}
    for part in chunks(list(incidents)):
        for row in db.query(f"SELECT incident_id, summary FROM incidents WHERE incident_id IN "
                            f"({marks(len(part))})", part):
            out[row["incident_id"]] = loads(row["summary"])
    return out
