import pytest
from bs4 import BeautifulSoup
from wagtail.models import PageViewRestriction

from home.models import DomainPage
from tests.home.factories import DomainPageFactory


def result_titles(response):
    page = BeautifulSoup(response.content, "html.parser")
    return [h3.get_text(strip=True) for h3 in page.select(".search-results h3")]


@pytest.mark.django_db
def test_search_finds_published_pages(client, demo_site):
    response = client.get("/search/", {"q": "vicarious"})
    assert response.status_code == 200
    assert "Science" in result_titles(response)


@pytest.mark.django_db
def test_search_never_shows_an_unpublished_page(client, demo_site):
    draft = DomainPageFactory(
        parent=demo_site, title="Zebrafish draft", slug="zebrafish", summary="zebrafish", live=False
    )
    assert not DomainPage.objects.get(pk=draft.pk).live
    assert "Zebrafish draft" not in result_titles(client.get("/search/", {"q": "zebrafish"}))


@pytest.mark.django_db
def test_search_never_shows_a_restricted_page(client, demo_site):
    restricted = DomainPageFactory(
        parent=demo_site, title="Zebrafish members", slug="members", summary="zebrafish"
    )
    PageViewRestriction.objects.create(page=restricted, restriction_type="login")
    titles = result_titles(client.get("/search/", {"q": "zebrafish"}))
    assert "Zebrafish members" not in titles


@pytest.mark.django_db
def test_empty_search_invites_a_query(client, demo_site):
    response = client.get("/search/")
    assert response.status_code == 200
    assert "Type a word or two" in response.content.decode()


@pytest.mark.django_db
def test_search_with_no_match_says_so(client, demo_site):
    response = client.get("/search/", {"q": "qwertyuiopzxcv"})
    assert response.status_code == 200
    assert "0 results" in response.content.decode()
    assert "Nothing matched" in response.content.decode()


@pytest.mark.django_db
def test_overlong_query_gets_a_clear_400(client, demo_site):
    response = client.get("/search/", {"q": "stress " * 100})
    assert response.status_code == 400
    assert "Your search is too long" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("page", ["abc", "-1", "99999", "1e9"])
def test_bad_page_number_still_shows_results(client, demo_site, page):
    response = client.get("/search/", {"q": "stress", "page": page})
    assert response.status_code == 200
    assert result_titles(response)


@pytest.mark.django_db
@pytest.mark.parametrize("query", ['"', 'a"b', "stress*", "(burnout", "x:y", "\\"])
def test_search_syntax_characters_never_cause_an_error(client, demo_site, query):
    response = client.get("/search/", {"q": query})
    assert response.status_code in (200, 400)
    assert b"Search" in response.content
