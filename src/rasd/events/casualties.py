"""Casualty figures: who died or was hurt, how many, and which subsets.

Works on one sentence at a time. A death or injury word («مقتل», «قتلى»,
«أصيب») is tied to a number next to it («مقتل 23», «37 قتيلا», «عشرات
الجرحى»), or to victim nouns («مقتل مدني», «رجل وزوجته»: counted by their
grammatical number), or to a number and victim before it («سبعة عشر مدنيا
قتلوا»). A subset clause after it («بينهم 3 أطفال و8 إناث») fills children,
women and unidentified; a coordinated further group («و9 مقاتلين من
المقاومة») becomes a figure of its own. Rules follow EVENTS.md.
"""
from __future__ import annotations

from ..document import Span
from ..mentions import Casualty, NumberMention
from .words import DEFINITE
from .window import (ADDITION, BRIDGE, CLAUSE_BREAKS, SUBSET_CLASSES, VICTIM_BRIDGE, Window, and_number,
                     build_window, led, noun_count, number_left, number_right, plain_word, span_of,
                     victim_after)

__all__ = ["Window", "build_window", "noun_count", "parse", "victim_keys"]

def _victim_group(w: Window, k: int) -> tuple[int | None, str | None, int, int, dict[str, int], NumberMention | None] | None:
    """A coordinated list of victims starting at token ``k``: «23 شخصا», «طفلين
    وامرأة», «رجل وزوجته», «ضابط ومجند». Returns (total, first class, first
    token, last token, subsets, first number); None when no victim is there."""
    total: int | None = 0
    cls: str | None = None
    first = last = -1
    subsets: dict[str, int] = {}
    first_num: NumberMention | None = None
    while k < len(w.tokens):
        count: int | None
        classes: list[str]
        if k in w.num_at:
            n, nlast = w.num_at[k]
            count, classes, end = n.value, [], nlast
            if n.head:
                classes = w.victim_classes(k)
            else:
                v = victim_after(w, nlast)
                if v:
                    classes, end = w.victim_classes(v[1]), v[2]
            first_num = first_num or n
        elif w.victim_classes(k):
            classes, end = w.victim_classes(k), w.cue_at[k].last
            count = noun_count(w.cue_at[k].key)
        else:
            break
        if first < 0:
            first = k
            cls = classes[0] if classes else None
        total = None if (total is None or count is None) else total + count
        for c in classes:
            if c in SUBSET_CLASSES and count:
                subsets[c] = subsets.get(c, 0) + count
        last = end
        nxt = end + 1
        # «ثلاثة ضباط شرطة، ومواطن»: the rest of the noun phrase and a comma
        skip = nxt
        while skip <= end + 3 and plain_word(w, skip):
            skip += 1
        if w.text(skip) in {"،", ","} and w.victim_classes(skip + 1) \
                and w.cue_at[skip + 1].clitic.startswith("و"):
            nxt = skip + 1
        if w.text(nxt) == "و" and (nxt + 1 in w.num_at or w.victim_classes(nxt + 1)):
            k = nxt + 1
        elif and_number(w, nxt):  # «وخمسة مدنيين»
            k = nxt
        elif w.victim_classes(nxt) and w.cue_at[nxt].clitic.startswith("و"):
            k = nxt
        else:
            break
    if first < 0:
        return None
    return total, cls, first, last, subsets, first_num


def _subsets(w: Window, start: int, limit: int = 14
             ) -> tuple[dict[str, int | None], list[tuple[str, Span]], int]:
    """Read «بينهم 3 أطفال و8 إناث و5 مجهولي الهوية» after token ``start``:
    the count of each subset class, the evidence span of each, the last token."""
    out: dict[str, int | None] = {}
    spans: list[tuple[str, Span]] = []
    i, last = start + 1, start
    opened = False
    while i < len(w.tokens) and i <= start + limit:
        if w.cue(i, "subset"):
            opened, i = True, w.cue_at[i].last + 1
            continue
        if not opened:
            if w.text(i) in VICTIM_BRIDGE or i in w.num_at or w.victim_classes(i):
                i = w.cue_at[i].last + 1 if i in w.cue_at else i + 1
                continue
            break
        if w.text(i) == "و":
            i += 1
            continue
        count: int | None = None
        j = i
        if i in w.num_at:
            n, nlast = w.num_at[i]
            count, j = n.value, nlast + 1
        classes = [c for c in w.victim_classes(j) if c in SUBSET_CLASSES]
        if not classes:
            break
        if count is None:
            count = noun_count(w.cue_at[j].key)
        for c in classes:
            prev = out.get(c)
            out[c] = count if prev is None else (prev + count if count is not None else prev)
        last = w.cue_at[j].last
        spans.extend((c, Span(w.tokens[i].span.start, w.tokens[last].span.end)) for c in classes)
        i = last + 1
    return out, spans, last


def _continuation(w: Window, end: int) -> tuple[NumberMention, int, int] | None:
    """A further group after a figure: «و9 مقاتلين», «إضافة إلى ثلاثة من العاملين»."""
    j = end + 1
    # the rest of the victim's noun phrase: «12 من منسوبي القوات الخاصة، إضافة إلى ثلاثة ...»
    k = j
    while k < len(w.tokens) and k <= end + 5 and plain_word(w, k):
        k += 1
    if w.text(k) in CLAUSE_BREAKS or w.text(k) in ADDITION or and_number(w, k):
        j = k
    while w.text(j) in {"علي", "الاقل", "الاكثر", "تقريبا"}:
        j += 1
    if w.text(j) in {"،", ","}:
        j += 1
    if w.text(j) == "و":
        j += 1
    elif and_number(w, j):
        pass  # «وثلاثة من العاملين»: the conjunction is glued to the number word
    elif w.text(j) in ADDITION and w.text(j + 1) == "الي":
        j += 2
    else:
        return None
    if j in w.num_at:
        n, last = w.num_at[j]
        v = victim_after(w, last)
        if v and not (w.cue_at.get(v[1]) and any(c.kind in ("death", "injury")
                                                 for c in w.cue_at[v[1]].payload)):
            return n, j, v[2]
    return None


def _negated(w: Window, i: int, window: int = 6) -> bool:
    return any(w.cue(j, "negation") for j in range(max(0, i - window), i))


def _figure(w: Window, i: int, kind: str, form: str) -> tuple[int | None, NumberMention | None, int, int,
                                                               str | None, int, int, dict[str, int]]:
    """(count, number, first, last, victim class, victim first, victim last, subsets) for a cue at ``i``."""
    m = w.cue_at[i]
    subsets: dict[str, int] = {}
    if form == "noun":
        left = number_left(w, i, limit=2)
        if left:
            n, a, _ = left
            return n.value, n, a, m.last, None, -1, -1, subsets
        right = number_right(w, m.last, limit=4)
        if right:
            n, _, b = right
            return n.value, n, i, b, None, -1, -1, subsets
        if not led(w, i):
            return -1, None, i, m.last, None, -1, -1, subsets
        return noun_count(m.key), None, i, m.last, None, -1, -1, subsets
    k = m.last + 1
    while k < len(w.tokens) and k <= m.last + 5 and k not in w.num_at and not w.victim_classes(k) \
            and w.text(k) in BRIDGE:
        k += 1
    group = _victim_group(w, k) if k < len(w.tokens) else None
    if group and _known_victim(w, group):
        return -1, None, i, m.last, None, -1, -1, subsets
    if group:
        total, cls, a, b, subsets, num = group
        return total, num, i, b, cls, a, b, subsets
    # «سبعة من الجنود اليمنيين قتلوا», «وكان 16 مسلحا من المقاومة لقوا مصرعهم»:
    # the counted subject before the verb
    subject = _subject_before(w, i)
    if subject:
        n, a, vcls, va, vb = subject
        group = _victim_group(w, a)
        if group and group[0] is not None and group[3] < i:
            # «12 متشددا وخمسة مدنيين قتلوا»: the coordinated groups add up
            total, _, _, _, subsets, _ = group
            return total, n, a, m.last, vcls, va, vb, subsets
        return n.value, n, a, m.last, vcls, va, vb, subsets
    single = _counted_noun_before(w, i)
    if single is not None:
        # «لقي شرطي مصرعه», «جنديان قتلا»: a singular or dual noun is its own count
        count, va, vb = single
        return count, None, va, m.last, w.victim_classes(va)[0], va, vb, subsets
    if noun_count(m.key) == 1:  # «وأرداه قتيلا»: the verb's object pronoun is one victim
        return 1, None, i, m.last, None, -1, -1, subsets
    if not _implicit_plural(m.key) and not _some_of(w, m.last + 1):
        # a bare verb («قتل الأبرياء», «القتل بغطاء الدين») counts no one
        return -1, None, i, m.last, None, -1, -1, subsets
    return None, None, i, m.last, None, -1, -1, subsets


#: victims named by who they are (a child, a woman, a civilian), not by a rank
PLAIN_VICTIMS = frozenset({"child", "woman", "civilian"})


def _known_victim(w: Window, group: tuple) -> bool:
    """«قتل الطفل علي دوابشة حرقا» then «بعد مقتل الطفل»: one child, woman or
    civilian named again by a definite noun an earlier death figure counted is
    someone the article told of, not a new figure («مقتل القيادي أبو أحمد» after
    another «قيادي» still counts: ranks come before each new victim's name)."""
    total, _, a, b, _, num = group
    if num is not None or total != 1 or a != b:
        return False
    # ranks and roles («القيادي», «الضابط») come before the name of each new victim
    return bool(DEFINITE.match(w.text(a))) and w.cue_at[a].key in w.known \
        and bool(set(w.victim_classes(a)) & PLAIN_VICTIMS)


def victim_keys(w: Window, found: list[Casualty]) -> set[str]:
    """The victim nouns the window's death figures counted (for the windows after
    it; one told of as wounded may yet die)."""
    at = {t.nstart: i for i, t in enumerate(w.tokens)}
    starts = [at.get(c.victim_nstart) for c in found if c.victim_nstart is not None and c.kind == "death"]
    return {w.cue_at[i].key for i in starts if i is not None and i in w.cue_at}


DEATH_NOUNS = frozenset({"قتلي", "شهداء", "ضحايا", "القتلي", "الشهداء", "الضحايا", "ارواح"})


SOME_WORDS = frozenset({"عدد", "عددا", "العديد", "بعض", "مجموعه"})


#: a short phrase may stand between the verb and its subject («وقتل في الهجوم عدد من المسلحين»)
BEFORE_SUBJECT = frozenset({"في", "خلال", "اثناء", "جراء", "بسبب"})


def _some_of(w: Window, k: int) -> bool:
    """«استشهاد عدد من منتسبي ...»: an unknown number of people."""
    if w.text(k) in BEFORE_SUBJECT and w.text(k + 2) in SOME_WORDS:
        k += 2
    if w.text(k + 1) in MANY:  # «عدد كبير من»
        k += 1
    return w.text(k - (w.text(k) in MANY)) in SOME_WORDS and w.text(k + 1) == "من"


def _implicit_plural(key: str) -> bool:
    """«سقوط قتلى», «سقوط شهداء»: a phrase that itself reports an unknown number of dead."""
    return any(word in DEATH_NOUNS for word in key.split())


def _subject_before(w: Window, i: int, limit: int = 9) -> tuple[NumberMention, int, str | None, int, int] | None:
    """The leftmost counted victim group within the clause before a verb at ``i``:
    (number, its first token, victim class, victim first, victim last)."""
    best = None
    j = i - 1
    while j >= 0 and j >= i - limit and w.text(j) not in CLAUSE_BREAKS:
        if any(c.kind in ("death", "injury", "death_or_injury") for c in
               (w.cue_at[j].payload if j in w.cue_at else ())):
            break
        if j in w.num_at:
            n, last = w.num_at[j]
            v = (j, j, w.victim_classes(j)) if n.head and w.victim_classes(j) else None
            if v is None:
                after = victim_after(w, last)
                v = (after[1], after[2], w.victim_classes(after[1])) if after else None
            if v is not None and v[1] < i:
                best = (n, j, v[2][0] if v[2] else None, v[0], v[1])
            elif v is None and i - last <= 2:
                # «وكان 5 قتلوا», «سبعة عشر مدينا قتلوا»: the number is the subject
                best = (n, j, None, -1, -1)
        j -= 1
    return best


def _counted_noun_before(w: Window, i: int) -> tuple[int, int, int] | None:
    """A singular or dual victim noun right before the verb (one token may
    stand between: «لقي شرطي مصرعه»): (count, first token, last token)."""
    for j in (i - 1, i - 2):
        if j < 0 or w.text(j) in CLAUSE_BREAKS:
            return None
        m = next((c for c in w.cue_at.values() if c.first <= j <= c.last), None)
        if m is not None and w.victim_classes(m.first) and m.first - 1 not in w.num_at:
            count = noun_count(m.key)
            return (count, m.first, m.last) if count else None
    return None


def parse(w: Window) -> list[Casualty]:
    """Every casualty figure in a sentence window, left to right."""
    out: list[Casualty] = []
    consumed = -1
    for i in sorted(w.cue_at):
        if i <= consumed:
            continue
        m = w.cue_at[i]
        cue = next((c for c in m.payload if c.kind in ("death", "injury", "death_or_injury")), None)
        if cue is None:
            continue
        kind = cue.kind
        count, num, a, b, vcls, va, vb, subsets = _figure(w, i, kind, cue.value)
        pair = _paired_injury(w, m.last + 1) if kind == "death" and cue.value == "verb" else None
        if pair is not None and num is None and count in (None, -1):
            # «استشهد وأصيب فيه عدد من ...», «قتل وجرح 50»: one figure for both
            kind = "death_or_injury"
            count, num, a, b, vcls, va, vb, subsets = _figure(w, pair, kind, "verb")
            a = i
        if count == -1:  # a back-reference, not a figure
            continue
        if a <= consumed:  # «أصيب 163 آخرون بجروح»: the number is already counted
            continue
        if w.cue(b + 1, cue.kind) and w.cue(b + 1, cue.kind).value == "noun":
            b = w.cue_at[b + 1].last  # «مقتل 37 قتيلا»: one figure, not two
        sub, sub_spans, sub_last = _subsets(w, b)
        for c, v in subsets.items():
            sub.setdefault(c, v)
        negated = _negated(w, i)
        rule = f"casualty.{kind}.{cue.value}" + (".number" if num else ".noun")
        out.append(Casualty(
            kind=kind, count=0 if negated else count, nstart=w.tokens[a].nstart,
            nend=w.tokens[b].nend, span=span_of(w, a, b), rule=rule,
            vague=bool(num and num.vague),
            qualifier=num.qualifier if num else ("many" if _many(w, a, b) else None),
            victims=vcls, victim_nstart=w.tokens[va].nstart if va >= 0 else None,
            victim_nend=w.tokens[vb].nend if vb >= 0 else None,
            children=sub.get("child"), women=sub.get("woman"), unidentified=sub.get("unidentified"),
            subset_spans=tuple(sub_spans), negated=negated, tally=_tally_near(w, a, b),
            confidence=0.9 if num else (0.7 if count else 0.5)))
        consumed = max(b, sub_last)
        consumed = _continuations(w, consumed, kind, out)
    return out


def _tally_near(w: Window, a: int, b: int, before: int = 8, after: int = 10) -> bool:
    """Is a running-total word («ارتفع عدد», «حصيلة») within ``before`` tokens of
    the figure ``a..b`` or ``after`` tokens past its end? (The drafter looks at
    the same distances across sentence ends.)"""
    hi = min(len(w.tokens), b + after)
    return any(m.last < hi and any(c.kind == "tally" for c in m.payload)
               for k, m in w.cue_at.items() if max(0, a - before) <= k < hi)


#: «سقوط عدد كبير من القتلى», «أعداد كبيرة من المسلحين»: many, with no number
MANY = frozenset({"كبير", "كبيره", "هايل", "هايله", "ضخم"})


def _many(w: Window, a: int, b: int) -> bool:
    """Does the figure say "a large number" («عدد كبير من», «أعداد كبيرة من»)?"""
    return any(w.text(k) in MANY and w.text(k - 1) in ("عدد", "عددا", "اعداد") for k in range(a - 3, b + 4))


def _paired_injury(w: Window, k: int) -> int | None:
    """The index of an injury verb joined to the death verb before it («وأصيب»)."""
    c = w.cue(k, "injury")
    if c is not None and c.value == "verb" and w.text(k).startswith("و"):
        return k
    return None


def _continuations(w: Window, end: int, kind: str, out: list[Casualty]) -> int:
    """Append «و9 مقاتلين من المقاومة»-style further groups; return the last token used."""
    while True:
        cont = _continuation(w, end)
        if not cont:
            return end
        n, a, b = cont
        v = victim_after(w, w.num_at[a][1])
        sub, sub_spans, sub_last = _subsets(w, b)
        out.append(Casualty(
            kind=kind, count=n.value, nstart=w.tokens[a].nstart, nend=w.tokens[b].nend,
            span=span_of(w, a, b), rule=f"casualty.{kind}.continuation", vague=n.vague,
            qualifier=n.qualifier, victims=v[0] if v else None,
            victim_nstart=w.tokens[v[1]].nstart if v else None,
            victim_nend=w.tokens[v[2]].nend if v else None,
            children=sub.get("child"), women=sub.get("woman"), unidentified=sub.get("unidentified"),
            subset_spans=tuple(sub_spans), tally=_tally_near(w, a, b), confidence=0.8))
        end = max(b, sub_last)
