"""Frame word sets (``resources/lexicons/frames.toml``) and token tests on them."""
from __future__ import annotations

import functools
import re
from typing import Sequence

from ..mentions import Token
from ..resources import load_toml
from ..text.arabic import normalize_key
from ..text.lexicon import variants


#: how many tokens before a trigger (itself included) an intention word reaches:
#: «تستعد قوات النظام لشن غارات»
MODAL_WINDOW = 6


@functools.lru_cache(maxsize=None)
def words(kind: str) -> frozenset[str]:
    """The normalized words of one section of frames.toml."""
    return frozenset(normalize_key(w) for w in load_toml("lexicons/frames.toml")[kind]["words"])


@functools.lru_cache(maxsize=None)
def word_pattern(kind: str) -> re.Pattern[str]:
    """A pattern that finds any word of ``kind`` inside a text (as a substring:
    with proclitics, a word of the set is always one)."""
    return re.compile("|".join(re.escape(w) for w in sorted(words(kind), key=len, reverse=True)))


#: a word with the article, clitics allowed («الهجوم», «بالقذيفة», «للتفجير»): a definite
#: noun points back to someone or something the text already told of
DEFINITE = re.compile(r"^(?:[وف]?[بلك]?ال|[وف]?لل)")


def is_word(token: Token, kind: str) -> bool:
    """Does the token, with or without proclitics, belong to the set ``kind``?"""
    return not words(kind).isdisjoint(_forms(token.text))


@functools.lru_cache(maxsize=1 << 17)
def _forms(text: str) -> frozenset[str]:
    """The word and its stems without proclitics. Cached by text alone (not by
    text and kind): a news corpus has ~120,000 distinct words, and a cache keyed
    by both overflowed and thrashed."""
    return frozenset([text, *(v for v, _ in variants(text, 2))])


def any_before(tokens: Sequence[Token], i: int, kind: str, window: int) -> bool:
    """Is a word of ``kind`` among the ``window`` tokens before index ``i``?"""
    return any(is_word(tokens[j], kind) for j in range(max(0, i - window), i))
