"""Reading pages as a visitor does: their text, and the parts a test looks at."""

import json

from bs4 import BeautifulSoup
from django.urls import reverse


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def squash(text):
    """Text with every run of whitespace (including no-break spaces) made one space."""
    return " ".join(text.split())


def text_of(response_or_tag):
    tag = response_or_tag
    if not hasattr(tag, "get_text"):
        tag = soup(response_or_tag).select_one("main")
    return squash(tag.get_text(" "))


def facts(tag):
    """A <dl class="facts"> as {term: definition text}."""
    return {
        squash(div.dt.get_text()): squash(div.dd.get_text()) for div in tag.select("dl.facts > div")
    }


def get_ok(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, f"{url} answered {response.status_code}"
    return response


def chooser_titles(client, url_name, **params):
    """The titles a document chooser (or its search results) lists."""
    response = client.get(reverse(url_name), params)
    assert response.status_code == 200
    content = response.content.decode()
    if response["Content-Type"].startswith("application/json"):
        content = json.loads(content)["html"]
    page = BeautifulSoup(content, "html.parser")
    return {" ".join(a.get_text().split()) for a in page.select("td.title a, .title a")}


# Files an upload must refuse, with (part of) the message the editor reads: (name, bytes, message).
REFUSED_UPLOADS = [
    ("setup.exe", b"MZ\x90\x00", "File extension “exe” is not allowed."),
    ("handout.html", b"<script>alert(1)</script>", "File extension “html” is not allowed."),
    ("notes.pdf", b"Plain text notes, renamed.", "This file is named .pdf but is not a PDF."),
    ("slides.pptx", b"%PDF-1.4 renamed", "This file is named .pptx but is not a valid .pptx"),
    ("old-deck.ppt", b"PK\x03\x04 a zip", "This file is named .ppt but is not a valid .ppt"),
]
REFUSED_UPLOAD_IDS = ["executable", "html", "text-named-pdf", "pdf-named-pptx", "zip-named-ppt"]
