"""Varnish lets a one-time message (after signing out) reach the app instead of a cached page."""

import pytest

from tests.courses.factories import home_page
from tests.home.factories import StandardPageFactory

from .conftest import fetch, free_port, varnish, varnish_available

pytestmark = [
    pytest.mark.serving,
    pytest.mark.skipif(not varnish_available(), reason="varnishd missing: apt-get install varnish"),
]


def test_a_messages_cookie_reaches_the_app(site, committed_db):
    StandardPageFactory(parent=home_page(), title="About us", slug="about")
    with varnish(site, free_port()) as url:
        fetch(f"{url}/about/")
        assert fetch(f"{url}/about/")[1].get("X-Cache") == "hit"
        assert fetch(f"{url}/about/", {"Cookie": "messages=abc"})[1].get("X-Cache") == "pass"
