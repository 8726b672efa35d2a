"""Tracker tickets from a saved results.json: one ticket per issue (root cause), kept in sync.

`content` builds each ticket's text as a small markup tree from the results (pure, so every
adapter files the same words); `markup` renders that tree for a tracker's syntax, escaping all
page content; `sync` runs the lifecycle (create, update, comment, reopen, close) against one
`Tracker` adapter and the SQLite `state`; adapters: `file_tracker`, `jira`, `github`, `redmine`.
"""
