"""The actor dictionary: it loads, its names fall in their families, bad data is refused."""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from rasd.actors import load
from rasd.actors.dictionary import BLOCK, build, tokens_of
from rasd.actors.resolve import _template
from rasd.errors import ResourceError
from rasd.stages.segment import tokenize
from rasd.text.arabic import normalize_key



@pytest.fixture(scope="module")
def rules(shared_dir: Path) -> list[tuple[str, re.Pattern[str]]]:
    """The evaluation's family rules, read from ../shared (never copied here)."""
    families = shared_dir / "eval" / "actor_families.tsv"
    if not families.is_file():
        pytest.skip(f"{families} is not available")
    rules = []
    for line in families.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            fam, pattern = line.split("\t", 1)
            rules.append((fam, re.compile(pattern, re.I)))
    return rules


def family_of(name: str, rules: list[tuple[str, re.Pattern[str]]]) -> str:
    return next((fam for fam, pat in rules if pat.search(name)), "OTHER")


def test_dictionary_loads_with_actors_terms_and_countries():
    d = load()
    assert {"Syria", "Iraq", "Yemen", "Libya", "Egypt", "Saudi Arabia"} <= set(d.countries)
    assert len(d.entries) > 40 and len(d.terms) > 100
    assert all(1 <= e.actor.inter <= 8 for e in d.entries.values())


def test_every_dictionary_name_is_in_its_declared_family_under_the_eval_rules(rules):
    d = load()
    wrong = {e.actor.name: (e.actor.family, family_of(e.actor.name, rules))
             for e in d.entries.values() if family_of(e.actor.name, rules) != e.actor.family}
    assert not wrong


@pytest.mark.parametrize("template", ["military", "police", "islamic_state", "unidentified",
                                      "civilians"])
def test_every_country_template_name_is_in_its_declared_family(template, rules):
    # protesters/rioters are left out on purpose: the eval's country rules
    # ("Libya", "Egypt") would claim "Protesters (Libya)" for a state family
    d = load()
    for country in d.countries.values():
        for day in {p.start for p in country.military + country.police} | {None}:
            made = _template(d, template, country.name, day)
            if made is None:
                continue
            actor = made[0]
            assert family_of(actor.name, rules) == actor.family, actor.name


def test_aliases_are_tokenized_as_the_segment_stage_tokenizes():
    d = load()
    for toks in d.aliases:
        text = " ".join(toks)
        assert tuple(t for t, _a, _b, _k in tokenize(text)) == toks


def test_spelling_variants_are_entered():
    d = load()
    assert d.aliases[tokens_of("مليشيات الحوثي")] == d.aliases[tokens_of("ميليشيات الحوثي")]


def test_state_forces_are_generated_from_heads_and_adjectives():
    d = load()
    assert d.aliases[tokens_of("القوات الروسية")] == "military/Russia"
    assert d.aliases[tokens_of("طائرات روسية")] == "military/Russia"
    assert d.aliases[tokens_of("الجنود الأمريكيين")] == "military/United States"
    assert d.aliases[tokens_of("الشرطة المصرية")] == "police/Egypt"


def test_blocked_phrases_are_marked():
    assert load().aliases[tokens_of("مجلس الأمن")] == BLOCK


MINIMAL_COUNTRY = {"country": [{"name": "Syria", "family": "SYR_GOV", "adjectives": ["سوري"],
                                "military": [{"name": "Military Forces of Syria"}]}]}


def _actor(aid: str, aliases: list[str], inter: int = 2) -> dict:
    return {"id": aid, "name": aid.title(), "family": "OTHER", "inter": inter,
            "aliases": aliases}


def test_an_alias_given_for_two_actors_is_refused():
    files = {"actors/countries.toml": MINIMAL_COUNTRY,
             "actors/a.toml": {"actor": [_actor("one", ["جماعة ما"]),
                                         _actor("two", ["جماعة ما"])]}}
    with pytest.raises(ResourceError, match="also given"):
        build(files)


def test_a_sense_naming_an_unknown_actor_is_refused():
    files = {"actors/countries.toml": MINIMAL_COUNTRY,
             "actors/a.toml": {"term": [{"key": "t", "aliases": ["كلمة"],
                                         "senses": [{"actor": "nobody"}]}]}}
    with pytest.raises(ResourceError, match="unknown actor"):
        build(files)


def test_a_bad_inter_code_is_refused():
    files = {"actors/countries.toml": MINIMAL_COUNTRY,
             "actors/a.toml": {"actor": [_actor("one", ["جماعة ما"], inter=9)]}}
    with pytest.raises(ResourceError, match="inter"):
        build(files)


def test_a_date_written_as_text_is_refused():
    bad = _actor("one", ["جماعة ما"]) | {"from": "2015-01-01"}
    files = {"actors/countries.toml": MINIMAL_COUNTRY, "actors/a.toml": {"actor": [bad]}}
    with pytest.raises(ResourceError, match="TOML date"):
        build(files)


def test_a_hand_written_alias_wins_over_a_generated_one():
    files = {"actors/countries.toml": MINIMAL_COUNTRY,
             "actors/forces.toml": {"heads": [{"force": "military", "form": "def_m",
                                               "words": ["الجيش"]}]},
             "actors/a.toml": {"actor": [_actor("fsa", ["الجيش السوري"])]}}
    d = build(files)
    assert d.aliases[tokens_of("الجيش السوري")] == "fsa"


def test_country_periods_are_dated():
    syria = load().countries["Syria"]
    old, new = syria.military
    assert old.valid(date(2016, 1, 1)) and not old.valid(date(2025, 1, 1))
    assert new.valid(date(2025, 1, 1))
    assert normalize_key("سوري") in load().adjectives
