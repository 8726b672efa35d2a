"""[tickets] in the config file: validated with file:line errors, flags override it."""

from __future__ import annotations

from pathlib import Path

import pytest

from a11y_audit.config import load_config
from a11y_audit.errors import UsageError
from a11y_audit.tickets.settings import GitHubSettings, JiraSettings, TicketSettings

CONFIG = """\
[crawl]
max_pages = 5

[tickets]
tracker = "jira"
min_priority = "P2"

[tickets.jira]
url = "https://shop.atlassian.net/"
project = "SHOP"
priorities = { P1 = "Blocker", P2 = "Critical" }

[tickets.redmine]
priority_ids = { P1 = 5 }
"""


def test_tickets_section_is_read_and_not_recorded_in_results(tmp_path: Path) -> None:
    path = tmp_path / "a11y-audit.toml"
    path.write_text(CONFIG, "utf-8")
    config = load_config(path)
    assert config.tickets.tracker == "jira" and config.tickets.min_priority == "P2"
    assert config.tickets.jira == JiraSettings(
        url="https://shop.atlassian.net", project="SHOP", priorities=(("P1", "Blocker"), ("P2", "Critical"))
    )
    assert config.tickets.redmine.priority_ids == (("P1", 5),)
    assert config.tickets.github == GitHubSettings()
    assert "tickets" not in config.to_json()
    assert load_config(None).tickets == TicketSettings()


@pytest.mark.parametrize(
    ("text", "error"),
    [
        (
            '[tickets]\ntracker = "trello"\n',
            'a.toml:2: [tickets] tracker must be one of "file", "jira", "github"',
        ),
        (
            "[tickets]\nfoo = 1\n",
            "a.toml:2: unknown key 'foo' in [tickets]; expected one of: dir, min_priority, state",
        ),
        ('[tickets.github]\nrepo = "web"\n', 'a.toml:2: [tickets.github] repo must be "owner/name"'),
        (
            "[tickets]\n\n[tickets.redmine]\ntracker_id = 0\n",
            "a.toml:4: [tickets.redmine] tracker_id must be a whole number of at least 1",
        ),
        (
            '[tickets.jira]\npriorities = { P9 = "x" }\n',
            "a.toml:2: [tickets.jira] priorities must be a table of P1..P4",
        ),
        ("[tickets]\njira = 3\n", "a.toml:2: [tickets.jira] must be a table"),
        (
            '[tickets.redmine]\ntext_formatting = "markdown"\n',
            'a.toml:2: [tickets.redmine] text_formatting must be one of "textile", "common_mark"',
        ),
    ],
)
def test_bad_tickets_settings_name_file_line_and_fix(tmp_path: Path, text: str, error: str) -> None:
    path = tmp_path / "a.toml"
    path.write_text(text, "utf-8")
    with pytest.raises(UsageError) as raised:
        load_config(path)
    assert str(raised.value).replace(str(tmp_path) + "/", "").startswith(error)
