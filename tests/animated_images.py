"""Small animated images made with Pillow, for the animated-image and flashing-image tests.

The fixture pages' images (tests/checks/fixtures/animated-*.gif|png|webp) and the demo store's
delivery banner (a11y_audit/demo/static/img/free-delivery-*.gif), a few KB each, are written by
`python -m tests.animated_images`; unit tests build the same images in
memory. No third-party image is committed.
"""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

from PIL import Image

Colour = tuple[int, int, int]
BLACK: Colour = (0, 0, 0)
WHITE: Colour = (255, 255, 255)
RED: Colour = (255, 0, 0)
GREY: Colour = (200, 200, 200)
FIXTURES = Path(__file__).parent / "checks" / "fixtures"


def save(
    pictures: list[Image.Image], *, duration: int = 100, loop: int | None = 0, fmt: str = "GIF"
) -> bytes:
    """The pictures as an animation, `duration` ms a frame; loop None writes no loop count."""
    options: dict[str, object] = {"save_all": True, "append_images": pictures[1:], "duration": duration}
    if loop is not None:
        options["loop"] = loop
    out = BytesIO()
    pictures[0].save(out, fmt, **options)
    return out.getvalue()


def animation(colours: list[Colour], *, size: tuple[int, int] = (40, 30), **options: object) -> bytes:
    """Frames filled with `colours` (options as for `save`)."""
    return save([Image.new("RGB", size, colour) for colour in colours], **options)  # type: ignore[arg-type]


def moving_block(frames: int, *, size: tuple[int, int] = (60, 40), **options: object) -> bytes:
    """A dark block sliding across a grey picture: motion, but no flashing (options as for `save`)."""
    pictures = []
    for index in range(frames):
        picture = Image.new("RGB", size, GREY)
        left = index * 3 % (size[0] - 10)
        picture.paste((90, 90, 90), (left, 10, left + 10, 30))
        pictures.append(picture)
    return save(pictures, **options)  # type: ignore[arg-type]


FIXTURE_IMAGES: dict[str, bytes] = {
    "animated-forever.gif": moving_block(20),
    "animated-short.gif": moving_block(20, loop=None),
    "animated-loop-once-more.gif": moving_block(30, loop=1),
    "animated-plays-three.png": moving_block(30, loop=3, fmt="PNG"),
    "animated-forever.webp": moving_block(20, fmt="WEBP"),
    "animated-still.gif": animation([GREY, (204, 204, 204)] * 3),
    "animated-flash.gif": animation([BLACK, WHITE] * 10),
    "animated-red-flash.gif": animation([BLACK, RED] * 10),
    "animated-slow-flash.gif": animation([BLACK, WHITE] * 4, duration=300),
}
"""File name -> bytes of the fixture pages' images."""
DEMO = Path(__file__).parents[1] / "a11y_audit" / "demo" / "static" / "img"
DEMO_IMAGES: dict[str, bytes] = {
    "free-delivery-loop.gif": moving_block(24, size=(96, 32), loop=0),
    "free-delivery-once.gif": moving_block(24, size=(96, 32), loop=None),
}
"""The demo store's delivery banner (defect D61): looping forever when broken, one 2.4 s pass fixed."""


if __name__ == "__main__":
    for folder, images in ((FIXTURES, FIXTURE_IMAGES), (DEMO, DEMO_IMAGES)):
        for name, data in images.items():
            (folder / name).write_bytes(data)
            print(f"{name}: {len(data)} bytes")
