"""How the text reports (Markdown, JUnit, SARIF) name an issue's rule and its WCAG criteria.

One wording in every format, so a reader who meets an issue in a PR comment, a CI test
report and a code-scanning alert recognises it as the same one.
"""

from __future__ import annotations

from a11y_audit.model import RuleMeta

__all__ = ["rule_title", "wcag_label"]


def rule_title(rule: RuleMeta) -> str:
    """The rule's title, or its id when it has none (hand-written results)."""
    return rule.title or rule.id


def wcag_label(rule: RuleMeta) -> str:
    """The criteria with their level, like "1.1.1, 4.1.2 (A)"; "best practice" when there are none."""
    return ", ".join(rule.wcag) + (f" ({rule.level})" if rule.level else "") or "best practice"
