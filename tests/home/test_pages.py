"""What visitors see on the consortium's pages, built by the demo loader."""

import json

import pytest
from bs4 import BeautifulSoup
from wagtail.models import PageViewRestriction

from demo.loader import DEMO_DIR
from home.models import DomainPage, HomePage, SiteSettings

SITE_TEXT = json.loads((DEMO_DIR / "consortium.json").read_text(encoding="utf-8"))
PUBLIC_URLS = ["/", "/science/", "/advocacy/", "/education/", "/practice/", "/about/", "/terms/"]


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def text_of(response):
    return " ".join(soup(response).get_text(" ").split())


@pytest.mark.django_db
@pytest.mark.parametrize("url", [*PUBLIC_URLS, "/search/", "/search/?q=stress"])
def test_every_contract_url_answers(client, demo_site, url):
    assert client.get(url).status_code == 200


@pytest.mark.django_db
def test_admin_url_leads_to_the_sign_in_page(client, demo_site):
    response = client.get("/admin/", follow=True)
    assert response.status_code == 200
    assert soup(response).find("input", attrs={"name": "username"}) is not None


@pytest.mark.django_db
def test_home_page_shows_the_mission_word_for_word(client, demo_site):
    page_text = text_of(client.get("/"))
    assert SITE_TEXT["mission"] in page_text
    assert "Mission Statement" in page_text


@pytest.mark.django_db
def test_home_page_lists_every_goal_in_order(client, demo_site):
    goals = [
        " ".join(li.get_text().split()) for li in soup(client.get("/")).select(".goal-list li")
    ]
    assert goals == SITE_TEXT["goals"]
    assert len(goals) == 5


@pytest.mark.django_db
def test_home_page_links_the_four_domains_and_each_link_works(client, demo_site):
    page = soup(client.get("/"))
    links = page.select(".card--domain a")
    assert [a.get_text(strip=True) for a in links] == [
        "Science",
        "Advocacy",
        "Education",
        "Practice",
    ]
    for link in links:
        response = client.get(link["href"])
        assert response.status_code == 200
        assert soup(response).h1.get_text(strip=True) == link.get_text(strip=True)
    assert SITE_TEXT["domains_intro"] in text_of(client.get("/"))


@pytest.mark.django_db
def test_home_page_has_a_start_here_for_each_kind_of_visitor(client, demo_site):
    cards = soup(client.get("/")).select(".card--path")
    audiences = [card.h3.get_text(strip=True) for card in cards]
    assert audiences == ["Trainers", "HR leaders", "Editors"]
    hrefs = [card.a["href"] for card in cards]
    assert hrefs == ["/education/", "/handouts/", "/admin/"]


@pytest.mark.django_db
def test_unpublished_domain_disappears_from_the_home_page(client, demo_site):
    DomainPage.objects.get(slug="advocacy").unpublish()
    titles = [a.get_text(strip=True) for a in soup(client.get("/")).select(".card--domain a")]
    assert "Advocacy" not in titles
    assert client.get("/advocacy/").status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("url", [*PUBLIC_URLS, "/search/?q=stress", "/no-such-page/"])
def test_every_public_page_has_the_footer_disclaimer_and_terms_link(client, demo_site, url):
    footer = soup(client.get(url)).find("footer")
    settings = SiteSettings.for_site(demo_site.get_site())
    assert settings.footer_disclaimer in " ".join(footer.get_text(" ").split())
    assert footer.find("a", href="/terms/").get_text(strip=True) == (
        "Legal Disclaimer and Terms of Use"
    )


@pytest.mark.django_db
def test_footer_follows_the_site_settings(client, demo_site):
    settings = SiteSettings.for_site(demo_site.get_site())
    settings.footer_disclaimer = "Changed by an editor."
    settings.contact_email = "hello@example.org"
    settings.save()
    footer = soup(client.get("/about/")).find("footer")
    assert "Changed by an editor." in footer.get_text()
    assert footer.find("a", href="mailto:hello@example.org") is not None


@pytest.mark.django_db
def test_terms_page_carries_the_full_disclaimer(client, demo_site):
    page_text = text_of(client.get("/terms/"))
    for paragraph in SITE_TEXT["terms_paragraphs"]:
        assert paragraph in page_text
    assert "Click here" not in page_text


@pytest.mark.django_db
def test_domain_pages_name_their_sources(client, demo_site):
    page_text = text_of(client.get("/science/"))
    assert "Secondary Traumatic Stress Scale (STSS)" in page_text
    assert "https://doi.org/10.1177/1049731503254106" in page_text


@pytest.mark.django_db
def test_navigation_marks_the_current_page(client, demo_site):
    nav = soup(client.get("/science/")).find("nav", attrs={"aria-label": "Main"})
    current = nav.find(attrs={"aria-current": "page"})
    assert current.get_text(strip=True) == "Science"


@pytest.mark.django_db
def test_breadcrumbs_lead_back_home(client, demo_site):
    crumbs = soup(client.get("/about/")).find("nav", attrs={"aria-label": "Breadcrumb"})
    assert crumbs.find("a", href="/").get_text(strip=True) == "Home"
    assert crumbs.find(attrs={"aria-current": "page"}).get_text(strip=True) == (
        "About the STS Consortium"
    )


@pytest.mark.django_db
def test_page_has_skip_link_landmarks_and_a_labelled_search_box(client, demo_site):
    page = soup(client.get("/"))
    skip = page.find("a", class_="skip-link")
    assert skip["href"] == "#main-content"
    assert page.find("main", id="main-content") is not None
    assert page.find("header") and page.find("footer") and page.find("nav")
    search_input = page.find("input", attrs={"name": "q"})
    assert page.find("label", attrs={"for": search_input["id"]}) is not None


@pytest.mark.django_db
def test_unknown_address_gets_a_helpful_404(client, demo_site):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    page = soup(response)
    assert "can’t find that page" in page.h1.get_text()
    assert page.find("form", attrs={"role": "search"}) is not None


@pytest.mark.django_db
def test_restricted_page_asks_anonymous_visitors_to_sign_in(client, demo_site):
    about = demo_site.get_children().get(slug="about")
    PageViewRestriction.objects.create(page=about, restriction_type="login")
    response = client.get("/about/")
    assert response.status_code == 302
    assert response["Location"].startswith("/sign-in/?next=/about/")


@pytest.mark.django_db
def test_only_one_home_page_after_loading(demo_site):
    assert HomePage.objects.count() == 1
