"""Linking frames before drafting: a frame that names no place joins the
frame that does (one report told in two clauses or sentences), and a frame
that names no kind of violence borrows its sentence's. Kept apart from
:mod:`rasd.events.draft`, which codes each linked frame."""
from __future__ import annotations

from typing import Callable

from .frames import Frame
from .typing_ import best_trigger, priorities, role
from .words import DEFINITE

def link_placeless(frames: list[Frame], is_tally: Callable[[Frame], bool]) -> list[Frame]:
    """A frame without a place joins the previous frame of its sentence (one
    report: «مقتل 21 من الحوثيين ... بينما قتل اثنان من القوات الشرعية»), or
    the next frame of its sentence that names the place («مقتل 42 حوثيا ...
    فيما قتل 9 من المقاومة ... في مواجهات في قرى مشرعة وحدنان»: both sides'
    dead of one battle), or a previous-sentence frame that has a place and no
    figure of its own («اشتبكت القوات ... قرب الشيشان. ... تم القضاء على ثمانية
    مسلحين») or, for the wounded of the same blast, any figure. A running total
    («ارتفع عدد الشهداء إلى 59») stays alone."""
    out: list[Frame] = []
    for k, f in enumerate(frames):
        prev = out[-1] if out else None
        if not f.places and not f.modal and not is_tally(f):
            if prev is not None and not prev.modal and prev.sentence == f.sentence and prev.places:
                prev.absorb(f)
                continue
            nxt = next((g for g in frames[k + 1:] if g.sentence == f.sentence and g.places), None)
            # a frame with its own kind of violence («... إثر تعرضهم لإطلاق نار») is another incident
            if nxt is not None and not nxt.modal and not _own_kind(f, nxt):
                nxt.absorb(f)
                continue
            if prev is not None and not prev.modal and f.sentence - prev.sentence == 1 and prev.places:
                if not prev.deaths() or _wounded_of(f):
                    prev.absorb(f)
                    continue
                if not f.casualties and f.actors:
                    # «... قتل 15 شخصا. وأعلن تنظيم داعش مسؤوليته عن التفجير»: who
                    # did it, named in the next sentence (the kind stays the first's)
                    prev.actors = sorted(prev.actors + f.actors, key=lambda m: m.nstart)
                    continue
        out.append(f)
    return out


def _wounded_of(f: Frame) -> bool:
    """«... وقتلت خمسة أشخاص. وأضاف أن خمسة أشخاص من سكان منازل مجاورة أصيبوا جراء
    انفجار القذيفة»: only wounded, and the violence (if named) named again by a definite noun."""
    return bool(f.casualties) and all(c.kind == "injury" for c in f.casualties) \
        and (not f.triggers or any(DEFINITE.match(t.text) for t in f.triggers))


def _own_kind(f: Frame, nxt: Frame) -> bool:
    """Do ``f`` and ``nxt`` each name a kind of violence, and ``f`` one that ``nxt`` does not?"""
    kinds = {t.sub_event_type for t in nxt.triggers}
    return bool(kinds) and any(role(t) != "generic" and t.sub_event_type not in kinds for t in f.triggers)


def lend(frames: list[Frame]) -> None:
    """A frame that names no kind of violence borrows the strongest trigger of
    its sentence (and that frame's actors): «... تصعيد القصف الجوي ... شهدت
    استشهاد 24، ... إضافة لاستشهاد شخصين في قرية السمرية»."""
    by_sentence: dict[int, list[Frame]] = {}
    for f in frames:
        by_sentence.setdefault(f.sentence, []).append(f)
    for group in by_sentence.values():
        donors = [g for g in group if any(role(t) != "generic" for t in g.triggers)]
        for f in group:
            if f.triggers or not donors:
                continue
            donor = max(donors, key=lambda g: priorities().get(best_trigger(g.triggers).sub_event_type, 0))
            f.borrowed["triggers"] = [t for t in donor.triggers if role(t) != "generic"]
            if not f.actors:
                f.borrowed["actors"] = list(donor.actors)
