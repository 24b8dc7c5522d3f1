"""Pipeline configuration: which stages run, in which order."""
from __future__ import annotations

from . import __version__

#: the stages of the default extraction pipeline, in order
DEFAULT_STAGES: tuple[str, ...] = (
    "normalize", "segment", "numbers", "dates", "places", "actors", "sources", "cues", "events")


def pipeline_version() -> str:
    """Code version plus resource-set version: stored with every record."""
    from .resources import resources_version
    return f"{__version__}+res{resources_version()}"
