"""The PDF pipeline: the site's own fonts and CSS only, the same bytes for the same document."""

from unittest import mock

import pytest
from django.core.cache import caches

from materials import pdf
from materials.pdf import ExternalResourceRefused, StaticFilesFetcher, render_pdf
from tests.kits.helpers import pdf_text

from .pdfs import assert_accessible_pdf


def handout(*paragraphs, title="Grounding exercise"):
    """A handout as the print template reads it: a handout block's value."""
    blocks = [mock.Mock(block_type="paragraph", value=text) for text in paragraphs]
    return {"title": title, "kind": "handout", "description": "", "body": blocks}


@pytest.fixture(autouse=True)
def no_kept_renderings():
    caches["printouts"].clear()
    yield
    caches["printouts"].clear()


def test_the_fetcher_serves_the_sites_print_css_and_fonts():
    fetcher = StaticFilesFetcher()
    response = fetcher.fetch("http://localhost/static/css/print-base.css")
    assert b"@page" in response.read()
    font = fetcher.fetch(
        "http://localhost/static/fonts/atkinson-hyperlegible-latin-400-normal.woff"
    )
    assert font.read()[:4] == b"wOFF"


@pytest.mark.parametrize(
    "url",
    [
        "https://example.com/tracker.png",
        "http://169.254.169.254/latest/meta-data/",
        "file:///etc/passwd",
        "http://localhost/static/../../settings.py",
        "http://localhost/media/documents/private.pdf",
    ],
)
def test_the_fetcher_refuses_anything_else(url):
    with pytest.raises(ExternalResourceRefused):
        StaticFilesFetcher().fetch(url)


def test_an_image_from_elsewhere_in_editors_text_is_left_out_not_fetched():
    with mock.patch("urllib.request.urlopen") as urlopen:
        content = render_pdf(
            "print/handout.html", {"handout": handout('<img src="https://example.com/x.png">')}
        )
    urlopen.assert_not_called()
    assert_accessible_pdf(content, title="Grounding exercise")


def test_the_same_document_is_the_same_bytes_and_laid_out_once():
    context = {"handout": handout("Breathe in for four counts.")}
    with mock.patch.object(pdf, "_write_pdf", wraps=pdf._write_pdf) as write:
        first = render_pdf("print/handout.html", context)
        second = render_pdf("print/handout.html", context)
        assert write.call_count == 1
        caches["printouts"].clear()
        assert render_pdf("print/handout.html", context) == first == second
        assert write.call_count == 2


def test_a_changed_document_is_laid_out_again():
    first = render_pdf("print/handout.html", {"handout": handout("Breathe in for four counts.")})
    second = render_pdf("print/handout.html", {"handout": handout("Breathe in for five counts.")})
    assert "five counts" in pdf_text(second) and "five counts" not in pdf_text(first)
