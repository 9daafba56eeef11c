"""The production recipe: Varnish (deploy/varnish.vcl) in front of gunicorn keeps public pages,
never anything private, and drops what changed when Wagtail purges it."""

import pytest

from tests.courses.factories import (
    AudienceFactory,
    CoursePageFactory,
    ModulePageFactory,
    home_page,
)
from tests.home.factories import StandardPageFactory

from .conftest import fetch, free_port, run_python, varnish, varnish_available

pytestmark = [
    pytest.mark.serving,
    pytest.mark.skipif(not varnish_available(), reason="varnishd missing: apt-get install varnish"),
]


@pytest.fixture
def cached_site(site, served_env, committed_db):
    """(Varnish's URL in front of the served site, the environment of a process that purges
    through it: the process that publishes sends the purge, not the app server)."""
    port = free_port()
    with varnish(site, port) as url:
        yield url, {**served_env, "FRONTEND_CACHE_PURGE_URL": f"http://127.0.0.1:{port}"}


@pytest.fixture
def pages(committed_db):
    about = StandardPageFactory(parent=home_page(), title="About us", slug="about")
    supervisors = AudienceFactory(name="Supervisors", slug="supervisors")
    course = CoursePageFactory(title="Understanding STS", slug="understanding-sts",
                               audiences=[supervisors])  # fmt: skip
    module = ModulePageFactory(parent=course, title="Zebra answer key", slug="zebra")
    return {"about": about, "course": course, "module": module}


def x_cache(url, **headers):
    status, response_headers, body = fetch(url, headers)
    return status, response_headers.get("X-Cache"), body


def test_public_pages_are_kept_and_private_responses_never(cached_site, pages):
    url, _ = cached_site
    assert x_cache(f"{url}/about/")[1] == "miss"
    status, cache, body = x_cache(f"{url}/about/")
    assert (status, cache) == (200, "hit") and "About us" in body
    # Tracking parameters do not make a new copy.
    assert x_cache(f"{url}/about/?utm_source=newsletter")[1] == "hit"
    for private in ("/search/?q=zebra", "/kits/", "/no-such-page/", "/courses/?audience=nobody"):
        fetch(f"{url}{private}")
        assert x_cache(f"{url}{private}")[1] != "hit", private
    # A signed-in visitor (session cookie) always reaches the app.
    assert x_cache(f"{url}/about/", Cookie="sessionid=abc")[1] == "pass"


def test_publishing_elsewhere_purges_the_page_and_its_listings(cached_site, pages):
    url, env = cached_site
    course_url = "/courses/understanding-sts/"
    for path in ("/about/", course_url, "/courses/", "/courses/?audience=supervisors"):
        fetch(f"{url}{path}")
        assert x_cache(f"{url}{path}")[1] == "hit", path

    about = pages["about"]
    run_python(
        f"from home.models import StandardPage\npage = StandardPage.objects.get(pk={about.pk})\n"
        "page.title = 'About the consortium'\npage.save_revision().publish()\n",
        env,
    )
    status, cache, body = x_cache(f"{url}/about/")
    assert (status, cache) == (200, "miss") and "About the consortium" in body

    module = pages["module"]
    run_python(
        "from django.contrib.auth.models import Group\n"
        "from wagtail.models import PageViewRestriction\n"
        f"restriction = PageViewRestriction.objects.create(page_id={module.pk},"
        " restriction_type='groups')\n"
        "restriction.groups.set([Group.objects.get_or_create(name='Trainers')[0]])\n",
        env,
    )
    status, cache, body = x_cache(f"{url}{course_url}")
    assert cache == "miss" and "Zebra answer key" not in body
    assert x_cache(f"{url}/courses/?audience=supervisors")[1] == "miss"
    status, cache, _ = x_cache(f"{url}{module.url}")
    assert status == 302 and cache != "hit"
