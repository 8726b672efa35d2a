"""The gathered-artifact contract: registry, store round trip, and how the engine uses them."""

from __future__ import annotations

import gzip
from collections.abc import Iterable
from pathlib import Path
from typing import Any, ClassVar

import pytest

from a11y_audit.artifacts.kinds import ARTIFACT_KINDS, DOM, gatherers_for
from a11y_audit.artifacts.store import ArtifactStore
from a11y_audit.browser.gatherers import gatherer_classes, make_gatherers
from a11y_audit.check import CheckMeta, Page, PageCheck, Target, Verdict, failed
from a11y_audit.errors import ToolError, UsageError
from a11y_audit.judge.engine import findings_for_page
from a11y_audit.judge.registry import validated
from a11y_audit.model import Impact, Outcome, PageRecord

DOM_TEXT = "<html><body><p>hi</p></body></html>"


def test_every_artifact_kind_has_exactly_one_gatherer() -> None:
    assert set(gatherer_classes()) == set(ARTIFACT_KINDS) - {DOM}


def test_gatherers_run_page_preserving_first_then_those_that_may_not_act_then_by_name() -> None:
    gatherers = make_gatherers(gatherer_classes())
    order = [(g.changes_page, g.changes_page and g.acts_on_every_page, g.name) for g in gatherers]
    assert order == sorted(order)
    assert [g.name for g in gatherers if g.changes_page and g.acts_on_every_page] == [
        "context_change",
        "keyboard",
        "layout_adaptation",
    ]


def test_unknown_gatherer_is_refused() -> None:
    with pytest.raises(ValueError, match="no gatherer records nope"):
        make_gatherers(["nope"])


def test_gatherers_for_leaves_out_the_dom() -> None:
    assert gatherers_for([("dom",), ("dom", "b", "a"), ("a",)]) == ("a", "b")


class _KeyboardCheck(PageCheck):
    meta: ClassVar[CheckMeta] = CheckMeta(
        id="stub-keyboard",
        title="Focus is fine",
        failure_title="Focus is lost",
        description="Judges a gathered artifact.",
        wcag=("2.4.7",),
        impact=Impact.SERIOUS,
        requires=("dom", "walk"),
    )

    def applicable(self, page: Page) -> Iterable[Target]:
        for stop in page.artifacts["walk"]["stops"]:
            yield Target(stop["selector"], stop["snippet"])

    def expect(self, element: Any, page: Page) -> Verdict:
        return failed("no visible focus indicator")


def test_a_check_whose_artifact_is_missing_is_not_run() -> None:
    outcome = findings_for_page(PageRecord(url="https://shop/"), DOM_TEXT, [_KeyboardCheck()], {})
    assert outcome.findings == () and "stub-keyboard" not in outcome.counts


def test_findings_on_targets_carry_the_gatherers_selector_and_snippet() -> None:
    walk = {"stops": [{"selector": "#menu > a:nth-of-type(2)", "snippet": "<a href='/x'>" + "x" * 700}]}
    outcome = findings_for_page(PageRecord(url="https://shop/"), DOM_TEXT, [_KeyboardCheck()], {"walk": walk})
    (finding,) = outcome.findings
    assert finding.outcome is Outcome.FAILED
    assert finding.where.selector == "#menu > a:nth-of-type(2)"
    assert finding.where.target == ("#menu > a:nth-of-type(2)",)
    assert len(finding.where.snippet) == 600 and finding.where.snippet.endswith("…")
    assert outcome.counts["stub-keyboard"][Outcome.FAILED] == 1


def test_a_check_requiring_an_unknown_artifact_is_refused() -> None:
    with pytest.raises(UsageError, match="requires unknown artifact walk"):
        validated(_KeyboardCheck())


def test_gathered_artifacts_round_trip_through_the_store(tmp_path: Path) -> None:
    store = ArtifactStore.open(tmp_path, resume=False)
    saved = store.save_page(PageRecord(url="https://shop/"), dom=DOM_TEXT, gathered={"walk": {"stops": []}})
    assert saved.artifacts["walk"].endswith("/walk.json.gz")
    (record,) = store.iter_pages()
    assert store.read_json(record, "walk") == {"stops": []}
    assert store.read_json(record, "reflow") is None


def test_plain_json_artifacts_of_older_runs_are_read_and_damaged_ones_named(tmp_path: Path) -> None:
    store = ArtifactStore.open(tmp_path, resume=False)
    folder = tmp_path / "pages" / "p"
    folder.mkdir(parents=True)
    (folder / "walk.json").write_text('{"stops": [1]}', "utf-8")
    (folder / "reflow.json.gz").write_bytes(gzip.compress(b'{"a": 1}')[:-6])  # cut short
    paths = {"walk": "pages/p/walk.json", "reflow": "pages/p/reflow.json.gz"}
    record = PageRecord(url="https://shop/", artifacts=paths)
    assert store.read_json(record, "walk") == {"stops": [1]}
    with pytest.raises(ToolError, match=r"reflow\.json\.gz is unreadable .*: re-run the audit"):
        store.read_json(record, "reflow")
