"""Browser tests: Playwright drives Debian's chromium against pytest-django's live server.

Nothing is downloaded: the browser is the system's chromium (CHROMIUM_PATH overrides the path).
Where it is absent, every test marked ``browser`` is skipped at collection with the reason below.
"""

import os
import threading
import time
from pathlib import Path

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection
from playwright.sync_api import sync_playwright

from demo.loader import DemoLoader

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
def migrated_db_contents(django_db_setup):
    """The test database as the migrations left it, serialized by Django when it was created.

    Read before Playwright starts: once its event loop runs in this thread, asgiref hands Django a
    different (context-local) connection object, which lacks the serialized contents.
    """
    contents = getattr(connection, "_test_serialized_contents", None)
    assert contents, "Django did not serialize the test database (django_db_serialized_rollback)"
    return contents


@pytest.fixture(scope="package")
def browser(migrated_db_contents):
    """One headless chromium, launched once and shared by every browser test.

    Playwright's sync API keeps an asyncio event loop running in this thread while it is started,
    so Django would refuse the ORM calls the tests make (loading the demo content, the flush
    between tests): DJANGO_ALLOW_ASYNC_UNSAFE allows them. Both last only as long as this package
    runs (the browser tests are contiguous in the run): a session-long loop and variable would
    leak into every later test and into the subprocesses they start (``check --deploy`` reports
    the variable as an error).
    """
    if not chromium_available():
        pytest.skip(SKIP_REASON)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM_PATH, headless=True, args=CHROMIUM_ARGS
            )
            yield browser
            browser.close()


def _empty_database():
    """As Django empties it between transactional tests (sequences go on, so restored rows keep
    their ids without clashing with new ones).

    Every content type is cached first: a workflow task being restored asks for its content type
    while it is built, before the content type rows are restored, and must find it in the cache
    rather than create a second row with the same name.
    """
    for content_type in ContentType.objects.all():
        ContentType.objects.get_for_id(content_type.pk)
    call_command(
        "flush", interactive=False, verbosity=0, inhibit_post_migrate=True, reset_sequences=False
    )


@pytest.fixture(scope="package")
def demo_db_contents(browser, migrated_db_contents, django_db_blocker):
    """The demo content (pages, courses and their files), loaded once and kept serialized.

    Every browser test starts from it: serialized rollback loads this instead of the bare tree the
    migrations made (a fraction of a second, where loading the demo takes seconds). Afterwards the
    database is left as transactional tests expect it: empty, with the migrations' tree to restore.
    """
    with django_db_blocker.unblock():
        _empty_database()
        connection.creation.deserialize_db_from_string(migrated_db_contents)
        DemoLoader(log=lambda *args: None).load_site()
        contents = connection.creation.serialize_db_to_string()
        _empty_database()
    # Read by serialized rollback when each browser test starts (before any function fixture).
    connection._test_serialized_contents = contents
    yield contents
    connection._test_serialized_contents = migrated_db_contents


@pytest.fixture
def site_url(
    browser, demo_db_contents, transactional_db, django_db_serialized_rollback, live_server
):
    """The live server's base URL; its database holds the demo content, fresh for each test."""
    return live_server.url


@pytest.fixture
def page(browser, site_url):
    """A fresh browser context and page on the live site (relative URLs work in page.goto).

    Torn down before the database is flushed: the context is closed and the live server's request
    threads are left to finish, so no request is still using the database (or its shared
    connection) when the flush or the server's shutdown comes.
    """
    context = browser.new_context(base_url=site_url, viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()
    wait_for_request_threads()


def wait_for_request_threads(timeout=5.0):
    """Wait until the live server has no request thread left (Django names them by target)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        busy = [
            thread
            for thread in threading.enumerate()
            if thread.name.endswith("(process_request_thread)") and thread.is_alive()
        ]
        if not busy:
            return
        time.sleep(0.02)


@pytest.fixture
def course_site(site_url):
    """The live site with the demo courses (the same as `site_url`, named for what tests use)."""
    return site_url
