"""PDFs open in the browser at /documents/<id>/view/<file>, checked exactly as their download."""

from urllib.parse import unquote

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import PageViewRestriction

from courses.collections import trainer_only_materials
from courses.models import DocumentKind
from courses.views import INLINE_PDF_POLICY

from .factories import CourseDocumentFactory, HandoutFactory, ModulePageFactory, docx_bytes


def inline_url(document):
    return reverse("wagtaildocs_serve_inline", args=[document.pk, document.filename])


def body(response):
    return b"".join(response.streaming_content)


@pytest.fixture
def files(db):
    trainers = Group.objects.get(name="Trainers")
    trainer_only = ModulePageFactory(title="Trainer-only module")
    restriction = PageViewRestriction.objects.create(page=trainer_only, restriction_type="groups")
    restriction.groups.add(trainers)
    draft = ModulePageFactory(title="Draft module", live=False)
    return {
        "pdf": HandoutFactory(title="Recognizing STS"),
        "docx": CourseDocumentFactory(
            title="Team check-in", file__filename="check-in.docx", file__data=docx_bytes()
        ),
        "private": HandoutFactory(title="Answer sheet", collection=trainer_only_materials()),
        "trainer module's": CourseDocumentFactory(
            title="Trainer slides",
            kind=DocumentKind.SLIDES,
            generated_for=trainer_only,
            generated_key="slides.pdf",
        ),
        "draft module's": CourseDocumentFactory(
            title="Draft slides", generated_for=draft, generated_key="slides.pdf"
        ),
        "trainers": trainers,
    }


def test_a_pdf_opens_inline_with_no_script_allowed(client, files):
    pdf = files["pdf"]
    response = client.get(inline_url(pdf))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'inline; filename="{pdf.filename}"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == INLINE_PDF_POLICY
    policy = dict(part.strip().split(" ", 1) for part in INLINE_PDF_POLICY.split(";")[:-1])
    assert policy["default-src"] == "'none'"
    assert "script-src" not in policy
    assert INLINE_PDF_POLICY.endswith("sandbox")
    pdf.file.open("rb")
    with pdf.file:
        assert body(response) == pdf.file.read()


def test_the_open_and_download_links_differ_only_in_disposition(client, files):
    pdf = files["pdf"]
    download = client.get(pdf.url)
    opened = client.get(inline_url(pdf))
    assert download["Content-Disposition"].startswith("attachment")
    assert opened["Content-Disposition"].startswith("inline")
    assert download["Cache-Control"] == opened["Cache-Control"]
    assert "public" not in opened["Cache-Control"]
    assert body(download) == body(opened)


def test_a_docx_at_the_open_address_downloads(client, files):
    docx = files["docx"]
    response = client.get(inline_url(docx))
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="{docx.filename}"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" not in response["Content-Security-Policy"]
    assert body(response) == docx_bytes()


@pytest.mark.parametrize("wrong", ["wrong.pdf", "check-in.docx"])
def test_a_wrong_file_name_or_id_is_not_found(client, files, wrong):
    pdf = files["pdf"]
    assert client.get(f"/documents/{pdf.pk}/view/{wrong}").status_code == 404
    assert client.get(f"/documents/{pdf.pk + 1000}/view/{pdf.filename}").status_code == 404


def answer(response):
    """What a refusal says: its status and where it sends the visitor (without the return path)."""
    return response.status_code, unquote(response.get("Location", "")).split("?")[0]


@pytest.mark.parametrize("name", ["private", "trainer module's", "draft module's"])
def test_a_file_anonymous_visitors_may_not_have_is_refused_as_its_download_is(client, files, name):
    document = files[name]
    download = client.get(document.url)
    opened = client.get(inline_url(document))
    assert download.status_code in (302, 403, 404)
    assert answer(opened) == answer(download)
    if opened.status_code == 403:  # a trainer-only file: the locked page (test_trainer_only.py)
        assert "This file is for trainers" in opened.content.decode()
    if opened.status_code == 302:
        assert opened["Location"].startswith("/sign-in/?next=")
        assert unquote(opened["Location"]).endswith(f"next={inline_url(document)}")
    assert b"%PDF" not in opened.content


def test_a_signed_in_visitor_who_is_not_a_trainer_is_refused_as_for_the_download(
    client, files, django_user_model
):
    user = django_user_model.objects.create_user("hr-inline", "hr@example.org", "pw")
    user.groups.add(Group.objects.get(name="HR leaders"))
    client.force_login(user)
    for name in ("private", "trainer module's", "draft module's"):
        document = files[name]
        assert answer(client.get(inline_url(document))) == answer(client.get(document.url))
        assert client.get(inline_url(document)).status_code != 200, name


def test_a_trainer_opens_trainer_files_inline_and_nobody_stores_them(
    client, files, django_user_model
):
    user = django_user_model.objects.create_user("trainer-inline", "t@example.org", "pw")
    user.groups.add(files["trainers"])
    client.force_login(user)
    for name in ("private", "trainer module's"):
        response = client.get(inline_url(files[name]))
        assert response.status_code == 200, name
        assert response["Content-Disposition"].startswith("inline"), name
        assert "no-store" in response["Cache-Control"], name
        assert response["Content-Security-Policy"] == INLINE_PDF_POLICY
    assert client.get(inline_url(files["draft module's"])).status_code == 404
