"""[intake] config: validated with file:line errors like every section."""

from __future__ import annotations

from pathlib import Path

import pytest

from a11y_audit.config import load_config
from a11y_audit.errors import UsageError
from a11y_audit.intake.filing import Filed, reply
from a11y_audit.intake.understand import understand

EXAMPLE = Path(__file__).parents[2] / "examples" / "intake-demo.toml"


def test_the_demo_example_is_valid() -> None:
    config = load_config(EXAMPLE)
    assert config.intake.pages_for("checkout") == ("http://127.0.0.1:8000/checkout/shipping",)
    assert config.intake.order_number == "FF-\\d{6}" and config.intake.keep_originals is None
    assert "intake" not in config.to_json()  # not part of a run's recorded config


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ('flow_pages = { checkout = ["/checkout"] }', ":2: '/checkout' is not an http(s) URL"),
        ("flow_pages = [1]", ":2: [intake] flow_pages must be a table"),
        ('order_number = "FF-("', ":2: [intake] order_number is not a valid regex"),
        ("keep_originals = 3", ":2: [intake] keep_originals must be a folder path"),
        ('private_origins = ["ftp://x"]', ":2: 'ftp://x' is not an http(s) URL"),
        ("flowpages = {}", ":2: unknown key 'flowpages' in [intake]"),
    ],
)
def test_bad_values_name_the_line(tmp_path: Path, table: str, message: str) -> None:
    path = tmp_path / "a11y-audit.toml"
    path.write_text(f"[intake]\n{table}\n", "utf-8")
    with pytest.raises(UsageError, match=message.replace("[", "\\[").replace("(", "\\(").replace(")", "\\)")):
        load_config(path)


def test_triage_reply_names_the_method_and_no_internal_details() -> None:
    text = reply(understand("the chat with NVDA"), Filed("created", "abc123", "P2"), None)
    assert "the chat when using a screen reader" in text and "high priority" in text
    assert "abc123" not in text and "P2" not in text
