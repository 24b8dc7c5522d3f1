"""Repair of words glued together by lost spaces («المدينةالشرقية»).

This baseline knows one sure sign: teh marbuta (ة) only ends a word, so a ة
followed by another letter marks a lost space. The lexicon-driven splitter
extends it (see :class:`Unglue`).
"""
from __future__ import annotations

import re

_MID_TEH = re.compile(r"ة(?=[\u0621-\u063a\u0641-\u064a])")


class Unglue:
    """Find positions in cleaned text where a lost space must be restored."""

    def points(self, clean: str) -> list[int]:
        """Indices (into ``clean``) before which a space is inserted, ascending."""
        return [m.end() for m in _MID_TEH.finditer(clean)]
