"""The `a11y-audit` command line: thin click commands over a11y_audit.api."""
