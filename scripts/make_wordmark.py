"""Write static/img/brand/wordmark.svg: the mark beside "STS Learn" in Atkinson Hyperlegible Bold.

The letters are outlines taken from the font the site and the PDFs use, so the wordmark looks the
same wherever it is shown, with no font to load. Run it again after changing the mark or the words:
    .venv/bin/python scripts/make_wordmark.py
"""

from pathlib import Path

from fontTools.pens.svgPathPen import SVGPathPen
from fontTools.pens.transformPen import TransformPen
from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parent.parent
FONT = ROOT / "static/fonts/atkinson-hyperlegible-latin-700-normal.woff"
OUTPUT = ROOT / "static/img/brand/wordmark.svg"
WORDS = "STS Learn"
INK = "#123a43"  # --brand-dark in static/css/tokens.css
MARK = (
    '<circle cx="24" cy="24" r="24" fill="#1d5562"/>'
    '<path d="M8 25 L12 18 L16 31 L20.5 20 Q25 17 29.5 24 T38.5 24" fill="none" stroke="#fff" '
    'stroke-width="3.2" stroke-linecap="round" stroke-linejoin="round"/>'
    '<circle cx="40.5" cy="24" r="2.6" fill="#ffbf47"/>'
)


def outline(text, size, x, baseline):
    """The text as one SVG path at `size` px, starting at x on the baseline; returns (d, width)."""
    font = TTFont(FONT)
    glyphs = font.getGlyphSet()
    cmap = font.getBestCmap()
    scale = size / font["head"].unitsPerEm
    pen = SVGPathPen(glyphs, ntos=lambda n: f"{n:.1f}".rstrip("0").rstrip("."))
    advance = 0
    for char in text:
        name = cmap[ord(char)]
        glyphs[name].draw(TransformPen(pen, (scale, 0, 0, -scale, x + advance * scale, baseline)))
        advance += glyphs[name].width
    return pen.getCommands(), advance * scale


def main():
    d, width = outline(WORDS, 30, 60, 35)
    total = round(60 + width + 2)
    OUTPUT.write_text(
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {total} 48" width="{total}" '
        f'height="48" role="img" aria-labelledby="t"><title id="t">STS Learn</title>{MARK}'
        f'<path fill="{INK}" d="{d}"/></svg>\n'
    )
    print(f"wrote {OUTPUT.relative_to(ROOT)} ({OUTPUT.stat().st_size} bytes, {total}x48)")


if __name__ == "__main__":
    main()
