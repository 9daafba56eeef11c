"""The text inside uploaded files: read in the background for site search, never at the upload's
expense (a damaged, protected, oversized or hostile file is stored all the same, without text)."""

import io
import logging
import zipfile
from pathlib import Path

import docx
import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from pptx import Presentation
from pptx.util import Inches
from pypdf import PdfReader, PdfWriter
from weasyprint import HTML

import courses.tasks
from courses import extraction
from courses.collections import course_materials
from courses.models import CourseDocument, DocumentKind, TextStatus
from materials.generation import generate_module_materials

from .factories import CourseDocumentFactory, ModulePageFactory
from .helpers import soup, squash

PHRASE = "compassion fatigue grows quietly"


def pdf_with(*paragraphs):
    """A real PDF with one page per paragraph, laid out by WeasyPrint."""
    pages = "".join(f'<p style="break-after: page">{text}</p>' for text in paragraphs)
    return HTML(string=f"<html><body>{pages}</body></html>").write_pdf()


def docx_with(paragraph, cell="", extra_members=()):
    """A Word document with a paragraph and a one-cell table; extra (name, bytes) members added."""
    document = docx.Document()
    document.add_paragraph(paragraph)
    if cell:
        document.add_table(rows=1, cols=1).cell(0, 0).text = cell
    buffer = io.BytesIO()
    document.save(buffer)
    if extra_members:
        with zipfile.ZipFile(buffer, "a", zipfile.ZIP_DEFLATED) as archive:
            for name, content in extra_members:
                archive.writestr(name, content)
    return buffer.getvalue()


def pptx_with(title, grouped="", cell="", notes="", slides=1):
    """A deck whose first slide has a title, a grouped text box, a table and speaker notes."""
    presentation = Presentation()
    for number in range(slides):
        slide = presentation.slides.add_slide(presentation.slide_layouts[5])
        slide.shapes.title.text = title if number == 0 else f"Slide {number + 1}"
        if number:
            continue
        if grouped:
            group = slide.shapes.add_group_shape()
            box = group.shapes.add_textbox(Inches(1), Inches(2), Inches(4), Inches(1))
            box.text_frame.text = grouped
        if cell:
            table = slide.shapes.add_table(1, 1, Inches(1), Inches(4), Inches(4), Inches(1))
            table.table.cell(0, 0).text = cell
        if notes:
            slide.notes_slide.notes_text_frame.text = notes
    buffer = io.BytesIO()
    presentation.save(buffer)
    return buffer.getvalue()


def encrypted(pdf):
    """The PDF locked with a password that visitors would have to type."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def zip_bomb_docx():
    """A real Word document with the phrase, plus 10 MB of zeros that compress to a few KB."""
    return docx_with(PHRASE, extra_members=[("word/media/padding.bin", bytes(10 * 1024 * 1024))])


def zip_that_is_not_a_docx():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("notes.txt", PHRASE)
    return buffer.getvalue()


def stored_files():
    folder = Path(settings.MEDIA_ROOT) / "documents"
    return set(folder.iterdir()) if folder.exists() else set()


@pytest.fixture
def clean_media():
    before = stored_files()
    yield
    for path in stored_files() - before:
        path.unlink()


@pytest.fixture
def run_after_commit(django_capture_on_commit_callbacks):
    """Run what waits for the commit (the background tasks, with the immediate backend)."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def upload(client, name, content, **fields):
    data = {
        "title": fields.pop("title", "Self-care is not enough"),
        "file": SimpleUploadedFile(name, content),
        "collection": course_materials().pk,
        "kind": DocumentKind.HANDOUT,
        "language": "en",
        "licence": "cc-by-4.0",
        **fields,
    }
    return client.post(reverse("wagtaildocs:add"), data)


def upload_and_read(client, run_after_commit, name, content, **fields):
    """Upload through the admin; the upload answers before the file is read, then it is read."""
    with run_after_commit():
        response = upload(client, name, content, **fields)
        assert response.status_code == 302, response.context["form"].errors
        waiting = CourseDocument.objects.get()
        assert (waiting.text_status, waiting.extracted_text) == (TextStatus.PENDING, "")
    return CourseDocument.objects.get()


# --- What is read -------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_pdf_gives_its_text_and_page_count(admin_client, clean_media, run_after_commit):
    content = pdf_with("Introduction to the module.", f"Remember: {PHRASE}.")
    document = upload_and_read(admin_client, run_after_commit, "signs.pdf", content)
    assert document.text_status == TextStatus.EXTRACTED
    assert PHRASE in squash(document.extracted_text)
    assert document.page_count == 2
    assert document.text_extracted_at is not None


@pytest.mark.django_db
def test_a_word_document_gives_its_paragraphs_and_tables(
    admin_client, clean_media, run_after_commit
):
    content = docx_with(f"Remember: {PHRASE}.", cell="Plan a buddy check-in each week")
    document = upload_and_read(admin_client, run_after_commit, "worksheet.docx", content)
    assert document.text_status == TextStatus.EXTRACTED
    assert PHRASE in document.extracted_text
    assert "Plan a buddy check-in each week" in document.extracted_text
    assert document.page_count is None, "Word files have no fixed pages"


@pytest.mark.django_db
def test_a_deck_gives_every_shape_table_and_speaker_notes(
    admin_client, clean_media, run_after_commit
):
    content = pptx_with(
        "Recognizing STS",
        grouped="Three kinds of reaction",
        cell="Plan a buddy check-in each week",
        notes=f"Say that {PHRASE}.",
        slides=3,
    )
    document = upload_and_read(admin_client, run_after_commit, "deck.pptx", content)
    assert document.text_status == TextStatus.EXTRACTED
    for text in ("Recognizing STS", "Three kinds of reaction", "Plan a buddy check-in each week",
                 PHRASE, "Slide 3"):  # fmt: skip
        assert text in document.extracted_text, text
    assert document.page_count == 3, "the slide count, as the editor left it empty"


@pytest.mark.django_db
def test_the_page_count_an_editor_gives_is_kept(admin_client, clean_media, run_after_commit):
    content = pdf_with("One.", "Two.")
    document = upload_and_read(admin_client, run_after_commit, "a.pdf", content, page_count="24")
    assert document.page_count == 24
    assert document.text_status == TextStatus.EXTRACTED


@pytest.mark.django_db
def test_the_text_kept_is_capped(admin_client, clean_media, run_after_commit, monkeypatch):
    monkeypatch.setattr(extraction, "MAX_EXTRACTED_CHARS", 40)
    content = docx_with("a" * 30, cell="b" * 30)
    document = upload_and_read(admin_client, run_after_commit, "long.docx", content)
    assert document.extracted_text == "a" * 30 + "\n" + "b" * 9


@pytest.mark.django_db
def test_a_format_that_is_not_read_is_marked_so_and_never_opened(
    admin_client, clean_media, run_after_commit, monkeypatch
):
    enqueued = count_enqueued(monkeypatch)
    with run_after_commit():
        response = upload(admin_client, "attendance.csv", b"name,role\nAlex,trainer\n")
    assert response.status_code == 302
    document = CourseDocument.objects.get()
    assert document.text_status == TextStatus.NOT_APPLICABLE
    assert document.extracted_text == ""
    assert enqueued == []


# --- What is not read, without stopping the upload ----------------------------------------------


# (name, a function making the file): made when the test runs, not when tests are collected.
UNREADABLE = [
    ("damaged.pdf", lambda: b"%PDF-1.7\n1 0 obj <</Type /Catalog /Pages 9 0 R>>\nendobj\nbad"),
    ("locked.pdf", lambda: encrypted(pdf_with(PHRASE))),
    ("notes.docx", zip_that_is_not_a_docx),
    ("deck.pptx", lambda: docx_with(PHRASE)),
    ("bomb.docx", zip_bomb_docx),
]
UNREADABLE_IDS = ["damaged-pdf", "encrypted-pdf", "zip-not-docx", "docx-named-pptx", "zip-bomb"]


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "make"), UNREADABLE, ids=UNREADABLE_IDS)
def test_an_unreadable_file_is_uploaded_without_text(
    admin_client, clean_media, run_after_commit, caplog, name, make
):
    with caplog.at_level(logging.WARNING, logger="courses.extraction"):
        document = upload_and_read(admin_client, run_after_commit, name, make())
    assert document.text_status == TextStatus.NO_TEXT
    assert document.extracted_text == ""
    assert document.file.name.endswith(Path(name).suffix), "the file is stored all the same"
    [warning] = [r for r in caplog.records if r.name == "courses.extraction"]
    assert warning.levelno == logging.WARNING
    assert warning.exc_info is None, "logged in one line, without a traceback"
    assert name.split(".")[0] in warning.getMessage()


@pytest.mark.django_db
def test_a_text_file_named_docx_is_refused_with_a_message(admin_client, clean_media):
    response = upload(admin_client, "notes.docx", f"Plain notes: {PHRASE}".encode())
    assert response.status_code == 200
    assert "This file is named .docx but is not a valid .docx file." in " ".join(
        response.context["form"].errors["file"]
    )
    assert not CourseDocument.objects.exists()


@pytest.mark.django_db
def test_a_file_over_the_reading_limit_is_not_opened(
    admin_client, clean_media, run_after_commit, monkeypatch
):
    monkeypatch.setattr(extraction, "MAX_FILE_BYTES", 1000)
    content = pdf_with(PHRASE)
    assert len(content) > 1000
    document = upload_and_read(admin_client, run_after_commit, "big.pdf", content)
    assert (document.text_status, document.extracted_text) == (TextStatus.NO_TEXT, "")
    assert document.page_count is None


@pytest.mark.django_db
def test_an_archive_declaring_too_much_is_refused(
    admin_client, clean_media, run_after_commit, monkeypatch
):
    content = pptx_with(PHRASE)
    monkeypatch.setattr(extraction, "MAX_UNCOMPRESSED_BYTES", 10_000)
    document = upload_and_read(admin_client, run_after_commit, "deck.pptx", content)
    assert (document.text_status, document.extracted_text) == (TextStatus.NO_TEXT, "")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "make"),
    [("a.pdf", pdf_with), ("a.docx", docx_with), ("a.pptx", pptx_with)],
    ids=["pdf", "docx", "pptx"],
)
def test_reading_stops_when_the_time_budget_runs_out(
    admin_client, clean_media, run_after_commit, monkeypatch, name, make
):
    monkeypatch.setattr(extraction, "TIME_BUDGET_SECONDS", 0)
    document = upload_and_read(admin_client, run_after_commit, name, make(PHRASE))
    assert (document.text_status, document.extracted_text) == (TextStatus.NO_TEXT, "")


# --- When it is read ---------------------------------------------------------------------------


def count_enqueued(monkeypatch):
    """The ids of the documents whose reading is enqueued from now on."""
    enqueued = []
    task = courses.tasks.extract_document_text

    class Counting:
        def enqueue(self, document_id):
            enqueued.append(document_id)
            return task.enqueue(document_id)

    monkeypatch.setattr(courses.tasks, "extract_document_text", Counting())
    return enqueued


@pytest.mark.django_db
def test_a_replaced_file_is_read_again(admin_client, clean_media, run_after_commit, monkeypatch):
    document = upload_and_read(admin_client, run_after_commit, "a.pdf", pdf_with("Old advice."))
    enqueued = count_enqueued(monkeypatch)
    edit_url = reverse("wagtaildocs:edit", args=[document.pk])
    with run_after_commit():
        response = admin_client.post(
            edit_url,
            {
                "title": document.title,
                "file": SimpleUploadedFile("b.pdf", pdf_with(f"New advice: {PHRASE}.")),
                "collection": document.collection_id,
                "kind": document.kind,
                "language": "en",
                "licence": document.licence,
            },
        )
        assert response.status_code == 302
        document.refresh_from_db()
        assert (document.text_status, document.extracted_text) == (TextStatus.PENDING, ""), (
            "the old file's words are not searchable while the new one waits"
        )
    document.refresh_from_db()
    assert document.text_status == TextStatus.EXTRACTED
    assert PHRASE in squash(document.extracted_text)
    assert "Old advice" not in document.extracted_text
    assert enqueued == [document.pk], "read once: storing the text does not ask for another read"


@pytest.mark.django_db
def test_editing_only_the_metadata_does_not_read_the_file_again(
    admin_client, clean_media, run_after_commit, monkeypatch
):
    document = upload_and_read(admin_client, run_after_commit, "a.pdf", pdf_with(PHRASE))
    read_at = document.text_extracted_at
    enqueued = count_enqueued(monkeypatch)
    with run_after_commit():
        response = admin_client.post(
            reverse("wagtaildocs:edit", args=[document.pk]),
            {
                "title": "A new title",
                "collection": document.collection_id,
                "kind": document.kind,
                "language": "en",
                "licence": document.licence,
            },
        )
    assert response.status_code == 302
    document.refresh_from_db()
    assert document.title == "A new title"
    assert (document.text_status, document.text_extracted_at) == (TextStatus.EXTRACTED, read_at)
    assert enqueued == []


@pytest.mark.django_db
def test_the_edit_screen_says_whether_search_finds_the_file_by_its_words(
    admin_client, clean_media, run_after_commit
):
    document = upload_and_read(admin_client, run_after_commit, "a.pdf", pdf_with(PHRASE))
    response = admin_client.get(reverse("wagtaildocs:edit", args=[document.pk]))
    assert response.status_code == 200
    stats = {squash(dt.get_text()): squash(dt.find_next("dd").get_text())
             for dt in soup(response).select("dl dt")}  # fmt: skip
    assert stats["Text for site search"].startswith(TextStatus.EXTRACTED.label)


@pytest.mark.django_db
def test_printed_module_files_get_their_text(run_after_commit, clean_media):
    module = ModulePageFactory(
        title="Recognizing STS",
        key_messages=[("message", "Secondary traumatic stress is a known risk of the work.")],
        handout_texts=[
            (
                "handout",
                {
                    "title": "Signs checklist",
                    "description": "To take home.",
                    "kind": "handout",
                    "body": [("checklist", ["Trouble sleeping", "Irritability"])],
                    "replacement": None,
                },
            )
        ],
    )
    with run_after_commit():
        generate_module_materials(module)
    files = {d.generated_key: d for d in CourseDocument.objects.filter(generated_for=module)}
    assert len(files) == 3
    for document in files.values():
        assert document.text_status == TextStatus.EXTRACTED, document.generated_key
    assert "known risk of the work" in squash(files["slides.pptx"].extracted_text)
    assert "known risk of the work" in squash(files["slides.pdf"].extracted_text)
    [handout] = [d for key, d in files.items() if key.startswith("handout:")]
    assert "Trouble sleeping" in handout.extracted_text
    assert handout.page_count, "counted from the printed PDF"


# --- Documents uploaded before ----------------------------------------------------------------


@pytest.mark.django_db
def test_the_command_reads_documents_never_read(clean_media):
    # Saved without running what waits for the commit, as if uploaded before text was read.
    waiting = CourseDocumentFactory(file__filename="waiting.docx", file__data=docx_with(PHRASE))
    done = CourseDocumentFactory(file__filename="done.pdf", file__data=pdf_with("Read before."))
    CourseDocument.objects.filter(pk=done.pk).update(
        text_status=TextStatus.EXTRACTED, extracted_text="Kept as it was."
    )
    output = io.StringIO()
    call_command("extract_document_text", "--missing", stdout=output)
    waiting.refresh_from_db()
    done.refresh_from_db()
    assert waiting.text_status == TextStatus.EXTRACTED
    assert PHRASE in waiting.extracted_text
    assert done.extracted_text == "Kept as it was."
    assert "Read 1 document." in output.getvalue()

    call_command("extract_document_text", "--all", stdout=output)
    done.refresh_from_db()
    assert "Read before." in done.extracted_text
    assert "Read 2 documents." in output.getvalue()


def test_the_command_asks_which_documents_to_read():
    with pytest.raises(CommandError, match="one of the arguments --all --missing is required"):
        call_command("extract_document_text")


def test_text_a_database_would_refuse_is_cleaned_before_it_is_kept():
    collector = extraction.TextCollector(budget_seconds=10)
    collector.add("Name\x00 the three\ud800 reactions")
    assert collector.text == "Name the three reactions"
