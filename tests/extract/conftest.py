"""The extraction tests run on both paths: with the Stanza parse and rules only."""

from __future__ import annotations

import pytest


@pytest.fixture(params=["parse", "rules"])
def pipeline(request, rules_pipeline):
    if request.param == "rules":
        return rules_pipeline
    return request.getfixturevalue("parse_pipeline")


@pytest.fixture(scope="session")
def parse_pipeline():
    from kg.pipeline import Pipeline
    from kg.settings import Settings

    return Pipeline(Settings(parse=True))
