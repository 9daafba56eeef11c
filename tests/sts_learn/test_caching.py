"""Every response says how it may be cached; only what every anonymous visitor sees is shared."""

import pytest
from django.contrib.auth.models import Group
from django.utils.cache import get_max_age
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from tests.courses.factories import (
    AudienceFactory,
    CoursePageFactory,
    HandoutFactory,
    ModulePageFactory,
    home_page,
)
from tests.home.factories import StandardPageFactory


def directives(response):
    return {part.strip().split("=")[0] for part in response["Cache-Control"].split(",")}


def is_shared(response):
    return "public" in directives(response) and "s-maxage" in response["Cache-Control"]


@pytest.fixture
def trainers(db):
    return Group.objects.get_or_create(name="Trainers")[0]


@pytest.fixture
def site(db, trainers):
    home = home_page()
    about = StandardPageFactory(parent=home, title="About", slug="about")
    course = CoursePageFactory(
        title="Understanding STS", audiences=[AudienceFactory(name="Supervisors", slug="sup")]
    )
    private = Collection.get_first_root_node().add_child(name="Trainer files")
    restriction = CollectionViewRestriction.objects.create(
        collection=private, restriction_type="groups"
    )
    restriction.groups.set([trainers])
    public_handout = HandoutFactory(title="Public handout")
    answer_key = HandoutFactory(title="Answer key", collection=private)
    module = ModulePageFactory(
        parent=course, title="Recognizing stress", handouts=[public_handout, answer_key]
    )
    trainer_page = ModulePageFactory(parent=course, title="Trainer notes")
    page_restriction = PageViewRestriction.objects.create(
        page=trainer_page, restriction_type="groups"
    )
    page_restriction.groups.set([trainers])
    return {
        "home": home, "about": about, "course": course, "module": module,
        "trainer_page": trainer_page, "public_handout": public_handout, "answer_key": answer_key,
    }  # fmt: skip


@pytest.fixture
def trainer(django_user_model, trainers):
    user = django_user_model.objects.create_user("trainer-test", password="pw")
    user.groups.add(trainers)
    return user


@pytest.mark.parametrize("page", ["home", "about", "course", "module"])
def test_anonymous_page_views_may_be_kept_by_a_shared_cache(client, site, page):
    response = client.get(site[page].url)
    assert response.status_code == 200
    assert is_shared(response)
    assert get_max_age(response) == 0  # browsers check back; the shared cache is purged
    assert "s-maxage=600" in response["Cache-Control"]
    assert not response.cookies and "Cookie" not in response.get("Vary", "")


def test_course_list_filters_it_makes_are_shared_and_unknown_values_are_not(client, site):
    assert is_shared(client.get("/courses/", {"audience": "sup"}))
    unknown = client.get("/courses/", {"audience": "made-up"})
    assert unknown.status_code == 404 and not is_shared(unknown)


def test_unknown_query_parameters_are_never_shared(client, site):
    """`?x=<random>` must not make a new copy in a shared cache for every value."""
    response = client.get(site["about"].url, {"x": "random-1234"})
    assert response.status_code == 200
    assert directives(response) >= {"private", "no-cache"}


def test_signed_in_visitors_get_private_pages(client, site, trainer):
    client.force_login(trainer)
    response = client.get(site["about"].url)
    assert directives(response) >= {"private", "no-cache"}
    assert not is_shared(response)


def test_restricted_page_is_never_stored_for_the_trainer_who_may_see_it(client, site, trainer):
    client.force_login(trainer)
    response = client.get(site["trainer_page"].url)
    assert response.status_code == 200
    assert directives(response) >= {"private", "no-store"}


def test_restricted_page_sends_anonymous_visitors_to_sign_in_uncached(client, site):
    response = client.get(site["trainer_page"].url)
    assert response.status_code == 302
    assert "private" in directives(response) and not is_shared(response)


def test_documents_are_private_and_restricted_ones_never_stored(client, site, trainer):
    public = client.get(site["public_handout"].url)
    assert public.status_code == 200
    assert directives(public) >= {"private", "no-cache"}
    assert public["ETag"]  # so the browser's check is cheap
    client.force_login(trainer)
    private = client.get(site["answer_key"].url)
    assert private.status_code == 200
    assert directives(private) >= {"private", "no-store"}


@pytest.mark.parametrize(
    "url", ["/search/?q=stress", "/kits/", "/no-such-page/", "/admin/login/", "/healthz/"]
)
def test_everything_else_is_private(client, site, url):
    response = client.get(url)
    assert "private" in directives(response), url
    assert not is_shared(response)


def test_kits_and_their_printouts_are_never_stored(client, site):
    module = site["module"]
    for url in (f"/kits/?items={module.pk}", f"/kits/agenda/?items={module.pk}",
                f"/kits/download/?items={module.pk}"):  # fmt: skip
        response = client.get(url)
        assert response.status_code == 200, url
        assert directives(response) >= {"private", "no-store"}, url


def test_sitemap_is_shared(client, site):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200 and is_shared(response)
