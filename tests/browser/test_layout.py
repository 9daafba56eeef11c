"""Every kind of public page, at a phone's, a tablet's and a laptop's width (issue 11).

One page load per page and width, with every check made on it: no sideways scrolling, a header
(all above <main>) of at most 90 px on phones, an alt attribute on every image, no axe violation,
touch targets in the header and the navigation of at least 24 x 24 px (or spaced as WCAG 2.2's
2.5.8 allows), and a full-page screenshot in SCREENSHOT_DIR (build/screenshots/ by default) named
<page>-<width>.png. Where the navigation is behind "Menu" (phones), the open menu's targets are
checked too (and the home page's open menu screenshot as home-<width>-menu.png and axe-checked).
One test per width: its failures are gathered over every page and reported together, each with
the page, the width and what was measured.
"""

import os
from pathlib import Path

import pytest

from courses.models import ModulePage
from tests.browser.axe import AXE_OPTIONS, axe, describe_violations

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOT_DIR = Path(os.environ.get("SCREENSHOT_DIR") or ROOT / "build" / "screenshots")
AXE_WIDTHS = (320, 768, 1280)  # axe is the slow check: 390 is measured but not axe-checked
PHONE_WIDTHS = (320, 390)
MAX_HEADER_HEIGHT = 90
MIN_TARGET = 24
NO_RESULTS_QUERY = "zzqxnosuchword"

# name: (path, expected status); "{module}" is a demo module's page id.
PAGES = {
    "home": ("/", 200),
    "domain": ("/science/", 200),
    "standard": ("/about/", 200),
    "course-index": ("/courses/", 200),
    "course": ("/courses/understanding-sts/", 200),
    "module": ("/courses/understanding-sts/what-is-sts/", 200),
    "kit": ("/kits/?items=w10,{module},b15&title=Team+day&start=09:30", 200),
    "kit-empty": ("/kits/", 200),
    "library": ("/handouts/", 200),
    "search-results": ("/search/?q=stress", 200),
    "search-empty": (f"/search/?q={NO_RESULTS_QUERY}", 200),
    "sign-in": ("/sign-in/", 200),
    "request-access": ("/request-access/", 200),
    "share-resource": ("/share-a-resource/", 200),
    "not-found": ("/no-such-page/", 404),
}

# Everything measured in one evaluation of the loaded page.
MEASURE = """(minTarget) => {
    const main = document.querySelector("main");
    const visible = (el) => {
        const rect = el.getBoundingClientRect();
        const style = getComputedStyle(el);
        // Hidden, or visually hidden (1 px clip) such as the skip link before it has focus.
        return rect.width > 1 && rect.height > 1 && style.visibility !== "hidden";
    };
    const box = (el) => {
        const r = el.getBoundingClientRect();
        return {x: r.left + scrollX, y: r.top + scrollY, w: r.width, h: r.height};
    };
    const describe = (el) => {
        const text = (el.getAttribute("aria-label") || el.textContent || el.value || "").trim();
        const id = el.id ? "#" + el.id : "";
        const cls = el.classList.length ? "." + [...el.classList].join(".") : "";
        const label = text.replace(/\\s+/g, " ").slice(0, 30);
        return `${el.tagName.toLowerCase()}${id}${cls} "${label}"`;
    };
    const targetSelector = "a[href], button, input:not([type=hidden]), select, textarea, "
        + "summary, [role=button], [role=link], [tabindex]:not([tabindex='-1'])";
    const all = [...document.querySelectorAll(targetSelector)].filter(visible);
    const inHeaderOrNav = all.filter((el) => el.closest("header, nav"));
    // WCAG 2.2 SC 2.5.8: an undersized target passes if a 24 px circle centred on it meets no
    // other target, nor the circle of another undersized target.
    const circles = all.map((el) => {
        const b = box(el);
        return {el, b, cx: b.x + b.w / 2, cy: b.y + b.h / 2,
                small: b.w < minTarget || b.h < minTarget};
    });
    const r = minTarget / 2;
    const meetsRect = (c, b) => {
        const dx = Math.max(b.x - c.cx, 0, c.cx - (b.x + b.w));
        const dy = Math.max(b.y - c.cy, 0, c.cy - (b.y + b.h));
        return dx * dx + dy * dy < r * r;
    };
    const smallTargets = [];
    let spaced = 0;
    for (const c of circles) {
        if (!c.small || !inHeaderOrNav.includes(c.el)) continue;
        const crowded = circles.filter((o) => o !== c
            && !o.el.contains(c.el) && !c.el.contains(o.el)
            && (meetsRect(c, o.b)
                || (o.small && Math.hypot(o.cx - c.cx, o.cy - c.cy) < minTarget)));
        if (crowded.length) {
            smallTargets.push(`${describe(c.el)} ${Math.round(c.b.w)}x${Math.round(c.b.h)} px, `
                + `too close to ${crowded.slice(0, 2).map((o) => describe(o.el)).join(", ")}`);
        } else {
            spaced += 1;
        }
    }
    return {
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: window.innerWidth,
        headerHeight: main ? Math.round(main.getBoundingClientRect().top + scrollY) : null,
        imagesWithoutAlt: [...document.images].filter((img) => !img.hasAttribute("alt"))
            .map((img) => img.currentSrc || img.getAttribute("src")),
        smallTargets,
        targets: inHeaderOrNav.length,
        spaced,
    };
}"""


@pytest.fixture(scope="module")
def screenshot_dir(request):
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    yield SCREENSHOT_DIR
    # Said past pytest's output capturing, so that every run reports where the screenshots are.
    capture = request.config.pluginmanager.get_plugin("capturemanager")
    reporter = request.config.pluginmanager.get_plugin("terminalreporter")
    if capture is not None and reporter is not None:
        with capture.global_and_fixture_disabled():
            reporter.write_line(f"\nlayout screenshots: {SCREENSHOT_DIR}/<page>-<width>.png")


def page_url(path):
    if "{module}" in path:
        path = path.format(module=ModulePage.objects.get(slug="what-is-sts").pk)
    return path


def check(page, name, url, status, width, shot):
    """Load the page at this width and make every check: (failures, a line of figures)."""
    page.set_viewport_size({"width": width, "height": 800})
    response = page.goto(url)
    where = f"{name} ({url}) at {width} px"
    if response.status != status:
        return [f"{where}: HTTP {response.status}, expected {status}"], f"{name}: HTTP error"
    page.screenshot(path=shot, full_page=True)
    found = page.evaluate(MEASURE, MIN_TARGET)
    failures = []
    # (a) No sideways scrolling.
    if found["scrollWidth"] > found["innerWidth"]:
        failures.append(
            f"{where}: scrolls sideways: scrollWidth {found['scrollWidth']} px > "
            f"innerWidth {found['innerWidth']} px [{shot}]"
        )
    # (b) On phones the header leaves the screen to the content.
    if width in PHONE_WIDTHS and (
        found["headerHeight"] is None or found["headerHeight"] > MAX_HEADER_HEIGHT
    ):
        failures.append(
            f"{where}: header (above <main>) is {found['headerHeight']} px tall, "
            f"more than {MAX_HEADER_HEIGHT} px [{shot}]"
        )
    # (c) Every image says what it shows, or that it is decoration (alt="").
    for src in found["imagesWithoutAlt"]:
        failures.append(f"{where}: <img> without an alt attribute: {src}")
    # (e) Touch targets in the header and navigation.
    for target in found["smallTargets"]:
        failures.append(f"{where}: touch target under {MIN_TARGET}x{MIN_TARGET}: {target}")
    # (d) axe (WCAG 2.2 A and AA).
    if width in AXE_WIDTHS:
        violations = axe.run(page, options=AXE_OPTIONS).response["violations"]
        if violations:
            failures.append(f"{where}: " + describe_violations(url, violations))
    figures = (
        f"{name} at {width}: header {found['headerHeight']} px, scrollWidth "
        f"{found['scrollWidth']}/{found['innerWidth']}, {found['targets']} header/nav targets "
        f"({found['spaced']} under {MIN_TARGET} px but spaced)"
    )
    # Where the navigation is behind a disclosure ("Menu" on phones), open it and check the
    # targets it shows, and that it fits; the home page's open menu is also screenshot and axed.
    toggles = page.locator("header details:not([open]) > summary")
    if toggles.count() and toggles.first.is_visible():
        for toggle in toggles.all():
            if toggle.is_visible():
                toggle.click()
        opened = page.evaluate(MEASURE, MIN_TARGET)
        where = f"{where}, menu open"
        if opened["scrollWidth"] > max(opened["innerWidth"], found["scrollWidth"]):
            failures.append(
                f"{where}: scrolls sideways: scrollWidth {opened['scrollWidth']} px > "
                f"innerWidth {opened['innerWidth']} px"
            )
        for target in opened["smallTargets"]:
            failures.append(f"{where}: touch target under {MIN_TARGET}x{MIN_TARGET}: {target}")
        if name == "home":
            page.screenshot(path=shot.with_name(f"{name}-{width}-menu.png"), full_page=True)
            if width in AXE_WIDTHS:
                violations = axe.run(page, options=AXE_OPTIONS).response["violations"]
                if violations:
                    failures.append(f"{where}: " + describe_violations(url, violations))
        figures += (
            f"; menu open: {opened['targets']} header/nav targets "
            f"({opened['spaced']} under {MIN_TARGET} px but spaced)"
        )
    return failures, figures


# One test per width (the phone's two widths together): every test restores the demo database,
# which costs more than loading and checking a page, so the pages are looped over inside.
@pytest.mark.parametrize("widths", [(320, 390), (768,), (1280,)], ids=["320+390", "768", "1280"])
def test_every_page_at(page, screenshot_dir, widths):
    failures = []
    for name, (path, status) in PAGES.items():
        url = page_url(path)
        for width in widths:
            shot = screenshot_dir / f"{name}-{width}.png"
            found, figures = check(page, name, url, status, width, shot)
            failures += found
            print(figures)
    if failures:
        pytest.fail(f"{len(failures)} layout failure(s):\n" + "\n".join(failures), pytrace=False)
