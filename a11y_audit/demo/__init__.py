"""The bundled demo storefront (`a11y-audit demo`): a small clothing store with planted,
documented WCAG 2.1 AA defects that can be switched off per variant."""

from __future__ import annotations

from .defects import VARIANTS, load_manifest
from .server import DemoStore

__all__ = ["VARIANTS", "DemoStore", "load_manifest"]
