"""The page cache serves anonymous visitors fast and never serves anything stale or private."""

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from home.models import DomainPage, SiteSettings
from pagecache.middleware import CACHE_HEADER


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 60
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.mark.django_db
def test_second_anonymous_view_comes_from_the_cache_without_a_query(client, demo_site, page_cache):
    first = client.get("/science/")
    assert first[CACHE_HEADER] == "miss"
    with CaptureQueriesContext(connection) as queries:
        second = client.get("/science/")
    assert second[CACHE_HEADER] == "hit"
    assert len(queries) == 0
    assert second.content == first.content
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]
    assert not second.cookies


@pytest.mark.django_db
def test_publishing_empties_the_cache(client, demo_site, page_cache):
    client.get("/science/")
    science = DomainPage.objects.get(slug="science")
    science.summary = "A freshly published summary."
    science.save_revision().publish()
    response = client.get("/science/")
    assert response[CACHE_HEADER] == "miss"
    assert b"A freshly published summary." in response.content


@pytest.mark.django_db
def test_unpublished_page_is_not_served_from_the_cache(client, demo_site, page_cache):
    client.get("/advocacy/")
    DomainPage.objects.get(slug="advocacy").unpublish()
    assert client.get("/advocacy/").status_code == 404
    assert b"/advocacy/" not in client.get("/").content


@pytest.mark.django_db
def test_restricting_a_page_empties_the_cache_and_it_is_never_stored(client, demo_site, page_cache):
    client.get("/practice/")
    practice = DomainPage.objects.get(slug="practice")
    restriction = PageViewRestriction.objects.create(page=practice, restriction_type="groups")
    restriction.groups.set([Group.objects.get(name="Editors")])
    response = client.get("/practice/")
    assert response.status_code == 302
    assert CACHE_HEADER not in client.get("/practice/")


@pytest.mark.django_db
def test_site_settings_change_reaches_cached_pages(client, demo_site, page_cache):
    client.get("/about/")
    settings_row = SiteSettings.for_site(demo_site.get_site())
    settings_row.footer_disclaimer = "A new footer line."
    settings_row.save()
    assert b"A new footer line." in client.get("/about/").content


@pytest.mark.django_db
def test_signed_in_visitors_bypass_the_cache(client, demo_site, page_cache, django_user_model):
    client.get("/science/")
    client.force_login(django_user_model.objects.create_user("reader", password="pw"))
    response = client.get("/science/")
    assert CACHE_HEADER not in response
    assert response.status_code == 200


@pytest.mark.django_db
def test_search_results_are_not_cached(client, demo_site, page_cache):
    client.get("/search/", {"q": "stress"})
    assert CACHE_HEADER not in client.get("/search/", {"q": "stress"})


@pytest.mark.django_db
def test_cache_is_off_by_default(client, demo_site):
    client.get("/science/")
    assert CACHE_HEADER not in client.get("/science/")


@pytest.mark.django_db
def test_query_strings_are_cached_separately(client, demo_site, page_cache):
    client.get("/science/", {"audience": "supervisors"})
    response = client.get("/science/", {"audience": "trainers"})
    assert response[CACHE_HEADER] == "miss"
    assert client.get("/science/", {"audience": "trainers"})[CACHE_HEADER] == "hit"


@pytest.mark.django_db
def test_unknown_query_strings_are_served_but_never_stored(client, demo_site, page_cache):
    client.get("/science/", {"utm_source": "newsletter"})
    response = client.get("/science/", {"utm_source": "newsletter"})
    assert response.status_code == 200
    assert CACHE_HEADER not in response


def test_memos_are_off_where_processes_do_not_share_the_cache(settings):
    from pagecache.cache import remember

    settings.MEMO_ALLOWED = False
    calls = []
    for _ in range(2):
        remember("counter", lambda: calls.append(1) or len(calls))
    assert len(calls) == 2
    settings.MEMO_ALLOWED = True
    for _ in range(2):
        remember("counter", lambda: calls.append(1) or len(calls))
    assert len(calls) == 3
