"""What the event filter (kg.extract.filter) weighs about each actor pair of an event.

The rules propose events; some of their ways of finding roles are right more often than
others (a stated subject more than the discourse topic, an unmarked phrase after the verb
more than a genitive far before it). These features describe how each source–target pair
was found, so that a model fitted on the real-news dev split can weigh them; with a parse,
they include the tree's view of the pair (the relation of each phrase, whether the tree
attaches it to this predicate)."""

from __future__ import annotations

from kg.entities.mention import Mention
from kg.extract.state import Event, SentenceState
from kg.lang.gazetteer import Entity

Pair = tuple[str, str | None]


def _mention(st: SentenceState, e: Entity) -> Mention | None:
    return next((m for m in st.mentions if e in m.entities), None)


def _phrase(st: SentenceState, prefix: str, m: Mention | None, ev: Event) -> dict[str, float]:
    if m is None:
        return {f"{prefix}:discourse": 1.0}
    # a case means different roles for different acts (ইউক্রেনে: the recipient of aid,
    # the place of an attack), so it is weighed per type as well
    f = {f"{prefix}:case={m.case}": 1.0, f"type={ev.type}|{prefix}:case={m.case}": 1.0,
         f"{prefix}:kind={m.kind}": 1.0}
    before = m.end <= ev.cue_start
    f[f"{prefix}:{'before' if before else 'after'}"] = 1.0
    gap = ev.cue_start - m.end if before else m.start - ev.cue_end
    f[f"{prefix}:gap={min(max(gap, 0), 6) // 2}"] = 1.0
    if st.parse is not None and len(st.parse.words) == len(st.toks):
        words = st.parse.words
        head = next((k for k in range(m.start, m.end) if not m.start <= words[k].head < m.end),
                    m.end - 1)
        f[f"{prefix}:deprel={words[head].deprel}"] = 1.0
        path = st.parse.governor_path(head)
        on_cue = next((n for n, k in enumerate(path) if ev.cue_start <= k < ev.cue_end), None)
        f[f"{prefix}:tree={'cue' if on_cue is not None else 'elsewhere'}"] = 1.0
        if on_cue is not None:
            f[f"{prefix}:treedist={min(on_cue, 3)}"] = 1.0
    return f


def pair_features(st: SentenceState, ev: Event, quoted: bool) -> dict[Pair, dict[str, float]]:
    """The features of each source–target pair of `ev`; `quoted`: the sentence is inside
    a quotation (Sentence.quoted, asked once per sentence by the caller)."""
    base = {"bias": 1.0, f"pred={ev.pred.id}": 1.0, f"type={ev.type}": 1.0,
            f"conf={ev.confidence}": 1.0, f"nsrc={min(len(ev.sources), 3)}": 1.0,
            f"ntgt={min(len(ev.targets), 3)}": 1.0,
            f"sent={min(st.sent.index, 3)}": 1.0, "quoted": float(quoted),
            "implicit_target": float(ev.implicit_target),
            "embedded": float(ev.embedded), "parsed": float(st.parse is not None)}
    for c in ev.context:
        base[f"ctx={c}"] = 1.0
    out: dict[Pair, dict[str, float]] = {}
    for s in ev.sources:
        sm = _mention(st, s)
        for t in ev.targets or [None]:
            f = dict(base)
            f[f"stype={s.type}"] = 1.0
            f[f"skind={s.kind or '-'}"] = 1.0
            f.update(_phrase(st, "src", sm, ev))
            f[f"type={ev.type}|src={'stated' if sm else 'discourse'}"] = 1.0
            if t is None:
                f["notarget"] = 1.0
            else:
                tm = _mention(st, t)
                f[f"ttype={t.type}"] = 1.0
                f[f"tkind={t.kind or '-'}"] = 1.0
                f.update(_phrase(st, "tgt", tm, ev))
                f[f"type={ev.type}|tgt={'stated' if tm else 'discourse'}"] = 1.0
            out[(s.key, t.key if t is not None else None)] = f
    return out
