"""An editor adds several documents at once in the admin and describes one of them."""

import pytest

from courses.models import CourseDocument, DocumentKind
from tests.courses.factories import docx_bytes, pdf_bytes

pytestmark = pytest.mark.browser

PASSWORD = "a-long-test-password"


@pytest.fixture
def editor_page(page, editor):
    """The browser page, signed in to the admin through its login form as a member of Editors."""
    editor.set_password(PASSWORD)
    editor.save()
    page.goto("/admin/login/")
    page.locator("input[name=username]").fill(editor.username)
    page.locator("input[name=password]").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/admin/")
    return page


def upload_item(page, filename):
    """The row of the upload list that shows `filename`."""
    return page.locator("#upload-list > li").filter(has_text=filename)


def test_editor_uploads_several_documents_and_describes_one(editor_page):
    page = editor_page
    existing = set(CourseDocument.objects.values_list("pk", flat=True))  # the demo's files
    page.goto("/admin/documents/multiple/add/")
    page.set_input_files(
        "#fileupload",
        files=[
            {"name": "self-care.pdf", "mimeType": "application/pdf", "buffer": pdf_bytes(2)},
            {
                "name": "team-worksheet.docx",
                "mimeType": "application/vnd.openxmlformats-officedocument"
                ".wordprocessingml.document",
                "buffer": docx_bytes(),
            },
            {"name": "notes.pdf", "mimeType": "application/pdf", "buffer": b"Plain text notes."},
        ],
    )
    page.locator("#upload-list > li.upload-complete").nth(2).wait_for()
    page.set_viewport_size({"width": 1280, "height": 2600})  # the whole list in the screenshots

    refused = upload_item(page, "notes.pdf")
    assert "upload-failure" in refused.get_attribute("class")
    assert refused.get_by_text("This file is named .pdf but is not a PDF.").is_visible()
    for filename in ("self-care.pdf", "team-worksheet.docx"):
        item = upload_item(page, filename)
        assert "upload-success" in item.get_attribute("class"), filename
        assert item.get_by_text("Upload successful.").is_visible(), filename
        assert item.get_by_label("Kind").input_value() == DocumentKind.HANDOUT, filename
    worksheet = upload_item(page, "team-worksheet.docx")
    worksheet.get_by_label("Kind").select_option(label="Worksheet")
    worksheet.get_by_label("Description").fill("Questions for the small-group exercise.")
    page.screenshot(path="/tmp/upload-before-update.png")

    worksheet.get_by_role("button", name="Update").click()

    page.get_by_text("Document updated.").first.wait_for()
    worksheet.wait_for(state="detached")
    page.screenshot(path="/tmp/upload-after-update.png")
    assert upload_item(page, "self-care.pdf").get_by_label("Kind").is_visible()
    assert refused.get_by_text("This file is named .pdf but is not a PDF.").is_visible()

    added = CourseDocument.objects.exclude(pk__in=existing)
    documents = {document.title: document for document in added}
    assert sorted(documents) == ["self-care", "team-worksheet"]
    assert documents["team-worksheet"].kind == DocumentKind.WORKSHEET
    assert documents["team-worksheet"].description == "Questions for the small-group exercise."
    assert documents["team-worksheet"].file.read() == docx_bytes()
    assert documents["self-care"].kind == DocumentKind.HANDOUT
    assert documents["self-care"].page_count == 2


def test_a_file_name_with_markup_is_refused_as_plain_text(editor_page):
    """Wagtail's uploader inserts the refusal as HTML; nothing from the file name may run."""
    page = editor_page
    before = CourseDocument.objects.count()
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto("/admin/documents/multiple/add/")
    name = "notes.<img src=x onerror=alert(1)>"
    page.set_input_files("#fileupload", files=[{"name": name, "mimeType": "text/plain",
                                                "buffer": b"Hello"}])  # fmt: skip

    page.locator("#upload-list > li.upload-complete").wait_for()

    refused = page.locator("#upload-list > li.upload-failure")
    assert refused.get_by_text("Files with this extension cannot be uploaded.").is_visible()
    assert refused.locator("img").count() == 0
    assert dialogs == []
    assert CourseDocument.objects.count() == before
