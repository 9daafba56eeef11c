"""Editors review shared resources in the admin; accepting one with a file publishes it once."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from contributions.models import SharedResource, Status
from courses.collections import course_materials
from courses.models import CourseDocument, DocumentKind
from home.models import SiteSettings
from tests.courses.factories import AudienceFactory, home_page
from tests.courses.helpers import soup, text_of
from tests.library.factories import HandoutLibraryPageFactory
from tests.library.helpers import titles

from .helpers import a_pdf, download_url, share

pytestmark = pytest.mark.django_db

INDEX_URL = reverse("shared_resources:index")


def edit_url(resource):
    return reverse("shared_resources:edit", args=[resource.pk])


def decide(client, resource, status, kind=DocumentKind.HANDOUT, notes=""):
    return client.post(
        edit_url(resource), {"status": status, "document_kind": kind, "editor_notes": notes}
    )


@pytest.fixture
def shared_pdf(client):
    """A resource shared with a PDF (by an anonymous visitor) for Supervisors."""
    supervisors = AudienceFactory(name="Supervisors", slug="supervisors")
    response = share(
        client,
        title="Team debrief guide",
        description="How to run a ten-minute debrief after a hard call.",
        upload=a_pdf("debrief.pdf"),
        audiences=[supervisors.pk],
    )
    assert response.status_code == 302
    return SharedResource.objects.get(title="Team debrief guide")


@pytest.fixture
def reviewer(client, editor):
    """The editor's own client (the visitors' client stays anonymous)."""
    from django.test import Client

    editor_client = Client()
    editor_client.force_login(editor)
    return editor_client


def test_editors_list_submissions_newest_first_and_filter_them(reviewer, client):
    share(client, title="Older one")
    share(client, title="Newer one")
    SharedResource.objects.filter(title="Older one").update(status=Status.DECLINED)
    response = reviewer.get(INDEX_URL)
    assert response.status_code == 200
    links = soup(response).select("td.title .title-wrapper a")
    listed = [" ".join(a.get_text().split()) for a in links]
    assert listed == ["Newer one", "Older one"]
    assert "Add shared resource" not in text_of(response)
    declined = reviewer.get(INDEX_URL, {"status": "declined"})
    assert "Older one" in text_of(declined) and "Newer one" not in text_of(declined)
    found = reviewer.get(INDEX_URL, {"q": "Ada Researcher"})
    assert "Newer one" in text_of(found)


def test_the_menu_shows_shared_resources_to_editors_only(reviewer, django_user_model, client):
    assert "Shared resources" in reviewer.get(reverse("wagtailadmin_home")).content.decode()
    publisher = django_user_model.objects.create_user("pub", "pub@example.org", "pw")
    publisher.groups.add(Group.objects.get_or_create(name="Publishers")[0])
    from wagtail.models import GroupPagePermission  # noqa: F401 (Publishers reach the admin)

    admin_access = Group.objects.get(name="Editors").permissions.get(codename="access_admin")
    publisher.user_permissions.add(admin_access)
    client.force_login(publisher)
    assert "Shared resources" not in client.get(reverse("wagtailadmin_home")).content.decode()
    assert client.get(INDEX_URL).status_code in (302, 403)


def test_the_edit_view_shows_the_link_as_text_and_the_private_download(reviewer, client):
    share(client, link="https://example.org/a?b=1", upload=a_pdf("debrief.pdf"))
    resource = SharedResource.objects.get()
    page = soup(reviewer.get(edit_url(resource)))
    link = page.find("a", string="https://example.org/a?b=1")
    assert link is not None and "noopener" in link["rel"]
    download = page.find("a", href=download_url(resource))
    assert download is not None and "debrief.pdf" in download.get_text()


def test_accepting_publishes_the_file_in_course_materials_and_the_library(reviewer, shared_pdf):
    home = home_page()
    SiteSettings.for_site(home.get_site())
    library = HandoutLibraryPageFactory()
    response = decide(reviewer, shared_pdf, Status.ACCEPTED, notes="Fits the Practice domain.")
    assert response.status_code == 302
    shared_pdf.refresh_from_db()
    document = shared_pdf.document
    assert document is not None
    assert document.title == "Team debrief guide"
    assert document.collection == course_materials()
    assert document.kind == DocumentKind.HANDOUT
    assert document.description == "How to run a ten-minute debrief after a hard call."
    assert [a.name for a in document.audiences.all()] == ["Supervisors"]
    assert document.file.read().startswith(b"%PDF-")
    assert shared_pdf.status == Status.ACCEPTED
    assert shared_pdf.reviewed_by.username == "editor-test"
    assert shared_pdf.reviewed_at is not None
    assert shared_pdf.editor_notes == "Fits the Practice domain."
    from django.test import Client

    assert "Team debrief guide" in titles(Client().get(library.url))


def test_the_editor_chooses_the_kind_on_acceptance(reviewer, shared_pdf):
    decide(reviewer, shared_pdf, Status.ACCEPTED, kind=DocumentKind.WORKSHEET)
    assert CourseDocument.objects.get().kind == DocumentKind.WORKSHEET


def test_accepting_twice_makes_one_document(reviewer, shared_pdf):
    decide(reviewer, shared_pdf, Status.ACCEPTED)
    decide(reviewer, shared_pdf, Status.ACCEPTED, notes="Saved again.")
    decide(reviewer, shared_pdf, Status.NEW)
    decide(reviewer, shared_pdf, Status.ACCEPTED)
    assert CourseDocument.objects.count() == 1
    shared_pdf.refresh_from_db()
    assert shared_pdf.document == CourseDocument.objects.get()


def test_accepting_a_link_makes_no_document(reviewer, client):
    share(client)
    resource = SharedResource.objects.get()
    assert decide(reviewer, resource, Status.ACCEPTED).status_code == 302
    assert not CourseDocument.objects.exists()
    resource.refresh_from_db()
    assert resource.status == Status.ACCEPTED


def test_declining_keeps_the_file_private_and_makes_no_document(reviewer, shared_pdf):
    decide(reviewer, shared_pdf, Status.DECLINED, notes="Out of scope.")
    shared_pdf.refresh_from_db()
    assert shared_pdf.status == Status.DECLINED
    assert not CourseDocument.objects.exists()
    assert shared_pdf.upload.storage.exists(shared_pdf.upload.name)
    assert reviewer.get(download_url(shared_pdf)).status_code == 200


def test_editors_cannot_add_submissions_in_the_admin(reviewer):
    response = reviewer.get("/admin/shared_resources/new/")
    assert response.status_code == 404


def test_an_accepted_resource_in_the_library_cannot_be_quietly_declined(reviewer, shared_pdf):
    decide(reviewer, shared_pdf, Status.ACCEPTED)
    response = decide(reviewer, shared_pdf, Status.DECLINED)
    assert response.status_code == 200  # the form again, with the way to withdraw it
    assert "To withdraw it, delete that document" in response.content.decode()
    shared_pdf.refresh_from_db()
    assert shared_pdf.status == Status.ACCEPTED
    assert CourseDocument.objects.get().title == "Team debrief guide"


def test_accepting_a_submission_whose_file_is_gone_says_so(reviewer, shared_pdf):
    shared_pdf.upload.storage.delete(shared_pdf.upload.name)
    response = decide(reviewer, shared_pdf, Status.ACCEPTED)
    assert response.status_code == 200
    assert "missing from storage" in response.content.decode()
    shared_pdf.refresh_from_db()
    assert shared_pdf.status == Status.NEW
    assert not CourseDocument.objects.exists()
