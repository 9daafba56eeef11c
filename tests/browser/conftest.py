"""Browser tests: Playwright drives Debian's chromium against pytest-django's live server.

Nothing is downloaded: the browser is the system's chromium (CHROMIUM_PATH overrides the path).
Where it is absent, every test marked ``browser`` is skipped at collection with the reason below.
"""

import os
from pathlib import Path

import pytest

from home.demo.loader import DemoLoader

# Playwright's sync API runs an asyncio event loop in the test thread; Django would otherwise
# refuse ORM calls (loading the demo content) made from that thread.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

DEFAULT_CHROMIUM_PATH = "/usr/bin/chromium"
CHROMIUM_PATH = os.environ.get("CHROMIUM_PATH") or DEFAULT_CHROMIUM_PATH
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SKIP_REASON = (
    f"Chromium not found at {CHROMIUM_PATH}: browser tests skipped (apt-get install chromium)"
)
BROWSER_TESTS_DIR = Path(__file__).resolve().parent


def chromium_available():
    return os.path.isfile(CHROMIUM_PATH) and os.access(CHROMIUM_PATH, os.X_OK)


def pytest_collection_modifyitems(config, items):
    """Skip the browser tests up front where chromium is missing (no server, no database)."""
    if chromium_available():
        return
    skip = pytest.mark.skip(reason=SKIP_REASON)
    for item in items:
        if item.get_closest_marker("browser") and BROWSER_TESTS_DIR in item.path.parents:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser():
    """One headless chromium for the whole session."""
    if not chromium_available():
        pytest.skip(SKIP_REASON)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM_PATH, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    """A fresh browser context and page per test: no cookies or focus carried over."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


@pytest.fixture
def site_url(transactional_db, django_db_serialized_rollback, live_server):
    """The live server's base URL, with the consortium's demo pages loaded into its database.

    Serialized rollback restores what the migrations created (the root page, the default site,
    the locale) after each transactional test's flush, so every test starts from the same tree.
    """
    from django.db import connection
    from wagtail.models import Page
    c = getattr(connection, "_test_serialized_contents", None)
    print("DEBUG serialized", None if c is None else len(c), "pages", Page.objects.count(), connection.settings_dict["NAME"], connection.vendor)
    DemoLoader(log=lambda *args: None).load_pages()
    return live_server.url
