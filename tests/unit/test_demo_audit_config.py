from __future__ import annotations

from a11y_audit.config import Config
from a11y_audit.demo.audit_config import demo_audit_config
from a11y_audit.demo.catalog import template_patterns


def test_the_demo_crawls_the_served_store_with_two_workers_and_its_templates() -> None:
    config = demo_audit_config(Config(workers=5), "http://127.0.0.1:8123/", workers=None)
    assert config.start_urls == ("http://127.0.0.1:8123/",)
    assert (config.max_pages, config.workers) == (200, 2)
    assert config.templates == template_patterns()


def test_workers_given_on_the_command_line_and_configured_templates_win() -> None:
    own = (("product", r"/products/"),)
    config = demo_audit_config(Config(templates=own), "http://127.0.0.1:8123/", workers=3)
    assert (config.workers, config.templates) == (3, own)
