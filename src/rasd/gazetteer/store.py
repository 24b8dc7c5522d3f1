"""The bundled gazetteer in memory: rows, a key index, and Place objects on demand.

``places.tsv.gz`` (built by scripts/build_gazetteer.py) is read once per
process (:func:`gazetteer` is cached). Rows stay as tuples of strings;
:class:`~rasd.mentions.Place` objects are made when asked for. The index maps
every spelling of every Arabic name (:func:`rasd.gazetteer.keys.variants`) to
codes ``row * 2 + quality`` so that a lookup says whether it matched the name
as written (0) or an orthographic variant (1). Skeleton indexes for the fuzzy
and Latin fallbacks are built on first use.
"""
from __future__ import annotations

import functools
import gzip
from collections import defaultdict
from typing import Any, Callable, Iterable

from ..errors import ResourceError
from ..mentions import Place
from ..resources import load_toml, verified_path
from .keys import skeleton, variants

PLACES = "gazetteer/places.tsv.gz"
COUNTRIES = "gazetteer/countries.toml"
_COLS = ("gid", "level", "cc", "name_ar", "name_en", "admin1", "admin2", "admin3", "pcode",
         "lat", "lon", "cq", "pop", "parent", "cap", "flags", "ar", "skel")
(GID, LEVEL, CC, NAME_AR, NAME_EN, ADMIN1, ADMIN2, ADMIN3, PCODE, LAT, LON, CQ, POP, PARENT,
 CAP, FLAGS, AR, SKEL) = range(len(_COLS))

Code = int  # row * 2 + quality
SALIENT_POP = 15_000


class Gazetteer:
    """Rows of places.tsv.gz with lookups by key, gid and skeleton."""

    def __init__(self, lines: Iterable[str]) -> None:
        it = iter(lines)
        header = tuple(next(it).rstrip("\n").split("\t"))
        if header != _COLS:
            raise ResourceError(f"{PLACES}: unexpected columns {header}")
        self.rows: list[tuple[str, ...]] = [tuple(ln.rstrip("\n").split("\t")) for ln in it]
        self.by_gid: dict[str, int] = {r[GID]: i for i, r in enumerate(self.rows)}
        shared: dict[tuple[str, str], tuple[str, str]] = {}
        #: (country, admin1) of each row, one tuple per distinct pair (compared often)
        self.areas: list[tuple[str, str]] = [shared.setdefault((r[CC], r[ADMIN1]), (r[CC], r[ADMIN1]))
                                             for r in self.rows]
        self.index: dict[str, Code | tuple[Code, ...]] = {}
        self.max_words: dict[str, int] = {}
        self._build_index()
        self._places: dict[int, Place] = {}
        self.prior_cache: dict[int, float] = {}  # the geocoder's context-free row scores
        self.own_cache: dict[int, frozenset[str]] = {}  # a row's own name, as keys
        self._code_rows: dict[tuple[Code, ...], tuple[int, ...]] = {}
        self._code_quality: dict[tuple[Code, ...], dict[int, int]] = {}
        self._variant_only: dict[tuple[Code, ...], bool] = {}
        #: the geocoder's per-name answers over a name's rows (see rasd.gazetteer.geocode)
        self.rows_cache: dict[tuple, Any] = {}
        self._countries = {cc: v for cc, v in load_toml(COUNTRIES)["countries"].items()}
        self._iso = {r[CC]: int(r[PCODE]) for r in self.rows if r[LEVEL] == "country" and r[PCODE]}

    def _build_index(self) -> None:
        index: dict[str, list[Code]] = defaultdict(list)
        for i, row in enumerate(self.rows):
            if not row[AR]:
                continue
            add_article = "a" in row[FLAGS]
            seen: dict[str, int] = {}
            for name in row[AR].split("|"):
                base = 1 if name.startswith("~") else 0  # a secondary spelling
                for key, q in variants(name.lstrip("~"), add_article).items():
                    q = max(q, base)
                    if key not in seen or seen[key] > q:
                        seen[key] = q
            for key, q in seen.items():
                index[key].append(i * 2 + min(q, 1))
        max_words = self.max_words
        lengths: dict[str, set[int]] = defaultdict(set)
        for key, codes in index.items():
            self.index[key] = codes[0] if len(codes) == 1 else tuple(codes)
            n = key.count(" ") + 1
            first = key.split(" ", 1)[0]
            lengths[first].add(n)
            if max_words.get(first, 0) < n:
                max_words[first] = n
        #: first word of a key → the lengths (in words) of the keys it starts, longest first
        self.name_lengths = {w: tuple(sorted(ns, reverse=True)) for w, ns in lengths.items()}

    # -- lookups ---------------------------------------------------------------
    def lookup(self, key: str) -> tuple[Code, ...]:
        """Codes of the rows one of whose names is spelled ``key``."""
        hit = self.index.get(key)
        if hit is None:
            return ()
        return (hit,) if isinstance(hit, int) else hit

    def rows_of(self, codes: tuple[Code, ...]) -> list[int]:
        """The distinct rows of some codes, in row order (a new list; cached)."""
        hit = self._code_rows.get(codes)
        if hit is None:
            if len(self._code_rows) >= 1 << 17:
                self._code_rows.clear()
            hit = self._code_rows[codes] = tuple(sorted({c // 2 for c in codes}))
        return list(hit)

    def quality_of(self, codes: tuple[Code, ...]) -> dict[int, int]:
        """Row → the best quality among ``codes`` (0: as written); cached, read only."""
        hit = self._code_quality.get(codes)
        if hit is None:
            if len(self._code_quality) >= 1 << 17:
                self._code_quality.clear()
            hit = self._code_quality[codes] = {c // 2: c % 2 for c in sorted(codes, reverse=True)}
        return hit

    def memo(self, key: tuple, make: Callable[[], Any]) -> Any:
        """``make()``, kept under ``key`` for the process (the geocoder's answers
        about a name's rows, which recur from article to article)."""
        hit = self.rows_cache.get(key)
        if hit is None:
            if len(self.rows_cache) >= 1 << 16:
                self.rows_cache.clear()
            hit = self.rows_cache[key] = make()
        return hit

    def variant_only(self, codes: tuple[Code, ...]) -> bool:
        """Every code matched an orthographic variant, none the name as written (cached)."""
        hit = self._variant_only.get(codes)
        if hit is None:
            if len(self._variant_only) >= 1 << 17:
                self._variant_only.clear()
            hit = self._variant_only[codes] = all(c % 2 for c in codes)
        return hit

    def row(self, i: int) -> tuple[str, ...]:
        return self.rows[i]

    def gid_row(self, gid: str) -> int | None:
        return self.by_gid.get(gid)

    @functools.cached_property
    def skeleton_index(self) -> dict[str, tuple[int, ...]]:
        """Arabic skeleton → rows (fuzzy fallback for names after a cue)."""
        idx: dict[str, list[int]] = defaultdict(list)
        for i, row in enumerate(self.rows):
            for name in row[AR].split("|") if row[AR] else ():
                sk = skeleton(name.lstrip("~"))
                if len(sk) >= 3 and (not idx[sk] or idx[sk][-1] != i):
                    idx[sk].append(i)
        return {k: tuple(v) for k, v in idx.items()}

    @functools.cached_property
    def latin_index(self) -> dict[str, tuple[int, ...]]:
        """Latin consonant skeleton → rows (names with no Arabic spelling in the sources).

        Rows that have an Arabic name are left out: their Arabic name is the
        better key, and their Latin transliterations are lossy («كورنيش» is not
        the village "Qryh Al-Wnsh")."""
        idx: dict[str, list[int]] = defaultdict(list)
        for i, row in enumerate(self.rows):
            if row[AR]:
                continue
            for sk in row[SKEL].split("|") if row[SKEL] else ():
                if len(sk) >= 3:
                    idx[sk].append(i)
        return {k: tuple(v) for k, v in idx.items()}

    @functools.cached_property
    def names_by_admin1(self) -> dict[tuple[str, str], tuple[list[str], list[int]]]:
        """(country, admin1) → (Arabic names, their rows): the fuzzy search space
        of a governorate, built in one pass on first use."""
        out: dict[tuple[str, str], tuple[list[str], list[int]]] = {}
        for i, r in enumerate(self.rows):
            if r[AR] and r[ADMIN1]:
                names, rows = out.setdefault((r[CC], r[ADMIN1]), ([], []))
                for n in r[AR].split("|"):
                    names.append(n.lstrip("~"))
                    rows.append(i)
        return out

    # -- rows as places --------------------------------------------------------
    def place(self, i: int) -> Place:
        """The :class:`Place` of row ``i`` (made once)."""
        p = self._places.get(i)
        if p is None:
            p = self._places[i] = self._make_place(i)
        return p

    def _make_place(self, i: int) -> Place:
        r = self.rows[i]
        country = self._countries.get(r[CC], {}).get("name", r[CC])
        name_ar = r[NAME_AR] or (r[AR].split("|", 1)[0].lstrip("~") if r[AR] else "")
        return Place(gid=r[GID], name_ar=name_ar, name_en=r[NAME_EN], country=country,
                     iso=self._iso.get(r[CC]), admin1=r[ADMIN1] or None,
                     admin2=r[ADMIN2] or None, admin3=r[ADMIN3] or None,
                     pcode=(r[PCODE] or None) if r[LEVEL] != "country" else None,
                     lat=float(r[LAT]) if r[LAT] else None,
                     lon=float(r[LON]) if r[LON] else None,
                     level=r[LEVEL], population=int(r[POP]) if r[POP] else 0,
                     parent=r[PARENT] or None, coord_quality=r[CQ] or None)

    def by_gid_place(self, gid: str) -> Place | None:
        i = self.by_gid.get(gid)
        return None if i is None else self.place(i)

    def country_row(self, cc: str) -> int | None:
        return self.by_gid.get(f"CC:{cc}")

    @functools.cached_property
    def _admin1_rows(self) -> dict[tuple[str, str], int]:
        out: dict[tuple[str, str], int] = {}
        for i, r in enumerate(self.rows):
            if r[LEVEL] == "admin1" and r[ADMIN1]:
                out.setdefault((r[CC], r[ADMIN1]), i)
        return out

    def admin1_row(self, cc: str, admin1: str) -> int | None:
        """The row of a country's first-level unit, by its ACLED name."""
        return self._admin1_rows.get((cc, admin1))

    @functools.cached_property
    def salient_rows(self) -> frozenset[int]:
        """The rows of :meth:`salient` places (one pass on first use)."""
        return frozenset(i for i in range(len(self.rows)) if self._salient(i))

    @functools.cached_property
    def weak_rows(self) -> frozenset[int]:
        """Villages known only by name: their point is their district's (Yemen-info)."""
        return frozenset(i for i, r in enumerate(self.rows)
                         if r[CQ] == "f" and r[LEVEL] == "populated" and i not in self.salient_rows)

    def salient(self, i: int) -> bool:
        """A place news names without a cue: a country, governorate, region, district
        of Syria/Yemen/Iraq, a capital, or a town of 15,000 people or more."""
        return i in self.salient_rows

    def _salient(self, i: int) -> bool:
        r = self.rows[i]
        level = r[LEVEL]
        if level in ("country", "admin1", "region") or r[CAP]:
            return True
        if level == "admin2" and r[CC] in ("SY", "YE", "IQ"):
            return True
        return bool(r[POP]) and int(r[POP]) >= SALIENT_POP

    def tier(self, cc: str) -> str:
        """The build tier of a country (core, region, world; see countries.toml)."""
        return str(self._countries.get(cc, {}).get("tier", "world"))

    def cc_of(self, i: int) -> str:
        return self.rows[i][CC]


@functools.lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The bundled gazetteer, loaded once per process."""
    path = verified_path(PLACES)
    try:
        with gzip.open(path, "rt", encoding="utf-8") as f:
            return Gazetteer(f)
    except (OSError, EOFError, UnicodeDecodeError, IndexError, ValueError) as exc:
        raise ResourceError(f"cannot read {PLACES}: {exc}") from exc
