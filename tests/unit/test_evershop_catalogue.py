"""EverShop's shape of the benchmark catalogue: 40 products, nested categories, the same every time."""

from __future__ import annotations

from collections import Counter

from benchmarks.stores.evershop_catalogue import (
    category_body,
    category_paths,
    category_url_key,
    collection_body,
    evershop_rows,
    featured_skus,
    featured_widget_body,
    menu_widget_body,
    product_body,
)


def test_forty_products_in_every_category_of_the_big_catalogue_the_same_every_time() -> None:
    rows = evershop_rows()
    assert rows == evershop_rows() and len(rows) == 40
    assert Counter(row[0] for row in rows) == {"Book": 32, "Clothing": 8}
    assert len({row[1] for row in rows}) == 11 and len({row[6] for row in rows}) == 40  # unique SKUs
    assert any(row[8] == "0" for row in rows)  # some out of stock


def test_categories_come_parents_first_with_unique_url_keys() -> None:
    paths = category_paths(evershop_rows())
    assert paths[:3] == [("Books",), ("Books", "Fiction"), ("Books", "Fiction", "Mystery")]
    assert all(path[:-1] in paths[: paths.index(path)] for path in paths if len(path) > 1)
    assert len(paths) == 15  # 11 leaves, Books, Fiction, Non-fiction, Clothing
    keys = [category_body(path, None)["url_key"] for path in paths]
    assert len(set(keys)) == len(keys) and "books-non-fiction-history" in keys


def test_a_category_body_is_in_the_menu_only_at_the_top_level() -> None:
    assert category_body(("Books",), None)["include_in_nav"] == 1 and "parent_id" not in category_body(
        ("Books",), None
    )
    child = category_body(("Books", "Children"), 4)
    assert child["parent_id"] == 4 and child["include_in_nav"] == 0 and child["name"] == "Children"


def test_a_product_body_carries_the_row_and_the_stores_ids() -> None:
    row = [
        "Book",
        "Books > Children",
        "B00007",
        "The Lost Harbour",
        "A book.",
        "Partner",
        "SKU-B00007",
        "12.50",
        "0",
    ]
    body = product_body(row, category_id=9, group_id=1, package_id=2)
    assert body["name"] == "The Lost Harbour" and body["url_key"] == "the-lost-harbour-b00007"
    assert body["price"] == 12.5 and body["qty"] == 0 and body["stock_availability"] == 0
    assert (body["category_id"], body["group_id"], body["package_id"]) == (9, 1, 2)
    description = body["description"]
    assert (
        isinstance(description, list)
        and description[0]["columns"][0]["data"]["blocks"][0]["data"]["text"] == "A book."
    )


def test_the_home_page_features_eight_products_spread_over_the_catalogue() -> None:
    rows = evershop_rows()
    skus = featured_skus(rows)
    assert len(skus) == len(set(skus)) == 8 and skus[0] == rows[0][6]
    assert len({row[1] for row in rows if row[6] in skus}) > 4
    widget = featured_widget_body()
    assert widget["type"] == "collection_products" and widget["route"] == ["homepage"]
    assert widget["settings"] == {
        "collection": collection_body()["code"],
        "count": 8,
        "countPerRow": 4,
        "heading": "Featured",
    }


def test_the_main_menu_lists_top_categories_with_their_children_by_uuid() -> None:
    paths = category_paths(evershop_rows())
    uuids = {category_url_key(path): f"uuid-{index}" for index, path in enumerate(paths)}
    menu = menu_widget_body(paths, uuids)
    assert menu["type"] == "basic_menu" and menu["route"] == ["all"]
    settings = menu["settings"]
    assert isinstance(settings, dict) and settings["isMain"] is True
    books, clothing = settings["menus"]
    assert (books["name"], books["uuid"]) == ("Books", uuids["books"])
    assert [child["name"] for child in books["children"]] == ["Fiction", "Non-fiction", "Children"]
    assert [child["name"] for child in clothing["children"]] == ["Shirts", "Trousers", "Knitwear"]
