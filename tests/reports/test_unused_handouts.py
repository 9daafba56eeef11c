"""Handouts no module uses: every way a module uses a file counts, printed files are left out."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Collection, CollectionViewRestriction

from courses.models import CourseDocument, DocumentKind
from tests.courses.factories import HandoutFactory, ModulePageFactory, SlidesFactory

from .helpers import first_column, report_rows

UNUSED = "reports_unused_handouts"


def written_handout(title, replacement):
    return (
        "handout",
        {
            "title": title,
            "description": f"{title}, to take home.",
            "kind": "handout",
            "body": [("paragraph", "Text.")],
            "replacement": replacement,
        },
    )


@pytest.fixture
def documents(db):
    linked = HandoutFactory(title="Linked as a handout")
    linked_as_slides = HandoutFactory(title="Linked as slides")
    hand_made_slides = HandoutFactory(title="Chosen as hand-made slides")
    replacement = HandoutFactory(title="Replaces a written handout")
    module = ModulePageFactory(
        handouts=[linked],
        slides=[linked_as_slides],
        slides_replacement=hand_made_slides,
        handout_texts=[written_handout("Signs checklist", replacement)],
    )
    printed = HandoutFactory(title="Printed from a module")
    CourseDocument.objects.filter(pk=printed.pk).update(
        generated_for=module, generated_key="handout:abc"
    )
    HandoutFactory(title="Unused handout")
    HandoutFactory(title="Unused worksheet", kind=DocumentKind.WORKSHEET)
    HandoutFactory(title="Unused evaluation form", kind=DocumentKind.EVALUATION)
    SlidesFactory(title="Unused slides")  # not a handout: the report is about handouts
    HandoutFactory(title="Unused other file", kind=DocumentKind.OTHER)
    return module


def test_only_handouts_no_module_uses_are_listed(editor_client, documents):
    assert first_column(editor_client, UNUSED) == [
        "Unused evaluation form",
        "Unused handout",
        "Unused worksheet",
    ]


def test_a_handout_that_loses_its_last_module_is_listed(editor_client, documents):
    documents.handout_links.all().delete()
    assert "Linked as a handout" in first_column(editor_client, UNUSED)


def test_each_row_names_the_kind_format_and_collection(editor_client, documents):
    rows = {row[0]: row for row in report_rows(editor_client, UNUSED)}
    assert rows["Unused worksheet"][1:4] == ["Worksheet", "PDF", "Course materials"]


def test_files_the_editor_may_not_have_are_not_named(editor_client, documents):
    private = Collection.get_first_root_node().add_child(name="Trainer files")
    restriction = CollectionViewRestriction.objects.create(
        collection=private, restriction_type="groups"
    )
    restriction.groups.add(Group.objects.get_or_create(name="Trainers")[0])
    HandoutFactory(title="Trainer answer sheet", collection=private)
    assert "Trainer answer sheet" not in first_column(editor_client, UNUSED)
