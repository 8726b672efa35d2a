"""docs/checks.md is generated from the checks' metadata; fail when it is stale."""

from __future__ import annotations

from pathlib import Path

from a11y_audit.judge.checks_doc import REGENERATE, render_checks_markdown
from a11y_audit.judge.registry import builtin_checks

DOC = Path(__file__).parents[2] / "docs" / "checks.md"


def test_checks_doc_is_current() -> None:
    assert DOC.read_text("utf-8") == render_checks_markdown(), f"docs/checks.md is stale: run `{REGENERATE}`"


def test_every_check_has_a_section_linking_its_understanding_document() -> None:
    text = render_checks_markdown()
    for check in builtin_checks():
        assert f"\n## {check.meta.id}\n" in text
        assert check.meta.help_url.startswith("https://www.w3.org/WAI/WCAG21/Understanding/")
        assert check.meta.help_url in text
