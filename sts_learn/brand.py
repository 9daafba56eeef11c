"""The identity's values for what is not a web page: PDFs' helpers, the slide deck, the icons.

static/css/tokens.css is the one place colours and type are set; this module reads its custom
properties (``--name: value;``) once per process, so Python code never repeats a hex value.

    >>> colour("brand")
    '#1d5562'
    >>> rgb("amber")
    (255, 191, 71)
"""

import functools
import re
from pathlib import Path

TOKENS_FILE = Path(__file__).resolve().parent.parent / "static" / "css" / "tokens.css"

NAME = "STS Learn"
TAGLINE = "Secondary Traumatic Stress Consortium"
# Said of every page that has no description of its own (the consortium's mission, in its words).
DESCRIPTION = (
    "The STS Consortium is a group of researchers, trainers, practitioners and advocates with a "
    "common goal to advance the field of secondary traumatic stress towards health."
)

_PROPERTY = re.compile(r"--([a-z0-9-]+)\s*:\s*([^;]+);", re.IGNORECASE)
_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
_HEX = re.compile(r"#([0-9a-f]{3}|[0-9a-f]{6})", re.IGNORECASE)


@functools.cache
def tokens():
    """Every custom property of tokens.css, by name without the dashes: {"brand": "#1d5562"}."""
    text = _COMMENT.sub("", TOKENS_FILE.read_text(encoding="utf-8"))
    return {name: " ".join(value.split()) for name, value in _PROPERTY.findall(text)}


def colour(name):
    """A colour token as lower-case #rrggbb."""
    value = tokens()[name]
    match = _HEX.fullmatch(value)
    if not match:
        raise ValueError(f"--{name} is not a hex colour: {value!r}")
    digits = match.group(1).lower()
    if len(digits) == 3:
        digits = "".join(digit * 2 for digit in digits)
    return f"#{digits}"


def rgb(name):
    """A colour token as an (r, g, b) tuple of 0-255 integers."""
    digits = colour(name)[1:]
    return tuple(int(digits[index : index + 2], 16) for index in (0, 2, 4))


def font_families():
    """The --font stack as a list of family names, the first being the identity's typeface."""
    return [family.strip().strip("\"'") for family in tokens()["font"].split(",")]


def font():
    """The identity's typeface: "Atkinson Hyperlegible"."""
    return font_families()[0]


def relative_luminance(hex_colour):
    """WCAG 2.2 relative luminance of #rrggbb."""
    digits = hex_colour.lstrip("#")
    channels = []
    for index in (0, 2, 4):
        value = int(digits[index : index + 2], 16) / 255
        channels.append(value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4)
    red, green, blue = channels
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(first, second):
    """WCAG contrast ratio of two #rrggbb colours (1 to 21)."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)
