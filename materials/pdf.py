"""Every PDF the site makes comes from an HTML template with print CSS, through WeasyPrint.

The same template is the print view in the browser. The PDFs are tagged (PDF/UA-1: a structure
tree, marked content, the document's language and title) and embed the project's open-licence font
(Atkinson Hyperlegible, static/fonts/), so screen readers and public-sector accessibility checks
get a usable document.
"""

import functools
import hashlib
import mimetypes
import os
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.cache import caches
from django.template.loader import render_to_string
from weasyprint import HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

# Font subsets carry a creation time; a fixed one makes the same document the same bytes, which
# a resumed kit download needs (kits/archive.py).
os.environ.setdefault("SOURCE_DATE_EPOCH", "946684800")

# The static files a printed document is made of; the cache of rendered PDFs is keyed by them too.
# tokens.css (the colours) comes first: print-base.css and print-slides.css use its values.
PRINT_STYLESHEETS = ("css/tokens.css", "css/print-base.css")
PRINT_ASSETS = (*PRINT_STYLESHEETS, "css/print-slides.css", "fonts")
RENDERED_PDF_SECONDS = 60 * 60
RENDERED_PDF_MAX_BYTES = 2 * 1024 * 1024  # larger renderings are not kept

PAPER_SIZES = {"letter": "US Letter", "a4": "A4"}
DEFAULT_PAPER = "letter"


class ExternalResourceRefused(ValueError):
    """A document asked for something that is not one of the site's static files."""


class StaticFilesFetcher(URLFetcher):
    """Let documents load the site's own static files (CSS, fonts, images), nothing else.

    Editors' text may contain links and images; rendering never reaches out to the network.
    """

    def fetch(self, url, headers=None):
        parts = urlsplit(url)
        path = unquote(parts.path)
        if parts.scheme == "data":
            return super().fetch(url, headers)
        if parts.scheme in ("http", "https", "file") and path.startswith(settings.STATIC_URL):
            found = static_file(path[len(settings.STATIC_URL) :])
            if found:
                content_type = mimetypes.guess_type(found)[0] or "application/octet-stream"
                with open(found, "rb") as source:
                    body = source.read()
                return URLFetcherResponse(url, body, {"Content-Type": content_type})
        raise ExternalResourceRefused(f"Not loaded while rendering a PDF: {url[:100]}")


def static_file(name):
    """The file behind a static name: a source file, or a collected (hashed) one in STATIC_ROOT."""
    if ".." in name.split("/"):
        return None
    found = finders.find(name)
    if not found and settings.STATIC_ROOT:
        collected = os.path.join(settings.STATIC_ROOT, name)
        found = collected if os.path.isfile(collected) else None
    return found


def print_css():
    """The print stylesheets as one text, for an HTML file that must carry its own styles."""
    texts = []
    for name in PRINT_STYLESHEETS:
        with open(static_file(name), encoding="utf-8") as css:
            texts.append(css.read())
    return "\n".join(texts)


def _print_asset_files():
    for name in PRINT_ASSETS:
        found = finders.find(name) or ""
        if os.path.isdir(found):
            yield from (os.path.join(found, child) for child in sorted(os.listdir(found)))
        elif found:
            yield found


@functools.cache
def print_assets_digest():
    """A digest of the print CSS and fonts, as this process found them (a deploy restarts it)."""
    digest = hashlib.sha256()
    for path in _print_asset_files():
        with open(path, "rb") as source:
            digest.update(hashlib.sha256(source.read()).digest())
    return digest.hexdigest()


def render_pdf(template_name, context):
    """The template rendered as a tagged PDF (its <title> and <html lang> become the PDF's).

    The same HTML always makes the same bytes, so a rendering is kept an hour in the process's
    "printouts" cache: a resumed kit download, or the same kit fetched again, does not lay out
    its PDFs again.
    """
    html = render_to_string(template_name, {**context, "for_pdf": True})
    key = "pdf:" + hashlib.sha256(f"{print_assets_digest()}\n{html}".encode()).hexdigest()
    printouts = caches["printouts"]
    content = printouts.get(key)
    if content is None:
        content = _write_pdf(html)
        if len(content) <= RENDERED_PDF_MAX_BYTES:
            printouts.set(key, content, RENDERED_PDF_SECONDS)
    return content


def _write_pdf(html):
    document = HTML(
        string=html,
        base_url=f"http://localhost{settings.STATIC_URL}",
        url_fetcher=StaticFilesFetcher(),
    )
    return document.write_pdf(pdf_variant="pdf/ua-1", font_config=FontConfiguration())


def paper_class(paper):
    return f"paper-{paper if paper in PAPER_SIZES else DEFAULT_PAPER}"
