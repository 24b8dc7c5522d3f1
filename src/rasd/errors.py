"""Typed errors with stable codes.

Every error rasd raises on purpose derives from :class:`RasdError` and carries a
``code`` that never changes between releases, so scripts and the API can branch
on it. Messages name the article (or input line) and the reason.
"""
from __future__ import annotations


class RasdError(Exception):
    """Base of all rasd errors."""

    code = "RASD000"

    def __init__(self, message: str, *, article_id: str | None = None,
                 source: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.article_id = article_id
        self.source = source

    def __str__(self) -> str:
        where = []
        if self.source:
            where.append(self.source)
        if self.article_id:
            where.append(f"article {self.article_id}")
        prefix = f"[{self.code}] " + (": ".join(where) + ": " if where else "")
        return prefix + self.message

    def as_dict(self) -> dict:
        """A JSON-friendly form for logs and the API."""
        return {"code": self.code, "message": self.message,
                "article_id": self.article_id, "source": self.source}


class InputError(RasdError):
    """An input article or file cannot be read or is invalid."""

    code = "RASD100"


class EmptyTextError(InputError):
    code = "RASD101"


class MissingIdError(InputError):
    code = "RASD102"


class DecodeError(InputError):
    code = "RASD103"


class MalformedLineError(InputError):
    code = "RASD104"


class UnreadableFileError(InputError):
    code = "RASD105"


class InvalidDateError(InputError):
    code = "RASD106"


class PipelineError(RasdError):
    """A pipeline is wrongly assembled or a stage failed."""

    code = "RASD200"


class ContractError(PipelineError):
    """A stage requires a layer that no earlier stage provides."""

    code = "RASD201"


class UnknownStageError(PipelineError):
    code = "RASD202"


class StageError(PipelineError):
    """A stage raised while processing one article."""

    code = "RASD203"


class ResourceError(RasdError):
    """A bundled data file is missing, corrupt or does not match the manifest."""

    code = "RASD300"


class UnknownActorError(ResourceError):
    """An actor key or alias that the actor dictionary does not know."""

    code = "RASD310"


class StoreError(RasdError):
    """The event store cannot be opened, migrated or written."""

    code = "RASD400"


class ExportError(RasdError):
    code = "RASD500"
