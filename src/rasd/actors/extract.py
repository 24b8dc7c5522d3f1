"""Find and resolve the actors of one document (used by the ``actors`` stage).

Two passes over the tokens: the actor dictionary (longest match, clitics,
modifier heads, blocked phrases) and the country indicators. Each mention is
then resolved for the country of its sentence (else of the article), with
the article's other countries as weaker evidence, on the publication date.
"""
from __future__ import annotations

import functools
from datetime import date
from typing import Sequence

from ..document import Document, Span
from ..mentions import ActorMention, Token
from ..text.arabic import DELETE
from .country import CountryContext, estimate, sentence_bounds
from .dictionary import BLOCK, load
from .matcher import Hit, Matcher
from .resolve import choose_cached

@functools.lru_cache(maxsize=1)
def actor_matcher() -> Matcher[str]:
    """Matcher of the bundled actor aliases (values are term keys or BLOCK)."""
    d = load()
    head_only = frozenset(k for k, t in d.terms.items() if t.head_only)
    return Matcher(d.aliases, d.heads, d.connectors, head_only)


#: [(the last tokens, their texts)]: one tuple, read once, so the pair is always whole
_last_texts: list[tuple[object, tuple[str | None, ...]]] = [(None, ())]


def token_texts(tokens: Sequence[Token]) -> tuple[str | None, ...]:
    """Token texts for matching; None for punctuation (phrases never cross it).

    The same tuple for the same tokens as the call before (the actors and sources
    stages read one document's tokens in turn): the matchers then share their
    per-token work (:mod:`rasd.actors.matcher`). That second call lets the
    tokens go (they are freed with their document, not with the next one's).
    """
    last = _last_texts[0]
    if last[0] is tokens:
        _last_texts[0] = (None, ())
        return last[1]
    texts = tuple([None if t.kind == "punct" else t.text for t in tokens])
    if isinstance(tokens, tuple):  # (a list might change before the next call)
        _last_texts[0] = (tokens, texts)
    return texts


def evidence_span(doc: Document, nstart: int, nend: int) -> Span:
    """The raw span of ``[nstart, nend)``, with the marks that end its last word
    (diacritics, tatweel) so that the evidence shows whole words."""
    span = doc.raw_span(nstart, nend)
    text, end = doc.text, span.end
    while end < len(text) and text[end] in DELETE:
        end += 1
    return Span(span.start, end) if end != span.end else span


#: rule suffix for the proclitic on the first word: the preposition if any
#: («لداعش» → clitic_l: an agent marker, "by IS"), else the conjunction
CLITIC_NAMES = {"ل": "l", "ب": "b", "ك": "k", "و": "w", "ف": "f"}


def _rule(hit: Hit[str], first_word: str) -> str:
    """How the mention was found: alias / generated, after a modifier head, with a clitic."""
    rule = ("head+" if hit.head is not None else "") + (
        "generated" if load().terms[hit.value].generated else "alias")
    if hit.cut:
        rule += ".clitic_" + CLITIC_NAMES.get(first_word[hit.cut - 1], "x")
    return rule


def find_actors(doc: Document) -> tuple[tuple[ActorMention, ...], CountryContext]:
    """The actor mentions of ``doc`` (sorted by position) and its country context."""
    tokens: Sequence[Token] = doc["tokens"]
    texts = token_texts(tokens)
    hits = actor_matcher().find(texts, skip=BLOCK)
    d = load()
    pointed = [(h.last, d.terms[h.value].indicates) for h in hits if d.terms[h.value].indicates]
    starts = [t.nstart for t in tokens]
    ctx = estimate(texts, starts, sentence_bounds(doc.norm.text, doc.get("sentences")),
                   pointed)  # type: ignore[arg-type]
    when: date | None = doc.article.published
    mentions = []
    secondary = ctx.secondary
    for h in hits:
        country = ctx.at(h.first)
        fallback = tuple(c for c in secondary if c != country)
        # the sentence's country is a guess unless it is the article's: only then is a
        # foreign state's force coded as external (inter 8) here
        res = choose_cached(h.value, country, when, fallback, country == ctx.main)
        if res is None:
            continue
        nstart, nend = tokens[h.first].nstart + h.cut, tokens[h.last].nend
        span = evidence_span(doc, nstart, nend)
        mentions.append(ActorMention(
            res.actor, nstart, nend, span, doc.text[span.start:span.end],
            _rule(h, texts[h.first] or ""),
            res.confidence, key=h.value, alternatives=res.alternatives, context=country))
    return tuple(mentions), ctx
