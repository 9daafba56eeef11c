"""The library costs the same number of queries for 3 documents and for 30."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from courses.models import CourseDocument, DocumentKind
from home.models import SiteSettings
from tests.courses.factories import (
    AudienceFactory,
    CourseDocumentFactory,
    CoursePageFactory,
    ModulePageFactory,
    home_page,
)
from tests.home.factories import DomainPageFactory

from .factories import HandoutLibraryPageFactory


def views(name):
    """The views counted: everything, four filters at once, another order with a topic."""
    return {
        "everything": {},
        "filtered": {
            "audience": f"{name}-readers",
            "domain": f"{name}-science",
            "format": "pdf",
            "kind": "handout",
        },
        "newest": {"sort": "newest", "topic": "self-care"},
    }


def build(size, name):
    """`size` handouts, each tagged, for an audience, used by a module in a domain, and as many
    files printed from those modules (3: 6 files in all; 30: 60)."""
    audience = AudienceFactory(name=f"{name} readers", slug=f"{name}-readers")
    science = DomainPageFactory(parent=home_page(), title=f"{name} science", slug=f"{name}-science")
    course = CoursePageFactory()
    made = CourseDocument.objects.count()
    for number in range(size):
        handout = CourseDocumentFactory(title=f"Handout {number}")
        handout.audiences.add(audience)
        handout.tags.add("Self-care", f"Topic {number}")
        module = ModulePageFactory(parent=course, domains=[science], handouts=[handout])
        printed = CourseDocumentFactory(
            title=f"Slides {number}",
            kind=DocumentKind.SLIDES,
            generated_for=module,
            generated_key="slides.pdf",
        )
        printed.audiences.add(audience)
    assert CourseDocument.objects.count() == made + 2 * size


def count_queries(client, url, name):
    counts = {}
    for view, params in views(name).items():
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url, params)
        assert response.status_code == 200, (view, response.status_code)
        assert b'class="library-entry"' in response.content, view
        counts[view] = len(queries)
    return counts


@pytest.mark.django_db
def test_query_counts_do_not_grow_with_the_documents(client):
    SiteSettings.for_site(Site.objects.get(is_default_site=True))
    url = HandoutLibraryPageFactory().url
    build(3, "small")
    for params in views("small").values():  # the process's own caches fill on first use
        client.get(url, params)
    small = count_queries(client, url, "small")
    CourseDocument.objects.all().delete()
    build(30, "big")
    big = count_queries(client, url, "big")
    print(f"queries for 3 handouts: {small}; for 30: {big}")
    assert big == small
