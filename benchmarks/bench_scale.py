"""Scale-out throughput: `kg build` with --jobs 1, --jobs 2 and a Dask LocalCluster of 2
workers, with the parse on; quiet and beside a CPU-burning rival process.

    python benchmarks/bench_scale.py [N] [--runs jobs1,jobs2,dask2,...] [--rival RUNS]
                                     [--no-parse] [--out FILE]

N documents (default 100) are generated from the team's articles (seeds/articles) and the
real-news dev passages (seeds/news/dev.jsonl; never the frozen test passages), cycled,
each copy with its own id and date (dates decide office holders, so they vary the work).
Each run is `kg build` in a fresh process, as a user runs it, timed end to end (process
start, model load, extraction, RDF write); the line also gives the rate of the
extraction alone (kg's --verbose line) and the peak resident memory (VmHWM) of each
process of the run's tree: the main process, and the largest worker (pool workers
descend from a forkserver, Dask workers from nannies; the tree is sampled twice a
second, so a process that lives less than that may be missed), and the CPU seconds of
the whole tree per 1,000 sentences: on a loaded machine wall time says more about the
other work than about kg, CPU per sentence much less so.

`--no-parse` builds with the case-marker rules only (no Stanza): the peak memory of the
main process then shows what the build itself holds, not the parser's models.

Figures on a machine other work shares are noisy: run with `nice`, read them as a range.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from itertools import cycle, islice
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "seeds" / "articles"
DEV = ROOT / "seeds" / "news" / "dev.jsonl"  # never seeds/news/test.jsonl: frozen for testing
RUNS = {
    "jobs1": ["--jobs", "1"],
    "jobs1-1thread": ["--jobs", "1"],
    "jobs2": ["--jobs", "2"],
    "dask2": ["--scheduler", "local", "--jobs", "2"],
}
ONE_THREAD = {"jobs1-1thread"}


def passages() -> list[dict]:
    """The source texts: team articles and real-news dev passages, in a fixed order."""
    out = []
    for path in sorted(ARTICLES.glob("*.jsonl")) + [DEV]:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                rec = json.loads(line)
                out.append({"text": rec["text"], "date": rec.get("date")})
    return out


def corpus(n: int, path: Path) -> Path:
    """`n` documents, cycling the passages, ids bench-00000…, dates a day apart from
    2015-01-01 (a decade of a daily's archive, compressed)."""
    start = dt.date(2015, 1, 1)
    with path.open("w", encoding="utf-8") as fh:
        for i, p in enumerate(islice(cycle(passages()), n)):
            date = (start + dt.timedelta(days=i % 3650)).isoformat()
            fh.write(json.dumps({"id": f"bench-{i:05d}", "date": date, "text": p["text"]},
                                ensure_ascii=False) + "\n")
    return path


def _parents() -> dict[int, int]:
    """pid → parent pid of every process now running."""
    out = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:
            continue
        out[int(stat.parent.name)] = int(text.rsplit(")", 1)[1].split()[1])
    return out


def _hwm_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _cpu_s(pid: int) -> float:
    """User + system CPU seconds of a process so far."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class TreePeak(threading.Thread):
    """Samples the peak RSS (VmHWM) and the CPU time of a process and its descendants."""

    def __init__(self, root: int) -> None:
        super().__init__(daemon=True)
        self.root, self.peaks, self.cpu = root, {}, {}
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.wait(0.5):
            self.sample()

    def sample(self) -> None:
        parents = _parents()
        tree, grew = {self.root}, True
        while grew:
            more = {p for p, pp in parents.items() if pp in tree} - tree
            tree |= more
            grew = bool(more)
        for pid in tree:
            self.peaks[pid] = max(self.peaks.get(pid, 0), _hwm_kb(pid))
            self.cpu[pid] = max(self.cpu.get(pid, 0.0), _cpu_s(pid))


def measure(name: str, data: Path, work: Path, extra: list[str] | None = None) -> dict:
    """One `kg build` in a child process, timed, its process tree's memory sampled."""
    env = dict(os.environ)
    if name in ONE_THREAD:
        env["KG_TORCH_THREADS"] = "1"
    args = [sys.executable, "-m", "kg.cli", "build", str(data), "-o", str(work / f"{name}.nq"),
            "-v", *RUNS[name], *(extra or [])]
    start = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=env)
    peak = TreePeak(proc.pid)
    peak.start()
    _, err = proc.communicate()
    wall = time.perf_counter() - start
    peak.done.set()
    if proc.returncode != 0:
        raise SystemExit(f"{name}: kg build failed: {err.strip()}")
    m = re.search(r"\((\d+) documents, (\d+) sentences, ([\d.]+) sentences/s", err)
    docs, sentences, rate = int(m[1]), int(m[2]), float(m[3])
    main_kb = peak.peaks.pop(proc.pid, 0)
    return {"run": name, "documents": docs, "sentences": sentences, "wall_s": round(wall, 1),
            "end_to_end_sps": round(sentences / wall, 1), "extraction_sps": rate,
            "peak_rss_main_mb": round(main_kb / 1024),
            "peak_rss_worker_mb": round(max(peak.peaks.values(), default=0) / 1024),
            "processes": 1 + len(peak.peaks),
            "cpu_s_per_1000_sentences": round(1000 * sum(peak.cpu.values()) / sentences, 1)}


class Rival:
    """A CPU-bound process beside the run (one core kept busy), as on a shared machine."""

    def __enter__(self) -> Rival:
        self.proc = subprocess.Popen([sys.executable, "-c", "while True: pass"])
        return self

    def __exit__(self, *exc: object) -> None:
        self.proc.kill()
        self.proc.wait()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", nargs="?", type=int, default=100, help="documents (default 100)")
    ap.add_argument("--runs", default="jobs1,jobs1-1thread,jobs2,dask2",
                    help="comma-separated runs: " + ", ".join(RUNS))
    ap.add_argument("--rival", default="jobs1,jobs2",
                    help="runs repeated beside a CPU-burning process ('' for none)")
    ap.add_argument("--no-parse", action="store_true", help="kg build --no-parse")
    ap.add_argument("--out", type=Path, help="also append the results as JSON Lines here")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="kg-bench-scale-") as tmp:
        work = Path(tmp)
        data = corpus(args.n, work / "corpus.jsonl")
        plan = [(r, False) for r in args.runs.split(",") if r]
        plan += [(r, True) for r in args.rival.split(",") if r]
        extra = ["--no-parse"] if args.no_parse else []
        results = []
        for name, rival in plan:
            if rival:
                with Rival():
                    row = measure(name, data, work, extra)
            else:
                row = measure(name, data, work, extra)
            row["rival"] = rival
            row["load"] = round(os.getloadavg()[0], 1)
            row["parse"] = not args.no_parse
            results.append(row)
            print(f"{name:14} rival={'yes' if rival else 'no ':3} {row['sentences']} sentences"
                  f"  {row['wall_s']:7.1f} s  end-to-end {row['end_to_end_sps']:6.1f} sent/s"
                  f"  extraction {row['extraction_sps']:6.1f} sent/s"
                  f"  peak RSS main {row['peak_rss_main_mb']} MB, largest other of "
                  f"{row['processes'] - 1} {row['peak_rss_worker_mb']} MB"
                  f"  CPU {row['cpu_s_per_1000_sentences']} s/1000 sentences"
                  f"  (load avg {row['load']})", flush=True)
            if args.out:
                with args.out.open("a", encoding="utf-8") as fh:
                    fh.write(json.dumps({"n": args.n, **row}) + "\n")
        same = {(work / f"{r['run']}.nq").read_bytes() for r in results}
        print(f"outputs byte-identical across runs: {len(same) == 1}")


if __name__ == "__main__":
    main()
