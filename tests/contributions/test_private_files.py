"""A shared file stays private until accepted: no public URL serves it; editors download it."""

import pytest
from django.contrib.auth.models import Group

from contributions.models import SharedResource
from courses.models import CourseDocument

from .helpers import a_pdf, download_url, share

pytestmark = pytest.mark.django_db


@pytest.fixture
def shared(client):
    assert share(client, link=None, upload=a_pdf("debrief.pdf")).status_code == 302
    return SharedResource.objects.get()


def user_in(django_user_model, group_name):
    user = django_user_model.objects.create_user(group_name.lower(), f"{id(group_name)}@x.org")
    user.groups.add(Group.objects.get_or_create(name=group_name)[0])
    return user


def test_no_public_address_serves_the_file(client, shared):
    name = shared.upload.name  # shared-resources/<random>.pdf
    candidates = [
        f"/media/{name}",
        f"/media/images/../{name}",
        f"/media/images/%2e%2e/{name}",
        f"/{name}",
        f"/share-a-resource/{name}",
    ]
    # Wagtail's document views serve documents only; the submission is none.
    next_id = (CourseDocument.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1
    for document_id in range(1, next_id + 2):
        candidates += [
            f"/documents/{document_id}/debrief.pdf",
            f"/documents/{document_id}/view/debrief.pdf",
        ]
    for url in candidates:
        response = client.get(url)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert not body.startswith(b"%PDF-"), f"{url} served the private file"


def test_an_editor_downloads_it_as_an_uncached_attachment(editor_client, shared):
    response = editor_client.get(download_url(shared))
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    assert response["Content-Disposition"].startswith("attachment")
    assert 'filename="debrief.pdf"' in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Type"] == "application/octet-stream"
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]


def test_anonymous_visitors_are_sent_to_sign_in(client, shared):
    response = client.get(download_url(shared))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


@pytest.mark.parametrize("group_name", ["Trainers", "HR leaders"])
def test_trainers_and_hr_leaders_cannot_download_it(client, django_user_model, shared, group_name):
    client.force_login(user_in(django_user_model, group_name))
    response = client.get(download_url(shared))
    assert response.status_code in (302, 403)
    assert not response.streaming
    assert b"%PDF-" not in response.content
    index = client.get("/admin/shared_resources/")
    assert index.status_code in (302, 403)


def test_deleting_a_submission_deletes_its_file(shared, django_capture_on_commit_callbacks):
    storage, name = shared.upload.storage, shared.upload.name
    with django_capture_on_commit_callbacks(execute=True):
        shared.delete()
    assert not storage.exists(name)
