"""Settings: one object, built in one place from the environment and the command line.

Every environment variable kg reads is listed here (and in the README); nothing deeper in
the code reads `os.environ`. The command line builds its `Settings` with
`from_env(**flags)`, so a flag beats the variable; library users pass a `Settings` (or
nothing: `current()` reads the environment once).

| variable | meaning |
|---|---|
| KG_SEEDS | a folder to use instead of the shipped language data (seeds/) |
| KG_ONTOLOGY | a folder to use instead of the shipped ontology/ |
| KG_NO_PARSE | 1: case-marker rules only, no Stanza parse (as `--no-parse`) |
| KG_NO_NER_ACTORS | 1: do not add people found only by the NER model |
| KG_NO_FILTER | 1: keep every event the rules propose (no learned event filter) |
| KG_TORCH_THREADS | torch threads per process (default 1: see the README, Speed) |
| KG_DEBUG | 1: show a traceback instead of the one-line error |
| KG_GRAPH | default graph file of `kg query` |
| KG_ENDPOINT_USER, KG_ENDPOINT_PASSWORD | credentials for `kg push` |
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from kg.errors import KgError


def _flag(env: Mapping[str, str], name: str) -> bool:
    return env.get(name, "").strip().lower() not in ("", "0", "false", "no")


@dataclass(frozen=True, slots=True)
class Settings:
    """What a run may vary; frozen so that a pipeline's behaviour cannot drift mid-run."""

    seeds: Path | None = None  # None: the shipped seeds/
    ontology: Path | None = None  # None: the shipped ontology/
    parse: bool | None = None  # None: parse when the trained models are installed
    ner_actors: bool = True
    event_filter: bool = True  # prune proposals with the learned filter, when shipped
    # 1: on a machine where other processes compete for the cores, a second torch thread
    # spins and cost 20x the CPU per sentence (benchmarks/bench_build.py --contend)
    torch_threads: int = 1
    debug: bool = False

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, **overrides: object) -> Settings:
        """Settings from the environment, then `overrides` (command-line flags; None
        values are ignored, so an unset flag leaves the variable in force)."""
        env = os.environ if env is None else env
        threads = env.get("KG_TORCH_THREADS", "1")
        if not threads.isdigit() or int(threads) < 1:
            raise KgError(f"KG_TORCH_THREADS={threads!r} is not a positive whole number")
        base = cls(
            seeds=Path(env["KG_SEEDS"]) if env.get("KG_SEEDS") else None,
            ontology=Path(env["KG_ONTOLOGY"]) if env.get("KG_ONTOLOGY") else None,
            parse=False if _flag(env, "KG_NO_PARSE") else None,
            ner_actors=not _flag(env, "KG_NO_NER_ACTORS"),
            event_filter=not _flag(env, "KG_NO_FILTER"),
            torch_threads=int(threads),
            debug=_flag(env, "KG_DEBUG"),
        )
        return replace(base, **{k: v for k, v in overrides.items() if v is not None})


def current() -> Settings:
    """The settings of this process's environment, read now."""
    return Settings.from_env()
