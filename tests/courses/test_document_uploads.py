"""Uploading slides and handouts through the admin: what is accepted and what is refused."""

import io
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from django.urls import reverse
from PIL import Image
from pypdf import PdfWriter
from wagtail.images import get_image_model
from wagtail.models import Collection

from courses.collections import course_materials
from courses.models import CourseDocument, DocumentKind

from .factories import AudienceFactory
from .helpers import REFUSED_UPLOAD_IDS, REFUSED_UPLOADS


def pdf_bytes(pages=3):
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def upload(client, name, content, **fields):
    """Post the add form, then run what waits for the commit (reading the file's page count)."""
    data = {
        "title": fields.pop("title", "Self-care is not enough"),
        "file": SimpleUploadedFile(name, content),
        "collection": course_materials().pk,
        "kind": DocumentKind.HANDOUT,
        "language": "en",
        "licence": "cc-by-4.0",
        **fields,
    }
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(reverse("wagtaildocs:add"), data)


def stored_files():
    folder = Path(settings.MEDIA_ROOT) / "documents"
    return sorted(folder.iterdir()) if folder.exists() else []


@pytest.fixture
def clean_media():
    before = set(stored_files())
    yield
    for path in set(stored_files()) - before:
        path.unlink()


@pytest.mark.django_db
def test_editor_uploads_a_handout_with_its_metadata(editor_client, clean_media):
    audience = AudienceFactory(name="HR leaders", slug="hr-leaders")
    response = upload(
        editor_client,
        "self-care.pdf",
        pdf_bytes(3),
        description="A one-page summary for staff.",
        audiences=[audience.pk],
        attribution="STS Consortium",
        last_reviewed="2026-10-01",
    )
    assert response.status_code == 302
    document = CourseDocument.objects.get()
    assert document.kind == DocumentKind.HANDOUT
    assert document.collection == course_materials()
    assert list(document.audiences.all()) == [audience]
    assert document.page_count == 3
    assert document.description == "A one-page summary for staff."
    assert str(document.last_reviewed) == "2026-10-01"


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "content", "message"), REFUSED_UPLOADS, ids=REFUSED_UPLOAD_IDS)
def test_rejected_file_gets_a_form_error_and_nothing_is_stored(
    editor_client, clean_media, name, content, message
):
    files_before = stored_files()
    response = upload(editor_client, name, content)
    assert response.status_code == 200
    errors = response.context["form"].errors["file"]
    assert any(message in error for error in errors), errors
    assert not CourseDocument.objects.exists()
    assert stored_files() == files_before


@pytest.mark.django_db
def test_file_over_the_size_limit_is_refused(editor_client, clean_media, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1024
    files_before = stored_files()
    response = upload(editor_client, "big.pdf", b"%PDF-1.4\n" + b"0" * 4096)
    assert response.status_code == 200
    assert "This file is too big" in response.context["form"].errors["file"][0]
    assert not CourseDocument.objects.exists()
    assert stored_files() == files_before


def png_bytes(width, height):
    buffer = io.BytesIO()
    Image.new("L", (width, height)).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.mark.django_db
def test_image_over_the_pixel_limit_is_refused(editor_client, settings):
    settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = 1_000_000
    data = {
        "title": "Huge",
        "file": SimpleUploadedFile("huge.png", png_bytes(2000, 1000), content_type="image/png"),
        "collection": Collection.get_first_root_node().pk,
    }
    response = editor_client.post(reverse("wagtailimages:add"), data)
    assert response.status_code == 200
    assert "too many pixels" in " ".join(response.context["form"].errors["file"])
    assert not get_image_model().objects.exists()


@pytest.mark.django_db
def test_document_form_explains_every_metadata_field(editor_client):
    form = editor_client.get(reverse("wagtaildocs:add")).context["form"]
    for name in ("kind", "description", "audiences", "language", "licence", "attribution",
                 "last_reviewed", "page_count"):  # fmt: skip
        assert form.fields[name].help_text, name
