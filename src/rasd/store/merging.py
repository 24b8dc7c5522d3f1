"""Incremental merging inside the store: profiles, links, then incidents.

Every current event report belongs to a *profile* (:mod:`rasd.merge.profile`):
the reports the merge rule cannot tell apart. Links are kept between
profiles, found by blocking (profiles sharing a place key within a day), so a
new report costs a few indexed look-ups however many reports its incident
already has:

- a report whose profile exists joins it; the profile's incident adds the
  report's summary (:func:`rasd.merge.incident.combine`) and nothing else moves;
- a report with a new profile is compared with the candidate profiles only,
  and the profiles its arrival can reach are re-decided
  (:mod:`rasd.merge.regroup`, :mod:`rasd.store.incidents`).

:meth:`Merger.sync` brings the merge tables in step with the current records
of some articles, whatever happened to them (new, new version, reprocessed,
edited, pinned by an analyst's link decision). It runs inside the caller's
transaction, so an article's records and the incidents they change are
committed together. The result depends only on the records and the analysts'
decisions, never on the order they came in.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import combinations
from typing import Any, Iterable, Sequence

from ..merge.cluster import pair
from ..merge.incident import Summary
from ..merge.profile import (SOLO, block_keys, canonical, day, decide, profile_id,
                             query_keys, self_reasons, signature, solo_id)
from ..merge.rules import ParentOf
from . import incidents
from .codec import chunks, dumps, loads, marks
from .dialect import Dialect


@dataclass
class Changes:
    """What one transaction did to the profiles; settled at its end."""

    #: profiles whose links, conflicts or analyst decisions changed (new or pinned)
    seeds: set[str] = field(default_factory=set)
    #: incidents that lost a profile, with the position (day, id) of the profile
    lost: list[tuple[str, tuple[str, str]]] = field(default_factory=list)
    #: profiles deleted (their last report left)
    gone: set[str] = field(default_factory=set)
    #: incident -> summaries of reports added to its existing profiles
    added: dict[str, list[Summary]] = field(default_factory=dict)
    #: incidents to rebuild from their reports (a report left, changed or was edited)
    refold: set[str] = field(default_factory=set)


class Merger:
    """Keeps profiles, their links and the incidents in step with the records."""

    def __init__(self, db: Dialect, parent_of: ParentOf | None = None) -> None:
        self.db = db
        self.parent_of = parent_of

    # --- public operation (call inside a transaction)
    def sync(self, article_ids: Iterable[str], *, changed: Iterable[str] = (),
             seeds: Iterable[str] = (), refold: Iterable[str] = ()) -> None:
        """Re-file the current event reports of ``article_ids`` and settle what moved.

        ``changed``: event ids whose effective record changed in place (an
        edit): their incident is rebuilt. ``seeds``: profiles to re-cluster
        (an analyst's link decision). ``refold``: incidents to rebuild.
        """
        ch = Changes(seeds=set(seeds), refold=set(refold))
        edited = set(changed)
        for article_id in sorted(set(article_ids)):
            self._sync_article(article_id, ch, edited)
        incidents.settle(self.db, ch)

    # --- profiles
    def _sync_article(self, article_id: str, ch: Changes, edited: set[str]) -> None:
        rows = sorted(self.db.query(
            "SELECT event_id, kind, is_current, profile_id, summary, data FROM records WHERE "
            "article_id = ? AND (profile_id IS NOT NULL OR (is_current = 1 AND kind = 'event'))",
            (article_id,)), key=lambda r: r["event_id"])
        pinned = self._pinned([r["event_id"] for r in rows])
        twins: Counter[str] = Counter()
        held: list[str] = []
        for row in rows:
            eid, want, sig, ok, reasons = row["event_id"], None, None, False, []
            if row["is_current"] and row["kind"] == "event":
                sig = signature(loads(row["data"]), self.parent_of)
                ok, reasons = self_reasons(sig)
                if eid in pinned or not ok:
                    want = solo_id(eid)
                else:  # a second identical report of one article is another profile
                    base = profile_id(sig)
                    want = profile_id(sig, twins[base])
                    twins[base] += 1
                held.append(want)
            if row["profile_id"] == want:
                inc = self._incident_of(want) if want and eid in edited else None
                if inc:
                    ch.refold.add(inc)
                continue
            if row["profile_id"]:
                self._leave(row["profile_id"], ch)
            if want and sig is not None:
                self._join(want, sig, ok, reasons, loads(row["summary"]), ch)
            self.db.execute("UPDATE records SET profile_id = ? WHERE event_id = ?", (want, eid))
        self._set_conflicts(article_id, held, ch)

    def _join(self, pid: str, sig: dict[str, Any], ok: bool, reasons: list[str],
              summary: Summary, ch: Changes) -> None:
        """One report joins profile ``pid`` (created, keyed and linked if new)."""
        rows = self.db.query("SELECT incident_id FROM profiles WHERE profile_id = ?", (pid,))
        if rows:
            self.db.execute("UPDATE profiles SET n_reports = n_reports + 1 WHERE profile_id = ?",
                            (pid,))
            inc = rows[0]["incident_id"]
            if inc:  # a brand-new profile (no incident yet) is clustered with the seeds
                ch.added.setdefault(inc, []).append(summary)
            return
        the_day = day(sig)
        self.db.execute(
            "INSERT INTO profiles (profile_id, day, signature, reasons, mergeable, n_reports, "
            "incident_id) VALUES (?, ?, ?, ?, ?, 1, NULL)",
            (pid, the_day, canonical(sig), dumps(reasons), int(ok)))
        ch.seeds.add(pid)
        ch.gone.discard(pid)
        if ok and the_day:
            self._link(pid, sig, the_day, query_keys(sig))
            self.db.executemany("INSERT INTO profile_keys (place_key, day, profile_id) "
                                "VALUES (?, ?, ?)", [(k, the_day, pid) for k in block_keys(sig)])

    def _link(self, pid: str, sig: dict[str, Any], the_day: str, keys: Sequence[str]) -> None:
        """Links between a new profile and the candidates: a place key met, within a day."""
        if not keys:
            return
        d = date.fromisoformat(the_day)
        found: set[str] = set()
        for part in chunks(list(keys)):
            found |= {r["profile_id"] for r in self.db.query(
                f"SELECT DISTINCT profile_id FROM profile_keys WHERE place_key IN "
                f"({marks(len(part))}) AND day >= ? AND day <= ?",
                (*part, (d - timedelta(days=1)).isoformat(), (d + timedelta(days=1)).isoformat()))}
        found.discard(pid)
        rows = []
        for part in chunks(sorted(found)):
            for r in self.db.query(f"SELECT profile_id, signature FROM profiles WHERE profile_id "
                                   f"IN ({marks(len(part))})", part):
                a, b = pair(pid, r["profile_id"])
                sa, sb = (sig, loads(r["signature"])) if a == pid else (loads(r["signature"]), sig)
                decision = decide(sa, a, sb, b)
                if decision.linked:
                    rows.append((a, b, decision.score, dumps(list(decision.reasons))))
        self.db.executemany("INSERT INTO profile_links (profile_a, profile_b, score, reasons) "
                            "VALUES (?, ?, ?, ?)", rows)

    def _leave(self, pid: str, ch: Changes) -> None:
        """One report leaves profile ``pid``; the last one takes the profile with it."""
        rows = self.db.query("SELECT n_reports, incident_id, day FROM profiles "
                             "WHERE profile_id = ?", (pid,))
        if not rows:
            return
        row = rows[0]
        if row["incident_id"]:
            ch.refold.add(row["incident_id"])
        if int(row["n_reports"]) > 1:
            self.db.execute("UPDATE profiles SET n_reports = n_reports - 1 WHERE profile_id = ?",
                            (pid,))
            return
        for table in ("profile_keys", "profiles"):
            self.db.execute(f"DELETE FROM {table} WHERE profile_id = ?", (pid,))
        self.db.execute("DELETE FROM profile_links WHERE profile_a = ? OR profile_b = ?", (pid, pid))
        ch.gone.add(pid)
        partners = self._joined(pid)
        ch.seeds.update(partners)  # they leave its unit: re-decided
        if row["incident_id"]:  # its incident changed there: what came later is re-decided
            # (from the start when it was in a joined unit, whose position is gone with it)
            ch.lost.append((row["incident_id"], ("", "") if partners else (row["day"] or "", pid)))

    def _set_conflicts(self, article_id: str, held: list[str], ch: Changes) -> None:
        """Profiles sharing this article's reports are kept apart (the extractor split them)."""
        new = {pair(a, b) for a, b in combinations(sorted(set(held)), 2)}
        old = {(r["profile_a"], r["profile_b"]) for r in self.db.query(
            "SELECT profile_a, profile_b FROM profile_conflicts WHERE article_id = ?",
            (article_id,))}
        if new == old:
            return
        self.db.execute("DELETE FROM profile_conflicts WHERE article_id = ?", (article_id,))
        self.db.executemany("INSERT INTO profile_conflicts (article_id, profile_a, profile_b) "
                            "VALUES (?, ?, ?)", [(article_id, a, b) for a, b in sorted(new)])
        for a, b in new ^ old:
            ch.seeds.update((a, b))

    # --- reading
    def _pinned(self, event_ids: Sequence[str]) -> set[str]:
        """Reports an analyst joined to or split from another: each gets a profile of its own."""
        out: set[str] = set()
        for part in chunks(list(event_ids)):
            m = marks(len(part))
            for r in self.db.query(f"SELECT event_a, event_b FROM link_overrides WHERE "
                                   f"event_a IN ({m}) OR event_b IN ({m})", (*part, *part)):
                out.update((r["event_a"], r["event_b"]))
        return out & set(event_ids)

    def _joined(self, pid: str) -> list[str]:
        """Profiles an analyst joined to a pinned profile."""
        if not pid.startswith(SOLO):
            return []
        e = pid[len(SOLO):]
        return sorted(solo_id(r["event_b"] if r["event_a"] == e else r["event_a"]) for r in
                      self.db.query("SELECT event_a, event_b FROM link_overrides WHERE decision = "
                                    "'join' AND (event_a = ? OR event_b = ?)", (e, e)))

    def _incident_of(self, pid: str) -> str | None:
        return self.db.scalar("SELECT incident_id FROM profiles WHERE profile_id = ?", (pid,))

    def profile_of(self, event_id: str) -> str | None:
        """The profile of a current event report, or None."""
        return self.db.scalar("SELECT profile_id FROM records WHERE event_id = ?", (event_id,))
