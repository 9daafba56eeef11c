"""Pages cost the same number of queries for a course of 3 modules and one of 30."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from courses.models import ModuleHandout, ModulePage, ModuleReference, ModuleSlides
from home.models import DomainPage, SiteSettings
from tests.home.factories import DomainPageFactory

from .factories import (
    AudienceFactory,
    CoursePageFactory,
    HandoutFactory,
    ModulePageFactory,
    ReferenceFactory,
    SlidesFactory,
    course_index,
    home_page,
)

PAGES = ["course index", "domain", "course", "module"]


def build_course(size, name):
    """A course of `size` modules, each with `size` references, and slides, handouts, domains
    and audiences that grow with it (3 modules: 2 slides and 2 handouts each; 30: 20 and 20)."""
    home = home_page()
    domains = [
        DomainPageFactory(parent=home, title=f"{name} domain {i}", slug=f"{name}-domain-{i}")
        for i in range(max(2, size // 10))
    ]
    audiences = [
        AudienceFactory(name=f"{name} audience {i}", slug=f"{name}-audience-{i}")
        for i in range(max(2, size // 6))
    ]
    course = CoursePageFactory(title=f"{name} course", audiences=audiences, domains=domains)
    references = ReferenceFactory.create_batch(size)
    slides = SlidesFactory.create_batch(max(2, size * 2 // 3))
    handouts = HandoutFactory.create_batch(max(2, size * 2 // 3))
    modules = [ModulePageFactory(parent=course, domains=domains) for _ in range(size)]
    for model, items, field in (
        (ModuleReference, references, "reference"),
        (ModuleSlides, slides, "document"),
        (ModuleHandout, handouts, "document"),
    ):
        model.objects.bulk_create(
            [
                model(page=module, sort_order=i, **{field: item})
                for module in modules
                for i, item in enumerate(items)
            ]
        )
    return {
        "course index": course_index().url,
        "domain": domains[0].url,
        "course": course.url,
        "module": modules[len(modules) // 2].url,
    }


def count_queries(client, urls, warm):
    """Queries of each page: with an empty cache, or with what pages memoise already cached."""
    counts = {}
    for name in PAGES:
        cache.clear()
        if warm:
            client.get(urls[name])
        with CaptureQueriesContext(connection) as queries:
            response = client.get(urls[name])
        assert response.status_code == 200, urls[name]
        counts[name] = len(queries)
    return counts


@pytest.mark.django_db
def test_query_counts_do_not_grow_with_the_course(client):
    SiteSettings.for_site(Site.objects.get(is_default_site=True))
    small = build_course(3, "small")
    for url in small.values():  # the process's own caches (content types) fill on first use
        client.get(url)
    small_counts = [count_queries(client, small, warm) for warm in (False, True)]
    big = build_course(30, "big")
    assert ModulePage.objects.count() == 33
    assert DomainPage.objects.get(slug="big-domain-0").modules.count() == 30
    big_counts = [count_queries(client, big, warm) for warm in (False, True)]
    print(f"queries (empty cache, warm cache) for 3 modules: {small_counts}")
    print(f"queries (empty cache, warm cache) for 30 modules: {big_counts}")
    assert big_counts == small_counts
