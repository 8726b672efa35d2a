"""Decoding an animated image (GIF, APNG, animated WebP) into what 2.2.2 and 2.3.1 judge.

How long it plays: one pass through the frames times the passes. Browsers show a frame whose
delay is 10 ms or less for 100 ms (Chromium and Firefox alike), so delays are clamped the
same way. Passes: 0 in the file means forever; APNG's num_plays and WebP's loop count are
the number of passes; a GIF's NETSCAPE loop count is read by browsers as repeats (one pass
more) and by some tools as passes, so both are kept (`plays`, `playsAtMost`); a GIF without
the extension plays once.

How it flashes: a11y_audit.judge.flashes, on a grid of at most GRID x GRID cells (fewer for
long animations, CELL_FRAMES bounds cells x frames), each frame
composited over white and over black when it has transparency (what is behind it is not
known). Work is bounded: at most MAX_FRAMES frames, and MAX_PIXELS pixels in all, are
decoded; a looping image is followed one second into its next pass so a window across the
wrap is counted.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Iterator
from io import BytesIO
from urllib.parse import urlsplit

from PIL import Image, ImageChops, UnidentifiedImageError

from a11y_audit.artifacts.animated_images import AnimatedImage, Animation
from a11y_audit.check import Target, Verdict
from a11y_audit.judge.flashes import WINDOW_MS, CellSeries, Timeline, flash_area

__all__ = ["CELL_FRAMES", "GRID", "MAX_FRAMES", "MAX_PIXELS", "image_path", "measure", "per_image", "sniff"]

GRID = 32
"""Cells per side of the analysis grid, at most."""
CELL_FRAMES = 60_000
"""Cells x frames analysed per image: long animations get a coarser grid (bounded time)."""
MAX_FRAMES = 300
MAX_PIXELS = 50_000_000
"""Pixels decoded per image at most (a 640 x 420 screencast: its first 186 frames)."""
"""Frames decoded per image; the rest are not analysed (`truncated`)."""
_MIN_DELAY_MS = 10
_CLAMPED_DELAY_MS = 100
_STILL_DIFFERENCE = 8
"""A frame whose channels all stay within this of the first frame's does not move."""
_BACKDROPS = ((255, 255, 255, 255), (0, 0, 0, 255))
"""What may be behind a transparent image: white and black bound every page colour's luminance."""
_LINEAR = [v / 255 / 12.92 if v / 255 <= 0.04045 else ((v / 255 + 0.055) / 1.055) ** 2.4 for v in range(256)]


def sniff(data: bytes) -> str | None:
    """The format when the bytes are of a kind that can animate (GIF, APNG, animated WebP)."""
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return "gif"
    if data[:8] == b"\x89PNG\r\n\x1a\n":
        header = data[: data.find(b"IDAT")] if b"IDAT" in data else data
        return "png" if b"acTL" in header else None
    if data[:4] == b"RIFF" and data[8:16] == b"WEBPVP8X" and len(data) > 20 and data[20] & 0x02:
        return "webp"
    return None


def measure(data: bytes, rendered: tuple[float, float]) -> Animation | None:
    """The animation of `data` shown at `rendered` CSS px; None when it is not animated.

    Raises ValueError when the bytes cannot be decoded.
    """
    kind = sniff(data)
    if kind is None:
        return None
    try:
        image = Image.open(BytesIO(data))
        frames = int(getattr(image, "n_frames", 1))
        if frames < 2:
            return None
        return _measure(image, kind, frames, rendered)
    except (OSError, UnidentifiedImageError, EOFError, Image.DecompressionBombError) as error:
        raise ValueError(f"cannot decode the {kind}: {error}") from error


def _passes(image: Image.Image, kind: str) -> tuple[int | None, int | None]:
    loop = image.info.get("loop")
    if kind == "gif":
        if loop is None:
            return 1, 1
        return (None, None) if int(loop) == 0 else (int(loop), int(loop) + 1)
    count = int(loop or 0)
    return (None, None) if count == 0 else (count, count)


def _frame_limit(image: Image.Image) -> int:
    """How many frames are decoded: MAX_FRAMES, fewer for large pictures (MAX_PIXELS), at least 30."""
    return min(MAX_FRAMES, max(30, MAX_PIXELS // max(1, image.size[0] * image.size[1])))


def _frames(image: Image.Image, limit: int) -> Iterator[tuple[int, Image.Image]]:
    """(shown ms, frame as RGB when opaque, else RGBA) for the first `limit` frames."""
    for index in range(min(int(getattr(image, "n_frames", 1)), limit)):
        image.seek(index)
        delay = int(image.info.get("duration") or 0)
        opaque = image.mode == "RGB" or (image.mode == "P" and "transparency" not in image.info)
        yield (
            (_CLAMPED_DELAY_MS if delay <= _MIN_DELAY_MS else delay),
            image.convert("RGB" if opaque else "RGBA"),
        )


def _measure(image: Image.Image, kind: str, frames: int, rendered: tuple[float, float]) -> Animation:
    plays, plays_at_most = _passes(image, kind)
    width, height = image.size
    limit = _frame_limit(image)
    side = max(8, min(GRID, math.isqrt(CELL_FRAMES // min(frames, limit))))
    size = (min(side, width), min(side, height))
    delays: list[int] = []
    grids: list[list[Image.Image]] = []
    first: Image.Image | None = None
    moving = False
    for delay, frame in _frames(image, limit):
        first = first or frame
        moving = moving or _differs(first, frame)
        delays.append(delay)
        grids.append(_backdrops(frame, size))
    loop_ms = sum(delays) if frames <= limit else round(sum(delays) / len(delays) * frames)
    order = _timeline_order(delays, plays is None or (plays or 1) > 1)
    cells = _cells(grids, order)
    timeline = Timeline(
        starts=[start for start, _ in order],
        columns=size[0],
        rows=size[1],
        cell_width=(rendered[0] or width) / size[0],
        cell_height=(rendered[1] or height) / size[1],
    )
    return {
        "format": kind,
        "width": width,
        "height": height,
        "frames": frames,
        "loopMs": loop_ms,
        "plays": plays,
        "playsAtMost": plays_at_most,
        "moving": moving,
        "general": flash_area(cells, timeline, red=False) if moving else {"certain": 0, "possible": 0},
        "red": flash_area(cells, timeline, red=True) if moving else {"certain": 0, "possible": 0},
        "truncated": frames > limit,
    }


def _differs(first: Image.Image, frame: Image.Image) -> bool:
    if first.mode != frame.mode:
        first, frame = first.convert("RGBA"), frame.convert("RGBA")
    extrema = ImageChops.difference(first, frame).getextrema()
    return any(high > _STILL_DIFFERENCE for _, high in extrema)  # type: ignore[misc]


def _backdrops(frame: Image.Image, size: tuple[int, int]) -> list[Image.Image]:
    """The frame on the analysis grid, over white and over black where it has transparency.

    Pillow averages RGBA with premultiplied alpha, so shrinking first and compositing the
    grid gives the same cells as compositing the full frame, at a fraction of the cost."""
    small = frame.resize(size, Image.Resampling.BOX, reducing_gap=2.0)
    if small.mode == "RGB" or small.getchannel("A").getextrema()[0] == 255:
        return [small.convert("RGB")]
    return [Image.alpha_composite(Image.new("RGBA", size, c), small).convert("RGB") for c in _BACKDROPS]


def _timeline_order(delays: list[int], loops: bool) -> list[tuple[int, int]]:
    """(start ms, frame index) of the frames analysed: one pass, plus a second of the next when it loops."""
    order: list[tuple[int, int]] = []
    start = 0
    for index, delay in enumerate(delays):
        order.append((start, index))
        start += delay
    end = start
    index = 0
    while loops and start < end + WINDOW_MS and index < len(delays):
        order.append((start, index))
        start += delays[index]
        index += 1
    return order


def _cells(grids: list[list[Image.Image]], order: list[tuple[int, int]]) -> list[list[CellSeries]]:
    """Each grid cell's series over each backdrop (two only where some frame has transparency);
    cells showing the same colours throughout share one series."""
    backdrops = max(len(grid) for grid in grids)
    known: dict[tuple[tuple[int, int, int], ...], CellSeries] = {}
    per_backdrop: list[list[CellSeries]] = []
    for b in range(backdrops):
        frames = [_colours(grid[min(b, len(grid) - 1)]) for grid in grids]
        # One tuple per cell of its colours through the timeline (zip transposes frames to cells).
        through = zip(*(frames[index] for _, index in order), strict=True)
        per_backdrop.append([known.get(c) or known.setdefault(c, _series(c)) for c in through])
    return [list(series) for series in zip(*per_backdrop, strict=True)]


def _colours(picture: Image.Image) -> list[tuple[int, int, int]]:
    data = picture.tobytes()
    return list(zip(data[0::3], data[1::3], data[2::3], strict=True))


def _series(colours: tuple[tuple[int, int, int], ...]) -> CellSeries:
    luminance: list[float] = []
    red: list[float] = []
    saturated: list[bool] = []
    for r, g, b in colours:
        lr, lg, lb = _LINEAR[r], _LINEAR[g], _LINEAR[b]
        luminance.append(0.2126 * lr + 0.7152 * lg + 0.0722 * lb)
        red.append(max(0.0, lr - lg - lb) * 320)
        total = lr + lg + lb
        saturated.append(total > 0 and lr / total >= 0.8)
    return CellSeries(luminance, red, saturated)


def per_image(
    images: Iterable[AnimatedImage], judge: Callable[[AnimatedImage], Verdict | None]
) -> dict[Target, Verdict]:
    """A check's verdicts on a page's animated images, one per element (the first if listed twice)."""
    found: dict[Target, Verdict] = {}
    for image in images:
        verdict = judge(image)
        if verdict is not None:
            found.setdefault(Target(image["selector"], image["snippet"]), verdict)
    return found


def image_path(url: str) -> str:
    """An image's path, without host, query or fragment: one file, one issue, on every page.

    Checks put it in a finding's cause, which is part of the issue's fingerprint, so it leaves
    out what changes between runs of one store: the host (a staging port, a CDN host that
    rotates) and cache-busting queries.
    """
    parts = urlsplit(url)
    return parts.path if parts.scheme in ("http", "https") else url[:80]
