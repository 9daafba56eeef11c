"""A kit link is checked for each visitor: what they may not see stays out, and is listed.

A module is listed by its number only, in the same words whether it is restricted, unpublished or
gone: a kit link is no way to learn which modules exist, or what they are called.
"""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from courses.models import ModuleHandout
from tests.courses.factories import HandoutFactory, ModulePageFactory

from .helpers import (
    agenda_rows,
    download,
    generated_text,
    kit_query,
    left_out,
    materials,
    not_available,
    pdf_text,
    read_member,
    readme_text,
    stored_bytes,
)

PRIVATE_FILE = (
    "1 file of “Reflective supervision” is not available: it is in a private collection "
    "(sign in if you may see it)."
)


@pytest.fixture
def hidden(world, trainers):
    """A draft module, a deleted one, a trainer-only one, and a trainers-only handout."""
    draft = ModulePageFactory(
        parent=world["understanding"],
        title="Draft module",
        live=False,
        handouts=[HandoutFactory(title="Draft handout")],
    )
    deleted = ModulePageFactory(parent=world["understanding"], title="Deleted module")
    deleted_id = deleted.pk
    deleted.delete()
    trainer_only = ModulePageFactory(
        parent=world["supervising"],
        title="Trainer-only module",
        duration_minutes=20,
        summary="How to debrief a distressed trainee.",
        handouts=[HandoutFactory(title="Debrief script")],
    )
    restriction = PageViewRestriction.objects.create(page=trainer_only, restriction_type="groups")
    restriction.groups.add(trainers)
    private = Collection.get_first_root_node().add_child(name="Trainer files")
    collection_restriction = CollectionViewRestriction.objects.create(
        collection=private, restriction_type="groups"
    )
    collection_restriction.groups.add(trainers)
    answer_sheet = HandoutFactory(title="Answer sheet", collection=private)
    ModuleHandout.objects.create(page=world["reflective"], document=answer_sheet, sort_order=5)
    items = [world["recognizing"], draft, deleted_id, trainer_only, world["reflective"]]
    return {
        "draft": draft,
        "deleted_id": deleted_id,
        "trainer_only": trainer_only,
        "answer_sheet": answer_sheet,
        "query": kit_query(items),
    }


@pytest.fixture
def trainer(trainers):
    user = get_user_model().objects.create_user("trainer-kit", "trainer@example.org", "pw")
    user.groups.add(trainers)
    return user


def test_kit_page_says_what_was_left_out_without_saying_why(client, hidden):
    response = client.get(f"/kits/?{hidden['query']}")
    assert response.status_code == 200
    assert [row[1] for row in agenda_rows(response)] == [
        "Recognizing STS",
        "Reflective supervision",
    ]
    assert left_out(response) == [
        not_available(hidden["draft"].pk),
        not_available(hidden["deleted_id"]),
        not_available(hidden["trainer_only"].pk),
        PRIVATE_FILE,
    ]


def test_anonymous_download_leaves_out_what_they_may_not_see(client, world, hidden):
    archive = download(client, hidden["query"])
    assert materials(archive) == [
        "01 - Recognizing STS - Slides.pptx",
        "02 - Recognizing STS - Signs checklist.pdf",
        "03 - Recognizing STS - Shared worksheet.pdf",
        "04 - Reflective supervision - Supervision prompts.pdf",
    ]
    readme = readme_text(archive)
    left = readme.split("Left out of this kit ", 1)[1].split(" Terms of Use", 1)[0]
    assert left == " ".join([
        not_available(hidden["draft"].pk),
        not_available(hidden["deleted_id"]),
        not_available(hidden["trainer_only"].pk),
        PRIVATE_FILE,
    ])  # fmt: skip
    guide = pdf_text(read_member(archive, "/Facilitator guide.pdf"))
    agenda = pdf_text(read_member(archive, "/Agenda.pdf"))
    for text in (guide, agenda):
        assert "How to debrief a distressed trainee." not in text
        assert "Draft" not in text
    assert "Total 75" in agenda


def test_nothing_of_a_draft_reaches_anyone(client, trainer, hidden):
    """A draft's title is not even named: only its number is."""
    for signed_in in (False, True):
        if signed_in:
            client.force_login(trainer)
        page = client.get(f"/kits/?{hidden['query']}").content.decode()
        archive = download(client, hidden["query"])
        everything = page + generated_text(archive) + " ".join(archive.namelist())
        assert "Draft module" not in everything
        assert "Draft handout" not in everything


def test_restricted_titles_are_not_shown_to_who_may_not_see_them(client, hidden):
    page = client.get(f"/kits/?{hidden['query']}").content.decode()
    readme = readme_text(download(client, hidden["query"]))
    for text in (page, readme):
        assert "Trainer-only module" not in text
        assert "Answer sheet" not in text


def test_signed_in_member_of_trainers_gets_the_trainer_only_material(client, trainer, hidden):
    client.force_login(trainer)
    response = client.get(f"/kits/?{hidden['query']}")
    assert [row[1] for row in agenda_rows(response)] == [
        "Recognizing STS",
        "Trainer-only module",
        "Reflective supervision",
    ]
    assert left_out(response) == [
        not_available(hidden["draft"].pk),
        not_available(hidden["deleted_id"]),
    ]
    archive = download(client, hidden["query"])
    assert materials(archive) == [
        "01 - Recognizing STS - Slides.pptx",
        "02 - Recognizing STS - Signs checklist.pdf",
        "03 - Recognizing STS - Shared worksheet.pdf",
        "04 - Trainer-only module - Debrief script.pdf",
        "05 - Reflective supervision - Supervision prompts.pdf",
        "06 - Reflective supervision - Answer sheet.pdf",
    ]
    debrief = hidden["trainer_only"].handout_links.get().document
    assert read_member(archive, "Debrief script.pdf") == stored_bytes(debrief)
    assert read_member(archive, "Answer sheet.pdf") == stored_bytes(hidden["answer_sheet"])
    assert "How to debrief a distressed trainee." in pdf_text(
        read_member(archive, "/Facilitator guide.pdf")
    )


def test_signed_in_visitor_outside_trainers_gets_no_trainer_material(client, hidden):
    someone = get_user_model().objects.create_user("member-kit", "member@example.org", "pw")
    client.force_login(someone)
    archive = download(client, hidden["query"])
    assert not any("Debrief" in name or "Answer sheet" in name for name in archive.namelist())
    assert len(materials(archive)) == 4


def test_a_module_restricted_after_the_link_was_made_drops_out(client, world, trainers):
    query = kit_query([world["recognizing"], world["reflective"]])
    assert len(materials(download(client, query))) == 4
    restriction = PageViewRestriction.objects.create(
        page=world["reflective"], restriction_type="groups"
    )
    restriction.groups.add(trainers)
    archive = download(client, query)
    assert not any("Reflective" in name for name in archive.namelist())
    response = client.get(f"/kits/?{query}")
    assert left_out(response) == [not_available(world["reflective"].pk)]
