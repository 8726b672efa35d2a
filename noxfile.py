"""Developer tasks: `nox -s tests|unit|lint|demo|bench|act|stores`. Sessions reuse the project venv.

The sessions run in the venv that ./bootstrap made (venv_backend "none", tools invoked as
`sys.executable -m ...`), because the browser, chromedriver and axe-core are machine-level
installs anyway and a second copy of every Python dependency per session would only slow
CI down.
"""

from __future__ import annotations

import sys

import nox

nox.options.sessions = ["lint", "tests"]
PYTHON = sys.executable


@nox.session(venv_backend="none")
def tests(session: nox.Session) -> None:
    """Everything, including real-Chromium and Selenium Grid tests; the 15 slowest are listed,
    so a CI log shows where its minutes go."""
    session.run(PYTHON, "-m", "pytest", "-q", "--durations=15", *session.posargs)


@nox.session(venv_backend="none")
def unit(session: nox.Session) -> None:
    """Fast tests without a browser."""
    session.run(PYTHON, "-m", "pytest", "-q", "-m", "not browser and not grid", *session.posargs)


@nox.session(venv_backend="none")
def lint(session: nox.Session) -> None:
    """ruff and mypy --strict."""
    session.run(PYTHON, "-m", "ruff", "check", ".")
    session.run(PYTHON, "-m", "ruff", "format", "--check", ".")
    session.run(PYTHON, "-m", "mypy")


@nox.session(venv_backend="none")
def demo(session: nox.Session) -> None:
    """Audit the bundled demo store."""
    session.run(PYTHON, "-m", "a11y_audit", "demo", *session.posargs)


@nox.session(venv_backend="none")
def bench(session: nox.Session) -> None:
    """Pages/minute and peak memory on a generated 200-page store (prints figures)."""
    session.run(PYTHON, "benchmarks/bench.py", *session.posargs)


@nox.session(venv_backend="none")
def act(session: nox.Session) -> None:
    """The W3C ACT Rules accuracy suite, every in-scope case (prints the figures; writes
    docs/act.md and docs/act-earl.json). `nox -s act -- --subset --check` is CI's subset."""
    session.run(PYTHON, "-m", "benchmarks.act", *(session.posargs or ["--publish"]))


@nox.session(venv_backend="none")
def stores(session: nox.Session) -> None:
    """The real-store suite (docs/stores.md): set up stock django-oscar, serve it on 8621, crawl
    it with its journeys and check the run against the hand-triaged verdicts (exit 1 when a true
    issue is gone or a false one is back); prints the figures and wall times. Too slow for CI
    (setup takes minutes, the crawl tens of minutes): run it by hand after changing a check or
    grouping. `nox -s stores -- oscar --skip-setup` reuses a store already set up."""
    session.run(PYTHON, "-m", "benchmarks.stores.suite", *(session.posargs or ["oscar"]))
