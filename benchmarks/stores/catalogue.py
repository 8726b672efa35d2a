"""A deterministic catalogue for a real store's own importer: ~200 products in nested
categories, the mix a small bookshop-and-clothing store has (one product class per kind,
several levels of category, some products that share a title, a few out of stock).

The rows follow django-oscar's `oscar_import_catalogue` CSV: product class, category path
("Books > Fiction > Mystery"), UPC, title, description, partner, SKU, price, stock.
"""

from __future__ import annotations

import csv
import random
from collections.abc import Iterator
from pathlib import Path

__all__ = ["catalogue_rows", "write_catalogue"]

_BOOK_CATEGORIES = (
    "Books > Fiction > Mystery",
    "Books > Fiction > Fantasy",
    "Books > Fiction > Romance",
    "Books > Fiction > Science fiction",
    "Books > Non-fiction > History",
    "Books > Non-fiction > Cooking",
    "Books > Non-fiction > Travel",
    "Books > Children",
)
_CLOTHING_CATEGORIES = ("Clothing > Shirts", "Clothing > Trousers", "Clothing > Knitwear")
_ADJECTIVES = (
    "Silent",
    "Hidden",
    "Last",
    "Golden",
    "Winter",
    "Broken",
    "Northern",
    "Quiet",
    "Lost",
    "Bright",
)
_NOUNS = ("Harbour", "Garden", "Letter", "Orchard", "Lantern", "River", "Kingdom", "Island", "Station", "Map")
_GARMENTS = ("linen shirt", "oxford shirt", "chino", "cord trouser", "wool jumper", "cardigan")
_COLOURS = ("navy", "olive", "rust", "stone", "charcoal", "oat")
_PARTNER = "Benchmark Books and Clothing"


def catalogue_rows(books: int = 160, clothes: int = 40, seed: int = 7) -> Iterator[list[str]]:
    """The rows, the same for a seed: a store that changes between runs measures nothing."""
    rng = random.Random(seed)
    for number in range(books):
        title = f"The {_ADJECTIVES[number % 10]} {_NOUNS[(number // 10) % 10]}"
        if number >= 100:  # two editions of one title: different products sharing a name
            title = f"The {_ADJECTIVES[number % 10]} {_NOUNS[(number // 10) % 10 - 6]}"
        yield _row("Book", _BOOK_CATEGORIES[number % len(_BOOK_CATEGORIES)], f"B{number:05d}", title, rng)
    for number in range(clothes):
        garment = f"{_COLOURS[number % 6].title()} {_GARMENTS[(number // 6) % 6]}"
        yield _row("Clothing", _CLOTHING_CATEGORIES[number % 3], f"C{number:05d}", garment, rng)


def _row(kind: str, category: str, upc: str, title: str, rng: random.Random) -> list[str]:
    description = f"{title}: a {kind.lower()} from our {category.split(' > ')[-1].lower()} range."
    price = f"{rng.randrange(499, 4999) / 100:.2f}"
    stock = "0" if rng.random() < 0.05 else str(rng.randrange(1, 40))
    return [kind, category, upc, title, description, _PARTNER, f"SKU-{upc}", price, stock]


def write_catalogue(path: Path) -> Path:
    """Write the catalogue CSV (no header: the importer reads every row as a product)."""
    with path.open("w", newline="", encoding="utf-8") as out:
        csv.writer(out).writerows(catalogue_rows())
    return path
