"""The extraction API used by every adapter (CLI, store, API, Spark).

    >>> from rasd.extract import Extractor
    >>> ex = Extractor()
    >>> for result in ex.run(articles): ...
"""
from __future__ import annotations

import gc
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


_frozen = False
#: young-generation threshold while extracting (CPython's default is 700)
GC_YOUNG = 10_000


def _freeze_loaded() -> None:
    """Once per process: collect, freeze the survivors, and collect the young
    generation less often (see :class:`Extractor`)."""
    global _frozen
    if not _frozen:
        _frozen = True
        gc.collect()  # garbage is freed first, not frozen
        gc.freeze()
        young, middle, old = gc.get_threshold()
        if 0 < young < GC_YOUNG:
            gc.set_threshold(GC_YOUNG, middle, old)


class Extractor:
    """A pipeline plus record serialization.

    After the first article of the process (when the stages have loaded their
    resources) it moves what is loaded out of the garbage collector's sight
    (``gc.freeze``): the gazetteer, lexicons and caches live as long as the
    process, and without it every full collection walks them again, about a
    tenth of the extraction time. It also raises the young-generation threshold
    to :data:`GC_YOUNG`: a document makes thousands of small tuples that die
    with it, and collecting every 700 of them cost another ~5%.
    ``freeze_loaded=False`` leaves gc alone.
    """

    def __init__(self, stages: Sequence[str] = DEFAULT_STAGES, keep_doc: bool = False,
                 freeze_loaded: bool = True) -> None:
        self.pipeline = Pipeline.from_names(stages)
        self.version = pipeline_version()
        self.keep_doc = keep_doc
        self._freeze = freeze_loaded

    def extract(self, article: Article) -> Extraction:
        """Code one article; a failure is returned, not raised."""
        try:
            doc = self.pipeline(article)
        except RasdError as exc:
            return Extraction(article, (), exc)
        finally:
            if self._freeze:
                self._freeze = False
                _freeze_loaded()
        return Extraction(article, tuple(records_of(doc, self.version)), None,
                          doc if self.keep_doc else None)

    def run(self, articles: Iterable[Article]) -> Iterator[Extraction]:
        for article in articles:
            yield self.extract(article)
