"""No browser outlives the a11y-audit process that started it, however that process ends.

Local sessions run in their own process session (a terminal Ctrl-C reaches only a11y-audit,
which then lets in-flight pages finish), so a hard kill of a11y-audit (SIGKILL, an OOM
kill, a CI runner tearing the job down) would leave chromedriver and Chromium running.
Each session's throwaway profile folder is named after the owning PID and appears on the
command lines of both processes, which is how they are found:

- `watch_this_process()` starts, once per process, a small watchdog in its own session that
  holds the read end of a pipe from a11y-audit; when a11y-audit dies in any way, the kernel
  closes the pipe and the watchdog kills every browser whose profile names that PID and
  deletes the folders (on a normal exit there is nothing left to kill);
- `reap_orphans()`, once per run, still sweeps up browsers of a11y-audit processes that are
  gone (a watchdog killed with its parent's whole process group, a machine restored from a
  snapshot).

Linux /proc is read to find processes; elsewhere both are no-ops.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path

__all__ = ["PROFILE_PREFIX", "kill_browsers_using", "profile_prefix", "reap_orphans", "watch_this_process"]

PROFILE_PREFIX = "a11y-audit-profile-"
_lock = threading.Lock()
_reaped = False
_watchdog: subprocess.Popen[bytes] | None = None


def profile_prefix(pid: int | None = None) -> str:
    """The start of the profile folder names of the sessions `pid` (this process) starts."""
    return f"{PROFILE_PREFIX}{os.getpid() if pid is None else pid}-"


def kill_browsers_using(profile_dir: str) -> None:
    """Kill the chromedriver and Chromium processes of one session, found by its profile folder.

    When a renderer hangs, chromedriver may be stopped without closing Chromium, and Chromium
    outlives a killed chromedriver; over a long crawl those orphans would pile up.
    """
    _kill_matching(lambda cmdline: profile_dir.encode() in cmdline)


def watch_this_process() -> None:
    """Start this process's watchdog unless it runs already (see the module docstring)."""
    global _watchdog
    with _lock:
        if _watchdog is not None and _watchdog.poll() is None:
            return
        _watchdog = subprocess.Popen(
            [sys.executable, "-m", __name__, str(os.getpid())],
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # a signal to our process group must not take it along
            close_fds=True,
        )


def reap_orphans() -> None:
    """Kill browsers left by a11y-audit processes that no longer exist, once per run."""
    global _reaped
    with _lock:
        if _reaped:
            return
        _reaped = True
    pattern = re.compile(rb"/" + re.escape(PROFILE_PREFIX.encode()) + rb"(\d+)-")

    def orphaned(cmdline: bytes) -> bool:
        match = pattern.search(cmdline)
        return match is not None and not Path(f"/proc/{int(match.group(1))}").exists()

    _kill_matching(orphaned)
    for folder in Path(tempfile.gettempdir()).glob(f"{PROFILE_PREFIX}*-*"):
        if orphaned(b"/" + folder.name.encode()):
            shutil.rmtree(folder, ignore_errors=True)


def _reap_after(pid: int) -> None:
    """The watchdog's work once its parent is gone: its browsers and their profiles."""
    prefix = profile_prefix(pid)
    _kill_matching(lambda cmdline: f"/{prefix}".encode() in cmdline)
    for folder in Path(tempfile.gettempdir()).glob(f"{prefix}*"):
        shutil.rmtree(folder, ignore_errors=True)


def _kill_matching(predicate: Callable[[bytes], bool]) -> None:
    """SIGKILL every process whose command line satisfies predicate (Linux /proc; else no-op)."""
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        with contextlib.suppress(OSError, ValueError):
            if predicate(cmdline.read_bytes()):
                os.kill(int(cmdline.parent.name), signal.SIGKILL)


def _watchdog_main(argv: list[str]) -> None:
    """Block until the parent's end of the pipe closes, then reap what it left."""
    for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, signal.SIG_IGN)  # only the parent's death ends the watch
    with contextlib.suppress(OSError):
        while sys.stdin.buffer.read(4096):
            pass
    _reap_after(int(argv[1]))


if __name__ == "__main__":
    _watchdog_main(sys.argv)
