"""Optional OCR for scanned PDFs: pytesseract plus the tesseract binary, when both exist."""

from __future__ import annotations

import importlib.util
import shutil
from typing import Any


def ocr_available() -> bool:
    return (
        importlib.util.find_spec("pytesseract") is not None
        and shutil.which("tesseract") is not None
    )


def ocr_image(image: Any) -> str:
    import pytesseract  # optional extra: imported only when OCR is actually used

    text: str = pytesseract.image_to_string(image, lang="eng")
    return "\n".join(" ".join(line.split()) for line in text.splitlines() if line.strip())
