"""Event frames: the mentions that report one incident, grouped.

A sentence often reports several incidents («... شهدت استشهاد 24، بينما
وثق المرصد استشهاد 21 ... ببلدة باتبو، إضافة لاستشهاد شخصين في قرية
السمرية»). Frames are opened by *anchors* (casualty figures and event
triggers); the other mentions (places, dates, actors, sources) join the
anchor of their clause, the anchor before them, or — for a clause that opens
with a connector («أيضا وثق المرصد أمس الأول، استشهاد 11») — the next one.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field, replace
from typing import Any, Sequence

from ..document import Document
from ..mentions import Casualty, Sentence, Token, Trigger
from .words import MODAL_WINDOW, any_before, is_word

DEATHS = ("death", "death_or_injury")


@dataclass
class Frame:
    """The mentions of one reported incident (before coding)."""

    sentence: int
    casualties: list[Casualty] = field(default_factory=list)
    triggers: list[Trigger] = field(default_factory=list)
    places: list[Any] = field(default_factory=list)
    dates: list[Any] = field(default_factory=list)
    actors: list[Any] = field(default_factory=list)
    sources: list[Any] = field(default_factory=list)
    borrowed: dict[str, Any] = field(default_factory=dict)
    modal: bool = False
    #: places a later sentence named for this frame («من بين هذه المناطق ...»)
    named_back: list[Any] = field(default_factory=list)

    @property
    def anchors(self) -> list[Any]:
        return [*self.casualties, *self.triggers]

    @property
    def nstart(self) -> int:
        return min(m.nstart for m in self.anchors) if self.anchors else 0

    @property
    def nend(self) -> int:
        return max(m.nend for m in self.anchors) if self.anchors else 0

    def deaths(self) -> list[Casualty]:
        return [c for c in self.casualties if c.kind in DEATHS]

    def add(self, kind: str, mention: Any) -> None:
        getattr(self, kind).append(mention)

    def absorb(self, other: "Frame") -> None:
        for kind in ("casualties", "triggers", "places", "dates", "actors", "sources"):
            merged = getattr(self, kind) + getattr(other, kind)
            setattr(self, kind, sorted(merged, key=lambda m: m.nstart))
        self.modal = self.modal and other.modal


@dataclass
class _Ctx:
    tokens: Sequence[Token]
    starts: list[int]
    sentence: Sentence

    def index(self, nstart: int) -> int:
        return min(bisect.bisect_left(self.starts, nstart), len(self.tokens) - 1)

    def clause(self, nstart: int) -> int:
        for k, (a, b) in enumerate(self.sentence.clauses):
            if a <= nstart < b:
                return k
        return len(self.sentence.clauses)


def _opens_frame(ctx: _Ctx, cur: Frame, kind: str, m: Any) -> bool:
    """Does anchor ``m`` start a new incident rather than extend ``cur``?"""
    if not cur.anchors:
        return False
    i = ctx.index(m.nstart)
    if kind == "casualties":
        if m.rule.endswith("continuation"):
            return False
        same = [c for c in cur.casualties if (c.kind in DEATHS) == (m.kind in DEATHS)]
        if not same:
            # «اشتباكات في محيط بلدة قباسين، فيما استشهد 6 أشخاص ...»: a
            # connector after a placed incident opens another one
            return bool(cur.places) and ctx.clause(m.nstart) > ctx.clause(cur.places[-1].nstart) \
                and any_before(ctx.tokens, i, "connector", 2)
        return bool(cur.places) or ctx.clause(m.nstart) > ctx.clause(same[-1].nstart) \
            or any_before(ctx.tokens, i, "connector", 3)
    # a trigger opens a new frame only after the current one found its place,
    # and only when it is not explaining that incident («جراء قصف ...»)
    if not cur.places or m.confidence < 0.8:
        return False
    if max(p.nstart for p in cur.places) > m.nstart:
        return False
    if any_before(ctx.tokens, i, "causal", 2):
        return False
    tok = ctx.tokens[i]
    return tok.text.startswith("و") or ctx.clause(m.nstart) > ctx.clause(cur.places[-1].nstart)


def _split(ctx: _Ctx, items: list[tuple[int, str, Any]]) -> list[tuple[Frame, list[tuple[str, Any]]]]:
    """Anchor groups, each with the non-anchor mentions of the same stretch."""
    groups: list[tuple[Frame, list[tuple[str, Any]]]] = []
    cur = Frame(ctx.sentence.index)
    pending: list[tuple[str, Any]] = []
    for _, kind, m in items:
        if kind == "triggers" and cur.triggers and any_before(ctx.tokens, ctx.index(m.nstart), "purpose", 2):
            # «شنت هجوماً بهدف استعادة مثلث العند»: the aim of the action told before
            # it, fought for, not another action (nor a territory already taken)
            cur.add(kind, replace(m, event_type="Battles", sub_event_type="Armed clash", rule="trigger.aim"))
            continue
        if kind in ("casualties", "triggers"):
            if _opens_frame(ctx, cur, kind, m):
                groups.append((cur, pending))
                cur, pending = Frame(ctx.sentence.index), []
            cur.add(kind, m)
        else:
            pending.append((kind, m))
            if kind == "places":
                cur.places.append(m)  # provisional: decides where triggers split
    groups.append((cur, pending))
    for frame, _ in groups:
        frame.places = []
    return groups


def _assign(ctx: _Ctx, groups: list[tuple[Frame, list[tuple[str, Any]]]]) -> list[Frame]:
    """Give each non-anchor mention to the right frame of its sentence."""
    frames = [g for g, _ in groups if g.anchors]
    if not frames:
        return []
    anchor_clauses = [{ctx.clause(a.nstart) for a in f.anchors} for f in frames]
    for _, pending in groups:
        for kind, m in pending:
            frames[_home(ctx, frames, anchor_clauses, m)].add(kind, m)
    return frames


def _home(ctx: _Ctx, frames: list[Frame], anchor_clauses: list[set[int]], m: Any) -> int:
    """Index of the frame a mention belongs to."""
    k = ctx.clause(m.nstart)
    same = [i for i, cl in enumerate(anchor_clauses) if k in cl]
    if same:
        after = [i for i in same if frames[i].nstart <= m.nstart]
        return after[-1] if after else same[0]
    before = [i for i, f in enumerate(frames) if f.nstart <= m.nstart]
    following = [i for i, f in enumerate(frames) if f.nstart > m.nstart]
    clause_start = ctx.sentence.clauses[k][0] if k < len(ctx.sentence.clauses) else m.nstart
    opener = ctx.index(clause_start)
    if following and (not before or is_word(ctx.tokens[opener], "connector")):
        return following[0]
    return before[-1] if before else following[0]


def build_frames(doc: Document) -> list[Frame]:
    """All frames of a document, sentence by sentence, in text order."""
    tokens = doc["tokens"]
    starts = [t.nstart for t in tokens]
    layers = {k: doc.get(k, ()) for k in ("casualties", "triggers", "places", "dates", "actors", "sources")}
    # «إدلب - قتل 17 مدنيا ...»: the dateline says where the story was filed
    layers["places"] = [m for m in layers["places"] if not _dateline(tokens, starts, m)]
    sentences = doc["sentences"]
    # each mention to its sentence once (scanning every layer per sentence was quadratic)
    sent_starts = [s.nstart for s in sentences]
    by_sentence: dict[int, list[tuple[int, str, Any]]] = {}
    for kind, mentions in layers.items():
        for m in mentions:
            k = bisect.bisect_right(sent_starts, m.nstart) - 1
            if k >= 0 and m.nstart < sentences[k].nend:
                by_sentence.setdefault(k, []).append((m.nstart, kind, m))
    out: list[Frame] = []
    for k, sent in enumerate(sentences):
        items = by_sentence.get(k)
        if not items:
            continue
        items.sort(key=lambda x: (x[0], x[1]))
        ctx = _Ctx(tokens, starts, sent)
        frames = _assign(ctx, _split(ctx, items))
        for f in frames:
            f.modal = _is_modal(ctx, f)
        if not frames and out:
            _name_places_back(ctx, out[-1], [m for _, kind, m in items if kind == "places"])
        out.extend(frames)
    return out


DASHES = frozenset({"-", "–", "—", ":"})
#: a dateline stands within the first tokens of the article
DATELINE_TOKENS = 6


def _dateline(tokens: Sequence[Token], starts: list[int], m: Any) -> bool:
    """Is the place mention the article's dateline («إدلب - », «رويترز- تل أبيب:»)?"""
    first = bisect.bisect_left(starts, m.nstart)
    if first >= DATELINE_TOKENS:
        return False
    last = bisect.bisect_left(starts, m.nend) - 1
    after = tokens[last + 1].text if last + 1 < len(tokens) else ""
    return after in DASHES or (first > 0 and tokens[first - 1].text in DASHES)


def _name_places_back(ctx: _Ctx, prev: Frame, places: list[Any]) -> None:
    """«... استعادت السيطرة على عدد من القرى. وقال المرصد إن من بين هذه
    المناطق قريتي خربة الناقوس والمنصورة»: a sentence without event words that
    points back names the places of the previous sentence's placeless event."""
    if not places or prev.places or prev.modal or prev.sentence != ctx.sentence.index - 1:
        return
    first = ctx.index(places[0].nstart)
    if any_before(ctx.tokens, first, "anaphor", first - ctx.index(ctx.sentence.nstart)):
        prev.places.extend(places)
        prev.named_back.extend(places)


def _is_modal(ctx: _Ctx, f: Frame) -> bool:
    """An intention or plan («تستعد لاستعادة», «جاهزيتها لإطلاق»), not an event."""
    if f.casualties:
        return False
    return all(any_before(ctx.tokens, ctx.index(t.nstart) + 1, "modality", MODAL_WINDOW) for t in f.triggers)
