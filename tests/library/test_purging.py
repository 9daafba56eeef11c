"""A shared cache never keeps a library that lists a module or file that changed."""

from urllib.parse import urlsplit

import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from tests.courses.factories import HandoutFactory, ModulePageFactory, home_page
from tests.home.factories import StandardPageFactory
from tests.sts_learn import purge_recorder

from .factories import HandoutLibraryPageFactory


@pytest.fixture
def purged(settings):
    settings.WAGTAILFRONTENDCACHE = {
        "test": {"BACKEND": "tests.sts_learn.purge_recorder.RecordingBackend"}
    }
    purge_recorder.PURGED.clear()
    yield purge_recorder.PURGED
    purge_recorder.PURGED.clear()


@pytest.fixture
def site(db):
    handout = HandoutFactory(title="Recognizing STS")
    module = ModulePageFactory(title="What is STS", handouts=[handout])
    HandoutLibraryPageFactory()
    return {"module": module, "handout": handout}


def purged_paths(purged):
    return {urlsplit(url).path for url in purged}


@pytest.mark.parametrize("change", ["publish", "unpublish", "restrict", "document"])
def test_a_change_the_library_shows_purges_it_after_the_commit(
    site, purged, django_capture_on_commit_callbacks, change
):
    module, handout = site["module"], site["handout"]
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        if change == "publish":
            module.title = "What STS is"
            module.save_revision().publish()
        elif change == "unpublish":
            module.unpublish()
        elif change == "restrict":
            restriction = PageViewRestriction.objects.create(page=module, restriction_type="groups")
            restriction.groups.add(Group.objects.get(name="Trainers"))
        else:
            handout.title = "Recognizing secondary traumatic stress"
            handout.save()
    assert "/handouts/" not in purged_paths(purged)
    for callback in callbacks:
        callback()
    assert "/handouts/" in purged_paths(purged)


def test_publishing_an_unrelated_page_leaves_the_library_cached(
    site, purged, django_capture_on_commit_callbacks
):
    page = StandardPageFactory(parent=home_page(), title="Contact", slug="contact")
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    assert "/contact/" in purged_paths(purged)
    assert "/handouts/" not in purged_paths(purged)
