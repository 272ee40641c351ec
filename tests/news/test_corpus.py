"""seeds/news: the real-news corpus and its gold keep their promised shape (README)."""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from pathlib import Path

import pytest

from kg.schema import EVENT_TYPES
from kg.text.segment import split_sentences

NEWS = Path(__file__).resolve().parents[2] / "seeds" / "news"
FIELDS = ["doc", "text", "date", "url", "outlet", "domain", "region", "events"]
REGIONS = {"south_asia", "middle_east", "east_asia", "southeast_asia", "europe", "africa",
           "americas", "un_system", "negative"}
QID = re.compile(r"^Q[1-9][0-9]*$")


def _read(name: str) -> list[dict]:
    with (NEWS / f"{name}.jsonl").open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


@pytest.fixture(scope="module")
def splits() -> dict[str, list[dict]]:
    return {"dev": _read("dev"), "test": _read("test")}


def test_sizes_outlets_and_negatives(splits):
    everything = splits["dev"] + splits["test"]
    assert len(everything) >= 200
    assert len(splits["dev"]) >= 140 and len(splits["test"]) >= 60
    assert len({r["outlet"] for r in everything}) >= 40
    negatives = [r for r in everything if r["region"] == "negative"]
    assert len(negatives) >= 0.1 * len(everything)
    assert all(not r["events"] for r in negatives)
    assert {r["region"] for r in everything} == REGIONS


def test_split_by_outlet(splits):
    dev, test = ({r["domain"] for r in splits[k]} for k in ("dev", "test"))
    assert not dev & test


@pytest.mark.parametrize("name", ["dev", "test"])
def test_records(splits, name):
    ids = Counter(r["doc"] for r in splits[name])
    assert max(ids.values()) == 1
    for r in splits[name]:
        assert list(r) == FIELDS, r["doc"]
        assert re.fullmatch(r"[a-z0-9-]+", r["doc"])
        assert r["url"].startswith(("http://", "https://")) and r["outlet"] and r["domain"]
        assert r["region"] in REGIONS
        assert r["date"] is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", r["date"])
        assert unicodedata.normalize("NFC", r["text"]) == r["text"]
        assert 1 <= len(split_sentences(r["text"])) <= 10, r["doc"]


@pytest.mark.parametrize("name", ["dev", "test"])
def test_gold_events(splits, name):
    for r in splits[name]:
        for e in r["events"]:
            assert e["type"] and set(e["type"]) <= set(EVENT_TYPES), r["doc"]
            assert e["source"] and all(isinstance(a, str) and a for a in e["source"]), r["doc"]
            assert isinstance(e["target"], list)
            qids = [a for a in e["source"] + e["target"] if re.match(r"Q\d", a)]
            assert all(QID.match(a) for a in qids), r["doc"]
            assert isinstance(e["symmetric"], bool) and isinstance(e["required"], bool)
            assert e.get("note"), r["doc"]


def test_gold_qids_are_verified_ones(splits):
    """Gold QIDs come only from the gazetteer, whose QIDs were checked (a wrong QID is
    worse than none)."""
    from kg.lang.gazetteer import default_gazetteer

    known = {e.wikidata for e in default_gazetteer().entities if e.wikidata}
    used = {a for r in splits["dev"] + splits["test"] for e in r["events"]
            for a in e["source"] + e["target"] if QID.match(a)}
    assert used <= known, sorted(used - known)


def test_every_event_type_is_in_the_gold(splits):
    found = {t for r in splits["dev"] + splits["test"] for e in r["events"] for t in e["type"]}
    assert found == set(EVENT_TYPES)
