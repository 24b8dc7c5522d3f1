"""sources: who the text credits for its information (layer ``sources``).

A source («المرصد السوري لحقوق الإنسان», «مصادر طبية», «وكالة الأنباء
السعودية»), or a role of an actor («المتحدث باسم قوات التحالف»), is kept
only inside a crediting construction, and the construction sets the
confidence:

- a crediting word right before it («بحسب المرصد», «وفقاً لمصادر طبية»,
  «نقلا عن شهود عيان»): 0.95, or 0.85 with a word or two between
  («بحسب حصيلة للمرصد»);
- «عن» right before it with a reporting verb earlier in the sentence
  («نقلت وكالة رويترز عن مصادر طبية»): 0.85;
- a reporting verb before it («وقال مدير المرصد»): 0.9 adjacent, less with
  words between; the window stops at «أن»/«إن», where the reported content
  starts;
- the source before a reporting verb («المرصد السوري قال»): 0.6.

Names with {country} («Ministry of Interior ({country})») take the country of
an adjective that follows («وزارة الداخلية المصرية»), else of the sentence
or the article (rasd.actors country indicators). Lexicon:
resources/lexicons/sources.toml.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Sequence

from .. import resources
from ..actors.country import CountryContext, estimate, sentence_bounds
from ..actors.dictionary import BLOCK, load, tokens_of
from ..actors.extract import actor_matcher, evidence_span, token_texts
from ..actors.matcher import Hit, Matcher, clitic_variants
from ..actors.resolve import choose_cached
from ..document import Document
from ..mentions import SourceMention, Token
from ..registry import register
from ..text.arabic import strip_article

LEXICON = "lexicons/sources.toml"
#: punctuation that does not break a crediting construction («بحسب "المرصد"»)
TRANSPARENT = frozenset("«»\"“”'‘’()")
STRICT_BEFORE, NEAR_BEFORE, WEAK_BEFORE = 0.95, 0.85, 0.85
VERB_CONF = (0.9, 0.85, 0.8, 0.75, 0.7)  # by the number of words between verb and source
VERB_AFTER = 0.6


@dataclass(frozen=True, slots=True)
class Entry:
    """A source, or a role that takes an actor («Spokesperson of {actor}»)."""

    name: str
    kind: str
    confidence: float = 1.0
    role: bool = False


@dataclass
class Lexicon:
    """The sources lexicon, compiled."""

    sources: Matcher[Entry]
    roles: Matcher[Entry]
    cues: Matcher[str]
    verbs: frozenset[str]
    stops: frozenset[str]
    max_gap_before: int
    max_gap_verb: int
    max_gap_after: int


def _phrases(rows: list[dict], key: str, role: bool = False) -> dict[tuple[str, ...], Entry]:
    out: dict[tuple[str, ...], Entry] = {}
    for row in rows:
        entry = Entry(row["name"], row.get("kind", "organization"),
                      float(row.get("confidence", 1.0)), role)
        for alias in row[key]:
            out[tokens_of(alias)] = entry
    return out


@functools.lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The bundled sources lexicon (loaded once)."""
    data = resources.load_toml(LEXICON)
    cues = data["cues"]
    cue_phrases = {tokens_of(c): "before" for c in cues["before"]}
    cue_phrases.update({tokens_of(c): "weak" for c in cues.get("weak_before", [])})
    return Lexicon(
        Matcher(_phrases(data["source"], "aliases")),
        Matcher(_phrases(data.get("role", []), "words", role=True)),
        Matcher(cue_phrases),
        frozenset(tokens_of(v)[0] for v in cues["verbs"]),
        frozenset(tokens_of(v)[0] for v in cues.get("stops", [])),
        int(cues.get("max_gap_before", 2)), int(cues.get("max_gap_verb", 4)),
        int(cues.get("max_gap_after", 3)))


class _Scan:
    """Per-document state: token texts, cue positions, lazily the country context."""

    def __init__(self, doc: Document, lex: Lexicon) -> None:
        self.doc, self.lex = doc, lex
        self.tokens: Sequence[Token] = doc["tokens"]
        self.texts = token_texts(self.tokens)
        self._kinds: dict[int, str] | None = None
        self._ctx: CountryContext | None = None

    @property
    def kinds(self) -> dict[int, str]:
        """Crediting cue kind by the index of the cue's last word; found on first use
        (a text with no source named never needs them)."""
        if self._kinds is None:
            self._kinds = {h.last: h.value for h in self.lex.cues.find(self.texts)}
        return self._kinds

    @property
    def ctx(self) -> CountryContext:
        if self._ctx is None:
            starts = [t.nstart for t in self.tokens]
            self._ctx = estimate(self.texts, starts, sentence_bounds(
                self.doc.norm.text, self.doc.get("sentences")))
        return self._ctx

    def is_verb(self, i: int) -> bool:
        w = self.texts[i]
        return w is not None and any(v in self.lex.verbs for v, _c in clitic_variants(w))

    def _walk(self, i: int, step: int, limit: int) -> list[int]:
        """Word indices from ``i`` in direction ``step``, skipping transparent punctuation,
        up to ``limit`` words, stopping at other punctuation and at stop words."""
        out: list[int] = []
        while 0 <= i < len(self.texts) and len(out) < limit:
            w = self.texts[i]
            if w is None:
                if self.tokens[i].text not in TRANSPARENT:
                    break
            elif any(v in self.lex.stops for v, _c in clitic_variants(w)):
                break
            else:
                out.append(i)
            i += step
        return out

    def confidence(self, first: int, last: int) -> float:
        """How surely the words at ``first..last`` are credited; 0 when they are not."""
        lex = self.lex
        before = self._walk(first - 1, -1, max(lex.max_gap_before, lex.max_gap_verb) + 1)
        for gap, j in enumerate(before):
            kind = self.kinds.get(j)
            if kind == "before" and gap <= lex.max_gap_before:
                return STRICT_BEFORE if gap == 0 else NEAR_BEFORE
            if kind == "weak" and gap == 0 and any(self.is_verb(k) for k in
                                                   self._walk(j - 1, -1, 8)):
                return WEAK_BEFORE
            if self.is_verb(j) and gap <= lex.max_gap_verb:
                return VERB_CONF[min(gap, len(VERB_CONF) - 1)]
        after = self._walk(last + 1, 1, lex.max_gap_after)
        return VERB_AFTER if any(self.is_verb(j) for j in after) else 0.0

    def country_after(self, last: int) -> tuple[str | None, int]:
        """The country of a nisba adjective right after ``last`` («المصرية»), and its index."""
        j = last + 1
        if j < len(self.texts) and self.texts[j] is not None:
            w = strip_article(self.texts[j])  # type: ignore[arg-type]
            for form in (w, w[:-1] if w.endswith("ه") else w):
                country = load().adjectives.get(form)
                if country:
                    return country, j
        return None, last

    def mention(self, hit: Hit[Entry], conf: float) -> SourceMention | None:
        entry, first, last = hit.value, hit.first, hit.last
        name = entry.name
        if entry.role:
            actor = actor_matcher().match_at(self.texts, last + 1)
            if actor is None or actor.value == BLOCK:
                return None
            country = self.ctx.at(first)
            res = choose_cached(actor.value, country, self.doc.article.published,
                                tuple(c for c in self.ctx.secondary if c != country))
            if res is None:
                return None
            name, last = name.format(actor=res.actor.name), actor.last
        elif "{country}" in name:
            country, last = self.country_after(last)
            country = country or self.ctx.at(first)
            name = name.format(country=country) if country else name.replace(" ({country})", "")
        nstart = self.tokens[first].nstart + hit.cut
        nend = self.tokens[last].nend
        span = evidence_span(self.doc, nstart, nend)
        return SourceMention(name, nstart, nend, span, self.doc.text[span.start:span.end],
                             "sources.credit", round(conf * entry.confidence, 3), entry.kind)


def find_sources(doc: Document) -> tuple[SourceMention, ...]:
    """The credited sources of ``doc``, sorted by position."""
    lex = lexicon()
    scan = _Scan(doc, lex)
    hits = lex.sources.find(scan.texts) + lex.roles.find(scan.texts)
    out = []
    taken: set[int] = set()
    for hit in sorted(hits, key=lambda h: (h.first, -h.last)):
        if hit.first in taken:
            continue
        conf = scan.confidence(hit.first, hit.last)
        if conf <= 0:
            continue
        m = scan.mention(hit, conf)
        if m is not None:
            out.append(m)
            taken.update(range(hit.first, hit.last + 1))
    return tuple(sorted(out, key=lambda m: m.nstart))


@register("sources")
class Sources:
    """Reporting sources in crediting constructions."""

    name = "sources"
    requires: tuple[str, ...] = ("norm", "tokens")
    provides: tuple[str, ...] = ("sources",)

    def __call__(self, doc: Document) -> Document:
        return doc.with_layers(sources=find_sources(doc))
