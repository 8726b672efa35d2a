"""Table header cells that apply to no cell of their table (WCAG 1.3.1, ACT rule d0f69e).

A header cell tells a screen reader user what the cells of its column or row hold; it is
announced with a cell only when the browser assigns it to that cell. A header whose column
has no cells below it (rows shorter than the header row), or whose cells name other headers
in their `headers` attribute, conveys a relationship that is not there: the structure seen
on screen is not the structure exposed (1.3.1, technique H43/H63).

The assignment is the HTML standard's (a11y_audit/judge/tables.py), computed from the saved
DOM: it is what browsers expose. ARIA tables (`role="table"`/`"grid"` with `row`,
`columnheader`, `rowheader`, `cell`) relate a header to the cells of its column or row.
Judged: visible-by-markup `th` elements that the table model makes a column or row header
(or with an explicit `columnheader`/`rowheader` role) and ARIA header cells, in a table or
grid exposed to assistive technology. Needs review rather than failed where markup alone
cannot decide: a table holding nothing but header cells (an empty table or rows filled in
later: the rule's assumption, 1.3.1 may still be met), `scope="rowgroup"`/`"colgroup"`
headers, a `td` given a header role, and ARIA tables that position cells with
`aria-colindex`, spans or `aria-owns`. Empty header cells (a table's corner) are not judged:
the standard never assigns them, and they convey nothing.
https://www.w3.org/WAI/WCAG21/Understanding/info-and-relationships.html
"""

from __future__ import annotations

from collections.abc import Mapping

from lxml.html import HtmlElement

from a11y_audit.check import CheckMeta, Page, Verdict, WholePageCheck, cant_tell, failed, passed
from a11y_audit.judge.dom import is_hidden, text_of
from a11y_audit.judge.tables import AriaTable, HtmlTable, TableCell, explicit_role, is_empty_cell, is_table
from a11y_audit.model import Impact

_HEADER_ROLES = ("columnheader", "rowheader")
_TABLE_ROLES = (None, "table", "grid")
"""Semantic table or grid (the rule's scope): a `<table>` keeps its role or is given one of
these; treegrids and tables made presentational are not judged."""


class TableHeaderWithoutCells(WholePageCheck):
    meta = CheckMeta(
        id="table-header-without-cells",
        title="Table header cells apply to cells of their table",
        failure_title="Table header cell applies to no cell",
        description=(
            "A screen reader announces a table cell with its column and row headers. A header with no cells "
            "in its column or row (rows shorter than the header row), or whose cells name other headers in "
            "their headers attribute, announces a structure that is not there. Give every header its cells "
            "(an empty <td> keeps the grid whole), fix the headers attributes, or remove the header. The "
            "check computes the HTML table model (rows, colspan, rowspan, scope, headers) from the DOM, "
            "and the columns and rows of ARIA tables; tables of header cells only, row/column-group headers "
            "and ARIA tables positioned with aria-colindex or aria-owns are needs review."
        ),
        wcag=("1.3.1",),
        impact=Impact.MODERATE,
    )

    def judge(self, page: Page) -> Mapping[HtmlElement, Verdict]:
        verdicts: dict[HtmlElement, Verdict] = {}
        html_tables: dict[HtmlElement, HtmlTable] = {}
        aria_tables: dict[HtmlElement, AriaTable] = {}
        for header in page.elements("//th | //*[@role]"):
            role = explicit_role(header)
            if (header.tag == "th" and role not in (None, *_HEADER_ROLES)) or (
                header.tag != "th" and role not in _HEADER_ROLES
            ):
                continue
            table = next((node for node in header.iterancestors() if is_table(node)), None)
            if table is None or not _is_semantic_table(table) or is_hidden(header) or is_empty_cell(header):
                continue
            if table.tag == "table":
                model = html_tables.get(table) or html_tables.setdefault(table, HtmlTable.of(table))
                verdict = _html_verdict(header, role, model)
            elif role is not None:
                aria = aria_tables.get(table) or aria_tables.setdefault(table, AriaTable.of(table))
                verdict = _aria_verdict(header, role, aria)
            if verdict is not None:
                verdicts[header] = verdict
        return verdicts


def _is_semantic_table(table: HtmlElement) -> bool:
    role = explicit_role(table)
    return role in _TABLE_ROLES if table.tag == "table" else role in _TABLE_ROLES[1:]


def _html_verdict(header: HtmlElement, role: str | None, table: HtmlTable) -> Verdict | None:
    """The verdict on a header cell of an HTML table; None when it is no header there."""
    name = _name(header)
    cell = table.cell_of(header)
    if cell is None:
        return None  # not a cell of the table's rows (outside any tr): no grid to judge
    column, row = table.is_column_header(cell), table.is_row_header(cell)
    if role is None and not (column or row or cell.scope in ("colgroup", "rowgroup")):
        return None  # data cells on both axes: exposed as a cell (HTML-AAM), not a header
    if cell in table.assigned_headers():
        return passed(f"header {name} applies to cells of its table")
    if header.tag != "th":
        # Only a headers attribute assigns a td; browsers may still relate it by its role.
        return cant_tell(
            f"this td has the role {role} but no cell names it in a headers attribute: use a th (with "
            "scope), or check with a screen reader that its column or row is announced with it"
        )
    if cell.scope in ("colgroup", "rowgroup"):
        return cant_tell(
            f'header {name} has scope="{cell.scope}": check that its group of cells is announced with it'
        )
    if all(other.is_header for other in table.cells):
        return cant_tell(
            f"header {name} is in a table of header cells only: if the table is filled in later or is empty, "
            "check it once it holds data; otherwise the headers relate nothing"
        )
    return failed(f"header {name} applies to no cell of its table: {_why(cell, table, column)}")


def _why(cell: TableCell, table: HtmlTable, column: bool) -> str:
    """What a developer should change: cells that exclude the header, or cells that are missing."""
    if column:
        line = {other for x in range(cell.x, cell.x + cell.width) for other in table.column_cells(x)}
        axis = "column"
    else:
        line = {other for y in range(cell.y, cell.y + cell.height) for other in table.row_cells(y)}
        axis = "row"
    line.discard(cell)
    if any(other.element.get("headers") is not None for other in line):
        return f"the cells of its {axis} name other headers in their headers attribute; add its id there"
    return f"its {axis} has no cells (rows shorter than the header row?); add the cells or remove the header"


def _name(header: HtmlElement) -> str:
    text = text_of(header)
    return repr(text) if text else "(no text)"


def _aria_verdict(header: HtmlElement, role: str, table: AriaTable) -> Verdict | None:
    """The verdict on a columnheader or rowheader of an ARIA table; None outside its rows."""
    name = _name(header)
    axis = "column" if role == "columnheader" else "row"
    if not any(header in row for row in table.rows):
        return None
    others = table.others_in_column(header) if axis == "column" else table.others_in_row(header)
    if others:
        return passed(f"{role} {name} has cells in its {axis}")
    if not table.positioned:
        return cant_tell(
            f"{role} {name} has no cells in its {axis} by document order, but the table positions cells with "
            "aria-colindex, aria-rowindex, spans or aria-owns: check which cells it heads"
        )
    if all(explicit_role(cell) in _HEADER_ROLES for row in table.rows for cell in row):
        return cant_tell(
            f"{role} {name} is in a table of header cells only: if the table is filled in later or is empty, "
            "check it once it holds data"
        )
    return failed(
        f"{role} {name} has no cells in its {axis}: add the missing cells (role cell or gridcell) to each "
        "row, or remove the header"
    )
