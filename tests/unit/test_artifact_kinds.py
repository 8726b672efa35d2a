"""Typed artifact names: the name itself wherever names are keys, the shape when a check reads."""

from __future__ import annotations

import json

import pytest

from a11y_audit.artifacts.kinds import ARTIFACT_KINDS, KEYBOARD
from a11y_audit.check import Page
from a11y_audit.judge.dom import parse_dom
from a11y_audit.model import PageRecord


def test_a_kind_is_its_name_in_keys_files_and_json() -> None:
    assert KEYBOARD == "keyboard" and KEYBOARD in ARTIFACT_KINDS and {"keyboard": 1}[KEYBOARD] == 1
    assert f"{KEYBOARD}.json" == "keyboard.json"
    assert json.dumps({KEYBOARD: [KEYBOARD]}) == '{"keyboard": ["keyboard"]}'


def test_page_artifact_reads_the_gathered_data_by_kind() -> None:
    walk = {"stops": [], "end": "wrapped"}
    page = Page(PageRecord(url="https://s.example/"), parse_dom("<p>x</p>"), {"keyboard": walk})
    assert page.artifact(KEYBOARD)["end"] == "wrapped"
    without = Page(PageRecord(url="https://s.example/"), parse_dom("<p>x</p>"))
    with pytest.raises(KeyError):
        without.artifact(KEYBOARD)
    assert without.gathered(KEYBOARD) is None
