"""The "Add a document" screen (the multiple uploader): several files at once, then their metadata.

The requests are the ones Wagtail's add-multiple.js sends: one POST per file (`files[]` and a title
made from the file name), then the per-file edit form posted as the browser would submit it.
"""

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from django.urls import reverse
from wagtail.models import UploadedFile

from courses.models import CourseDocument, DocumentKind, Licence

from .factories import PPTX_BYTES, AudienceFactory, docx_bytes, pdf_bytes
from .helpers import REFUSED_UPLOAD_IDS, REFUSED_UPLOADS, squash

STORED_FOLDERS = ("documents", "wagtail_uploads")
EDITOR_FACING_FIELDS = ("kind", "description", "audiences", "language", "licence", "attribution",
                        "last_reviewed", "page_count")  # fmt: skip


def stored_files():
    """Every file kept in the media folders that uploads write to."""
    media = Path(settings.MEDIA_ROOT)
    return sorted(path for folder in STORED_FOLDERS if (media / folder).exists()
                  for path in (media / folder).iterdir())  # fmt: skip


@pytest.fixture
def clean_media():
    before = set(stored_files())
    yield
    for path in set(stored_files()) - before:
        path.unlink()


def send_file(client, name, content, title=None):
    """Upload one file as the uploader does (it sends each file on its own) and return the JSON.

    What waits for the request's commit runs too (reading the file's text and page count).
    """
    data = {
        "files[]": SimpleUploadedFile(name, content),
        "title": Path(name).stem if title is None else title,
    }
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(
            reverse("wagtaildocs:add_multiple"),
            data,
            headers={"x-requested-with": "XMLHttpRequest"},
        )
    assert response.status_code == 200, response.content[:500]
    return response.json()


def form_values(form_html):
    """What the browser would submit for the rendered edit form, as {name: value or [values]}."""
    form = BeautifulSoup(form_html, "html.parser").form
    values = {}
    for field in form.select("input[name]"):
        if field.get("type") in ("checkbox", "radio") and not field.has_attr("checked"):
            continue
        if field.get("type") != "file":
            values[field["name"]] = field.get("value", "")
    for field in form.select("textarea[name]"):
        values[field["name"]] = field.get_text()
    for field in form.select("select[name]"):
        chosen = [option.get("value", option.get_text()) for option in field.select("option")
                  if option.has_attr("selected")]  # fmt: skip
        if field.has_attr("multiple"):
            values[field["name"]] = chosen
        else:
            values[field["name"]] = chosen[0] if chosen else field.option.get("value", "")
    values.pop("csrfmiddlewaretoken", None)
    return values


def submit_edit_form(client, form_html, **changes):
    """Submit a per-file edit form with some fields changed (by name without the prefix), then
    run what waits for the request's commit."""
    form = BeautifulSoup(form_html, "html.parser").form
    values = form_values(form_html)
    prefix = next(name for name in values if name.endswith("-title")).removesuffix("title")
    values.update({prefix + name: value for name, value in changes.items()})
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(form["action"], values)
    assert response.status_code == 200, response.content[:500]
    return response.json()


def labels_and_help(form_html):
    """The edit form's field labels (without the required mark) and the help shown for each."""
    page = BeautifulSoup(form_html, "html.parser")
    shown = {}
    for field in page.select("[data-field-wrapper]"):
        label = field.select_one("label, legend")
        help_text = field.select_one(".help, [id$='-helptext']")
        if label:
            name = squash(label.get_text()).rstrip("*")
            shown[name] = squash(help_text.get_text()) if help_text else ""
    return shown


# --- Several files at once ---------------------------------------------------------------------


@pytest.mark.django_db
def test_several_files_become_documents_with_the_model_defaults(editor_client, clean_media):
    answers = [
        send_file(editor_client, "self-care.pdf", pdf_bytes(3)),
        send_file(editor_client, "team-day.pptx", PPTX_BYTES),
        send_file(editor_client, "worksheet.docx", docx_bytes()),
    ]
    assert [answer["success"] for answer in answers] == [True, True, True]
    assert all("doc_id" in answer for answer in answers), "each file became a document at once"
    documents = CourseDocument.objects.order_by("pk")
    assert [document.title for document in documents] == ["self-care", "team-day", "worksheet"]
    assert [document.pk for document in documents] == [answer["doc_id"] for answer in answers]
    for document in documents:
        assert (document.kind, document.language, document.licence) == (
            DocumentKind.HANDOUT,
            "en",
            Licence.ALL_RIGHTS_RESERVED,
        )
        assert document.file_size and document.file_hash
    assert documents[0].page_count == 3
    assert documents[2].file.read() == docx_bytes()
    assert not UploadedFile.objects.exists()


@pytest.mark.django_db
def test_each_uploaded_file_gets_an_edit_form_with_the_metadata_fields(editor_client, clean_media):
    answer = send_file(editor_client, "self-care.pdf", pdf_bytes(1))
    shown = labels_and_help(answer["form"])
    document = CourseDocument.objects.get()
    for name in EDITOR_FACING_FIELDS:
        field = CourseDocument._meta.get_field(name)
        label = str(field.verbose_name).capitalize()
        assert label in shown, f"{label} missing from the edit form: {sorted(shown)}"
        assert shown[label] == str(field.help_text), label
    assert form_values(answer["form"])[f"doc-{document.pk}-kind"] == DocumentKind.HANDOUT


@pytest.mark.django_db
def test_editor_fills_in_the_metadata_and_clicks_update(editor_client, clean_media):
    audience = AudienceFactory(name="HR leaders", slug="hr-leaders")
    slides, handout = (send_file(editor_client, "team-day.pptx", PPTX_BYTES),
                       send_file(editor_client, "self-care.pdf", pdf_bytes(2)))  # fmt: skip

    saved = submit_edit_form(
        editor_client,
        slides["form"],
        title="Team day slides",
        kind=DocumentKind.SLIDES,
        description="The deck for the afternoon session.",
        audiences=[str(audience.pk)],
        licence=Licence.CC_BY_NC_SA,
        attribution="STS Consortium",
        last_reviewed="2026-10-01",
        page_count="24",
    )

    assert saved == {"success": True, "doc_id": slides["doc_id"]}
    document = CourseDocument.objects.get(pk=slides["doc_id"])
    assert document.title == "Team day slides"
    assert document.kind == DocumentKind.SLIDES
    assert document.description == "The deck for the afternoon session."
    assert list(document.audiences.all()) == [audience]
    assert document.licence == Licence.CC_BY_NC_SA
    assert document.attribution == "STS Consortium"
    assert str(document.last_reviewed) == "2026-10-01"
    assert document.page_count == 24
    assert document.file.read() == PPTX_BYTES
    untouched = CourseDocument.objects.get(pk=handout["doc_id"])
    assert (untouched.kind, untouched.page_count) == (DocumentKind.HANDOUT, 2)


@pytest.mark.django_db
def test_update_with_a_mistake_shows_the_form_again_and_changes_nothing(editor_client, clean_media):
    answer = send_file(editor_client, "self-care.pdf", pdf_bytes(1))

    refused = submit_edit_form(editor_client, answer["form"], title="", kind="poster")

    assert refused["success"] is False
    errors = squash(BeautifulSoup(refused["form"], "html.parser").get_text(" "))
    assert "This field is required." in errors
    assert "Select a valid choice. poster is not one of the available choices." in errors
    document = CourseDocument.objects.get()
    assert (document.title, document.kind) == ("self-care", DocumentKind.HANDOUT)


# --- Refused files -----------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "content", "message"), REFUSED_UPLOADS, ids=REFUSED_UPLOAD_IDS)
def test_refused_file_explains_why_and_stores_nothing(
    editor_client, clean_media, name, content, message
):
    files_before = stored_files()
    answer = send_file(editor_client, name, content)
    assert answer["success"] is False
    assert message in answer["error_message"]
    assert not CourseDocument.objects.exists()
    assert not UploadedFile.objects.exists()
    assert stored_files() == files_before


@pytest.mark.django_db
def test_refusal_never_repeats_markup_from_the_file_name(editor_client, clean_media):
    """The uploader inserts the message as HTML: a crafted name must not become page markup."""
    answer = send_file(editor_client, "notes.<img src=x onerror=alert(1)>", b"Hello")
    assert answer["success"] is False
    assert answer["error_message"].startswith(
        "Files with this extension cannot be uploaded. Allowed extensions are: pdf, pptx,"
    )
    assert "<" not in answer["error_message"]
    assert not CourseDocument.objects.exists()


@pytest.mark.django_db
def test_file_over_the_size_limit_is_refused_with_both_sizes(editor_client, clean_media, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1024
    files_before = stored_files()
    answer = send_file(editor_client, "big.pdf", b"%PDF-1.4\n" + b"0" * 4096)
    assert answer == {
        "success": False,
        "error_message": "This file is too big (4.0\xa0KB). Maximum filesize 1.0\xa0KB.",
    }
    assert not CourseDocument.objects.exists()
    assert stored_files() == files_before


@pytest.mark.django_db
def test_one_refused_file_does_not_stop_the_others(editor_client, clean_media):
    answers = [
        send_file(editor_client, "self-care.pdf", pdf_bytes(1)),
        send_file(editor_client, "notes.pdf", b"Plain text notes, renamed."),
        send_file(editor_client, "worksheet.docx", docx_bytes()),
    ]
    assert [answer["success"] for answer in answers] == [True, False, True]
    assert sorted(CourseDocument.objects.values_list("title", flat=True)) == [
        "self-care",
        "worksheet",
    ]


# --- Wagtail's detour: a file kept aside until its form is completed ---------------------------

LONG_TITLE = "A very long file name " * 12  # over the 255 characters a title may have


@pytest.mark.django_db
def test_file_with_a_too_long_title_waits_for_its_form_then_becomes_a_document(
    editor_client, clean_media
):
    files_before = set(stored_files())
    answer = send_file(editor_client, "self-care.pdf", pdf_bytes(3), title=LONG_TITLE)
    assert answer["success"] is True
    assert not CourseDocument.objects.exists(), "kept aside until the editor completes the form"
    assert UploadedFile.objects.count() == 1

    saved = submit_edit_form(
        editor_client,
        answer["form"],
        title="Self-care is not enough",
        kind=DocumentKind.FACILITATOR_GUIDE,
        description="Notes for the facilitator.",
    )

    assert saved["success"] is True
    document = CourseDocument.objects.get(pk=saved["doc_id"])
    assert document.title == "Self-care is not enough"
    assert document.kind == DocumentKind.FACILITATOR_GUIDE
    assert document.description == "Notes for the facilitator."
    assert document.file.name.endswith(".pdf")
    assert document.file.read() == pdf_bytes(3)
    assert document.page_count == 3, "read from the PDF, as for any other upload"
    assert document.file_size == len(pdf_bytes(3))
    assert not UploadedFile.objects.exists()
    new_files = set(stored_files()) - files_before
    assert new_files == {Path(document.file.path)}, "the file kept aside was removed"


@pytest.mark.django_db
def test_file_kept_aside_shows_its_form_again_when_the_title_is_still_too_long(
    editor_client, clean_media
):
    answer = send_file(editor_client, "self-care.pdf", pdf_bytes(1), title=LONG_TITLE)

    refused = submit_edit_form(editor_client, answer["form"], title=LONG_TITLE)

    assert refused["success"] is False
    text = squash(BeautifulSoup(refused["form"], "html.parser").get_text(" "))
    assert "Ensure this value has at most 255 characters" in text
    assert not CourseDocument.objects.exists()
    assert UploadedFile.objects.count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("setup.exe", b"MZ\x90\x00", "File extension “exe” is not allowed."),
        ("notes.pdf", b"Plain text notes, renamed.", "This file is named .pdf but is not a PDF."),
    ],
    ids=["executable", "text-named-pdf"],
)
def test_refused_file_with_a_too_long_title_is_refused_too(
    editor_client, clean_media, name, content, message
):
    files_before = stored_files()
    answer = send_file(editor_client, name, content, title=LONG_TITLE)
    assert answer["success"] is False
    assert message in answer["error_message"]
    assert not UploadedFile.objects.exists()
    assert stored_files() == files_before


@pytest.mark.django_db
def test_oversized_file_with_a_too_long_title_is_refused_too(editor_client, clean_media, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1024
    answer = send_file(editor_client, "big.pdf", b"%PDF-1.4\n" + b"0" * 4096, title=LONG_TITLE)
    assert answer["success"] is False
    assert answer["error_message"].startswith("This file is too big")
    assert not UploadedFile.objects.exists()
