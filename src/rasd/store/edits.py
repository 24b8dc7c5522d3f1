"""Analyst edits: who changed what, when, and the value before.

Edits are a log (``edits``), never an update in place of what the pipeline
extracted: a report's effective value is its extraction with its edits applied
in order, so re-running a newer pipeline (``rasd reprocess``) keeps them.

- a report field: ``target_id`` is the report's event id;
- an incident field: ``target_id`` is the smallest report id of the incident at
  the time (its *anchor*), so the edit follows the incident when reports join
  or leave it and its id changes;
- a link: ``target_id`` is ``"a|b"`` (sorted event ids), the new value ``join``,
  ``split`` or ``auto`` (back to the rules); the decision in force is also kept
  in ``link_overrides`` for the merger, and both reports get merge profiles of
  their own (:mod:`rasd.merge.profile`) while it is in force.
"""
from __future__ import annotations

from datetime import date, datetime, timezone
from typing import TYPE_CHECKING, Any, Sequence

from ..errors import StoreError
from ..merge.cluster import pair
from ..merge.incident import summarize
from ..merge.profile import solo_id
from .codec import (RECORD_COLUMNS, chunks, check_edit, dumps, loads, marks, overlay,
                    record_columns)

if TYPE_CHECKING:
    from .dialect import Dialect
    from .merging import Merger

#: link decisions an analyst can take
LINK_DECISIONS: tuple[str, ...] = ("join", "split", "auto")


class EditsMixin:
    """Edit methods of :class:`rasd.store.Store`."""

    db: "Dialect"
    merger: "Merger"

    def record_edits(self, ids: Sequence[str]) -> dict[str, list[tuple[str, Any]]]:
        """The edits of each report, oldest first, as (field, new value)."""
        out: dict[str, list[tuple[str, Any]]] = {}
        for part in chunks(list(ids)):
            rows = self.db.query(
                f"SELECT edit_id, target_id, field, new_value FROM edits WHERE target_kind = "
                f"'record' AND target_id IN ({marks(len(part))}) ORDER BY edit_id", part)
            for row in rows:
                out.setdefault(row["target_id"], []).append((row["field"], loads(row["new_value"])))
        return out

    def edit_record(self, event_id: str, field: str, value: Any, *, who: str,
                    note: str | None = None) -> int:
        """Change one field of a report; its incident is rebuilt. Returns the edit id."""
        value = _checked(field, value)
        with self.db.transaction():
            rows = self.db.query("SELECT article_id, extracted, data, is_current FROM records "
                                 "WHERE event_id = ?", (event_id,))
            if not rows:
                raise StoreError(f"no report with event id {event_id!r}")
            old = loads(rows[0]["data"]).get(field)
            edit_id = self._log("record", event_id, field, old, value, who, note)
            eff = overlay(loads(rows[0]["extracted"]), self.record_edits([event_id])[event_id],
                          report=True)
            cols = ", ".join(f"{c} = ?" for c in ("kind", *RECORD_COLUMNS))
            self.db.execute(f"UPDATE records SET {cols}, summary = ?, data = ? WHERE event_id = ?",
                            (eff.get("kind", "event"), *record_columns(eff),
                             dumps(summarize(eff)), dumps(eff), event_id))
            if rows[0]["is_current"]:
                self.merger.sync([rows[0]["article_id"]], changed=[event_id])
        return edit_id

    def edit_incident(self, incident_id: str, field: str, value: Any, *, who: str,
                      note: str | None = None) -> int:
        """Override one field of a merged incident (its reports are left as they are)."""
        value = _checked(field, value)
        with self.db.transaction():
            rows = self.db.query("SELECT data FROM incidents WHERE incident_id = ?", (incident_id,))
            if not rows:
                raise StoreError(f"no incident with id {incident_id!r}")
            data = loads(rows[0]["data"])
            anchor = self.db.scalar(
                "SELECT min(r.event_id) FROM records r JOIN profiles p ON p.profile_id = "
                "r.profile_id WHERE p.incident_id = ?", (incident_id,))
            edit_id = self._log("incident", anchor, field, data.get(field), value, who,
                                note or f"incident {incident_id}")
            self.merger.sync([], refold=[incident_id])
        return edit_id

    def link(self, event_a: str, event_b: str, decision: str, *, who: str,
             note: str | None = None) -> int:
        """Join two reports into one incident, keep them apart (split), or undo that (auto)."""
        if decision not in LINK_DECISIONS:
            raise StoreError(f"link decision must be one of {', '.join(LINK_DECISIONS)}")
        if event_a == event_b:
            raise StoreError("a report cannot be linked to itself")
        a, b = pair(event_a, event_b)
        with self.db.transaction():
            found = self.db.query("SELECT article_id, profile_id FROM records WHERE event_id "
                                  "IN (?, ?)", (a, b))
            if len(found) != 2:
                raise StoreError(f"unknown report id among {a}, {b}")
            old = self._link_state(a, b)
            edit_id = self._log("link", f"{a}|{b}", "link", old, decision, who, note)
            self.db.execute("DELETE FROM link_overrides WHERE event_a = ? AND event_b = ?", (a, b))
            if decision != "auto":
                self.db.execute("INSERT INTO link_overrides (event_a, event_b, decision, edit_id) "
                                "VALUES (?, ?, ?, ?)", (a, b, decision, edit_id))
            # both reports are re-filed (pinned, or back to their shared profiles) and re-clustered
            self.merger.sync([r["article_id"] for r in found],
                             seeds=[r["profile_id"] for r in found if r["profile_id"]] +
                             [solo_id(a), solo_id(b)])
        return edit_id

    def edits(self, target_id: str | None = None) -> list[dict[str, Any]]:
        """The edit log (oldest first), optionally for one report, incident anchor or link."""
        sql = "SELECT * FROM edits"
        params: tuple[Any, ...] = ()
        if target_id:
            sql += " WHERE target_id = ? OR target_id LIKE ? OR target_id LIKE ?"
            params = (target_id, f"{target_id}|%", f"%|{target_id}")
        rows = self.db.query(sql + " ORDER BY edit_id", params)
        for row in rows:
            row["old_value"], row["new_value"] = loads(row["old_value"]), loads(row["new_value"])
        return rows

    # --- helpers
    def _link_state(self, a: str, b: str) -> str:
        rows = self.db.query("SELECT decision FROM link_overrides WHERE event_a = ? AND "
                             "event_b = ?", (a, b))
        if rows:
            return rows[0]["decision"]
        return "auto: linked" if self.rule_links(a, b) else "auto: not linked"

    def rule_links(self, a: str, b: str) -> bool:
        """Whether the merge rules link two current event reports (analysts aside)."""
        rows = {r["event_id"]: r for r in self.db.query(
            "SELECT event_id, article_id, profile_id FROM records WHERE event_id IN (?, ?)", (a, b))}
        if len(rows) != 2 or rows[a]["article_id"] == rows[b]["article_id"]:
            return False
        pa, pb = rows[a]["profile_id"], rows[b]["profile_id"]
        if not pa or not pb:
            return False
        sig = {p: self.db.query("SELECT signature, mergeable FROM profiles WHERE profile_id = ?",
                                (p,))[0] for p in (pa, pb)}
        if pa == pb or sig[pa]["signature"] == sig[pb]["signature"]:
            return bool(sig[pa]["mergeable"])
        x, y = pair(pa, pb)
        return self.db.scalar("SELECT count(*) FROM profile_links WHERE profile_a = ? AND "
                              "profile_b = ?", (x, y)) > 0

    def _log(self, kind: str, target: str, field: str, old: Any, new: Any, who: str,
             note: str | None) -> int:
        if not who or not who.strip():
            raise StoreError("an edit needs the analyst's name (who)")
        rows = self.db.query(
            "INSERT INTO edits (target_kind, target_id, field, old_value, new_value, who, at, note) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING edit_id",
            (kind, target, field, dumps(old), dumps(new), who.strip(),
             datetime.now(timezone.utc).isoformat(timespec="seconds"), note))
        return int(rows[0]["edit_id"])


def _checked(field: str, value: Any) -> Any:
    value = check_edit(field, value)
    if field == "event_date" and value is not None:
        try:
            value = date.fromisoformat(str(value)).isoformat()
        except ValueError as exc:
            raise StoreError(f"event_date must be YYYY-MM-DD, not {value!r}") from exc
    return value
