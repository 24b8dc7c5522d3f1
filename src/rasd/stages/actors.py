"""actors: who acts in the text, named as ACLED names them (layer ``actors``).

Thin wrapper over :mod:`rasd.actors`: dictionary lookup with clitics and
modifier heads, resolution by the country of the sentence or article and
the publication date. The layer is a tuple of
:class:`~rasd.mentions.ActorMention` sorted by position; each keeps its
dictionary ``key`` so that an event can re-resolve it for its own country
with :func:`rasd.actors.resolve`.
"""
from __future__ import annotations

from ..actors import find_actors
from ..document import Document
from ..registry import register


@register("actors")
class Actors:
    """Actor mentions resolved for country and date."""

    name = "actors"
    requires: tuple[str, ...] = ("norm", "tokens")
    provides: tuple[str, ...] = ("actors",)

    def __call__(self, doc: Document) -> Document:
        mentions, _ctx = find_actors(doc)
        return doc.with_layers(actors=mentions)
