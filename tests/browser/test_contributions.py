"""Sharing a resource in a real browser: the form empty and with errors, and the thank-you
page, are axe-clean and fit a phone."""

import pytest

from tests.browser.axe import assert_no_axe_violations

pytestmark = pytest.mark.browser

SHARE_URL = "/share-a-resource/"


def assert_no_sideways_scroll(page, width):
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{page.url} scrolls {overflow} px sideways at {width} px"


@pytest.mark.parametrize("width", [390, 1280])
def test_the_form_empty_with_errors_and_thanks_are_axe_clean(site_url, browser, width):
    context = browser.new_context(base_url=site_url, viewport={"width": width, "height": 900})
    page = context.new_page()
    try:
        assert page.goto(SHARE_URL).status == 200
        assert page.locator("h1").inner_text() == "Share a resource"
        # The demo's four domains are offered.
        domains = page.locator("select[name=domain] option").all_inner_texts()
        assert domains[1:] == ["Science", "Advocacy", "Education", "Practice"]
        assert_no_sideways_scroll(page, width)
        page.screenshot(path=f"/tmp/share-a-resource-{width}.png", full_page=True)
        assert_no_axe_violations(page, SHARE_URL)

        with page.expect_response(lambda r: r.request.method == "POST") as posted:
            page.get_by_role("button", name="Share this resource").click()
        assert posted.value.status == 400
        page.wait_for_load_state()
        summary = page.locator(".share-resource__summary")
        assert "Please correct" in summary.inner_text()
        assert page.locator("#id_title").get_attribute("aria-invalid") == "true"
        assert_no_sideways_scroll(page, width)
        page.screenshot(path=f"/tmp/share-a-resource-errors-{width}.png", full_page=True)
        assert_no_axe_violations(page, f"{SHARE_URL} (with errors)")

        page.get_by_label("Title").fill("Compassion fatigue self-test")
        page.get_by_label("Link").fill("https://example.org/self-test")
        page.get_by_label("Description").fill("A ten-question self-check for staff.")
        page.get_by_label("Your name").fill("Ada Researcher")
        page.get_by_label("Your email address").fill("ada@example.org")
        page.get_by_label("I may share this resource").check()
        page.get_by_role("button", name="Share this resource").click()
        page.wait_for_load_state()
        assert page.url.endswith("/share-a-resource/thanks/")
        assert page.locator("h1").inner_text() == "Thank you for sharing"
        assert_no_sideways_scroll(page, width)
        assert_no_axe_violations(page, "/share-a-resource/thanks/")
    finally:
        context.close()
