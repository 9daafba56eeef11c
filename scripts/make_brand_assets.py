"""Write the favicon set and the share image into static/img/brand/, drawn from the mark.

The mark (templates/components/brand_mark.html): the consortium's teal circle, a white line that
starts jagged and settles into a calm wave, and an amber dot. Colours come from
static/css/tokens.css (through sts_learn/brand.py), the words are set in Atkinson Hyperlegible from
static/fonts/. The outputs are committed, so nothing runs when the site is installed. Run it again
after changing the mark, the colours or the words:

    .venv/bin/python scripts/make_brand_assets.py

Writes wordmark.svg (the mark beside "STS Learn", its letters as outlines of Atkinson Hyperlegible
Bold, so it needs no font), favicon.svg, favicon.ico (16, 32, 48), apple-touch-icon.png (180),
icon-192.png, icon-512.png, icon-maskable-512.png and share.png (1200 × 630, for Open Graph and
social cards).
"""

import itertools
import math
import sys
from pathlib import Path

from fontTools.pens.svgPathPen import SVGPathPen
from fontTools.pens.transformPen import TransformPen
from fontTools.ttLib import TTFont
from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sts_learn import brand  # noqa: E402 (the project's root is on the path first)

OUTPUT = ROOT / "static" / "img" / "brand"
FONTS = ROOT / "static" / "fonts"
SUPERSAMPLE = 8  # drawn this many times larger, then reduced: smooth (anti-aliased) edges

# The mark in its own 48 × 48 units (the SVG's viewBox).
JAGGED = [(8, 25), (12, 18), (16, 31), (20.5, 20)]
CALM = [((20.5, 20), (25, 17), (29.5, 24)), ((29.5, 24), (34, 31), (38.5, 24))]  # Q … T …
STROKE = 3.2
DOT, DOT_RADIUS = (40.5, 24), 2.6
PATH = "M8 25 L12 18 L16 31 L20.5 20 Q25 17 29.5 24 T38.5 24"


def _quadratic(start, control, end, steps=24):
    return [
        (
            (1 - t) ** 2 * start[0] + 2 * (1 - t) * t * control[0] + t**2 * end[0],
            (1 - t) ** 2 * start[1] + 2 * (1 - t) * t * control[1] + t**2 * end[1],
        )
        for t in (step / steps for step in range(1, steps + 1))
    ]


def line_points():
    points = list(JAGGED)
    for start, control, end in CALM:
        points.extend(_quadratic(start, control, end))
    return points


def _stroke(draw, points, width, fill):
    """A polyline with round joins and caps (as SVG's stroke-linejoin/linecap="round")."""
    radius = width / 2
    for (x1, y1), (x2, y2) in itertools.pairwise(points):
        length = math.hypot(x2 - x1, y2 - y1) or 1
        dx, dy = (y1 - y2) / length * radius, (x2 - x1) / length * radius
        draw.polygon([(x1 + dx, y1 + dy), (x2 + dx, y2 + dy), (x2 - dx, y2 - dy),
                      (x1 - dx, y1 - dy)], fill=fill)  # fmt: skip
    for x, y in points:
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=fill)


def draw_mark(draw, left, top, size, circle=None):
    """The mark in a size × size square at (left, top); circle is the disc's fill (None: none)."""
    unit = size / 48

    def at(point):
        return (left + point[0] * unit, top + point[1] * unit)

    if circle is not None:
        draw.ellipse((left, top, left + size, top + size), fill=circle)
    white = brand.rgb("surface")
    points = [at(point) for point in line_points()]
    _stroke(draw, points, STROKE * unit, white)
    x, y = at(DOT)
    radius = DOT_RADIUS * unit
    draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=brand.rgb("amber"))


def icon(size, *, full_bleed=False, content=1.0):
    """A square icon: the round mark on transparency, or (full_bleed) on a teal square.

    content scales the line and dot inside the square (a maskable icon keeps them in its safe zone).
    """
    big = size * SUPERSAMPLE
    background = (*brand.rgb("brand"), 255) if full_bleed else (0, 0, 0, 0)
    image = Image.new("RGBA", (big, big), background)
    draw = ImageDraw.Draw(image)
    mark = big * content
    offset = (big - mark) / 2
    draw_mark(draw, offset, offset, mark, circle=None if full_bleed else brand.rgb("brand"))
    return image.resize((size, size), Image.LANCZOS)


def favicon_svg():
    """The mark as an SVG favicon; in a dark tab a light ring keeps the teal disc visible."""
    ring = (
        "<style>.ring{fill:none;stroke:none}@media (prefers-color-scheme:dark)"
        f"{{.ring{{stroke:{brand.colour('brand-tint')}}}}}</style>"
        '<circle class="ring" cx="24" cy="24" r="23" stroke-width="2"/>'
    )
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48">'
        f"{mark_svg_shapes(brand.colour('surface'))}{ring}</svg>\n"
    )


def mark_svg_shapes(line_colour):
    """The mark's disc, line and dot as SVG shapes in its 48 × 48 units."""
    return (
        f'<circle cx="24" cy="24" r="24" fill="{brand.colour("brand")}"/>'
        f'<path d="{PATH}" fill="none" stroke="{line_colour}" stroke-width="{STROKE}" '
        'stroke-linecap="round" stroke-linejoin="round"/>'
        f'<circle cx="{DOT[0]}" cy="{DOT[1]}" r="{DOT_RADIUS}" fill="{brand.colour("amber")}"/>'
    )


def text_outline(text, size, x, baseline, weight=700):
    """Text as one SVG path at `size` px from x on the baseline; returns (path data, width)."""
    font = TTFont(FONTS / f"atkinson-hyperlegible-latin-{weight}-normal.woff")
    glyphs, cmap = font.getGlyphSet(), font.getBestCmap()
    scale = size / font["head"].unitsPerEm
    pen = SVGPathPen(glyphs, ntos=lambda n: f"{n:.1f}".rstrip("0").rstrip("."))
    advance = 0
    for char in text:
        name = cmap[ord(char)]
        glyphs[name].draw(TransformPen(pen, (scale, 0, 0, -scale, x + advance * scale, baseline)))
        advance += glyphs[name].width
    return pen.getCommands(), advance * scale


def wordmark_svg():
    """The mark beside "STS Learn" in Atkinson Hyperlegible Bold, 48 px high."""
    letters, width = text_outline(brand.NAME, 30, 60, 35)
    total = round(60 + width + 2)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {total} 48" width="{total}" '
        f'height="48" role="img" aria-labelledby="t"><title id="t">{brand.NAME}</title>'
        f'{mark_svg_shapes(brand.colour("surface"))}'
        f'<path fill="{brand.colour("brand-dark")}" d="{letters}"/>'
        "</svg>\n"
    )


def _font(weight, size):
    path = FONTS / f"atkinson-hyperlegible-latin-{weight}-normal.woff"
    return ImageFont.truetype(str(path), size)


def share_image(width=1200, height=630):
    """The card social sites show for a link: the mark, the name and the tagline on teal."""
    scale = 2
    image = Image.new("RGB", (width * scale, height * scale), brand.rgb("brand"))
    draw = ImageDraw.Draw(image)
    amber_band = 22 * scale
    draw.rectangle((0, (height * scale) - amber_band, width * scale, height * scale),
                   fill=brand.rgb("amber"))  # fmt: skip
    mark = 300 * scale
    left = 96 * scale
    top = (height * scale - amber_band - mark) // 2
    draw_mark(draw, left, top, mark, circle=brand.rgb("brand-dark"))
    text_left = left + mark + 72 * scale
    name_font, tagline_font = _font(700, 112 * scale), _font(400, 38 * scale)
    centre = (height * scale - amber_band) // 2
    draw.text((text_left, centre - 10 * scale), brand.NAME, font=name_font,
              fill=brand.rgb("surface"), anchor="ls")  # fmt: skip
    for number, words in enumerate(("Secondary Traumatic", "Stress Consortium")):
        draw.text((text_left, centre + (58 + 50 * number) * scale), words, font=tagline_font,
                  fill=brand.rgb("brand-tint"), anchor="ls")  # fmt: skip
    image = image.resize((width, height), Image.LANCZOS)
    return image.quantize(colors=64, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)


def main():
    OUTPUT.mkdir(parents=True, exist_ok=True)
    (OUTPUT / "wordmark.svg").write_text(wordmark_svg(), encoding="utf-8")
    (OUTPUT / "favicon.svg").write_text(favicon_svg(), encoding="utf-8")
    sizes = [(16, 16), (32, 32), (48, 48)]
    # Each size drawn on its own (not shrunk from one large picture), so 16 px stays crisp.
    icon(48).save(OUTPUT / "favicon.ico", sizes=sizes, append_images=[icon(16), icon(32)])
    # iOS puts no transparency on the home screen and rounds the corners itself.
    icon(180, full_bleed=True, content=0.9).convert("RGB").save(
        OUTPUT / "apple-touch-icon.png", optimize=True
    )
    icon(192).save(OUTPUT / "icon-192.png", optimize=True)
    icon(512).save(OUTPUT / "icon-512.png", optimize=True)
    # Maskable: launchers cut any shape from the square; the line stays in the middle 80 %.
    icon(512, full_bleed=True, content=0.8).convert("RGB").save(
        OUTPUT / "icon-maskable-512.png", optimize=True
    )
    share_image().save(OUTPUT / "share.png", optimize=True)
    for path in sorted(OUTPUT.iterdir()):
        print(f"{path.relative_to(ROOT)}  {path.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
