"""The HTML table model over a saved DOM: which header cells apply to which cells.

Screen readers announce a cell with the headers the browser assigns to it, and browsers
assign them by the HTML standard's algorithm ("forming a table" and "forming relationships
between data cells and header cells"): a grid of slots built from rows, `colspan` and
`rowspan`, then for each cell its `headers` attribute or, without one, a scan left along
its rows and up its columns that stops at headers shadowed by a nearer header block. Only
markup decides it, so it is computed here from the saved DOM exactly as the standard says.
https://html.spec.whatwg.org/multipage/tables.html#header-and-data-cell-semantics

ARIA tables (`role="table"`/`"grid"` on other elements) have no such algorithm: a
`columnheader` applies to the cells of its column and a `rowheader` to those of its row
(WAI-ARIA 1.2), with positions from the order of rows and cells unless `aria-colindex` and
friends say otherwise; `AriaTable.positioned` says whether the order is all there is.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from lxml.html import HtmlElement

__all__ = [
    "ARIA_TABLE_ROLES",
    "AriaTable",
    "HtmlTable",
    "TableCell",
    "explicit_role",
    "is_empty_cell",
    "is_table",
]

ARIA_ROLES = frozenset(
    {
        "alert", "alertdialog", "application", "article", "banner", "blockquote", "button", "caption",
        "cell", "checkbox", "code", "columnheader", "combobox", "comment", "complementary", "contentinfo",
        "definition", "deletion", "dialog", "directory", "document", "emphasis", "feed", "figure", "form",
        "generic", "grid", "gridcell", "group", "heading", "img", "insertion", "link", "list", "listbox",
        "listitem", "log", "main", "mark", "marquee", "math", "menu", "menubar", "menuitem",
        "menuitemcheckbox", "menuitemradio", "meter", "navigation", "none", "note", "option", "paragraph",
        "presentation", "progressbar", "radio", "radiogroup", "region", "row", "rowgroup", "rowheader",
        "scrollbar", "search", "searchbox", "separator", "slider", "spinbutton", "status", "strong",
        "subscript", "suggestion", "superscript", "switch", "tab", "table", "tablist", "tabpanel", "term",
        "textbox", "time", "timer", "toolbar", "tooltip", "tree", "treegrid", "treeitem",
        "graphics-document", "graphics-object", "graphics-symbol", "doc-abstract", "doc-acknowledgments",
        "doc-afterword", "doc-appendix", "doc-backlink", "doc-biblioentry", "doc-bibliography",
        "doc-biblioref", "doc-chapter", "doc-colophon", "doc-conclusion", "doc-cover", "doc-credit",
        "doc-credits", "doc-dedication", "doc-endnote", "doc-endnotes", "doc-epigraph", "doc-epilogue",
        "doc-errata", "doc-example", "doc-footnote", "doc-foreword", "doc-glossary", "doc-glossref",
        "doc-index", "doc-introduction", "doc-noteref", "doc-notice", "doc-pagebreak", "doc-pagelist",
        "doc-part", "doc-preface", "doc-prologue", "doc-pullquote", "doc-qna", "doc-subtitle", "doc-tip",
        "doc-toc",
    }
)  # fmt: skip
"""Non-abstract roles of WAI-ARIA 1.2, Graphics ARIA and DPUB-ARIA: the valid role tokens."""
ARIA_TABLE_ROLES = frozenset({"table", "grid", "treegrid"})
_ARIA_CELL_ROLES = frozenset({"cell", "gridcell", "columnheader", "rowheader"})
_ROW_GROUPS = frozenset({"thead", "tbody", "tfoot"})
_MAX_COLSPAN = 1000
_MAX_ROWSPAN = 65534
_ARIA_POSITIONING = ("aria-colindex", "aria-rowindex", "aria-colspan", "aria-rowspan", "aria-owns")


def explicit_role(element: HtmlElement) -> str | None:
    """The first valid token of the role attribute (ACT's "explicit semantic role"), if any."""
    return next((token for token in (element.get("role") or "").lower().split() if token in ARIA_ROLES), None)


def is_empty_cell(cell: HtmlElement) -> bool:
    """The standard's "empty" cell: no child elements and only white space. An empty header
    cell is never assigned to any cell."""
    return len(cell) == 0 and not (cell.text_content() or "").strip()


def _span(value: str | None, *, default: int, zero: int, limit: int) -> int:
    """colspan/rowspan by the rules for parsing non-negative integers (leading digits)."""
    digits = ""
    for char in (value or "").strip():
        if not char.isdigit():
            break
        digits += char
    if not digits:
        return default
    number = int(digits)
    return zero if number == 0 else min(number, limit)


@dataclass(eq=False, slots=True)
class TableCell:
    """A td or th anchored at (x, y), covering width x height slots."""

    element: HtmlElement
    x: int
    y: int
    width: int
    height: int

    @property
    def is_header(self) -> bool:
        return self.element.tag == "th"

    @property
    def scope(self) -> str:
        """col, row, colgroup, rowgroup or auto (a missing or unknown value), for th only."""
        value = (self.element.get("scope") or "").strip().lower()
        return value if value in ("col", "row", "colgroup", "rowgroup") else "auto"


@dataclass(slots=True)
class HtmlTable:
    """The grid of an HTML `<table>` and its header-cell assignments (HTML "forming a table")."""

    element: HtmlElement
    cells: list[TableCell] = field(default_factory=list)
    slots: dict[tuple[int, int], list[TableCell]] = field(default_factory=lambda: defaultdict(list))
    width: int = 0
    height: int = 0
    _y: int = 0
    """The row being formed (the standard's y_current)."""
    _rows_with_data: frozenset[int] | None = None
    _columns_with_data: frozenset[int] | None = None
    _by_element: dict[HtmlElement, TableCell] = field(default_factory=dict)
    _assigned: set[TableCell] | None = None

    @classmethod
    def of(cls, table: HtmlElement) -> HtmlTable:
        model = cls(table)
        pending_footers: list[HtmlElement] = []
        for child in table:
            if child.tag == "tr":
                model._row(child, [])
            elif child.tag in _ROW_GROUPS:
                if child.tag == "tfoot":
                    pending_footers.append(child)
                else:
                    model._row_group(child)
        for footer in pending_footers:
            model._row_group(footer)
        return model

    def _row_group(self, group: HtmlElement) -> None:
        self._y = self.height  # a group starts below every row so far, spanned ones too
        growing: list[TableCell] = []
        for row in group:
            if row.tag == "tr":
                self._row(row, growing)
        # Ending a row group: cells spanning past its last row still cover those rows.
        while self._y < self.height:
            self._grow(growing, self._y)
            self._y += 1

    def _row(self, row: HtmlElement, growing: list[TableCell]) -> None:
        y = self._y
        self._y = y + 1
        self.height = max(self.height, y + 1)
        self._grow(growing, y)
        x = 0
        for element in row:
            if element.tag not in ("td", "th"):
                continue
            while self.slots.get((x, y)):
                x += 1
            colspan = _span(element.get("colspan"), default=1, zero=1, limit=_MAX_COLSPAN)
            rowspan = _span(element.get("rowspan"), default=1, zero=0, limit=_MAX_ROWSPAN)
            cell = TableCell(element, x, y, colspan, max(rowspan, 1))
            self.cells.append(cell)
            self.width = max(self.width, x + colspan)
            self.height = max(self.height, y + cell.height)
            for dx in range(colspan):
                for dy in range(cell.height):
                    self.slots[(x + dx, y + dy)].append(cell)
            if rowspan == 0:
                growing.append(cell)
            x += colspan

    def _grow(self, growing: list[TableCell], y: int) -> None:
        """rowspan="0" cells reach to the end of their row group, one row at a time."""
        for cell in growing:
            if cell.y + cell.height <= y:
                for dx in range(cell.width):
                    self.slots[(cell.x + dx, y)].append(cell)
                cell.height = y - cell.y + 1

    def cell_of(self, element: HtmlElement) -> TableCell | None:
        if len(self._by_element) != len(self.cells):
            self._by_element = {cell.element: cell for cell in self.cells}
        return self._by_element.get(element)

    def is_column_header(self, cell: TableCell) -> bool:
        """scope=col, or auto scope with no data cell in any of its rows."""
        if not cell.is_header:
            return False
        if cell.scope == "col":
            return True
        data_rows = self._data_rows()
        return cell.scope == "auto" and not any(y in data_rows for y in range(cell.y, cell.y + cell.height))

    def is_row_header(self, cell: TableCell) -> bool:
        """scope=row, or auto scope, not a column header, with no data cell in its columns."""
        if not cell.is_header:
            return False
        if cell.scope == "row":
            return True
        data_columns = self._data_columns()
        return (
            cell.scope == "auto"
            and not self.is_column_header(cell)
            and not any(x in data_columns for x in range(cell.x, cell.x + cell.width))
        )

    def _data_rows(self) -> frozenset[int]:
        if self._rows_with_data is None:
            self._rows_with_data = frozenset(
                y for cell in self.cells if not cell.is_header for y in range(cell.y, cell.y + cell.height)
            )
        return self._rows_with_data

    def _data_columns(self) -> frozenset[int]:
        if self._columns_with_data is None:
            self._columns_with_data = frozenset(
                x for cell in self.cells if not cell.is_header for x in range(cell.x, cell.x + cell.width)
            )
        return self._columns_with_data

    def assigned_headers(self) -> set[TableCell]:
        """The header cells assigned to at least one other cell (what a header needs).

        Scans only while some header is still unassigned, and only towards such headers, so a
        long table costs about one scan per cell instead of one per cell and header row.
        """
        if self._assigned is not None:
            return self._assigned
        pending = {cell for cell in self.cells if cell.is_header and not is_empty_cell(cell.element)}
        by_row: dict[int, set[TableCell]] = defaultdict(set)
        by_column: dict[int, set[TableCell]] = defaultdict(set)
        for header in pending:
            for y in range(header.y, header.y + header.height):
                by_row[y].add(header)
            for x in range(header.x, header.x + header.width):
                by_column[x].add(header)
        assigned: set[TableCell] = set()
        self._assigned = assigned
        for principal in self.cells:
            if not pending:
                break
            left = any(
                header.x < principal.x
                for y in range(principal.y, principal.y + principal.height)
                for header in by_row.get(y, ())
                if header in pending
            )
            up = any(
                header.y < principal.y
                for x in range(principal.x, principal.x + principal.width)
                for header in by_column.get(x, ())
                if header in pending
            )
            if principal.element.get("headers") is not None or left or up:
                found = set(self.headers_of(principal, left=left, up=up))
                assigned |= found
                pending -= found
        return assigned

    def row_cells(self, y: int) -> Iterator[TableCell]:
        """The cells covering row y, left to right (a cell spanning several slots repeats)."""
        for x in range(self.width):
            yield from self.slots.get((x, y), ())

    def column_cells(self, x: int) -> Iterator[TableCell]:
        """The cells covering column x, top to bottom (a cell spanning several slots repeats)."""
        for y in range(self.height):
            yield from self.slots.get((x, y), ())

    def headers_of(self, principal: TableCell, *, left: bool = True, up: bool = True) -> list[TableCell]:
        """The header cells assigned to a cell (the standard's algorithm, group headers aside:
        `scope=rowgroup`/`colgroup` headers are never in these lists, callers judge them apart).

        Without a headers attribute, `left`/`up` False skips the scan along the rows/columns:
        the headers it finds are then the ones of the other direction only.
        """
        found: list[TableCell] = []
        if principal.element.get("headers") is not None:
            root = self.element.getroottree().getroot()
            for ident in (principal.element.get("headers") or "").split():
                matches = root.xpath("//*[@id=$ident]", ident=ident)
                cell = self.cell_of(matches[0]) if matches else None
                if cell is not None and cell is not principal:
                    found.append(cell)
        else:
            for y in range(principal.y, principal.y + principal.height) if left else ():
                self._scan(principal, found, principal.x, y, -1, 0)
            for x in range(principal.x, principal.x + principal.width) if up else ():
                self._scan(principal, found, x, principal.y, 0, -1)
        unique: list[TableCell] = []
        for cell in found:
            if cell is not principal and cell not in unique and not is_empty_cell(cell.element):
                unique.append(cell)
        return unique

    def _scan(self, principal: TableCell, found: list[TableCell], x: int, y: int, dx: int, dy: int) -> None:
        """The standard's "internal algorithm for scanning and assigning header cells"."""
        opaque: list[TableCell] = []
        in_block = principal.is_header
        block: list[TableCell] = [principal] if in_block else []
        while True:
            x, y = x + dx, y + dy
            if x < 0 or y < 0:
                return
            covering = self.slots.get((x, y), [])
            if len(covering) != 1:
                continue
            current = covering[0]
            if current.is_header:
                in_block = True
                block.append(current)
                if dx == 0:
                    blocked = not self.is_column_header(current) or any(
                        o.x == current.x and o.width == current.width for o in opaque
                    )
                else:
                    blocked = not self.is_row_header(current) or any(
                        o.y == current.y and o.height == current.height for o in opaque
                    )
                if not blocked:
                    found.append(current)
            elif in_block:
                in_block = False
                opaque.extend(block)
                block = []


@dataclass(frozen=True, slots=True)
class AriaTable:
    """An ARIA table or grid: rows of cells in document order (no slots, no spans)."""

    element: HtmlElement
    rows: tuple[tuple[HtmlElement, ...], ...]

    @classmethod
    def of(cls, table: HtmlElement) -> AriaTable:
        rows = [
            row
            for row in table.iterdescendants()
            if isinstance(row.tag, str) and explicit_role(row) == "row" and _owner(row, is_table) is table
        ]
        return cls(
            table,
            tuple(
                tuple(
                    cell
                    for cell in row.iterdescendants()
                    if isinstance(cell.tag, str)
                    and explicit_role(cell) in _ARIA_CELL_ROLES
                    and _owner(cell, lambda node: explicit_role(node) == "row" or is_table(node)) is row
                )
                for row in rows
            ),
        )

    @property
    def positioned(self) -> bool:
        """Whether rows and cells sit where their order puts them: no aria-colindex, spans or
        aria-owns anywhere in the table, which would move them."""
        return not any(
            node.get(name) is not None
            for node in self.element.iter()
            if isinstance(node.tag, str)
            for name in _ARIA_POSITIONING
        )

    def others_in_column(self, cell: HtmlElement) -> list[HtmlElement]:
        where = self._where(cell)
        if where is None:
            return []
        y, x = where
        return [row[x] for index, row in enumerate(self.rows) if index != y and len(row) > x]

    def others_in_row(self, cell: HtmlElement) -> list[HtmlElement]:
        where = self._where(cell)
        return [] if where is None else [other for other in self.rows[where[0]] if other is not cell]

    def _where(self, cell: HtmlElement) -> tuple[int, int] | None:
        for y, row in enumerate(self.rows):
            for x, other in enumerate(row):
                if other is cell:
                    return y, x
        return None


def is_table(node: HtmlElement) -> bool:
    """A `<table>` or an element with an ARIA table role: what owns the rows inside it."""
    return node.tag == "table" or explicit_role(node) in ARIA_TABLE_ROLES


def _owner(element: HtmlElement, matches: Callable[[HtmlElement], bool]) -> HtmlElement | None:
    """The nearest ancestor that `matches`."""
    return next((node for node in element.iterancestors() if matches(node)), None)
