"""The W3C ACT Rules accuracy harness: `nox -s act` (or `python -m benchmarks.act`).

Why it exists: a tool that fails a page that passes gets switched off in CI, and the W3C ACT
Rules test cases are the suite every serious accessibility tool publishes its accuracy on.
The harness serves the cases on loopback, audits them through `api.audit(follow_links=False)`
(the code path of `a11y-audit scan`), classifies every rule the way W3C's implementation
pages do, for axe-core's rules, for our own checks and for the product as a whole, and writes
docs/act.md and an EARL (JSON-LD) implementation report.

    suite.py     the cases and the in-scope rules, read from ../shared/act-rules
    verdicts.py  pure: what each tool said on each case, and each rule's W3C classification
    publish.py   pure: docs/act.md and the EARL report
    runner.py    the loopback server and the audit (the only part that starts a browser)
    __main__.py  the command line
"""
