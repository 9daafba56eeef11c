"""axe-core (WCAG 2.2 A/AA) finds no violations on any kind of public page."""

import json

import pytest

from demo.courses import DATA_FILE
from tests.browser.axe import assert_no_axe_violations

pytestmark = pytest.mark.browser

NO_RESULTS_QUERY = "zzqxnosuchword"


@pytest.mark.parametrize(
    ("path", "status", "heading"),
    [
        ("/", 200, "Turning provider distress into resiliency"),
        ("/science/", 200, "Science"),
        ("/about/", 200, "About the STS Consortium"),
        ("/terms/", 200, "Legal Disclaimer and Terms of Use"),
        ("/search/?q=stress", 200, "Search"),
        (f"/search/?q={NO_RESULTS_QUERY}", 200, "Search"),
        ("/search/?q=burnout&kind=handout&domain=science", 200, "Search"),
        ("/search/?q=burnout&kind=nonsense", 404, "Search"),
        ("/no-such-page/", 404, "We can\u2019t find that page"),
    ],
    ids=[
        "home", "domain", "about", "terms", "search-results", "search-empty",
        "search-filtered", "search-bad-filter", "not-found",
    ],
)
def test_page_has_no_axe_violations(page, path, status, heading):
    response = page.goto(path)
    assert response.status == status
    assert page.locator("h1").inner_text() == heading
    assert_no_axe_violations(page, path)


def test_search_pages_show_what_axe_was_run_against(page):
    """The two search states checked above really are "some results" and "no results"."""
    page.goto("/search/?q=stress")
    assert page.locator(".search-results__item").count() > 0
    page.goto(f"/search/?q={NO_RESULTS_QUERY}")
    assert page.locator(".search-results__item").count() == 0
    assert page.get_by_text("Nothing matched").is_visible()


COURSES = {c["slug"]: c for c in json.loads(DATA_FILE.read_text(encoding="utf-8"))["courses"]}
VT_ORG = next(
    module
    for module in COURSES["sts-informed-organization"]["modules"]
    if module["slug"] == "vt-org-readiness"
)


@pytest.mark.parametrize(
    ("path", "heading", "status"),
    [
        ("/courses/", "Courses", 200),
        # An unknown filter is a 404 (never cached) that still shows every course.
        ("/courses/?audience=no-such-audience", "Courses", 404),
        ("/courses/understanding-sts/", COURSES["understanding-sts"]["title"], 200),
        ("/courses/sts-informed-organization/vt-org-readiness/", VT_ORG["title"], 200),
    ],
    ids=["course-index", "course-index-unknown-filter", "course", "module-due-for-review"],
)
def test_course_page_has_no_axe_violations(course_site, page, path, heading, status):
    response = page.goto(path)
    assert response.status == status
    assert page.locator("h1").inner_text() == heading
    # Open "How we grade evidence" so that axe checks what it holds as well.
    for summary in page.locator("main details > summary").all():
        summary.click()
    assert_no_axe_violations(page, path)


def test_course_pages_show_what_axe_was_run_against(course_site, page):
    """The states checked above: courses listed, the filter message, the review notice."""
    page.goto("/courses/")
    assert page.locator(".card--course").count() == len(COURSES)
    page.goto("/courses/?audience=no-such-audience")
    assert page.get_by_role("alert").is_visible()
    page.goto("/courses/understanding-sts/")
    assert page.locator(".module-list__item").count() == len(
        COURSES["understanding-sts"]["modules"]
    )
    page.goto("/courses/sts-informed-organization/vt-org-readiness/")
    assert page.locator(".notice--review").is_visible()
    assert page.get_by_role("heading", name="Due for review").is_visible()
    assert page.locator(".document-list__item").count() >= 2
