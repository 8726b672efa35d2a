"""Browser processes never outlive the audit that started them, even after a hard kill."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from a11y_audit.browser.driver import BrowserSettings, start_session
from tests.support import processes_using, wait_until_gone

pytestmark = pytest.mark.browser

STARTER = """
import time
from a11y_audit.browser.driver import BrowserSettings, start_session
from tests.support import processes_using, wait_until_gone
session = start_session(BrowserSettings())
print(session.profile_dir, flush=True)
time.sleep(600)
"""


@pytest.mark.parametrize("force", [False, True], ids=["polite", "forced"])
def test_quit_leaves_no_browser_process(force: bool) -> None:
    session = start_session(BrowserSettings())
    profile = session.profile_dir
    assert profile and processes_using(profile)
    session.quit(force=force)
    time.sleep(0.5)
    assert processes_using(profile) == []
    assert not Path(profile).exists()


def start_owner() -> tuple[subprocess.Popen[str], str]:
    """A process that starts a browser session and sleeps, as a crawl would between pages."""
    owner = subprocess.Popen([sys.executable, "-c", STARTER], stdout=subprocess.PIPE, text=True)
    assert owner.stdout is not None
    profile = owner.stdout.readline().strip()
    assert processes_using(profile), "the browser did not start"
    return owner, profile


def test_the_watchdog_kills_the_browsers_of_a_killed_run() -> None:
    owner, profile = start_owner()
    owner.kill()  # like the OOM killer or a CI runner's SIGKILL: no chance to clean up
    owner.wait()
    assert wait_until_gone(profile) == [], "the browser outlived its killed owner"
    assert not Path(profile).exists()


def test_browsers_whose_watchdog_died_too_are_reaped_by_the_next_run() -> None:
    owner, profile = start_owner()
    for pid in processes_using(f"a11y_audit.browser.reaper\0{owner.pid}"):
        os.kill(pid, signal.SIGKILL)  # the whole tree killed at once, watchdog included
    owner.kill()
    owner.wait()
    assert processes_using(profile), "the browser should have outlived its owner and watchdog"
    reaper = subprocess.run(
        [sys.executable, "-c", STARTER.replace("time.sleep(600)", "session.quit()")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert reaper.returncode == 0, reaper.stderr
    assert wait_until_gone(profile) == []
    assert not Path(profile).exists()
