"""Longest-match lookup of dictionary phrases over the tokens of a text.

Phrases are token tuples in a dict; a second dict gives, for each first
word, the longest phrase starting with it, so a word that starts no phrase
costs one (memoized) lookup. Proclitics on the first word are handled
(«وقوات», «لداعش», «بالحوثيين», «للحوثيين» → «الحوثيين»). Hand-written
rather than a regex alternation: hundreds of alternatives tried at every
character are slower, and we need clitics and token boundaries anyway.

Modifier heads («عناصر من», «مسلحو», «مقاتلات») may precede a phrase and
join its match: «عناصر من تنظيم داعش» is one mention of the Islamic State.

Several matchers scan the same token texts (actors, country indicators,
sources, roles, crediting cues): a word's *mask* says which of the live
matchers it may start a phrase for, so that one dictionary lookup per token
serves them all (:class:`_Masks`); the texts of a document are a tuple
(:func:`rasd.actors.extract.token_texts`), whose masks are kept until the
next texts come.
"""
from __future__ import annotations

import weakref
from dataclasses import dataclass
from typing import Any, Generic, Mapping, Sequence, TypeVar

T = TypeVar("T")

MAX_HEAD_CHAIN = 3  # heads and connectors allowed before a phrase
CACHE_LIMIT = 200_000  # distinct words remembered per matcher


def clitic_variants(word: str) -> tuple[tuple[str, int], ...]:
    """``word`` and its forms without proclitics, each with the characters cut.

    «وبالحوثيين» → («وبالحوثيين», 0), («بالحوثيين», 1), («الحوثيين», 2) ...;
    «للحوثيين» also yields «الحوثيين» (the preposition swallows the article's
    alef), cut 1 so that the evidence keeps the article's lam.
    """
    out = [(word, 0)]
    w, cut = word, 0
    if len(w) > 3 and w[0] in "وف":
        w, cut = w[1:], 1
        out.append((w, cut))
    if len(w) > 3 and w[0] in "بلك":
        if w.startswith("لل"):
            out.append(("ا" + w[1:], cut + 1))
        out.append((w[1:], cut + 1))
    return tuple(out)


class _Masks:
    """The live matchers, a bit each, and per word the bits of those it may start a
    phrase (or a head) for."""

    def __init__(self) -> None:
        self.refs: list[weakref.ref] = []
        self.masks: dict[str, int] = {}  # the words that start something for some matcher
        self.zero: set[str | None] = {None}  # those that start nothing (None: punctuation)
        self.last: tuple[Sequence[str | None], tuple[list[int], list[int]]] | None = None

    def add(self, matcher: "Matcher[Any]") -> None:
        """Give ``matcher`` a bit (the bits are dealt again: every mask is forgotten)."""
        self.refs = [r for r in self.refs if r() is not None] + [weakref.ref(matcher)]
        for k, r in enumerate(self.refs):
            m = r()
            if m is not None:
                m.bit = 1 << k
        self.forget()

    def forget(self) -> None:
        self.masks.clear()
        self.zero.clear()
        self.zero.add(None)
        self.last = None

    def mask(self, word: str) -> int:
        out = 0
        for r in self.refs:
            m = r()
            if m is not None and m.info(word) is not None:
                out |= m.bit
        if len(self.masks) + len(self.zero) > CACHE_LIMIT:
            self.forget()
        if out:
            self.masks[word] = out
        else:
            self.zero.add(word)
        return out

    def of(self, texts: Sequence[str | None]) -> tuple[list[int], list[int]]:
        """(indices, masks) of the tokens that may start something (most start nothing,
        and one set test per token passes them)."""
        last = self.last
        if last is not None and last[0] is texts:
            return last[1]
        zero, get = self.zero, self.masks.get
        where = [i for i, w in enumerate(texts) if w not in zero]
        masks = [get(texts[i], -1) for i in where]  # type: ignore[arg-type]
        for k in [k for k, m in enumerate(masks) if m < 0]:
            masks[k] = self.mask(texts[where[k]])  # type: ignore[arg-type]
        if isinstance(texts, tuple):  # (a list might change before the next call)
            self.last = (texts, (where, masks))
        return where, masks


_MASKS = _Masks()


@dataclass(frozen=True, slots=True)
class Hit(Generic[T]):
    """A phrase found at tokens ``first..last`` (inclusive); ``cut`` chars of clitic."""

    value: T
    first: int
    last: int
    cut: int
    head: int | None = None  # token index where a modifier head starts the mention


class Matcher(Generic[T]):
    """Longest-match phrase finder over token texts (None marks punctuation)."""

    def __init__(self, phrases: Mapping[tuple[str, ...], T],
                 heads: frozenset[str] = frozenset(),
                 connectors: frozenset[str] = frozenset(),
                 head_only: frozenset[T] = frozenset()) -> None:
        self.phrases = dict(phrases)
        self.head_only = head_only
        self.longest: dict[str, int] = {}
        for toks in self.phrases:
            self.longest[toks[0]] = max(self.longest.get(toks[0], 0), len(toks))
        self.heads = heads
        self.connectors = connectors
        # plain dicts, not lru_cache: this lookup runs for every token of every text
        self._info: dict[str, tuple[tuple[tuple[str, int], ...], int | None]] = {}
        self._boring: set[str] = set()  # words that start nothing
        self.bit = 0  # this matcher's bit in the words' masks
        _MASKS.add(self)

    def info(self, word: str) -> tuple[tuple[tuple[str, int], ...], int | None] | None:
        """(phrase starts among the word's clitic variants, clitic cut of a modifier head or
        None); None when the word neither starts a phrase nor is a head."""
        try:
            return self._info[word]
        except KeyError:
            if word in self._boring:  # (remembered, but was worked out again every call)
                return None
        variants = clitic_variants(word)
        starts = tuple(v for v in variants if v[0] in self.longest)
        head = next((c for v, c in variants if v in self.heads), None)
        value = (starts, head) if starts or head is not None else None
        if len(self._info) + len(self._boring) > CACHE_LIMIT:
            self._info.clear()
            self._boring.clear()
        if value is None:
            self._boring.add(word)
        else:
            self._info[word] = value
        return value

    def _linking(self, word: str) -> bool:
        """Can ``word`` continue a chain of modifier heads (a head or a connector)?"""
        return any(v in self.heads or v in self.connectors for v, _c in clitic_variants(word))

    def match_at(self, texts: Sequence[str | None], i: int, headed: bool = False
                 ) -> Hit[T] | None:
        """The longest phrase starting at token ``i`` (clitics allowed on its first word);
        ``headed``: a modifier head precedes, so head-only phrases count."""
        word = texts[i]
        if word is None:
            return None
        inf = self.info(word)
        if inf is None:
            return None
        best: Hit[T] | None = None
        phrases = self.phrases
        n = len(texts)
        for stem, cut in inf[0]:
            words = [stem]
            j = i
            limit = self.longest[stem]
            while True:
                value = phrases.get(tuple(words))
                if (value is not None and (best is None or j > best.last)
                        and (headed or value not in self.head_only)):
                    best = Hit(value, i, j, cut)
                j += 1
                if len(words) >= limit or j >= n or texts[j] is None:
                    break
                words.append(texts[j])  # type: ignore[arg-type]
        return best

    def _head_match(self, texts: Sequence[str | None], i: int, cut: int) -> Hit[T] | None:
        """A phrase preceded by a chain of modifier heads starting at token ``i``."""
        j = i + 1
        while j < len(texts) and j <= i + MAX_HEAD_CHAIN:
            hit = self.match_at(texts, j, headed=True)
            if hit is not None:
                return Hit(hit.value, i, hit.last, cut, head=i)
            word = texts[j]
            if word is None or not self._linking(word):
                return None
            j += 1
        return None

    def find(self, texts: Sequence[str | None], skip: T | None = None) -> list[Hit[T]]:
        """Non-overlapping longest hits left to right; hits whose value is ``skip``
        consume their words but are not returned (blocked phrases)."""
        out: list[Hit[T]] = []
        info, bit = self.info, self.bit
        free = 0  # first token not inside an accepted hit
        # (an int test in a comprehension is the cheapest way past the many dull words)
        where, masks = _MASKS.of(texts)
        for i in [i for i, m in zip(where, masks) if m & bit]:
            if i < free:
                continue
            inf = info(texts[i])  # type: ignore[arg-type]
            if inf is None:
                continue
            hit = self.match_at(texts, i) if inf[0] else None
            if inf[1] is not None:
                head = self._head_match(texts, i, inf[1])
                if head is not None and (hit is None or head.last > hit.last):
                    hit = head
            if hit is None:
                continue
            if skip is None or hit.value != skip:
                out.append(hit)
            free = hit.last + 1
        return out
