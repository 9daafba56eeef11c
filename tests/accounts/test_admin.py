"""Editors read and answer access requests in the admin; nobody else sees them."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission

from accounts.models import AccessRequest
from roles.groups import EDITORS, PUBLISHERS

INDEX = "/admin/access_requests/"


def make_request(**fields):
    return AccessRequest.objects.create(
        **{
            "name": "Ada Okafor",
            "email": "ada@clinic.example.org",
            "organisation": "Riverside Community Clinic",
            "role": "Clinical supervisor",
            "reason": "Monthly STS sessions for our case managers.",
            **fields,
        }
    )


def text_of(response):
    return " ".join(BeautifulSoup(response.content, "html.parser").get_text().split())


@pytest.fixture
def editor_client(client, django_user_model):
    editor = django_user_model.objects.create_user("editor-test", "e@example.org", "pw")
    editor.groups.add(Group.objects.get(name=EDITORS))
    client.force_login(editor)
    client.user = editor
    return client


@pytest.mark.django_db
def test_editors_and_publishers_may_view_and_change_but_not_add_or_delete(django_user_model):
    for group_name in (EDITORS, PUBLISHERS):
        user = django_user_model.objects.create_user(group_name, f"{len(group_name)}@x.org", "pw")
        user.groups.add(Group.objects.get(name=group_name))
        assert user.has_perm("accounts.view_accessrequest"), group_name
        assert user.has_perm("accounts.change_accessrequest"), group_name
        assert not user.has_perm("accounts.add_accessrequest"), group_name
        assert not user.has_perm("accounts.delete_accessrequest"), group_name


@pytest.mark.django_db
def test_an_editor_sees_submitted_requests_in_the_menu_and_the_list(editor_client):
    make_request()
    dashboard = BeautifulSoup(editor_client.get("/admin/").content, "html.parser")
    assert "Access requests" in str(dashboard)
    response = editor_client.get(INDEX)
    assert response.status_code == 200
    assert "Ada Okafor" in text_of(response)
    assert "Riverside Community Clinic" in text_of(response)


@pytest.mark.django_db
def test_the_list_is_newest_first_filtered_by_status_and_searchable(editor_client):
    make_request(name="Older Person", organisation="Old Org")
    make_request(name="Newer Person", organisation="New Org", status="declined")
    listed = text_of(editor_client.get(INDEX))
    assert listed.index("Newer Person") < listed.index("Older Person")
    declined = text_of(editor_client.get(INDEX, {"status": "declined"}))
    assert "Newer Person" in declined and "Older Person" not in declined
    found = text_of(editor_client.get(INDEX, {"q": "Old Org"}))
    assert "Older Person" in found and "Newer Person" not in found


@pytest.mark.django_db
def test_an_editor_answers_a_request_and_the_requester_fields_stay(editor_client):
    request = make_request()
    edit_url = f"{INDEX}edit/{request.pk}/"
    form = editor_client.get(edit_url)
    assert form.status_code == 200
    page = BeautifulSoup(form.content, "html.parser")
    assert page.find(attrs={"name": "status"}) is not None
    assert page.find(attrs={"name": "name"}) is None  # shown, not editable
    assert "Ada Okafor" in text_of(form)
    response = editor_client.post(
        edit_url,
        {"status": "approved", "reply": "Welcome: account sent.", "name": "Changed"},
    )
    assert response.status_code == 302
    request.refresh_from_db()
    assert request.status == "approved"
    assert request.reply == "Welcome: account sent."
    assert request.name == "Ada Okafor"
    assert request.answered_by == editor_client.user
    assert request.answered_at is not None


@pytest.mark.django_db
def test_there_is_no_add_view(editor_client):
    assert editor_client.get(f"{INDEX}new/").status_code == 404


@pytest.mark.django_db
def test_a_trainer_cannot_see_the_requests(client, trainer):
    make_request()
    client.force_login(trainer)
    response = client.get(INDEX)
    assert response.status_code in (302, 403)
    assert b"Ada Okafor" not in response.content


@pytest.mark.django_db
def test_an_admin_user_without_the_permission_sees_neither_menu_nor_list(client, django_user_model):
    make_request()
    user = django_user_model.objects.create_user("reviewer", "r@example.org", "pw")
    reviewers = Group.objects.create(name="Someone with admin only")
    reviewers.permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(reviewers)
    client.force_login(user)
    assert "Access requests" not in client.get("/admin/").content.decode()
    response = client.get(INDEX)
    assert response.status_code in (302, 403)
    assert b"Ada Okafor" not in response.content
