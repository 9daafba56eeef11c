"""Page count and text of an uploaded PDF, for listings and site search."""

import logging

from pypdf import PdfReader
from pypdf.errors import PyPdfError

logger = logging.getLogger(__name__)

MAX_EXTRACTED_CHARS = 200_000


def read_pdf(fileobj):
    """Return (page_count, text) of a PDF file object, or (None, "") when it cannot be read."""
    position = fileobj.tell()
    try:
        fileobj.seek(0)
        reader = PdfReader(fileobj)
        parts, length = [], 0
        for page in reader.pages:
            text = page.extract_text() or ""
            parts.append(text)
            length += len(text)
            if length >= MAX_EXTRACTED_CHARS:
                break
        return len(reader.pages), "\n".join(parts)[:MAX_EXTRACTED_CHARS]
    except (PyPdfError, ValueError, KeyError, TypeError, OSError) as error:
        logger.warning("Could not read PDF %s: %s", getattr(fileobj, "name", "?"), error)
        return None, ""
    finally:
        fileobj.seek(position)
