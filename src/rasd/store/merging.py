"""Incremental merging inside the store: one block at a time.

When reports arrive, change or leave, only the blocks they touch (connected
groups of linked reports, :mod:`rasd.merge.cluster`) are recomputed: their
incidents are deleted and rebuilt from the reports, the stored links and the
analysts' overrides. Every call runs inside the caller's transaction, so an
article's records and the incidents they change are committed together.
"""
from __future__ import annotations

from datetime import date, timedelta
from typing import Any, Iterable, Mapping, Sequence

from ..merge.cluster import Graph, clusters, components, pair
from ..merge.incident import aggregate
from ..merge.rules import ParentOf, compare
from .codec import chunks, dumps, incident_columns, loads, marks, overlay
from .dialect import Dialect

#: the reason stored for a pair an analyst joined
JOINED = "joined by an analyst"


class Merger:
    """Keeps ``links``, ``incidents`` and ``incident_reports`` in step with the records."""

    def __init__(self, db: Dialect, parent_of: ParentOf | None = None) -> None:
        self.db = db
        self.parent_of = parent_of
        #: reasons of the automatic links of the graph being rebuilt
        self.reasons: dict[tuple[str, str], list[str]] = {}

    # --- public operations (call inside a transaction)
    def add(self, event_ids: Sequence[str]) -> None:
        """Link newly current event reports to the others and rebuild what they touch."""
        recs = self._records(event_ids)
        rows = []
        for rec in sorted(recs.values(), key=lambda r: r["event_id"]):
            for other in self._candidates(rec):
                a, b = sorted((rec, other), key=lambda r: r["event_id"])
                decision = compare(a, b, self.parent_of)
                if decision.linked:
                    rows.append((a["event_id"], b["event_id"],
                                 dumps({"reasons": list(decision.reasons), "score": decision.score})))
        self.db.executemany("INSERT INTO links (event_a, event_b, reasons) VALUES (?, ?, ?) "
                            "ON CONFLICT (event_a, event_b) DO NOTHING", rows)
        self.recompute(list(recs))

    def remove(self, event_ids: Sequence[str]) -> None:
        """Take reports out of merging (superseded, deleted or no longer events)."""
        if not event_ids:
            return
        blocks = self._blocks_of(event_ids)
        for part in chunks(list(event_ids)):
            m = marks(len(part))
            self._drop_incidents_of(part)
            self.db.execute(f"DELETE FROM links WHERE event_a IN ({m}) OR event_b IN ({m})",
                            (*part, *part))
            self.db.execute(f"UPDATE records SET block_id = NULL WHERE event_id IN ({m})", part)
        self.recompute(self._block_members(blocks))

    def relink(self, event_id: str) -> None:
        """Recompute one report's links after an analyst changed it."""
        self.db.execute("DELETE FROM links WHERE event_a = ? OR event_b = ?", (event_id, event_id))
        if self._records([event_id]):
            self.add([event_id])  # its old block is rebuilt too: it still carries the block id
        else:
            self.remove([event_id])

    def recompute(self, seeds: Iterable[str]) -> None:
        """Rebuild the blocks of ``seeds`` (and of every report linked to them)."""
        seeds = sorted(set(seeds))
        if not seeds:
            return
        members = set(seeds) | self._neighbours(seeds)
        members |= set(self._block_members(self._blocks_of(sorted(members))))
        recs = self._records(sorted(members))
        self._drop_incidents_of(sorted(members))
        graph = self._graph(recs)
        for block_id, comp in components(graph).items():
            self._write_block(block_id, comp, recs, graph)

    # --- reading
    def _records(self, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
        """Effective current event reports by id (others are left out)."""
        out: dict[str, dict[str, Any]] = {}
        for part in chunks(list(ids)):
            for row in self.db.query(
                    f"SELECT event_id, data FROM records WHERE event_id IN ({marks(len(part))}) "
                    "AND is_current = 1 AND kind = 'event'", part):
                out[row["event_id"]] = loads(row["data"])
        return out

    def _candidates(self, rec: Mapping[str, Any]) -> list[dict[str, Any]]:
        """Current event reports within a day of ``rec`` (the rules decide the rest)."""
        day = rec.get("event_date")
        if not day:
            return []
        d = date.fromisoformat(str(day)[:10])
        rows = self.db.query(
            "SELECT data FROM records WHERE is_current = 1 AND kind = 'event' "
            "AND event_date >= ? AND event_date <= ? AND article_id <> ?",
            ((d - timedelta(days=1)).isoformat(), (d + timedelta(days=1)).isoformat() + "~",
             rec["article_id"]))
        return [loads(r["data"]) for r in rows]

    def _blocks_of(self, ids: Sequence[str]) -> list[str]:
        out: set[str] = set()
        for part in chunks(list(ids)):
            out |= {r["block_id"] for r in self.db.query(
                f"SELECT DISTINCT block_id FROM records WHERE event_id IN ({marks(len(part))}) "
                "AND block_id IS NOT NULL", part)}
        return sorted(out)

    def _block_members(self, blocks: Sequence[str]) -> list[str]:
        out: list[str] = []
        for part in chunks(list(blocks)):
            out += [r["event_id"] for r in self.db.query(
                f"SELECT event_id FROM records WHERE block_id IN ({marks(len(part))})", part)]
        return sorted(out)

    def _neighbours(self, ids: Sequence[str]) -> set[str]:
        """Reports linked to ``ids`` automatically or by an analyst's join."""
        out: set[str] = set()
        for part in chunks(list(ids)):
            m = marks(len(part))
            for table, extra in (("links", ""), ("link_overrides", " AND decision = 'join'")):
                for row in self.db.query(f"SELECT event_a, event_b FROM {table} WHERE "
                                         f"(event_a IN ({m}) OR event_b IN ({m})){extra}",
                                         (*part, *part)):
                    out.update((row["event_a"], row["event_b"]))
        return out

    def _graph(self, recs: Mapping[str, Mapping[str, Any]]) -> Graph:
        ids = sorted(recs)
        edges: dict[tuple[str, str], int] = {}
        self.reasons = {}
        joins, splits = set(), set()
        for part in chunks(ids):
            m = marks(len(part))
            for row in self.db.query(f"SELECT event_a, event_b, reasons FROM links "
                                     f"WHERE event_a IN ({m})", part):
                if row["event_b"] in recs:
                    p = (row["event_a"], row["event_b"])
                    info = loads(row["reasons"])
                    edges[p], self.reasons[p] = int(info["score"]), info["reasons"]
            for row in self.db.query(f"SELECT event_a, event_b, decision FROM link_overrides "
                                     f"WHERE event_a IN ({m})", part):
                if row["event_b"] in recs:
                    p = pair(row["event_a"], row["event_b"])
                    (joins if row["decision"] == "join" else splits).add(p)
        return Graph(frozenset(ids), edges, frozenset(joins), frozenset(splits))

    # --- writing
    def _drop_incidents_of(self, ids: Sequence[str]) -> None:
        for part in chunks(list(ids)):
            m = marks(len(part))
            inc = [r["incident_id"] for r in self.db.query(
                f"SELECT DISTINCT incident_id FROM incident_reports WHERE event_id IN ({m})", part)]
            for p2 in chunks(inc):
                m2 = marks(len(p2))
                self.db.execute(f"DELETE FROM incident_reports WHERE incident_id IN ({m2})", p2)
                self.db.execute(f"DELETE FROM incidents WHERE incident_id IN ({m2})", p2)

    def _write_block(self, block_id: str, comp: list[str], recs: Mapping[str, Mapping[str, Any]],
                     graph: Graph) -> None:
        self.db.executemany("UPDATE records SET block_id = ? WHERE event_id = ?",
                            [(block_id, e) for e in comp])
        order = sorted(comp, key=lambda e: (str(recs[e].get("event_date")), e))
        for members in clusters(order, graph):
            links = {m: self._links_of(m, members, graph) for m in members}
            inc = aggregate([recs[m] for m in members], links)
            inc = overlay(inc, self._incident_edits(members))
            self._insert_incident(block_id, inc, links)

    def _links_of(self, m: str, members: Sequence[str], graph: Graph) -> list[dict[str, Any]]:
        out = []
        for o in members:
            if o != m and graph.linked(m, o):
                p = pair(m, o)
                reasons = [JOINED] if p in graph.joins else self.reasons.get(p, [])
                out.append({"with": o, "reasons": reasons})
        return out

    def _incident_edits(self, members: Sequence[str]) -> list[tuple[str, Any]]:
        rows = []
        for part in chunks(list(members)):
            rows += self.db.query(f"SELECT edit_id, field, new_value FROM edits WHERE "
                                  f"target_kind = 'incident' AND target_id IN ({marks(len(part))})",
                                  part)
        return [(r["field"], loads(r["new_value"])) for r in sorted(rows, key=lambda r: r["edit_id"])]

    def _insert_incident(self, block_id: str, inc: Mapping[str, Any],
                         links: Mapping[str, list[dict[str, Any]]]) -> None:
        fr = inc.get("fatalities_reported") or {}
        self.db.execute(
            "INSERT INTO incidents (incident_id, block_id, event_date, country, admin1, location, "
            "event_type, sub_event_type, actor1, actor2, fatalities, fatalities_min, fatalities_max, "
            "contradictory, n_reports, data) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (inc["incident_id"], block_id, *incident_columns(inc), fr.get("min"), fr.get("max"),
             int(bool(inc.get("contradictory"))), int(inc["n_reports"]), dumps(inc)))
        self.db.executemany(
            "INSERT INTO incident_reports (event_id, incident_id, reasons) VALUES (?, ?, ?)",
            [(m, inc["incident_id"], dumps(links[m])) for m in sorted(links)])
