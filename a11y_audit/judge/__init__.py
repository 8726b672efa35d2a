"""Judging, pure: the check engine, registry, evaluation, sampling, grouping, priority, coverage."""
