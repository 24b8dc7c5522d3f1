"""The extraction API used by every adapter (CLI, store, API, Spark).

    >>> from rasd.extract import Extractor
    >>> ex = Extractor()
    >>> for result in ex.run(articles): ...
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable, Iterator, Sequence

from .config import DEFAULT_STAGES, pipeline_version
from .document import Article, Document
from .errors import RasdError
from .pipeline import Pipeline
from .records import Record

#: layers whose records are emitted, in this order
RECORD_LAYERS: tuple[str, ...] = ("events", "tallies", "statements")


@dataclass(frozen=True)
class Extraction:
    """Records coded from one article, or the error that stopped it."""

    article: Article
    records: tuple[dict[str, Any], ...] = ()
    error: RasdError | None = None
    doc: Document | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def records_of(doc: Document, version: str) -> list[dict[str, Any]]:
    """The JSON records of a processed document."""
    out = []
    for layer in RECORD_LAYERS:
        for rec in doc.get(layer, ()):
            assert isinstance(rec, Record)
            out.append(rec.to_dict(doc.article, version))
    return out


class Extractor:
    """A pipeline plus record serialization."""

    def __init__(self, stages: Sequence[str] = DEFAULT_STAGES, keep_doc: bool = False) -> None:
        self.pipeline = Pipeline.from_names(stages)
        self.version = pipeline_version()
        self.keep_doc = keep_doc

    def extract(self, article: Article) -> Extraction:
        """Code one article; a failure is returned, not raised."""
        try:
            doc = self.pipeline(article)
        except RasdError as exc:
            return Extraction(article, (), exc)
        return Extraction(article, tuple(records_of(doc, self.version)), None,
                          doc if self.keep_doc else None)

    def run(self, articles: Iterable[Article]) -> Iterator[Extraction]:
        for article in articles:
            yield self.extract(article)
