"""`kg export events`: one row per canonical event, as event-data users expect a table.

The columns follow the event datasets analysts know (GDELT, ICEWS, Phoenix): the event's
id and date, its category (PLOVER type, CAMEO code, quad class, Goldstein score), who
did it to whom (Wikidata QIDs, English labels, and the CAMEO and ISO 3166 alpha-3 codes
of the state each actor stands for), where, how sure kg is, its context flags, and how
often and by whom it was reported (numMentions, numSources, URLs).

Several actors on one side are joined with " | " in one cell, in a fixed order, so the
table stays one row per event and the same graph always gives the same bytes. A person's
or ministry's state is the country roll-up of kg.query.rollup (the office held in the
event's year). pandas writes the file; pyarrow is needed for Parquet only.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from pathlib import Path

from kg.errors import KgError
from kg.query.model import Actor, EventRow
from kg.query.rollup import Rollup
from kg.schema import CONTEXTS

SEP = " | "
COLUMNS = [
    "id", "date", "type", "cameo", "quad", "goldstein", "mode", "relation",
    "source_qid", "source_label", "source_cameo", "source_iso3",
    "target_qid", "target_label", "target_cameo", "target_iso3",
    "location", "confidence", *CONTEXTS, "num_mentions", "num_sources", "urls",
    "documents", "evidence",
]
SUFFIXES = (".csv", ".parquet")


def _join(values: Iterable[str | None]) -> str | None:
    kept = [v for v in values if v]
    return SEP.join(kept) if kept else None


def _side(actors: tuple[Actor, ...], year: int | None, up: Rollup) -> dict[str, str | None]:
    states = [up(a, year) for a in actors]
    return {"qid": _join(a.wikidata for a in actors),
            "label": _join(a.display for a in actors),
            "cameo": _join(dict.fromkeys(s.cameo for s in states if s.type == "Country")),
            "iso3": _join(dict.fromkeys(s.iso3 for s in states if s.type == "Country"))}


def event_record(row: EventRow, up: Rollup) -> dict[str, object]:
    """One table row of a canonical event row (kg.query.canonical)."""
    year = row.year
    src, tgt = _side(row.sources, year, up), _side(row.targets, year, up)
    out: dict[str, object] = {
        "id": row.event, "date": row.when, "type": row.type, "cameo": row.cameo,
        "quad": row.quad, "goldstein": row.goldstein, "mode": row.mode,
        "relation": row.relation, "location": row.location, "confidence": row.confidence,
        "num_mentions": row.num_mentions, "num_sources": row.num_sources,
        "urls": _join(row.urls or ([row.url] if row.url else [])),
        "documents": row.document, "evidence": row.evidence,
    }
    out.update({f"source_{k}": v for k, v in src.items()})
    out.update({f"target_{k}": v for k, v in tgt.items()})
    out.update({c: c in row.context for c in CONTEXTS})
    return out


def events_frame(rows: Iterable[EventRow]):
    """The events as a pandas DataFrame with the columns above and fixed dtypes."""
    pd = _pandas()
    up = Rollup("country")
    records = [event_record(r, up) for r in rows]
    frame = pd.DataFrame.from_records(records, columns=COLUMNS)
    for c in COLUMNS:
        if c in CONTEXTS:
            frame[c] = frame[c].astype("bool")
        elif c in ("num_mentions", "num_sources"):
            frame[c] = frame[c].astype("int64")
        elif c in ("goldstein", "confidence"):
            frame[c] = frame[c].astype("float64")
        else:
            frame[c] = frame[c].astype("string")
    return frame


def table_bytes(frame, suffix: str) -> bytes:
    """The DataFrame as CSV (UTF-8, \\n line ends) or Parquet bytes."""
    if suffix == ".csv":
        return frame.to_csv(index=False, lineterminator="\n").encode("utf-8")
    if suffix == ".parquet":
        try:
            import pyarrow  # noqa: F401 - pandas needs it for Parquet; say so clearly
        except ImportError:
            raise KgError("writing Parquet needs pyarrow: pip install 'kg[export]'") from None
        buf = io.BytesIO()
        frame.to_parquet(buf, index=False, engine="pyarrow")
        return buf.getvalue()
    raise KgError(f"unknown table format {suffix!r}; name a file ending in "
                  f"{' or '.join(SUFFIXES)}")


def export_events(rows: Iterable[EventRow], path: Path) -> int:
    """Write the table to `path` (format from the extension) atomically; row count."""
    from kg.rdf.write import write_atomic

    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise KgError(f"{path}: name a file ending in {' or '.join(SUFFIXES)}")
    frame = events_frame(rows)
    write_atomic(path, table_bytes(frame, suffix))
    return len(frame)


def _pandas():
    try:
        import pandas as pd
    except ImportError:
        raise KgError("kg export events needs pandas: pip install 'kg[export]'") from None
    return pd
