"""A small graph built through kg.rdf whose answers are known by construction.

Two blocs: {Avalon, Borduria, Carpania} cooperate, {Drusselstein, Elbonia, Freedonia}
cooperate, and the blocs fight (Avalon–Drusselstein, Borduria–Drusselstein). Ada Lind is
an Avalonian minister. QIDs are made up (Q990000xx), so no gazetteer entry leaks in.
`graph_quads` builds any such graph (tests/viz draws one with several components).
"""

from __future__ import annotations

from pathlib import Path

ACTOR = "https://w3id.org/kg-bn/id/actor/"
RUSSIA, NK, UKRAINE, PUTIN, KIM = (ACTOR + q for q in ("Q159", "Q423", "Q212", "Q7747",
                                                       "Q56226"))

COUNTRIES = {
    "A": ("Q99000001", "Avalon", "আভালন"),
    "B": ("Q99000002", "Borduria", "বোরদুরিয়া"),
    "C": ("Q99000003", "Carpania", "কার্পানিয়া"),
    "D": ("Q99000004", "Drusselstein", "ড্রুসেলস্টাইন"),
    "E": ("Q99000005", "Elbonia", "এলবোনিয়া"),
    "F": ("Q99000006", "Freedonia", "ফ্রিডোনিয়া"),
}
# (source, type, target, context, date)
EVENTS = [
    ("A", "AID", "B", [], "2023-01-05"),
    ("B", "AID", "A", [], "2023-02-10"),
    ("A", "CONSULT", "C", [], "2023-03-01"),
    ("A", "AID", "C", ["hypothetical"], "2023-03-02"),  # counts half: +1
    ("A", "COOPERATE", "C", ["negated"], "2023-03-03"),  # counts nothing
    ("B", "CONSULT", "C", [], "2023-04-01"),
    ("A", "ASSAULT", "D", [], "2024-01-15"),
    ("D", "THREATEN", "B", [], "2024-02"),
    ("D", "AGREE", "E", [], "2024-03-01"),
    ("E", "COOPERATE", "F", [], "2024-03-02"),
    ("D", "SUPPORT", "F", ["reported"], "2024-03-03"),
    ("P", "CONSULT", "E", [], "2024-05-01"),
    ("P", "STATEMENT", None, [], "2024-05-02"),
]
FORMATS = (("turtle", "ttl"), ("nt", "nt"), ("nquads", "nq"), ("trig", "trig"),
           ("json-ld", "jsonld"))


def node(key: str) -> str:
    """The actor IRI of a country key (A…F), or of Ada Lind (P)."""
    return ACTOR + (COUNTRIES[key][0] if key in COUNTRIES else "Q99000100")


def entities(countries: dict = COUNTRIES) -> dict:
    from kg.lang.gazetteer import Entity, Office

    ents = {k: Entity(q, q, en, bn, "Country", [bn]) for k, (q, en, bn) in countries.items()}
    ada = Entity("Q99000100", "Q99000100", "Ada Lind", "আডা লিন্ড", "Person",
                 ["আডা লিন্ড", "লিন্ড"])
    ada.offices.append(Office("foreign_minister", "Q99000001", ((2020, None),)))
    ents["P"] = ada
    return ents


def graph_quads(ents: dict, events: list, doc_id: str = "small") -> list:
    """The quads `kg build` would write for one document holding `events` (one per
    sentence) between the entities `ents` (key → gazetteer Entity)."""
    from kg.lang.gazetteer import Gazetteer
    from kg.pipeline import DocumentResult
    from kg.rdf.quads import actor_quads, document_quads, ontology_quads
    from kg.schema import QUAD_OF
    from kg.text.documents import Document
    from kg.text.segment import Sentence

    doc = Document(doc_id, "", None)
    sentences = [Sentence(i, i * 10, i * 10 + 9, f"বাক্য {i}।") for i in range(len(events))]
    records = []
    for i, (s, etype, t, context, date) in enumerate(events):
        records.append({
            "sentence_index": i, "type": etype, "quad": QUAD_OF.get(etype), "cameo": None,
            "mode": None, "relation": f"did{etype.capitalize()}", "context": context,
            "date": date, "confidence": 0.9, "span": [i * 10, i * 10 + 9],
            "source": [ents[s].record()], "target": [ents[t].record()] if t else [],
            "object": [], "_object_keys": [], "location": None,
        })
    result = DocumentResult(doc, sentences, records, {})
    quads = set(document_quads(result))
    quads |= set(actor_quads(list(ents.values()), Gazetteer(list(ents.values()))))
    quads |= set(ontology_quads({r["relation"] for r in records}))
    return sorted(quads, key=lambda q: (q[3], q[0], q[1], q[2]))


def write_graph(path: Path, quads: list, fmt: str = "turtle") -> Path:
    from kg.rdf.write import serialize, write_atomic

    write_atomic(path, serialize(quads, fmt))
    return path
