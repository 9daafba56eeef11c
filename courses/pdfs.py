"""Printable PDFs (handouts, slide handouts, and later agendas and guides), built with fpdf2.

The PDFs use the core Helvetica font, so nothing has to be installed; text is first mapped to
the characters that font has (typographic quotes and dashes become their plain forms).
"""

from fpdf import FPDF
from fpdf.enums import XPos, YPos

PLAIN = str.maketrans({
    "‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "…": "...",
    "•": "-", "\u00a0": " ", "›": ">", "‹": "<", "−": "-",
})  # fmt: skip
BRAND = (29, 85, 98)
INK = (28, 37, 41)
SOFT = (69, 84, 90)


def plain(text):
    """Text the core fonts can print: typographic marks made plain, anything else replaced."""
    return (text or "").translate(PLAIN).encode("latin-1", "replace").decode("latin-1")


class DocumentPDF(FPDF):
    """A4 document with the consortium's running footer and simple building blocks."""

    def __init__(self, title, footer_note="", orientation="portrait", created=None):
        """`created` dates the file; the same content and date always give the same bytes."""
        super().__init__(orientation=orientation, unit="mm", format="A4")
        if created is not None:
            self.set_creation_date(created)
        self.doc_title = plain(title)
        self.footer_note = plain(footer_note)
        self.set_title(self.doc_title)
        self.set_author("STS Consortium")
        self.set_creator("STS Learn")
        self.set_auto_page_break(auto=True, margin=20)
        self.set_margins(18, 18, 18)

    def footer(self):
        self.set_y(-14)
        self.set_font("helvetica", size=8)
        self.set_text_color(*SOFT)
        note = f"{self.footer_note}  |  " if self.footer_note else ""
        self.cell(0, 5, f"{note}{self.doc_title}  |  page {self.page_no()}/{{nb}}", align="C")

    def title_block(self, title, subtitle=""):
        self.set_font("helvetica", "B", 20)
        self.set_text_color(*BRAND)
        self.multi_cell(0, 9, plain(title), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        if subtitle:
            self.set_font("helvetica", "", 11)
            self.set_text_color(*SOFT)
            self.multi_cell(0, 6, plain(subtitle), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(4)

    def heading(self, text, size=14):
        self.ln(2)
        self.set_font("helvetica", "B", size)
        self.set_text_color(*BRAND)
        self.multi_cell(0, size * 0.5, plain(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(1)

    def paragraph(self, text, size=11, style=""):
        self.set_font("helvetica", style, size)
        self.set_text_color(*INK)
        self.multi_cell(0, size * 0.5, plain(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(2)

    def bullets(self, items, size=11):
        self.set_font("helvetica", "", size)
        self.set_text_color(*INK)
        for item in items:
            self.set_x(self.l_margin + 4)
            self.multi_cell(0, size * 0.5, f"-  {plain(item)}", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            self.ln(0.5)
        self.ln(2)

    def small(self, text):
        self.set_font("helvetica", "I", 9)
        self.set_text_color(*SOFT)
        self.multi_cell(0, 4.5, plain(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(1)

    def render(self):
        """The finished PDF as bytes."""
        return bytes(self.output())
