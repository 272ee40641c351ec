"""`kg build --scheduler` on files: the workers read the partitions and write N-Quads
shards, and the merge of the shards is the local build's file, byte for byte."""

from __future__ import annotations

import io
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.errors import KgError
from kg.scale.shards import Partition, merge_shard, partitions, write_shard
from tests.conftest import ROOT, SEED_ARTICLES
from tests.scale.test_scale import kg, one_line_error

ARTICLES = sorted(SEED_ARTICLES.glob("team-*.jsonl"))[:2]


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Three partitions: two team articles and four real-news dev passages, in a
    directory with a subdirectory (the order a local build reads them in is sorted)."""
    folder = tmp_path_factory.mktemp("shards") / "in"
    (folder / "sub").mkdir(parents=True)
    for path in ARTICLES:
        (folder / path.name).write_bytes(path.read_bytes())
    news = (ROOT / "seeds" / "news" / "dev.jsonl").read_text(encoding="utf-8")
    (folder / "sub" / "news.jsonl").write_text("".join(news.splitlines(True)[:4]),
                                               encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def rules() -> object:
    from kg.pipeline import Pipeline
    from kg.settings import Settings

    return Pipeline(Settings.from_env(parse=False))


def _local(paths: list[str], fmt: str = "nquads") -> bytes:
    """The graph `kg build --jobs 1` writes, made in this process."""
    from kg.lang.gazetteer import default_gazetteer
    from kg.pipeline import Pipeline
    from kg.rdf.stream import GraphBuilder
    from kg.settings import Settings
    from kg.text.documents import iter_inputs

    out = io.BytesIO()
    with GraphBuilder(fmt, default_gazetteer(), 1) as builder:
        for res in Pipeline(Settings.from_env(parse=False)).stream(iter_inputs(paths)):
            builder.add(res)
        builder.finish()
        builder.write(out)
    return out.getvalue()


def test_partitions_are_the_files_in_reading_order(inputs: Path) -> None:
    parts = partitions([str(inputs), str(inputs / "sub" / "news.jsonl")])
    assert parts is not None
    news = str(inputs / "sub" / "news.jsonl")  # sorted: "sub/…" before "team-…"
    assert [p.label for p in parts] == [news] + [str(inputs / a.name) for a in ARTICLES] + [
        news]
    assert all(Path(p.source).is_absolute() for p in parts)
    assert partitions(["-"]) is None
    with pytest.raises(KgError, match="no such file or directory"):
        partitions([str(inputs / "missing.jsonl")])


def test_file_urls_and_globs_are_partitions_too(inputs: Path) -> None:
    pytest.importorskip("fsspec")
    parts = partitions([f"file://{inputs}/team-*.jsonl", f"file://{inputs}/sub"])
    assert parts is not None
    assert [p.source for p in parts] == [f"file://{inputs / a.name}" for a in ARTICLES] + [
        f"file://{inputs / 'sub' / 'news.jsonl'}"]
    with pytest.raises(KgError, match="names no .txt or .jsonl files"):
        partitions([f"file://{inputs}/*.txt"])


def test_shards_merged_are_the_local_build_byte_for_byte(inputs: Path, rules,
                                                         tmp_path: Path) -> None:
    """What the workers and the client do, in this process: a shard per partition
    (one read through a file:// URL), then the merge into the streaming builder."""
    from kg.lang.gazetteer import default_gazetteer
    from kg.rdf.stream import GraphBuilder

    parts = partitions([str(inputs / ARTICLES[0].name), str(inputs / "sub")])
    assert parts is not None
    pytest.importorskip("fsspec")
    parts.append(Partition(f"file://{inputs / ARTICLES[1].name}", "second"))
    for index, part in enumerate(parts):
        done = write_shard(rules, index, part, str(tmp_path), chunk=2)
        assert done.documents >= 1 and done.error is None
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        f"part-0000{i}.{ext}" for i in range(3) for ext in ("jsonl", "nq")]
    for fmt in ("nquads", "turtle"):
        out, seen = io.BytesIO(), set()
        with GraphBuilder(fmt, default_gazetteer(), 1) as builder:
            for index in range(3):
                merge_shard(builder, tmp_path, index, seen)
            builder.finish()
            builder.write(out)
        local = _local([str(inputs / ARTICLES[0].name), str(inputs / "sub"),
                        str(inputs / ARTICLES[1].name)], fmt)
        assert out.getvalue() == local
    assert b"kg-bn/graph/document/" in local
    # a shard is N-Quads as it stands: a bulk loader takes it
    quads = list(ox.parse(path=str(tmp_path / "part-00000.nq"), format=ox.RdfFormat.N_QUADS))
    assert quads and all(q.graph_name.value.startswith("https://") for q in quads)


def test_a_failing_partition_leaves_no_file_behind(tmp_path: Path, rules) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "text": "রাশিয়া ইউক্রেনে হামলা চালিয়েছে।"}\n{oops\n',
                   encoding="utf-8")
    out = tmp_path / "shards"
    out.mkdir()
    with pytest.raises(KgError, match=r"^bad\.jsonl:2: invalid JSON"):
        write_shard(rules, 0, Partition(str(bad), "bad.jsonl"), str(out), chunk=1)
    assert list(out.iterdir()) == []


def test_a_shard_folder_the_worker_cannot_reach_is_one_line(tmp_path: Path, rules,
                                                            inputs: Path) -> None:
    part = Partition(str(inputs / ARTICLES[0].name), ARTICLES[0].name)
    with pytest.raises(KgError, match="must be reachable from every worker"):
        write_shard(rules, 0, part, str(tmp_path / "elsewhere"), chunk=2)


def test_shards_need_a_scheduler_and_files(inputs: Path, tmp_path: Path) -> None:
    err = one_line_error(kg("build", inputs, "--no-parse", "--shards", tmp_path / "s",
                            "-o", tmp_path / "g.nq"))
    assert "--shards needs --scheduler" in err


@pytest.mark.slow
def test_a_dask_cluster_reads_the_files_and_writes_shards(inputs: Path,
                                                         tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    reference = tmp_path / "jobs1.nq"
    proc = kg("build", inputs, "-o", reference, "--jobs", 1, "--no-parse")
    assert proc.returncode == 0, proc.stderr
    out, shards = tmp_path / "dask.nq", tmp_path / "shards"
    proc = kg("build", f"file://{inputs}/sub", *(inputs / a.name for a in ARTICLES),
              "-o", out, "--scheduler", "local", "--jobs", 2, "--no-parse", "-v",
              "--shards", shards)
    assert proc.returncode == 0, proc.stderr
    assert "stage timings on Dask (local) (6 documents" in proc.stderr
    assert "3 partitions read by the workers" in proc.stderr
    assert sorted(p.name for p in shards.iterdir()) == [
        f"part-0000{i}.{ext}" for i in range(3) for ext in ("jsonl", "nq")]
    # the order of the inputs differs, the graph does not
    assert out.read_bytes() == reference.read_bytes()
    # without --shards, the temporary shard folder goes away
    again = tmp_path / "again.nq"
    proc = kg("build", inputs, "-o", again, "--scheduler", "local", "--jobs", 2,
              "--no-parse")
    assert proc.returncode == 0, proc.stderr
    assert again.read_bytes() == reference.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "again.nq", "dask.nq", "jobs1.nq", "shards"]
    # a folder that holds shards already is not mixed with a second run
    err = one_line_error(kg("build", inputs, "-o", again, "--scheduler", "local",
                            "--no-parse", "--shards", shards))
    assert "already holds shards" in err


@pytest.mark.slow
def test_an_id_in_two_partitions_is_refused_in_one_line(inputs: Path, tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    twice = tmp_path / "twice"
    twice.mkdir()
    for name in ("a.jsonl", "b.jsonl"):
        (twice / name).write_bytes((inputs / ARTICLES[0].name).read_bytes())
    shards = tmp_path / "shards"
    err = one_line_error(kg("build", twice, "-o", tmp_path / "g.nq", "--scheduler", "local",
                            "--jobs", 2, "--no-parse", "--shards", shards))
    assert f"document id {ARTICLES[0].stem!r} occurs twice in the input" in err
    assert not (tmp_path / "g.nq").exists()
    assert not [p for p in shards.iterdir() if p.name.endswith(".tmp")]
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
