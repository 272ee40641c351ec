"""N-Triples text of RDF terms: the form kg.rdf.dataset stores statements in.

Every statement kg writes passes through here, so the text must be exactly what
pyoxigraph prints for the same term (tests/rdf check every code point of the escaping):
then statements kg makes and statements read back from a file compare equal.

Each IRI and language tag is checked with pyoxigraph once, when first seen (TermTexts),
so the writer can parse its own text leniently and an invalid term fails the build, not a
SPARQL server's upload.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from kg.errors import KgError
from kg.rdf.vocab import XSD

_str = str.__str__  # plain str of a URIRef without URIRef.__add__ and its warnings
_XSD_STRING = str(XSD.string)
_XSD_INTEGER = str(XSD.integer)

# pyoxigraph's escaping of literal text (oxrdf's print_quoted_str), as a translate table:
# controls, DEL, and the noncharacters U+FFFE/U+FFFF (tests/rdf check every code point).
_ESCAPES = {c: f"\\u{c:04X}" for c in [*range(0x20), 0x7F, 0xFFFE, 0xFFFF]}
_ESCAPES.update({0x08: "\\b", 0x09: "\\t", 0x0A: "\\n", 0x0C: "\\f", 0x0D: "\\r",
                 0x22: '\\"', 0x5C: "\\\\"})


def quoted(value: str) -> str:
    """A string as an N-Triples literal, escaped exactly as pyoxigraph prints it."""
    return '"' + value.translate(_ESCAPES) + '"'


def term_text(term: Node) -> str:
    """The N-Triples form of an rdflib term, equal to str() of the pyoxigraph term."""
    if isinstance(term, Literal):
        text = quoted(_str(term))
        if term.language:
            return f"{text}@{term.language.lower()}"
        if term.datatype is not None and _str(term.datatype) != _XSD_STRING:
            return f"{text}^^<{_str(term.datatype)}>"
        return text
    if isinstance(term, BNode):
        return "_:" + _str(term)
    return "<" + _str(term) + ">"


class TermTexts:
    """term_text with caches, checking each new IRI and language tag once with
    pyoxigraph: the writer can then parse its own N-Quads leniently (twice as fast)."""

    def __init__(self) -> None:
        self.iris: dict[str, str] = {}
        self.literals: dict[Node, str] = {}

    def checked(self, value: str) -> str:
        """`<value>`, the IRI checked the first time it is seen."""
        return self.iris.get(value) or self.iri(value)

    def iri(self, value: str) -> str:
        try:
            ox.NamedNode(value)
        except ValueError:
            raise KgError(f"invalid IRI <{value}>") from None
        text = self.iris[value] = "<" + value + ">"
        return text

    def other(self, term: Node) -> str:
        if isinstance(term, Literal) and term.language:
            try:
                ox.Literal("", language=term.language)
            except ValueError:
                raise KgError(f"invalid language tag {term.language!r}") from None
        elif isinstance(term, Literal) and term.datatype is not None:
            self.iris.get(_str(term.datatype)) or self.iri(_str(term.datatype))
        text = self.literals[term] = term_text(term)
        return text


def quad_texts(quads: Iterable[tuple[Node, Node, Node, Node]]
               ) -> Iterator[tuple[Node, str]]:
    """(graph, statement `<s> <p> o`) of each rdflib quad, one at a time (the streaming
    build spools them without a set per document). Inlined look-ups: this loop is most
    of a 1M-triple export."""
    texts = TermTexts()
    iris, literals = texts.iris, texts.literals
    for s, p, o, g in quads:
        if type(s) is URIRef:
            ts = iris.get(_str(s)) or texts.iri(_str(s))
        else:
            ts = literals.get(s) or texts.other(s)
        tp = iris.get(_str(p)) or texts.iri(_str(p))
        if type(o) is URIRef:
            to = iris.get(_str(o)) or texts.iri(_str(o))
        else:
            to = literals.get(o) or texts.other(o)
        yield g, f"{ts} {tp} {to}"


def integer(n: int) -> str:
    """An xsd:integer as rdflib's Literal(n) prints."""
    return f'"{n}"^^<{_XSD_INTEGER}>'


def lang_text(value: str, tag: str) -> str:
    """A language-tagged string (the tag is one of kg's own, lower case)."""
    return quoted(value) + "@" + tag
