"""`a11y-audit intake`: a customer's accessibility complaint -> reproduced, prioritised ticket.

Thin click command over a11y_audit.intake.pipeline (docs/intake.md). Exit codes: 0 filed or
commented · 1 nothing reproduced (a needs-triage ticket was filed) · 2 bad input (unreadable,
huge or malformed message; no usable URL and no flow) · 3 tool failure.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import click

from a11y_audit.config import load_config
from a11y_audit.errors import UsageError
from a11y_audit.intake.message import MAX_RAW_BYTES, Complaint, from_text, parse_message
from a11y_audit.intake.pipeline import run_intake
from a11y_audit.tickets.settings import TRACKERS

__all__ = ["intake_command"]


@click.command("intake")
@click.argument("message", required=False)
@click.option("--url", help="The page the customer means (with --description, instead of MESSAGE).")
@click.option("--description", help="The customer's words (with --url, instead of MESSAGE).")
@click.option("--config", "config_path", type=click.Path(path_type=Path, dir_okay=False), help="Config file.")
@click.option("--allow-origin", multiple=True, help="Also visit pages on this origin; repeatable.")
@click.option(
    "--output",
    "-o",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("a11y-intake"),
    show_default=True,
    help="Folder for the audit of the reported pages and intake.json.",
)
@click.option(
    "--tracker", type=click.Choice(TRACKERS), help="Where tickets go [default: [tickets] tracker, else file]."
)
@click.option(
    "--dir", "folder", type=click.Path(path_type=Path, file_okay=False), help="File tracker folder."
)
@click.option("--dry-run", is_flag=True, help="Audit and match, but write nothing to the tracker or state.")
def intake_command(
    message: str | None,
    url: str | None,
    description: str | None,
    config_path: Path | None,
    allow_origin: tuple[str, ...],
    output: Path,
    tracker: str | None,
    folder: Path | None,
    dry_run: bool,
) -> None:
    """Reproduce a customer's complaint and file it (or comment on the ticket it already has).

    MESSAGE is a forwarded email (.eml), a plain-text file, or - for standard input. Personal
    data is redacted from everything printed or written; the original is kept only in
    [intake] keep_originals.

    \b
    Examples:
      a11y-audit intake complaint.eml --config a11y-audit.toml
      a11y-audit intake - --allow-origin https://shop.example < complaint.txt
      a11y-audit intake --url https://shop.example/cart --description "I can't pay with my keyboard"
    """
    config = load_config(config_path)
    complaint, raw = _complaint(message, url, description)
    tickets = replace(
        config.tickets,
        tracker=tracker or config.tickets.tracker,
        dir=str(folder) if folder else config.tickets.dir,
    )
    outcome = run_intake(
        complaint,
        config,
        tickets,
        output,
        allow_origins=allow_origin,
        raw=raw,
        dry_run=dry_run,
        on_line=click.echo,
    )
    click.echo(f"Details: {outcome.report_path}")
    click.echo("\nReply for the customer:\n" + outcome.reply)
    if outcome.exit_code:
        click.get_current_context().exit(outcome.exit_code)


def _complaint(
    message: str | None, url: str | None, description: str | None
) -> tuple[Complaint, bytes | None]:
    if message is None:
        if not (url and description):
            raise UsageError(
                "give MESSAGE (an .eml or text file, or - for stdin), or both --url and --description"
            )
        complaint = from_text(description)
        return replace(complaint, links=(url,)), None
    raw = _read(message)
    complaint = parse_message(raw)
    if url:
        complaint = replace(complaint, links=(*complaint.links, url))
    return complaint, raw


def _read(message: str) -> bytes:
    """At most one byte over the limit, so a 20 MB body is refused without reading it all."""
    try:
        if message == "-":
            return sys.stdin.buffer.read(MAX_RAW_BYTES + 1)
        with Path(message).open("rb") as handle:
            return handle.read(MAX_RAW_BYTES + 1)
    except OSError as error:
        raise UsageError(f"cannot read {message}: {error.strerror or error} — check the path") from error
