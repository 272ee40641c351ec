"""Names → actors: what lets a user type `Russia`, `রাশিয়ার`, `পুতিনকে` or `Q159`.

Users name actors the way the text does, in any inflected Bengali form, so the index
holds IRIs, QIDs, English labels and aliases, Bengali labels and the gazetteer's
variants, capitals and demonyms; a Bengali name is tried again with a case ending
stripped from its last word (kg.lang.morphology). An unknown name raises UnknownActor
with close names for a "did you mean".
"""

from __future__ import annotations

import difflib
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator

import networkx as nx

from kg.errors import KgError
from kg.query.model import EventRow, actors_of
from kg.query.rollup import Rollup
from kg.text.segment import norm_token


class UnknownActor(KgError):
    """No actor by that name; carries close names for a "did you mean"."""

    def __init__(self, name: str, suggestions: list[str]) -> None:
        hint = f"; did you mean: {', '.join(suggestions)}?" if suggestions else ""
        super().__init__(f"no actor {name!r} in the graph{hint}")
        self.name = name
        self.suggestions = suggestions


def _candidates(source) -> list[tuple[str, str, str, tuple[str, ...], str | None, int]]:
    """(id, label, label_bn, alt labels, QID, weight) of everything `source` knows."""
    if isinstance(source, nx.Graph):  # weight: its events when known (kg.query.endpoint)
        deg = dict(source.degree())
        return [(n, d.get("label") or "", d.get("label_bn") or "", tuple(d.get("alt_labels", ())),
                 d.get("wikidata"), d.get("events", deg.get(n, 0)))
                for n, d in source.nodes(data=True)]
    counts: Counter[str] = Counter()
    known = dict(getattr(source, "actors", {}) or {})
    for row in source:
        for a in row.sources + row.targets:
            counts[a.id] += 1
            if a.id not in known:
                known[a.id] = a
    return [(a.id, a.display, a.label_bn, a.alt_labels, a.wikidata, counts[a.id])
            for a in known.values()
            if counts[a.id] or a.type in ("Country", "Person", "Organization")]


class ActorIndex:
    """Names → actor ids: IRIs, QIDs, English labels and aliases, Bengali labels in any
    inflected form (রাশিয়ার, পুতিনকে) through kg.lang.morphology and the gazetteer.
    Of several actors with one name, the busiest wins (then the label)."""

    def __init__(self, source) -> None:
        self.keys: dict[str, list[str]] = defaultdict(list)
        self.weight: dict[str, int] = {}
        self.display: dict[str, str] = {}
        known: dict[str, str] = {}  # QID or casefolded English label → IRI
        for iri, label, label_bn, alts, qid, weight in _candidates(source):
            self.weight[iri] = weight
            self.display[iri] = label or label_bn or iri
            names = [iri, iri.rsplit("/", 1)[-1], label, label_bn, *alts]
            if qid:
                names.append(qid)
                known[qid] = iri
            elif label:
                known.setdefault(label.casefold(), iri)
            for name in names:
                self._add(name, iri)
        self._add_gazetteer(known)

    def _add(self, name: str | None, iri: str) -> None:
        if name:
            key = _key(name)
            if iri not in self.keys[key]:
                self.keys[key].append(iri)

    def _add_gazetteer(self, known: dict[str, str]) -> None:
        """English aliases, Bengali variants, capitals and demonyms of the graph's actors
        that the gazetteer knows (by QID, else by English label)."""
        try:
            from kg.lang.gazetteer import default_gazetteer

            gaz = default_gazetteer()
        except KgError:
            return
        for e in gaz.entities:
            iri = known.get(e.wikidata) if e.wikidata else known.get(e.label.casefold())
            if iri:
                for name in [*e.aliases_en, *e.names_bn, *e.demonyms_bn, *e.capitals_bn]:
                    self._add(name, iri)

    def lookup(self, name: str) -> str | None:
        for form in _forms(name):
            hits = self.keys.get(_key(form))
            if hits:
                return min(hits, key=lambda i: (-self.weight.get(i, 0),
                                                self.display[i].casefold(), i))
        return None

    def suggest(self, name: str, n: int = 5) -> list[str]:
        key = _key(name)
        close = difflib.get_close_matches(key, list(self.keys), n=n * 3, cutoff=0.6)
        close += sorted(k for k in self.keys if key and len(key) > 2 and key in k)
        out: list[str] = []
        for k in close:
            for iri in self.keys[k]:
                label = self.display[iri]
                if label not in out:
                    out.append(label)
        return out[:n]


def _key(name: str) -> str:
    if name.isascii():
        return name.casefold().strip()
    return norm_token(name).casefold().strip()


def _forms(name: str) -> Iterator[str]:
    """The name, then readings with a case ending stripped from its last word."""
    name = " ".join(name.split())
    yield name
    if name.endswith(("'s", "’s")):
        yield name[:-2]
    words = name.split(" ")
    if not words or words[-1].isascii():
        return
    from kg.lang.morphology import default_morphology

    head = " ".join(words[:-1])
    for base, _case in default_morphology().analyses(norm_token(words[-1]))[1:]:
        yield f"{head} {base}".strip()


def resolve_actor(name: str, events_or_graph, level: str = "actor") -> str:
    """The node id `name` refers to (see ActorIndex); raises UnknownActor.

    Given events and level="country", a person or unit resolves to the node that
    stands for it in its latest event (Putin → Russia; Stoltenberg in 2024 → NATO)."""
    index = ActorIndex(events_or_graph)
    iri = index.lookup(name)
    if iri is None:
        raise UnknownActor(name, index.suggest(name))
    if level != "actor" and not isinstance(events_or_graph, nx.Graph):
        actor = actors_of(events_or_graph).get(iri)
        if actor is not None:
            return Rollup(level)(actor, _latest_year(events_or_graph, iri)).id
    return iri


def _latest_year(events: Iterable[EventRow], iri: str) -> int | None:
    years = [row.year for row in events
             if any(a.id == iri for a in row.sources + row.targets)]
    return max((y for y in years if y is not None), default=None)


def require(G: nx.Graph, actor: str) -> None:
    """UnknownActor unless `actor` is a node of G (queries take node ids, not names)."""
    if actor not in G:
        raise UnknownActor(actor, [])
