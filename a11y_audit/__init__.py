"""a11y-audit: audit web storefronts for WCAG 2.1 AA and prioritise defects like critical bugs."""

from __future__ import annotations

__version__ = "0.1.0"
__all__ = ["__version__"]
