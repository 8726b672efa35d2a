from __future__ import annotations

import io

from a11y_audit.cli.progress import Progress
from a11y_audit.crawl.frontier import FrontierStats
from a11y_audit.crawl.journey_spec import Journey, Step, Value
from a11y_audit.model import PageRecord


class FakeFrontier:
    def __init__(self, queued: int):
        self.queued = queued

    def stats(self) -> FrontierStats:
        return FrontierStats(queued=self.queued, in_flight=0, done=0, skipped=0)


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_plain_lines_when_not_a_terminal() -> None:
    stream = io.StringIO()
    progress = Progress(stream=stream)
    progress.attach(FakeFrontier(queued=3))
    progress.page_done(PageRecord(url="http://s.test/"), findings=4)
    progress.page_done(PageRecord(url="http://s.test/x", error="HTTP 404: gone"), findings=0)
    progress.close()
    lines = stream.getvalue().splitlines()
    assert lines[0].startswith("[1 done, 3 queued, 0 failed, ") and lines[0].endswith(
        "http://s.test/ - 4 findings"
    )
    assert lines[1].startswith("[2 done, 3 queued, 1 failed, ") and "ERROR HTTP 404: gone" in lines[1]
    assert (progress.done, progress.failed, progress.findings) == (2, 1, 4)


def test_a_bar_with_counts_on_a_terminal() -> None:
    stream = Terminal()
    progress = Progress(stream=stream)
    progress.attach(FakeFrontier(queued=5))
    progress.page_done(PageRecord(url="http://s.test/"), findings=7)
    progress.close()
    shown = stream.getvalue()
    assert "Auditing" in shown and "1/6" in shown
    assert "queued=5" in shown and "failed=0" in shown and "findings=7" in shown


def test_quiet_prints_nothing_but_still_counts() -> None:
    stream = Terminal()
    progress = Progress(quiet=True, stream=stream)
    progress.attach(FakeFrontier(queued=1))
    progress.page_done(
        PageRecord(url="http://s.test/", skipped="not an HTML page (application/pdf)"), findings=0
    )
    progress.close()
    assert stream.getvalue() == ""
    assert (progress.done, progress.failed) == (1, 0)


def _journey() -> tuple[Journey, Step]:
    step = Step(number=2, action="fill", target="#password", value=Value("env:SHOP_PASSWORD"))
    journey = Journey("sign-in", "sign-in", (Step(1, "visit", "/sign-in"), step, Step(3, "audit", "form")))
    return journey, step


def test_journey_steps_and_warnings_are_plain_lines_beside_the_pages() -> None:
    stream = io.StringIO()
    progress = Progress(stream=stream)
    progress.attach(FakeFrontier(queued=0))
    journey, step = _journey()
    progress.step_done(journey, step, "ok")
    progress.warn("storage state qa.json: 1 expired cookie skipped (sid)")
    progress.page_done(PageRecord(url="http://s.test/"), findings=1)
    lines = stream.getvalue().splitlines()
    assert lines[:2] == [
        "sign-in 2/3 fill #password = env:SHOP_PASSWORD: ok",
        "warning: storage state qa.json: 1 expired cookie skipped (sid)",
    ]
    assert lines[2].endswith("http://s.test/ - 1 findings") and progress.done == 1


def test_on_a_terminal_steps_print_above_the_bar_and_quiet_keeps_only_warnings() -> None:
    stream = Terminal()
    progress = Progress(stream=stream)
    progress.attach(FakeFrontier(queued=2))
    journey, step = _journey()
    progress.step_done(journey, step, "ok")
    progress.close()
    assert "sign-in 2/3 fill #password = env:SHOP_PASSWORD: ok\n" in stream.getvalue()
    assert "Auditing" in stream.getvalue()
    quiet_stream = Terminal()
    quiet = Progress(quiet=True, stream=quiet_stream)
    quiet.attach(FakeFrontier(queued=2))
    quiet.step_done(journey, step, "ok")
    quiet.warn("the crawl ran signed out")
    assert quiet_stream.getvalue() == "warning: the crawl ran signed out\n"
