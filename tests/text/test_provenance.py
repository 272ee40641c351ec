"""url and outlet of JSON Lines input records (kg.text.documents): kept when valid,
refused in one line when not (they become IRIs and literals in the graph)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from kg.errors import KgError
from kg.text.documents import read_inputs


def _jsonl(tmp_path, **fields) -> str:
    rec = {"id": "d", "text": "পুতিন বেইজিং সফর করেন।", **fields}
    path = tmp_path / "d.jsonl"
    path.write_text(json.dumps(rec, ensure_ascii=False) + "\n", encoding="utf-8")
    return str(path)


def test_url_and_outlet_are_read(tmp_path):
    (doc,) = read_inputs([_jsonl(tmp_path, url="https://x.example/a?b=1", outlet=" Prothom Alo ")])
    assert (doc.url, doc.outlet) == ("https://x.example/a?b=1", "Prothom Alo")
    (doc,) = read_inputs([_jsonl(tmp_path)])
    assert (doc.url, doc.outlet) == (None, None)


@pytest.mark.parametrize(("fields", "message"), [
    ({"url": "ftp://x.example/a"}, "not an absolute http(s) URL"),
    ({"url": "https://x.example/a b"}, "not an absolute http(s) URL"),
    ({"url": "x.example/a"}, "not an absolute http(s) URL"),
    ({"outlet": 7}, "'outlet' must be a string"),
])
def test_bad_provenance_is_refused(tmp_path, fields, message):
    with pytest.raises(KgError, match=message.replace("(", r"\(").replace(")", r"\)")):
        read_inputs([_jsonl(tmp_path, **fields)])


def test_bad_url_fails_the_build_in_one_line_without_output(tmp_path):
    out = tmp_path / "g.ttl"
    proc = subprocess.run([sys.executable, "-m", "kg.cli", "build", "--no-parse", "-o", str(out),
                           _jsonl(tmp_path, url="javascript:alert(1)")],
                          capture_output=True, timeout=300)
    err = proc.stderr.decode()
    assert proc.returncode == 2 and len(err.strip().splitlines()) == 1, err
    assert "d.jsonl:1: url" in err and not out.exists()
