"""Repair of words glued together by lost spaces («المدينةالشرقية», «الأممالمتحدة»).

Two signs of a lost space:

1. teh marbuta (ة) only ends a word, so a ة followed by another letter marks a
   lost space (sure, no lexicon needed);
2. a token that is not a known word but is a run of known words
   («فرنسابالاممالمتحده» → «فرنسا» «بالامم» «المتحده»). Known words come from
   the bundled vocabulary ``lexicons/vocab.txt.gz`` (folded word forms and
   their corpus counts, built by ``scripts/build_vocab.py``). The split is the
   most probable segmentation under a unigram model, found by dynamic
   programming (:meth:`VocabSplitter.best_split`).

The splitter is conservative because a wrong split corrupts a good word: a
known word, nor a known stem with clitics or endings («لبلداننا»), is ever
split; every piece has at least :data:`MIN_PIECE` letters (:data:`SHORT_PIECE`
before a piece starting with the article, the surest boundary) and is itself
frequent (or a frequent word behind a proclitic و ف ب ل ك / ال); a piece
that is a bare proclitic («وال», «بال») or an attached pronoun («هما», «تهم»)
is refused, since those make most false splits of rare inflected words. Written by hand because no pinned library segments Arabic
with an offset-preserving, lexicon-driven rule; decisions are cached per token.
"""
from __future__ import annotations

import functools
import gzip
import math
import re
from typing import Mapping

from ..errors import ResourceError
from ..resources import verified_path
from .arabic import fold

VOCAB = "lexicons/vocab.txt.gz"
#: a piece must have at least this many letters ...
MIN_PIECE = 4
#: ... or this many when the next piece starts with the article («حزب|الله», «الي|المدينه»)
SHORT_PIECE = 3
#: a piece (or the stem behind its proclitic) must be seen this often in the corpus
MIN_PIECE_COUNT = 25
#: words longer than this are left alone (runaway DP, and such runs are rarely words)
MAX_TOKEN = 40

MID_TEH = re.compile(r"ة(?=[\u0621-\u063a\u0641-\u064a])")
# whole runs of letters long enough to hold two pieces (shorter runs are never cut)
_LETTER = "[\u0621-\u063a\u0641-\u064a]"
_LONG_RUN = re.compile(f"(?<!{_LETTER}){_LETTER}{{{SHORT_PIECE + MIN_PIECE},}}")

# Folded proclitic chains that may precede a known stem inside one piece.
_PROCLITICS = ("وبال", "وكال", "فبال", "ولل", "فلل", "وال", "فال", "بال", "كال", "لل",
               "ال", "وب", "ول", "وك", "فب", "فل", "و", "ف", "ب", "ل", "ك")
# Pieces refused outright: bare proclitics, and attached pronouns or verb
# endings that are also words («هما» they-two, «تهم» charges) and would cut
# rare inflected forms («قتلتهم» → «قتل» «تهم»).
_BAD_PIECES = frozenset(fold(w) for w in (
    "وال", "بال", "فال", "كال", "لل", "ولل", "فلل", "وبال", "وكال", "فبال",
    "هما", "كما", "تهم", "تها", "تنا", "تكم", "تما", "تان", "تين", "وها", "وهم", "وهن",
    "وني", "ونا", "يها", "يهم", "يهما", "ينا", "يكم", "هم", "ها", "نا", "ما", "ين", "ون",
    "ات", "ية", "يات", "يين", "يون", "ان", "اني", "انه", "انها", "انهم", "نية", "تي",
    "اتهم", "اتها", "اتنا", "اتكم", "اتهما", "ايها", "انت", "وانت", "انتم", "وانتم",
    "لكنا", "لكنه", "لكنها", "لكنهم", "اننا", "انا",
    # a compound hundred is one word («ثلاثمائة», «وتسعمائة»)
    "مائة", "مئة", "ماية", "مائتين", "مئتين", "مائتان", "مئتان"))
# Inflectional endings: a token that is a known stem plus a proclitic and/or
# one of these («لبلداننا», «اميركيان», «ومؤتمرات») is a word, not a glue.
_ENDINGS = tuple(sorted({fold(a + b) for a in ("", "ان", "ين", "ون", "ات", "ت", "ي", "ية",
                                               "ته", "تا", "تي", "يات", "يين", "يان", "يون",
                                               "تين", "تان", "وا")
                         for b in ("", "ه", "ها", "هم", "هما", "هن", "ك", "كم", "نا", "ني")}
                        - {""}, key=len, reverse=True))
_ENDING_SET = frozenset(_ENDINGS)
_ENDING_LENGTHS = (0, *sorted({len(e) for e in _ENDINGS}))
MIN_STEM = 4
# An article-initial piece with a stem this short («الان», «والا», «الاخ») is
# usually the start of one longer word («الانقطاع», «والاسكان»); it is only
# trusted before another article («الي|المدينه»).
_SHORT_STEM = 2
_SHORT_STEM_WORDS = frozenset({"الله", "لله", "والله", "بالله", "الي"})  # «حزب|الله», «الي|المدينه»
_ARTICLE = re.compile(r"(?:[وفبك]?ال|[وف]?لل)")  # used with .match(word, pos)


class VocabSplitter:
    """Segment an unknown token into frequent known words (unigram DP)."""

    def __init__(self, counts: Mapping[str, int], min_piece: int = MIN_PIECE,
                 min_count: int = MIN_PIECE_COUNT) -> None:
        self.counts = counts
        self.min_piece = min_piece
        self.min_count = min_count
        self._log_total = math.log(max(1, sum(counts.values())))

    def piece_cost(self, piece: str) -> float | None:
        """-log probability of ``piece`` as a word, or None if it may not be a piece."""
        if len(piece) < SHORT_PIECE or piece in _BAD_PIECES:
            return None
        n = self.counts.get(piece, 0)
        if n >= self.min_count:
            return self._log_total - math.log(n)
        for p in _PROCLITICS:
            stem = piece[len(p):]
            if piece.startswith(p) and len(stem) >= SHORT_PIECE:
                m = self.counts.get(stem, 0)
                if m >= self.min_count and stem not in _BAD_PIECES:
                    # a clitic form unseen in the corpus is less likely than the stem
                    return self._log_total - math.log(m) + 3.0
        return None

    def inflected(self, word: str) -> bool:
        """Is ``word`` a known stem (≥ :data:`MIN_STEM` letters) with clitics or endings?"""
        counts, n = self.counts, len(word)
        for p in ("", *_PROCLITICS):
            if not word.startswith(p):
                continue
            # the endings the word has, read off its tail (one set test per
            # length instead of an endswith per ending: the hot loop of unglue)
            for k in _ENDING_LENGTHS:
                if n - len(p) - k < MIN_STEM:
                    break  # the stem would be too short, and the slice below wrong
                if k and word[n - k:] not in _ENDING_SET or not (p or k):
                    continue
                stem = word[len(p):n - k]
                if len(stem) >= MIN_STEM and stem in counts:
                    return True
        return False

    def allowed(self, word: str, start: int, end: int) -> bool:
        """May ``word[start:end]`` be a piece, given the letters around it?

        The sure boundary is one before an article («الامم|المتحده»): there a
        piece may be short. Elsewhere pieces are longer, an article-initial
        piece needs a real stem («الكون|كورد» is refused), and a later piece
        may not start with a verb prefix (ي ت ن) or ف, nor with و unless a
        long frequent word follows it («العراق|وسوريا», not «منفذ|وهما»).
        """
        n = len(word)
        before_article = end < n and _ARTICLE.match(word, end) is not None
        if end - start < (SHORT_PIECE if before_article else self.min_piece):
            return False
        if not before_article and word[start] in "وف" and end - start - 1 < self.min_piece:
            return False  # «ومؤت|مرات»: a conjunction needs a long word after it
        art = _ARTICLE.match(word, start, end)
        if (art is not None and end - art.end() <= (_SHORT_STEM if before_article or end == n
                                                    else _SHORT_STEM + 1)
                and word[start:end] not in _SHORT_STEM_WORDS):
            return False
        if start == 0 or art is not None:
            return True
        first = word[start]
        if first in "يتنف":
            return False
        if first == "و":
            stem = word[start + 1:end]
            return len(stem) >= self.min_piece and self.counts.get(stem, 0) >= self.min_count
        return True

    def best_split(self, word: str) -> tuple[str, ...] | None:
        """The cheapest segmentation of ``word`` into two or more pieces, or None."""
        n = len(word)
        if n < SHORT_PIECE + self.min_piece or n > MAX_TOKEN or self.inflected(word):
            return None
        # best[i] = (cost, start of the last piece) for word[:i]
        best: list[tuple[float, int] | None] = [None] * (n + 1)
        best[0] = (0.0, 0)
        for end in range(SHORT_PIECE, n + 1):
            for start in range(0, end - SHORT_PIECE + 1):
                prev = best[start]
                if prev is None or (start == 0 and end == n):
                    continue
                if not self.allowed(word, start, end):
                    continue
                cost = self.piece_cost(word[start:end])
                if cost is None:
                    continue
                total = prev[0] + cost
                cur = best[end]
                if cur is None or total < cur[0]:
                    best[end] = (total, start)
        if best[n] is None:
            return None
        pieces = []
        end = n
        while end > 0:
            start = best[end][1]  # type: ignore[index]
            pieces.append(word[start:end])
            end = start
        return tuple(reversed(pieces)) if len(pieces) > 1 else None


@functools.lru_cache(maxsize=1)
def load_vocab() -> dict[str, int]:
    """The bundled vocabulary: folded word → corpus count."""
    path = verified_path(VOCAB)
    counts: dict[str, int] = {}
    try:
        with gzip.open(path, "rt", encoding="utf-8") as f:
            for line in f:
                word, _, n = line.rstrip("\n").partition("\t")
                counts[word] = int(n)
    except (OSError, ValueError, EOFError) as exc:
        raise ResourceError(f"resource {VOCAB!r} is unreadable: {exc}") from exc
    return counts


@functools.lru_cache(maxsize=1)
def default_splitter() -> VocabSplitter:
    """A splitter over the bundled vocabulary (built once per process)."""
    return VocabSplitter(load_vocab())


class Unglue:
    """Find positions in cleaned text where a lost space must be restored."""

    def __init__(self, splitter: VocabSplitter | None = None, use_vocab: bool = True) -> None:
        self.splitter = splitter if splitter is not None else (
            default_splitter() if use_vocab else None)
        # cut offsets per letter run; most runs are seen again and again
        self._cache: dict[str, tuple[int, ...]] = {}

    def cuts(self, part: str) -> tuple[int, ...]:
        """Offsets inside ``part`` (cleaned, one word without mid-word ة) to cut at."""
        splitter = self.splitter
        if splitter is None or len(part) < SHORT_PIECE + splitter.min_piece:
            return ()
        key = fold(part)
        if key in splitter.counts:  # never split a known word
            return ()
        pieces = splitter.best_split(key)
        if not pieces:
            return ()
        offs, pos = [], 0
        for p in pieces[:-1]:
            pos += len(p)
            offs.append(pos)
        return tuple(offs)

    def run_cuts(self, run: str) -> tuple[int, ...]:
        """Vocabulary cut offsets inside one run of letters (the ة rule aside), cached."""
        cached = self._cache.get(run)
        if cached is not None:
            return cached
        out: list[int] = []
        start = 0
        for t in MID_TEH.finditer(run):
            out.extend(start + c for c in self.cuts(run[start:t.end()]))
            start = t.end()
        out.extend(start + c for c in self.cuts(run[start:]))
        if len(self._cache) > 200_000:  # bound memory on endless streams
            self._cache.clear()
        result = self._cache[run] = tuple(out)
        return result

    def points(self, clean: str) -> list[int]:
        """Indices (into ``clean``) before which a space is inserted, ascending."""
        out = [m.end() for m in MID_TEH.finditer(clean)]
        if self.splitter is not None:
            found = False
            for m in _LONG_RUN.finditer(clean):
                cuts = self.run_cuts(m.group())
                if cuts:
                    base = m.start()
                    out.extend(base + c for c in cuts)
                    found = True
            if found:
                out.sort()
        return out
