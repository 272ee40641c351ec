"""The wheel's contents: every package is listed, and the language data and ontology
travel with it (a full wheel install is checked by .ci/wheel-check)."""

from __future__ import annotations

import tomllib

from tests.conftest import ROOT


def _setuptools() -> dict:
    with (ROOT / "pyproject.toml").open("rb") as fh:
        return tomllib.load(fh)["tool"]["setuptools"]


def test_every_package_under_kg_is_listed():
    packages = {str(p.parent.relative_to(ROOT)).replace("/", ".")
                for p in (ROOT / "kg").rglob("__init__.py")}
    assert packages <= set(_setuptools()["packages"])


def test_language_data_and_ontology_are_shipped_from_their_one_source():
    conf = _setuptools()
    assert conf["package-dir"] == {"kg.seeds": "seeds", "kg.ontology": "ontology"}
    assert {"kg.seeds", "kg.ontology"} <= set(conf["packages"])
    assert conf["exclude-package-data"]["kg.seeds"] == ["news/*"]


def test_resources_are_found_in_a_checkout():
    from kg.resources import ontology_dir, seeds_dir

    assert (seeds_dir() / "lexicon" / "predicates.yaml").is_file()
    assert (ontology_dir() / "kg.ttl").is_file()
