"""A deck as a 16:9 PowerPoint file in the consortium's colours, with speaker notes.

python-pptx cannot author slide masters, so each of the deck's layouts (title, section, content,
activity, references, closing) is drawn from the same few measurements on a blank slide.
"""

import io

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.util import Emu, Inches, Pt

from materials.decks import Kind
from sts_learn import brand

WIDTH, HEIGHT = Emu(12192000), Inches(7.5)  # 13⅓ × 7½ inches: 16:9, PowerPoint's own size
MARGIN = Inches(0.6)


def _token(name):
    return RGBColor(*brand.rgb(name))


# The consortium's colours, from static/css/tokens.css (the one place they are set).
BRAND = _token("brand")
BRAND_DARK = _token("brand-dark")
INK = _token("ink")
INK_SOFT = _token("ink-soft")
PAPER = _token("paper")
ACCENT = _token("amber")
WHITE = _token("surface")  # white: text on the teal title and closing slides
# Not the tokens' typeface on purpose: Arial is on every machine that opens the deck, so the text
# fits as laid out (the PDF of the deck, made from the print view, uses Atkinson Hyperlegible).
FONT = "Arial"

HEADING_SIZE = Pt(34)
BODY_SIZE = Pt(24)
REFERENCE_SIZE = Pt(20)
FOOTER_SIZE = Pt(14)


def _fill(slide, color, left=0, top=0, width=WIDTH, height=HEIGHT):
    shape = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, left, top, width, height)
    shape.fill.solid()
    shape.fill.fore_color.rgb = color
    shape.line.fill.background()
    shape.shadow.inherit = False
    return shape


def _text(slide, text, left, top, width, height, size, color=INK, bold=False,
          anchor=MSO_ANCHOR.TOP, align=PP_ALIGN.LEFT):  # fmt: skip
    box = slide.shapes.add_textbox(left, top, width, height)
    frame = box.text_frame
    frame.word_wrap = True
    frame.vertical_anchor = anchor
    frame.margin_left = frame.margin_right = Inches(0.05)
    paragraph = frame.paragraphs[0]
    paragraph.alignment = align
    run = paragraph.add_run()
    run.text = text
    _style(run, size, color, bold)
    return box


def _style(run, size, color, bold=False):
    run.font.name = FONT
    run.font.size = size
    run.font.bold = bold
    run.font.color.rgb = color


def _bullets(slide, items, left, top, width, height, size, color=INK, numbered=False):
    box = slide.shapes.add_textbox(left, top, width, height)
    frame = box.text_frame
    frame.word_wrap = True
    for index, item in enumerate(items):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        paragraph.space_after = Pt(size.pt * 0.45)
        properties = paragraph._p.get_or_add_pPr()
        indent = int(size * 1.1)
        properties.set("marL", str(indent))
        properties.set("indent", str(-indent))
        if numbered:
            marker = properties.makeelement(qn("a:buAutoNum"), {"type": "arabicPeriod"})
        else:
            marker = properties.makeelement(qn("a:buChar"), {"char": "•"})
        properties.append(marker)
        run = paragraph.add_run()
        run.text = item
        _style(run, size, color)
    return box


def _footer(slide, deck, slide_number, total, on_dark=False):
    color = WHITE if on_dark else INK_SOFT
    top = HEIGHT - Inches(0.62)
    _text(slide, deck.wordmark, MARGIN, top, Inches(9), Inches(0.4), FOOTER_SIZE, color)
    _text(slide, f"{slide_number} / {total}", WIDTH - MARGIN - Inches(1.6), top, Inches(1.6),
          Inches(0.4), FOOTER_SIZE, color, align=PP_ALIGN.RIGHT)  # fmt: skip


def _heading(slide, text, color=BRAND_DARK):
    _text(slide, text, MARGIN, Inches(0.4), WIDTH - 2 * MARGIN, Inches(1.15), HEADING_SIZE,
          color, bold=True, anchor=MSO_ANCHOR.BOTTOM)  # fmt: skip
    _fill(slide, ACCENT, MARGIN, Inches(1.62), Inches(1.6), Inches(0.09))


BODY_TOP = Inches(1.95)
BODY_HEIGHT = HEIGHT - BODY_TOP - Inches(0.85)
BODY_LEFT = MARGIN + Inches(0.15)
BODY_WIDTH = WIDTH - 2 * MARGIN - Inches(0.3)


def _draw(slide, item, deck, total):
    if item.kind in (Kind.TITLE, Kind.CLOSING):
        _fill(slide, BRAND)
        _fill(slide, ACCENT, 0, HEIGHT - Inches(0.18), WIDTH, Inches(0.18))
        _text(slide, item.heading, MARGIN, Inches(1.3), WIDTH - 2 * MARGIN, Inches(2.4),
              Pt(44), WHITE, bold=True, anchor=MSO_ANCHOR.BOTTOM)  # fmt: skip
        if item.subtitle:
            _text(slide, item.subtitle, MARGIN, Inches(3.9), WIDTH - 2 * MARGIN, Inches(0.9),
                  BODY_SIZE, WHITE)  # fmt: skip
        if item.bullets:
            _bullets(slide, item.bullets, MARGIN, Inches(4.0), WIDTH - 2 * MARGIN, Inches(2.4),
                     BODY_SIZE, WHITE)  # fmt: skip
        _footer(slide, deck, item.number, total, on_dark=True)
        return
    _fill(slide, PAPER)
    if item.kind == Kind.SECTION:
        _fill(slide, BRAND_DARK, 0, 0, Inches(0.35), HEIGHT)
        _text(slide, item.heading, MARGIN + Inches(0.3), Inches(2.3), WIDTH - 2 * MARGIN,
              Inches(2), Pt(40), BRAND_DARK, bold=True, anchor=MSO_ANCHOR.MIDDLE)  # fmt: skip
        if item.bullets:
            _bullets(slide, item.bullets, MARGIN + Inches(0.3), Inches(4.4),
                     WIDTH - 2 * MARGIN - Inches(0.3), Inches(2), BODY_SIZE, INK)  # fmt: skip
        _footer(slide, deck, item.number, total)
        return
    if item.kind == Kind.ACTIVITY:
        _fill(slide, ACCENT, 0, 0, Inches(0.35), HEIGHT)
        _text(slide, "ACTIVITY", MARGIN, Inches(0.25), Inches(4), Inches(0.4), FOOTER_SIZE,
              BRAND, bold=True)  # fmt: skip
    _heading(slide, item.heading)
    size = REFERENCE_SIZE if item.kind == Kind.REFERENCES else BODY_SIZE
    _bullets(slide, item.bullets, BODY_LEFT, BODY_TOP, BODY_WIDTH, BODY_HEIGHT, size,
             numbered=item.numbered)  # fmt: skip
    _footer(slide, deck, item.number, total)


def pptx_bytes(deck):
    """The deck as a 16:9 PowerPoint file; every slide's notes hold what the facilitator needs."""
    presentation = Presentation()
    presentation.slide_width, presentation.slide_height = WIDTH, HEIGHT
    blank = presentation.slide_layouts[6]
    total = len(deck.slides)
    for item in deck.slides:
        slide = presentation.slides.add_slide(blank)
        _draw(slide, item, deck, total)
        if item.notes:
            slide.notes_slide.notes_text_frame.text = item.notes
    presentation.core_properties.title = deck.title
    presentation.core_properties.author = "STS Consortium"
    presentation.core_properties.language = "en-US"
    buffer = io.BytesIO()
    presentation.save(buffer)
    return buffer.getvalue()
