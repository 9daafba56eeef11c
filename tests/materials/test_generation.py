"""Publishing a module prints its slides and handouts again: trainers download what it now says."""

import io

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from pptx import Presentation
from wagtail.models import PageViewRestriction

from courses.models import CourseDocument, DocumentKind
from materials.generation import generate_module_materials
from tests.courses.factories import HandoutFactory, ModulePageFactory, SlidesFactory
from tests.courses.helpers import soup, squash
from tests.kits.helpers import download, kit_query, materials, pdf_text, read_member, stored_bytes

from .pdfs import assert_accessible_pdf


def handout(title, *body, replacement=None, kind="handout"):
    return (
        "handout",
        {
            "title": title,
            "description": f"{title}, to take home.",
            "kind": kind,
            "body": list(body),
            "replacement": replacement,
        },
    )


@pytest.fixture
def module(db):
    return ModulePageFactory(
        title="Recognizing STS",
        duration_minutes=45,
        key_messages=[("message", "Secondary traumatic stress is a known risk of the work.")],
        handout_texts=[
            handout("Signs checklist", ("checklist", ["Trouble sleeping", "Irritability"])),
        ],
    )


def publish(page, **changes):
    """Publish a new revision with `changes`, running the work that waits for the commit."""
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision().publish()
    page.refresh_from_db()


def deck_text(document):
    presentation = Presentation(io.BytesIO(stored_bytes(document)))
    return " ".join(
        shape.text_frame.text
        for slide in presentation.slides
        for shape in slide.shapes
        if shape.has_text_frame
    )


def generated(module, key):
    return CourseDocument.objects.get(generated_for=module, generated_key=key)


def test_publishing_prints_the_slides_and_handouts_after_the_commit(
    module, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        publish(module)
    assert not CourseDocument.objects.filter(generated_for=module).exists()  # not yet: after commit
    for callback in callbacks:
        callback()
    keys = sorted(CourseDocument.objects.filter(generated_for=module).values_list(
        "generated_key", flat=True
    ))  # fmt: skip
    handout_key = f"handout:{module.handout_texts[0].id}"
    assert keys == sorted(["slides.pdf", "slides.pptx", handout_key])
    slides = generated(module, "slides.pptx")
    assert slides.kind == DocumentKind.SLIDES
    assert slides.file.name.endswith(".pptx")
    assert "Secondary traumatic stress is a known risk of the work." in deck_text(slides)
    checklist = generated(module, handout_key)
    assert checklist.title == "Signs checklist" and checklist.kind == DocumentKind.HANDOUT
    assert "Irritability" in pdf_text(stored_bytes(checklist))


def test_publishing_an_edit_replaces_the_printed_files(module, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        publish(module)
    first_slides = generated(module, "slides.pptx")
    with django_capture_on_commit_callbacks(execute=True):
        publish(
            module,
            key_messages=[("message", "Organisations share responsibility for well-being.")],
            handout_texts=[
                handout("Signs checklist", ("checklist", ["Trouble sleeping", "Numbness"]))
            ],
        )
    slides = generated(module, "slides.pptx")
    assert slides.pk == first_slides.pk  # the same document, so links to it keep working
    assert slides.generated_revision == module.live_revision_id
    text = deck_text(slides)
    assert "Organisations share responsibility for well-being." in text
    assert "known risk of the work" not in text
    (checklist,) = CourseDocument.objects.filter(generated_for=module, kind=DocumentKind.HANDOUT)
    handout_text = pdf_text(stored_bytes(checklist))
    assert "Numbness" in handout_text and "Irritability" not in handout_text


def test_a_handout_removed_from_the_module_takes_its_file_with_it(
    module, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        publish(module)
    with django_capture_on_commit_callbacks(execute=True):
        publish(module, handout_texts=[])
    assert not CourseDocument.objects.filter(title="Signs checklist").exists()
    assert CourseDocument.objects.filter(generated_for=module).count() == 2  # the slides


def test_a_current_module_is_not_printed_again(module):
    module.save_revision().publish()
    generate_module_materials(module)
    stamps = dict(CourseDocument.objects.values_list("pk", "generated_at"))
    assert generate_module_materials(module) == []
    assert dict(CourseDocument.objects.values_list("pk", "generated_at")) == stamps


def test_the_kit_holds_the_text_the_module_now_has(
    client, module, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        publish(module, handout_texts=[handout("Signs checklist", ("paragraph", "Version two."))])
    archive = download(client, kit_query([module]))
    assert materials(archive) == [
        "01 - Recognizing STS - slides (PowerPoint).pptx",  # the module's name is not repeated
        "02 - Recognizing STS - slides (PDF).pdf",
        "03 - Recognizing STS - Signs checklist.pdf",
    ]
    assert "Version two." in pdf_text(read_member(archive, "Signs checklist.pdf"))


def test_the_module_page_offers_the_printed_files(
    client, module, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        publish(module)
    page = soup(client.get(module.url))
    offered = [squash(link.get_text()) for link in page.select(".document-list__link")]
    assert any("Signs checklist" in text for text in offered), offered
    assert any("slides (PowerPoint)" in text for text in offered), offered


def test_hand_made_files_are_offered_instead_of_the_printed_ones(
    client, module, django_capture_on_commit_callbacks
):
    designed = HandoutFactory(title="Signs checklist (designed)")
    deck = SlidesFactory(title="Recognizing STS (designed deck)")
    with django_capture_on_commit_callbacks(execute=True):
        publish(
            module,
            slides_replacement=deck,
            handout_texts=[
                handout("Signs checklist", ("paragraph", "Text."), replacement=designed)
            ],
        )
    archive = download(client, kit_query([module]))
    assert materials(archive) == [
        "01 - Recognizing STS (designed deck).pptx",
        "02 - Recognizing STS - Signs checklist (designed).pdf",
    ]
    assert read_member(archive, "(designed).pdf") == stored_bytes(designed)


def test_the_admin_lists_the_printed_files_and_which_are_replaced(
    admin_client, module, django_capture_on_commit_callbacks
):
    designed = HandoutFactory(title="Designed checklist")
    with django_capture_on_commit_callbacks(execute=True):
        publish(
            module,
            handout_texts=[
                handout("Signs checklist", ("paragraph", "Text."), replacement=designed)
            ],
        )
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[module.pk]))
    rows = {
        squash(row.select("td")[0].get_text()): squash(row.select("td")[2].get_text())
        for row in soup(response).select("table.listing tbody tr")
    }
    assert rows == {
        "Recognizing STS: slides (PDF) (PDF)": "Yes",
        "Recognizing STS: slides (PowerPoint) (PPTX)": "Yes",
        "Signs checklist (PDF)": "No: replaced by the hand-made “Designed checklist”",
    }


def test_an_unpublished_module_says_its_files_come_with_publishing(admin_client, db):
    draft = ModulePageFactory(title="Draft module", live=False)
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[draft.pk]))
    assert "No files yet: they are made the first time the module is published." in squash(
        response.content.decode()
    )


def test_the_files_of_a_trainer_only_module_are_for_trainers_only(
    client, django_user_model, module, django_capture_on_commit_callbacks
):
    trainers = Group.objects.get_or_create(name="Trainers")[0]
    restriction = PageViewRestriction.objects.create(page=module, restriction_type="groups")
    restriction.groups.add(trainers)
    with django_capture_on_commit_callbacks(execute=True):
        publish(module)
    handout_file = CourseDocument.objects.get(generated_for=module, kind=DocumentKind.HANDOUT)
    url = handout_file.url

    anonymous = client.get(url)
    assert anonymous.status_code == 302 and anonymous["Location"].startswith("/sign-in/?next=")

    outsider = django_user_model.objects.create_user("outsider", password="pw-outsider-1")
    client.force_login(outsider)
    assert client.get(url).status_code == 404

    trainer = django_user_model.objects.create_user("trainer", password="pw-trainer-1")
    trainer.groups.add(trainers)
    client.force_login(trainer)
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_printed_handouts_are_accessible_pdfs_with_room_to_write(
    module, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        publish(
            module,
            handout_texts=[
                handout(
                    "My self-care plan",
                    ("heading", "Before work"),
                    ("checklist", ["Eat something", "Check in with a colleague"]),
                    ("write", {"prompt": "People at work I can talk to", "lines": 4}),
                    ("form_table", {"columns": ["Action", "When"], "rows": ["1", "2"]}),
                    kind="worksheet",
                )
            ],
        )
    worksheet = CourseDocument.objects.get(generated_for=module, kind=DocumentKind.WORKSHEET)
    content = stored_bytes(worksheet)
    reader = assert_accessible_pdf(content, title="My self-care plan")
    assert len(reader.pages) == 1
    text = pdf_text(content)
    reading_order = [
        "WORKSHEET",
        "Before work",
        "Check in with a colleague",
        "People at work I can talk to",
        "Action",
        "When",
        "health care provider",
    ]
    for expected in reading_order:
        assert expected in text, expected
        text = text[text.index(expected) + len(expected) :]  # in reading order


def test_printed_slides_are_an_accessible_pdf_one_slide_a_page(
    module, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        publish(module)
    slides = generated(module, "slides.pdf")
    reader = assert_accessible_pdf(stored_bytes(slides))
    box = reader.pages[0].mediabox
    assert round(float(box.width) / float(box.height), 2) == round(16 / 9, 2)
    assert len(reader.pages) == slides.page_count == generated(module, "slides.pptx").page_count
