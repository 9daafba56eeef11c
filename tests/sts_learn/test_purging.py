"""Changing a page purges it and every page that lists it from the shared cache, once committed."""

from urllib.parse import urlsplit

import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from home.models import SiteSettings
from tests.courses.factories import (
    CoursePageFactory,
    ModulePageFactory,
    ReferenceFactory,
    course_index,
    home_page,
)
from tests.home.factories import DomainPageFactory, StandardPageFactory

from . import purge_recorder


@pytest.fixture
def purged(settings):
    settings.WAGTAILFRONTENDCACHE = {
        "test": {"BACKEND": "tests.sts_learn.purge_recorder.RecordingBackend"}
    }
    purge_recorder.PURGED.clear()
    yield purge_recorder.PURGED
    purge_recorder.PURGED.clear()


def paths(urls):
    return {urlsplit(url).path for url in urls}


@pytest.fixture
def tree(db):
    home = home_page()
    science = DomainPageFactory(parent=home, title="Science", slug="science", show_in_menus=True)
    about = StandardPageFactory(parent=home, title="About", slug="about", show_in_menus=True)
    terms = StandardPageFactory(parent=home, title="Terms", slug="terms")
    course = CoursePageFactory(title="Understanding STS", slug="understanding-sts")
    module = ModulePageFactory(parent=course, title="Recognizing", slug="recognizing",
                               domains=[science])  # fmt: skip
    other = ModulePageFactory(parent=course, title="Self-care", slug="self-care")
    return {"home": home, "science": science, "about": about, "terms": terms,
            "course": course, "module": module, "other": other}  # fmt: skip


def test_publishing_a_module_purges_it_and_the_pages_that_list_it(
    tree, purged, django_capture_on_commit_callbacks
):
    module = tree["module"]
    module.summary = "Changed."
    with django_capture_on_commit_callbacks(execute=True):
        module.save_revision().publish()
    assert paths(purged) >= {
        "/courses/understanding-sts/recognizing/",  # the page
        "/courses/understanding-sts/",  # its course lists it
        "/courses/",  # the course list counts its modules
        "/",  # the home page features courses
        "/science/",  # it is tagged with the Science domain
        "/sitemap.xml",
    }
    assert "/courses/understanding-sts/self-care/" not in paths(purged)
    assert "/about/" not in paths(purged)


def test_the_listings_are_purged_once_the_change_is_committed(
    tree, purged, django_capture_on_commit_callbacks
):
    """Purged before the commit, a listing could be refetched from the old data and kept."""
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        tree["module"].save_revision().publish()
    assert "/courses/understanding-sts/" not in paths(purged)
    for callback in callbacks:
        callback()
    assert "/courses/understanding-sts/" in paths(purged)


def test_unpublishing_a_course_purges_its_modules_too(
    tree, purged, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        tree["course"].unpublish()
    assert paths(purged) >= {
        "/courses/understanding-sts/recognizing/",
        "/courses/understanding-sts/self-care/",
        "/courses/",
    }


def test_restricting_a_page_purges_it_what_lists_it_and_what_lies_below(
    tree, purged, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        restriction = PageViewRestriction.objects.create(
            page=tree["course"], restriction_type="groups"
        )
        restriction.groups.set([Group.objects.get_or_create(name="Trainers")[0]])
    assert paths(purged) >= {
        "/courses/understanding-sts/",
        "/courses/understanding-sts/recognizing/",
        "/courses/",
    }


def test_moving_a_page_purges_its_old_address_and_both_lists(
    tree, purged, django_capture_on_commit_callbacks
):
    second = CoursePageFactory(parent=course_index(), title="Second", slug="second")
    purged.clear()
    with django_capture_on_commit_callbacks(execute=True):
        tree["other"].move(second, pos="last-child")
    assert paths(purged) >= {
        "/courses/understanding-sts/self-care/",  # where it was
        "/courses/second/self-care/",  # where it is
        "/courses/understanding-sts/",
        "/courses/second/",
    }


@pytest.mark.parametrize("change", ["site settings", "menu page", "reference"])
def test_what_every_page_shows_purges_every_page(
    tree, purged, django_capture_on_commit_callbacks, change
):
    with django_capture_on_commit_callbacks(execute=True):
        if change == "site settings":
            site_settings = SiteSettings.for_site(tree["home"].get_site())
            site_settings.footer_disclaimer = "New footer."
            site_settings.save()
        elif change == "menu page":
            tree["about"].save_revision().publish()  # its title is in every page's navigation
        else:
            ReferenceFactory()
    assert paths(purged) >= {
        "/", "/science/", "/about/", "/terms/", "/courses/", "/courses/understanding-sts/",
        "/courses/understanding-sts/recognizing/", "/courses/understanding-sts/self-care/",
    }  # fmt: skip


def test_nothing_is_sent_without_a_frontend_cache(tree, django_capture_on_commit_callbacks):
    purge_recorder.PURGED.clear()
    with django_capture_on_commit_callbacks(execute=True):
        tree["module"].save_revision().publish()
    assert purge_recorder.PURGED == []
