"""Who did it to whom: roles of the actors named in a frame.

Arabic reports put the perpetrator after the event word («قصفت قوات
النظام», «غارات للطيران التركي», «المجزرة التي نفذها الأسد», «زرعها
الحوثيون»), before it («قوات النظام قصفت»), or after «من قبل» / «على يد»;
the other side or target follows «مع» / «ضد» / «مواقع» / «كمين» / «مدرعة
تابعة لـ»; victims follow a death word («مقتل 15 من المسلحين الحوثيين») or
precede one («لقوا مصرعهم»). The cue words are data
(``resources/actors/roles.toml``). EVENTS.md §3: a perpetrator named for the
same incident elsewhere wins over an unsigned one (see :mod:`.merge`).

Each mention gets one role, in this order of evidence: victim, explicit agent
(a cue before it, or a claim of responsibility after it), supporter, other
side, agent by position (right after a trigger, or subject of a violent
verb), else plain. A mention joined by «و» to the one before it shares its
role («مع قوات النظام والمسلحين الموالين لها»). actor1 is the first explicit
agent, else the first positional agent, else the first plain mention near the
event — a named group before a generic «مسلحين» — and never a plain mention
for a bomb or mine, whose perpetrator a nearby name seldom is.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any, Sequence

from ..actors.rolecues import DEATHS, Passage, cues, has, phrase_before, stems
from ..mentions import Casualty, Token, Trigger
from .typing_ import best_trigger

AGENT_WINDOW = 2  # words before a mention searched for an agent cue
OTHER_WINDOW = 2
SOURCE_WINDOW = 3  # «مصادر محلية وفي المقاومة»
AFTER_WINDOW = 3  # words after a mention searched for a claim of responsibility
VICTIM_GAP = 4  # words allowed between a death word and its victim
GOVERN_REACH = 3  # words between an actor and the verb or the event it governs
LAYING_REACH = 5  # words between «نصب» and «كمينا» (the subject)
TRIGGER_REACH = 1  # right after a trigger: its perpetrator («قصف قوات النظام»), but not
# one word further («هاجم أكاديمية الشرطة»: the police own the target), unless «لـ»
TRIGGER_REACH_L = 3  # «غارات جوية مكثفة للطيران الروسي»: «لـ» reaches further
STATE_INTER = (1, 8)  # a state's forces, at home or abroad
ROLE_NAMES = ("victim", "agent", "source", "support", "party", "other", "agent_trig", "agent_subj",
              "plain")


@dataclass(frozen=True)
class Roles:
    actor1: Any | None  # ActorMention
    actor2: Any | None
    assoc1: tuple[Any, ...]
    victims: tuple[Any, ...]
    rule1: str
    rule2: str


def _victim(sc: Passage, m: Any, i: int, j: int) -> bool:
    cw = cues()
    for c in sc.casualties:
        if c.kind in DEATHS and c.victim_nstart is not None and c.victim_nend is not None \
                and c.victim_nstart <= m.nstart < c.victim_nend:
            return True
    # «مقتل 15 من المسلحين الحوثيين», «مصرع قياديين حوثيين»
    k, steps = i - 1, 0
    while k >= 0 and steps <= VICTIM_GAP:
        t = sc.tokens[k]
        k -= 1
        if t.kind == "punct" and t.text in cw.marks:
            continue
        steps += 1
        if k + 1 in sc.death_tokens or has(t, cw.death_words):
            # «قتل الحوثيون ...»: a verb right before the actor has it as subject
            return steps > 1 or not has(t, cw.verb_forms)
        if t.kind == "num" or has(t, cw.victim_gap) or \
                (t.text == "في" and k + 2 < i and has(sc.tokens[k + 2], cw.ranks)):
            continue
        break
    # «المئات من عناصر المليشيات لقوا مصرعهم», «7 عناصر من داعش قتلوا»
    nxt = sc.after(j, 2)
    nxt = nxt[1:] if nxt and nxt[0].text == "قد" else nxt
    if nxt and has(nxt[0], cw.victim_after):
        return True
    if nxt and has(nxt[0], cw.counted):
        return any(t.kind == "num" or has(t, cw.count_words) for t in sc.before(i, 3))
    return False


def _source(sc: Passage, i: int) -> bool:
    """«مصادر في المقاومة الشعبية», «المتحدث باسم التحالف»: who reports, not who acts."""
    cw = cues()
    for t in sc.before(i, SOURCE_WINDOW):
        if has(t, cw.source_before):
            return True
        if not has(t, cw.source_gap):
            return False
    return False


def _owner(sc: Passage, i: int) -> str | None:
    """«X تابعة لـY»: Y is the perpetrator when X is the weapon (a trigger), else the target."""
    cw = cues()
    for k in range(i - 1, max(-1, i - OTHER_WINDOW - 1), -1):
        t = sc.tokens[k]
        if t.kind == "punct":
            return None
        if has(t, cw.possessive):
            return "agent_trig" if any(a <= k - 1 <= b for a, b, _t in sc.trig_spans) \
                else "other"
    return None


def _governs(sc: Passage, i: int, j: int) -> bool:
    """The actor is the subject of a verb whose object is the event: «نفذ داعش
    تفجيرين», «الائتلاف الدولي بقيادة أميركية نفذ غارات جوية»."""
    trig_starts = {a for a, _b, _t in sc.trig_spans}
    prev = sc.before(i, 1)
    if prev and _verb_before(prev[0]) and any(j < a <= j + GOVERN_REACH for a in trig_starts):
        return True
    for k in range(j + 1, min(len(sc.tokens), j + GOVERN_REACH + 1)):
        t = sc.tokens[k]
        if t.kind == "punct":
            return False
        if has(t, cues().claim_that) and k + 1 < len(sc.tokens) and _verb_before(sc.tokens[k + 1]):
            return True  # «أعلنت أجهزة الأمن الروسية الأحد أنها قتلت ثمانية»
        if _verb_before(t) and not _plural_verb(t.text):
            return any(k < a <= k + 2 for a in trig_starts)
    return False


def _noun_subject(sc: Passage, before: list[Token], j: int) -> bool:
    """«استهداف مستوطنين إسرائيليين لمنزلهم»: subject of a verbal noun with a «لـ» object."""
    if not before or not has(before[0], cues().noun_subject):
        return False
    # the object may follow an adjective of the subject («مستوطنون إسرائيليون لمنزلهم»)
    return any(t.text.startswith("ل") and len(t.text) > 3 and not t.text.startswith("لا")
               for t in sc.after(j, 2))


def _plural_verb(word: str) -> bool:
    """A past verb with its plural subject in it («طردوا», «نصبوا»)."""
    return len(word) > 3 and word.endswith("وا")


def _object_trigger(sc: Passage, a: int, t: Trigger) -> bool:
    """Does the actor after this trigger undergo it («طردوا الحوثيين», «نصب
    كمينا للميليشيات») rather than do it («قصف قوات النظام», «كمين للمقاومة»)?"""
    cw = cues()
    last = t.text.split()[-1] if t.text else ""
    if any(w in cw.object_triggers for w in stems(last)) or _plural_verb(last):
        return True
    if any(w in cw.laid for w in stems(last)):
        # «نصب الجيش الوطني كمينا»: the verb, its subject, then the ambush
        return any(has(x, cw.laying_verbs) for x in sc.before(a, LAYING_REACH))
    return False


def _after_trigger(sc: Passage, m: Any, i: int) -> str | None:
    """"agent" right after a trigger («قصف قوات النظام», «غارات للطيران الروسي»),
    "other" after a trigger it undergoes («طردوا الحوثيين»), else None."""
    if any(a <= i <= b for a, b, _t in sc.trig_spans):
        return "agent"  # the trigger names its actor: «التفجير الانتحاري», «طيران التحالف»
    reach = TRIGGER_REACH_L if m.rule.endswith("clitic_l") else TRIGGER_REACH
    near = [(a, t) for a, b, t in sc.trig_spans if 0 < i - b <= reach]
    if not near:
        return None
    return "other" if all(_object_trigger(sc, a, t) for a, t in near) else "agent"


def _subject(sc: Passage, i: int, j: int) -> bool:
    """Is the mention the subject of a violent verb just before or after it?"""
    cw = cues()
    nxt = sc.after(j, 1)
    prev = sc.before(i, 1)
    return bool(nxt and has(nxt[0], cw.subject_verbs)) or \
        bool(prev and _verb_before(prev[0]) and not _plural_verb(prev[0].text))


def _verb_before(t: Token) -> bool:
    """A violent verb, with or without an object pronoun («اقتحمها», «قصفته»)."""
    cw = cues()
    if has(t, cw.subject_verbs):
        return True
    for suffix in cw.object_suffixes:
        if t.text.endswith(suffix) and len(t.text) - len(suffix) >= 3 and \
                any(v in cw.subject_verbs for v in stems(t.text[:-len(suffix)])):
            return True
    return False


def classify(sc: Passage, m: Any) -> str:
    """The role of one mention: victim, agent, source, support, party, other,
    agent_trig (right after a trigger), agent_subj (subject of a violent verb) or plain."""
    cw = cues()
    i, j = sc.index_of(m.nstart), sc.index_of(m.nend - 1)
    if _victim(sc, m, i, j):
        return "victim"
    before = sc.before(i, AGENT_WINDOW)
    if any(has(t, cw.agent_before) for t in before) or phrase_before(sc, i, cw.agent_phrases) or \
            any(has(t, cw.agent_after) for t in sc.after(j, AFTER_WINDOW)) or _governs(sc, i, j):
        return "agent"
    if _source(sc, i):
        return "source"
    if _noun_subject(sc, before, j):
        return "agent_trig"
    if before and (has(before[0], cw.support_before) or (
            before[0].text == "من" and len(before) > 1 and has(before[1], cw.support_before))):
        return "support"
    if any(has(t, cw.party_before) for t in before):
        return "party"
    owner = _owner(sc, i)
    if owner is not None:
        return owner
    if any(has(t, cw.other_before) for t in sc.before(i, OTHER_WINDOW)) or \
            phrase_before(sc, i, cw.other_phrases):
        return "other"
    after = _after_trigger(sc, m, i)
    if after == "other":
        return "other"
    if after == "agent":
        return "agent_trig"
    if _subject(sc, i, j):
        return "agent_subj"
    return "plain"


def _coordinated(sc: Passage, prev: Any, m: Any) -> bool:
    """«قوات النظام والمسلحين»: ``m`` follows ``prev`` at once, joined by «و»."""
    i = sc.index_of(m.nstart)
    return sc.index_of(prev.nend - 1) == i - 1 and sc.tokens[i].text.startswith("و") \
        and m.rule.endswith("clitic_w")


def _groups(sc: Passage, actors: Sequence[Any]) -> list[list[Any]]:
    """Mentions joined by «و» into one noun phrase, in text order."""
    out: list[list[Any]] = []
    for m in actors:
        if out and _coordinated(sc, out[-1][-1], m):
            out[-1].append(m)
        else:
            out.append([m])
    return out


def _group_roles(sc: Passage, group: list[Any]) -> list[str]:
    """Roles of a coordinated group: victims together («5 من عناصر الحوثي
    والقوات الموالية لصالح قتلوا»), the others after the first's role."""
    first, last = group[0], group[-1]
    if len(group) > 1 and _victim(sc, first, sc.index_of(first.nstart), sc.index_of(last.nend - 1)):
        return ["victim"] * len(group)
    kinds = [classify(sc, m) for m in group]
    weak = ("plain", "agent_trig", "agent_subj")
    return [kinds[0] if n and k in weak and kinds[0] != "plain" else k for n, k in enumerate(kinds)]


def _hidden(triggers: Sequence[Trigger]) -> bool:
    """The event is a bomb, mine or suicide attack: its perpetrator is not in view."""
    t = best_trigger(triggers)
    return t is not None and t.sub_event_type in cues().hidden


def _battle(triggers: Sequence[Trigger]) -> bool:
    """A battle (a casualty report without a trigger is one too), not a bombing."""
    t = best_trigger(triggers)
    if any(x.sub_event_type in cues().hidden for x in triggers):
        return False
    return t is None or t.sub_event_type in cues().battle


def _family(m: Any) -> str:
    return m.actor.family


def _generic(m: Any) -> bool:
    """Names no one in particular: unidentified men, civilians, unsigned aircraft."""
    return _family(m) in ("UNK", "CIV") or _vague(m.key)


@functools.lru_cache(maxsize=4096)
def _vague(key: str | None) -> bool:
    from ..actors import load
    term = load().terms.get(key) if key else None
    return bool(term is not None and term.vague)


def _non_state(m: Any) -> bool:
    return not _generic(m) and m.actor.inter not in STATE_INTER


def _pick(cands: list[Any]) -> Any | None:
    """The first named actor, else the first generic one («مسلحين»)."""
    named = [m for m in cands if not _generic(m)]
    return (named or cands or [None])[0]


def _actor1(by: dict[str, list[Any]], triggers: Sequence[Trigger]) -> tuple[Any | None, str]:
    """actor1 and its rule from the classified mentions.

    For a bomb or a mine only a cue names the perpetrator (a subject of some
    other verb or a plain name nearby does not). In a battle whose sides are
    named only through their dead, or only as the source of the report («مصادر
    في المقاومة»), that side is a party and is coded first.
    """
    hidden = _hidden(triggers)
    agents = by["agent"] + by["agent_trig"] + ([] if hidden else by["agent_subj"])
    named = [m for m in agents if not _generic(m)]
    if named:
        # a named perpetrator before «الانتحاري» or unsigned «غارات جوية»
        return named[0], "actor.agent_marker"
    ranked = [(agents, "actor.agent_marker"), (by["party"], "actor.party"),
              ([] if hidden else by["plain"], "actor.first_named")]
    if _battle(triggers):
        dead = [m for m in by["victim"] if _non_state(m)]
        if dead:
            # «أوضحت قيادة العمليات المشتركة أن 7 من داعش قتلوا»: who reports the enemy's
            # dead killed them; else the side named through its dead is a party
            foes = {_family(m) for m in dead}
            ranked.append(([m for m in by["source"] if not _generic(m) and _family(m) not in foes],
                           "actor.battle_source"))
            ranked.append((dead, "actor.battle_party"))
        elif not by["victim"]:
            # «مصادر في المقاومة: الهجوم أسفر عن ...»: an armed group's own media report its
            # operations (not when they report their own dead; a state's officials report all)
            ranked.append(([m for m in by["source"] if _non_state(m)], "actor.battle_source"))
    for group, rule in ranked:
        a1 = _pick(group)
        if a1 is not None:
            return a1, rule
    return None, ""


#: rules that rest on the kind of event: a plain name is no bomber, a battle's dead are a party
WEAK_FOR_HIDDEN = frozenset({"actor.first_named", "actor.battle_party", "actor.battle_source"})
BATTLE_ONLY = frozenset({"actor.battle_party", "actor.battle_source"})


def fits(rule: str, sub_event_type: str) -> bool:
    """Does an actor1 found by ``rule`` still hold for the event's final type?
    (Reports of one incident are merged after their roles are found: the bomb
    of one report makes the plain name of another no perpetrator.)"""
    if sub_event_type in cues().hidden and rule in WEAK_FOR_HIDDEN:
        return False
    return sub_event_type in cues().battle or rule not in BATTLE_ONLY


def roles(actors: Sequence[Any], triggers: Sequence[Trigger], casualties: Sequence[Casualty],
          tokens: Sequence[Token], index_of: Any) -> Roles:
    """Assign actor1 (perpetrator), actor2 (other side) and victims."""
    sc = Passage(tokens, index_of, triggers, casualties)
    pairs = [(m, k) for g in _groups(sc, actors) for m, k in zip(g, _group_roles(sc, g))]
    by = {k: [m for m, kk in pairs if kk == k] for k in ROLE_NAMES}
    a1, r1 = _actor1(by, triggers)
    others, victims = by["other"], by["victim"]
    # an unnamed agent («الانتحاري») is the perpetrator's man, not the other side
    agents = [m for m in by["agent"] + by["agent_trig"] + by["agent_subj"] if not _generic(m)]
    rest = [m for m in by["party"] + others + victims + agents + by["plain"]
            if m is not a1 and (a1 is None or _family(m) != _family(a1))]
    a2 = rest[0] if rest else None
    r2 = "actor.other_side" if a2 in others + by["party"] else (
        "actor.victim" if a2 in victims else "actor.second_named")
    assoc = tuple(m for m in by["support"] if a1 is None or _family(m) != _family(a1))
    return Roles(a1, a2, assoc, tuple(victims), r1, r2 if a2 is not None else "")
