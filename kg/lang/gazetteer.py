"""Known actors, loaded from the TSV gazetteers in seeds/gazetteer/.

The gazetteer is data, not code: countries (with capitals and demonyms), organisations
and people (with role, affiliation and years in office). This module only reads it
and answers look-ups; matching names in text is `kg.entities`' job.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from kg.errors import KgError
from kg.kinds import kind_of_gazetteer
from kg.resources import seeds_dir
from kg.text.segment import norm_token

HEAD_ROLES = frozenset(
    {
        "president", "prime_minister", "supreme_leader", "chief_adviser", "king", "emir",
        "chancellor", "state_counsellor", "crown_prince", "head_of_state", "leader",
        "commander_in_chief", "secretary_general", "group_leader", "party_leader",
        "commission_president",
    }
)


@dataclass(frozen=True, slots=True)
class Office:
    role: str
    affiliation: str  # QID or English label of the country/organisation
    years: tuple[tuple[int, int | None], ...]

    def held_in(self, year: int | None) -> bool:
        if year is None:
            return any(end is None for _, end in self.years)
        return any(start <= year and (end is None or year <= end) for start, end in self.years)


@dataclass(slots=True, eq=False)
class Entity:
    """A canonical node: one QID (or label) however many surface forms it has. Equal
    entities are those with one key (the generated field-by-field comparison was a few
    per cent of extraction time: every role and feature asks `e in m.entities`)."""

    key: str  # QID, or the English label when no QID is known
    wikidata: str | None
    label: str
    label_bn: str
    type: str  # Country | Person | Organization | Location
    names_bn: list[str] = field(default_factory=list)
    capitals_bn: list[str] = field(default_factory=list)
    demonyms_bn: list[str] = field(default_factory=list)
    aliases_en: list[str] = field(default_factory=list)
    offices: list[Office] = field(default_factory=list)
    affiliation: str | None = None
    kind: str = ""

    def __hash__(self) -> int:
        return hash(self.key)

    def __eq__(self, other: object) -> bool:
        return self is other or (type(other) is Entity and self.key == other.key)

    def office_at(self, year: int | None) -> Office | None:
        for office in self.offices:
            if office.held_in(year):
                return office
        return self.offices[0] if self.offices else None

    def record(self) -> dict:
        """The schema §4 actor record."""
        rec = {"wikidata": self.wikidata, "label": self.label, "label_bn": self.label_bn,
               "type": self.type}
        if self.type == "Person" and self.offices:
            office = self.offices[0]
            rec["role"] = office.role
            rec["affiliation"] = office.affiliation
        elif self.affiliation:
            rec["affiliation"] = self.affiliation
        return rec


def _split(cell: str | None) -> list[str]:
    return [p.strip() for p in (cell or "").split("|") if p.strip()]


def _years(cell: str, where: str) -> tuple[tuple[int, int | None], ...]:
    spells = []
    for part in filter(None, (p.strip() for p in (cell or "").split(";"))):
        start, _, end = part.partition("-")
        try:
            spells.append((int(start), int(end) if end.strip() else None))
        except ValueError:
            raise KgError(f"{where}: years {cell!r} are not like 2012- or 2000-2008") from None
    return tuple(spells)


def _rows(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        for lineno, row in enumerate(reader, 2):
            yield lineno, {k: (v or "").strip() for k, v in row.items() if k}


class Gazetteer:
    """All known entities, indexed by key, QID, English label and Bengali name."""

    def __init__(self, entities: list[Entity]) -> None:
        self.entities = entities
        self.by_key: dict[str, Entity] = {}
        self.by_label: dict[str, Entity] = {}
        for e in entities:
            self.by_key[e.key] = e
            for name in [e.label, *e.aliases_en]:
                self.by_label.setdefault(name.casefold(), e)
            if e.wikidata:
                self.by_label.setdefault(e.wikidata.casefold(), e)

    def get(self, key_or_label: str) -> Entity | None:
        return self.by_key.get(key_or_label) or self.by_label.get(key_or_label.casefold())

    def holders(self, affiliation: str, roles: frozenset[str], year: int | None) -> list[Entity]:
        """People holding one of `roles` for `affiliation` in `year`."""
        out = []
        for e in self.entities:
            for office in e.offices:
                if office.affiliation == affiliation and office.role in roles:
                    if office.held_in(year):
                        out.append(e)
                        break
        return out

    @classmethod
    def load(cls, directory: Path | None = None) -> Gazetteer:
        directory = directory or seeds_dir() / "gazetteer"
        merged: dict[str, Entity] = {}
        for path in sorted(directory.glob("*.tsv")):
            kind = kind_of_gazetteer(path.stem)
            if kind is None:
                raise KgError(f"{path}: no entity kind holds this file (kg/kinds.py lists "
                              "which file names hold which kind)")
            for lineno, row in _rows(path):
                where = f"{path.name}:{lineno}"
                entity = _entity_from_row(kind, row, where)
                if entity is None:
                    continue
                if entity.key in merged:
                    _merge(merged[entity.key], entity)
                else:
                    merged[entity.key] = entity
        return cls(list(merged.values()))


def _entity_from_row(kind: str, row: dict[str, str], where: str) -> Entity | None:
    label, label_bn = row.get("label", ""), norm_token(row.get("label_bn", ""))
    if not label or not label_bn:
        return None
    qid = row.get("qid") or None
    if qid and not (qid.startswith("Q") and qid[1:].isdigit()):
        raise KgError(f"{where}: {qid!r} is not a Wikidata QID")
    names = [label_bn, *(norm_token(v) for v in _split(row.get("variants_bn")))]
    entity = Entity(
        key=qid or label, wikidata=qid, label=label, label_bn=label_bn, type=kind,
        names_bn=list(dict.fromkeys(names)),
        capitals_bn=[norm_token(v) for v in _split(row.get("capital_bn"))],
        demonyms_bn=[norm_token(v) for v in _split(row.get("demonym_bn"))],
        aliases_en=_split(row.get("aliases_en")),
        affiliation=row.get("affiliation") or None,
        kind=row.get("kind", ""),
    )
    if kind == "Person" and row.get("role"):
        entity.offices.append(
            Office(row["role"], row.get("affiliation", ""), _years(row.get("years", ""), where))
        )
        entity.affiliation = None
    return entity


def _merge(into: Entity, other: Entity) -> None:
    """Several rows of one person (one per office) become one entity."""
    for name in other.names_bn:
        if name not in into.names_bn:
            into.names_bn.append(name)
    into.offices.extend(other.offices)
    into.aliases_en.extend(a for a in other.aliases_en if a not in into.aliases_en)


@cache
def default_gazetteer() -> Gazetteer:
    return Gazetteer.load()

