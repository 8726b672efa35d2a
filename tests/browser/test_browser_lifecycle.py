"""Browser processes never outlive the audit that started them, even after a hard kill."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from a11y_audit.browser.driver import BrowserSettings, start_session

pytestmark = pytest.mark.browser

STARTER = """
import time
from a11y_audit.browser.driver import BrowserSettings, start_session
session = start_session(BrowserSettings())
print(session.profile_dir, flush=True)
time.sleep(600)
"""


def processes_using(marker: str) -> list[int]:
    pids = []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            if marker.encode() in cmdline.read_bytes():
                pids.append(int(cmdline.parent.name))
        except OSError:
            continue
    return pids


@pytest.mark.parametrize("force", [False, True], ids=["polite", "forced"])
def test_quit_leaves_no_browser_process(force: bool) -> None:
    session = start_session(BrowserSettings())
    profile = session.profile_dir
    assert profile and processes_using(profile)
    session.quit(force=force)
    time.sleep(0.5)
    assert processes_using(profile) == []
    assert not Path(profile).exists()


def test_browsers_of_a_killed_run_are_reaped_by_the_next_run() -> None:
    owner = subprocess.Popen([sys.executable, "-c", STARTER], stdout=subprocess.PIPE, text=True)
    assert owner.stdout is not None
    profile = owner.stdout.readline().strip()
    assert processes_using(profile), "the first run's browser did not start"
    owner.kill()  # like a CI timeout: no chance to clean up
    owner.wait()
    assert processes_using(profile), "the browser should have outlived its killed owner"
    reaper = subprocess.run(
        [sys.executable, "-c", STARTER.replace("time.sleep(600)", "session.quit()")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert reaper.returncode == 0, reaper.stderr
    time.sleep(0.5)
    assert processes_using(profile) == []
    assert not Path(profile).exists()
