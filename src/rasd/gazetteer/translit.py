"""Consonant skeletons that let an Arabic spelling meet a Latin one.

Many places have no Arabic name in the sources (IOM's «Kafr Dael», GeoNames'
Manisa) but Arabic news writes them («كفرداعل», «مانيسا»). Both spellings are
reduced to a skeleton of consonant classes: vowels, ``h``/``ح``/``ه``, ``w``,
``y``, ``ع`` and the article are dropped; letters that transliteration merges
are one class (س ش ص = s, ق ك خ = k, ج غ = j, ت ط ث = t, د ذ ض = d, ز ظ = z).
«كفرداعل» and "Kafr Dael" both give ``kfrdl``.

Written by hand: transliteration libraries (e.g. unidecode) go Latin-ward
for one script and do not produce a shared lossy key for Arabic and Latin.
The skeleton is lossy on purpose, so callers must restrict a match to a
country or a cue (see :mod:`rasd.gazetteer.store`).
"""
from __future__ import annotations

import re
import unicodedata

from .keys import strip_al

_AR = {"ب": "b", "ت": "t", "ث": "t", "ج": "j", "خ": "k", "د": "d", "ذ": "d", "ر": "r",
       "ز": "z", "س": "s", "ش": "s", "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "غ": "j",
       "ف": "f", "ق": "k", "ك": "k", "ل": "l", "م": "m", "ن": "n", "پ": "b", "چ": "s",
       "ڤ": "f", "گ": "j"}

_LATIN_ARTICLE = re.compile(r"(?:^|(?<=\s))(?:al|el|as|ash|ad|ar|az|at|an|ath|adh|ul|ad-|a)[-’'ʼʻ`\s]+")
_LATIN_DIGRAPHS = (("kh", "k"), ("sh", "s"), ("ch", "s"), ("th", "t"), ("dh", "d"), ("gh", "j"),
                   ("ph", "f"), ("ou", "u"), ("dj", "j"))
_LATIN_MAP = str.maketrans({"q": "k", "c": "j", "g": "j", "v": "f", "p": "b", "x": "h",
                            "ı": "i", "ł": "l", "ø": "o", "ß": "s"})
_LATIN_DROP = re.compile(r"[aeiouyhw\W\d_]+")
_DOUBLE = re.compile(r"(.)\1+")


def latin_skeleton(name: str) -> str:
    """Skeleton of a Latin-script name ("Khan Al-Asal" → ``knsl``)."""
    s = unicodedata.normalize("NFKD", name.lower())
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = _LATIN_ARTICLE.sub(" ", s)
    for a, b in _LATIN_DIGRAPHS:
        s = s.replace(a, b)
    s = _LATIN_DROP.sub("", s.translate(_LATIN_MAP))
    return _DOUBLE.sub(r"\1", s)


def arabic_skeleton(key: str) -> str:
    """Skeleton of a normalized Arabic name («خان العسل» → ``knsl``)."""
    out = []
    for word in key.split():
        for ch in strip_al(word):
            c = _AR.get(ch)
            if c:
                out.append(c)
    return _DOUBLE.sub(r"\1", "".join(out))
