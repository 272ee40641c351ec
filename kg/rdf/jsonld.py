"""JSON-LD with an `@context`: pyoxigraph writes expanded JSON-LD (full IRIs, no context),
correct but unreadable and useless to a JSON user, who expects short keys such as
`kgo:source`. This adds kg's prefixes as the `@context` and writes IRIs with them.

Only prefixes are defined (no terms, no `@vocab`), so every compact IRI expands back to
exactly the IRI it came from: parsers read the same quads as from the expanded form
(tests/rdf/test_dataset.py reads every format back with pyoxigraph and rdflib).
"""

from __future__ import annotations

import json
import re

from kg.errors import KgError

_LOCAL = re.compile(r"[A-Za-z_][A-Za-z0-9_.\-]*")
_IRI_KEYS = ("@id", "@type")


class _Compactor:
    """Full IRI → prefix:local, by the longest namespace that leaves a simple local name."""

    def __init__(self, prefixes: dict[str, str]) -> None:
        self.prefixes = sorted(prefixes.items(), key=lambda kv: -len(kv[1]))

    def iri(self, value: str) -> str:
        for prefix, ns in self.prefixes:
            if value.startswith(ns) and _LOCAL.fullmatch(value[len(ns):]):
                return f"{prefix}:{value[len(ns):]}"
        return value

    def node(self, value: object) -> object:
        if isinstance(value, list):
            return [self.node(v) for v in value]
        if not isinstance(value, dict):
            return value
        out: dict[str, object] = {}
        for key, item in value.items():
            if key in _IRI_KEYS and isinstance(item, str):
                item = self.iri(item)
            elif key == "@type" and isinstance(item, list):
                item = [self.iri(t) if isinstance(t, str) else t for t in item]
            else:
                item = self.node(item)
            out[key if key.startswith("@") else self.iri(key)] = item
        return out


def with_context(data: bytes, prefixes: dict[str, str]) -> bytes:
    """Expanded JSON-LD (pyoxigraph's output) → the same graph with an @context."""
    try:
        doc = json.loads(data)
    except json.JSONDecodeError as exc:
        raise KgError(f"cannot write json-ld: {exc.msg}") from None
    compactor = _Compactor(prefixes)
    graph = doc if isinstance(doc, list) else [doc]
    out = {"@context": dict(sorted(prefixes.items())), "@graph": compactor.node(graph)}
    return json.dumps(out, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n"
