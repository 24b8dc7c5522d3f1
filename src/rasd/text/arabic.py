"""Character-level Arabic normalization with an offset map.

Written by hand rather than with pyarabic because every change must keep a
map from each output character back to its raw position; pyarabic's
functions return strings only.

Two levels:
- :func:`clean_chars` removes diacritics, tatweel and invisible marks, turns
  presentation forms into letters (NFKC), Arabic-Indic and Persian digits into
  ASCII, odd spaces into a space, and keeps the raw index of every character;
- :func:`fold` maps letters for matching (alef/hamza forms to ا, ى to ي,
  ة to ه, ؤ to و, ئ to ي, ASCII to lower case). It is one-to-one, so
  offsets survive it unchanged.
Lexicons are folded with :func:`normalize_key` so that they match the
normalized text.
"""
from __future__ import annotations

import functools
import re
import unicodedata

_DELETE_RANGES = [(0x0610, 0x061A), (0x064B, 0x065F), (0x0670, 0x0670), (0x06D6, 0x06ED),
                  (0x0640, 0x0640), (0x200B, 0x200F), (0x202A, 0x202E), (0x2066, 0x2069),
                  (0xFEFF, 0xFEFF), (0x00AD, 0x00AD)]
DELETE = frozenset(chr(c) for a, b in _DELETE_RANGES for c in range(a, b + 1))

_SPACES = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a" \
          "\u202f\u205f\u3000\t\r\x0b\x0c"
_CONTROLS = "".join(chr(c) for c in list(range(0, 9)) + list(range(14, 32)) + [127])

#: one-to-one replacements applied while cleaning (digits, spaces, controls)
CLEAN_MAP: dict[str, str] = {}
for _i in range(10):
    CLEAN_MAP[chr(0x0660 + _i)] = str(_i)  # Arabic-Indic
    CLEAN_MAP[chr(0x06F0 + _i)] = str(_i)  # Persian
for _c in _SPACES + _CONTROLS:
    CLEAN_MAP[_c] = " "
CLEAN_MAP.update({"\u066b": ".", "\u066c": ",", "\u2028": "\n", "\u2029": "\n",
                  "\u06cc": "ي", "\u06a9": "ك", "\u06c1": "ه", "\u0649\u0654": "ي"})

#: one-to-one letter folding for matching
FOLD_MAP = {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا", "ى": "ي",
            "ة": "ه", "ؤ": "و", "ئ": "ي"}
FOLD_MAP.update({chr(c): chr(c + 32) for c in range(ord("A"), ord("Z") + 1)})
# str.replace per letter is ~9x faster than str.translate with a dict table on
# Arabic text; the same result, because no replacement is itself folded again
_FOLD_PAIRS = tuple(FOLD_MAP.items())
assert not set(FOLD_MAP.values()) & set(FOLD_MAP)


def _is_presentation(ch: str) -> bool:
    o = ord(ch)
    return 0xFB50 <= o <= 0xFDFF or 0xFE70 <= o <= 0xFEFC


def _char_class(chars) -> str:
    return "".join(re.escape(c) for c in sorted(chars))


# every character clean_chars does not copy as it is: most text has few, so
# the runs between them are copied whole (this is the hot loop of normalize)
_SPECIAL = re.compile("[" + _char_class(DELETE | {k for k in CLEAN_MAP if len(k) == 1})
                      + "\ufb50-\ufdff\ufe70-\ufefc]")


def _clean_char(ch: str, i: int, out: list[str], offsets: list[int]) -> None:
    """Append the cleaned form of one special character at raw index ``i``."""
    if ch in DELETE:
        return
    rep = CLEAN_MAP.get(ch)
    if rep is not None:
        out.append(rep)
        offsets.append(i)
        return
    for c in unicodedata.normalize("NFKC", ch):  # a presentation form
        if c in DELETE or c == " ":
            continue
        out.append(CLEAN_MAP.get(c, c))
        offsets.append(i)


def clean_chars(raw: str) -> tuple[str, list[int]]:
    """Clean ``raw``; return the text and the raw index of each of its characters."""
    out: list[str] = []
    offsets: list[int] = []
    pos = 0
    for m in _SPECIAL.finditer(raw):
        i = m.start()
        if i > pos:
            out.append(raw[pos:i])
            offsets.extend(range(pos, i))
        _clean_char(m.group(), i, out, offsets)
        pos = i + 1
    if pos == 0:
        return raw, list(range(len(raw)))
    out.append(raw[pos:])
    offsets.extend(range(pos, len(raw)))
    return "".join(out), offsets


def fold(text: str) -> str:
    """Letter folding for matching; one character in, one character out."""
    for a, b in _FOLD_PAIRS:
        if a in text:
            text = text.replace(a, b)
    return text


_WS = re.compile(r"\s+")


@functools.lru_cache(maxsize=1 << 16)
def normalize_key(text: str) -> str:
    """Normalize a lexicon or gazetteer entry the way the text is normalized.

    Cached: the geocoder and the in-article merge normalize the same gazetteer
    names and mentions again and again while extracting."""
    cleaned, _ = clean_chars(text)
    return _WS.sub(" ", fold(cleaned)).strip()


ARTICLE_PREFIXES = ("وال", "بال", "فال", "كال", "لل", "ال")


def strip_article(word: str) -> str:
    """Drop a leading article (with a clitic) when enough of the word remains."""
    for p in ARTICLE_PREFIXES:
        if word.startswith(p) and len(word) - len(p) >= 2:
            return word[len(p):]
    return word
