"""notebooks/alliances.ipynb runs headless, top to bottom, as a newcomer would run it:
no errors, its figures as PNGs, opposing blocs and Russia's ego network on the seed corpus,
Bengali evidence in its tables, and it is stored without outputs."""

from __future__ import annotations

import base64
import io
import json
import os
import re
import sys
from pathlib import Path

import nbclient
import nbformat
import pytest

from tests.conftest import ROOT

NOTEBOOK = ROOT / "notebooks" / "alliances.ipynb"
FIGURES = 6  # actor network, country roll-up, blocs, ego network, timeline, trend
BENGALI = re.compile("[\u0980-\u09ff]")


def _kernel_available(tmp: Path, mp: pytest.MonkeyPatch) -> None:
    """Use the installed python3 kernel spec; without one (a bare venv), write one for
    this interpreter into a temp prefix and point JUPYTER_PATH at it, instead of
    installing anything into the user's Jupyter directories."""
    from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel

    try:
        KernelSpecManager().get_kernel_spec("python3")
    except NoSuchKernel:
        from ipykernel.kernelspec import install

        install(prefix=str(tmp))
        mp.setenv("JUPYTER_PATH", str(tmp / "share" / "jupyter"))


@pytest.fixture(scope="module")
def executed(tmp_path_factory):
    """The notebook after one headless run (executed in memory, never saved)."""
    nb = nbformat.read(NOTEBOOK, as_version=4)
    with pytest.MonkeyPatch.context() as mp:
        _kernel_available(tmp_path_factory.mktemp("kernel"), mp)
        client = nbclient.NotebookClient(nb, kernel_name="python3", timeout=600,
                                         resources={"metadata": {"path": str(NOTEBOOK.parent)}})
        client.execute()
    return nb


def _outputs(nb, output_type: str | None = None):
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            if output_type is None or out.output_type == output_type:
                yield cell, out


def _stdout(cell) -> str:
    return "".join(o.get("text", "") for o in cell.outputs if o.output_type == "stream")


def test_a_missing_kernel_spec_is_written_to_a_temp_prefix(tmp_path, monkeypatch):
    from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel

    def missing(self, name):
        raise NoSuchKernel(name)

    monkeypatch.setattr(KernelSpecManager, "get_kernel_spec", missing)
    with pytest.MonkeyPatch.context() as mp:
        _kernel_available(tmp_path, mp)
        spec = tmp_path / "share" / "jupyter" / "kernels" / "python3" / "kernel.json"
        assert json.loads(spec.read_text())["argv"][0] == sys.executable
        assert os.environ["JUPYTER_PATH"] == str(tmp_path / "share" / "jupyter")
    assert os.environ.get("JUPYTER_PATH") != str(tmp_path / "share" / "jupyter")


def test_notebook_is_stored_without_outputs():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(nb)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code and all(c.outputs == [] and c.execution_count is None for c in code)


def test_notebook_only_calls_the_library():
    """No logic that lives only in the notebook: no functions or classes of its own."""
    nb = nbformat.read(NOTEBOOK, as_version=4)
    source = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    assert not re.search(r"^\s*(def|class|import pandas|from pandas)\b", source, re.M)
    assert "kg.resources import seeds_dir" in source  # the corpus is found without editing paths
    # only the public API: the packages' __init__, not their modules
    assert "from kg import viz" in source and "from kg.query import (" in source
    assert not re.search(r"from kg\.(query|viz)\.\w+ import", source)


def test_notebook_runs_without_errors_and_draws_its_figures(executed):
    from PIL import Image

    errors = [o for _c, o in _outputs(executed, "error")]
    assert not errors, [f"{e.ename}: {e.evalue}" for e in errors]
    pngs = [o.data["image/png"] for _c, o in _outputs(executed) if "image/png" in o.get("data", {})]
    assert len(pngs) == FIGURES
    for png in pngs:
        width, height = Image.open(io.BytesIO(base64.b64decode(png))).size
        assert width > 400 and height > 300


def test_notebook_shows_opposing_blocs_and_the_ego_network(executed):
    text = "\n".join(_stdout(c) for c in executed.cells if c.cell_type == "code")
    opposing = re.findall(r"opposing: bloc (\d+) vs bloc (\d+), net (-[\d.]+)", text)
    assert opposing, text
    ego = next(c for c in executed.cells if "viz.ego(" in c.source)
    assert re.search(r"allies: .*North Korea", _stdout(ego))
    assert any("image/png" in o.get("data", {}) for o in ego.outputs)


def test_notebook_tables_carry_bengali_evidence(executed):
    tables = [o.data["text/html"] for _c, o in _outputs(executed)
              if "text/html" in o.get("data", {})]
    assert len(tables) == 4  # blocs, relations between blocs, the trend, Russia's events
    evidence = tables[-1]
    assert "<th style='text-align:left'>evidence</th>" in evidence
    assert BENGALI.search(evidence) and re.search(r"\d{4}-\d{2}-\d{2}", evidence)


def _table_rows(table: str) -> list[list[str]]:
    import html

    return [[html.unescape(c) for c in re.findall(r"<td[^>]*>(.*?)</td>", row)]
            for row in re.findall(r"<tr>(.*?)</tr>", table)[1:]]


def test_notebook_evidence_rows_read_right(executed):
    """Issue 14: a signing's target is the other party, so the row says "signed … with
    Xi Jinping", never "Putin signed Xi Jinping"."""
    tables = [o.data["text/html"] for _c, o in _outputs(executed)
              if "text/html" in o.get("data", {})]
    rows = _table_rows(tables[-1])  # date, source, relation, target, type, evidence
    signed = [r for r in rows if r[2].startswith("signed")]
    assert any(r[1] == "Vladimir Putin" and r[3] == "Xi Jinping" for r in signed)
    assert signed and all(r[2].endswith(" with") for r in signed), signed
    # the other row the issue named: three leaders condemned Russia's cooperation with
    # North Korea; Russia is the one condemned, never the one condemning
    assert not [r for r in rows if r[1] == "Russia" and r[2] == "condemned"]


def test_notebook_shows_the_alliance_change_per_quarter(executed):
    cell = next(c for c in executed.cells if "alignment_by_quarter(" in c.source
                and "import" not in c.source)
    table = next(o.data["text/html"] for o in cell.outputs if "text/html" in o.get("data", {}))
    rows = _table_rows(table)  # pair, quarter, net, events
    assert ["North Korea – Russia", "2024-Q2"] in [r[:2] for r in rows]
    assert {r[0] for r in rows} >= {"North Korea – Russia", "Bangladesh – India"}
    assert all(re.fullmatch(r"20\d\d-Q[1-4]", r[1]) and int(r[3]) > 0 for r in rows)
    assert any("image/png" in o.get("data", {}) for o in cell.outputs)


def test_notebook_prints_no_warnings(executed):
    """No TqdmWarning (stanza's tqdm.auto in a kernel without ipywidgets) or others."""
    stderr = [o.text for _c, o in _outputs(executed, "stream") if o.name == "stderr"]
    assert not [s for s in stderr if "Warning" in s], stderr
