"""The HTML table model (judge/tables.py) against the HTML standard's algorithms."""

from __future__ import annotations

from lxml.html import HtmlElement

from a11y_audit.judge.dom import parse_dom
from a11y_audit.judge.tables import AriaTable, HtmlTable, explicit_role, is_empty_cell


def _table(html: str) -> tuple[HtmlTable, HtmlElement]:
    root = parse_dom(f"<html><body>{html}</body></html>")
    return HtmlTable.of(root.xpath("//table")[0]), root


def _headers(html: str, cell_id: str) -> list[str]:
    table, root = _table(html)
    cell = table.cell_of(root.get_element_by_id(cell_id))
    assert cell is not None
    return [str(header.element.get("id")) for header in table.headers_of(cell)]


def test_grid_follows_colspan_rowspan_and_puts_tfoot_last() -> None:
    table, root = _table(
        "<table><tfoot><tr><td id='foot'>f</td></tr></tfoot>"
        "<tbody><tr><td id='a' rowspan='2'>a</td><td id='b' colspan='2'>b</td></tr>"
        "<tr><td id='c'>c</td><td id='d' colspan='0'>d</td></tr></tbody></table>"
    )
    where = {str(cell.element.get("id")): (cell.x, cell.y, cell.width, cell.height) for cell in table.cells}
    assert where == {
        "a": (0, 0, 1, 2),
        "b": (1, 0, 2, 1),
        "c": (1, 1, 1, 1),
        "d": (2, 1, 1, 1),
        "foot": (0, 2, 1, 1),
    }
    assert (table.width, table.height) == (3, 3)
    assert table.cell_of(root.get_element_by_id("c")) is table.cells[2]


def test_rowspan_zero_reaches_the_end_of_its_row_group() -> None:
    table, _ = _table(
        "<table><tbody><tr><th id='h' rowspan='0'>h</th><td>1</td></tr><tr><td>2</td></tr>"
        "<tr><td>3</td></tr></tbody><tbody><tr><td>4</td></tr></tbody></table>"
    )
    header = table.cells[0]
    assert (header.height, table.height) == (3, 4)


def test_auto_scope_decides_column_and_row_headers() -> None:
    table, root = _table(
        "<table><tr><th id='corner'>Day</th><th id='col'>AM</th><th>PM</th></tr>"
        "<tr><th id='row'>Mon</th><td>8</td><td>9</td></tr>"
        "<tr><th>Tue</th><td>8</td><th id='neither'>shut</th></tr></table>"
    )

    def kind(ident: str) -> tuple[bool, bool]:
        cell = table.cell_of(root.get_element_by_id(ident))
        assert cell is not None
        return table.is_column_header(cell), table.is_row_header(cell)

    assert kind("corner") == (True, False)
    assert kind("col") == (True, False)
    assert kind("row") == (False, True)
    assert kind("neither") == (False, False)


def test_headers_scan_stops_at_headers_shadowed_by_a_nearer_block() -> None:
    html = (
        "<table><tr><th id='top'>A</th></tr><tr><td id='one'>1</td></tr>"
        "<tr><th id='mid'>B</th></tr><tr><td id='two'>2</td></tr></table>"
    )
    assert _headers(html, "one") == ["top"]
    assert _headers(html, "two") == ["mid"]


def test_headers_attribute_replaces_the_scan_and_skips_empty_headers() -> None:
    html = (
        "<table><tr><th id='a'>A</th><th id='b'>B</th><th id='e'></th></tr>"
        "<tr><td id='x' headers='a e missing'>1</td><td id='y'>2</td><td id='z'>3</td></tr></table>"
    )
    assert _headers(html, "x") == ["a"]
    assert _headers(html, "y") == ["b"]
    assert _headers(html, "z") == []


def test_aria_table_rows_and_positioning() -> None:
    root = parse_dom(
        "<div role='grid' id='g'><div role='row'><div role='columnheader' id='h'>H</div>"
        "<div role='columnheader' id='i'>I</div></div>"
        "<div role='rowgroup'><div role='row'><div><div role='gridcell' id='c'>c</div></div></div></div>"
        "<div role='row'><div role='table'><div role='row'><div role='cell'>nested</div></div></div></div>"
        "</div>"
    )
    table = AriaTable.of(root.get_element_by_id("g"))
    assert [len(row) for row in table.rows] == [2, 1, 0]
    assert table.others_in_column(root.get_element_by_id("h")) == [root.get_element_by_id("c")]
    assert table.others_in_column(root.get_element_by_id("i")) == []
    assert table.positioned
    root.get_element_by_id("c").set("aria-colindex", "2")
    assert not table.positioned


def test_roles_and_emptiness() -> None:
    root = parse_dom("<p id='a' role='bogus row'></p><p id='b' role='bogus'> </p><p id='c'><i></i></p>")
    assert explicit_role(root.get_element_by_id("a")) == "row"
    assert explicit_role(root.get_element_by_id("b")) is None
    assert is_empty_cell(root.get_element_by_id("b"))
    assert not is_empty_cell(root.get_element_by_id("c"))


def test_section_rows_of_a_spec_table_head_the_rows_below() -> None:
    html = (
        "<table><tr><th id='dims' colspan='2'>Dimensions</th></tr>"
        "<tr><th id='width'>Width</th><td id='w'>40 cm</td></tr>"
        "<tr><th>Height</th><td>60 cm</td></tr></table>"
    )
    assert _headers(html, "w") == ["width", "dims"]
    table, _ = _table(html)
    assert {str(cell.element.get("id")) for cell in table.assigned_headers()} >= {"dims", "width"}
