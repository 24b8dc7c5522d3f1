"""Incremental merging inside the store: one block at a time.

When reports arrive, change or leave, only the blocks they touch (connected
groups of linked reports, :mod:`rasd.merge.cluster`) are re-clustered, from
ids, dates and link scores alone; then only the incidents whose reports
changed are rebuilt from the full records. Every call runs inside the
caller's transaction, so an article's records and the incidents they change
are committed together.
"""
from __future__ import annotations

from datetime import date, timedelta
from typing import Any, Iterable, Mapping, Sequence

from ..merge.cluster import Graph, clusters, components, pair
from ..merge.incident import aggregate, incident_id
from ..merge.rules import ParentOf, compare
from .codec import chunks, dumps, incident_columns, loads, marks, overlay
from .dialect import Dialect

#: the reason stored for a pair an analyst joined
JOINED = "joined by an analyst"
_EVENTS = "is_current = 1 AND kind = 'event'"


class Merger:
    """Keeps ``links``, ``incidents`` and ``incident_reports`` in step with the records."""

    def __init__(self, db: Dialect, parent_of: ParentOf | None = None) -> None:
        self.db = db
        self.parent_of = parent_of

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
                    rows.append((a["event_id"], b["event_id"], decision.score,
                                 dumps(list(decision.reasons))))
        self.db.executemany("INSERT INTO links (event_a, event_b, score, reasons) "
                            "VALUES (?, ?, ?, ?) ON CONFLICT (event_a, event_b) DO NOTHING", rows)
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
        self.recompute(list(self._block_members(blocks)), dirty=False)

    def relink(self, event_id: str) -> None:
        """Recompute one report's links after an analyst changed it."""
        self.db.execute("DELETE FROM links WHERE event_a = ? OR event_b = ?", (event_id, event_id))
        if self._records([event_id]):
            self.add([event_id])  # its old block is rebuilt too: it still carries the block id
        else:
            self.remove([event_id])

    def recompute(self, seeds: Iterable[str], dirty: bool = True) -> None:
        """Re-cluster the blocks of ``seeds`` (and of every report linked to them).

        Incidents whose reports are unchanged are left as they are, unless
        ``dirty`` says the seeds themselves changed (new, edited, relinked).
        """
        seeds = sorted(set(seeds))
        if not seeds:
            return
        nodes = self._dates(sorted(set(seeds) | self._neighbours(seeds)))
        blocks = {b for _, b in nodes.values() if b}
        nodes.update(self._block_members(sorted(blocks)))
        graph = self._graph(nodes)
        old = self._incidents_of(sorted(nodes))
        keep: set[str] = set()
        changed = set(seeds) if dirty else set()
        for block_id, comp in components(graph).items():
            moved = [e for e in comp if nodes[e][1] != block_id]
            self.db.executemany("UPDATE records SET block_id = ? WHERE event_id = ?",
                                [(block_id, e) for e in moved])
            order = sorted(comp, key=lambda e: (nodes[e][0], e))
            for members in clusters(order, graph):
                inc = incident_id(members)
                if inc in old and old[inc][0] == set(members) and not changed & set(members):
                    if old[inc][1] != block_id:
                        self.db.execute("UPDATE incidents SET block_id = ? WHERE incident_id = ?",
                                        (block_id, inc))
                    keep.add(inc)
                    continue
                self._write_incident(block_id, members, graph)
                keep.add(inc)
        stale = sorted(set(old) - keep)
        for part in chunks(stale):
            self.db.execute(f"DELETE FROM incident_reports WHERE incident_id IN "
                            f"({marks(len(part))})", part)
            self.db.execute(f"DELETE FROM incidents WHERE incident_id IN ({marks(len(part))})", part)

    # --- reading
    def _records(self, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
        """Effective current event reports by id (others are left out)."""
        out: dict[str, dict[str, Any]] = {}
        for part in chunks(list(ids)):
            for row in self.db.query(f"SELECT event_id, data FROM records WHERE event_id IN "
                                     f"({marks(len(part))}) AND {_EVENTS}", part):
                out[row["event_id"]] = loads(row["data"])
        return out

    def _dates(self, ids: Sequence[str]) -> dict[str, tuple[str, str | None]]:
        """(event date, block id) of the current event reports among ``ids``."""
        out: dict[str, tuple[str, str | None]] = {}
        for part in chunks(list(ids)):
            for row in self.db.query(f"SELECT event_id, event_date, block_id FROM records WHERE "
                                     f"event_id IN ({marks(len(part))}) AND {_EVENTS}", part):
                out[row["event_id"]] = (str(row["event_date"] or ""), row["block_id"])
        return out

    def _candidates(self, rec: Mapping[str, Any]) -> list[dict[str, Any]]:
        """Current event reports within a day of ``rec`` (the rules decide the rest)."""
        day = rec.get("event_date")
        if not day:
            return []
        d = date.fromisoformat(str(day)[:10])
        rows = self.db.query(
            f"SELECT data FROM records WHERE {_EVENTS} AND event_date >= ? AND event_date <= ? "
            "AND article_id <> ?",
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

    def _block_members(self, blocks: Sequence[str]) -> dict[str, tuple[str, str | None]]:
        out: dict[str, tuple[str, str | None]] = {}
        for part in chunks(list(blocks)):
            for row in self.db.query(f"SELECT event_id, event_date, block_id FROM records "
                                     f"WHERE block_id IN ({marks(len(part))}) AND {_EVENTS}",
                                     part):
                out[row["event_id"]] = (str(row["event_date"] or ""), row["block_id"])
        return out

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

    def _graph(self, nodes: Mapping[str, Any]) -> Graph:
        ids = sorted(nodes)
        edges: dict[tuple[str, str], int] = {}
        joins, splits = set(), set()
        for part in chunks(ids):
            m = marks(len(part))
            for row in self.db.query(f"SELECT event_a, event_b, score FROM links "
                                     f"WHERE event_a IN ({m})", part):
                if row["event_b"] in nodes:
                    edges[(row["event_a"], row["event_b"])] = int(row["score"])
            for row in self.db.query(f"SELECT event_a, event_b, decision FROM link_overrides "
                                     f"WHERE event_a IN ({m})", part):
                if row["event_b"] in nodes:
                    p = pair(row["event_a"], row["event_b"])
                    (joins if row["decision"] == "join" else splits).add(p)
        return Graph(frozenset(ids), edges, frozenset(joins), frozenset(splits))

    def _incidents_of(self, ids: Sequence[str]) -> dict[str, tuple[set[str], str]]:
        """The stored incidents of ``ids``: all their reports and their block."""
        incs: set[str] = set()
        for part in chunks(list(ids)):
            incs |= {r["incident_id"] for r in self.db.query(
                f"SELECT DISTINCT incident_id FROM incident_reports WHERE event_id IN "
                f"({marks(len(part))})", part)}
        out: dict[str, tuple[set[str], str]] = {}
        for part in chunks(sorted(incs)):
            for row in self.db.query(
                    f"SELECT i.incident_id, i.event_id, n.block_id FROM incident_reports i JOIN "
                    f"incidents n ON n.incident_id = i.incident_id WHERE i.incident_id IN "
                    f"({marks(len(part))})", part):
                out.setdefault(row["incident_id"], (set(), row["block_id"]))[0].add(row["event_id"])
        return out

    # --- writing
    def _drop_incidents_of(self, ids: Sequence[str]) -> None:
        for inc in chunks(sorted(self._incidents_of(ids))):
            m = marks(len(inc))
            self.db.execute(f"DELETE FROM incident_reports WHERE incident_id IN ({m})", inc)
            self.db.execute(f"DELETE FROM incidents WHERE incident_id IN ({m})", inc)

    def _write_incident(self, block_id: str, members: Sequence[str], graph: Graph) -> None:
        """(Re)write one incident from its reports' full records and link reasons."""
        recs = self._records(members)
        reasons = self._reasons(members)
        links = {m: [{"with": o, "reasons": [JOINED] if pair(m, o) in graph.joins
                      else reasons.get(pair(m, o), [])}
                     for o in members if o != m and graph.linked(m, o)] for m in members}
        inc = overlay(aggregate([recs[m] for m in members], links), self._incident_edits(members))
        self.db.execute("DELETE FROM incident_reports WHERE incident_id = ?", (inc["incident_id"],))
        self.db.execute("DELETE FROM incidents WHERE incident_id = ?", (inc["incident_id"],))
        self.db.execute(f"DELETE FROM incident_reports WHERE event_id IN ({marks(len(members))})",
                        members)
        fr = inc.get("fatalities_reported") or {}
        self.db.execute(
            "INSERT INTO incidents (incident_id, block_id, event_date, country, admin1, location, "
            "event_type, sub_event_type, actor1, actor2, fatalities, fatalities_min, fatalities_max, "
            "contradictory, n_reports, data) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (inc["incident_id"], block_id, *incident_columns(inc), fr.get("min"), fr.get("max"),
             int(bool(inc.get("contradictory"))), int(inc["n_reports"]), dumps(inc)))
        self.db.executemany(
            "INSERT INTO incident_reports (event_id, incident_id, reasons) VALUES (?, ?, ?)",
            [(m, inc["incident_id"], dumps(sorted(links[m], key=lambda x: x["with"])))
             for m in sorted(members)])

    def _reasons(self, members: Sequence[str]) -> dict[tuple[str, str], list[str]]:
        inside = set(members)
        out: dict[tuple[str, str], list[str]] = {}
        for part in chunks(sorted(members)):
            for row in self.db.query(f"SELECT event_a, event_b, reasons FROM links WHERE event_a "
                                     f"IN ({marks(len(part))})", part):
                if row["event_b"] in inside:
                    out[(row["event_a"], row["event_b"])] = loads(row["reasons"])
        return out

    def _incident_edits(self, members: Sequence[str]) -> list[tuple[str, Any]]:
        rows = []
        for part in chunks(list(members)):
            rows += self.db.query(f"SELECT edit_id, field, new_value FROM edits WHERE "
                                  f"target_kind = 'incident' AND target_id IN ({marks(len(part))})",
                                  part)
        return [(r["field"], loads(r["new_value"])) for r in sorted(rows, key=lambda r: r["edit_id"])]
