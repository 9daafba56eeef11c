"""Site search as visitors use it: what it finds, labels and filters, and what it never shows."""

import time

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from courses.models import CourseDocument, DocumentKind
from search.models import SearchEntry, UnansweredQuery
from tests.courses.factories import (
    AudienceFactory,
    CoursePageFactory,
    HandoutFactory,
    ModulePageFactory,
    home_page,
)
from tests.home.factories import DomainPageFactory


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def results(response):
    """(kind label, title) of each result, in order."""
    return [
        (
            item.select_one(".search-results__kind").get_text(strip=True).split(" · ")[0],
            item.select_one("h3").get_text(strip=True),
        )
        for item in soup(response).select("ol.search-results .search-results__item")
    ]


def titles(response):
    return [title for _kind, title in results(response)]


@pytest.fixture
def trainers(db):
    return Group.objects.get_or_create(name="Trainers")[0]


@pytest.fixture
def world(db, trainers):
    """Science and Practice; a course for supervisors in Science with a public module and its
    handout, a trainer-only module with a printed handout, a private handout, a draft module and
    an unpublished course whose module is still live."""
    home = home_page()
    science = DomainPageFactory(
        parent=home, title="Science", slug="science", summary="Research on zebrafinch stress."
    )
    practice = DomainPageFactory(parent=home, title="Practice", slug="practice")
    supervisors = AudienceFactory(name="Supervisors", slug="supervisors")
    course = CoursePageFactory(
        title="Zebrafinch course", audiences=[supervisors], domains=[science]
    )
    private = Collection.get_first_root_node().add_child(name="Trainer files")
    CollectionViewRestriction.objects.create(collection=private, restriction_type="login")
    public = ModulePageFactory(
        parent=course, title="Zebrafinch signs", summary="Signs of zebrafinch stress.",
        domains=[science],
    )  # fmt: skip
    handout = HandoutFactory(
        title="Zebrafinch worksheet", description="A worksheet about zebrafinch signs."
    )
    handout.audiences.set([supervisors])
    HandoutFactory(title="Zebrafinch answer key", collection=private)
    trainer_only = ModulePageFactory(
        parent=course, title="Zebrafinch trainer module", domains=[science]
    )
    restriction = PageViewRestriction.objects.create(page=trainer_only, restriction_type="groups")
    restriction.groups.add(trainers)
    HandoutFactory(title="Zebrafinch trainer printout", generated_for=trainer_only)
    ModulePageFactory(parent=course, title="Zebrafinch draft module", live=False)
    offline_course = CoursePageFactory(title="Withdrawn course", summary="Old material.")
    ModulePageFactory(parent=offline_course, title="Zebrafinch withdrawn module")
    offline_course.unpublish()
    return {"home": home, "science": science, "practice": practice, "public": public}


PUBLIC_TITLES = {"Zebrafinch course", "Zebrafinch signs", "Zebrafinch worksheet", "Science"}
HIDDEN_TITLES = {
    "Zebrafinch answer key",
    "Zebrafinch trainer module",
    "Zebrafinch trainer printout",
    "Zebrafinch draft module",
    "Zebrafinch withdrawn module",
}


@pytest.mark.django_db
def test_finds_pages_and_handouts_labelled_by_kind(client, world):
    response = client.get("/search/", {"q": "zebrafinch"})
    assert response.status_code == 200
    found = {title: kind for kind, title in results(response)}
    assert found["Zebrafinch course"] == "Course"
    assert found["Zebrafinch signs"] == "Module"
    assert found["Zebrafinch worksheet"] == "Handout"
    assert found["Science"] == "Page"


@pytest.mark.django_db
def test_the_specific_comes_before_the_general(client, world):
    order = titles(client.get("/search/", {"q": "zebrafinch stress"}))
    assert order.index("Zebrafinch signs") < order.index("Science")


@pytest.mark.django_db
def test_an_anonymous_visitor_never_sees_a_hidden_page_or_file(client, world):
    shown = set(titles(client.get("/search/", {"q": "zebrafinch"})))
    assert shown >= PUBLIC_TITLES
    assert not shown & HIDDEN_TITLES


@pytest.mark.django_db
def test_a_trainer_sees_the_trainer_only_module_and_its_printout(client, world, trainers):
    trainer = get_user_model().objects.create_user("trainer-x", password="pw")
    trainer.groups.add(trainers)
    client.force_login(trainer)
    shown = set(titles(client.get("/search/", {"q": "zebrafinch"})))
    assert {"Zebrafinch trainer module", "Zebrafinch trainer printout"} <= shown
    # Signed in, so the login-only collection opens too; drafts and withdrawn pages never do.
    assert "Zebrafinch answer key" in shown
    assert not shown & {"Zebrafinch draft module", "Zebrafinch withdrawn module"}


@pytest.mark.django_db
def test_restricting_a_page_hides_it_on_the_next_search(client, world, trainers):
    assert "Zebrafinch signs" in titles(client.get("/search/", {"q": "zebrafinch"}))
    PageViewRestriction.objects.create(page=world["public"], restriction_type="login")
    assert "Zebrafinch signs" not in titles(client.get("/search/", {"q": "zebrafinch"}))


@pytest.mark.django_db
def test_unpublishing_removes_a_page_and_publishing_brings_it_back(client, world):
    module = world["public"]
    module.unpublish()
    assert "Zebrafinch signs" not in titles(client.get("/search/", {"q": "zebrafinch"}))
    module.refresh_from_db()
    module.save_revision().publish()
    assert "Zebrafinch signs" in titles(client.get("/search/", {"q": "zebrafinch"}))


@pytest.mark.django_db
def test_publishing_new_words_makes_them_findable(client, world):
    module = world["public"]
    module.summary = "Now about quokka resilience."
    module.save_revision().publish()
    assert titles(client.get("/search/", {"q": "quokka"})) == ["Zebrafinch signs"]


@pytest.mark.django_db
def test_filters_narrow_and_compose(client, world):
    def found(**params):
        return set(titles(client.get("/search/", {"q": "zebrafinch", **params})))

    assert found(kind="handout") == {"Zebrafinch worksheet"}
    assert found(kind="module") == {"Zebrafinch signs"}
    assert "Science" in found(domain="science")
    assert "Zebrafinch course" in found(domain="science")
    assert found(domain="practice") == set()
    assert found(audience="supervisors") == {
        "Zebrafinch course", "Zebrafinch signs", "Zebrafinch worksheet"
    }  # fmt: skip
    assert found(audience="supervisors", kind="handout") == {"Zebrafinch worksheet"}
    assert found(audience="supervisors", kind="page") == set()


@pytest.mark.django_db
def test_an_empty_filtered_result_offers_to_search_everything(client, world):
    response = client.get("/search/", {"q": "zebrafinch", "domain": "practice"})
    assert response.status_code == 200
    page = soup(response)
    assert "Nothing matched with these filters" in page.get_text()
    assert page.find("a", string="Search everything instead")["href"] == "?q=zebrafinch"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params",
    [{"kind": "spreadsheet"}, {"domain": "no-such-domain"}, {"audience": "martians"}],
)
def test_unknown_filters_are_a_404_with_a_message(client, world, params):
    response = client.get("/search/", {"q": "zebrafinch", **params})
    assert response.status_code == 404
    assert "Please choose from the list" in response.content.decode()
    assert "Zebrafinch" not in "".join(titles(response))


@pytest.mark.django_db
def test_a_filter_link_never_names_a_restricted_domain(client, world):
    PageViewRestriction.objects.create(page=world["practice"], restriction_type="login")
    response = client.get("/search/", {"q": "zebrafinch"})
    assert "domain=practice" not in response.content.decode()
    assert client.get("/search/", {"q": "zebrafinch", "domain": "practice"}).status_code == 404


@pytest.mark.django_db
def test_results_are_paginated_with_links_that_keep_the_filters(client, world):
    for number in range(12):
        HandoutFactory(title=f"Zebrafinch card {number}")
    first = client.get("/search/", {"q": "zebrafinch", "kind": "handout"})
    page = soup(first)
    assert "13 results" in page.select_one(".search-summary").get_text()
    assert len(titles(first)) == 10
    next_link = page.find("a", string="Next page")["href"]
    assert "kind=handout" in next_link and "page=2" in next_link
    assert len(titles(client.get(f"/search/{next_link}"))) == 3


@pytest.mark.django_db
def test_an_excerpt_marks_the_matched_words(client, world):
    response = client.get("/search/", {"q": "zebrafinch"})
    marks = [mark.get_text() for mark in soup(response).select(".search-results__excerpt mark")]
    assert marks and all(mark.lower() == "zebrafinch" for mark in marks)


@pytest.mark.django_db
def test_a_handout_is_found_by_words_only_in_its_text(client, world):
    handout = CourseDocument.objects.get(title="Zebrafinch worksheet")
    handout.extracted_text = "Plan a weekly debrief with your wombat buddy."
    handout.save()
    response = client.get("/search/", {"q": "wombat debrief"})
    assert titles(response) == ["Zebrafinch worksheet"]
    assert "wombat" in soup(response).select_one(".search-results__excerpt").get_text()


@pytest.mark.django_db
def test_a_search_that_finds_nothing_says_so_and_is_counted(client, world):
    for _ in range(2):
        response = client.get("/search/", {"q": "  Quetzal   MEETINGS "})
        assert response.status_code == 200
        assert "Nothing matched" in response.content.decode()
    empty = soup(response).select_one(".empty-state")
    assert {a.get_text(): a["href"] for a in empty.select("a")} == {
        "Browse courses": "/courses/",
        "Open the handout library": "/handouts/",
    }
    assert UnansweredQuery.objects.get(query="quetzal meetings").hits == 2
    # A search that found something is not listed.
    client.get("/search/", {"q": "zebrafinch"})
    assert not UnansweredQuery.objects.filter(query="zebrafinch").exists()


@pytest.mark.django_db
def test_words_that_are_all_left_out_ask_for_real_words(client, world):
    response = client.get("/search/", {"q": "the of and"})
    assert response.status_code == 200
    assert "Please search with words" in response.content.decode()


@pytest.mark.django_db
def test_overlong_query_gets_a_clear_400_quickly(client, world):
    started = time.perf_counter()
    response = client.get("/search/", {"q": "stress " * 7200})  # about 50,000 characters
    assert response.status_code == 400
    assert "Your search is too long" in response.content.decode()
    assert time.perf_counter() - started < 5  # generous: only a runaway would take this long


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    ['"', 'a"b', "stress*", "(burnout", "x:y", "\\", "burnout OR 1=1 --", "%_%", "NOT AND OR",
     "' OR ''='", "zebra\x00finch", "🙂 stress", "stress -burnout +care ~fatigue^2"],
)  # fmt: skip
def test_operators_and_odd_characters_never_cause_an_error(client, world, query):
    response = client.get("/search/", {"q": query})
    assert response.status_code in (200, 400)
    assert b"Search" in response.content


@pytest.mark.django_db
@pytest.mark.parametrize("page", ["abc", "-1", "99999", "1e9"])
def test_bad_page_number_still_shows_results(client, world, page):
    response = client.get("/search/", {"q": "zebrafinch", "page": page})
    assert response.status_code == 200
    assert titles(response)


@pytest.mark.django_db
def test_empty_search_invites_a_query(client, world):
    response = client.get("/search/")
    assert response.status_code == 200
    assert "Type a word or two" in response.content.decode()
    links = [a["href"] for a in soup(response).select(".empty-state a")]
    assert links == ["/courses/", "/handouts/"]


@pytest.mark.django_db
def test_editors_promoted_results_come_first_but_never_reveal_a_hidden_page(client, world):
    query = Query.get("zebrafinch")
    SearchPromotion.objects.create(
        query=query, page=world["practice"], description="Start with the practice domain."
    )
    hidden = DomainPageFactory(parent=world["home"], title="Members lounge", slug="lounge")
    PageViewRestriction.objects.create(page=hidden, restriction_type="login")
    SearchPromotion.objects.create(query=query, page=hidden, description="Members only.")
    page = soup(client.get("/search/", {"q": "Zebrafinch"}))
    promoted = [h3.get_text(strip=True) for h3 in page.select(".search-promotions h3")]
    assert promoted == ["Practice"]
    assert "Start with the practice domain." in page.select_one(".search-promotions").get_text()
    assert "Members lounge" not in page.get_text()


@pytest.mark.django_db
def test_a_searchable_document_of_any_kind_is_indexed_with_its_kind(world):
    deck = HandoutFactory(title="Zebrafinch deck", kind=DocumentKind.SLIDES)
    entry = SearchEntry.objects.get(document=deck)
    assert entry.kind == "handout" and entry.title == "Zebrafinch deck"
    deck.delete()
    assert not SearchEntry.objects.filter(title="Zebrafinch deck").exists()


@pytest.mark.django_db
def test_a_word_nothing_mentions_is_left_out_and_named(client, world):
    response = client.get("/search/", {"q": "zebrafinch quetzalcoatl"})
    assert set(titles(response)) >= PUBLIC_TITLES
    assert "Nothing on the site mentions “quetzalcoatl”" in soup(response).get_text()
    assert UnansweredQuery.objects.filter(query="zebrafinch quetzalcoatl").exists()


@pytest.mark.django_db
def test_known_words_are_all_required(client, world):
    HandoutFactory(title="Kakapo leaflet")
    assert titles(client.get("/search/", {"q": "zebrafinch kakapo"})) == []


@pytest.mark.django_db
def test_a_pdf_result_opens_in_the_browser(client, world):
    item = soup(client.get("/search/", {"q": "zebrafinch", "kind": "handout"})).select_one(
        ".search-results__item"
    )
    handout = CourseDocument.objects.get(title="Zebrafinch worksheet")
    assert item.select_one("h3 a")["href"] == handout.url
    link = item.select_one(".search-results__actions a")
    assert link.get_text(" ", strip=True).startswith("Open in the browser")
    opened = client.get(link["href"])
    assert opened.status_code == 200
    assert opened["Content-Disposition"].startswith("inline")
