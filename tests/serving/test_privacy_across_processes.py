"""A restriction or an unpublish made by another process applies to the running site at once."""

import pytest

from tests.courses.factories import CoursePageFactory, ModulePageFactory

from .conftest import fetch, run_python

pytestmark = pytest.mark.serving


@pytest.fixture
def course(committed_db):
    course = CoursePageFactory(title="Understanding STS", slug="understanding-sts")
    ModulePageFactory(parent=course, title="Recognizing stress", slug="recognizing")
    secret = ModulePageFactory(
        parent=course,
        title="Zebra answer key",
        slug="zebra-answer-key",
        summary="Facilitator answers for the zebra exercise.",
    )
    return {"course": course, "secret": secret}


def test_restriction_made_by_another_process_hides_the_page_on_the_next_request(
    site, served_env, course
):
    secret = course["secret"]
    _, _, listing = fetch(f"{site}/courses/understanding-sts/")
    _, _, results = fetch(f"{site}/search/?q=zebra")
    assert "Zebra answer key" in listing and "Zebra answer key" in results

    run_python(
        "from django.contrib.auth.models import Group\n"
        "from wagtail.models import PageViewRestriction\n"
        f"restriction = PageViewRestriction.objects.create(page_id={secret.pk},"
        " restriction_type='groups')\n"
        "restriction.groups.set([Group.objects.get_or_create(name='Trainers')[0]])\n",
        served_env,
    )

    status, _, listing = fetch(f"{site}/courses/understanding-sts/")
    _, _, results = fetch(f"{site}/search/?q=zebra")
    page_status, page_headers, _ = fetch(f"{site}{secret.url}")
    assert status == 200
    assert "Zebra answer key" not in listing
    assert "Recognizing stress" in listing
    assert "Zebra answer key" not in results and "Facilitator answers" not in results
    assert page_status == 302 and "/sign-in/?next=" in page_headers["Location"]
    assert "no-store" in page_headers["Cache-Control"]


def test_unpublish_by_another_process_takes_the_page_and_its_listing_offline(
    site, served_env, course
):
    secret = course["secret"]
    assert fetch(f"{site}{secret.url}")[0] == 200
    run_python(
        f"from wagtail.models import Page\nPage.objects.get(pk={secret.pk}).unpublish()\n",
        served_env,
    )
    _, _, listing = fetch(f"{site}/courses/understanding-sts/")
    assert fetch(f"{site}{secret.url}")[0] == 404
    assert "Zebra answer key" not in listing
    assert "Recognizing stress" in listing
