"""What the words around a candidate place name say about it.

A direction («شمال», «جنوبي», «ريف حلب الغربي») or a "near" relation («قرب»,
«بالقرب من») before or after it, a locative preposition («في», a «ب»
proclitic), a person's title or a name link before it («الرئيس», «أبو»: then
it is a person), and quotes with an outlet word («صحيفة "عكاظ"»: then it is a
newspaper named after a city).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from .lexicon import Lexicon, readings
from .words import Words

if TYPE_CHECKING:
    from .matcher import Match

_QUOTES = ('"', "«", "»", "“", "”")
_TARGET = frozenset(["علي", "وعلي", "فعلي"])  # «على» after normalization
_OUTLET_WORDS = frozenset(["صحيفه", "جريده", "لصحيفه", "لجريده", "قناه", "لقناه", "موقع", "وكاله",
                           "مصادر", "مصدر", "مراسل", "لمراسل", "مندوب", "لمندوب"])


def _before(lex: Lexicon, words: Words, m: Match) -> int:
    """Index of the first word before the name and its cue."""
    i = m.start - 1
    if m.cue is not None and i >= 0 and lex.cue(words.texts[i]) is m.cue:
        i -= 1
    return i


def read_surroundings(lex: Lexicon, words: Words, matches: list[Match]) -> None:
    """Set what the words around each candidate say: direction, nearness, a
    locative preposition, a person's title or an outlet's quotes (blocked)."""
    texts = words.texts
    for m in matches:
        i = _before(lex, words, m)
        if i >= 0 and words.joined[i + 1] and words.sent[i] == m.sentence:
            _phrase_before(lex, words, i, m)
            prev = texts[i]
            if prev in lex.titles or prev in lex.name_links:
                m.blocked = m.blocked or "person"
            if prev in _TARGET:  # «قصف على خان العسل»: the target of an attack
                m.extra["target"] = True
            elif m.cue is None and not m.prefix and prev.startswith("ال") and _plain_word(lex, prev):
                m.extra["after_definite"] = True  # «البدلة الزرقاء»: maybe an adjective
            if prev in lex.locatives or (prev[:1] in ("و", "ف") and prev[1:] in lex.locatives) \
                    or m.prefix.endswith("ب") or (
                    m.cue is not None and _cue_prefix(lex, words, m).endswith("ب")):
                m.locative = True
        elif m.prefix.endswith("ب"):
            m.locative = True
        if m.end < len(texts) and words.joined[m.end] and texts[m.end] in ("بن", "ابن"):
            m.blocked = m.blocked or "person"
        if _quoted_outlet(words, m, i):
            m.blocked = m.blocked or "outlet"
        _direction_after(lex, words, m)


def _plain_word(lex: Lexicon, word: str) -> bool:
    """A word that says nothing of a place after it (no cue, preposition, direction,
    relation, title or anaphor)."""
    return not (word in lex.cues or word in lex.locatives or word in lex.directions
                or word in lex.titles or word in lex.link_words or word in lex.near_words
                or word in lex.needs_cue)


def _quoted_outlet(words: Words, m: Match, before: int) -> bool:
    """«قالت مصادر لـ"الرياض"», «صحيفة "عكاظ"»: a newspaper named after a city."""
    if m.cue is not None or m.start == 0 or words.joined[m.start]:
        return False  # (joined: only spaces before it, so no quote)
    opened = any(q in words.gap(m.start) for q in _QUOTES)
    closed = m.end >= len(words) or any(q in words.gap(m.end) for q in _QUOTES)
    if not (opened and closed):
        return False
    prev = words.texts[before] if before >= 0 else ""
    return m.prefix.startswith(("ل", "ول")) or prev in _OUTLET_WORDS or prev.endswith("ل")


def _phrase_before(lex: Lexicon, words: Words, i: int, m: Match) -> None:
    """A direction («شمال», «جنوب شرق») or "near" phrase («بالقرب من») ending at word i."""
    texts = words.texts
    if not lex.may_end_phrase(texts[i]):
        return  # (most words end no such phrase)
    for n in range(min(lex.max_phrase, i + 1), 0, -1):
        if words.run(i - n + 1, n) < n:
            continue
        rest = texts[i - n + 2:i + 1]
        for _, stem in readings(texts[i - n + 1]):
            text = " ".join([stem] + rest)
            if m.direction is None and text in lex.directions:
                m.direction = lex.directions[text]
            if text in lex.near:
                m.near = True
        if m.direction or m.near:
            return


def _cue_prefix(lex: Lexicon, words: Words, m: Match) -> str:
    """The proclitic on the cue word before ``m`` («بمحافظة» → «ب»)."""
    i = m.start - 1
    for prefix, stem in readings(words.texts[i]):
        if stem in lex.cues:
            return prefix
    return ""


def _direction_after(lex: Lexicon, words: Words, m: Match) -> None:
    """«ريف حلب الغربي», «الريف الشمالي الغربي»: an adjective after the name;
    «قرية دوما الفلسطينية»: a country adjective (``extra["country"]``)."""
    j, texts = m.end, words.texts
    if j < len(texts) and words.joined[j] and words.sent[j] == m.sentence:
        cc = lex.country_adjectives.get(texts[j])
        if cc is not None:
            m.extra["country"] = cc
    for n in (2, 1):
        if j + n <= len(texts) and words.joined[j] and words.run(j, n) >= n \
                and words.sent[j] == m.sentence:
            text = " ".join(texts[j:j + n])
            if text in lex.directions and text.startswith("ال"):
                m.direction = m.direction or lex.directions[text]
                m.extra["dir_end"] = j + n
                return
