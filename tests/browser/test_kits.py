"""The session kit in a real browser: accessible pages, and the whole flow without JavaScript."""

import re
import zipfile

import pytest

from courses.models import ModulePage
from tests.browser.axe import assert_no_axe_violations
from tests.browser.conftest import wait_for_request_threads

pytestmark = pytest.mark.browser

FOLDER = "Session on secondary traumatic stress"


def module(slug):
    return ModulePage.objects.get(slug=slug)


@pytest.fixture
def kit_modules(course_site):
    """Two modules of the first course and one of the second, in the order they are added."""
    return [module("what-is-sts"), module("vicarious-trauma-to-vicarious-resilience"),
            module("what-the-evidence-warns")]  # fmt: skip


def clock(minutes):
    """The time `minutes` after 09:30, as the agenda writes it."""
    hours, rest = divmod(9 * 60 + 30 + minutes, 60)
    return f"{hours:02d}:{rest:02d}"


def agenda_titles(page):
    """The agenda's item titles (the module's link text, without its file count)."""
    titles = []
    for cell in page.locator("table.agenda tbody th").all():
        link = cell.locator("a")
        titles.append(" ".join((link if link.count() else cell).inner_text().split()))
    return titles


# --- Accessibility -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "heading"),
    [("/kits/", "Team day"), ("/kits/agenda/", "Team day"), ("/kits/guide/", "Team day"),
     ("/kits/evaluation/", "Team day")],
    ids=["kit", "agenda-print-view", "guide-print-view", "evaluation-print-view"],
)
def test_kit_pages_have_no_axe_violations(page, kit_modules, path, heading):
    first, second, third = kit_modules
    url = f"{path}?items=w10,{first.pk},b15,{second.pk},{third.pk},e10&title=Team+day&start=09:30"
    response = page.goto(url)
    assert response.status == 200
    assert page.locator("h1").inner_text().startswith(heading)
    if path == "/kits/guide/":
        assert page.locator("section.guide-module").count() == 4  # three modules and the close
        assert page.locator("table.run-of-show").count() == 4
    elif path == "/kits/evaluation/":
        assert page.locator(".rating-table tbody tr").count() == 3
    else:
        assert agenda_titles(page)[2].startswith("Break")
        assert page.locator("table.agenda tbody tr").count() == 6
    assert_no_axe_violations(page, url)


@pytest.mark.parametrize("width", [320, 390])
def test_the_kit_builder_fits_a_phone(page, kit_modules, width):
    """No sideways scrolling, and axe clean, on the narrowest phones."""
    first, second, third = kit_modules
    page.set_viewport_size({"width": width, "height": 800})
    url = f"/kits/?items=w10,{first.pk},b15,{second.pk},{third.pk},e10&title=Team+day&start=09:30"
    page.goto(url)
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"the page scrolls {overflow} px sideways at {width} px"
    page.screenshot(path=f"/tmp/kit-builder-{width}.png", full_page=True)
    assert_no_axe_violations(page, url)


def test_empty_kit_page_has_no_axe_violations(page, course_site):
    page.goto("/kits/")
    assert page.get_by_text("Your kit is empty.").is_visible()
    assert_no_axe_violations(page, "/kits/")


def test_kit_page_with_problems_has_no_axe_violations(page, kit_modules):
    url = f"/kits/?items={kit_modules[0].pk},abc,987654&start=25:99"
    response = page.goto(url)
    assert response.status == 400
    assert page.get_by_role("alert").is_visible()
    assert page.get_by_role("status").first.is_visible()
    assert_no_axe_violations(page, url)


# --- The whole flow, with JavaScript switched off ------------------------------------------------


@pytest.fixture
def no_js_page(browser, course_site):
    """A browser page with JavaScript disabled: every step must work with links and forms."""
    context = browser.new_context(
        base_url=course_site,
        viewport={"width": 1280, "height": 800},
        java_script_enabled=False,
        accept_downloads=True,
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()
    wait_for_request_threads()


def add_link(page, module):
    """The "Add to kit" link; its hidden text names the module (Chromium reads "kit : Title")."""
    name = re.compile(rf"^Add to kit\s*:\s*{re.escape(module.title)}$")
    return page.get_by_role("link", name=name)


def add_from_module_page(page, module):
    page.goto(module.url)
    add_link(page, module).click()
    page.wait_for_url(re.compile(r"/kits/\?items="))


def test_build_and_download_a_kit_without_javascript(no_js_page, kit_modules):
    page = no_js_page
    first, second, third = kit_modules

    add_from_module_page(page, first)
    assert agenda_titles(page) == [first.title]
    # Another course's module: the kit so far comes back from the /kits/ cookie.
    add_from_module_page(page, third)
    assert agenda_titles(page) == [first.title, third.title]
    (cookie,) = [c for c in page.context.cookies() if c["name"] == "sts_kit"]
    assert cookie["path"] == "/kits/" and cookie["httpOnly"]

    # Public pages are not sent the kit cookie, and set none.
    response = page.goto(second.url)
    assert "sts_kit" not in (response.request.all_headers().get("cookie") or "")
    assert "set-cookie" not in response.all_headers()
    add_link(page, second).click()
    page.wait_for_url(re.compile(r"/kits/\?items="))
    assert agenda_titles(page) == [first.title, third.title, second.title]

    page.get_by_label("What").select_option(label="Break")
    page.get_by_label("Minutes").fill("15")
    page.get_by_label("Where").select_option(label=f"After “{first.title}”")
    page.get_by_role("button", name="Add to the agenda").click()
    page.wait_for_url(re.compile(r"items=\d+%2Cb15%2C"))
    assert agenda_titles(page) == [first.title, "Break", third.title, second.title]

    page.get_by_label("Start time").fill("09:30")
    page.get_by_role("button", name="Update the kit").click()
    page.wait_for_url(re.compile(r"start=09%3A30"))
    times = page.locator("table.agenda tbody td.agenda__time").all_inner_texts()
    end_first = clock(first.duration_minutes)
    assert times[0] == f"09:30–{end_first}"
    assert times[1].startswith(f"{end_first}–")

    with page.expect_download() as info:
        page.get_by_role("link", name=re.compile(r"^Download the kit")).click()
    download = info.value
    assert download.suggested_filename == f"{FOLDER}.zip"
    with zipfile.ZipFile(download.path()) as archive:
        assert archive.testzip() is None
        names = archive.namelist()
        for name in ("README.html", "Agenda.pdf", "Agenda.html", "Facilitator guide.pdf",
                     "Evaluation form.pdf"):  # fmt: skip
            assert f"{FOLDER}/{name}" in names
        materials = [n.split("/")[-1] for n in names if "/Slides and handouts/" in n]
        expected = []
        for item in (first, third, second):
            slides, handouts = item.materials(None)
            expected.extend(document.extension for document in [*slides, *handouts])
        assert len(materials) == len(expected)
        assert [name[:2] for name in materials] == [f"{n:02d}" for n in range(1, len(expected) + 1)]
        assert [name.rsplit(".", 1)[1] for name in materials] == expected
        first_slides = first.materials(None)[0][0]
        with first_slides.file.open("rb") as stored:
            assert archive.read(f"{FOLDER}/Slides and handouts/{materials[0]}") == stored.read()
        agenda_html = archive.read(f"{FOLDER}/Agenda.html").decode()
        assert f"09:30–{end_first}" in agenda_html
        assert "Break" in agenda_html
