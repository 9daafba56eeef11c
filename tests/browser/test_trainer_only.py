"""A trainer-only file as an anonymous visitor meets it in a real browser: the module page's
locked entry and the locked page at the file's own address are axe-clean and fit a phone."""

import pytest

from courses.models import CourseDocument
from demo.trainer_materials import TITLE as ANSWER_KEY
from tests.browser.axe import assert_no_axe_violations

pytestmark = pytest.mark.browser

MODULE = "/courses/understanding-sts/burnout-sts-compassion-fatigue/"


def assert_no_sideways_scroll(page, width):
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{page.url} scrolls {overflow} px sideways at {width} px"


@pytest.mark.parametrize("width", [390, 1280])
def test_the_locked_entry_and_the_locked_page_are_axe_clean_and_fit(course_site, browser, width):
    context = browser.new_context(base_url=course_site, viewport={"width": width, "height": 900})
    page = context.new_page()
    try:
        assert page.goto(MODULE).status == 200
        entry = page.locator(".locked-entry", has_text=ANSWER_KEY)
        assert entry.count() == 1
        assert "Trainers only" in entry.inner_text()
        sign_in = entry.get_by_role("link", name=f"Sign in to open {ANSWER_KEY}")
        assert sign_in.get_attribute("href").startswith("/sign-in/?next=")
        assert entry.get_by_role("link", name="Request trainer access").count() == 1
        assert page.get_by_role("link", name=ANSWER_KEY, exact=True).count() == 0
        assert_no_sideways_scroll(page, width)
        page.screenshot(path=f"/tmp/trainer-only-module-{width}.png", full_page=True)
        assert_no_axe_violations(page, MODULE)

        # The file's own address, as a shared link brings someone there.
        response = page.goto(CourseDocument.objects.get(title=ANSWER_KEY).url)
        assert response.status == 403
        assert page.locator("h1").inner_text() == "This file is for trainers"
        assert page.get_by_role("link", name="Request trainer access").count() == 1
        assert_no_sideways_scroll(page, width)
        page.screenshot(path=f"/tmp/trainer-only-locked-page-{width}.png", full_page=True)
        assert_no_axe_violations(page, page.url)
    finally:
        context.close()
