"""Sharing a resource as a visitor does, and looking at what was kept."""

from pathlib import Path

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from contributions.uploads import PRIVATE_FOLDER
from tests.courses.factories import pdf_bytes

SHARE_URL = "/share-a-resource/"
THANKS_URL = "/share-a-resource/thanks/"


def form_data(**overrides):
    """A complete, valid submission with a link; `overrides` change or (None) drop fields."""
    data = {
        "title": "Compassion fatigue self-test",
        "link": "https://example.org/self-test",
        "description": "A ten-question self-check for front-line staff.",
        "submitter_name": "Ada Researcher",
        "submitter_email": "ada@example.org",
        "relation": "author",
        "rights_confirmed": "on",
    }
    data.update(overrides)
    return {name: value for name, value in data.items() if value is not None}


def a_pdf(name="self-test.pdf"):
    return SimpleUploadedFile(name, pdf_bytes(1), content_type="application/pdf")


def share(client, **overrides):
    return client.post(SHARE_URL, form_data(**overrides))


def private_files():
    folder = Path(settings.MEDIA_ROOT) / PRIVATE_FOLDER
    return sorted(folder.iterdir()) if folder.exists() else []


def download_url(resource):
    return reverse("contributions_download", args=[resource.pk])
