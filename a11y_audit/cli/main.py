"""The `a11y-audit` command: thin click commands over a11y_audit.api.

Exit codes (a tested contract): 0 audit completed · 1 gate failed (new blocking issues) ·
2 usage error · 3 tool failure (browser would not start, nothing could be audited) ·
130 interrupted by Ctrl-C, 143 by SIGTERM, 129 by SIGHUP (a11y_audit.cli.stopping: the partial
results are written; continue with --resume).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from a11y_audit import __version__, api
from a11y_audit.cli import gate_commands
from a11y_audit.cli.intake_command import intake_command
from a11y_audit.cli.journey_commands import STORAGE_STATE_OPTION, journeys_group
from a11y_audit.cli.progress import Progress
from a11y_audit.cli.stopping import interrupted_exit_code, stop_like_ctrl_c
from a11y_audit.cli.ticket_commands import tickets_group
from a11y_audit.config import Config, load_config
from a11y_audit.crawl.shards import Shard, parse_shard
from a11y_audit.demo.audit_config import demo_audit_config
from a11y_audit.demo.server import DEMO_PASSWORD, VARIANTS, DemoStore
from a11y_audit.demo.server import JOURNEYS as DEMO_JOURNEYS
from a11y_audit.errors import A11yAuditError, UsageError
from a11y_audit.reports.formats import FORMATS, listing

__all__ = ["cli", "main"]

F = TypeVar("F", bound=Callable[..., Any])


def _run_options(function: F) -> F:
    """Options shared by every command that drives a browser (crawl, scan, demo)."""
    decorators = [
        click.option(
            "--output",
            "-o",
            type=click.Path(path_type=Path),
            default=Path("a11y-report"),
            show_default=True,
            help="Folder for results.json, report.html and page artifacts.",
        ),
        click.option(
            "--config",
            "config_path",
            type=click.Path(path_type=Path, dir_okay=False),
            help="a11y-audit.toml or pyproject.toml with [tool.a11y-audit].",
        ),
        click.option("--workers", type=click.IntRange(1, 32), help="Parallel browser sessions [default: 1]."),
        click.option("--remote-url", help="Selenium Grid / remote WebDriver URL instead of local Chromium."),
        click.option(
            "--page-timeout", type=click.FloatRange(1), help="Seconds to wait for a page load [default: 30]."
        ),
        click.option(
            "--script-timeout",
            type=click.FloatRange(1),
            help="Seconds a page may take to run axe before it counts as hung [default: 60].",
        ),
        click.option("--no-screenshots", is_flag=True, help="Skip full-page screenshots (faster)."),
        click.option(
            "--crawl-delay",
            type=click.FloatRange(0),
            help="Seconds at least between page loads on one site (robots.txt may ask more) [default: 0].",
        ),
        click.option("--checks", help="Run only these of our checks (comma-separated ids; see `checks`)."),
        click.option("--skip-checks", help="Skip these of our checks (comma-separated ids)."),
        click.option(
            "--custom-checks",
            multiple=True,
            help="Your own checks: 'package.module:ClassName' or a folder of modules; repeatable.",
        ),
        STORAGE_STATE_OPTION,
        click.option("--quiet", "-q", is_flag=True, help="Print only the final paths and errors."),
    ]
    for decorator in reversed(decorators):
        function = decorator(function)
    return gate_commands.gate_options(function)


def _id_list(value: str | None) -> tuple[str, ...] | None:
    """'a, b' -> ('a', 'b'); None when the flag was not given."""
    return None if value is None else tuple(part.strip() for part in value.split(",") if part.strip())


def _base_config(config_path: Path | None, **flags: Any) -> Config:
    config = load_config(config_path).with_storage_state(flags.get("storage_state"))
    return config.with_overrides(
        workers=flags.get("workers"),
        checks=_id_list(flags.get("checks")),
        skip_checks=_id_list(flags.get("skip_checks")),
        custom_checks=tuple(flags.get("custom_checks") or ()) or None,
        remote_url=flags.get("remote_url"),
        page_load_timeout=flags.get("page_timeout"),
        script_timeout=flags.get("script_timeout"),
        screenshots=False if flags.get("no_screenshots") else None,
        crawl_delay=flags.get("crawl_delay"),
        **gate_commands.gate_overrides(flags),
    )


def _run(
    config: Config,
    output: Path,
    *,
    quiet: bool,
    follow_links: bool,
    resume: bool = False,
    shard: Shard | None = None,
) -> None:
    gate_input = gate_commands.prepare_gate(config)
    if shard is not None and gate_input is not None:
        # A shard holds part of the site: the others' pages would look fixed, site checks see a part.
        click.echo(
            f"shard {shard}: no gate here; merge the shards, then `a11y-audit gate MERGED/results.json "
            f"{gate_input[0]}`",
            err=True,
        )
        gate_input = None
    progress = Progress(quiet=quiet)
    try:
        outcome = api.audit(
            config,
            output,
            follow_links=follow_links,
            resume=resume,
            on_page=progress.page_done,
            on_frontier=progress.attach,
            on_journey_step=progress.step_done,
            on_warning=progress.warn,
            shard=shard,
        )
    finally:
        progress.close()
    _print_outcome(outcome)
    if outcome.interrupted:
        click.echo(
            f"interrupted: partial results written; continue with --resume --output {output}", err=True
        )
        sys.exit(interrupted_exit_code())
    if gate_input is not None:
        gate_commands.run_gate(config, outcome, gate_input)


def _print_outcome(outcome: api.AuditOutcome) -> None:
    summary = outcome.summary
    outcomes = summary.by_outcome
    click.echo(
        f"Audited {summary.pages_audited} page(s) ({summary.pages_failed} failed, "
        f"{summary.pages_skipped} skipped): {outcomes.get('failed', 0)} failing issue(s), "
        f"{outcomes.get('cantTell', 0)} to review."
    )
    click.echo(f"Results: {outcome.results_path.resolve()}")
    click.echo(f"Report:  {outcome.report_path.resolve()}")


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="a11y-audit")
def cli() -> None:
    """Audit web storefronts for WCAG 2.1 AA with headless Chromium and axe-core."""


@cli.command()
@click.argument("urls", nargs=-1)
@click.option(
    "--sitemap", "sitemaps", multiple=True, help="sitemap.xml (or index) to seed the crawl; repeatable."
)
@click.option("--max-pages", type=click.IntRange(1), help="Stop after this many pages [default: 100].")
@click.option("--max-depth", type=click.IntRange(0), help="Follow links at most this many clicks deep.")
@click.option("--include", multiple=True, help="Only crawl URLs matching this regex; repeatable.")
@click.option("--exclude", multiple=True, help="Never crawl URLs matching this regex; repeatable.")
@click.option(
    "--allow-origin", "allowed_origins", multiple=True, help="Another origin to crawl too; repeatable."
)
@click.option("--ignore-robots", is_flag=True, help="Crawl pages that robots.txt disallows.")
@click.option("--resume", is_flag=True, help="Continue an interrupted crawl in --output.")
@click.option(
    "--shard",
    "shard_text",
    metavar="I/N",
    help="Audit only part I of N of the site (split across machines or CI jobs); "
    "combine the N output folders with `a11y-audit merge`.",
)
@_run_options
def crawl(
    urls: tuple[str, ...],
    sitemaps: tuple[str, ...],
    max_pages: int | None,
    max_depth: int | None,
    include: tuple[str, ...],
    exclude: tuple[str, ...],
    allowed_origins: tuple[str, ...],
    ignore_robots: bool,
    resume: bool,
    shard_text: str | None,
    output: Path,
    config_path: Path | None,
    quiet: bool,
    **flags: Any,
) -> None:
    """Discover pages by following links (and sitemaps) and audit each one.

    \b
    Examples:
      a11y-audit crawl https://shop.example.com/
      a11y-audit crawl https://shop.example.com/ --max-pages 500 --workers 2 -o out
      a11y-audit crawl --sitemap https://shop.example.com/sitemap.xml --exclude '/blog/'
      a11y-audit crawl https://shop.example.com/ --resume -o out
      a11y-audit crawl https://shop.example.com/ --shard 2/3 -o shard-2
    """
    shard = None if shard_text is None else parse_shard(shard_text)
    config = _base_config(config_path, **flags).with_overrides(
        start_urls=urls or None,
        sitemaps=sitemaps or None,
        max_pages=max_pages,
        max_depth=max_depth,
        include=include or None,
        exclude=exclude or None,
        allowed_origins=allowed_origins or None,
        respect_robots=False if ignore_robots else None,
    )
    _run(config, output, quiet=quiet, follow_links=True, resume=resume, shard=shard)


@cli.command()
@click.argument("urls", nargs=-1, required=True)
@_run_options
def scan(urls: tuple[str, ...], output: Path, config_path: Path | None, quiet: bool, **flags: Any) -> None:
    """Audit exactly these pages; no link following.

    \b
    Examples:
      a11y-audit scan https://shop.example.com/checkout/shipping
      a11y-audit scan https://shop.example.com/ https://shop.example.com/cart -o out
    """
    config = _base_config(config_path, **flags).for_pages(urls)
    _run(config, output, quiet=quiet, follow_links=False)


@cli.command()
@click.option("--serve", is_flag=True, help="Only serve the store (until Ctrl-C); do not audit.")
@click.option("--port", type=click.IntRange(0, 65535), default=0, help="Store port (0 picks a free one).")
@click.option(
    "--variant",
    type=click.Choice(VARIANTS),
    default="broken",
    show_default=True,
    help="broken: every manifest defect; fixed: all repaired; regression: fixed plus one new defect; "
    "churn: broken with new class names, order, names, prices and query strings.",
)
@_run_options
def demo(
    serve: bool, port: int, variant: str, output: Path, config_path: Path | None, quiet: bool, **flags: Any
) -> None:
    """Serve the bundled demo storefront on 127.0.0.1 and audit it (2 workers unless --workers).

    The audit crawls the store and runs the demo's journeys (checkout, sign-in), since checkout
    and the account are reachable only through them; --config replaces that journey config.
    The demo account's documented password is used when DEMO_PASSWORD is not set.

    \b
    Examples:
      a11y-audit demo                         # audit the broken store, print the report path
      a11y-audit demo --variant fixed         # the repaired store: no failures
      a11y-audit demo --serve --port 8000     # just serve it, to try things by hand
    """
    try:
        store = DemoStore(variant=variant, port=port).start()
    except OSError as error:
        raise UsageError(
            f"cannot serve the demo on port {port} ({error.strerror or error}): "
            "choose another with --port, or 0 for a free one"
        ) from error
    with store:
        if serve:
            click.echo(
                f"Demo store ({variant}) at {store.base_url} (widgets at {store.widget_url}); Ctrl-C stops."
            )
            _wait_forever()
            return
        os.environ.setdefault("DEMO_PASSWORD", DEMO_PASSWORD)  # a public fixture credential
        config = _base_config(config_path or DEMO_JOURNEYS, **flags)
        config = demo_audit_config(config, store.base_url, workers=flags.get("workers"))
        _run(config, output, quiet=quiet, follow_links=True)


@cli.command("checks")
@click.option("--config", "config_path", type=click.Path(path_type=Path, dir_okay=False), help="Config file.")
@click.option("--checks", "only", help="Show only these of our checks (comma-separated ids).")
@click.option("--skip-checks", "skip", help="Leave out these of our checks (comma-separated ids).")
@click.option(
    "--custom-checks", multiple=True, help="Your own checks: 'package.module:ClassName' or a folder."
)
def list_checks(
    config_path: Path | None, only: str | None, skip: str | None, custom_checks: tuple[str, ...]
) -> None:
    """List every rule an audit runs: axe-core's (for the configured tags) and ours.

    \b
    Examples:
      a11y-audit checks
      a11y-audit checks --skip-checks orientation-lock --custom-checks ./my_checks
    """
    config = load_config(config_path).with_overrides(
        checks=_id_list(only), skip_checks=_id_list(skip), custom_checks=custom_checks or None
    )
    rows = api.rules(config)
    width = max(len(row.id) for row in rows)
    click.echo(f"{'rule'.ljust(width)}  {'source':10}  {'impact':8}  {'WCAG':15}  title")
    for row in rows:
        wcag = ", ".join(row.wcag) or "best practice"
        click.echo(f"{row.id.ljust(width)}  {row.source:10}  {row.impact:8}  {wcag:15}  {row.title}")


@cli.command()
@click.argument("output", type=click.Path(path_type=Path, file_okay=False, exists=True))
@click.option(
    "--config",
    "config_path",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Re-judge with this file's [flows], [priority], [gate] and [checks] "
    "(what the crawl gathered stays as recorded, page templates too: a changed [templates] "
    "needs a new crawl).",
)
def evaluate(output: Path, config_path: Path | None) -> None:
    """Re-judge saved artifacts in OUTPUT without a browser; rewrites results and report.

    \b
    Examples:
      a11y-audit evaluate a11y-report
      a11y-audit evaluate a11y-report --config a11y-audit.toml   # after fixing [flows]
    """
    _print_outcome(api.evaluate(output, config_path))


@cli.command()
@click.argument("output", type=click.Path(path_type=Path, file_okay=False))
@click.argument(
    "shards", nargs=-1, required=True, type=click.Path(path_type=Path, file_okay=False, exists=True)
)
def merge(output: Path, shards: tuple[Path, ...]) -> None:
    """Combine the folders of `crawl --shard I/N` runs into one run in OUTPUT and judge it as
    one crawl (site checks and issues across all pages); writes results and report.

    \b
    Examples:
      a11y-audit merge a11y-report shard-1 shard-2 shard-3
      a11y-audit report a11y-report/results.json --format md
    """
    outcome = api.merge(output, shards)
    _print_outcome(outcome)
    if outcome.interrupted:
        click.echo("a shard was interrupted: resume it with --resume, then merge again", err=True)


@cli.command()
@click.argument("results", type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(sorted(FORMATS)),
    default="html",
    show_default=True,
    help=" · ".join(f"{row.name}: {row.help}" if row.help else row.name for row in FORMATS.values()) + ".",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(path_type=Path, dir_okay=False),
    help=f"File to write [default: beside RESULTS: {', '.join(row.file_name for row in FORMATS.values())}].",
)
@click.option(
    "--compare",
    "previous",
    type=click.Path(path_type=Path, dir_okay=False),
    help="An earlier results.json: show new, fixed and still-open issues "
    f"({listing((row.name for row in FORMATS.values() if row.accepts_compare), 'and')}).",
)
@click.option(
    "--baseline",
    type=click.Path(path_type=Path, dir_okay=False),
    help="A CI baseline: md shows new/fixed/still open; junit skips and sarif marks known issues.",
)
def report(
    results: Path, fmt: str, output: Path | None, previous: Path | None, baseline: Path | None
) -> None:
    """Re-render a saved results.json without a browser.

    \b
    Examples:
      a11y-audit report a11y-report/results.json
      a11y-audit report a11y-report/results.json --format md --compare last/results.json
      a11y-audit report a11y-report/results.json --format csv -o issues.csv
      a11y-audit report a11y-report/results.json --format junit --baseline a11y-baseline.json
    """
    click.echo(f"Report: {api.report(results, fmt, output, previous, baseline).resolve()}")


cli.add_command(gate_commands.gate)
cli.add_command(gate_commands.baseline_group)
cli.add_command(tickets_group)
cli.add_command(journeys_group)
cli.add_command(intake_command)


@cli.group("config")
def config_group() -> None:
    """Work with a11y-audit.toml files."""


@config_group.command("check")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
def config_check(file: Path) -> None:
    """Validate a config file without auditing.

    Prints "FILE: OK" (exit 0), or one line naming the problem and the fix (exit 2).

    \b
    Examples:
      a11y-audit config check a11y-audit.toml
      a11y-audit config check pyproject.toml
    """
    load_config(file)
    click.echo(f"{file}: OK")


def _wait_forever() -> None:
    import threading

    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        click.echo("stopped")


def main() -> None:
    """Entry point: map our exceptions to one-line errors and documented exit codes."""
    stop_like_ctrl_c()
    try:
        code = cli.main(standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("interrupted", err=True)
        sys.exit(interrupted_exit_code())
    except click.ClickException as error:
        error.show()
        sys.exit(error.exit_code)
    except A11yAuditError as error:
        click.echo(f"error: {error}", err=True)
        sys.exit(error.exit_code)
    except OSError as error:
        click.echo(f"error: {error}", err=True)
        sys.exit(3)
    sys.exit(code if isinstance(code, int) else 0)
