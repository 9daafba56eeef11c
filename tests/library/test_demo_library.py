"""The demo loader makes the library at /handouts/, and HR leaders start there."""

from wagtail.models import Page

from demo.loader import DemoLoader
from library.models import HandoutLibraryPage
from tests.courses.helpers import soup, squash


def test_the_demo_has_the_library_at_handouts_in_the_navigation(client, demo_site):
    library = HandoutLibraryPage.objects.get()
    assert library.url == "/handouts/"
    assert library.title == "Handout library"
    assert library.live and library.show_in_menus
    response = client.get("/handouts/")
    assert response.status_code == 200
    assert squash(soup(response).select_one(".lead").get_text()) == library.intro
    nav = soup(response).find("nav", attrs={"aria-label": "Main"})
    current = nav.find(attrs={"aria-current": "page"})
    assert (current["href"], squash(current.get_text())) == ("/handouts/", "Handout library")


def test_the_hr_leaders_card_leads_to_the_library(client, demo_site):
    cards = soup(client.get("/")).select(".card--path")
    hr_leaders = next(card for card in cards if card.h3.get_text(strip=True) == "HR leaders")
    assert hr_leaders.a["href"] == "/handouts/"
    assert squash(hr_leaders.a.get_text()).startswith("Find a handout")


def test_loading_again_keeps_an_editors_library(demo_site):
    library = HandoutLibraryPage.objects.get()
    library.title = "Handouts for your team"
    library.slug = "library"
    library.save_revision().publish()
    pages = Page.objects.count()
    loader = DemoLoader(log=lambda *args: None)
    loader.load_site(courses=False)
    assert loader.created == 0
    assert Page.objects.count() == pages
    assert HandoutLibraryPage.objects.get().title == "Handouts for your team"
