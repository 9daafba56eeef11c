"""Trainer-only documents: editors outside the Trainers group can neither see, edit, move nor
re-collect them in the admin, and visitors never get their files.

The migration (courses 0003) gives Editors and Moderators (now Publishers) their document
permissions on "Course materials" only, and Trainers theirs on "Trainer-only materials".
"""

import importlib

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import Collection, CollectionViewRestriction, GroupCollectionPermission

from courses.collections import (
    COURSE_MATERIALS,
    EDITOR_GROUPS,
    HR_LEADERS,
    TRAINER_ONLY_MATERIALS,
    TRAINERS,
    course_materials,
    trainer_only_materials,
)
from courses.models import CourseDocument

from .factories import HandoutFactory, SlidesFactory, pdf_bytes
from .helpers import chooser_titles

MIGRATION = importlib.import_module("courses.migrations.0003_collections_and_document_permissions")
DOCUMENT_PERMISSIONS = {"add_document", "change_document", "choose_document"}
PUBLIC_TITLE = "Self-care plan for staff"
PRIVATE_TITLE = "Debrief notes for trainers"
PERMISSION_MESSAGE = "Sorry, you do not have permission to access this area."


@pytest.fixture
def public_handout(db):
    return HandoutFactory(title=PUBLIC_TITLE, collection=course_materials())


@pytest.fixture
def private_handout(db):
    return HandoutFactory(title=PRIVATE_TITLE, collection=trainer_only_materials())


@pytest.fixture
def trainer_editor_client(client, editor):
    """An editor who is also a trainer."""
    editor.groups.add(Group.objects.get(name=TRAINERS))
    client.force_login(editor)
    return client


@pytest.fixture
def second_public_collection(db):
    """A sub-collection of "Course materials": editors then choose between two collections."""
    return course_materials().add_child(name="Handouts for staff")


def document_codenames(group, collection):
    grants = GroupCollectionPermission.objects.filter(
        group=group, collection=collection, permission__content_type__app_label="wagtaildocs"
    )
    return set(grants.values_list("permission__codename", flat=True))


def form_data(document, **changes):
    """The admin edit form of `document` as posted, with `changes`."""
    return {
        "title": document.title,
        "collection": document.collection_id,
        "kind": document.kind,
        "language": document.language,
        "licence": document.licence,
        "tags": "",
        **changes,
    }


def upload_data(collection, title="Uploaded handout"):
    return {
        "title": title,
        "file": SimpleUploadedFile("uploaded.pdf", pdf_bytes(1)),
        "collection": collection.pk,
        "kind": "handout",
        "language": "en",
        "licence": "cc-by-4.0",
    }


def refused(response):
    """True for Wagtail's answer to a forbidden admin URL: 403, or a redirect saying so."""
    if response.status_code == 403:
        return True
    messages = [str(message).strip() for message in get_messages(response.wsgi_request)]
    return response.status_code == 302 and PERMISSION_MESSAGE in messages


# --- What the migration sets up ------------------------------------------------------------------


@pytest.mark.django_db
def test_migration_makes_the_trainer_and_hr_groups():
    assert Group.objects.filter(name__in=[TRAINERS, HR_LEADERS]).count() == 2


@pytest.mark.django_db
def test_migration_makes_a_public_and_a_trainer_only_collection_under_the_root():
    root = Collection.get_first_root_node()
    assert set(root.get_children().values_list("name", flat=True)) == {
        COURSE_MATERIALS,
        TRAINER_ONLY_MATERIALS,
    }
    assert not course_materials().get_view_restrictions().exists()
    restriction = CollectionViewRestriction.objects.get(collection=trainer_only_materials())
    assert restriction.restriction_type == CollectionViewRestriction.GROUPS
    assert list(restriction.groups.values_list("name", flat=True)) == [TRAINERS]
    assert Collection.find_problems() == ([], [], [], [], [])


@pytest.mark.django_db
@pytest.mark.parametrize("group_name", EDITOR_GROUPS)
def test_editors_and_moderators_manage_course_materials_only(group_name):
    group = Group.objects.get(name=group_name)
    assert document_codenames(group, course_materials()) == DOCUMENT_PERMISSIONS
    assert document_codenames(group, Collection.get_first_root_node()) == set()
    assert document_codenames(group, trainer_only_materials()) == set()


@pytest.mark.django_db
def test_trainers_manage_trainer_only_materials_but_have_no_admin_access():
    trainers = Group.objects.get(name=TRAINERS)
    assert document_codenames(trainers, trainer_only_materials()) == DOCUMENT_PERMISSIONS
    assert GroupCollectionPermission.objects.filter(group=trainers).count() == 3
    assert not trainers.permissions.filter(codename="access_admin").exists()


@pytest.mark.django_db
def test_images_keep_wagtails_permissions_on_the_root():
    """Wagtail applies no collection privacy to images, so their permissions were left alone."""
    editors = Group.objects.get(name="Editors")
    image_grants = GroupCollectionPermission.objects.filter(
        group=editors, permission__content_type__app_label="wagtailimages"
    )
    assert {grant.collection.depth for grant in image_grants} == {1}
    assert set(image_grants.values_list("permission__codename", flat=True)) == {
        "add_image",
        "change_image",
        "choose_image",
    }


@pytest.mark.django_db
def test_migration_moves_root_permissions_and_documents_and_changes_nothing_when_run_again():
    """From the state Wagtail's own migrations leave: editors' permissions on the root."""
    root = Collection.get_first_root_node()
    editors = Group.objects.get(name="Editors")
    GroupCollectionPermission.objects.filter(group=editors).delete()
    for permission in Permission.objects.filter(
        content_type__app_label="wagtaildocs", codename__in=DOCUMENT_PERMISSIONS
    ):
        GroupCollectionPermission.objects.create(
            group=editors, collection=root, permission=permission
        )
    in_root = HandoutFactory(collection=root)

    MIGRATION.set_up_collections(apps, None)
    state = (
        set(Collection.objects.values_list("name", "path", "numchild")),
        set(GroupCollectionPermission.objects.values_list("group", "collection", "permission")),
        set(CollectionViewRestriction.objects.values_list("collection", "groups")),
    )
    MIGRATION.set_up_collections(apps, None)

    assert document_codenames(editors, root) == set()
    assert document_codenames(editors, course_materials()) == DOCUMENT_PERMISSIONS
    assert CourseDocument.objects.get(pk=in_root.pk).collection == course_materials()
    assert state == (
        set(Collection.objects.values_list("name", "path", "numchild")),
        set(GroupCollectionPermission.objects.values_list("group", "collection", "permission")),
        set(CollectionViewRestriction.objects.values_list("collection", "groups")),
    )


@pytest.mark.django_db
def test_migration_places_a_missing_collection_among_others_by_name():
    """As Wagtail's add_child does: siblings after it, with their children, move one step on."""
    root = Collection.get_first_root_node()
    trainer_only_materials().delete()
    staff_area = root.add_child(name="Staff area")
    staff_area.add_child(name="Rotas")
    root.add_child(name="Archive")
    root.add_child(name="Zines")

    MIGRATION.set_up_collections(apps, None)

    assert Collection.find_problems() == ([], [], [], [], [])
    children = root.get_children()
    assert list(children.values_list("name", flat=True)) == [
        "Archive",
        COURSE_MATERIALS,
        "Staff area",
        TRAINER_ONLY_MATERIALS,
        "Zines",
    ]
    assert Collection.objects.get(pk=root.pk).numchild == 5
    rotas = Collection.objects.get(name="Rotas")
    assert rotas.get_parent().name == "Staff area"
    assert trainer_only_materials().get_view_restrictions().exists()


# --- An editor outside the Trainers group -------------------------------------------------------


def test_document_listing_hides_trainer_only_documents(
    editor_client, public_handout, private_handout
):
    listing = editor_client.get(reverse("wagtaildocs:index"))
    filtered = editor_client.get(
        reverse("wagtaildocs:index"), {"collection_id": trainer_only_materials().pk}
    )
    assert listing.status_code == 200
    assert PUBLIC_TITLE in listing.text
    assert PRIVATE_TITLE not in listing.text
    assert PRIVATE_TITLE not in filtered.text


def test_edit_view_of_a_trainer_only_document_is_refused(editor_client, private_handout):
    response = editor_client.get(reverse("wagtaildocs:edit", args=[private_handout.pk]))
    assert response.status_code != 200
    assert refused(response)


@pytest.mark.parametrize("target", ["same collection", "public collection"])
def test_posting_to_a_trainer_only_document_changes_nothing(editor_client, private_handout, target):
    collection = private_handout.collection if target == "same collection" else course_materials()
    response = editor_client.post(
        reverse("wagtaildocs:edit", args=[private_handout.pk]),
        form_data(private_handout, title="Made public", collection=collection.pk),
    )
    assert refused(response)
    document = CourseDocument.objects.get(pk=private_handout.pk)
    assert (document.title, document.collection) == (PRIVATE_TITLE, trainer_only_materials())


def test_multiple_upload_edit_of_a_trainer_only_document_changes_nothing(
    editor_client, private_handout
):
    data = form_data(private_handout, title="Made public", collection=course_materials().pk)
    response = editor_client.post(
        reverse("wagtaildocs:edit_multiple", args=[private_handout.pk]),
        {f"doc-{private_handout.pk}-{name}": value for name, value in data.items()},
    )
    assert refused(response)
    document = CourseDocument.objects.get(pk=private_handout.pk)
    assert (document.title, document.collection) == (PRIVATE_TITLE, trainer_only_materials())


def test_trainer_only_document_cannot_be_deleted(editor_client, private_handout):
    response = editor_client.post(reverse("wagtaildocs:delete", args=[private_handout.pk]))
    assert refused(response)
    assert CourseDocument.objects.filter(pk=private_handout.pk).exists()


def test_upload_form_offers_only_course_materials(editor_client):
    """With one collection allowed, Wagtail leaves the field out and files go there."""
    form = editor_client.get(reverse("wagtaildocs:add")).context["form"]
    assert list(form.collections) == [course_materials()]
    assert "collection" not in form.fields


def test_upload_posting_the_trainer_only_collection_lands_in_course_materials(editor_client):
    response = editor_client.post(
        reverse("wagtaildocs:add"), upload_data(trainer_only_materials(), title="Sneaky upload")
    )
    assert response.status_code == 302
    assert CourseDocument.objects.get(title="Sneaky upload").collection == course_materials()


def test_upload_form_with_two_collections_never_offers_the_trainer_only_one(
    editor_client, second_public_collection
):
    form = editor_client.get(reverse("wagtaildocs:add")).context["form"]
    choices = set(form.fields["collection"].queryset.values_list("pk", flat=True))
    assert choices == {course_materials().pk, second_public_collection.pk}


def test_upload_posting_the_trainer_only_collection_is_a_form_error(
    editor_client, second_public_collection
):
    response = editor_client.post(
        reverse("wagtaildocs:add"), upload_data(trainer_only_materials(), title="Sneaky upload")
    )
    assert response.status_code == 200
    assert "collection" in response.context["form"].errors
    assert not CourseDocument.objects.filter(title="Sneaky upload").exists()


def test_multiple_upload_cannot_drop_a_file_into_trainer_only_materials(editor_client):
    """The dropped file becomes a document where the editor may put it, whatever was posted;
    its metadata form offers no collection to move it to."""
    dropped = editor_client.post(
        reverse("wagtaildocs:add_multiple"),
        {
            "files[]": SimpleUploadedFile("dropped.pdf", pdf_bytes(1)),
            "collection": trainer_only_materials().pk,
        },
    ).json()
    assert dropped["success"] is True
    assert f'name="doc-{dropped["doc_id"]}-collection"' not in dropped["form"]
    document = CourseDocument.objects.get(pk=dropped["doc_id"])
    assert document.collection == course_materials()
    assert not CourseDocument.objects.filter(collection=trainer_only_materials()).exists()


def test_editing_a_public_document_cannot_move_it_to_trainer_only_materials(
    editor_client, public_handout
):
    """The collection field is left out (one allowed collection): the posted id is ignored."""
    response = editor_client.post(
        reverse("wagtaildocs:edit", args=[public_handout.pk]),
        form_data(public_handout, collection=trainer_only_materials().pk),
    )
    assert response.status_code == 302
    assert CourseDocument.objects.get(pk=public_handout.pk).collection == course_materials()


def test_editing_with_two_collections_refuses_the_trainer_only_one_with_a_form_error(
    editor_client, public_handout, second_public_collection
):
    response = editor_client.post(
        reverse("wagtaildocs:edit", args=[public_handout.pk]),
        form_data(public_handout, title="Moved", collection=trainer_only_materials().pk),
    )
    assert response.status_code == 200
    assert "collection" in response.context["form"].errors
    document = CourseDocument.objects.get(pk=public_handout.pk)
    assert (document.title, document.collection) == (PUBLIC_TITLE, course_materials())


def bulk_add_to_collection(client, document, collection):
    url = reverse("wagtail_bulk_action", args=["courses", "coursedocument", "add_to_collection"])
    return client.post(f"{url}?id={document.pk}", {"collection": collection.pk})


def test_bulk_action_cannot_move_a_public_document_to_trainer_only_materials(
    editor_client, public_handout
):
    response = bulk_add_to_collection(editor_client, public_handout, trainer_only_materials())
    assert response.status_code == 200
    assert "collection" in response.context["form"].errors
    assert CourseDocument.objects.get(pk=public_handout.pk).collection == course_materials()


def test_bulk_action_cannot_move_a_trainer_only_document_out(editor_client, private_handout):
    bulk_add_to_collection(editor_client, private_handout, course_materials())
    assert CourseDocument.objects.get(pk=private_handout.pk).collection == trainer_only_materials()


@pytest.mark.parametrize(
    ("chooser", "factory"),
    [
        ("wagtaildocs_chooser", HandoutFactory),
        ("slides_chooser", SlidesFactory),
        ("handout_chooser", HandoutFactory),
    ],
)
@pytest.mark.parametrize("view", ["choose", "choose_results"])
def test_choosers_never_list_trainer_only_documents(editor_client, chooser, factory, view):
    factory(title="Zebra public", collection=course_materials())
    factory(title="Zebra private", collection=trainer_only_materials())
    params = {"q": "zebra"} if view == "choose_results" else {}
    assert chooser_titles(editor_client, f"{chooser}:{view}", **params) == {"Zebra public"}


def test_chooser_refuses_to_choose_a_trainer_only_document(editor_client, private_handout):
    response = editor_client.get(reverse("wagtaildocs_chooser:chosen", args=[private_handout.pk]))
    assert response.status_code != 200
    assert PRIVATE_TITLE not in response.text


def test_editor_cannot_download_a_trainer_only_document(editor_client, private_handout):
    response = editor_client.get(private_handout.url)
    assert response.status_code != 200
    assert not response.has_header("Content-Disposition")


# --- An editor who is also a trainer -------------------------------------------------------------


def test_trainer_editor_sees_and_edits_trainer_only_documents(
    trainer_editor_client, public_handout, private_handout
):
    listing = trainer_editor_client.get(reverse("wagtaildocs:index"))
    edit_url = reverse("wagtaildocs:edit", args=[private_handout.pk])
    edit_form = trainer_editor_client.get(edit_url)
    saved = trainer_editor_client.post(edit_url, form_data(private_handout, title="Revised notes"))

    assert PUBLIC_TITLE in listing.text
    assert PRIVATE_TITLE in listing.text
    assert edit_form.status_code == 200
    assert saved.status_code == 302
    document = CourseDocument.objects.get(pk=private_handout.pk)
    assert (document.title, document.collection) == ("Revised notes", trainer_only_materials())


def test_trainer_editor_chooses_between_both_collections(trainer_editor_client):
    form = trainer_editor_client.get(reverse("wagtaildocs:add")).context["form"]
    choices = set(form.fields["collection"].queryset.values_list("name", flat=True))
    assert choices == {COURSE_MATERIALS, TRAINER_ONLY_MATERIALS}


def test_trainer_editor_chooser_lists_trainer_only_documents(
    trainer_editor_client, public_handout, private_handout
):
    titles = chooser_titles(trainer_editor_client, "handout_chooser:choose")
    assert titles == {PUBLIC_TITLE, PRIVATE_TITLE}


# --- A trainer without admin access, and visitors ------------------------------------------------


@pytest.fixture
def trainer(django_user_model):
    user = django_user_model.objects.create_user("trainer-test", "trainer@example.org", "pw")
    user.groups.add(Group.objects.get(name=TRAINERS))
    return user


@pytest.mark.parametrize("url_name", ["wagtailadmin_home", "wagtaildocs:index"])
def test_trainer_without_admin_access_cannot_reach_the_admin(client, trainer, url_name):
    client.force_login(trainer)
    response = client.get(reverse(url_name))
    assert response.status_code == 302
    assert response.url.startswith(reverse("wagtailadmin_login"))


def test_trainer_downloads_a_trainer_only_document(client, trainer, private_handout):
    client.force_login(trainer)
    response = client.get(private_handout.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_anonymous_visitor_gets_no_trainer_only_file(client, public_handout, private_handout):
    public = client.get(public_handout.url)
    private = client.get(private_handout.url)
    assert public.status_code == 200
    assert private.status_code != 200
    assert not private.has_header("Content-Disposition")
    assert not getattr(private, "streaming", False)
    assert b"%PDF-" not in private.content
