"""The header's account link: one for every anonymous visitor, the person's own once signed in."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group

from roles.groups import EDITORS


def account_area(response):
    return BeautifulSoup(response.content, "html.parser").select_one(".site-header .site-account")


def text(element):
    return " ".join(element.get_text().split())


@pytest.mark.django_db
def test_anonymous_home_has_the_sign_in_link_and_stays_shared(client, demo_site):
    response = client.get("/")
    area = account_area(response)
    assert area.find("a", string="Sign in")["href"].startswith("/sign-in/?back=")
    assert "Signed in as" not in text(area)
    assert "public" in response["Cache-Control"] and "s-maxage" in response["Cache-Control"]
    assert not response.cookies
    assert "Cookie" not in response.get("Vary", "")


@pytest.mark.django_db
def test_the_header_is_the_same_for_every_anonymous_visitor(client, demo_site, trainer):
    first = account_area(client.get("/about/"))
    client.force_login(trainer)
    client.logout()
    client.cookies.clear()
    assert str(account_area(client.get("/about/"))) == str(first)


@pytest.mark.django_db
def test_a_signed_in_trainer_sees_their_name_and_a_private_page(client, demo_site, trainer):
    client.force_login(trainer)
    response = client.get("/")
    area = account_area(response)
    assert "Signed in as Tess Trainer" in text(area)
    form = area.find("form")
    assert form["method"] == "post" and form["action"] == "/sign-out/"
    assert form.find("input", attrs={"name": "csrfmiddlewaretoken"})
    assert form.find("button").get_text() == "Sign out"
    assert area.find("a", string="Sign in") is None
    assert area.find("a", string="Admin") is None  # trainers have no admin access
    assert "private" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]


@pytest.mark.django_db
def test_a_user_without_a_full_name_is_named_by_username(client, demo_site, django_user_model):
    client.force_login(django_user_model.objects.create_user("hr-lead", "hr@example.org", "pw"))
    assert "Signed in as hr-lead" in text(account_area(client.get("/")))


@pytest.mark.django_db
def test_an_editor_also_gets_a_link_to_the_admin(client, demo_site, django_user_model):
    editor = django_user_model.objects.create_user("ed", "ed@example.org", "pw")
    editor.groups.add(Group.objects.get(name=EDITORS))
    client.force_login(editor)
    assert account_area(client.get("/")).find("a", string="Admin")["href"] == "/admin/"
