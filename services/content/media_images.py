"""What the server makes of an uploaded image before anything of it is shown (Pillow): the real type sniffed from
the bytes (JPEG, PNG or WebP, whatever was declared), the pixel count checked from the header before anything is
decoded (decompression bombs), the whole image decoded (a truncated or corrupt file is refused), turned upright by its
EXIF orientation, then re-encoded without any metadata (no EXIF, no GPS) in the sizes a screen and the admin app
need. Pure and CPU-bound: the media service runs it in a thread."""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from io import BytesIO

from PIL import Image, ImageOps, UnidentifiedImageError

FORMATS = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}
"""The image types accepted, by Pillow's format name."""

SIZES = {"screen": 1920, "thumb": 320}
"""Each variant made, by name: the longest side it may have (a smaller image is not enlarged)."""


class ImageRefused(Exception):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True)
class Variant:
    name: str
    data: bytes
    width: int
    height: int
    content_type: str

    @property
    def extension(self) -> str:
        return ".png" if self.content_type == "image/png" else ".jpg"


@dataclass(frozen=True)
class Verified:
    """The upright image's size, and its re-encoded variants."""

    width: int
    height: int
    variants: list[Variant]


def _open(data: bytes, max_pixels: int) -> Image.Image:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(BytesIO(data), formats=list(FORMATS))
            if image.width * image.height > max_pixels:
                raise ImageRefused("TOO_LARGE", f"the image has more than {max_pixels} pixels")
            image.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as bomb:
        raise ImageRefused("TOO_LARGE", f"the image has more than {max_pixels} pixels") from bomb
    except UnidentifiedImageError as unknown:
        raise ImageRefused("NOT_AN_IMAGE", "the file is not a JPEG, PNG or WebP image") from unknown
    except (OSError, SyntaxError, ValueError) as broken:
        raise ImageRefused("NOT_AN_IMAGE", "the image is damaged or incomplete") from broken
    return image


def _encode(image: Image.Image, name: str, bound: int, alpha: bool) -> Variant:
    copy = image.copy()
    copy.thumbnail((bound, bound), Image.Resampling.LANCZOS)
    out = BytesIO()
    if alpha:
        copy.convert("RGBA").save(out, "PNG", optimize=True)
        content_type = "image/png"
    else:
        copy.convert("RGB").save(out, "JPEG", quality=85, optimize=True, progressive=True)
        content_type = "image/jpeg"
    return Variant(name, out.getvalue(), copy.width, copy.height, content_type)


def verify_image(data: bytes, max_pixels: int) -> Verified:
    """The verified, re-encoded image; raises `ImageRefused` (NOT_AN_IMAGE, TOO_LARGE) for anything else."""
    image = _open(data, max_pixels)
    upright = ImageOps.exif_transpose(image) or image
    alpha = upright.mode in ("RGBA", "LA", "PA") or (upright.mode == "P" and "transparency" in upright.info)
    variants = [_encode(upright, name, bound, alpha) for name, bound in SIZES.items()]
    return Verified(upright.width, upright.height, variants)
