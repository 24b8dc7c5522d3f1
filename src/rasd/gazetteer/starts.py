"""Which words may start a place name: the first filter of the candidate finder.

:class:`Starts` says of each word (over its proclitic readings) whether it is
a cue, may start a one-word name, may start one only after a cue, opens a
longer name, or may open a phrase that names no place. Most words are none of
these (*dull*); the finder skips them with one set lookup per word.
"""
from __future__ import annotations

from .lexicon import Lexicon, readings
from .store import Gazetteer

__all__ = ["NAME_HEADS", "TOPO_HEADS", "Starts", "WordInfo"]

#: heads that start nothing but place names («خان العسل», «كفر نبل»), unlike «باب»,
#: «سوق» or «بلاد» («باب الحوار», «سوق العمل», «بلاد المسلمين»)
TOPO_HEADS = frozenset("كفر دير تل عين بير بئر خربه جسر خان قلعه معره تله جب سيله مشرفه حوض".split())
#: first words of a two-word name the gazetteer may lack («كرم البيك», «باب النيرب»)
NAME_HEADS = frozenset("كفر دير تل عين بير بئر راس خربه جسر باب كرم بستان ابو ام بني بيت سوق خان "
                       "مساكن حزم قلعه عرب حاج حاجي شيخ الشيخ معره قصر برج نهر حوض سيله عقبه "
                       "ذي ذو ال بلاد مزرعه تله جب مشرفه".split())

#: (is a cue, may start a name, may start one after a cue, stems that open a longer
#: name, may start a phrase that names no place)
WordInfo = tuple[bool, bool, bool, tuple[str, ...], bool]
#: words whose info is kept (the cache starts over past this)
MAX_CACHED = 1 << 17


def first_words(gaz: Gazetteer, lex: Lexicon) -> tuple[frozenset[str], frozenset[str],
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


class Starts:
    """What each word may start, cached per word (most words recur)."""

    def __init__(self, gaz: Gazetteer, lex: Lexicon) -> None:
        self.lex = lex
        self.singles, self.pairs, self.cued_singles = first_words(gaz, lex)
        self.pair_firsts = frozenset(p.split(" ", 1)[0] for p in self.pairs)
        #: word → its info (those met so far; :meth:`info` fills it)
        self.known: dict[str, WordInfo] = {}
        #: the words met so far that are none of the first four (not all dull words:
        #: a word not met yet is not in it)
        self.dull: set[str] = set()

    def word_info(self, text: str) -> WordInfo:
        """The :data:`WordInfo` of one normalized word (not cached)."""
        rds = readings(text)
        return (any(s in self.lex.cues for _, s in rds),
                any(s in self.singles for _, s in rds),
                any(s in self.cued_singles for _, s in rds),
                tuple(s for _, s in rds if s in self.pair_firsts),
                any(s in self.lex.not_places for _, s in rds))

    def info(self, text: str) -> WordInfo:
        """:meth:`word_info`, cached; a dull word joins :attr:`dull`."""
        hit = self.known.get(text)
        if hit is None:
            if len(self.known) >= MAX_CACHED:
                self.known.clear()
                self.dull.clear()
            hit = self.known[text] = self.word_info(text)
            if not (hit[0] or hit[1] or hit[2] or hit[3]):
                self.dull.add(text)
        return hit
