"""Drafts, trainer-only modules and private files never reach a visitor who may not see them."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from courses.models import CourseDocument, CoursePage, ModulePage
from home.models import SiteSettings
from tests.home.factories import DomainPageFactory

from .factories import (
    AudienceFactory,
    CoursePageFactory,
    HandoutFactory,
    ModulePageFactory,
    ReferenceFactory,
    course_index,
    home_page,
)
from .helpers import facts, get_ok, soup, squash, text_of

HIDDEN_TITLES = ["Draft module", "Trainer-only module", "Trainer answer sheet"]


@pytest.fixture
def trainers(db):
    return Group.objects.get_or_create(name="Trainers")[0]


@pytest.fixture
def world(db, trainers):
    """A course with a public module, a draft module and a trainer-only module, all in Science;
    the public module has a public handout and one in a signed-in-only collection."""
    home = home_page()
    SiteSettings.for_site(home.get_site())  # as on a running site: the settings row exists
    science = DomainPageFactory(parent=home, title="Science", slug="science")
    course = CoursePageFactory(
        title="Understanding STS",
        audiences=[AudienceFactory(name="Trainers", slug="trainers")],
        domains=[science],
    )
    private = Collection.get_first_root_node().add_child(name="Trainer files")
    CollectionViewRestriction.objects.create(collection=private, restriction_type="login")
    public = ModulePageFactory(
        parent=course,
        title="Public module",
        duration_minutes=45,
        domains=[science],
        handouts=[
            HandoutFactory(title="Public handout"),
            HandoutFactory(title="Trainer answer sheet", collection=private),
        ],
    )
    draft = ModulePageFactory(
        parent=course, title="Draft module", duration_minutes=30, domains=[science], live=False
    )
    trainer_only = ModulePageFactory(
        parent=course,
        title="Trainer-only module",
        duration_minutes=50,
        domains=[science],
        references=[ReferenceFactory(title="A restricted study")],
    )
    restriction = PageViewRestriction.objects.create(page=trainer_only, restriction_type="groups")
    restriction.groups.add(trainers)
    return {
        "course": course,
        "index": course_index(),
        "science": science,
        "public": public,
        "draft": draft,
        "trainer_only": trainer_only,
        "private_handout": CourseDocument.objects.get(title="Trainer answer sheet"),
    }


def listed_modules(response):
    return [squash(h.get_text()) for h in soup(response).select(".module-list__title")]


def course_card(response, title):
    for card in soup(response).select(".card--course"):
        if squash(card.select_one(".card__title").get_text()) == title:
            return facts(card)
    raise AssertionError(f"no card for {title}")


def assert_nothing_hidden(response):
    html = response.content.decode()
    for title in HIDDEN_TITLES:
        assert title not in html, f"{title!r} shown on {response.wsgi_request.path}"


# --- Anonymous visitors ---------------------------------------------------------------------------


def test_course_page_hides_draft_and_trainer_only_modules(client, world):
    response = get_ok(client, world["course"].url)
    assert listed_modules(response) == ["Public module"]
    assert facts(soup(response))["Total duration"] == "45 min"
    assert facts(soup(response))["Modules"] == "1"
    assert_nothing_hidden(response)


def test_course_index_counts_only_what_visitors_may_see(client, world):
    response = get_ok(client, world["index"].url)
    card = course_card(response, "Understanding STS")
    assert (card["Modules"], card["Duration"]) == ("1", "45 min")
    assert_nothing_hidden(response)


def test_domain_page_lists_only_public_modules(client, world):
    response = get_ok(client, world["science"].url)
    modules = soup(response).select_one("#domain-modules-heading").find_parent("section")
    assert [squash(a.get_text()) for a in modules.select("a")] == ["Public module"]
    card = course_card(response, "Understanding STS")
    assert (card["Modules"], card["Duration"]) == ("1", "45 min")
    assert_nothing_hidden(response)


def test_module_page_hides_private_files_and_hidden_modules(client, world):
    response = get_ok(client, world["public"].url)
    handouts = [squash(a.get_text()) for a in soup(response).select(".document-list__link")]
    assert handouts == ["Public handout"]
    assert world["private_handout"].url not in response.content.decode()
    assert soup(response).select_one("nav.pager a[rel=next]") is None
    assert squash(soup(response).select_one(".eyebrow").get_text()).startswith("Module 1 of 1")
    assert_nothing_hidden(response)


def test_hidden_pages_and_files_cannot_be_opened_directly(client, world):
    trainer_only, draft = world["trainer_only"], world["draft"]
    assert client.get(draft.url).status_code == 404
    assert client.get(f"{draft.url}references/ris/").status_code == 404
    for url in (
        trainer_only.url,
        f"{trainer_only.url}references/ris/",
        f"{trainer_only.url}references/bibtex/",
        world["private_handout"].url,
    ):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/sign-in/?next="), url
        assert b"A restricted study" not in response.content


@pytest.mark.parametrize("name", ["course", "public", "index", "science"])
def test_anonymous_pages_set_no_cookie_and_stay_cacheable(client, world, name):
    response = get_ok(client, world[name].url)
    assert not response.cookies
    assert "Cookie" not in response.get("Vary", "")


def test_anonymous_reference_downloads_set_no_cookie(client, world):
    response = get_ok(client, f"{world['public'].url}references/ris/")
    assert not response.cookies
    assert "Cookie" not in response.get("Vary", "")


# --- Signed-in visitors ---------------------------------------------------------------------------


@pytest.fixture
def trainer_client(client, world, trainers, django_user_model):
    user = django_user_model.objects.create_user("trainer-test", "t@example.org", "pw")
    user.groups.add(trainers)
    client.force_login(user)
    return client


@pytest.fixture
def member_client(client, world, django_user_model):
    """Signed in, but not a trainer."""
    user = django_user_model.objects.create_user("hr-test", "hr@example.org", "pw")
    user.groups.add(Group.objects.get_or_create(name="HR leaders")[0])
    client.force_login(user)
    return client


def test_trainer_sees_the_trainer_only_module(trainer_client, world):
    response = get_ok(trainer_client, world["course"].url)
    assert listed_modules(response) == ["Public module", "Trainer-only module"]
    assert facts(soup(response))["Total duration"] == "1 h 35 min"
    card = course_card(get_ok(trainer_client, world["index"].url), "Understanding STS")
    assert (card["Modules"], card["Duration"]) == ("2", "1 h 35 min")
    domain = get_ok(trainer_client, world["science"].url)
    assert "Trainer-only module" in text_of(domain)
    module = get_ok(trainer_client, world["trainer_only"].url)
    assert "A restricted study" in text_of(module)
    assert "Draft module" not in response.content.decode()


def test_signed_in_visitor_sees_private_files_but_not_trainer_modules(member_client, world):
    response = get_ok(member_client, world["public"].url)
    handouts = [squash(a.get_text()) for a in soup(response).select(".document-list__link")]
    assert handouts == ["Public handout", "Trainer answer sheet"]
    assert member_client.get(world["private_handout"].url).status_code == 200
    assert listed_modules(get_ok(member_client, world["course"].url)) == ["Public module"]
    assert member_client.get(world["trainer_only"].url).status_code == 302


def test_unpublishing_a_module_hides_it_everywhere(client, world):
    ModulePage.objects.get(pk=world["public"].pk).unpublish()
    assert listed_modules(get_ok(client, world["course"].url)) == []
    card = course_card(get_ok(client, world["index"].url), "Understanding STS")
    assert (card["Modules"], card["Duration"]) == ("0", "—")
    assert "Public module" not in text_of(get_ok(client, world["science"].url))


# --- Changes after the fact -----------------------------------------------------------------------


def test_modules_of_an_unpublished_course_leave_the_domain_page(client, world):
    CoursePage.objects.get(pk=world["course"].pk).unpublish()
    assert world["course"].url and client.get(world["course"].url).status_code == 404
    assert "Public module" not in text_of(get_ok(client, world["science"].url))


def test_moving_a_private_collection_keeps_its_files_off_module_pages(client, admin_client, world):
    staff_area = Collection.get_first_root_node().add_child(name="Staff area")
    private = world["private_handout"].collection
    get_ok(client, world["public"].url)
    response = admin_client.post(
        reverse("wagtailadmin_collections:edit", args=[private.pk]),
        {"name": private.name, "parent": staff_area.pk},
    )
    assert response.status_code == 302
    assert Collection.objects.get(pk=private.pk).get_parent() == staff_area
    assert client.get(world["private_handout"].url).status_code == 302
    response = get_ok(client, world["public"].url)
    assert_nothing_hidden(response)


def test_restricting_a_module_later_hides_it_at_once(client, world, trainers):
    get_ok(client, world["course"].url)
    restriction = PageViewRestriction.objects.create(
        page=world["public"], restriction_type="groups"
    )
    restriction.groups.add(trainers)
    response = get_ok(client, world["course"].url)
    assert listed_modules(response) == []
    assert client.get(world["public"].url).status_code == 302


def test_making_a_collection_private_later_hides_its_files_at_once(client, world):
    get_ok(client, world["public"].url)
    public_handout = CourseDocument.objects.get(title="Public handout")
    CollectionViewRestriction.objects.create(
        collection=public_handout.collection, restriction_type="login"
    )
    response = get_ok(client, world["public"].url)
    assert soup(response).select(".document-list__link") == []
