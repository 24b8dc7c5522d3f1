"""The pipeline checks its contract when built, and keeps going past a bad article."""
from __future__ import annotations

import pytest

from rasd.document import Article, Document
from rasd.errors import ContractError, UnknownStageError
from rasd.pipeline import Pipeline


class Needs:
    name = "needs"
    requires = ("tokens",)
    provides = ("x",)

    def __call__(self, doc: Document) -> Document:
        return doc.with_layers(x=1)


class Boom:
    name = "boom"
    requires = ("article",)
    provides = ("y",)

    def __call__(self, doc: Document) -> Document:
        if doc.text == "bad":
            raise ValueError("cannot")
        return doc.with_layers(y=1)


def test_missing_requirement_fails_at_build_time():
    with pytest.raises(ContractError, match="requires tokens"):
        Pipeline([Needs()])


def test_unknown_stage_name_is_a_typed_error():
    with pytest.raises(UnknownStageError):
        Pipeline.from_names(["normalize", "no-such-stage"])


def test_stage_failure_is_reported_and_batch_continues():
    results = list(Pipeline([Boom()]).run([Article("a", "bad"), Article("b", "good")]))
    assert not results[0].ok and "a" in str(results[0].error) and "cannot" in str(results[0].error)
    assert results[1].ok and results[1].doc["y"] == 1


def test_documents_are_immutable():
    doc = Document(Article("a", "x"))
    doc2 = doc.with_layers(z=1)
    assert not doc.has("z") and doc2["z"] == 1
    with pytest.raises(TypeError):
        doc2.layers["z"] = 2  # type: ignore[index]
