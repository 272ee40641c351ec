"""Limits of `kg build` (issues 12 and 13): peak memory of a large corpus, time of a text
without sentence ends. Each build is a real `kg build --jobs 1` process (one process:
its peak is the whole run's); its peak RSS comes from wait4(), so the benchmark's own
memory does not count.

    python benchmarks/bench_limits.py                 # both, at the issue's sizes
    python benchmarks/bench_limits.py --corpus-mb 100 --noend-mb 10 [--parse] [--keep DIR]

Targets: the 100 MB JSON Lines corpus builds with peak memory under 1.5 GB (the build
streams: its memory should not grow with the corpus); 10 MB of text without sentence
ends builds in under 30 s. The corpus is copies of the seed article
under distinct ids; the text without sentence ends is the seed article with its dandas,
question and exclamation marks and line breaks removed, repeated. Rules only unless
--parse (the Stanza parse is far slower per megabyte; its memory is bounded the same
way, one batch of documents and sentences of at most 120 tokens).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "articles" / "seed-putin-north-korea.jsonl"
MB = 1024 * 1024


def seed_text() -> str:
    return json.loads(SEED.read_text(encoding="utf-8").splitlines()[0])["text"]


def write_corpus(path: Path, size_mb: float) -> int:
    """JSON Lines of seed-article copies, `size_mb` megabytes; returns the record count."""
    text = seed_text()
    n = 0
    with path.open("w", encoding="utf-8") as fh:
        while fh.tell() < size_mb * MB:
            fh.write(json.dumps({"id": f"copy-{n}", "text": text}, ensure_ascii=False) + "\n")
            n += 1
    return n


def write_noend(path: Path, size_mb: float) -> None:
    """One text with no sentence end and no line break, `size_mb` megabytes."""
    run = re.sub(r"[।॥?!\n]+", " ", seed_text()).encode("utf-8") + b" "
    data = run * int(size_mb * MB // len(run) + 1)
    path.write_bytes(data[: int(size_mb * MB)].decode("utf-8", "ignore").encode("utf-8"))


def timed_build(source: Path, out: Path, parse: bool) -> tuple[float, float, float, str]:
    """(wall seconds, CPU seconds, peak RSS in MB, first summary line) of one `kg build`
    process. CPU seconds are the figure to compare on a machine other work shares."""
    args = [sys.executable, "-m", "kg.cli", "build", str(source), "-o", str(out), "--jobs",
            "1", "--quiet"]
    if not parse:
        args.append("--no-parse")
    start = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _pid, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    out_text, err_text = proc.stdout.read().decode(), proc.stderr.read().decode()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"kg build failed: {err_text.strip()}")
    cpu = usage.ru_utime + usage.ru_stime
    return seconds, cpu, usage.ru_maxrss / 1024, out_text.splitlines()[0]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus-mb", type=float, default=100)
    ap.add_argument("--noend-mb", type=float, default=10)
    ap.add_argument("--parse", action="store_true", help="with the Stanza parse")
    ap.add_argument("--keep", type=Path, help="write the inputs and graphs here")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        if args.noend_mb:
            src = work / "noend.txt"
            write_noend(src, args.noend_mb)
            secs, cpu, peak, line = timed_build(src, work / "noend.ttl", args.parse)
            verdict = "ok" if secs < 30 else "OVER the 30 s target"
            print(f"{args.noend_mb:g} MB without sentence ends: {secs:.1f} s ({cpu:.1f} s CPU),"
                  f" peak {peak:.0f} MB ({verdict})\n  {line}", flush=True)
        if args.corpus_mb:
            src = work / "corpus.jsonl"
            n = write_corpus(src, args.corpus_mb)
            secs, cpu, peak, line = timed_build(src, work / "corpus.trig", args.parse)
            verdict = "ok" if peak < 1536 else "OVER the 1.5 GB target"
            print(f"{args.corpus_mb:g} MB JSON Lines ({n} documents): peak {peak:.0f} MB "
                  f"({verdict}), {secs:.0f} s ({cpu:.0f} s CPU)\n  {line}", flush=True)


if __name__ == "__main__":
    main()
