"""A slide deck as data, laid out for projection: the same deck becomes the PPTX and the PDF.

Slides carry what participants should see. Whatever the facilitator says or times goes into the
slide's speaker notes. A slide holds at most MAX_BULLETS bullets and about MAX_WORDS words, and
never more lines than fit at the body size; longer content continues on the next slide.
"""

import math
import re
from dataclasses import dataclass, field

MAX_BULLETS = 6
MAX_WORDS = 40
# At 24 pt on a 16:9 slide's body box (about 11.6 × 4.6 inches): characters a line holds and
# lines the box holds, with room to spare for wider glyphs.
CHARS_PER_LINE = 58
MAX_LINES = 9
MAX_REFERENCES = 3  # a slide, at the references' 20 pt

# A sentence ends at . ! or ? before a capital, but not after an initial ("B. E. Bride").
SENTENCE_END = re.compile(r"(?<!\b[A-Z]\.)(?<=[.!?])\s+(?=[A-Z“‘(\"'])")


class Kind:
    TITLE = "title"
    SECTION = "section"
    CONTENT = "content"
    ACTIVITY = "activity"
    REFERENCES = "references"
    CLOSING = "closing"


@dataclass
class Slide:
    kind: str
    heading: str
    bullets: list = field(default_factory=list)
    notes: str = ""
    subtitle: str = ""
    numbered: bool = False  # bullets are steps, shown 1, 2, 3
    number: int = 0  # its place in the deck, from 1


@dataclass
class Deck:
    title: str
    subtitle: str
    slides: list = field(default_factory=list)
    wordmark: str = "STS Learn · Secondary Traumatic Stress Consortium"

    def add(self, *slides):
        self.slides.extend(slides)
        for number, slide in enumerate(self.slides, start=1):
            slide.number = number
        return slides[-1] if slides else None


def words(text):
    return len(text.split())


def lines(text):
    return max(1, math.ceil(len(text) / CHARS_PER_LINE))


def _pieces(bullet, max_words, max_lines):
    """A bullet too long for a slide of its own, cut at sentence ends."""
    if words(bullet) <= max_words and lines(bullet) <= max_lines:
        return [bullet]
    return [sentence.strip() for sentence in SENTENCE_END.split(bullet) if sentence.strip()]


def paginate(
    bullets, max_bullets=MAX_BULLETS, max_words=MAX_WORDS, max_lines=MAX_LINES, split=True
):
    """Bullets in slide-sized groups: none over the bullet, word or line limit. A bullet too
    long for a slide is cut at sentence ends (unless `split` is False: a reference is never
    cut); a single sentence longer than a slide stands alone."""
    pages, page = [], []
    if split:
        bullets = [piece for bullet in bullets for piece in _pieces(bullet, max_words, max_lines)]
    for piece in bullets:
        candidate = [*page, piece]
        over = (
            len(candidate) > max_bullets
            or sum(words(b) for b in candidate) > max_words
            or sum(lines(b) for b in candidate) > max_lines
        )
        if over and page:
            pages.append(page)
            page = [piece]
        else:
            page = candidate
    if page:
        pages.append(page)
    return pages


def content_slides(heading, bullets, notes="", kind=Kind.CONTENT, numbered=False, **limits):
    """One or more slides for a heading and its bullets; later ones say "(continued)"."""
    pages = paginate(bullets, **limits) or [[]]
    return [
        Slide(
            kind=kind,
            heading=heading if index == 0 else f"{heading} (continued)",
            bullets=page,
            notes=notes if index == 0 else f"(Continued.) {notes}".strip(),
            numbered=numbered,
        )
        for index, page in enumerate(pages)
    ]


def reference_slides(references, notes=""):
    """References in APA style, MAX_REFERENCES a slide, at a size people can read."""
    return content_slides(
        "References",
        references,
        notes,
        kind=Kind.REFERENCES,
        max_bullets=MAX_REFERENCES,
        max_words=200,
        max_lines=12,
        split=False,
    )
