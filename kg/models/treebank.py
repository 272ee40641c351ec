"""kg's Bengali UD treebank (seeds/treebank): reading, checking, the fixed split.

The annotated sentences live in seeds/treebank/parts/*.conllu: the team's sentences
(a, b, c: the seed article and team-written news) and real news from seeds/news
(news-dev, news-test: machine-parsed, then corrected by hand). `split_treebank` derives the
train/dev/test files deterministically: test is exactly the sentences of the news corpus's
frozen test passages (never trained on, so the parser is measured on news it never saw);
dev is every 10th other sentence (the seed article's sentences always train); train is the
rest. The split never changes unless the
parts do.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import KgError
from kg.resources import seeds_dir

TREEBANK = seeds_dir() / "treebank"
UPOS = frozenset("ADJ ADP ADV AUX CCONJ DET INTJ NOUN NUM PART PRON PROPN PUNCT SCONJ SYM VERB X"
                 .split())
DEPRELS = frozenset(
    "nsubj obj iobj obl obl:tmod nmod amod nummod det advmod advcl acl acl:relcl ccomp xcomp "
    "compound compound:lvc flat appos conj cc case mark aux cop discourse punct root dep "
    "parataxis".split())


@dataclass
class Sent:
    comments: list[str]
    rows: list[list[str]] = field(default_factory=list)

    @property
    def sent_id(self) -> str:
        return self._comment("sent_id")

    @property
    def text(self) -> str:
        return self._comment("text")

    @property
    def source(self) -> str:
        return self._comment("source")

    def _comment(self, key: str) -> str:
        for c in self.comments:
            k, _, v = c[1:].strip().partition("=")
            if k.strip() == key:
                return v.strip()
        return ""

    def to_conllu(self) -> str:
        return "\n".join(self.comments + ["\t".join(r) for r in self.rows]) + "\n"


def read_conllu(path: Path) -> list[Sent]:
    if not path.is_file():
        raise KgError(f"{path}: no such treebank file")
    sents: list[Sent] = []
    current: Sent | None = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if current is not None and current.rows:
                sents.append(current)
            current = None
            continue
        if current is None:
            current = Sent([])
        if line.startswith("#"):
            current.comments.append(line)
        else:
            current.rows.append(line.split("\t"))
    if current is not None and current.rows:
        sents.append(current)
    return sents


def problems(sent: Sent) -> list[str]:
    """Why a sentence is not a well-formed UD tree (empty list: it is)."""
    out = []
    rows = sent.rows
    if any(len(r) != 10 for r in rows):
        return [f"{sent.sent_id}: a row without 10 columns"]
    ids = [r[0] for r in rows]
    if ids != [str(i) for i in range(1, len(rows) + 1)]:
        out.append(f"{sent.sent_id}: ids are not 1..n")
    heads = []
    for r in rows:
        if not r[6].isdigit() or int(r[6]) > len(rows):
            return out + [f"{sent.sent_id}: token {r[0]} has head {r[6]!r}"]
        heads.append(int(r[6]))
    if heads.count(0) != 1:
        out.append(f"{sent.sent_id}: {heads.count(0)} roots")
    for i in range(1, len(rows) + 1):
        seen, k = set(), i
        while k != 0:
            if k in seen:
                out.append(f"{sent.sent_id}: cycle through token {i}")
                break
            seen.add(k)
            k = heads[k - 1]
    for r in rows:
        if r[3] not in UPOS:
            out.append(f"{sent.sent_id}: UPOS {r[3]!r}")
        if r[7] not in DEPRELS:
            out.append(f"{sent.sent_id}: deprel {r[7]!r}")
        if (r[7] == "root") != (r[6] == "0"):
            out.append(f"{sent.sent_id}: root relation and head 0 disagree at {r[0]}")
    return out


def parts() -> list[Sent]:
    out: list[Sent] = []
    for path in sorted((TREEBANK / "parts").glob("*.conllu")):
        out.extend(read_conllu(path))
    return out


def split_treebank(sents: list[Sent]) -> dict[str, list[Sent]]:
    split: dict[str, list[Sent]] = {"train": [], "dev": [], "test": []}
    other = 0
    for s in sents:
        if s.source.startswith("news-test:"):
            split["test"].append(s)
            continue
        if s.source == "seed":
            split["train"].append(s)  # the seed article: the lexicon's own development text
            continue
        split["dev" if other % 10 == 3 else "train"].append(s)
        other += 1
    return split


def write_split(directory: Path = TREEBANK) -> dict[str, int]:
    sents = parts()
    bad = [p for s in sents for p in problems(s)]
    if bad:
        raise KgError(f"treebank has {len(bad)} problems, first: {bad[0]}")
    counts = {}
    for name, items in split_treebank(sents).items():
        path = directory / f"bn_kg-ud-{name}.conllu"
        path.write_text("\n".join(s.to_conllu() for s in items) + "\n", encoding="utf-8")
        counts[name] = len(items)
    return counts


def split_file(name: str) -> Path:
    return TREEBANK / f"bn_kg-ud-{name}.conllu"
