"""The compiled number-word lexicon: every folded surface form → what it is.

Built once from ``lexicons/numbers.toml`` plus pyarabic's ``NUMBER_WORDS``
table (pyarabic knows the plain cardinal forms; it has no duals of nouns, no
«عشرات», no definite or clitic forms, no ordinals-as-non-counts and no
qualifiers, so those are data here). Every form is expanded with the
proclitics and, where it is grammatical and unambiguous, the article, so that
the stage does one dict lookup per token.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

from pyarabic.number_const import NUMBER_WORDS

from ..resources import load_toml
from .arabic import normalize_key

NUMBERS = "lexicons/numbers.toml"
_CONJ = ("و", "ف")
_PREP = ("ب", "ل")  # not ك: «كميات» is quantities, not «ك» + «مئات»
# words that are numbers only without the article: «الاثنين» is Monday,
# «الست» the lady, «الواحد» "per"
_NO_ARTICLE = frozenset(normalize_key(w) for w in (
    "واحد", "واحدة", "واحدا", "اثنان", "اثنين", "اثنتان", "اثنتين", "ست", "عشر"))
# prefixed forms that are other words («لست» "I am not»)
_BLOCKED = frozenset(normalize_key(w) for w in ("لست", "ولست", "فلست", "بست", "فست"))


@dataclass(frozen=True, slots=True)
class NumWord:
    """One analysed surface form."""

    # unit teen_unit ten hundred scale scale_plural scale_dual vague ordinal
    # dual plural_dual duration_dual
    kind: str
    value: int
    conj: bool = False  # begins with و/ف («وعشرين»)
    head: str | None = None  # singular of a dual noun
    prefix: int = 0  # letters of clitics and article before the stem


@dataclass(frozen=True)
class NumberLexicon:
    """Lookup tables for the numbers stage (all keys folded)."""

    words: dict[str, NumWord]
    teen_makers: frozenset[str]  # «عشر», «عشره»
    twos: frozenset[str]  # «اثنين», «اثنان», … (for «اثنين مدنيين»)
    qual_before: dict[tuple[str, ...], str]
    qual_after: dict[tuple[str, ...], str]
    context: dict[str, frozenset[str]]
    multi_after: dict[str, frozenset[tuple[str, ...]]]  # two-word contexts («في المئه»)
    count_nouns: frozenset[str]  # nouns that make a four-digit number a count


def _prefixes(article: bool) -> list[str]:
    """Clitic chains: (و|ف)? (ب|ل|ك)? and, when allowed, the article."""
    out = [""]
    for c in ("", *_CONJ):
        for p in ("", *_PREP):
            if c or p:
                out.append(c + p)
            if article:
                art = "ل" if p == "ل" else "ال"  # ل + ال → لل
                out.append(c + p + art)
    return out


def _add(words: dict[str, NumWord], form: str, word: NumWord, article: bool) -> None:
    for pre in _prefixes(article and form not in _NO_ARTICLE):
        key = pre + form
        if key in _BLOCKED or key in words:  # first analysis wins; bare forms come first
            continue
        conj = pre[:1] in _CONJ
        words[key] = NumWord(word.kind, word.value, conj, word.head, len(pre))


def _dual_forms(singular: str) -> tuple[str, str]:
    """(oblique …ين, nominative …ان) duals of a folded singular («طفله» → «طفلتين»)."""
    stem = singular[:-1] + "ت" if singular.endswith("ه") else singular
    return stem + "ين", stem + "ان"


def _base_words(data: dict) -> dict[str, NumWord]:
    """Cardinal and ordinal forms: pyarabic's table, then ours (which wins)."""
    base: dict[str, NumWord] = {}
    for w, v in NUMBER_WORDS.items():
        key = normalize_key(w)
        if v == 0 or key in ("احد", "احدي", "اثني", "اثنا"):  # teen-only forms, below
            continue
        kind = "unit" if v <= 10 else "ten" if v < 100 else "hundred" if v < 1000 else "scale"
        base[key] = NumWord(kind, v)
    for table, kind in (("units", "unit"), ("teen_units", "teen_unit"), ("tens", "ten"),
                        ("hundreds", "hundred"), ("scales", "scale"),
                        ("scale_plurals", "scale_plural"), ("scale_duals", "scale_dual"),
                        ("ordinals", "ordinal")):
        for w, v in data[table].items():
            base[normalize_key(w)] = NumWord(kind, int(v))
    return base


@functools.lru_cache(maxsize=1)
def number_lexicon() -> NumberLexicon:
    """The compiled lexicon (built once per process)."""
    data = load_toml(NUMBERS)
    words: dict[str, NumWord] = {}
    base = _base_words(data)
    for key, w in base.items():
        _add(words, key, w, article=w.kind in ("unit", "ten", "scale_plural"))
    for w, v in data["vague"].items():
        _add(words, normalize_key(w), NumWord("vague", int(v)), article=False)
    for kind, section in (("dual", "nouns"), ("plural_dual", "sound_plural")):
        for noun in data["duals"][section]:
            sing = normalize_key(noun)
            oblique, nominative = _dual_forms(sing)
            _add(words, nominative, NumWord("dual", 2, head=sing), article=True)
            _add(words, oblique, NumWord(kind, 2, head=sing), article=True)
    for noun in data["context"]["duration_duals"]:
        sing = normalize_key(noun)
        for form in _dual_forms(sing):
            _add(words, form, NumWord("duration_dual", 2, head=sing), article=True)
    ctx = data["context"]
    single = {name: frozenset(normalize_key(w) for w in ctx[name] if " " not in w)
              for name in ctx if name != "duration_duals"}
    multi = {name: frozenset(tuple(normalize_key(w).split()) for w in ctx[name] if " " in w)
             for name in ctx if name != "duration_duals"}
    nouns = [normalize_key(n) for n in data["duals"]["nouns"] + data["duals"]["sound_plural"]]
    return NumberLexicon(
        words=words,
        teen_makers=frozenset({"عشر", "عشره"}),
        twos=frozenset(normalize_key(w) for w in ("اثنان", "اثنين", "اثنتان", "اثنتين")),
        qual_before=_qualifiers(data["qualifiers"]["before"]),
        qual_after=_qualifiers(data["qualifiers"]["after"]),
        context=single,
        multi_after=multi,
        count_nouns=frozenset(nouns + [n + "ا" for n in nouns]))


def _qualifiers(table: dict[str, str]) -> dict[tuple[str, ...], str]:
    """Qualifier word sequences, the first word also behind و ب ل («بنحو», «لأكثر من»)."""
    out: dict[tuple[str, ...], str] = {}
    for phrase, label in table.items():
        words = normalize_key(phrase).split()
        for pre in ("", "و", "ب", "ل", "وب", "ول"):
            out[(pre + words[0], *words[1:])] = label
    return out
