"""Loading and selecting checks: built-ins by module, user checks by dotted path or folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml.html import HtmlElement

from a11y_audit.check import CheckMeta, Page, PageCheck, Scope, SiteCheck, Verdict
from a11y_audit.errors import UsageError
from a11y_audit.judge.registry import builtin_checks, load_check, load_directory, select_checks, validated
from a11y_audit.model import Impact

EXAMPLES = Path(__file__).parents[2] / "examples" / "custom_check"
CHECKS_DIR = Path(__file__).parents[2] / "checks"


def test_builtin_modules_are_named_after_their_check_ids() -> None:
    modules = {path.stem for path in CHECKS_DIR.glob("*.py") if path.stem != "__init__"}
    ids = {check.meta.id for check in builtin_checks()}
    assert modules == {ident.replace("-", "_") for ident in ids}


def test_builtin_check_scopes_match_their_kind() -> None:
    for check in builtin_checks():
        assert (check.meta.scope is Scope.SITE) == isinstance(check, SiteCheck)


def test_select_by_id_and_skip() -> None:
    checks = builtin_checks()
    chosen = select_checks(
        checks, only=["ambiguous-link-text", "orientation-lock"], skip=["orientation-lock"]
    )
    assert [check.meta.id for check in chosen] == ["ambiguous-link-text"]
    assert len(select_checks(checks)) == len(checks)


def test_unknown_id_names_the_valid_ids() -> None:
    with pytest.raises(UsageError) as raised:
        select_checks(builtin_checks(), skip=["ambigous-link-text"])
    message = str(raised.value)
    assert "ambigous-link-text" in message
    assert "ambiguous-link-text" in message


def test_duplicate_ids_are_refused() -> None:
    checks = builtin_checks()
    with pytest.raises(UsageError, match="more than one check"):
        select_checks((*checks, checks[0]))


def test_user_checks_from_a_folder_and_a_dotted_path(monkeypatch: pytest.MonkeyPatch) -> None:
    assert [check.meta.id for check in load_directory(EXAMPLES)] == ["positive-tabindex"]
    monkeypatch.syspath_prepend(str(EXAMPLES))
    assert load_check("positive_tabindex:PositiveTabindex").meta.id == "positive-tabindex"


@pytest.mark.parametrize(
    "spec", ["positive_tabindex", "no_such_module:Check", "a11y_audit.model:Impact", "a11y_audit.model:Nope"]
)
def test_bad_dotted_paths_are_usage_errors(spec: str) -> None:
    with pytest.raises(UsageError):
        load_check(spec)


def test_missing_folder_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="does not exist"):
        load_directory(tmp_path / "nope")


class _Bad(PageCheck):
    meta = CheckMeta(
        id="Bad_Id", title="t", failure_title="f", description="d", wcag=("1.1.1",), impact=Impact.MINOR
    )

    def applicable(self, page: Page) -> list[HtmlElement]:
        return []

    def expect(self, element: HtmlElement, page: Page) -> Verdict:
        raise AssertionError


def test_metadata_is_validated() -> None:
    with pytest.raises(UsageError, match="kebab-case"):
        validated(_Bad())
