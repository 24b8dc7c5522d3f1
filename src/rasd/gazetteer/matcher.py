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

Anaphors («جنوب المحافظة», «وريفها») are added by :mod:`rasd.gazetteer.anaphora`,
the words around each name read by :mod:`rasd.gazetteer.surround`. It decides
nothing about which place a name is: see :mod:`rasd.gazetteer.geocode`.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, field

from .anaphora import find_anaphors
from .keys import loose_forms
from .lexicon import Cue, Lexicon, readings
from .store import LEVEL, Gazetteer
from .surround import read_surroundings
from .words import Word, Words, words_of

__all__ = ["Match", "Matcher", "NAME_HEADS", "Word", "Words", "words_of"]

#: what may stand between a cue and its name («منطقة "الصوابر"», «مدينة: حلب»)
_CUE_GAP = ":(«\"'"
#: heads that start nothing but place names («خان العسل», «كفر نبل»), unlike «باب»,
#: «سوق» or «بلاد» («باب الحوار», «سوق العمل», «بلاد المسلمين»)
TOPO_HEADS = frozenset("كفر دير تل عين بير بئر خربه جسر خان قلعه معره تله جب سيله مشرفه حوض".split())
#: first words of a two-word name the gazetteer may lack («كرم البيك», «باب النيرب»)
NAME_HEADS = frozenset("كفر دير تل عين بير بئر راس خربه جسر باب كرم بستان ابو ام بني بيت سوق خان "
                       "مساكن حزم قلعه عرب حاج حاجي شيخ الشيخ معره قصر برج نهر حوض سيله عقبه "
                       "ذي ذو ال بلاد مزرعه تله جب مشرفه".split())


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


def _first_words(gaz: Gazetteer, lex: Lexicon) -> tuple[frozenset[str], frozenset[str],
                                                       frozenset[str]]:
    """(words, two-word openings, words only after a cue) that may start a place name.

    A one-word name that is a common word («علي», «هذا», «الجيش» are villages)
    is only worth trying after a cue, and a longer name only when its first two
    words are right: checking that first keeps the scan fast.
    """
    singles: set[str] = set(lex.not_places) | NAME_HEADS
    pairs: set[str] = set()
    cued: set[str] = set()
    for key in gaz.index:
        if " " in key:
            pairs.add(" ".join(key.split(" ", 2)[:2]))
        elif key in lex.stop or key in lex.needs_cue:
            cued.add(key)
        elif key in lex.common and key not in lex.wordlike and \
                not any(gaz.salient(c // 2) for c in gaz.lookup(key)):
            cued.add(key)
        else:
            singles.add(key)
    return frozenset(singles), frozenset(pairs), frozenset(cued)


class Matcher:
    """Candidate place names in one document's words."""

    def __init__(self, gaz: Gazetteer, lex: Lexicon) -> None:
        self.gaz = gaz
        self.lex = lex
        self.singles, self.pairs, self.cued_singles = _first_words(gaz, lex)
        self.pair_firsts = frozenset(p.split(" ", 1)[0] for p in self.pairs)
        self._info = functools.lru_cache(maxsize=1 << 17)(self._word_info)

    def find(self, words: Words) -> list[Match]:
        matches = self._names(words)
        self._cues(words, matches)
        find_anaphors(self.lex, words, matches, self._match)
        matches.sort(key=lambda m: m.start)
        read_surroundings(self.lex, words, matches)
        return matches

    # -- gazetteer names -------------------------------------------------------
    @staticmethod
    def _adjacent(words: Words, i: int, n: int) -> bool:
        return words.run(i, n) >= n

    def _longest(self, words: Words, i: int, listed: bool = False
                 ) -> tuple[int, str, str, tuple[int, ...]] | None:
        """The longest gazetteer name starting at word i, over its proclitic readings.

        ``listed``: the word follows a name in a list, where a leading «و» is
        the conjunction («الفيوش وهران» is «و» + «هران», not Oran).
        """
        best = None
        texts = words.texts
        rds = readings(texts[i])
        if listed and len(rds) > 1 and rds[1][0] == "و":
            rds = rds[1:] + rds[:1]
        for prefix, stem in rds:
            most = self.gaz.max_words.get(stem, 0)
            if not most:
                continue
            for n in range(words.run(i, most), 0, -1):
                key = " ".join([stem] + texts[i + 1:i + n])
                codes = self.gaz.lookup(key)
                if codes:
                    if best is None or n > best[0]:
                        best = (n, prefix, key, codes)
                    break
        return best

    @staticmethod
    def _headed(word: str) -> bool:
        return word in NAME_HEADS and word != "ال"

    def _loose_pair(self, words: Words, i: int) -> tuple[int, str, str, tuple[int, ...]] | None:
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

    def _cue_then_name(self, key: str, codes: tuple[int, ...]) -> bool:
        """A village named with a cue word and another name («مدينه تعز»: Yemeni
        villages so named), read better as the cue and the name. A unit so named
        stays one («ريف دمشق»), and so does a toponym («جبل صبر»)."""
        first, _, rest = key.partition(" ")
        cue = self.lex.cues.get(first)
        return cue is not None and not cue.toponym and bool(self.gaz.lookup(rest)) and all(
            self.gaz.rows[c // 2][LEVEL] in ("populated", "neighbourhood") for c in codes)

    def _word_info(self, text: str) -> tuple[bool, bool, bool, tuple[str, ...]]:
        """(is a cue, may start a name, may start one after a cue, stems that open a
        longer name) for one word; cached, as most words recur."""
        rds = readings(text)
        return (any(s in self.lex.cues for _, s in rds),
                any(s in self.singles for _, s in rds),
                any(s in self.cued_singles for _, s in rds),
                tuple(s for _, s in rds if s in self.pair_firsts))

    @functools.lru_cache(maxsize=1 << 16)  # (the stage keeps one matcher per process)
    def _opens_phrase(self, text: str) -> bool:
        """The word (after its proclitics) starts an organization or person phrase."""
        return any(stem in self.lex.not_places for _, stem in readings(text))

    def _blocked_phrase(self, words: Words, i: int) -> int:
        """Length of an organization/person phrase starting at word i (0 if none)."""
        for _, stem in readings(words[i].text):
            for phrase in self.lex.not_places.get(stem, ()):
                n = len(phrase)
                if i + n <= len(words) and self._adjacent(words, i, n) and \
                        all(words[i + k].text == phrase[k] for k in range(1, n)):
                    return n
        return 0

    def _names(self, words: Words) -> list[Match]:
        out: list[Match] = []
        i = 0
        prev_cue = False
        texts = words.texts
        info = self._info
        n_words = len(texts)
        while i < n_words:
            is_cue, single, cued, pair_stems = info(texts[i])
            after_cue, prev_cue = prev_cue, is_cue
            if not (single or (after_cue and cued) or (
                    pair_stems and words.joined_at(i + 1)
                    and any(f"{p} {texts[i + 1]}" in self.pairs for p in pair_stems))):
                i += 1
                continue
            n = self._blocked_phrase(words, i) if self._opens_phrase(texts[i]) else 0
            if n:
                out.append(self._match(words, i, i + n, "", "", (), blocked="organization"))
                i += n
                continue
            listed = bool(out) and out[-1].end == i and (words.joined[i] or words.comma[i])
            hit = self._longest(words, i, listed)
            nxt = words.run(i, 2) == 2
            if hit is not None and hit[0] == 1 and nxt and (
                    self.lex.cue(texts[i]) is not None
                    or (hit[2] in NAME_HEADS and self._name_like(texts[i + 1]))):
                # a cue word before a name is a cue, not a village; «كرم» before
                # «البيك» is the head of a longer name the gazetteer lacks
                hit = None
            if hit is not None and hit[0] > 1 and self._cue_then_name(hit[2], hit[3]):
                hit = None  # «مدينة تعز»: the cue and the city, not a village so named
            if hit is None and nxt:
                hit = self._loose_pair(words, i)
            if hit is None:
                unknown = self._unknown(words, i, "", cued=False) \
                    if nxt and self._headed(texts[i]) else None
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
    def _match(words: Words, i: int, j: int, prefix: str, key: str,
               codes: tuple[int, ...], blocked: str | None = None) -> Match:
        return Match(i, j, prefix, key, codes, words[i].nstart + len(prefix), words[j - 1].nend,
                     words[i].sentence, blocked=blocked)

    # -- cues and lists --------------------------------------------------------
    def _name_like(self, word: str, loose: bool = False) -> bool:
        """Could be a place name the gazetteer lacks: not a common word (``loose``:
        not a function word, for names a toponym cue announces)."""
        lex = self.lex
        if len(word) < 3 or word in lex.cues or word in lex.directions or lex.wrong_shape(word):
            return False
        if loose:  # («مزرعة بالقرب من»: a relation word is no name either)
            return word not in lex.function_words and word not in lex.link_words and all(
                stem not in lex.locatives and stem not in lex.near_words
                for _, stem in readings(word))
        return (word not in lex.common and word not in lex.locatives
                and word not in lex.titles)

    def _unknown(self, words: Words, i: int, prefix: str, loose: bool = False,
                 cued: bool = True) -> Match | None:
        """A name after a cue that the gazetteer lacks: one word, two after a head
        (``cued=False``: a headed name met without a cue, «خان العسل»)."""
        stem = words[i].text[len(prefix):]
        if not self._name_like(stem, loose) and stem not in NAME_HEADS:
            return None
        j = i + 1
        # after a head that only starts place names («خان العسل»), or any head after
        # a cue («قرى سيعة، وذي مهنة», «منطقتي السدة وحزم العديد»), the next word is
        # part of the name, whatever it means alone
        if (stem in NAME_HEADS or stem == "ال") and j < len(words) and words[j].joined \
                and words[j].sentence == words[i].sentence and self._name_like(
                    words[j].text, loose or stem in TOPO_HEADS or (cued and stem != "ال")):
            j += 1
        elif not self._name_like(stem, loose):
            return None
        if j < len(words) and words[j].joined and not words[j].text.startswith("و") and \
                self.lex.adjective(words[j].text):
            return None  # «منطقة إحراج جبلية»: a noun and its adjective, not a name
        m = self._match(words, i, j, prefix, "", ())
        m.extra["text"] = " ".join([stem] + [w.text for w in words[i + 1:j]])
        return m

    def _cues(self, words: Words, matches: list[Match]) -> None:
        by_start = {m.start: m for m in matches}
        texts = words.texts
        info = self._info
        # «جبهة النصرة»: a cue word inside an organization's name is no cue; the
        # first word of a longer name is that name's cue («ريف دمشق», «جبل صبر»)
        inside = {k for m in matches if m.blocked or m.end - m.start > 1
                  for k in range(m.start, m.end)}
        blocked = {k for m in matches if m.blocked for k in range(m.start, m.end)}
        for i in range(len(texts) - 1):
            if not info(texts[i])[0] or i + 1 in blocked or (i in inside and i not in by_start):
                continue
            cue = self.lex.cue(texts[i])
            if cue is None:
                continue
            if i in inside:
                if by_start[i].cue is None and not by_start[i].blocked:
                    by_start[i].cue = cue
                continue
            w, nxt = words[i], words[i + 1]
            if cue is None or nxt.sentence != w.sentence or not (
                    nxt.joined or all(c in _CUE_GAP for c in nxt.gap)):
                continue
            first = by_start.get(i + 1)
            if first is not None and first.key in NAME_HEADS and first.end == i + 2:
                first = self._headed_item(words, matches, by_start, first)
            if first is None and not self._quantified(words, i):
                first = self._unknown(words, i + 1, "", cue.toponym)
                if first is not None:
                    matches.append(first)
                    by_start[first.start] = first
            if first is None or first.blocked or first.cue is not None or "ل" in first.prefix:
                continue  # («مخيم للشباب»: a camp for the young, not of a place)
            first.cue = cue
            if cue.toponym:  # «وادي حسان»: the mention covers the head word
                prefix = next(p for p, stem in readings(w.text) if stem == cue.word)
                first.extra["head_nstart"] = w.nstart + len(prefix)
            self._list(words, matches, by_start, first, cue)

    def _headed_item(self, words: Words, matches: list[Match], by_start: dict[int, Match],
                     item: Match) -> Match:
        """After a cue, a one-word name that is a head («حزم», «خان») with a word after
        it is the start of a longer name the gazetteer lacks («منطقتي السدة وحزم
        العديد»): the unknown two-word name replaces it."""
        longer = self._unknown(words, item.start, item.prefix, loose=True)
        if longer is None or longer.end <= item.end:
            return item
        matches[matches.index(item)] = longer
        by_start[item.start] = longer
        return longer

    def _quantified(self, words: Words, i: int) -> bool:
        """«ثالث محافظة محررة», «كل منطقة»: the cue at word i is a common noun."""
        return i > 0 and words.joined[i] and any(
            stem in self.lex.quantifiers for _, stem in readings(words.texts[i - 1]))

    @staticmethod
    def _next_item(words: Words, e: int, gaz_starts: dict[int, Match]) -> tuple[int, bool] | None:
        """(start, needs «و» proclitic) of the list item after word ``e - 1``;
        ``gaz_starts``: the candidates found so far, by first word."""
        if e >= len(words) or words[e].sentence != words[e - 1].sentence:
            return None
        w = words[e]
        if w.text == "و" and (w.joined or w.comma) and e + 1 < len(words) and words[e + 1].joined:
            return e + 1, False
        if w.comma:
            # «قرى سيعة، وذي مهنة، ومحزف»: an item after a comma may take «و» too
            return (e, w.text.startswith("و") and e not in gaz_starts and len(w.text) > 2)
        if w.joined and w.text.startswith("و") and len(w.text) > 2:
            return e, True
        return None

    def _list(self, words: Words, matches: list[Match], by_start: dict[int, Match],
              head: Match, cue: Cue) -> None:
        """Items joined to ``head`` by «و» or «،» take its cue.

        Stops at the first item that is neither a gazetteer name nor (after a
        strong cue) a name-like word.
        """
        prev, n = head, 1
        while not (cue.dual and n >= 2):  # «محافظتي الخليل وسلفيت، وأخطرت»: two names
            n += 1
            nxt = self._next_item(words, prev.end, by_start)
            if nxt is None:
                return
            k, waw = nxt
            item = by_start.get(k)
            if item is not None and waw and not item.prefix.startswith("و"):
                return
            if item is not None and item.key in NAME_HEADS and item.end == k + 1:
                item = self._headed_item(words, matches, by_start, item)
            if item is None and cue.plural:  # (after a singular cue only known names)
                item = self._unknown(words, k, "و" if waw else "", cue.toponym)
                if item is not None:
                    matches.append(item)
                    by_start[k] = item
            if item is None or item.blocked or item.cue is not None:
                return
            item.cue = cue
            item.list_head = head.start
            prev = item
