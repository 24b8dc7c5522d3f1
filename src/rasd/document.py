"""The immutable document that travels through the pipeline.

An :class:`Article` is what was read (raw text and metadata, never altered).
A :class:`Document` wraps it with *layers*: named, immutable results of the
stages (``norm``, ``tokens``, ``sentences``, ``places`` ...). A stage never
mutates a document; it returns a new one with its layers added
(:meth:`Document.with_layers`).

Stages work on the normalized text (``doc.norm.text``) and record every span
in original-text offsets via :meth:`Document.raw_span`.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from datetime import date
from types import MappingProxyType
from typing import Any, Mapping, NamedTuple


class Span(NamedTuple):
    """A half-open character range ``[start, end)`` in the article's raw text.

    A named tuple rather than a dataclass: documents hold hundreds of them and
    tuple construction is several times cheaper.
    """

    start: int
    end: int

    def as_list(self) -> list[int]:
        return [self.start, self.end]

    def cover(self, other: "Span") -> "Span":
        """The smallest span containing both."""
        return Span(min(self.start, other.start), max(self.end, other.end))


@dataclass(frozen=True, slots=True)
class Article:
    """One input article, exactly as read."""

    id: str
    text: str
    published: date | None = None
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    source: str | None = None  # where it was read from (file:line)
    meta: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))

    @property
    def content_hash(self) -> str:
        """SHA-256 of the raw text: the identity of this version of the article."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class NormText:
    """Normalized text with a map back to the raw text.

    ``offsets[i]`` is the raw index of normalized character ``i``; it has one
    extra final entry, ``len(raw)``, so that an end offset can be mapped.
    Characters inserted by normalization (a space restored between glued words)
    map to the raw index of the character that follows them.
    """

    text: str
    offsets: tuple[int, ...]

    def to_raw(self, nstart: int, nend: int) -> Span:
        """Map a normalized span to the raw span covering the same characters."""
        if nend <= nstart:
            pos = self.offsets[min(nstart, len(self.offsets) - 1)]
            return Span(pos, pos)
        start = self.offsets[nstart]
        # up to the next kept character: the marks normalization dropped after
        # the last letter (tanween, shadda, tatweel) belong to the word
        end = max(self.offsets[nend - 1] + 1, self.offsets[nend])
        return Span(start, end)


@dataclass(frozen=True)
class Document:
    """An article plus the immutable layers the stages have added."""

    article: Article
    layers: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))

    def with_layers(self, **new: Any) -> "Document":
        """A new document with ``new`` layers added (or replaced)."""
        merged = dict(self.layers)
        merged.update(new)
        return replace(self, layers=MappingProxyType(merged))

    def __getitem__(self, name: str) -> Any:
        return self.layers[name]

    def get(self, name: str, default: Any = None) -> Any:
        return self.layers.get(name, default)

    def has(self, name: str) -> bool:
        return name in self.layers

    @property
    def text(self) -> str:
        """The raw text (never altered)."""
        return self.article.text

    @property
    def norm(self) -> NormText:
        return self.layers["norm"]

    def raw_span(self, nstart: int, nend: int) -> Span:
        """Raw-text span of the normalized range ``[nstart, nend)``."""
        return self.norm.to_raw(nstart, nend)

    def raw(self, span: Span) -> str:
        """The raw text under ``span``."""
        return self.article.text[span.start:span.end]
