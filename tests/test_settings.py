"""kg.settings: one object from the environment and the command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.errors import KgError
from kg.settings import Settings


def test_defaults_without_environment():
    s = Settings.from_env({})
    assert (s.seeds, s.ontology, s.parse, s.ner_actors, s.torch_threads, s.debug) == (
        None, None, None, True, 1, False)


def test_environment_is_read():
    s = Settings.from_env({"KG_SEEDS": "/x", "KG_NO_PARSE": "1", "KG_NO_NER_ACTORS": "yes",
                           "KG_TORCH_THREADS": "3", "KG_DEBUG": "1"})
    assert s.seeds == Path("/x") and s.parse is False and not s.ner_actors
    assert s.torch_threads == 3 and s.debug


@pytest.mark.parametrize("value", ["", "0", "false", "no"])
def test_false_looking_flags_are_off(value):
    assert Settings.from_env({"KG_NO_PARSE": value}).parse is None


def test_command_line_flags_beat_the_environment_and_unset_flags_do_not():
    env = {"KG_NO_PARSE": "1"}
    assert Settings.from_env(env, parse=True).parse is True
    assert Settings.from_env(env, parse=None).parse is False


@pytest.mark.parametrize("value", ["0", "-1", "two"])
def test_bad_thread_count_is_a_clear_error(value):
    with pytest.raises(KgError, match="KG_TORCH_THREADS"):
        Settings.from_env({"KG_TORCH_THREADS": value})
