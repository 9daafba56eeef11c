"""Slide decks (PPTX, and the same slides as a PDF) built from a module's own content."""

import io
from dataclasses import dataclass, field

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.util import Pt

from courses.pdfs import BRAND, INK, SOFT, DocumentPDF, plain


@dataclass
class Slide:
    heading: str
    bullets: list = field(default_factory=list)
    notes: str = ""


@dataclass
class Deck:
    title: str
    subtitle: str
    slides: list
    footer: str = "STS Consortium"


def pptx_bytes(deck):
    """The deck as a PowerPoint file, with speaker notes."""
    presentation = Presentation()
    title_slide = presentation.slides.add_slide(presentation.slide_layouts[0])
    title_slide.shapes.title.text = deck.title
    title_slide.placeholders[1].text = deck.subtitle
    for slide in deck.slides:
        page = presentation.slides.add_slide(presentation.slide_layouts[1])
        page.shapes.title.text = slide.heading
        page.shapes.title.text_frame.paragraphs[0].font.color.rgb = RGBColor(*BRAND)
        body = page.placeholders[1].text_frame
        body.clear()
        for index, bullet in enumerate(slide.bullets):
            paragraph = body.paragraphs[0] if index == 0 else body.add_paragraph()
            paragraph.text = bullet
            paragraph.font.size = Pt(20 if len(slide.bullets) <= 5 else 16)
        if slide.notes:
            page.notes_slide.notes_text_frame.text = slide.notes
    buffer = io.BytesIO()
    presentation.save(buffer)
    return buffer.getvalue()


def pdf_bytes(deck):
    """The same slides as a landscape PDF, one slide a page."""
    pdf = DocumentPDF(deck.title, deck.footer, orientation="landscape")
    pdf.add_page()
    pdf.ln(45)
    pdf.set_font("helvetica", "B", 30)
    pdf.set_text_color(*BRAND)
    pdf.multi_cell(0, 14, plain(deck.title), align="C")
    pdf.ln(4)
    pdf.set_font("helvetica", "", 16)
    pdf.set_text_color(*SOFT)
    pdf.multi_cell(0, 8, plain(deck.subtitle), align="C")
    for slide in deck.slides:
        pdf.add_page()
        pdf.set_font("helvetica", "B", 24)
        pdf.set_text_color(*BRAND)
        pdf.multi_cell(0, 12, plain(slide.heading))
        pdf.ln(6)
        size = 16 if len(slide.bullets) <= 5 else 13
        pdf.set_text_color(*INK)
        for bullet in slide.bullets:
            pdf.set_font("helvetica", "", size)
            pdf.set_x(pdf.l_margin + 6)
            pdf.multi_cell(0, size * 0.5, f"-  {plain(bullet)}")
            pdf.ln(2)
    return pdf.render()
