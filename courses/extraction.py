"""The text inside an uploaded PDF, Word document or PowerPoint deck, for site search.

Uploads are read as untrusted input: a file over MAX_FILE_BYTES is not opened, an Office archive
that declares an absurd uncompressed size (a zip bomb) is refused before it is parsed, reading
stops after TIME_BUDGET_SECONDS (checked between pages, slides, shapes and paragraphs), and at most
MAX_EXTRACTED_CHARS are kept. Whatever goes wrong is logged as a warning and gives no text: it is
never raised, so a file that cannot be read is still a document like any other.
"""

import logging
import time
import zipfile
from dataclasses import dataclass

import docx
from docx.oxml.ns import qn
from pptx import Presentation
from pptx.shapes.group import GroupShape
from pypdf import PdfReader

logger = logging.getLogger(__name__)

MAX_EXTRACTED_CHARS = 200_000
MAX_FILE_BYTES = 50 * 1024 * 1024
TIME_BUDGET_SECONDS = 10.0
# Office files are ZIP archives; python-docx and python-pptx load every member into memory.
MAX_ARCHIVE_MEMBERS = 10_000
MAX_UNCOMPRESSED_BYTES = 100 * 1024 * 1024
# XML compresses about tenfold; a large member that claims a hundredfold is not a real document.
MAX_COMPRESSION_RATIO = 100
RATIO_CHECKED_FROM_BYTES = 1024 * 1024


class Unreadable(Exception):
    """Why a file's text is not read (too large, a zip bomb, out of time)."""


@dataclass(frozen=True)
class ExtractedText:
    """The text found in a file (empty when none) and its number of pages or slides, if known."""

    text: str = ""
    page_count: int | None = None


class TextCollector:
    """The parts of a file's text, kept up to the cap, with the time budget checked on each part."""

    def __init__(self, budget_seconds):
        self.deadline = time.monotonic() + budget_seconds
        self.parts = []
        self.length = 0

    def check_time(self):
        if time.monotonic() >= self.deadline:
            raise Unreadable(f"reading took longer than {TIME_BUDGET_SECONDS:g} s")

    def add(self, text):
        self.check_time()
        text = storable(text or "").strip()
        if text and not self.full:
            self.parts.append(text)
            self.length += len(text) + 1

    @property
    def full(self):
        return self.length >= MAX_EXTRACTED_CHARS

    @property
    def text(self):
        return "\n".join(self.parts)[:MAX_EXTRACTED_CHARS]


def storable(text):
    """The text without what a database refuses: NUL characters and unpaired surrogates."""
    return text.replace("\x00", "").encode("utf-8", "ignore").decode("utf-8")


def check_archive(fileobj):
    """Refuse an Office archive whose members declare an absurd size, before it is parsed."""
    fileobj.seek(0)
    with zipfile.ZipFile(fileobj) as archive:
        members = archive.infolist()
    fileobj.seek(0)
    if len(members) > MAX_ARCHIVE_MEMBERS:
        raise Unreadable(f"the archive has {len(members)} members")
    total = sum(member.file_size for member in members)
    if total > MAX_UNCOMPRESSED_BYTES:
        raise Unreadable(f"the archive declares {total} bytes uncompressed")
    for member in members:
        if (
            member.file_size >= RATIO_CHECKED_FROM_BYTES
            and member.file_size > MAX_COMPRESSION_RATIO * max(member.compress_size, 1)
        ):
            raise Unreadable(f"{member.filename!r} claims {member.file_size} bytes uncompressed")


def read_pdf(fileobj, collector):
    reader = PdfReader(fileobj)  # an encrypted PDF opens only with an empty user password
    for page in reader.pages:
        collector.add(page.extract_text())
        if collector.full:
            break
    return len(reader.pages)


def read_docx(fileobj, collector):
    check_archive(fileobj)
    body = docx.Document(fileobj).element.body
    # Every paragraph in reading order, those in tables and text boxes included.
    for paragraph in body.iter(qn("w:p")):
        collector.add(paragraph.text)
        if collector.full:
            break
    return None


def add_shape_text(shape, collector):
    collector.check_time()
    if isinstance(shape, GroupShape):
        for member in shape.shapes:
            add_shape_text(member, collector)
    if shape.has_text_frame:
        collector.add(shape.text_frame.text)
    if getattr(shape, "has_table", False):
        for row in shape.table.rows:
            for cell in row.cells:
                collector.add(cell.text)


def read_pptx(fileobj, collector):
    check_archive(fileobj)
    slides = Presentation(fileobj).slides
    for slide in slides:
        for shape in slide.shapes:
            add_shape_text(shape, collector)
        if slide.has_notes_slide and slide.notes_slide.notes_text_frame is not None:
            collector.add(slide.notes_slide.notes_text_frame.text)
        if collector.full:
            break
    return len(slides)


READERS = {"pdf": read_pdf, "docx": read_docx, "pptx": read_pptx}
READABLE_EXTENSIONS = frozenset(READERS)


def extract_text(file, extension):
    """The text and page count of a stored file (a FieldFile); an empty result, never an error."""
    reader = READERS.get(extension)
    if reader is None:
        return ExtractedText()
    collector = TextCollector(TIME_BUDGET_SECONDS)
    try:
        if file.size > MAX_FILE_BYTES:
            raise Unreadable(f"the file is larger than {MAX_FILE_BYTES} bytes")
        file.open("rb")
        try:
            page_count = reader(file, collector)
        finally:
            file.close()
    except Exception as error:  # whatever a hostile file makes a library raise means "no text"
        reason = f"{type(error).__name__}: {error}"[:300]
        logger.warning("No text read from %s: %s", file.name, reason)
        return ExtractedText()
    return ExtractedText(collector.text, page_count)
