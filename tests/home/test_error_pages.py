import pytest
from bs4 import BeautifulSoup
from django.template.loader import render_to_string
from wagtail.models import PageViewRestriction

from tests.home.factories import StandardPageFactory


def test_server_error_page_renders_without_a_database_or_context():
    page = BeautifulSoup(render_to_string("500.html"), "html.parser")
    assert page.h1.get_text(strip=True) == "Something went wrong on our side"
    assert page.find("a", href="/") is not None
    assert page.find("main", id="main-content") is not None


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
