"""The gazetteer: its size, its kinds table, and country names cross-checked with CLDR."""

from __future__ import annotations

import re
import shutil

import pytest

from kg.errors import KgError
from kg.lang.gazetteer import Gazetteer, default_gazetteer
from kg.text.segment import norm_token
from tests.conftest import ROOT


def test_sizes():
    ents = default_gazetteer().entities
    assert sum(e.type == "Person" for e in ents) >= 1000
    assert sum(e.type == "Organization" for e in ents) >= 300
    assert sum(e.type == "Country" for e in ents) >= 197


def test_a_tsv_no_kind_claims_is_refused(tmp_path):
    """A new gazetteer file does not silently become "Location" (issue 9)."""
    shutil.copy(ROOT / "seeds" / "gazetteer" / "countries.tsv", tmp_path)
    (tmp_path / "misc.tsv").write_text("qid\tlabel\tlabel_bn\n\tX\tএক্স\n", encoding="utf-8")
    with pytest.raises(KgError, match="no entity kind"):
        Gazetteer.load(tmp_path)


def test_news_agencies_are_known_but_never_actors():
    from kg.entities.mention import Mention, entities_of

    reuters = default_gazetteer().get("Reuters")
    assert reuters is not None and reuters.kind == "media"
    assert entities_of([Mention(0, 1, "plain", "name", entities=[reuters])]) == []


def test_every_un_member_answers_to_its_cldr_bengali_name():
    """Babel's CLDR data names the states in Bengali; each of those names (without a
    bracketed note) must find the state in the gazetteer."""
    babel = pytest.importorskip("babel")
    bn = babel.Locale.parse("bn").territories
    en = babel.Locale.parse("en").territories
    gaz = default_gazetteer()
    names = {n: e for e in gaz.entities if e.type == "Country" for n in e.names_bn}
    missing = []
    for e in gaz.entities:
        if e.type != "Country" or e.kind != "un_member":
            continue
        codes = [c for c, name in en.items() if re.fullmatch(r"[A-Z]{2}", c)
                 and name.casefold() in {e.label.casefold(), *map(str.casefold, e.aliases_en)}]
        for code in codes:
            cldr = norm_token(re.sub(r"\s*\(.*?\)", "", bn[code])).strip()
            if names.get(cldr) is not e:
                missing.append((e.label, cldr))
    assert missing == []
