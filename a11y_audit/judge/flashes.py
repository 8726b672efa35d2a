"""WCAG 2.3.1's general and red flashes, counted over the frames of an animated image.

The definitions (WCAG 2.1 "general flash and red flash thresholds", Understanding 2.3.1):
a general flash is a pair of opposing changes in relative luminance of 10 % or more of the
maximum where the darker state is below 0.80; a red flash is a pair of opposing transitions
involving a saturated red, which WCAG 2.2 makes measurable: one state of each transition has
R/(R+G+B) >= 0.8 and the red value (R-G-B) x 320 (negatives set to 0, linear channels) changes
by more than 20. Content fails when more than three flashes of either kind fall in one second
over a combined area above 25 % of a 10-degree visual field, which the definition puts at a
341 x 256 px rectangle on a 1024 x 768 screen: 21,824 px².

Each cell of a coarse grid over the picture (averaging finer detail away: a fine flashing
checkerboard reads as steady grey, so this errs towards missing a flash, never towards
inventing one) follows its own value through the frames. A Schmitt trigger turns the values
into transitions (a change counts once it reaches the threshold since the last opposite
extreme, so slow drifts and noise do not add up to false transitions); two opposing
transitions are a flash. For every one-second window starting at a transition, the cells
with 8 or more transitions (four flashes) are flashing surely, 7 (three and a half) possibly;
their CSS area inside the worst 341 x 256 field is the flashing area.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from a11y_audit.artifacts.animated_images import FlashArea

__all__ = ["FIELD", "THRESHOLD_AREA", "CellSeries", "Timeline", "flash_area", "transition_times"]

FIELD = (341, 256)
"""A 10-degree visual field on a 1024 x 768 screen at a typical distance, CSS px."""
THRESHOLD_AREA = 0.25 * FIELD[0] * FIELD[1]
"""21,824 px²: flashing over less than this (combined, in any field) passes."""
SURE_TRANSITIONS = 8
"""Four full flashes in one second: more than three, however the pairs are counted."""
POSSIBLE_TRANSITIONS = 7
"""Three and a half flashes: more than three when a transition may close one flash and open the next."""
WINDOW_MS = 1000


@dataclass(frozen=True, slots=True)
class CellSeries:
    """One grid cell through the frames: relative luminance, red value and whether saturated red."""

    luminance: Sequence[float]
    red: Sequence[float]
    saturated: Sequence[bool]


@dataclass(frozen=True, slots=True)
class Timeline:
    """When each analysed frame starts (ms) and the grid: columns, rows, CSS px per cell."""

    starts: Sequence[int]
    columns: int
    rows: int
    cell_width: float
    cell_height: float


def _reached(change: float, red: bool) -> bool:
    """A general transition is 10 % of the maximum luminance or more; a red one more than 20."""
    return change > 20.0 if red else change >= 0.1


def transition_times(series: CellSeries, starts: Sequence[int], red: bool) -> list[int]:
    """Start times of the frames at which a general (or red) transition completes."""
    values = series.red if red else series.luminance
    if not _reached(max(values) - min(values), red):
        return []
    found: list[int] = []
    direction = 0
    low = high = values[0]
    high_saturated = series.saturated[0]
    for index in range(1, len(values)):
        value = values[index]
        if value < low:
            low = value
        if value >= high:
            high, high_saturated = value, series.saturated[index]
        rising_ok = series.saturated[index] if red else low < 0.8
        falling_ok = high_saturated if red else value < 0.8
        if direction != 1 and _reached(value - low, red) and rising_ok:
            direction = 1
        elif direction != -1 and _reached(high - value, red) and falling_ok:
            direction = -1
        else:
            continue
        found.append(starts[index])
        low = high = value
        high_saturated = series.saturated[index]
    return found


def _count_from(times: Sequence[int], start: int) -> int:
    return bisect_left(times, start + WINDOW_MS) - bisect_left(times, start)


def flash_area(cells: Sequence[Sequence[CellSeries]], timeline: Timeline, red: bool) -> FlashArea:
    """The area flashing surely / possibly more than 3 times a second, in the worst field.

    `cells[k]` holds the cell's series over each backdrop (one when the picture is opaque):
    a sure flash must flash over every backdrop, a possible one over any. Cells sharing one
    series (a region changing as one) are followed once and counted once per window.
    """
    followed: dict[int, tuple[int, ...]] = {}
    for series in {id(series): series for backdrops in cells for series in backdrops}.values():
        followed[id(series)] = tuple(transition_times(series, timeline.starts, red))
    patterns: dict[tuple[tuple[int, ...], ...], int] = {}
    of_cell = [
        patterns.setdefault(tuple(followed[id(series)] for series in backdrops), len(patterns))
        for backdrops in cells
    ]
    flashing = [key for key in patterns if any(len(times) >= POSSIBLE_TRANSITIONS for times in key)]
    starts = sorted({time for key in flashing for times in key for time in times})
    certain = possible = 0.0
    for start in starts:
        sure = [all(_count_from(times, start) >= SURE_TRANSITIONS for times in key) for key in patterns]
        maybe = [any(_count_from(times, start) >= POSSIBLE_TRANSITIONS for times in key) for key in patterns]
        certain = max(certain, _worst_field([sure[k] for k in of_cell], timeline, math.floor))
        possible = max(possible, _worst_field([maybe[k] for k in of_cell], timeline, math.ceil))
    return {"certain": round(certain), "possible": round(possible)}


def _worst_field(mask: Sequence[bool], timeline: Timeline, rounding: Callable[[float], int]) -> float:
    """The largest flashing CSS area inside any 341 x 256 rectangle of the grid.

    The field is counted in whole cells, rounded down for the sure area (never more than a
    field) and up for the possible one; a summed-area table makes each rectangle one lookup.
    """
    flashing = sum(mask)
    if not flashing:
        return 0.0
    columns, rows = timeline.columns, timeline.rows
    span_x = max(1, min(columns, rounding(FIELD[0] / timeline.cell_width)))
    span_y = max(1, min(rows, rounding(FIELD[1] / timeline.cell_height)))
    if span_x == columns and span_y == rows:
        return flashing * timeline.cell_width * timeline.cell_height
    table = [[0] * (columns + 1) for _ in range(rows + 1)]
    for row in range(rows):
        running = 0
        for column in range(columns):
            running += mask[row * columns + column]
            table[row + 1][column + 1] = table[row][column + 1] + running
    best = max(
        table[top + span_y][left + span_x]
        - table[top][left + span_x]
        - table[top + span_y][left]
        + table[top][left]
        for top in range(rows - span_y + 1)
        for left in range(columns - span_x + 1)
    )
    return best * timeline.cell_width * timeline.cell_height
