"""numbers: quantities in digits and words (layer ``numbers``).

Finds «23», «1,200», «3 آلاف», «ثلاثة وعشرين», «الأربع والعشرين», «خمسة عشر»,
«مئة وخمسين», «ألفين», duals of countable nouns («طفلين» = 2, head «طفل»),
vague quantities («عشرات» = 10, «مئات» = 100, «عدة» = 3, ACLED's
conservative readings) and the qualifiers around them («أكثر من 84»,
«84 على الأقل»: the value stays 84). Every mention has a ``kind``: a count is
``cardinal``; ordinals, years, days of a month, clock times, percentages,
money, measures, durations and decimals are kept but marked so that the
casualty builder ignores them.

Why hand-written: pyarabic's ``text2number`` sums the words of a string you
already know to be a number; it cannot find number phrases in running text,
decide where one ends («ثلاثة وخمسة» is two numbers), tell «الاثنين» (Monday)
from «اثنين», read duals or «عشرات», or give offsets. Its word table is used
(merged into :mod:`rasd.text.numwords`); the phrase grammar here is a small
state machine over tokens: units, then tens after «و», hundreds at the start
of a group, and scales that multiply the group before them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..document import Document
from ..mentions import NumberMention, Token
from ..registry import register
from ..text.numwords import NumberLexicon, number_lexicon
from ..text.months import month_at

_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+|\d{1,3}(?:\.\d{3}){2,}")
_DOTTED_DATE = re.compile(r"\d{1,2}\.\d{1,2}\.\d{2,4}")
_DATE_SEPS = frozenset("-/")
_MONTH_PREFIXES = frozenset({"تشرين", "كانون", "ربيع", "جمادي"})


@dataclass(slots=True)
class _Found:
    """A number phrase over tokens ``first..last`` (inclusive)."""

    first: int
    last: int
    value: int
    rule: str
    kind: str = "cardinal"
    vague: bool = False
    head: str | None = None
    confidence: float = 1.0


def digits_value(text: str) -> tuple[float, bool]:
    """(value, is_integer) of a digit token: «1,200» = 1200, «1.5» = 1.5."""
    if _THOUSANDS.fullmatch(text):
        return float(re.sub(r"[.,]", "", text)), True
    if "." in text or "," in text:
        head, _, tail = text.replace(",", ".").partition(".")
        value = float(f"{head}.{tail.replace('.', '')}")
        return value, value.is_integer()
    return float(text), True


class _Scanner:
    """Number phrases of one token sequence."""

    def __init__(self, tokens: tuple[Token, ...], lex: NumberLexicon) -> None:
        self.tokens = tokens
        self.texts = [t.text for t in tokens]
        self.lex = lex
        self.n = len(tokens)

    def word(self, k: int):
        if 0 <= k < self.n and self.tokens[k].kind == "word":
            return self.lex.words.get(self.texts[k])
        return None

    def adjacent(self, a: int, b: int) -> bool:
        """Do tokens ``a`` and ``b`` touch (no space between)?"""
        return 0 <= a < self.n and 0 <= b < self.n and self.tokens[a].nend == self.tokens[b].nstart

    def scan(self) -> list[_Found]:
        out: list[_Found] = []
        words = self.lex.words
        nxt = 0
        for i, tok in enumerate(self.tokens):
            # only a digit token or a number word can start a phrase: the test
            # here spares :meth:`at` on the other nine tokens in ten
            if i < nxt or not (tok.kind == "num" or tok.kind == "word" and tok.text in words):
                continue
            found = self.at(i)
            if found is not None:
                out.append(found)
                nxt = found.last + 1
        return out

    def at(self, i: int) -> _Found | None:
        tok = self.tokens[i]
        if tok.kind == "num":
            return self.digits(i)
        w = self.word(i)
        if w is None:
            return None
        if w.kind in ("unit", "teen_unit", "ten", "hundred", "scale", "scale_dual"):
            return self.cardinal(i)
        if w.kind in ("vague", "scale_plural"):
            return self.vague(i)
        if w.kind == "dual":
            last = i + 1 if i + 1 < self.n and self.texts[i + 1] in self.lex.twos else i
            return _Found(i, last, 2, "number.dual", head=w.head, confidence=0.9)
        if w.kind == "duration_dual":
            return _Found(i, i, 2, "number.dual", kind="duration", head=w.head, confidence=0.9)
        if w.kind == "ordinal":
            return self.ordinal(i)
        return None  # plural_dual: «مدنيين» is a plural unless «اثنين» precedes it

    def digits(self, i: int) -> _Found | None:
        text = self.texts[i]
        if _DOTTED_DATE.fullmatch(text):
            return _Found(i, i, int(text.split(".")[0]), "number.date", kind="date")
        last = i
        # «17-11-2016», «2016/11/17», «18 / 8 / 1436»: a numeric date, not a count
        while (last + 2 < self.n and self.texts[last + 1] in _DATE_SEPS
               and self.tokens[last + 2].kind == "num" and last - i < 4):
            last += 2
        if last - i >= 4:
            return _Found(i, last, int(digits_value(text)[0]), "number.date", kind="date")
        if (i + 2 < self.n and self.texts[i + 1] == ":" and self.tokens[i + 2].kind == "num"
                and self.adjacent(i, i + 1) and self.adjacent(i + 1, i + 2)):
            return _Found(i, i + 2, int(digits_value(text)[0]), "number.time", kind="time")
        value, integer = digits_value(text)
        last = i
        w = self.word(i + 1)
        if w is not None and w.kind in ("scale", "scale_plural") and not w.conj:
            value, last, integer = value * w.value, i + 1, True
        found = _Found(i, last, int(value), "number.digits")
        if not integer:
            found.kind = "decimal"
        return found

    def cardinal(self, i: int) -> _Found | None:
        """Units, teens, tens, hundreds and scales joined by «و» into one value."""
        total, group, last_scale = 0, 0, 10 ** 15
        tens_done, last, k0 = False, None, i
        while k0 < self.n:
            first = last is None
            k, conj = k0, False
            if not first and self.texts[k0] == "و" and k0 + 1 < self.n:
                k, conj = k0 + 1, True
            if not first and conj and self.tokens[k].kind == "num":
                value, integer = digits_value(self.texts[k])
                if group or not integer or value >= 1000:
                    break
                group, tens_done, last, k0 = int(value), True, k, k + 1
                continue
            w = self.word(k)
            if w is None:
                break
            conj = conj or (w.conj and not first)
            if not first and not conj and w.kind not in ("scale", "scale_plural"):
                break
            if w.kind in ("unit", "teen_unit"):
                if group % 100:
                    break
                v = w.value
                nxt = self.word(k + 1)
                if v < 10 and k + 1 < self.n and self.texts[k + 1] in self.lex.teen_makers:
                    v, k = v + 10, k + 1
                elif w.kind == "teen_unit":
                    break
                elif (v < 10 and nxt is not None and nxt.kind == "hundred" and nxt.value == 100
                      and not nxt.conj):
                    v, k = v * 100, k + 1  # «ثلاث مائة»
                group += v
            elif w.kind == "ten":
                if tens_done or group % 100 >= 10:
                    break
                group, tens_done = group + w.value, True
            elif w.kind == "hundred":
                if group:
                    break
                group = w.value
            elif w.kind in ("scale", "scale_plural"):
                if w.value >= last_scale or (not first and not conj and group == 0):
                    break
                if first and w.kind == "scale_plural":
                    return None
                if conj and group:
                    break
                total += max(group, 1) * w.value
                group, last_scale, tens_done = 0, w.value, False
            elif w.kind == "scale_dual":
                if group or w.value >= last_scale:
                    break
                total += w.value
                last_scale = w.value // 2
            else:
                break
            last, k0 = k, k + 1
        if last is None:
            return None
        found = _Found(i, last, total + group, "number.words", confidence=0.95)
        self.attach_dual_noun(found)
        return found

    def attach_dual_noun(self, found: _Found) -> None:
        """«اثنين مدنيين»: the noun after a bare «اثنين» is part of the number."""
        if found.value != 2 or found.first != found.last:
            return
        if self.texts[found.first].lstrip("وفبل") not in self.lex.twos:
            return
        w = self.word(found.last + 1)
        if w is not None and w.kind in ("dual", "plural_dual"):
            found.last, found.head = found.last + 1, w.head

    def vague(self, i: int) -> _Found:
        """«عشرات», «مئات», «آلاف», «عدة», «عشرات الآلاف» (a following scale multiplies)."""
        w = self.word(i)
        value, last = w.value, i
        nxt = self.word(i + 1)
        if nxt is not None and nxt.kind in ("scale", "scale_plural") and not nxt.conj:
            value, last = value * nxt.value, i + 1
        confidence = 0.6 if w.value < 10 else 0.8
        return _Found(i, last, value, "number.vague", vague=True, confidence=confidence)

    def ordinal(self, i: int) -> _Found | None:
        """«الثاني», «الخامس عشر», «الحادي والعشرين» — not counts."""
        if i > 0 and self.texts[i - 1] in _MONTH_PREFIXES:
            return None  # «تشرين الثاني» is a month
        value, last = self.word(i).value, i
        if i + 1 < self.n and self.texts[i + 1] in self.lex.teen_makers:
            value, last = value + 10, i + 1
        else:
            nxt = self.word(i + 1)
            if nxt is not None and nxt.kind == "ten" and nxt.conj:
                value, last = value + nxt.value, i + 1
        return _Found(i, last, value, "number.ordinal", kind="ordinal")


class _Context:
    """Decides a number's kind and qualifier from the words around it."""

    def __init__(self, scanner: _Scanner) -> None:
        self.s = scanner
        self.ctx = scanner.lex.context
        self.multi = scanner.lex.multi_after

    def text(self, k: int) -> str:
        return self.s.texts[k] if 0 <= k < self.s.n else ""

    def after(self, found: _Found, name: str) -> bool:
        a, b = self.text(found.last + 1), self.text(found.last + 2)
        return a in self.ctx[name] or (a, b) in self.multi[name]

    def kind(self, found: _Found) -> str:
        if found.kind not in ("cardinal", "decimal") or found.vague:
            return found.kind
        before, v = self.text(found.first - 1), found.value
        if self.after(found, "percent_after"):
            return "percent"
        if found.kind == "decimal":
            return "decimal"
        if before in self.ctx["time_before"] and v <= 24:
            return "time"
        if month_at(self.s.texts, found.last + 1) or (
                self.text(found.last + 1) == "من" and (month_at(self.s.texts, found.last + 2)
                                                       or self.text(found.last + 2) == "الشهر")):
            return "date" if 1 <= v <= 31 else "year" if 1000 <= v <= 2100 else "cardinal"
        if 1000 <= v <= 2100 and self.after(found, "year_after"):
            return "year"  # «2002م», «1436هـ»
        if 1800 <= v <= 2100:
            if month_at(self.s.texts, found.first - 1, backwards=True):
                return "year"
            if before in self.ctx["year_before"]:
                return "year"
            if self.text(found.last + 1) not in self.s.lex.count_nouns and found.rule == "number.digits":
                return "year"
        for name in ("money", "measure", "duration"):
            if self.after(found, name):
                return name
        if before in self.ctx["duration_before"]:
            return "duration"
        return "cardinal"

    def qualifier(self, found: _Found) -> str | None:
        texts = self.s.texts
        for size in (4, 3, 2, 1):
            if found.first - size >= 0:
                q = self.s.lex.qual_before.get(tuple(texts[found.first - size:found.first]))
                if q:
                    return q
        for start in (found.last + 1, found.last + 2):  # «84 على الأقل», «84 شخصا على الأقل»
            for size in (2, 1):
                q = self.s.lex.qual_after.get(tuple(texts[start:start + size]))
                if q:
                    return q
        return None


def find_numbers(doc: Document, lex: NumberLexicon | None = None) -> list[NumberMention]:
    """Number mentions of a document that has ``norm`` and ``tokens``, by position."""
    tokens: tuple[Token, ...] = doc["tokens"]
    scanner = _Scanner(tokens, lex or number_lexicon())
    context = _Context(scanner)
    out = []
    for f in scanner.scan():
        a, b = tokens[f.first].nstart, tokens[f.last].nend
        span = doc.raw_span(a, b)
        out.append(NumberMention(
            value=f.value, nstart=a, nend=b, span=span, text=doc.raw(span), rule=f.rule,
            confidence=f.confidence, vague=f.vague, qualifier=context.qualifier(f),
            head=f.head, kind=context.kind(f)))
    return out


@register("numbers")
class Numbers:
    """Cardinal quantities (and marked non-counts) in digits and words."""

    name = "numbers"
    requires: tuple[str, ...] = ("norm", "tokens")
    provides: tuple[str, ...] = ("numbers",)

    def __init__(self) -> None:
        self.lex = number_lexicon()

    def __call__(self, doc: Document) -> Document:
        return doc.with_layers(numbers=tuple(find_numbers(doc, self.lex)))
