"""Support intake: a customer's accessibility complaint -> a reproduced, prioritised ticket.

Pure modules (message, understand, safety, redact, match, decide) judge; `run` composes them
with the browser audit (a11y_audit.api) and the tickets module. docs/intake.md.
"""
