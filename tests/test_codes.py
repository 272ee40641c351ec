"""Standard codes (kg.codes, seeds/codes): Goldstein scores of CAMEO codes, ISO 3166 and
CAMEO codes of states, and where the graph carries them."""

from __future__ import annotations

import re

from kg.codes import codes_of, goldstein, goldstein_table, state_codes
from kg.resources import seeds_dir


def test_goldstein_values_are_gdelts():
    # spot checks against GDELT's CAMEO.goldsteinscale.txt
    assert goldstein("040") == 1.0  # consult
    assert goldstein("042") == 1.9  # make a visit
    assert goldstein("057") == 8.0  # sign formal agreement
    assert goldstein("0874") == 10.0
    assert goldstein("130") == -4.4  # threaten
    assert goldstein("190") == -10.0
    assert goldstein("999") is None and goldstein(None) is None and goldstein("") is None


def test_goldstein_table_is_complete_and_in_range():
    table = goldstein_table()
    assert len(table) == 311
    assert all(re.fullmatch(r"\d{2,4}", c) for c in table)
    assert all(-10.0 <= v <= 10.0 for v in table.values())
    # every two-digit root has its own score
    assert {c for c in table if len(c) == 2} == {f"{i:02d}" for i in range(1, 21)}


def test_every_cameo_code_in_the_lexicon_has_a_goldstein_score():
    codes = set()
    for path in (seeds_dir() / "lexicon").glob("*.yaml"):
        for m in re.finditer(r"cameo:\s*\"?(\d+)\"?", path.read_text(encoding="utf-8")):
            codes.add(m.group(1))
    assert codes, "no CAMEO codes found in the lexicon"
    assert sorted(c for c in codes if goldstein(c) is None) == []


def test_state_codes_agree_with_cldr():
    """ISO alpha-3 codes map (CLDR's territory aliases) to the territory CLDR names like
    the gazetteer does; the two naming differences left are listed."""
    import csv

    from babel import Locale
    from babel.core import get_global

    aliases = get_global("territory_aliases")
    names = Locale("en").territories
    gazetteer = {r["qid"]: r for r in csv.DictReader(
        (seeds_dir() / "gazetteer" / "countries.tsv").open(encoding="utf-8"), delimiter="\t")}
    known_wording = {"PSE": "Palestinian Territories", "VCT": "St. Vincent & Grenadines"}
    checked = 0
    for qid, codes in state_codes().items():
        if not codes.iso3:
            continue
        (alpha2,) = aliases[codes.iso3]
        row = gazetteer[qid]
        ours = {_norm(n) for n in [row["label"], *row["aliases_en"].split("|")] if n}
        if names[alpha2] != known_wording.get(codes.iso3):
            assert _norm(names[alpha2]) in ours, (qid, codes.iso3, names[alpha2])
        assert codes.iso3 == row["iso3"]
        checked += 1
    assert checked >= 190


def _norm(name: str) -> str:
    name = re.sub(r"\s*\(.*?\)", "", name).replace("&", "and").replace("’", "'")
    return re.sub(r"\s*-\s*", "-", name.replace("St. ", "Saint ")).casefold()


def test_cameo_country_codes():
    assert codes_of("Q159").cameo == "RUS" and codes_of("Q159").iso3 == "RUS"
    assert codes_of("Q889").cameo == "AFG"  # CountryInfo's AIA is corrected
    assert codes_of("Q1246").iso3 is None and codes_of("Q1246").cameo == "KSV"
    assert codes_of("Q7747") is None  # a person: no state codes
    assert codes_of(None) is None
    coded = [c for c in state_codes().values() if c.cameo]
    assert len(coded) >= 190
    assert all(re.fullmatch(r"[A-Z]{3}", c.cameo) for c in coded)


def test_the_graph_carries_codes_url_and_outlet(rules_pipeline, tmp_path):
    import json

    from kg.lang.gazetteer import default_gazetteer
    from kg.rdf.dataset import build_dataset
    from kg.text.documents import read_inputs

    rec = {"id": "d", "date": "2024-05-17", "url": "https://news.example.com/a?id=1",
           "outlet": "Example News",
           "text": "বেইজিংয়ে সি চিন পিংয়ের সঙ্গে বৈঠক করেছেন রুশ প্রেসিডেন্ট পুতিন।"}
    path = tmp_path / "d.jsonl"
    path.write_text(json.dumps(rec, ensure_ascii=False) + "\n", encoding="utf-8")
    results = [rules_pipeline.run(d) for d in read_inputs([str(path)])]
    text = build_dataset(results, default_gazetteer())[0].nquads()
    kgo = "https://w3id.org/kg-bn/ontology#"
    assert '<https://schema.org/url> <https://news.example.com/a?id=1>' in text
    assert '<http://purl.org/dc/terms/publisher> "Example News"' in text
    assert re.search(rf'/event/d-0-0> <{kgo}goldsteinScale> "1"', text)
    assert re.search(r'/event/d-0-0> <http://purl.org/dc/terms/source> '
                     r'<https://news\.example\.com/a\?id=1>', text)
    assert '/event/d-0-0> <http://purl.org/dc/terms/publisher> "Example News"' in text
    assert f'/actor/Q159> <{kgo}iso3166Alpha3> "RUS"' in text
    assert f'/actor/Q159> <{kgo}cameoActorCode> "RUS"' in text
