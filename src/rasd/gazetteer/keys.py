"""Lookup keys for place names: one normalization shared by the build and the index.

A gazetteer name and a stretch of article text meet on a *key*: the name
normalized like the text (:func:`rasd.text.arabic.normalize_key`: hamza forms
to ا, ى to ي, ة to ه, no diacritics) with punctuation turned into spaces.
:func:`variants` then spells out the ways news writes the same name
(SOURCES.md of the shared gazetteer lists them):

- quality 0: the name itself, and «ال» + name for sources that drop the
  article (OCHA writes «حيدرية», news «الحيدرية»);
- quality 1: the words run together («كفر ناها» / «كفرناها») and a final
  «ه» written «ا» or the reverse («حاجي كوسة» / «كوسا»);
- :func:`loose_forms` (quality 2, generated from the text, not indexed):
  looser spellings that need a cue or context to be trusted: «حاج»/«حاجي»,
  «ق»/«غ» («أقيول» / «أغيول»), the article dropped or added inside the name
  («بستان الباشا» / «بستان باشا»).

:func:`skeleton` is a lossy key for the fuzzy fallback.
"""
from __future__ import annotations

import re

from ..text.arabic import normalize_key

_PUNCT = re.compile(r"[\-_/\\(),.'\"`«»:;،؛!?\[\]{}|]+")
_SPACES = re.compile(r"\s+")
_NON_ARABIC = re.compile(r"[^\u0621-\u064a ]")


def name_key(text: str) -> str:
    """Normalize a place name the way the article text is normalized."""
    return _SPACES.sub(" ", _PUNCT.sub(" ", normalize_key(text))).strip()


def is_arabic_key(key: str) -> bool:
    """True when ``key`` is written in Arabic letters only (and spaces)."""
    return bool(key) and not _NON_ARABIC.search(key)


def strip_al(word: str) -> str:
    """Drop a leading article when enough of the word remains."""
    return word[2:] if word.startswith("ال") and len(word) >= 4 else word


def _swap_final(word: str) -> str | None:
    if len(word) > 3 and word[-1] in "اه":
        return word[:-1] + ("ه" if word[-1] == "ا" else "ا")
    return None


def loose_forms(key: str) -> list[str]:
    """Quality-2 spellings of a name seen in the text, tried when the exact keys fail.

    Generated on the text side (not indexed) to keep the index small:
    «حاج»/«حاجي», «ق»/«غ», the article dropped or added inside the name, each
    also with the final «ه»/«ا» swapped.
    """
    words = key.split()
    if not words:
        return []
    forms: list[list[str]] = []
    if words[0] in ("حاج", "حاجي") and len(words) > 1:
        forms.append(["حاجي" if words[0] == "حاج" else "حاج"] + words[1:])
    joined = " ".join(words)
    for a, b in (("ق", "غ"), ("غ", "ق")):
        if a in joined:
            forms.append(joined.replace(a, b).split())
    if len(words) > 1:
        forms.append([words[0]] + [strip_al(w) for w in words[1:]])
        forms.append([words[0]] + [w if w.startswith("ال") else "ال" + w for w in words[1:]])
    out: list[str] = []
    for ws in forms:
        for cand in (" ".join(ws), " ".join(ws[:-1] + [_swap_final(ws[-1]) or ws[-1]])):
            if cand != joined and cand not in out:
                out.append(cand)
    return out


def variants(key: str, add_article: bool = False) -> dict[str, int]:
    """Indexed spellings of the name ``key`` (a :func:`name_key`) with their quality."""
    out: dict[str, int] = {}

    def put(k: str, q: int) -> None:
        if k and (k not in out or out[k] > q):
            out[k] = q

    words = key.split()
    if not words:
        return out
    bases = [words]
    if add_article and not words[0].startswith("ال") and len(words[0]) >= 2:
        bases.append(["ال" + words[0]] + words[1:])
    for ws in bases:
        put(" ".join(ws), 0)
        if len(ws) > 1:
            put("".join(ws), 1)
        last = _swap_final(ws[-1])
        if last:
            put(" ".join(ws[:-1] + [last]), 1)
    return out


_SKEL_MAP = str.maketrans({"غ": "ق", "ث": "س", "ذ": "ز", "ظ": "ض", "ا": None, "و": None,
                           "ي": None, "ء": None, " ": None})


def skeleton(key: str) -> str:
    """A lossy consonant key: no article, spaces, long vowels; ق=غ, ث=س, ذ=ز, ظ=ض."""
    words = [strip_al(w) for w in key.split()]
    if words and len(words[-1]) > 2 and words[-1].endswith("ه"):
        words[-1] = words[-1][:-1]
    return "".join(words).translate(_SKEL_MAP)
