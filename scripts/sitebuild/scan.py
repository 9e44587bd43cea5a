"""A scanned paper form: a picture of its lines and nothing a text layer could read."""

from __future__ import annotations

import io
from collections.abc import Sequence

from PIL import Image, ImageDraw, ImageFont


def scanned_form_png(lines: Sequence[str]) -> bytes:
    """A greyish 'scan' of a handwritten-looking form: pixels only, no text layer."""
    image = Image.new("L", (1240, 1754), color=236)
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default()
    y = 90
    for line in lines:
        draw.text((90, y), line, fill=40, font=font)
        draw.line((90, y + 22, 1150, y + 22), fill=150, width=1)
        y += 56
    draw.rectangle((60, 60, 1180, y + 40), outline=90, width=3)
    for x in range(0, 1240, 7):  # scanner noise, deterministic
        draw.point((x, (x * 37) % 1754), fill=120)
    out = io.BytesIO()
    image.convert("RGB").save(out, format="PNG", optimize=True)
    return out.getvalue()
