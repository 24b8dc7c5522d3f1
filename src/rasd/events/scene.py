"""Where a frame happened: the scene among the places it names.

A frame's places play roles: the *scene* («بلدة باتبو»), a *container* that
locates it («في ريف حلب الغربي», «بمحافظة تعز») and a *reference* it is near
(«قرب مدينة الباب», «جنوب الغندورة»). The event is located at the most
specific scene; neighbourhoods of one city hit together with one figure are
one event at the city (EVENTS.md §1), the neighbourhoods kept as
sublocations; separate towns with no shared figure are one event each.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Sequence

from ..mentions import Place, Token
from .words import DEFINITE, is_word

SPECIFICITY = {"neighbourhood": 6, "populated": 5, "admin3": 4, "admin2": 3, "admin1": 2, "region": 1, "country": 1}
PLURAL_NEIGHBOURHOOD_CUES = frozenset({"احياء", "الاحياء", "حيي", "احيا"})


@dataclass
class Scene:
    """The chosen location of one event and the places tied to it."""

    mention: Any  # PlaceMention
    sublocations: list[Any] = field(default_factory=list)
    containers: list[Any] = field(default_factory=list)
    city: Place | None = None  # set when neighbourhoods were lifted to their city
    rule: str = "scene.single"

    @property
    def place(self) -> Place | None:
        return self.city or self.mention.place


#: cues of a province: an unknown name after them is no town («إقليم تهامة»)
PROVINCE_CUES = frozenset({"اقليم", "محافظه", "ولايه", "الاقليم", "المحافظه", "الولايه"})


def specificity(m: Any) -> int:
    if m.place is None:
        if not m.cue:
            return 2
        return SPECIFICITY["admin1"] if _norm(m.cue) in PROVINCE_CUES or m.cue in PROVINCE_CUES else 5
    return SPECIFICITY.get(m.place.level, 2)


def role(tokens: Sequence[Token], index_of: Any, m: Any) -> str:
    """scene, container, reference or organization, from the words before the mention."""
    i = index_of(m.nstart)
    before = [tokens[j] for j in range(max(0, i - 3), i)]
    if m.cue and before and _norm(before[-1].text) == _norm(m.cue):
        before = before[:-1]
    if before and (is_word(before[-1], "reference") or
                   (len(before) > 1 and is_word(before[-2], "reference")
                    and before[-1].text in ("من", "علي", "الي"))):  # «قريبة من», «المطل على»
        return "reference"
    if any(_norm(t.text) == "بين" for t in before):
        return "reference"  # «الطريق الذي يربط بين الحوطة وعدن»: the ends of a road or a front
    if any(is_word(t, "organization") for t in before[-2:]):
        return "organization"  # «قيادة عمليات بغداد»: names no place of the event
    if before and is_word(before[-1], "group_of_place") and not DEFINITE.match(before[-1].text):
        return "container"  # «كمين لمقاومة آزال في منطقة خارف»: the group's region
    if m.place is not None and m.place.level in ("country", "admin1"):
        return "container"
    # a district («منطقة الرضمة», «مديرية حيس») is the scene unless the frame
    # names something more specific in it: scenes() demotes it then
    return "scene"


def _norm(s: str) -> str:
    for p in ("وب", "ب", "و", "ل"):
        if s.startswith(p) and len(s) > len(p) + 2:
            return s[len(p):]
    return s


def _same_city(ms: list[Any]) -> str | None:
    parents = {m.place.parent for m in ms if m.place is not None and m.place.level == "neighbourhood"}
    return parents.pop() if len(parents) == 1 else None


def scenes(places: Sequence[Any], tokens: Sequence[Token], index_of: Any, has_figure: bool,
           city_of: Any, eligible: Any = None) -> list[Scene]:
    """One scene per event the frame's places call for (usually one).

    ``eligible(mention)`` says whether a mention may be a scene at all
    (a country, an unconfirmed inference or a cue-less unknown name may only
    locate one)."""
    if not places:
        return []
    roles = {id(m): role(tokens, index_of, m) for m in places}
    if eligible is not None:
        for m in places:
            if not eligible(m) and roles[id(m)] == "scene":
                roles[id(m)] = "container" if m.place is not None else "reference"
    if not any(r == "scene" for r in roles.values()):
        near = _near_scene(places, roles, eligible)
        region = _region_scene(places, roles, eligible)
        if near is None and region is None:
            region = _region_scene(places, roles, eligible, "reference")
        if near is not None and (region is None or specificity(near.mention) > specificity(region.mention)):
            return [near]
        return [region] if region is not None else []
    scene_ms = [m for m in places if roles[id(m)] == "scene"]
    containers = [m for m in places if roles[id(m)] == "container" and m not in scene_ms]
    top = max(specificity(m) for m in scene_ms)
    floor = 5 if top >= 5 else top
    # a specific place was named: the wider units only locate it («في مديرية
    # السخنة» inside «إقليم تهامة»; a town inside its district)
    containers += [m for m in scene_ms if specificity(m) < floor]
    scene_ms = [m for m in scene_ms if specificity(m) >= floor]
    hoods = [m for m in scene_ms if m.place is not None and m.place.level == "neighbourhood"]
    # «حي السكري في مدينة حلب»: the city contains its neighbourhoods
    parents = {m.place.parent for m in hoods}
    cities = [m for m in scene_ms if m.place is not None and m.place.gid in parents]
    containers += cities
    scene_ms = [m for m in scene_ms if m not in cities]
    plural_cue = any((m.cue or "") in PLURAL_NEIGHBOURHOOD_CUES for m in scene_ms)
    if hoods and (len(hoods) >= 2 or plural_cue):
        parent = _same_city(hoods)
        city = city_of(hoods[0].place) if parent else None
        if city is not None:
            return [Scene(hoods[0], list(scene_ms), containers, city, "scene.neighbourhoods_of_city")]
    if len(scene_ms) == 1 or has_figure:
        return [Scene(scene_ms[0], scene_ms[1:], containers,
                      rule="scene.single" if len(scene_ms) == 1 else "scene.shared_figure")]
    # a list with no shared figure: one event per place the text singles out
    # with a cue («بلدات كفرناها والمنصورة»); a bare list of cities and
    # provinces («في عدن ولحج ومأرب») is a summary of a war, not a report
    listed = [m for m in _distinct(scene_ms) if m.cue or specificity(m) >= SPECIFICITY["neighbourhood"]]
    return [Scene(m, [], containers, rule="scene.list_one_event_each") for m in listed]


def _region_scene(places: Sequence[Any], roles: dict[int, str], eligible: Any,
                  role: str = "container") -> Scene | None:
    """When only an admin unit is named («في منطقة عسير», «بمحافظة تعز»), the
    event is coded at that unit (ACLED: geo_precision 3), never at a country.
    ``role="reference"``: a part of a unit («في شمال منطقة عسير») is still in it."""
    units = [m for m in places if roles[id(m)] == role and m.place is not None
             and m.place.level in ("admin1", "admin2", "admin3") and (eligible is None or eligible(m))]
    if not units:
        return None
    m = max(units, key=specificity)
    return Scene(m, [], [c for c in places if c is not m and roles[id(c)] == "container"],
                 rule="scene.admin_unit_only")


def _near_scene(places: Sequence[Any], roles: dict[int, str], eligible: Any) -> Scene | None:
    """«قرية شمال شرقي أربيل», «عمليات شرقي الفلوجة»: when the text only says
    near which town it happened, the event is coded at that town (ACLED
    geo_precision 2). Not «شرق المدينة» pointing back to a city already
    named: that is an area of it, often a whole front."""
    refs = [m for m in places if roles[id(m)] == "reference" and m.place is not None and m.rule != "anaphora"
            and specificity(m) >= SPECIFICITY["admin3"] and (eligible is None or eligible(m))]
    if not refs:
        return None
    return Scene(refs[0], [], [c for c in places if c is not refs[0] and roles[id(c)] == "container"],
                 rule="scene.near_place")


def _distinct(ms: list[Any]) -> list[Any]:
    seen: set[str] = set()
    out = []
    for m in ms:
        key = m.place.gid if m.place is not None else m.surface
        if key not in seen:
            seen.add(key)
            out.append(m)
    return out
