"""tests/programs.require: a missing system program skips locally and fails in CI, so a
green CI run cannot hide tests that never ran (issue 14)."""

from __future__ import annotations

import pytest

from tests.programs import require


def test_a_present_program_is_found():
    assert require("no-such-program-kg", "sh", package="dash").endswith("/sh")


def test_a_missing_program_skips_locally(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="apt-get install kg-nothing"):
        require("no-such-program-kg", package="kg-nothing")


def test_a_missing_program_fails_in_ci(monkeypatch):
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI=true but no-such-program-kg"):
        require("no-such-program-kg", package="kg-nothing")
