"""Building a kit with plain links: add, reorder, remove, breaks; the link and the /kits/ cookie."""

from urllib.parse import urlencode, urljoin

import pytest

from tests.courses.factories import ModulePageFactory
from tests.courses.helpers import soup, squash, text_of

from .helpers import agenda_rows, kit_query, link_named, problems

COOKIE = "sts_kit"


def titles(response):
    return [row[1] for row in agenda_rows(response)]


def assert_kit_cookie(response, value):
    cookie = response.cookies[COOKIE]
    assert cookie.value == value
    assert cookie["path"] == "/kits/"
    assert cookie["httponly"] and cookie["samesite"] == "Lax"
    assert int(cookie["max-age"]) > 0


def test_add_redirects_to_the_kit_link_and_remembers_it(client, world):
    recognizing = world["recognizing"].pk
    response = client.get(f"/kits/?add={recognizing}")
    assert response.status_code == 302
    assert response["Location"] == f"/kits/?items={recognizing}"
    assert_kit_cookie(response, f"items={recognizing}")
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert titles(page) == ["Recognizing STS"]


def test_a_second_add_appends_to_the_remembered_kit(client, world):
    first, second = world["recognizing"].pk, world["reflective"].pk
    client.get(f"/kits/?add={first}")
    response = client.get(f"/kits/?add={second}")
    assert response["Location"] == f"/kits/?{urlencode({'items': f'{first},{second}'})}"
    assert_kit_cookie(response, urlencode({"items": f"{first},{second}"}))
    assert titles(client.get(response["Location"])) == ["Recognizing STS", "Reflective supervision"]


def test_the_module_page_add_link_adds_that_module(client, world):
    module = world["self_care"]
    href = link_named(client.get(module.url), "Add to kit: Self-care plans")
    response = client.get(href, follow=True)
    assert titles(response) == ["Self-care plans"]


def test_adding_a_module_twice_keeps_it_once_and_says_so(client, world):
    recognizing = world["recognizing"].pk
    client.get(f"/kits/?add={recognizing}")
    response = client.get(f"/kits/?add={recognizing}")
    assert response.status_code == 200  # nothing went wrong
    assert problems(response) == []
    notice = squash(soup(response).select_one(".notice").get_text())
    assert notice == "That module is already in your kit: it is kept once."
    assert titles(response) == ["Recognizing STS"]


def test_add_course_adds_its_visible_modules_in_order(client, world):
    ModulePageFactory(parent=world["understanding"], title="Draft module", live=False)
    client.get(f"/kits/?add={world['reflective'].pk}")
    response = client.get(f"/kits/?add_course={world['understanding'].pk}")
    assert response.status_code == 302
    page = client.get(response["Location"])
    assert titles(page) == ["Reflective supervision", "Recognizing STS", "Self-care plans"]


def test_the_course_page_add_all_link_builds_the_kit(client, world):
    href = link_named(client.get(world["understanding"].url), "Add all modules to a kit")
    assert titles(client.get(href, follow=True)) == ["Recognizing STS", "Self-care plans"]


def test_clear_empties_the_kit_and_forgets_the_cookie(client, world):
    client.get(f"/kits/?add={world['recognizing'].pk}")
    response = client.get("/kits/?clear=1")
    assert response.status_code == 302
    assert response["Location"] == "/kits/"
    cookie = response.cookies[COOKIE]
    assert cookie.value == "" and cookie["path"] == "/kits/" and int(cookie["max-age"]) == 0
    page = client.get("/kits/")
    assert page.status_code == 200
    assert "Your kit is empty." in text_of(page)
    # The empty kit says where modules come from: a link to the courses, and no downloads.
    empty = soup(page).select_one(".empty-state")
    links = {squash(a.get_text()): a["href"] for a in empty.select("a")}
    assert links["Browse courses to add modules"] == "/courses/"
    assert "Download the kit" not in text_of(page)


def test_the_kit_page_alone_opens_the_remembered_kit(client, world):
    query = kit_query([world["recognizing"], "b10"], title="Team day")
    client.cookies[COOKIE] = query
    response = client.get("/kits/")
    assert response.status_code == 302
    assert response["Location"] == f"/kits/?{query}"


def test_someone_elses_kit_link_asks_before_touching_yours(client, world):
    mine = kit_query([world["recognizing"]], title="My day")
    theirs = kit_query([world["reflective"]], title="Their day")
    client.cookies[COOKIE] = mine
    response = client.get(f"/kits/?{theirs}")
    assert response.status_code == 200
    page = text_of(response)
    assert "You already have a kit in progress" in page
    assert "Reflective supervision" in page and "Recognizing STS" in page
    assert response.cookies[COOKIE].value == mine  # nothing lost before the choice
    choices = {squash(a.get_text()): a["href"] for a in soup(response).select(".kit-choices a")}
    assert set(choices) == {
        "Open the linked kit instead of mine",
        "Add its items to my kit",
        "Keep my kit and ignore the link",
    }
    kept = client.get(choices["Keep my kit and ignore the link"])
    assert kept.cookies[COOKIE].value == mine
    merged = client.get(choices["Add its items to my kit"], follow=True)
    assert titles(merged) == ["Recognizing STS", "Reflective supervision"]


def test_replacing_your_kit_with_a_linked_one(client, world):
    client.cookies[COOKIE] = kit_query([world["recognizing"]])
    theirs = kit_query([world["reflective"]])
    response = client.get(f"/kits/?{theirs}&choice=replace")
    assert response.status_code == 302
    assert response.cookies[COOKIE].value == theirs


def test_a_kit_link_opens_at_once_when_you_have_no_kit(client, world):
    response = client.get(f"/kits/?{kit_query([world['reflective']])}")
    assert titles(response) == ["Reflective supervision"]
    assert response.cookies[COOKIE].value == kit_query([world["reflective"]])


def test_a_tampered_cookie_is_read_like_a_link(client, world):
    client.cookies[COOKIE] = "items=abc,99999999999999&start=99:99"
    response = client.get("/kits/")
    assert response.status_code == 400
    assert problems(response)


@pytest.mark.parametrize("page_key", ["understanding", "recognizing"])
def test_public_pages_stay_cookie_free_after_building_a_kit(client, world, page_key):
    client.get(f"/kits/?add={world['recognizing'].pk}")
    client.get(f"/kits/?add={world['self_care'].pk}&title=Team+day")
    assert COOKIE in client.cookies
    for _ in range(2):  # the second answer may come from the page cache
        response = client.get(world[page_key].url)
        assert response.status_code == 200
        assert not response.cookies
        assert "cookie" not in response.get("Vary", "").lower()
        assert "private" not in response.get("Cache-Control", "")


def test_the_kit_page_shows_its_share_link(client, world):
    query = kit_query([world["recognizing"], "b15", world["reflective"]], title="Team day")
    response = client.get(f"/kits/?{query}")
    share = soup(response).select_one("#kit-link")
    assert share["value"] == f"http://testserver/kits/?{query}"
    assert share.has_attr("readonly")
    label = soup(response).select_one("label[for=kit-link]")
    assert squash(label.get_text()) == "Link to this kit"
    # Whoever opens it sees the same kit.
    client.cookies.clear()
    assert titles(client.get(share["value"])) == [
        "Recognizing STS",
        "Break",
        "Reflective supervision",
    ]


def test_kit_pages_are_private(client, world):
    response = client.get(f"/kits/?{kit_query([world['recognizing']])}")
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


@pytest.fixture
def three(client, world):
    """A kit page for Recognizing STS, a 15-minute break and Self-care plans."""
    query = kit_query([world["recognizing"], "b15", world["self_care"]])
    return f"/kits/?{query}"


def follow(client, base, href):
    response = client.get(urljoin(base, href))
    assert response.status_code == 302
    return client.get(response["Location"])


def test_move_down_link(client, three):
    href = link_named(client.get(three), "Move down: Recognizing STS")
    assert titles(follow(client, three, href)) == ["Break", "Recognizing STS", "Self-care plans"]


def test_move_up_link(client, three):
    href = link_named(client.get(three), "Move up: Self-care plans")
    assert titles(follow(client, three, href)) == ["Recognizing STS", "Self-care plans", "Break"]


def test_remove_link(client, three):
    href = link_named(client.get(three), "Remove: Break")
    assert titles(follow(client, three, href)) == ["Recognizing STS", "Self-care plans"]


def test_first_and_last_items_cannot_move_further(client, three):
    page = client.get(three)
    names = {squash(a.get_text()) for a in soup(page).select(".agenda__actions a")}
    assert "Move up: Recognizing STS" not in names
    assert "Move down: Self-care plans" not in names


def test_moves_keep_title_date_start_and_audience(client, world):
    query = kit_query(
        [world["recognizing"], world["self_care"]],
        title="Team day",
        date="2026-12-01",
        start="09:30",
        audience="Supervisors",
    )
    href = link_named(client.get(f"/kits/?{query}"), "Move up: Self-care plans")
    response = client.get(urljoin("/kits/", href))
    assert response["Location"] == "/kits/?" + kit_query(
        [world["self_care"], world["recognizing"]],
        title="Team day",
        date="2026-12-01",
        start="09:30",
        audience="Supervisors",
    )


def item_form(client, url):
    """(hidden fields, {place: value}) of the kit page's "Add an agenda item" form."""
    form = soup(client.get(url)).select_one("form:has(#item-minutes)")
    fields = {field["name"]: field.get("value", "") for field in form.select("input[type=hidden]")}
    options = {squash(o.get_text()): o["value"] for o in form.select("#item-after option")}
    return fields, options


def test_the_item_form_inserts_a_break_where_chosen(client, world, three):
    fields, options = item_form(client, three)
    assert list(options) == [
        "At the start",
        "After “Recognizing STS”",
        "After “Break”",
        "After “Self-care plans”",
    ]
    chosen = {**fields, "item_kind": "break", "item_minutes": "10",
              "item_after": options["After “Recognizing STS”"]}  # fmt: skip
    response = client.get("/kits/", chosen)
    assert response.status_code == 302
    page = client.get(response["Location"])
    assert agenda_rows(page) == [
        ("0:00–0:45", "Recognizing STS", "45"),
        ("0:45–0:55", "Break", "10"),
        ("0:55–1:10", "Break", "15"),
        ("1:10–2:00", "Self-care plans", "50"),
    ]


@pytest.mark.parametrize(
    ("kind", "label", "title"),
    [("welcome", "", "Welcome"), ("lunch", "", "Lunch"), ("qa", "", "Questions and answers"),
     ("evaluation", "", "Evaluation"),
     ("other", "Team photo, then coffee", "Team photo, then coffee")],
)  # fmt: skip
def test_every_kind_of_agenda_item_can_be_added_and_named(client, world, three, kind, label, title):
    fields, options = item_form(client, three)
    chosen = {**fields, "item_kind": kind, "item_label": label, "item_minutes": "20",
              "item_after": options["At the start"]}  # fmt: skip
    page = client.get("/kits/", chosen, follow=True)
    assert agenda_rows(page)[0] == ("0:00–0:20", title, "20")


@pytest.mark.parametrize(
    ("chosen", "problem"),
    [({"item_kind": "other", "item_label": "  "}, "Give the agenda item a name"),
     ({"item_kind": "nap"}, "not one the kit offers"),
     ({"item_kind": "lunch", "item_minutes": "999"}, "lasts 1 to 240 minutes")],
)  # fmt: skip
def test_an_agenda_item_that_makes_no_sense_is_explained(client, world, three, chosen, problem):
    fields, _ = item_form(client, three)
    response = client.get("/kits/", {**fields, "item_minutes": "10", **chosen})
    assert response.status_code == 400
    assert any(problem in text for text in problems(response))


def test_the_details_form_sets_the_start_time_group_and_paper(client, world, three):
    form = soup(client.get(three)).select_one("form:has(#kit-start)")
    fields = {field["name"]: field.get("value", "") for field in form.select("input")}
    details = {"start": "09:30", "title": "Team day", "group": "12", "paper": "a4"}
    response = client.get("/kits/", {**fields, **details}, follow=True)
    assert response.status_code == 200
    assert agenda_rows(response)[0] == ("09:30–10:15", "Recognizing STS", "45")
    assert soup(response).h1.get_text() == "Team day"
    assert (
        "group=12" in response.redirect_chain[-1][0]
        and "paper=a4" in response.redirect_chain[-1][0]
    )


def test_the_item_form_still_places_the_break_when_a_module_was_left_out(client, world):
    query = kit_query([987654, world["recognizing"], world["self_care"]])
    fields, options = item_form(client, f"/kits/?{query}")
    chosen = {**fields, "item_kind": "break", "item_minutes": "10",
              "item_after": options["After “Recognizing STS”"]}  # fmt: skip
    page = client.get("/kits/", chosen, follow=True)
    assert titles(page) == ["Recognizing STS", "Break", "Self-care plans"]


def test_the_download_button_counts_the_files(client, world):
    response = client.get(f"/kits/?{kit_query([world['recognizing'], world['reflective']])}")
    assert squash(soup(response).select_one("a[download]").get_text()) == (
        "Download the kit (ZIP, 4 files)"
    )


def test_the_download_button_counts_a_shared_handout_once(client, world):
    response = client.get(f"/kits/?{kit_query([world['recognizing'], world['self_care']])}")
    assert squash(soup(response).select_one("a[download]").get_text()) == (
        "Download the kit (ZIP, 4 files)"
    )


def test_the_kit_page_links_to_its_printouts(client, world):
    query = kit_query([world["recognizing"]], start="09:30")
    page = soup(client.get(f"/kits/?{query}"))
    hrefs = {a["href"] for a in page.select(".kit__downloads a, a[download]")}
    assert hrefs == {
        f"/kits/download/?{query}",
        f"/kits/agenda/?{query}",
        f"/kits/agenda.pdf?{query}",
        f"/kits/evaluation/?{query}",
        f"/kits/evaluation.pdf?{query}",
        f"/kits/guide/?{query}",
        f"/kits/guide.pdf?{query}",
    }


def test_the_header_count_comes_from_the_kit_cookie(client, world):
    assert client.get("/kits/count/").json() == {"items": 0, "url": "/kits/"}
    query = kit_query([world["recognizing"], "b15"])
    client.cookies[COOKIE] = query
    response = client.get("/kits/count/")
    assert response.json() == {"items": 2, "url": f"/kits/?{query}"}
    assert "no-store" in response["Cache-Control"]


def test_public_pages_carry_the_kit_link_without_the_count(client, world):
    client.cookies[COOKIE] = kit_query([world["recognizing"]])
    link = soup(client.get(world["recognizing"].url)).select_one("[data-kit-count]")
    assert squash(link.get_text()) == "Session kit" and link["href"] == "/kits/"
