"""segment: tokens, sentences and clauses of the normalized text.

Layers: ``tokens`` (tuple of :class:`Token`), ``sentences`` (tuple of
:class:`Sentence`, each with its clause ranges). Regex-based: Arabic news
punctuation is regular enough («.» «؟» «!» and line breaks end sentences;
«؛» «،» «:» and quotes «» delimit clauses), and this keeps the stage fast.
"""
from __future__ import annotations

import re

from ..document import Document, Span
from ..mentions import Sentence, Token
from ..registry import register

_TOKEN = re.compile(
    r"(?P<num>\d+(?:[.,]\d+)*)"
    r"|(?P<word>[\u0621-\u063a\u0641-\u064a\u0671-\u06d3\u06fa-\u06ffa-z\u00e0-\u024f]+)"
    r"|(?P<punct>[^\s\d\u0621-\u063a\u0641-\u064a\u0671-\u06d3\u06fa-\u06ffa-z\u00e0-\u024f])")
# a full stop between two digits is a decimal point, not a sentence end. Read:
# «(?<!\d)[.!?؟]+(?!\d) | \n+ | (?<=\d)[.](?!\d)», written so that every branch
# starts by consuming a character of one class: the regex engine then skips to
# those characters instead of trying the lookbehinds at every position (5x faster)
_SENT_END = re.compile(r"[.!?؟\n](?:(?<=\n)\n*|(?<=[.!?؟])(?<!\d.)[.!?؟]*(?!\d))"
                       r"|[.](?<=\d.)(?!\d)")
_CLAUSE_END = re.compile(r"[،؛;,:«»\"()\[\]]|\s[-–—]\s")


def tokenize(text: str) -> list[tuple[str, int, int, str]]:
    """(text, start, end, kind) for every token of normalized ``text``."""
    return [(m.group(), m.start(), m.end(), m.lastgroup or "punct") for m in _TOKEN.finditer(text)]


def _ranges(text: str, start: int, end: int, pattern: re.Pattern[str]) -> list[tuple[int, int]]:
    """Split ``text[start:end]`` at ``pattern``; trimmed, non-empty pieces."""
    out = []
    pos = start
    for m in pattern.finditer(text, start, end):
        out.append((pos, m.end()))
        pos = m.end()
    out.append((pos, end))
    trimmed = []
    for a, b in out:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            trimmed.append((a, b))
    return trimmed


@register("segment")
class Segment:
    """Tokens, sentences, clauses."""

    name = "segment"
    requires: tuple[str, ...] = ("norm",)
    provides: tuple[str, ...] = ("tokens", "sentences")

    def __call__(self, doc: Document) -> Document:
        text = doc.norm.text
        to_raw = doc.norm.to_raw
        sentences = []
        for i, (a, b) in enumerate(_ranges(text, 0, len(text), _SENT_END)):
            clauses = tuple(_ranges(text, a, b, _CLAUSE_END))
            sentences.append(Sentence(i, a, b, to_raw(a, b), clauses))
        return doc.with_layers(tokens=_tokens(text, doc.norm.offsets),
                               sentences=tuple(sentences))


def _tokens(text: str, offs: tuple[int, ...]) -> tuple[Token, ...]:
    """The tokens of ``text`` with their raw spans (``NormText.to_raw`` inlined).

    The hottest loop of the stage (an article has hundreds of tokens): the
    named tuples are built with ``tuple.__new__``, which skips their
    keyword-handling constructors (three times cheaper, same values).
    """
    new = tuple.__new__
    out = []
    append = out.append
    for m in _TOKEN.finditer(text):
        a, b = m.span()
        end = offs[b - 1] + 1
        after = offs[b]
        append(new(Token, (m.group(), a, b, new(Span, (offs[a], end if end > after else after)),
                           m.lastgroup or "punct")))
    return tuple(out)
