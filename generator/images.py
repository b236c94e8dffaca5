"""Images published with a review: copied without their metadata.

Photographs and scans carry EXIF (camera owner, author, GPS position), XMP, IPTC, PNG text
chunks and comments. `strip_copy` re-creates the image from its pixels alone, so none of that
can reach the site; `metadata_of` reads back what an image file still carries, for the audit.
SVG files are text: they are copied with <metadata>, comments and title/desc removed by
the render stage's caller only if clean; the audit reads them as text like any page.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

RASTER = {".png", ".jpg", ".jpeg", ".gif", ".webp"}
_SVG_META = re.compile(r"<metadata\b.*?</metadata>|<!--.*?-->", re.S | re.I)


def strip_copy(src: Path, dst: Path) -> None:
    dst.parent.mkdir(parents=True, exist_ok=True)
    suffix = src.suffix.lower()
    if suffix == ".svg":
        dst.write_text(_SVG_META.sub("", src.read_text(encoding="utf-8")), encoding="utf-8")
        return
    if suffix not in RASTER:
        shutil.copyfile(src, dst)
        return
    from PIL import Image

    with Image.open(src) as img:
        img.load()
        fmt = img.format
        if img.mode == "P":
            img = img.convert("RGBA")
        clean = Image.frombytes(img.mode, img.size, img.tobytes())  # pixels only: no info, no EXIF
    if fmt == "JPEG" and clean.mode not in ("RGB", "L", "CMYK"):
        clean = clean.convert("RGB")
    clean.save(dst, format=fmt)


def metadata_of(path: Path) -> dict:
    """Metadata an image file still carries (EXIF tags, text chunks, comments, XMP)."""
    if path.suffix.lower() not in RASTER:
        return {}
    from PIL import Image

    with Image.open(path) as img:
        found = {}
        exif = img.getexif()
        if len(exif):
            found["exif"] = {str(k): str(v) for k, v in exif.items()}
        for key, value in img.info.items():
            if key in ("exif", "xmp", "comment", "icc_profile") or isinstance(value, str):
                found[str(key)] = value if isinstance(value, str) else repr(value)[:200]
        return found
