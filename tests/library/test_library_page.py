"""/handouts/: every course material, narrowed by filters and words, sorted, a page at a time."""

import datetime

import pytest
from wagtail.test.utils import WagtailPageTestCase

from courses.models import CourseDocument, DocumentKind
from home.models import HomePage, SiteSettings
from library.models import HandoutLibraryPage
from tests.courses.factories import (
    AudienceFactory,
    CourseDocumentFactory,
    HandoutFactory,
    ModulePageFactory,
    SlidesFactory,
    docx_bytes,
    home_page,
)
from tests.courses.helpers import soup, squash, text_of
from tests.home.factories import DomainPageFactory

from .factories import HandoutLibraryPageFactory
from .helpers import entry, options, result_count, selected, titles

ALL_TITLES = [
    "Evaluation form",
    "Policy checklist",
    "Recognizing STS",
    "Team check-in",
    "Understanding STS slides",
]


def set_created(document, day):
    CourseDocument.objects.filter(pk=document.pk).update(
        created_at=datetime.datetime(2026, 1, day, tzinfo=datetime.UTC)
    )


@pytest.fixture
def world(db, django_capture_on_commit_callbacks):
    """Two modules in two domains using four files, a form no module uses, and an "other" file.

    Made with the commit callbacks run, so that whatever follows a saved document (the search
    index) has followed it.
    """
    with django_capture_on_commit_callbacks(execute=True):
        home = home_page()
        SiteSettings.for_site(home.get_site())
        science = DomainPageFactory(parent=home, title="Science", slug="science")
        practice = DomainPageFactory(parent=home, title="Practice", slug="practice")
        hr = AudienceFactory(name="HR leaders", slug="hr-leaders")
        supervisors = AudienceFactory(name="Supervisors", slug="supervisors")
        library = HandoutLibraryPageFactory()
        recognizing = HandoutFactory(
            title="Recognizing STS",
            description="Signs of secondary traumatic stress to look for in a colleague.",
            last_reviewed=datetime.date(2025, 3, 1),
        )
        check_in = CourseDocumentFactory(
            title="Team check-in",
            kind=DocumentKind.WORKSHEET,
            file__filename="team-check-in.docx",
            file__data=docx_bytes(),
            last_reviewed=datetime.date(2026, 1, 10),
        )
        deck = SlidesFactory(title="Understanding STS slides")
        policy = HandoutFactory(
            title="Policy checklist",
            description="What a workplace policy on secondary traumatic stress covers.",
            language="es",
            last_reviewed=datetime.date(2024, 5, 5),
        )
        evaluation = HandoutFactory(title="Evaluation form", kind=DocumentKind.EVALUATION)
        HandoutFactory(title="Room booking notes", kind=DocumentKind.OTHER)
        recognizing.audiences.set([hr])
        policy.audiences.set([hr])
        check_in.audiences.set([supervisors])
        recognizing.tags.add("Self-care")
        policy.tags.add("Policy")
        what_is_sts = ModulePageFactory(
            title="What is STS", domains=[science], handouts=[recognizing, check_in]
        )
        policy_module = ModulePageFactory(
            parent=what_is_sts.get_parent(),
            title="Workplace policy",
            domains=[practice],
            slides=[deck],
            handouts=[policy],
        )
    for day, document in enumerate([recognizing, check_in, deck, policy, evaluation], start=1):
        set_created(document, day)
    return {
        "library": library,
        "recognizing": recognizing,
        "check_in": check_in,
        "policy": policy,
        "what_is_sts": what_is_sts,
        "policy_module": policy_module,
    }


def get(client, world, status=200, **params):
    response = client.get(world["library"].url, params)
    assert response.status_code == status, (params, response.status_code)
    return response


# --- The list ------------------------------------------------------------------------------------


def test_lists_every_course_material_by_title_and_counts_them(client, world):
    response = get(client, world)
    assert world["library"].url == "/handouts/"
    assert titles(response) == ALL_TITLES
    assert result_count(response) == "5 handouts"
    assert "Room booking notes" not in text_of(response)


def test_an_entry_says_what_the_file_is_and_where_it_is_used(client, world):
    recognizing, module = world["recognizing"], world["what_is_sts"]
    shown = entry(get(client, world), "Recognizing STS")
    assert shown["facts"]["Kind"] == "Handout"
    assert shown["facts"]["Format"].startswith("PDF, ")
    assert shown["facts"]["Format"].endswith(", 2 pages")
    assert shown["facts"]["Last reviewed"] == "1 March 2025"
    assert "Signs of secondary traumatic stress" in shown["html"]
    assert shown["modules"] == ["Used in What is STS · Add to kit: What is STS"]
    assert shown["links"]["What is STS"] == module.url
    assert shown["links"]["Add to kit: What is STS"] == f"/kits/?add={module.pk}"
    assert shown["links"]["Open Recognizing STS in the browser"] == (
        f"/documents/{recognizing.pk}/view/{recognizing.filename}"
    )
    assert shown["links"]["Download Recognizing STS (PDF)"] == recognizing.url


def test_only_pdfs_open_in_the_browser_everything_downloads(client, world):
    response = get(client, world)
    check_in = entry(response, "Team check-in")
    assert check_in["facts"]["Format"].startswith("DOCX, ")
    assert list(check_in["links"])[-1] == "Download Team check-in (DOCX)"
    assert not any(text.startswith("Open") for text in check_in["links"])
    slides = entry(response, "Understanding STS slides")
    assert slides["facts"]["Format"].endswith(", 12 slides")
    assert not any(text.startswith("Open") for text in slides["links"])
    form = entry(response, "Evaluation form")
    assert form["modules"] == []
    assert "Open Evaluation form in the browser" in form["links"]


# --- Filters -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"audience": "hr-leaders"}, ["Policy checklist", "Recognizing STS"]),
        ({"audience": "supervisors"}, ["Team check-in"]),
        ({"domain": "science"}, ["Recognizing STS", "Team check-in"]),
        ({"domain": "practice"}, ["Policy checklist", "Understanding STS slides"]),
        ({"topic": "policy"}, ["Policy checklist"]),
        ({"topic": "self-care"}, ["Recognizing STS"]),
        ({"kind": "worksheet"}, ["Team check-in"]),
        ({"kind": "evaluation"}, ["Evaluation form"]),
        ({"language": "es"}, ["Policy checklist"]),
        ({"format": "docx"}, ["Team check-in"]),
        ({"format": "pdf"}, ["Evaluation form", "Policy checklist", "Recognizing STS"]),
    ],
    ids=lambda value: (
        "-".join(f"{k}={v}" for k, v in value.items()) if isinstance(value, dict) else None
    ),
)
def test_each_filter_narrows_the_list(client, world, params, expected):
    response = get(client, world, **params)
    assert titles(response) == expected
    assert result_count(response).startswith(f"{len(expected)} handout")
    for name, value in params.items():
        assert selected(response, name) == value


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"audience": "hr-leaders", "domain": "science"}, ["Recognizing STS"]),
        ({"audience": "hr-leaders", "format": "pdf", "language": "es"}, ["Policy checklist"]),
        ({"domain": "practice", "kind": "slides"}, ["Understanding STS slides"]),
        ({"domain": "science", "kind": "handout", "topic": "self-care"}, ["Recognizing STS"]),
        ({"audience": "hr-leaders", "topic": "self-care", "language": "es"}, []),
    ],
    ids=["audience-domain", "audience-format-language", "domain-kind", "three", "none-left"],
)
def test_filters_compose(client, world, params, expected):
    assert titles(get(client, world, **params)) == expected


def test_the_form_offers_only_values_some_listed_file_has(client, world):
    response = get(client, world)
    assert options(response, "audience") == [
        ("hr-leaders", "HR leaders"),
        ("supervisors", "Supervisors"),
    ]
    assert options(response, "domain") == [("science", "Science"), ("practice", "Practice")]
    assert options(response, "topic") == [("policy", "Policy"), ("self-care", "Self-care")]
    assert options(response, "kind") == [
        ("handout", "Handout"),
        ("worksheet", "Worksheet"),
        ("slides", "Slides"),
        ("evaluation", "Evaluation form"),
    ]
    assert options(response, "language") == [("en", "English"), ("es", "Spanish")]
    assert options(response, "format") == [("docx", "DOCX"), ("pdf", "PDF"), ("pptx", "PPTX")]
    form = soup(response).select_one("form.library-filters")
    assert form["method"] == "get"
    assert form["action"] == "/handouts/"
    for control in form.select("select, input"):
        assert form.select_one(f"label[for={control['id']}]"), control["name"]


def test_words_narrow_the_list(client, world):
    response = get(client, world, q="checklist")
    assert titles(response) == ["Policy checklist"]
    assert result_count(response).startswith("1 handout matching “checklist”")
    assert soup(response).select_one("#library-q")["value"] == "checklist"
    assert selected(response, "sort") == ""  # best match first
    assert titles(get(client, world, q="checklist", domain="science")) == []


def test_words_are_answered_privately(client, world):
    response = get(client, world, q="checklist")
    assert "private" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]


# --- Sorting -------------------------------------------------------------------------------------


def test_sorting_by_newest_and_by_last_review(client, world):
    newest = get(client, world, sort="newest")
    assert titles(newest) == [
        "Evaluation form",
        "Policy checklist",
        "Understanding STS slides",
        "Team check-in",
        "Recognizing STS",
    ]
    assert selected(newest, "sort") == "newest"
    assert titles(get(client, world, sort="reviewed")) == [
        "Team check-in",
        "Recognizing STS",
        "Policy checklist",
        "Evaluation form",  # never reviewed: last, by title
        "Understanding STS slides",
    ]
    assert titles(get(client, world, sort="title")) == ALL_TITLES
    assert titles(get(client, world, sort="relevance")) == ALL_TITLES  # no words: by title


def test_sort_options_offer_best_match_only_with_words(client, world):
    plain = [value for value, _label in options(get(client, world), "sort")]
    assert plain == ["title", "newest", "reviewed"]
    assert selected(get(client, world), "sort") == "title"
    searching = get(client, world, q="STS")
    assert [o["value"] for o in soup(searching).select("select[name=sort] option")] == [
        "",
        "title",
        "newest",
        "reviewed",
    ]


# --- Pagination ----------------------------------------------------------------------------------


@pytest.fixture
def many(world):
    for number in range(36):
        CourseDocumentFactory(title=f"Extra handout {number:02}")
    return world


def page_links(response):
    nav = soup(response).select_one("nav.pagination")
    return {squash(a.get_text()): a["href"] for a in nav.select("a")} if nav else {}


def test_twenty_a_page_with_links_that_keep_the_filters(client, many):
    first = get(client, many, kind="handout")
    assert result_count(first) == "38 handouts · Kind: Handout · page 1 of 2"
    assert len(titles(first)) == 20
    assert titles(first)[:2] == ["Extra handout 00", "Extra handout 01"]
    assert page_links(first) == {"Next page": "?kind=handout&page=2"}
    second = get(client, many, kind="handout", page="2")
    assert len(titles(second)) == 18
    assert titles(second)[-1] == "Recognizing STS"
    assert page_links(second) == {"Previous page": "?kind=handout&page=1"}
    assert "public" in second["Cache-Control"]


@pytest.mark.parametrize(
    ("page", "shown"), [("99", 3), ("0", 3), ("-1", 3), ("abc", 1), ("2.5", 1), ("", 1)]
)
def test_a_page_the_list_does_not_have_shows_the_last_or_first(client, many, page, shown):
    response = get(client, many, page=page)
    assert f"page {shown} of 3" in result_count(response)
    assert len(titles(response)) == (1 if shown == 3 else 20)
    assert "public" not in response["Cache-Control"]


# --- Empty and wrong -----------------------------------------------------------------------------


def test_an_empty_result_says_so_and_offers_to_clear_the_filters(client, world):
    response = get(client, world, audience="supervisors", domain="practice")
    assert titles(response) == []
    assert result_count(response) == ("0 handouts · Who it is for: Supervisors · Domain: Practice")
    empty = soup(response).select_one(".empty-state")
    assert squash(empty.get_text()).startswith("No handouts match these filters.")
    assert empty.a["href"] == "/handouts/"
    assert titles(client.get(empty.a["href"])) == ALL_TITLES


@pytest.mark.parametrize(
    "params",
    [
        {"kind": "nonsense"},
        {"kind": "other"},  # a kind the library does not list
        {"audience": "f3b9c0a1-random"},
        {"domain": "no-such-domain"},
        {"topic": "no-such-topic"},
        {"language": "xx"},
        {"format": "exe"},
        {"sort": "sideways"},
        {"kind": ["handout", "slides"]},
    ],
    ids=[
        "kind",
        "other-kind",
        "audience",
        "domain",
        "topic",
        "language",
        "format",
        "sort",
        "twice",
    ],
)
def test_an_unknown_filter_value_is_a_404_with_a_message_never_shared(client, world, params):
    response = client.get(world["library"].url, params)
    assert response.status_code == 404
    assert "public" not in response["Cache-Control"]
    alert = soup(response).select_one("[role=alert]")
    assert "doesn’t match anything in the library" in squash(alert.get_text())
    assert alert.a["href"] == "/handouts/"
    assert titles(response) == ALL_TITLES  # the rest of the link still applies


def test_an_unknown_value_keeps_the_other_filters(client, world):
    response = client.get(world["library"].url, {"kind": "nonsense", "audience": "hr-leaders"})
    assert response.status_code == 404
    assert titles(response) == ["Policy checklist", "Recognizing STS"]


def test_the_form_as_submitted_with_nothing_chosen_lists_everything(client, world):
    params = dict.fromkeys(("q", "audience", "domain", "topic", "kind", "language", "format"), "")
    response = get(client, world, sort="title", **params)
    assert titles(response) == ALL_TITLES


def test_anonymous_filtered_views_are_shared_and_set_no_cookie(client, world):
    response = get(client, world, audience="hr-leaders", format="pdf")
    assert "public" in response["Cache-Control"]
    assert "s-maxage" in response["Cache-Control"]
    assert not response.cookies
    assert "Cookie" not in response.get("Vary", "")


def test_an_unknown_parameter_is_not_shared(client, world):
    response = get(client, world, utm_source="newsletter")
    assert "public" not in response["Cache-Control"]


# --- Where editors may put it --------------------------------------------------------------------


class HandoutLibraryPageTreeTests(WagtailPageTestCase):
    def test_one_library_under_the_home_page_with_no_children(self):
        self.assertAllowedParentPageTypes(HandoutLibraryPage, {HomePage})
        self.assertAllowedSubpageTypes(HandoutLibraryPage, set())
        self.assertEqual(HandoutLibraryPage.max_count, 1)
        self.assertCanCreateAt(HomePage, HandoutLibraryPage)
        self.assertTrue(HandoutLibraryPage._meta.get_field("intro").help_text)
