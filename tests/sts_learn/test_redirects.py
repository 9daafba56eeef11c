"""Redirects from old addresses never give away where a page the visitor may not see has gone.

Wagtail leaves a redirect at a page's old address when its slug changes. Following it would tell
anyone the new address of a trainer-only, unpublished or offline page; they get the 404 instead.
"""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import PageViewRestriction

from tests.courses.factories import home_page
from tests.home.factories import StandardPageFactory

NOT_FOUND = "We can’t find that page"


@pytest.fixture
def trainers(db):
    return Group.objects.get_or_create(name="Trainers")[0]


@pytest.fixture
def trainer(trainers):
    user = get_user_model().objects.create_user("trainer-redirect", "t@example.org", "pw")
    user.groups.add(trainers)
    return user


@pytest.fixture
def rename(db, django_capture_on_commit_callbacks):
    """Give a page a new slug as the editor does: Wagtail adds the redirect once it commits."""

    def rename(page, new_slug):
        old_url = page.url
        with django_capture_on_commit_callbacks(execute=True):
            page.slug = new_slug
            if page.live:
                page.save_revision().publish()
            else:
                page.save()
        page.refresh_from_db()
        return old_url

    return rename


def restrict_to(page, group):
    restriction = PageViewRestriction.objects.create(page=page, restriction_type="groups")
    restriction.groups.add(group)


def assert_not_found(response, *secrets):
    """The site's own 404, and nothing in it that points to the page."""
    assert response.status_code == 404
    assert "Location" not in response
    text = response.content.decode()
    assert NOT_FOUND in text
    for secret in secrets:
        assert secret not in text


@pytest.fixture
def trainers_room(trainers):
    page = StandardPageFactory(parent=home_page(), title="Trainers’ room", slug="trainers-room")
    restrict_to(page, trainers)
    return page


def test_renaming_leaves_a_redirect(rename, trainers_room):
    old_url = rename(trainers_room, "debrief-2026")
    assert Redirect.objects.get(old_path=old_url.rstrip("/")).redirect_page_id == trainers_room.pk


def test_an_anonymous_visitor_gets_a_404_at_a_restricted_pages_old_address(
    client, rename, trainers_room
):
    old_url = rename(trainers_room, "debrief-2026")
    assert_not_found(client.get(old_url), "debrief-2026")
    assert_not_found(client.get(f"{old_url}?utm_source=newsletter"), "debrief-2026")


def test_a_signed_in_visitor_outside_the_group_gets_a_404(client, rename, trainers_room):
    old_url = rename(trainers_room, "debrief-2026")
    someone = get_user_model().objects.create_user("someone", "s@example.org", "pw")
    client.force_login(someone)
    assert_not_found(client.get(old_url), "debrief-2026")


def test_a_member_of_the_group_is_redirected(client, rename, trainer, trainers_room):
    old_url = rename(trainers_room, "debrief-2026")
    client.force_login(trainer)
    response = client.get(old_url)
    assert response.status_code == 301
    assert response["Location"] == trainers_room.url == "/debrief-2026/"
    assert "no-store" in response["Cache-Control"]  # nobody keeps where a private page went
    assert client.get(response["Location"]).status_code == 200


def test_the_old_addresses_of_pages_below_a_restricted_one_stay_hidden(
    client, rename, trainer, trainers_room
):
    StandardPageFactory(parent=trainers_room, title="Handouts", slug="handouts")
    rename(trainers_room, "debrief-2026")
    assert_not_found(client.get("/trainers-room/handouts/"), "debrief-2026")
    client.force_login(trainer)
    response = client.get("/trainers-room/handouts/")
    assert response.status_code == 301
    assert response["Location"] == "/debrief-2026/handouts/"


def test_moving_a_public_page_into_a_restricted_one_hides_where_it_went(
    client, django_capture_on_commit_callbacks, trainer, trainers_room
):
    page = StandardPageFactory(parent=home_page(), title="Case notes", slug="case-notes")
    with django_capture_on_commit_callbacks(execute=True):
        page.move(trainers_room, pos="last-child")
    assert_not_found(client.get("/case-notes/"), "trainers-room")
    client.force_login(trainer)
    assert client.get("/case-notes/")["Location"] == "/trainers-room/case-notes/"


def test_an_unpublished_pages_old_address_is_a_404(client, rename, trainer):
    draft = StandardPageFactory(parent=home_page(), title="Plans", slug="plans")
    draft.unpublish()
    old_url = "/plans/"
    rename(draft, "plans-for-next-year")
    assert Redirect.objects.filter(redirect_page=draft).exists()
    assert_not_found(client.get(old_url), "plans-for-next-year")
    client.force_login(trainer)
    assert_not_found(client.get(old_url), "plans-for-next-year")


def test_the_old_address_of_a_page_below_an_unpublished_one_is_a_404(client, rename):
    section = StandardPageFactory(parent=home_page(), title="Section", slug="section")
    inside = StandardPageFactory(parent=section, title="Inside", slug="inside")
    old_url = rename(inside, "moved-inside")
    section.unpublish()
    assert_not_found(client.get(old_url), "moved-inside")


def test_a_public_pages_old_address_still_redirects(client, rename):
    page = StandardPageFactory(parent=home_page(), title="Resources", slug="resources")
    old_url = rename(page, "resources-for-teams")
    response = client.get(old_url)
    assert response.status_code == 301
    assert response["Location"] == "/resources-for-teams/"
    assert client.get(response["Location"]).status_code == 200


@pytest.mark.parametrize("permanent", [True, False])
def test_a_redirect_to_a_plain_url_still_works(client, db, permanent):
    home_page()
    Redirect.add_redirect(
        "/old-toolkit", redirect_to="https://ovc.ojp.gov/program/vtt", is_permanent=permanent
    )
    response = client.get("/old-toolkit/")
    assert response.status_code == (301 if permanent else 302)
    assert response["Location"] == "https://ovc.ojp.gov/program/vtt"
