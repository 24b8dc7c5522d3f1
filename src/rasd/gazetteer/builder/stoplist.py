"""Word statistics that tell place names from ordinary words (stoplist.toml).

Many gazetteer names are ordinary words («الحرب», «الجمعة»: Yemen alone has
41k village names; GeoNames gives Caen the Arabic «كان»). Three lists are
learned from the corpora under ../shared/data/corpus (only counts are kept,
never text):

- ``stop``: names found in two or more of the 500 non-conflict articles of
  saudinewsnet/negatives_sample.jsonl (five for a district or a town of 15,000
  people, which need more evidence) are words first, unless half their
  occurrences in all corpora follow a preposition or cue; prominent places
  (countries, governorates, capitals, cities of 100,000 people in the region)
  are never stopped. A stopped name is a place only after a cue («قرية الجمعة»).
- ``wordlike``: names that news rarely puts after a preposition or cue: of ten or more occurrences in all corpora, fewer than
  one in five follow «في», «من», «مدينة» ... («الجديدة» 1%, «عالية» 3%,
  «الخبر» 4%, while «جدة» is 72%, «حلب» 81%). Without a cue they need a
  locative preposition.
- ``common``: words in three or more non-conflict articles, or in five or more
  articles of all corpora while fewer than one in ten of their occurrences
  follows a place cue («قصفت»; «بلدة», «معسكر», not «أطراف», «موقع»: see
  ``noun`` in lexicon.toml). A word after a cue that the gazetteer lacks is
  taken for an unknown place name only when it is not common.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Iterator

from ...text.arabic import normalize_key
from ..keys import variants
from .entry import Entry

STOP_DF = 2
SALIENT_DF = 5
SALIENT_POP = 15_000
PROTECTED_POP = 100_000
COMMON_DF = 3
CORPUS_DF = 5
CUE_SHARE = 0.1
WORDLIKE_MIN = 10
WORDLIKE_SHARE = 0.3
STOP_SHARE = 0.5
_WORD = re.compile(r"[\u0621-\u064a]+")
_CLITICS = ("وب", "ول", "فب", "فل", "و", "ف", "ب", "ل")


def forms(word: str) -> set[str]:
    """The word and its readings with one proclitic removed («وبحلب» → «بحلب», «حلب»)."""
    out = {word}
    if word.startswith("لل") and len(word) > 4:
        out.add("ال" + word[2:])
    for p in _CLITICS:
        if word.startswith(p) and len(word) - len(p) >= 2:
            rest = word[len(p):]
            out.add(rest)
            if p == "و":
                out |= forms(rest)
    return out


def _threshold(e: Entry, tiers: dict[str, str]) -> int | None:
    """Non-conflict document frequency at which a name of ``e`` is a word (None: never)."""
    if e.level in ("country", "admin1", "region") or e.gid.startswith("HW:"):
        return None  # (places.toml lists places chosen because news names them as such)
    if tiers.get(e.cc) == "world":
        return SALIENT_DF if e.cap == "N" else STOP_DF
    if e.cap in ("N", "G") or e.pop >= PROTECTED_POP:
        return None
    if (e.level == "admin2" and e.cc in ("SY", "YE", "IQ")) or e.cap or e.pop >= SALIENT_POP:
        return SALIENT_DF
    return STOP_DF


def _spellings(e: Entry) -> list[str]:
    """The entry's names as the index spells them with quality 0 («صدد», «الصدد»)."""
    out: list[str] = []
    for k in e.ar:
        out += [v for v, q in variants(k.lstrip("~"), "a" in e.flags).items()
                if q == 0 and v not in out]
    return out


def _texts(path: Path) -> Iterator[list[str]]:
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield _WORD.findall(normalize_key(json.loads(line).get("text") or ""))


def negative_df(path: Path, multi: set[str]) -> Counter:
    """Non-conflict articles containing each word form and each multi-word key of ``multi``."""
    df: Counter = Counter()
    for words in _texts(path):
        seen: set[str] = set()
        for w in words:
            seen |= forms(w)
        for n in (2, 3):
            for i in range(len(words) - n + 1):
                for first in forms(words[i]):
                    gram = " ".join([first] + words[i + 1:i + n])
                    if gram in multi:
                        seen.add(gram)
        df.update(seen)
    return df


class CorpusStats:
    """Document frequencies, occurrences after a cue, and after a locative, over corpora."""

    def __init__(self, paths: list[Path], cues: set[str], locatives: set[str], keys: set[str],
                 strong: set[str] | None = None):
        self.df: Counter = Counter()
        self.occ: Counter = Counter()
        self.after_cue: Counter = Counter()
        self.after_loc: Counter = Counter()
        for path in paths:
            for words in _texts(path):
                self._count(words, strong if strong is not None else cues, locatives | cues, keys)

    def _count(self, words: list[str], cues: set[str], loc: set[str], keys: set[str]) -> None:
        seen: set[str] = set()
        prev: set[str] = set()
        for i, w in enumerate(words):
            fs = forms(w)
            seen |= fs
            cue, located = bool(prev & cues), bool(prev & loc) or w.startswith(("ب", "وب"))
            for f in fs:
                self.occ[f] += 1
                self.after_cue[f] += cue
                self.after_loc[f] += located and f in keys
                # a name of two or three words («ظهران الجنوب») counts as one
                for n in (2, 3):
                    gram = " ".join([f] + words[i + 1:i + n])
                    if gram in keys and i + n <= len(words):
                        self.occ[gram] += 1
                        self.after_loc[gram] += located
            prev = fs
        self.df.update(seen)

    def common(self) -> set[str]:
        return {w for w, n in self.df.items()
                if n >= CORPUS_DF and self.after_cue[w] < CUE_SHARE * self.occ[w]}

    def wordlike(self, keys: set[str]) -> set[str]:
        return {k for k in keys if self.occ[k] >= WORDLIKE_MIN
                and self.after_loc[k] < WORDLIKE_SHARE * self.occ[k]}


def build(entries: list[Entry], tiers: dict[str, str], negatives: Path, corpora: list[Path],
          cues: set[str], locatives: set[str], strong: set[str] | None = None
          ) -> dict[str, list[str]]:
    """The three lists, sorted. ``strong``: the cues that are no common nouns
    (lexicon.toml ``noun``), the only ones that keep a word out of ``common``:
    after «أطراف», «موقع» or «جبهة» a word is as often a common noun («أطراف النزاع»)."""
    threshold: dict[str, int | None] = {}
    for e in entries:
        t = _threshold(e, tiers)
        for k in _spellings(e):
            old = threshold.get(k, 0)
            threshold[k] = None if t is None or old is None else max(t, old)
    df = negative_df(negatives, {k for k in threshold if " " in k})
    stats = CorpusStats([negatives] + corpora, cues, locatives, set(threshold), strong)
    # a name that news puts after «في» or a cue half the time is a place, even
    # when non-conflict news mentions it («قاعدة العند»)
    stop = {k for k, t in threshold.items() if t is not None and df[k] >= t
            and stats.after_loc[k] < STOP_SHARE * max(1, stats.occ[k])}
    common = {w for w, n in df.items() if n >= COMMON_DF and " " not in w} | stats.common()
    wordlike = stats.wordlike({k for k in threshold if " " not in k}) - stop
    return {"stop": sorted(stop), "wordlike": sorted(wordlike), "common": sorted(common)}


def _array(name: str, words: list[str]) -> str:
    lines = [", ".join(json.dumps(w, ensure_ascii=False) for w in words[i:i + 12])
             for i in range(0, len(words), 12)]
    return f"{name} = [\n" + "".join(f"  {ln},\n" for ln in lines) + "]\n"


def write(lists: dict[str, list[str]], out: Path, version: str) -> None:
    """Write stoplist.toml (deterministic: sorted lists)."""
    body = "\n".join(_array(name, words) for name, words in lists.items())
    out.write_text(
        f'{body}\n[meta]\nversion = "{version}"\n'
        'description = "Place names that are common words (stop), salient names rarely used '
        'as places (wordlike), and common words (common), from corpus statistics"\n'
        'source = "built by scripts/build_gazetteer.py from word counts of '
        '../shared/data/corpus (negatives_sample.jsonl and the conflict corpora; no text kept)"\n',
        encoding="utf-8")
