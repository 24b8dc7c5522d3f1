"""Stages and the pipeline that runs them.

A stage is a small object with a ``name``, the layers it ``requires`` and the
layers it ``provides``, and ``__call__(doc) -> Document``. :class:`Pipeline`
checks when it is built that every requirement is provided by an earlier
stage, so a mis-assembled pipeline fails before it reads a single article.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Iterator, Protocol, Sequence, runtime_checkable

from .document import Article, Document
from .errors import ContractError, RasdError, StageError

#: layers every document has before the first stage runs
BASE_LAYERS: frozenset[str] = frozenset({"article"})


@runtime_checkable
class Stage(Protocol):
    """What the pipeline expects of a stage."""

    name: str
    requires: tuple[str, ...]
    provides: tuple[str, ...]

    def __call__(self, doc: Document) -> Document: ...


@dataclass(frozen=True)
class Result:
    """The outcome for one article: the final document, or the error."""

    article: Article
    doc: Document | None
    error: RasdError | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


class Pipeline:
    """An ordered, contract-checked sequence of stages."""

    def __init__(self, stages: Sequence[Stage]) -> None:
        self.stages: tuple[Stage, ...] = tuple(stages)
        self.provides: frozenset[str] = self._check(self.stages)

    @staticmethod
    def _check(stages: Sequence[Stage]) -> frozenset[str]:
        have = set(BASE_LAYERS)
        seen: set[str] = set()
        for stage in stages:
            if not isinstance(stage, Stage):
                raise ContractError(f"{stage!r} is not a stage (name/requires/provides/__call__)")
            if stage.name in seen:
                raise ContractError(f"stage {stage.name!r} appears twice")
            seen.add(stage.name)
            missing = [r for r in stage.requires if r not in have]
            if missing:
                raise ContractError(
                    f"stage {stage.name!r} requires {', '.join(missing)}, "
                    f"which no earlier stage provides (have: {', '.join(sorted(have))})")
            have.update(stage.provides)
        return frozenset(have)

    @classmethod
    def from_names(cls, names: Iterable[str], **options: dict) -> "Pipeline":
        """Build from registered stage names; ``options[name]`` configures a stage."""
        from . import registry
        return cls([registry.create(n, **options.get(n, {})) for n in names])

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.stages]

    def __call__(self, article: Article) -> Document:
        """Run every stage on one article; a stage's failure becomes a StageError."""
        doc = Document(article)
        for stage in self.stages:
            try:
                doc = stage(doc)
            except RasdError:
                raise
            except (ValueError, KeyError, IndexError, TypeError, AttributeError,
                    ArithmeticError, RecursionError) as exc:
                # Why: one bad article must not stop a batch; the message names
                # the stage and the article so it can be reproduced.
                raise StageError(f"stage {stage.name!r} failed: {type(exc).__name__}: {exc}",
                                 article_id=article.id, source=article.source) from exc
        return doc

    def run(self, articles: Iterable[Article]) -> Iterator[Result]:
        """Process a stream; errors are yielded as results, the batch goes on."""
        for article in articles:
            try:
                yield Result(article, self(article))
            except RasdError as exc:
                yield Result(article, None, exc)
