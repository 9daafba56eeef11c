import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from wagtail.models import PageViewRestriction

from tests.home.factories import StandardPageFactory


def squash(text):
    return " ".join(text.split())


@pytest.mark.django_db
def test_server_error_page_renders_without_a_database_or_context(django_assert_num_queries):
    with django_assert_num_queries(0):
        html = render_to_string("500.html")
    page = BeautifulSoup(html, "html.parser")
    assert page.h1.get_text(strip=True) == "Something went wrong on our side"
    assert page.find("a", href="/") is not None
    assert page.find("main", id="main-content") is not None
    assert "STS Learn" in page.header.get_text()


def test_server_error_page_is_styled_by_a_file_that_exists_under_its_plain_address():
    """No {% static %} (a manifest lookup could fail while the error renders) and no inline style
    (the Content-Security-Policy forbids it): one stylesheet by its unhashed address."""
    page = BeautifulSoup(render_to_string("500.html"), "html.parser")
    assert page.find("style") is None and not page.select("[style]")
    assert [link["href"] for link in page.select("link[rel=stylesheet]")] == [
        "/static/css/error-page.css"
    ]
    assert settings.STATIC_URL == "/static/"
    assert finders.find("css/error-page.css")


@pytest.mark.django_db
def test_not_found_page_says_what_happened_and_offers_ways_on(client, demo_site):
    response = client.get("/courses/no-such-course/")
    assert response.status_code == 404
    page = BeautifulSoup(response.content, "html.parser")
    main = page.find("main")
    assert squash(main.h1.get_text()) == "We can’t find that page"
    assert "What may have happened" in [squash(h.get_text()) for h in main.find_all("h2")]
    search = main.find("form", attrs={"role": "search"})
    assert search["action"] == "/search/" and search.find("input", attrs={"name": "q"})
    ways = {squash(a.contents[0]): a["href"] for a in main.select(".not-found__ways a")}
    assert ways == {"Courses": "/courses/", "Handout library": "/handouts/", "Home page": "/"}
    assert page.find("meta", attrs={"name": "robots", "content": "noindex"})


@pytest.mark.django_db
def test_sitemap_lists_public_pages_only(client, demo_site):
    PageViewRestriction.objects.create(
        page=demo_site.get_children().get(slug="about"), restriction_type="login"
    )
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "/science/</loc>" in sitemap
    assert "/terms/</loc>" in sitemap
    assert "/about/</loc>" not in sitemap


@pytest.mark.django_db
def test_sitemap_leaves_out_pages_under_an_unpublished_page(client, demo_site):
    section = StandardPageFactory(parent=demo_site, title="Section", slug="section")
    StandardPageFactory(parent=section, title="Inside", slug="inside")
    section.unpublish()
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "/section/inside/</loc>" not in sitemap
    assert client.get("/section/inside/").status_code == 404
