"""A registry of stage factories, looked up by name (like spaCy's factories).

Stage modules register themselves with :func:`register`; a pipeline is built
from a list of names. Importing :mod:`rasd.stages` registers the built-ins.
"""
from __future__ import annotations

from typing import Callable

from .errors import UnknownStageError

_FACTORIES: dict[str, Callable[..., object]] = {}


def register(name: str) -> Callable[[Callable[..., object]], Callable[..., object]]:
    """Class decorator: make a stage constructible by ``name``."""
    def wrap(factory: Callable[..., object]) -> Callable[..., object]:
        _FACTORIES[name] = factory
        return factory
    return wrap


def create(name: str, **options: object) -> object:
    """Instantiate the stage registered as ``name``."""
    _load_builtins()
    try:
        factory = _FACTORIES[name]
    except KeyError:
        raise UnknownStageError(
            f"no stage named {name!r}; known: {', '.join(sorted(_FACTORIES))}") from None
    return factory(**options)


def names() -> list[str]:
    """Names of all registered stages."""
    _load_builtins()
    return sorted(_FACTORIES)


def _load_builtins() -> None:
    from . import stages  # noqa: F401  (registers the built-in stages)
