"""The handout library in a real browser: axe-clean, no sideways scrolling on a phone, filters
that work without JavaScript, and PDFs that open in Chromium's own viewer."""

import pytest

from tests.browser.axe import assert_no_axe_violations

pytestmark = pytest.mark.browser

PDF_VIEWER = "chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/"


def assert_no_sideways_scroll(page, width):
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{page.url} scrolls {overflow} px sideways at {width} px"


def filter_by_first_choice(page, name):
    """Choose a filter's first value in the form and submit it, as a visitor without JS does."""
    select = page.locator(f"select[name={name}]")
    value = select.locator("option").nth(1).get_attribute("value")
    select.select_option(value)
    page.get_by_role("button", name="Show handouts").click()
    page.wait_for_load_state()
    return value


@pytest.mark.parametrize("width", [320, 1280])
def test_the_library_and_a_filtered_view_are_axe_clean_and_fit(course_site, browser, width):
    context = browser.new_context(base_url=course_site, viewport={"width": width, "height": 800})
    page = context.new_page()
    try:
        response = page.goto("/handouts/")
        assert response.status == 200
        assert page.locator("h1").inner_text() == "Handout library"
        everything = page.locator(".library-entry").count()
        assert everything == 20  # the demo courses have more than a page of files
        assert_no_sideways_scroll(page, width)
        assert_no_axe_violations(page, "/handouts/")
        kind = filter_by_first_choice(page, "kind")
        domain = filter_by_first_choice(page, "domain")
        assert f"kind={kind}" in page.url and f"domain={domain}" in page.url
        assert 0 < page.locator(".library-entry").count() <= everything
        assert page.locator(".result-count").inner_text().split()[0].isdigit()
        assert_no_sideways_scroll(page, width)
        page.screenshot(path=f"/tmp/handouts-filtered-{width}.png", full_page=True)
        assert_no_axe_violations(page, page.url)
    finally:
        context.close()


def test_the_filters_work_without_javascript(course_site, browser):
    context = browser.new_context(base_url=course_site, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto("/handouts/")
        kind = filter_by_first_choice(page, "kind")
        audience = filter_by_first_choice(page, "audience")
        assert f"kind={kind}" in page.url and f"audience={audience}" in page.url
        assert (
            page.locator(f"select[name=kind] option[value='{kind}']").get_attribute("selected")
            is not None
        )
        assert page.locator(".library-entry").count() > 0
        page.get_by_role("link", name="Clear filters").click()
        page.wait_for_load_state()
        assert page.url.endswith("/handouts/")
    finally:
        context.close()


def test_an_empty_result_is_axe_clean_and_leads_back(page):
    url = "/handouts/?q=zzqxwv"
    assert page.goto(url).status == 200
    assert page.locator(".library-entry").count() == 0
    assert_no_axe_violations(page, url)
    page.get_by_role("link", name="Clear the filters and show all handouts").click()
    page.wait_for_load_state()
    assert page.locator(".library-entry").count() == 20


def opens_in_the_pdf_viewer(page, timeout_ms=10_000):
    for _ in range(timeout_ms // 100):
        if any(frame.url.startswith(PDF_VIEWER) for frame in page.frames):
            return True
        page.wait_for_timeout(100)
    return False


def test_open_shows_a_pdf_in_chromiums_viewer_and_download_still_downloads(page):
    page.goto("/handouts/?format=pdf")
    entry = page.locator(".library-entry").first
    with page.expect_download() as download:
        entry.get_by_role("link", name="Download").click()
    assert download.value.suggested_filename.endswith(".pdf")
    downloads = []
    page.on("download", lambda download: downloads.append(download))
    response = page.goto(entry.get_by_role("link", name="Open").get_attribute("href"))
    headers = response.all_headers()
    assert headers["content-disposition"].startswith("inline")
    assert headers["content-security-policy"].endswith("sandbox")
    assert opens_in_the_pdf_viewer(page), [frame.url for frame in page.frames]
    assert downloads == []
