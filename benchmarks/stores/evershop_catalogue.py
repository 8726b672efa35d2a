"""The benchmark catalogue in EverShop's shape: catalogue.py's rows (40 of them: a small store)
as the JSON bodies EverShop's own admin REST API takes, `POST /api/categories`,
`POST /api/products`, `POST /api/collections` and `POST /api/widgets` (EverShop 2 starts with
an empty home page and no menu: a store's owner adds both as widgets, so the benchmark does too).

Pure: the ids the bodies point at (parent category, attribute group, parcel package) are the
store's, passed in by the caller that asked the store for them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from benchmarks.stores.catalogue import catalogue_rows

__all__ = [
    "BOOKS",
    "CLOTHES",
    "FEATURED",
    "category_body",
    "category_paths",
    "category_url_key",
    "collection_body",
    "evershop_rows",
    "featured_skus",
    "featured_widget_body",
    "menu_widget_body",
    "product_body",
]

BOOKS = 32
CLOTHES = 8
FEATURED = "featured"
Body = dict[str, object]


def evershop_rows() -> list[list[str]]:
    """catalogue.py's rows for a 40-product store: every category of the big one, fewer products."""
    return list(catalogue_rows(books=BOOKS, clothes=CLOTHES))


def category_paths(rows: Iterable[Sequence[str]]) -> list[tuple[str, ...]]:
    """Every category the rows name and each of its ancestors, parents first, in first-seen order."""
    paths: list[tuple[str, ...]] = []
    for row in rows:
        names = tuple(row[1].split(" > "))
        for depth in range(1, len(names) + 1):
            if names[:depth] not in paths:
                paths.append(names[:depth])
    return paths


def category_body(path: tuple[str, ...], parent_id: int | None) -> Body:
    """A category under parent_id (None: top level, shown in the store's menu)."""
    body: Body = {
        "name": path[-1],
        "url_key": category_url_key(path),
        "status": 1,
        "include_in_nav": 1 if parent_id is None else 0,
        "meta_title": path[-1],
        "meta_description": f"{path[-1]} from our range.",
        "description": [],
    }
    if parent_id is not None:
        body["parent_id"] = parent_id
    return body


def category_url_key(path: Sequence[str]) -> str:
    """The category's address segment: its whole path, so two "Shirts" never collide."""
    return _slug("-".join(path))


def product_body(row: Sequence[str], category_id: int, group_id: int, package_id: int) -> Body:
    """A simple, visible, shippable product; stock 0 makes it out of stock, as in the row."""
    _, _, upc, title, description, _, sku, price, stock = row
    return {
        "name": title,
        "url_key": _slug(f"{title}-{upc}"),
        "sku": sku,
        "price": float(price),
        "qty": int(stock),
        "manage_stock": 1,
        "stock_availability": 1 if int(stock) > 0 else 0,
        "status": 1,
        "visibility": 1,
        "weight": 0.5,
        "group_id": group_id,
        "package_id": package_id,
        "category_id": category_id,
        "meta_title": title,
        "meta_description": description,
        "description": [_text_block(upc, description)],
    }


def collection_body() -> Body:
    return {"name": "Featured", "code": FEATURED, "description": []}


def featured_skus(rows: Sequence[Sequence[str]], count: int = 8) -> list[str]:
    """Every fifth product: a spread over the categories for the home page."""
    return [row[6] for row in rows[::5]][:count]


def featured_widget_body() -> Body:
    """The home page's product grid, EverShop's `collection_products` widget."""
    settings = {"collection": FEATURED, "count": 8, "countPerRow": 4, "heading": "Featured"}
    return {
        "name": "Featured products",
        "type": "collection_products",
        "status": 1,
        "area": ["content"],
        "route": ["homepage"],
        "sort_order": 1,
        "settings": settings,
    }


def menu_widget_body(paths: Sequence[tuple[str, ...]], uuids: dict[str, str]) -> Body:
    """The main menu on every page: each top-level category, its sub-categories beneath it."""

    def item(path: tuple[str, ...]) -> Body:
        return {"name": path[-1], "type": "category", "uuid": uuids[category_url_key(path)]}

    menus = [
        {**item(top), "children": [item(path) for path in paths if len(path) == 2 and path[0] == top[0]]}
        for top in paths
        if len(top) == 1
    ]
    return {
        "name": "Main menu",
        "type": "basic_menu",
        "status": 1,
        "area": ["headerMiddleCenter"],
        "route": ["all"],
        "sort_order": 1,
        "settings": {"menus": menus, "isMain": True},
    }


def _text_block(key: str, text: str) -> Body:
    """One row of one column holding one paragraph: the shape of EverShop's description editor."""
    paragraph = {"id": f"p-{key}", "type": "paragraph", "data": {"text": text}}
    column = {"id": f"c-{key}", "size": 1, "data": {"blocks": [paragraph]}}
    return {"id": f"r-{key}", "size": 1, "columns": [column]}


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
