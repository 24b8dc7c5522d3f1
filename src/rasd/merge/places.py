"""Which city a neighbourhood belongs to, from the bundled gazetteer.

The merge rule links a report located at a city with one located at one of
its neighbourhoods (:func:`rasd.merge.rules.place_relation`); records carry
only the pcode, so the hierarchy comes from the gazetteer rows' ``parent``.
"""
from __future__ import annotations

import functools

from ..gazetteer.store import GID, PARENT, PCODE, gazetteer


@functools.lru_cache(maxsize=1)
def parents() -> dict[str, str]:
    """pcode of each neighbourhood -> pcode of its city."""
    rows = gazetteer().rows
    pcode_of = {r[GID]: r[PCODE] for r in rows if r[PCODE]}
    return {r[PCODE]: pcode_of[r[PARENT]] for r in rows
            if r[PARENT] and r[PCODE] and r[PARENT] in pcode_of}


def parent_of(pcode: str) -> str | None:
    """The city pcode of a neighbourhood pcode, else None (the store's default)."""
    return parents().get(pcode)
