"""dates: date expressions resolved against the publication date (layer ``dates``).

Absolute dates («17 نوفمبر 2016», «17-11-2016», «2016/11/17», «ديسمبر 2014»)
resolve without a publication date; everything else — «اليوم», «أمس»,
«أمس الأول», «فجر اليوم», weekdays, «يومي السبت والأحد», «خلال يومين»,
«منذ أسبوع», «الأسبوع الماضي», «الشهر الماضي», a day and month without a
year, «في 15 من الشهر الجاري», «منتصف يوليو (تموز)» — is resolved against
``doc.article.published`` with ``relative=True``, and is skipped when the
article has no publication date. The resolution rules (past-biased, news
reports the past) are in :mod:`rasd.text.datewords`. Precision follows ACLED's
time_precision: 1 day, 2 week (or a span of several days), 3 month.

Why hand-written: the Arabic temporal taggers (HeidelTime's Arabic rules)
are Java resources, and dateparser/dateutil read whole date strings, not
expressions inside running Arabic text with offsets; the grammar here is a
handful of token patterns over the folded text.
"""
from __future__ import annotations

from ..document import Document
from ..mentions import DateMention, Token
from ..registry import register
from ..text.datematch import DateHit, DateMatcher
from ..text.datewords import HEAD, REPORT, DateLexicon, date_lexicon


def date_rule(h: DateHit) -> str:
    """The mention's rule; ``.report`` marks a date that tells when a source spoke,
    ``.head`` one whose sentence goes on with a relative clause holding another date."""
    return f"date.{h.rule}{HEAD if h.head else ''}{REPORT if h.report else ''}"


def find_dates(doc: Document, lex: DateLexicon | None = None) -> list[DateMention]:
    """Date mentions of a document with ``norm`` and ``tokens``, by position."""
    tokens: tuple[Token, ...] = doc["tokens"]
    matcher = DateMatcher(tokens, lex or date_lexicon(), doc.article.published)
    out = []
    for h in matcher.scan():
        a, b = tokens[h.first].nstart, tokens[h.last].nend
        span = doc.raw_span(a, b)
        out.append(DateMention(
            value=h.value, nstart=a, nend=b, span=span, text=doc.raw(span), rule=date_rule(h),
            precision=h.precision, start=h.start or h.value, relative=h.relative,
            confidence=h.confidence))
    return out


@register("dates")
class Dates:
    """Date expressions resolved against the publication date."""

    name = "dates"
    requires: tuple[str, ...] = ("norm", "tokens")
    provides: tuple[str, ...] = ("dates",)

    def __init__(self) -> None:
        self.lex = date_lexicon()

    def __call__(self, doc: Document) -> Document:
        return doc.with_layers(dates=tuple(find_dates(doc, self.lex)))
