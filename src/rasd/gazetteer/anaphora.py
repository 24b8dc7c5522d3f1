"""Anaphors: words that point back to a place named before.

«المحافظة», «المدينة», «البلاد», «الريف» with a direction («جنوب غربي المحافظة»)
or «نفسه/ذاته», and nouns with a pronoun («حلب وريفها», «زنجبار وضواحيها»):
:func:`find_anaphors` adds them to a document's candidates, and
:func:`resolve_anaphors` gives each the place it points to (the last
governorate, town or country named before it), which it keeps following
(:func:`follow_antecedents`) when that place's reading changes.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from .lexicon import Lexicon
from .store import ADMIN1, CAP, CC, LEVEL, POP, Gazetteer
from .words import Words

if TYPE_CHECKING:
    from .geocode import Decision
    from .matcher import Match

#: definite nouns that point back to a unit named before, and the level they point to
ANAPHORS = {"المحافظه": "admin1", "المدينه": "populated", "المديريه": "admin2",
            "البلده": "populated", "الريف": "admin1", "البلاد": "country"}
#: a noun with a pronoun that points to the place just named («حلب وريفها»: the
#: countryside, its governorate; «زنجبار وضواحيها»: near the town)
#: («محيطه» is as often "its sphere": «العراق ومحيطه العربي»)
PRONOUN_ANAPHORS = {"ريفها": "countryside", "ريفه": "countryside", "ضواحيها": "outskirts",
                    "ضواحيه": "outskirts", "اطرافها": "outskirts", "اطرافه": "outskirts"}
_SAME = frozenset(["نفسها", "نفسه", "ذاته", "ذاتها"])
_ANAPHOR_FORMS: dict[str, tuple[str, str]] = {}
for _w, _kind in list(ANAPHORS.items()) + list(PRONOUN_ANAPHORS.items()):
    for _p in ("", "و", "ف", "ب", "وب", "فب"):
        _ANAPHOR_FORMS[_p + _w] = (_p, _kind)
for _w, _kind in ANAPHORS.items():
    for _p in ("ل", "ول"):  # «للمدينة»: «ل» absorbs the article's alif
        _ANAPHOR_FORMS[_p + "ل" + _w[2:]] = (_p, _kind)


def find_anaphors(lex: Lexicon, words: Words, matches: list[Match], make: Callable) -> None:
    """«جنوب غربي المحافظة», «الريف الشمالي», «بالريف ذاته», «وريفها»: a unit
    named before.

    A definite noun only with a direction before or after it, or «نفسه/ذاته»
    after it: alone, «المدينة» is too often just "the city". ``make`` builds the
    candidate (:meth:`rasd.gazetteer.matcher.Matcher._match`).
    """
    taken = {k for m in matches for k in range(m.start, m.end)}
    texts = words.texts
    forms = _ANAPHOR_FORMS
    for i in [i for i, text in enumerate(texts) if text in forms]:
        if i in taken:
            continue
        prefix, kind = forms[texts[i]]
        after = texts[i + 1] if i + 1 < len(texts) and words.joined[i + 1] else ""
        before = _direction_ending(lex, words, i - 1)
        if kind in PRONOUN_ANAPHORS.values() or before or after in _SAME or (
                after in lex.directions and after.startswith("ال")):
            m = make(words, i, i + 1, prefix, "", ())
            m.extra["anaphor"] = kind
            matches.append(m)

def _direction_ending(lex: Lexicon, words: Words, i: int) -> bool:
    """A direction («جنوب غربي») ends at word i, right before the anaphor."""
    if i < 0 or not words.joined[i + 1]:
        return False
    texts = words.texts
    return any(" ".join(texts[i - n + 1:i + 1]) in lex.directions
               for n in (1, 2) if i - n + 1 >= 0)


def resolve_anaphors(gaz: Gazetteer, anaphors: list[Decision], placed: list[Decision]) -> None:
    """«المحافظة» → the last governorate named before it; «المدينة» → the last town;
    «البلاد» → the last place's country; «الريف» → the last place's governorate.

    Each anaphor remembers the decision it points to (``extra["antecedent"]``) so
    that it can follow that decision's final reading (:func:`follow_antecedents`).
    """
    ordered = sorted((d for d in placed if d.best is not None), key=lambda d: d.match.start)
    rows = gaz.rows
    for a in anaphors:
        kind = a.match.extra["anaphor"]
        before = [d for d in ordered if d.match.start < a.match.start]
        found = None
        if kind in ("countryside", "outskirts"):
            found = _pronoun_antecedent(gaz, a, before)
        elif kind == "admin1":  # a governorate named as such within three sentences first
            for d in reversed(before):
                if a.match.sentence - d.match.sentence > 3:
                    break
                if rows[d.best][LEVEL] == "admin1":  # type: ignore[index]
                    found = (d, d.best)
                    break
        for d in reversed(before if found is None else ()):
            target = _target(gaz, kind, d)
            if target is not None:
                found = (d, target)
                break
        if found is not None:
            a.rows, a.probs, a.rule = [found[1]], [1.0], "anaphora"
            a.match.extra["antecedent"] = found[0]


def _pronoun_antecedent(gaz: Gazetteer, a: Decision, before: list[Decision]
                        ) -> tuple[Decision, int] | None:
    """«حلب وريفها»: the place named last, in the same or the previous sentence;
    its countryside is its governorate, its outskirts are near the place itself."""
    for d in reversed(before):
        if a.match.sentence - d.match.sentence > 1:
            return None
        if gaz.rows[d.best][LEVEL] == "country":  # type: ignore[index]
            continue
        if a.match.extra["anaphor"] == "outskirts":
            a.match.near = True
            return d, d.best  # type: ignore[return-value]
        target = _target(gaz, "admin1", d)
        return (d, target) if target is not None else None
    return None


def _target(gaz: Gazetteer, kind: str, d: Decision) -> int | None:
    """The row an anaphor of ``kind`` takes from decision ``d``'s best reading."""
    if kind == "countryside":
        kind = "admin1"
    elif kind == "outskirts":
        return d.best
    r = gaz.rows[d.best]  # type: ignore[index]
    if kind == "country":
        return gaz.country_row(r[CC])
    if kind == "admin1" and r[ADMIN1]:
        return d.best if r[LEVEL] == "admin1" else gaz.admin1_row(r[CC], r[ADMIN1])
    if r[LEVEL] == kind and (kind != "populated" or _town(r) or (
            d.match.cue is not None and d.match.cue.word == "مدينه")):
        return d.best  # «المدينة» is a town named before, not a village
    return None


def follow_antecedents(gaz: Gazetteer, decisions: list[Decision]) -> None:
    """Anaphors take their antecedent's final reading."""
    for a in decisions:
        d = a.match.extra.get("antecedent")
        if d is not None and d.best is not None:
            target = _target(gaz, a.match.extra["anaphor"], d)
            if target is not None:
                a.rows, a.probs = [target], [1.0]


def _town(r: tuple[str, ...]) -> bool:
    return r[CAP] in ("N", "G", "D") or (bool(r[POP]) and int(r[POP]) >= 50_000)
