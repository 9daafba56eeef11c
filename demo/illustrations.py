"""The demo's own illustrations: small SVGs drawn here, in the palette of static/css/tokens.css.

One per domain (a motif of its work) and one per demo course (a pattern in its first domain's
colour). Nothing is fetched: each picture is a few shapes written out below, with its title and
the alt text pages give it.

    python -m demo.illustrations /tmp/illustrations   # writes every SVG, to look at them
"""

import json
import sys
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

COURSES_FILE = Path(__file__).resolve().parent / "data" / "courses.json"
PAPER = "#fbfaf7"
AMBER = "#ffbf47"
INK = "#1f2a2e"
DOMAIN_COLOURS = {
    "science": "#1d5562",
    "advocacy": "#6b3a5e",
    "education": "#2b5797",
    "practice": "#3d6b35",
}
COLOUR_NAMES = {"science": "teal", "advocacy": "plum", "education": "blue", "practice": "green"}


@dataclass(frozen=True)
class Illustration:
    slug: str
    title: str  # the image's title in the library and the SVG's <title>
    alt: str  # what pages say it shows
    svg: str

    @property
    def file_name(self):
        return f"demo-{self.slug}.svg"


def svg(title, body, width, height, box):
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{box}" width="{width}" '
        f'height="{height}" role="img"><title>{escape(title)}</title>{body}</svg>\n'
    )


def square(title, colour, motif):
    """A domain's picture: its motif on a soft disc of its colour (an icon on the home page)."""
    body = (
        f'<rect width="240" height="240" fill="{PAPER}"/>'
        f'<circle cx="120" cy="120" r="108" fill="{colour}" fill-opacity=".1"/>{motif}'
    )
    return svg(title, body, 960, 960, "0 0 240 240")


def banner(title, pattern):
    """A course's picture: a 2:1 pattern (the top of its card, beside its summary)."""
    body = f'<rect width="320" height="160" fill="{PAPER}"/>{pattern}'
    return svg(title, body, 1280, 640, "0 0 320 160")


def science(title):
    c = DOMAIN_COLOURS["science"]
    motif = (
        f'<g fill="none" stroke-linecap="round" stroke-linejoin="round" stroke-width="9">'
        f'<path d="M30 150l12-34 12 52 12-70 12 78 12-46" stroke="{c}" stroke-opacity=".45"/>'
        f'<path d="M90 130c20-14 30-4 48-18s26-24 44-32 20-10 28-12" stroke="{c}"/></g>'
        f'<circle cx="210" cy="68" r="13" fill="{AMBER}" stroke="{c}" stroke-width="4"/>'
    )
    return square(title, c, motif)


def advocacy(title):
    c = DOMAIN_COLOURS["advocacy"]
    motif = (
        f'<path d="M48 104h26l62-34v100l-62-34H48z" fill="{c}" stroke="{c}" '
        f'stroke-width="6" stroke-linejoin="round"/>'
        f'<path d="M66 140l10 34h18l-8-34z" fill="{c}"/>'
        f'<g fill="none" stroke-linecap="round" stroke-width="9">'
        f'<path d="M156 96c10 14 10 34 0 48" stroke="{c}"/>'
        f'<path d="M174 80c18 24 18 56 0 80" stroke="{c}" stroke-opacity=".7"/>'
        f'<path d="M192 64c26 34 26 78 0 112" stroke="{AMBER}"/></g>'
    )
    return square(title, c, motif)


def education(title):
    c = DOMAIN_COLOURS["education"]
    motif = (
        f'<path d="M120 176c-24-14-52-18-84-14V86c32-4 60 0 84 14 24-14 52-18 84-14v76'
        f'c-32-4-60 0-84 14z" fill="{PAPER}" stroke="{c}" stroke-width="8" '
        f'stroke-linejoin="round"/>'
        f'<path d="M120 100v76" stroke="{c}" stroke-width="6"/>'
        f'<path d="M92 100h22V80h22V60h22V40h10v70H92z" fill="{AMBER}" stroke="{c}" '
        f'stroke-width="4" stroke-linejoin="round"/>'
    )
    return square(title, c, motif)


def practice(title):
    c = DOMAIN_COLOURS["practice"]
    people = []
    for x, y in ((120, 46), (184, 92), (160, 168), (80, 168), (56, 92)):
        people.append(
            f'<circle cx="{x}" cy="{y}" r="13"/><path d="M{x - 20} {y + 38}a20 20 0 0 1 40 0z"/>'
        )
    motif = f'<circle cx="120" cy="124" r="30" fill="{AMBER}"/><g fill="{c}">{"".join(people)}</g>'
    return square(title, c, motif)


def waves(slug, title, domain):
    """Rows of soft waves in the domain's colour, one calm amber line running through them."""
    c = DOMAIN_COLOURS[domain]
    rows = "".join(
        f'<path d="M-10 {y}q20-{amp} 40 0t40 0t40 0t40 0t40 0t40 0t40 0t40 0t40 0" '
        f'stroke-opacity="{opacity}"/>'
        for y, amp, opacity in (
            (24, 14, ".35"),
            (52, 11, ".55"),
            (108, 11, ".55"),
            (136, 14, ".35"),
        )
    )
    pattern = (
        f'<g fill="none" stroke="{c}" stroke-width="6" stroke-linecap="round">{rows}</g>'
        f'<path d="M-10 80q40-10 80 0t80 0t80 0t80 0t80 0" fill="none" stroke="{AMBER}" '
        f'stroke-width="8" stroke-linecap="round"/>'
    )
    alt = (
        f"Rows of {COLOUR_NAMES[domain]} waves across a pale background, with one calmer amber "
        "line running through the middle."
    )
    return Illustration(slug, title, alt, banner(title, pattern))


def network(slug, title, domain):
    """A grid of nodes joined by lines, every line leading to one amber node at the centre."""
    c = DOMAIN_COLOURS[domain]
    nodes = [(x, y) for x in (40, 100, 160, 220, 280) for y in (32, 80, 128)]
    links = "".join(f"M{x} {y}L160 80" for x, y in nodes if (x, y) != (160, 80))
    grid = "M40 32H280M40 80H280M40 128H280"
    dots = "".join(f'<circle cx="{x}" cy="{y}" r="9"/>' for x, y in nodes if (x, y) != (160, 80))
    pattern = (
        f'<path d="{grid}" stroke="{c}" stroke-opacity=".25" stroke-width="4"/>'
        f'<path d="{links}" stroke="{c}" stroke-opacity=".5" stroke-width="3"/>'
        f'<g fill="{c}">{dots}</g>'
        f'<circle cx="160" cy="80" r="18" fill="{AMBER}" stroke="{c}" stroke-width="4"/>'
    )
    alt = (
        f"A network of {COLOUR_NAMES[domain]} dots in rows, every one joined by a line to a "
        "larger amber dot at the centre."
    )
    return Illustration(slug, title, alt, banner(title, pattern))


def rings(slug, title, domain):
    """Overlapping rings in a row, holding one another, with an amber ring in the middle."""
    c = DOMAIN_COLOURS[domain]
    circles = "".join(
        f'<circle cx="{x}" cy="80" r="44" stroke="{c}" stroke-opacity="{opacity}"/>'
        for x, opacity in ((40, ".4"), (100, ".7"), (220, ".7"), (280, ".4"))
    )
    circles += f'<circle cx="160" cy="80" r="44" stroke="{AMBER}"/>'
    pattern = f'<g fill="none" stroke-width="9">{circles}</g>'
    alt = (
        f"A row of overlapping {COLOUR_NAMES[domain]} rings linked like a chain, with an amber "
        "ring at the centre."
    )
    return Illustration(slug, title, alt, banner(title, pattern))


def stripes(slug, title, domain):
    """A course without a drawing of its own: diagonal bands in its domain's colour."""
    c = DOMAIN_COLOURS.get(domain, DOMAIN_COLOURS["education"])
    bands = "".join(
        f'<path d="M{x} 160l80-160h24l-80 160z" fill-opacity="{o}"/>'
        for x, o in ((-40, ".2"), (20, ".35"), (80, ".5"), (200, ".35"), (260, ".2"))
    )
    pattern = f'<g fill="{c}">{bands}</g><path d="M140 160l80-160h24l-80 160z" fill="{AMBER}"/>'
    alt = (
        f"Diagonal {COLOUR_NAMES.get(domain, 'blue')} bands across a pale background, the middle "
        "one amber."
    )
    return Illustration(slug, title, alt, banner(title, pattern))


DOMAINS = {
    "science": (
        "Science: a calm line rising out of a jagged one",
        "A jagged line that calms into a smooth wave rising to the right, in teal, ending in an "
        "amber dot.",
        science,
    ),
    "advocacy": (
        "Advocacy: a megaphone and the voices it carries",
        "A plum megaphone with three arcs of sound spreading out from it, the widest one amber.",
        advocacy,
    ),
    "education": (
        "Education: steps rising from an open book",
        "An open blue book with amber steps rising out of its pages.",
        education,
    ),
    "practice": (
        "Practice: people standing in a circle around a shared centre",
        "Five green figures standing in a circle around a warm amber centre.",
        practice,
    ),
}
COURSE_PATTERNS = {
    "understanding-sts": waves,
    "sts-informed-organization": network,
    "team-resilience-and-self-assessment": rings,
}


def domain_illustration(slug):
    """The picture of a domain of the demo, or None for another slug."""
    if slug not in DOMAINS:
        return None
    title, alt, draw = DOMAINS[slug]
    return Illustration(slug, title, alt, draw(title))


def course_illustration(slug, title, domains):
    """The picture of a course: its own pattern (or stripes) in its first domain's colour."""
    domain = next((d for d in domains if d in DOMAIN_COLOURS), "education")
    pattern = COURSE_PATTERNS.get(slug, stripes)
    return pattern(f"course-{slug}", f"Pattern for the course “{title}”", domain)


def all_illustrations():
    """Every domain's and every demo course's picture (for a look at them, and for tests)."""
    pictures = [domain_illustration(slug) for slug in DOMAINS]
    with open(COURSES_FILE, encoding="utf-8") as data:
        courses = json.load(data)["courses"]
    for course in courses:
        pictures.append(course_illustration(course["slug"], course["title"], course["domains"]))
    return pictures


if __name__ == "__main__":
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "illustrations")
    folder.mkdir(parents=True, exist_ok=True)
    for picture in all_illustrations():
        (folder / picture.file_name).write_text(picture.svg, encoding="utf-8")
        print(folder / picture.file_name, len(picture.svg.encode()), "bytes")
