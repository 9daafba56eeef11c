"""Keyboard and navigation behaviour in a real browser: skip link, current page, header search."""

import re

import pytest

pytestmark = pytest.mark.browser

ACTIVE_ELEMENT = """() => {
    const el = document.activeElement;
    return {tag: el.tagName, id: el.id, text: el.textContent.trim(), href: el.getAttribute("href")};
}"""


def test_skip_link_is_the_first_tab_stop(page):
    page.goto("/")
    page.keyboard.press("Tab")
    focused = page.evaluate(ACTIVE_ELEMENT)
    assert focused["tag"] == "A"
    assert focused["text"] == "Skip to main content"
    assert focused["href"] == "#main-content"
    # Off-screen until focused, then visible for sighted keyboard users.
    assert page.get_by_role("link", name="Skip to main content").is_visible()
    box = page.get_by_role("link", name="Skip to main content").bounding_box()
    assert box is not None and box["y"] >= 0


@pytest.mark.parametrize("path", ["/", "/science/", "/about/"])
def test_skip_link_moves_focus_to_the_main_content(page, path):
    page.goto(path)
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"#main-content$"))
    assert page.evaluate("document.activeElement.id") == "main-content"
    assert page.evaluate("document.activeElement.tagName") == "MAIN"
    # The next Tab continues from inside main, not from the top of the page.
    page.keyboard.press("Tab")
    assert page.evaluate("document.querySelector('main').contains(document.activeElement)")


def test_main_navigation_marks_the_current_page(page):
    page.goto("/science/")
    nav = page.get_by_role("navigation", name="Main")
    science = nav.get_by_role("link", name="Science", exact=True)
    assert science.get_attribute("aria-current") == "page"
    current = nav.locator('[aria-current="page"]')
    assert current.count() == 1
    assert nav.get_by_role("link", name="Home", exact=True).get_attribute("aria-current") is None


def test_home_page_marks_home_as_current(page):
    page.goto("/")
    nav = page.get_by_role("navigation", name="Main")
    assert nav.locator('[aria-current="page"]').all_inner_texts() == ["Home"]


def test_header_search_has_a_label_and_lands_on_results(page):
    page.goto("/")
    header = page.locator("header.site-header")
    search_box = header.get_by_role("searchbox", name="Search the site")
    assert search_box.count() == 1
    assert header.get_by_role("search").count() == 1

    search_box.fill("stress")
    search_box.press("Enter")
    page.wait_for_url(re.compile(r"/search/\?q=stress$"))

    summary = page.locator(".search-summary")
    assert re.fullmatch(r"\d+ results? for “stress”", summary.inner_text().strip())
    results = page.locator(".search-results__item")
    assert results.count() > 0
    assert results.first.get_by_role("link").is_visible()
    # The query is kept in both search boxes so it can be refined.
    assert search_box.input_value() == "stress"
    search_page_box = page.get_by_role(
        "searchbox", name="Search courses, modules, handouts and pages"
    )
    assert search_page_box.input_value() == "stress"
