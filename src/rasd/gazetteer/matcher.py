"""Find place-name candidates in normalized text (the first step of the geocoder).

Works on the word tokens of the ``segment`` stage. At every word it tries the
word and its proclitic readings («بحلب» → «حلب», «وبالعند» → «العند») against
the gazetteer keys, longest name first (up to the longest key starting with
that word: «كفر ناها», «ريف دمشق», «شمال سيناء»). Then it reads the words
around each name:

- a cue before it («بلدة», «حي», «محافظة», «ريف» ... from lexicon.toml); a
  strong cue also admits a name the gazetteer lacks (kept unresolved);
- lists after a cue («بلدات كفرناها والمنصورة وكفرداعل», «أحياء السكري
  والشعار»): every item gets the cue;
- a direction («شمال», «جنوبي», «ريف حلب الغربي») or a "near" relation
  («قرب», «بالقرب من»), a locative preposition («في», «ب»);
- a person's title or a name link before it («الرئيس», «أبو»), and phrases
  that name organizations («حزب الله», «جبهة النصرة»): those are not places.

It decides nothing about which place a name is: see :mod:`rasd.gazetteer.geocode`.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Sequence

from ..mentions import Sentence, Token
from .keys import loose_forms
from .lexicon import Cue, Lexicon, readings
from .store import Gazetteer

#: first words of a two-word name the gazetteer may lack («كرم البيك», «باب النيرب»)
_CUE_GAP = ":(«\"'"
NAME_HEADS = frozenset("كفر دير تل عين بير بئر راس خربه جسر باب كرم بستان ابو ام بني بيت سوق خان "
                       "مساكن حزم قلعه عرب حاج حاجي شيخ الشيخ معره قصر برج نهر حوض سيله عقبه "
                       "ذي ذو ال بلاد مزرعه تله جب مشرفه".split())


@dataclass(frozen=True, slots=True)
class Word:
    text: str
    nstart: int
    nend: int
    sentence: int
    joined: bool  # only spaces (or a hyphen) separate it from the previous word
    comma: bool  # a comma (only) separates it from the previous word
    gap: str = ""  # the punctuation between it and the previous word


@dataclass
class Match:
    """A place-name candidate: words [start, end) of the word list."""

    start: int
    end: int
    prefix: str  # proclitic of the first word («ب» in «بحلب»)
    key: str  # the gazetteer key matched ("" for a name the gazetteer lacks)
    codes: tuple[int, ...]
    nstart: int
    nend: int
    sentence: int
    cue: Cue | None = None
    direction: str | None = None
    near: bool = False
    locative: bool = False
    list_head: int | None = None  # word index where the list this item belongs to starts
    blocked: str | None = None  # why this is not a place (person, organization)
    region: int | None = None  # index of the match naming the enclosing region
    extra: dict = field(default_factory=dict)


def words_of(tokens: Sequence[Token], sentences: Sequence[Sentence]) -> list[Word]:
    """Word tokens with their sentence and what separates them from the previous word."""
    starts = [s.nstart for s in sentences]
    out: list[Word] = []
    gap: list[str] = []
    for tok in tokens:
        if tok.kind != "word":
            gap.append(tok.text)
            continue
        sent = max(0, bisect_right(starts, tok.nstart) - 1)
        joined = all(g == "-" for g in gap)
        comma = bool(gap) and all(g in "،," for g in gap)
        out.append(Word(tok.text, tok.nstart, tok.nend, sent, joined, comma, "".join(gap)))
        gap = []
    return out


class Matcher:
    """Candidate place names in one document's words."""

    def __init__(self, gaz: Gazetteer, lex: Lexicon) -> None:
        self.gaz = gaz
        self.lex = lex

    def find(self, words: list[Word]) -> list[Match]:
        matches = self._names(words)
        self._cues(words, matches)
        matches.sort(key=lambda m: m.start)
        self._context(words, matches)
        return matches

    # -- gazetteer names -------------------------------------------------------
    def _adjacent(self, words: list[Word], i: int, n: int) -> bool:
        return all(words[k].joined and words[k].sentence == words[i].sentence
                   for k in range(i + 1, i + n))

    def _longest(self, words: list[Word], i: int) -> tuple[int, str, str, tuple[int, ...]] | None:
        best = None
        for prefix, stem in readings(words[i].text):
            most = min(self.gaz.max_words.get(stem, 0), len(words) - i)
            for n in range(most, 0, -1):
                if not self._adjacent(words, i, n):
                    continue
                key = " ".join([stem] + [w.text for w in words[i + 1:i + n]])
                codes = self.gaz.lookup(key)
                if codes:
                    if best is None or n > best[0]:
                        best = (n, prefix, key, codes)
                    break
        return best

    @staticmethod
    def _headed(word: str) -> bool:
        return word in NAME_HEADS and word != "ال"

    def _loose_pair(self, words: list[Word], i: int) -> tuple[int, str, str, tuple[int, ...]] | None:
        """«حاج كوسا» → «حاجي كوسة»: looser spellings of a two-word name with a known head."""
        for prefix, stem in readings(words[i].text):
            if stem not in NAME_HEADS:
                continue
            key = f"{stem} {words[i + 1].text}"
            for form in loose_forms(key):
                codes = self.gaz.lookup(form)
                if codes:
                    return 2, prefix, key, tuple(c | 1 for c in codes)
        return None

    def _blocked_phrase(self, words: list[Word], i: int) -> int:
        """Length of an organization/person phrase starting at word i (0 if none)."""
        for _, stem in readings(words[i].text):
            for phrase in self.lex.not_places.get(stem, ()):
                n = len(phrase)
                if i + n <= len(words) and self._adjacent(words, i, n) and \
                        all(words[i + k].text == phrase[k] for k in range(1, n)):
                    return n
        return 0

    def _names(self, words: list[Word]) -> list[Match]:
        out: list[Match] = []
        i = 0
        while i < len(words):
            n = self._blocked_phrase(words, i)
            if n:
                out.append(self._match(words, i, i + n, "", "", (), blocked="organization"))
                i += n
                continue
            hit = self._longest(words, i)
            nxt = i + 1 < len(words) and words[i + 1].joined and \
                words[i + 1].sentence == words[i].sentence
            if hit is not None and hit[0] == 1 and nxt and (
                    self.lex.cue(words[i].text) is not None
                    or (hit[2] in NAME_HEADS and self._name_like(words[i + 1].text))):
                # a cue word before a name is a cue, not a village; «كرم» before
                # «البيك» is the head of a longer name the gazetteer lacks
                hit = None
            if hit is None and nxt:
                hit = self._loose_pair(words, i)
            if hit is None:
                unknown = self._unknown(words, i, "") if nxt and self._headed(words[i].text) else None
                if unknown is not None and unknown.end > i + 1:
                    out.append(unknown)  # «خان العسل»: a name the Arabic index lacks
                    i = unknown.end
                else:
                    i += 1
                continue
            n, prefix, key, codes = hit
            out.append(self._match(words, i, i + n, prefix, key, codes))
            i += n
        return out

    @staticmethod
    def _match(words: list[Word], i: int, j: int, prefix: str, key: str,
               codes: tuple[int, ...], blocked: str | None = None) -> Match:
        return Match(i, j, prefix, key, codes, words[i].nstart + len(prefix), words[j - 1].nend,
                     words[i].sentence, blocked=blocked)

    # -- cues and lists --------------------------------------------------------
    def _name_like(self, word: str) -> bool:
        lex = self.lex
        return (len(word) >= 3 and word not in lex.common and word not in lex.cues
                and word not in lex.directions and word not in lex.locatives
                and word not in lex.titles)

    def _unknown(self, words: list[Word], i: int, prefix: str) -> Match | None:
        """A name after a strong cue that the gazetteer lacks: one word, two after a head."""
        stem = words[i].text[len(prefix):]
        if not self._name_like(stem) and stem not in NAME_HEADS:
            return None
        j = i + 1
        if (stem in NAME_HEADS or stem == "ال") and j < len(words) and words[j].joined \
                and words[j].sentence == words[i].sentence and self._name_like(words[j].text):
            j += 1
        elif not self._name_like(stem):
            return None
        m = self._match(words, i, j, prefix, "", ())
        m.extra["text"] = " ".join([stem] + [w.text for w in words[i + 1:j]])
        return m

    def _cues(self, words: list[Word], matches: list[Match]) -> None:
        by_start = {m.start: m for m in matches}
        for i, w in enumerate(words[:-1]):
            cue = self.lex.cue(w.text)
            nxt = words[i + 1]
            if cue is None or nxt.sentence != w.sentence or not (
                    nxt.joined or all(c in _CUE_GAP for c in nxt.gap)):
                continue
            first = by_start.get(i + 1)
            if first is None:
                first = self._unknown(words, i + 1, "")
                if first is not None:
                    matches.append(first)
                    by_start[first.start] = first
            if first is None or first.blocked or first.cue is not None:
                continue
            first.cue = cue
            if cue.toponym:  # «وادي حسان»: the mention covers the head word
                prefix = next(p for p, stem in readings(w.text) if stem == cue.word)
                first.extra["head_nstart"] = w.nstart + len(prefix)
            self._list(words, matches, by_start, first, cue)

    @staticmethod
    def _next_item(words: list[Word], e: int) -> tuple[int, bool] | None:
        """(start, needs «و» proclitic) of the list item after word ``e - 1``."""
        if e >= len(words) or words[e].sentence != words[e - 1].sentence:
            return None
        w = words[e]
        if w.text == "و" and (w.joined or w.comma) and e + 1 < len(words) and words[e + 1].joined:
            return e + 1, False
        if w.comma:
            return e, False
        if w.joined and w.text.startswith("و") and len(w.text) > 2:
            return e, True
        return None

    def _list(self, words: list[Word], matches: list[Match], by_start: dict[int, Match],
              head: Match, cue: Cue) -> None:
        """Items joined to ``head`` by «و» or «،» take its cue.

        Stops at the first item that is neither a gazetteer name nor (after a
        strong cue) a name-like word.
        """
        prev = head
        while True:
            nxt = self._next_item(words, prev.end)
            if nxt is None:
                return
            k, waw = nxt
            item = by_start.get(k)
            if item is not None and waw and not item.prefix.startswith("و"):
                return
            if item is None:
                item = self._unknown(words, k, "و" if waw else "")
                if item is not None:
                    matches.append(item)
                    by_start[k] = item
            if item is None or item.blocked or item.cue is not None:
                return
            item.cue = cue
            item.list_head = head.start
            prev = item

    # -- surroundings ----------------------------------------------------------
    def _before(self, words: list[Word], m: Match) -> int:
        """Index of the first word before the name and its cue."""
        i = m.start - 1
        if m.cue is not None and i >= 0 and self.lex.cue(words[i].text) is m.cue:
            i -= 1
        return i

    def _context(self, words: list[Word], matches: list[Match]) -> None:
        lex = self.lex
        for m in matches:
            i = self._before(words, m)
            joined = words[i + 1].joined if i + 1 < len(words) else False
            if i >= 0 and joined and words[i].sentence == m.sentence:
                for n in range(min(lex.max_phrase, i + 1), 0, -1):
                    phrase = [words[k].text for k in range(i - n + 1, i + 1)]
                    first = readings(phrase[0])
                    for _, stem in first:
                        text = " ".join([stem] + phrase[1:])
                        if m.direction is None and text in lex.directions:
                            m.direction = lex.directions[text]
                        if text in lex.near:
                            m.near = True
                    if m.direction or m.near:
                        break
                prev = words[i].text
                if prev in lex.titles or prev in lex.name_links:
                    m.blocked = m.blocked or "person"
                if prev in lex.locatives or (prev[:1] in ("و", "ف") and prev[1:] in lex.locatives) \
                        or m.prefix.endswith("ب") or (
                        m.cue is not None and self._cue_prefix(words, m).endswith("ب")):
                    m.locative = True
            elif m.prefix.endswith("ب"):
                m.locative = True
            if m.end < len(words) and words[m.end].joined and words[m.end].text in ("بن", "ابن"):
                m.blocked = m.blocked or "person"
            self._direction_after(words, m)

    def _cue_prefix(self, words: list[Word], m: Match) -> str:
        i = m.start - 1
        for prefix, stem in readings(words[i].text):
            if stem in self.lex.cues:
                return prefix
        return ""

    def _direction_after(self, words: list[Word], m: Match) -> None:
        """«ريف حلب الغربي», «الريف الشمالي الغربي»: an adjective after the name."""
        j = m.end
        for n in (2, 1):
            if j + n <= len(words) and self._adjacent(words, j - 1, n + 1):
                text = " ".join(w.text for w in words[j:j + n])
                if text in self.lex.directions and text.startswith("ال"):
                    m.direction = m.direction or self.lex.directions[text]
                    m.extra["dir_end"] = j + n
                    return
