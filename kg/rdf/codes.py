"""The standard-code and provenance triples kg.rdf.quads adds to documents, events and
states: the report's URL and outlet, the Goldstein score of the CAMEO code, the symmetric
flag the cross-document layer needs, and the ISO/CAMEO codes of states.

Kept apart from kg.rdf.quads so the shape of an event (quads.py) and the codes looked up
in published tables (kg.codes) change independently.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from functools import lru_cache

from rdflib import Literal, URIRef

from kg.codes import codes_of, goldstein
from kg.rdf.text import TermTexts, quoted, term_text
from kg.rdf.vocab import DCTERMS, KGO, SDO, XSD
from kg.text.documents import Document

Quad = tuple[URIRef, URIRef, object, URIRef]
_T_URL, _T_PUBLISHER = term_text(SDO.url), term_text(DCTERMS.publisher)
_T_SOURCE_URL, _T_GOLDSTEIN = term_text(DCTERMS.source), term_text(KGO.goldsteinScale)
_T_SYMMETRIC, _T_TRUE = term_text(KGO.symmetric), term_text(Literal(True))


def provenance_statements(doc: Document, d: str, texts: TermTexts) -> Iterator[str]:
    """Where a document was published: schema:url and dcterms:publisher (the outlet)."""
    if doc.url:
        yield f"{d} {_T_URL} {texts.checked(doc.url)}"
    if doc.outlet:
        yield f"{d} {_T_PUBLISHER} {quoted(doc.outlet)}"


@lru_cache(maxsize=4_096, typed=True)
def decimal_literal(value: float) -> Literal:
    """An xsd:decimal in its canonical form (8, 1.9, -0.3: no trailing zeros), the form
    SPARQL stores such as Oxigraph give back, so a pushed graph reads back unchanged."""
    text = format(Decimal(str(value)).normalize(), "f")
    return Literal(text, datatype=XSD.decimal)


def event_code_statements(e: str, rec: dict, doc: Document, texts: TermTexts
                          ) -> Iterator[str]:
    """Goldstein score, symmetric flag, and the URL and outlet of the report, on one
    mention event (also on its document: a mention is often read without it)."""
    score = goldstein(rec.get("cameo"))
    if score is not None:
        yield f"{e} {_T_GOLDSTEIN} {decimal_text(score)}"
    if rec.get("symmetric"):
        yield f"{e} {_T_SYMMETRIC} {_T_TRUE}"
    if doc.url:
        yield f"{e} {_T_SOURCE_URL} {texts.checked(doc.url)}"
    if doc.outlet:
        yield f"{e} {_T_PUBLISHER} {quoted(doc.outlet)}"


@lru_cache(maxsize=4_096, typed=True)
def decimal_text(value: float) -> str:
    """decimal_literal as N-Triples text (kg.rdf.text), made once per value."""
    return term_text(decimal_literal(value))


def state_code_quads(node: URIRef, qid: str | None, g: URIRef) -> Iterator[Quad]:
    """ISO 3166-1 alpha-3 and CAMEO country code of a state, when the tables know them."""
    codes = codes_of(qid)
    if codes is None:
        return
    if codes.iso3:
        yield node, KGO.iso3166Alpha3, Literal(codes.iso3), g
    if codes.cameo:
        yield node, KGO.cameoActorCode, Literal(codes.cameo), g
