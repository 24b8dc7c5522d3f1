"""normalize: raw text → normalized text with an offset map (layer ``norm``)."""
from __future__ import annotations

from ..document import Document, NormText
from ..registry import register
from ..text.arabic import clean_chars, fold
from ..text.unglue import Unglue


def normalize_text(raw: str, unglue: Unglue | None = None) -> NormText:
    """Clean, restore lost spaces, fold; every character keeps its raw index."""
    clean, offsets = clean_chars(raw)
    points = (unglue or Unglue()).points(clean)
    if points:
        parts: list[str] = []
        offs: list[int] = []
        prev = 0
        for p in points:
            parts.append(clean[prev:p])
            offs.extend(offsets[prev:p])
            parts.append(" ")
            # the inserted space stands for no raw character: it maps to the
            # raw index of the character that follows it
            offs.append(offsets[p] if p < len(offsets) else len(raw))
            prev = p
        parts.append(clean[prev:])
        offs.extend(offsets[prev:])
        clean, offsets = "".join(parts), offs
    offsets.append(len(raw))
    return NormText(fold(clean), tuple(offsets))


@register("normalize")
class Normalize:
    """Diacritics, tatweel, letter folding, digits, glued words; keeps offsets."""

    name = "normalize"
    requires: tuple[str, ...] = ("article",)
    provides: tuple[str, ...] = ("norm",)

    def __init__(self, unglue: Unglue | None = None) -> None:
        self.unglue = unglue or Unglue()

    def __call__(self, doc: Document) -> Document:
        return doc.with_layers(norm=normalize_text(doc.text, self.unglue))
