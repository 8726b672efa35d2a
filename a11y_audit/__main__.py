"""`python -m a11y_audit` runs the CLI."""

from a11y_audit.cli.main import main

main()
