"""How `a11y-audit demo` audits the store it serves: the settings the demo needs beyond the
user's config, kept beside the store they describe rather than in the command."""

from __future__ import annotations

from a11y_audit.config import Config
from a11y_audit.demo.catalog import template_patterns

__all__ = ["demo_audit_config"]

MAX_PAGES = 200
"""Room for every page the demo store links to, so the audit always sees all of it."""
WORKERS = 2


def demo_audit_config(config: Config, base_url: str, *, workers: int | None) -> Config:
    """Crawl the store from its home page with 2 workers unless `workers` (--workers) says
    otherwise, sampling the demo's product templates unless the config names its own."""
    return config.with_overrides(
        start_urls=(base_url,),
        max_pages=MAX_PAGES,
        workers=workers or WORKERS,
        templates=config.templates or template_patterns(),
    )
