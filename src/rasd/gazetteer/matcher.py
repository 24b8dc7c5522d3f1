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

Which words may start a name at all is :mod:`rasd.gazetteer.starts` (most
words are skipped with one set lookup). Anaphors («جنوب المحافظة», «وريفها») are
added by :mod:`rasd.gazetteer.anaphora`,
the words around each name read by :mod:`rasd.gazetteer.surround`. It decides
nothing about which place a name is: see :mod:`rasd.gazetteer.geocode`.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .anaphora import find_anaphors
from .keys import loose_forms
from .lexicon import Cue, Lexicon, readings
from .store import LEVEL, Gazetteer
from .starts import NAME_HEADS, TOPO_HEADS, Starts, WordInfo
from .surround import read_surroundings
from .words import Word, Words, words_of

__all__ = ["Match", "Matcher", "NAME_HEADS", "Word", "Words", "words_of"]

#: what may stand between a cue and its name («منطقة "الصوابر"», «مدينة: حلب»)
_CUE_GAP = ":(«\"'"


@dataclass(slots=True)
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


class Matcher:
    """Candidate place names in one document's words."""

    def __init__(self, gaz: Gazetteer, lex: Lexicon) -> None:
        self.gaz = gaz
        self.lex = lex
        self.starts = Starts(gaz, lex)
        self.pairs = self.starts.pairs
        # first word → (length, the other words) of the phrases that name no place
        self._not_places = {w: [(len(p), list(p[1:])) for p in phrases]
                            for w, phrases in lex.not_places.items() if phrases}

    def find(self, words: Words) -> list[Match]:
        """The candidates in a document's words, in text order."""
        # the words worth a look: most words were seen before and are dull, and one
        # set lookup per word skips them
        dull, texts = self.starts.dull, words.texts
        seen = [k for k, t in enumerate(texts) if t not in dull]
        get, info = self.starts.known.get, self.starts.info
        infos = [get(t) or info(t) for t in [texts[k] for k in seen]]
        matches = self._names(words, seen, infos)
        self._cues(words, matches, seen, infos)
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
            lengths = self.gaz.name_lengths.get(stem)
            if not lengths:
                continue
            run = words.run(i, lengths[0])
            for n in lengths:  # (only the lengths some key starting with the stem has)
                if n > run:
                    continue
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
        for prefix, stem in readings(words.texts[i]):
            if stem not in NAME_HEADS:
                continue
            key = f"{stem} {words.texts[i + 1]}"
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

    def _blocked_phrase(self, words: Words, i: int) -> int:
        """Length of an organization/person phrase starting at word i (0 if none)."""
        texts = words.texts
        for _, stem in readings(texts[i]):
            phrases = self._not_places.get(stem)
            if phrases is None:
                continue
            run = words.run(i, phrases[0][0])  # (the longest first)
            for n, rest in phrases:
                if n <= run and texts[i + 1:i + n] == rest:
                    return n
        return 0

    def _names(self, words: Words, seen: list[int], infos: list[WordInfo]) -> list[Match]:
        """Gazetteer names (and organization phrases) left to right; ``seen``: the
        indices of the words that are not known to be dull (the others start nothing),
        ``infos`` what they may start."""
        out: list[Match] = []
        i = 0  # the next word the scan reads (the words before are taken or dull)
        prev_cue = False  # the word the scan last read is a cue
        texts = words.texts
        for k, (is_cue, single, cued, pair_stems, opens) in zip(seen, infos):
            if k < i:
                continue  # inside a name taken
            after_cue, prev_cue = prev_cue and k == i, is_cue
            i = k + 1
            if not (single or (after_cue and cued) or (
                    pair_stems and words.joined_at(i)
                    and any(f"{p} {texts[i]}" in self.pairs for p in pair_stems))):
                continue
            if self._scan_at(words, k, out, opens, is_cue):
                i = out[-1].end
        return out

    def _scan_at(self, words: Words, i: int, out: list[Match], opens: bool, is_cue: bool) -> bool:
        """Try a name at word i (which may start one; ``opens``: it may start a phrase
        that names no place; ``is_cue``: it is a cue); True when a candidate was added."""
        texts = words.texts
        n = self._blocked_phrase(words, i) if opens else 0
        if n:
            out.append(self._match(words, i, i + n, "", "", (), blocked="organization"))
            return True
        listed = bool(out) and out[-1].end == i and (words.joined[i] or words.comma[i])
        hit = self._longest(words, i, listed)
        nxt = words.run(i, 2) == 2
        if hit is not None and hit[0] == 1 and nxt and (
                is_cue or (hit[2] in NAME_HEADS and self._name_like(texts[i + 1]))):
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
                return True
            return False
        n, prefix, key, codes = hit
        out.append(self._match(words, i, i + n, prefix, key, codes))
        return True

    @staticmethod
    def _match(words: Words, i: int, j: int, prefix: str, key: str,
               codes: tuple[int, ...], blocked: str | None = None) -> Match:
        return Match(i, j, prefix, key, codes, words.nstart(i) + len(prefix), words.nend(j - 1),
                     words.sent[i], blocked=blocked)

    # -- cues and lists --------------------------------------------------------
    def _name_like(self, word: str, loose: bool = False) -> bool:
        """Could be a place name the gazetteer lacks: not a common word (``loose``:
        not a function word, for names a toponym cue announces)."""
        lex = self.lex
        # («وقرى», «بأطراف»: a cue word with its proclitics is no name either)
        if len(word) < 3 or lex.cue(word) is not None or word in lex.directions or lex.wrong_shape(word):
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
        texts, joined, sent = words.texts, words.joined, words.sent
        stem = texts[i][len(prefix):]
        if not self._name_like(stem, loose) and stem not in NAME_HEADS:
            return None
        j = i + 1
        # after a head that only starts place names («خان العسل»), or any head after
        # a cue («قرى سيعة، وذي مهنة», «منطقتي السدة وحزم العديد»), the next word is
        # part of the name, whatever it means alone
        if (stem in NAME_HEADS or stem == "ال") and j < len(texts) and joined[j] \
                and sent[j] == sent[i] and self._name_like(
                    texts[j], loose or stem in TOPO_HEADS or (cued and stem != "ال")):
            j += 1
        elif not self._name_like(stem, loose):
            return None
        if j < len(texts) and joined[j] and not texts[j].startswith("و") and \
                self.lex.adjective(texts[j]):
            return None  # «منطقة إحراج جبلية»: a noun and its adjective, not a name
        m = self._match(words, i, j, prefix, "", ())
        m.extra["text"] = " ".join([stem] + texts[i + 1:j])
        return m

    def _cues(self, words: Words, matches: list[Match], seen: list[int],
              infos: list[WordInfo]) -> None:
        """Cue words before names (``seen``: the words not known to be dull, which
        the cues are among, ``infos`` what they may start); a strong cue adds the
        name the gazetteer lacks."""
        by_start = {m.start: m for m in matches}
        texts, sent, joined = words.texts, words.sent, words.joined
        # «جبهة النصرة»: a cue word inside an organization's name is no cue; the
        # first word of a longer name is that name's cue («ريف دمشق», «جبل صبر»)
        inside = {k for m in matches if m.blocked or m.end - m.start > 1
                  for k in range(m.start, m.end)}
        blocked = {k for m in matches if m.blocked for k in range(m.start, m.end)}
        last = len(texts) - 1
        for i, inf in zip(seen, infos):
            if i >= last:
                break
            if not inf[0] or i + 1 in blocked or (i in inside and i not in by_start):
                continue
            cue = self.lex.cue(texts[i])
            if cue is None:
                continue
            if i in inside:
                if by_start[i].cue is None and not by_start[i].blocked:
                    by_start[i].cue = cue
                continue
            if sent[i + 1] != sent[i] or not (
                    joined[i + 1] or all(c in _CUE_GAP for c in words.gap(i + 1))):
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
                prefix = next(p for p, stem in readings(texts[i]) if stem == cue.word)
                first.extra["head_nstart"] = words.nstart(i) + len(prefix)
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
        texts, joined, comma = words.texts, words.joined, words.comma
        if e >= len(texts) or words.sent[e] != words.sent[e - 1]:
            return None
        text = texts[e]
        if text == "و" and (joined[e] or comma[e]) and e + 1 < len(texts) and joined[e + 1]:
            return e + 1, False
        if comma[e]:
            # «قرى سيعة، وذي مهنة، ومحزف»: an item after a comma may take «و» too
            return (e, text.startswith("و") and e not in gaz_starts and len(text) > 2)
        if joined[e] and text.startswith("و") and len(text) > 2:
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
