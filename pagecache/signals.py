"""Empty the page cache whenever what a public page shows may have changed."""

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.signals import page_published, page_unpublished, post_page_move

from pagecache import cache as page_cache

# Saving one of these changes what published pages show (lists, footers, privacy).
WATCHED_MODELS = (
    "courses.CourseDocument",
    "courses.Reference",
    "courses.Audience",
    "home.SiteSettings",
    "wagtailcore.PageViewRestriction",
    "wagtailcore.CollectionViewRestriction",
    "wagtailcore.Site",
    "wagtailcore.Collection",
)


def empty():
    """Empty now, and again once the change is committed.

    A request that reads the database between the two (it cannot yet see the change) may cache
    what it saw under the new generation; the second bump makes sure that never outlives the
    commit.
    """
    page_cache.empty()
    transaction.on_commit(page_cache.empty)


def _empty(**kwargs):
    empty()


def connect():
    page_published.connect(_empty, dispatch_uid="pagecache-published")
    page_unpublished.connect(_empty, dispatch_uid="pagecache-unpublished")
    post_page_move.connect(_empty, dispatch_uid="pagecache-moved")
    post_delete.connect(_empty_for_pages, dispatch_uid="pagecache-page-deleted")
    m2m_changed.connect(_empty_for_restrictions, dispatch_uid="pagecache-restriction-groups")
    for model in WATCHED_MODELS:
        post_save.connect(_empty, sender=model, dispatch_uid=f"pagecache-save-{model}")
        post_delete.connect(_empty, sender=model, dispatch_uid=f"pagecache-delete-{model}")


def _empty_for_pages(sender, instance, **kwargs):
    from wagtail.models import Page

    if isinstance(instance, Page):
        empty()


def _empty_for_restrictions(sender, instance, **kwargs):
    """A restriction's groups changed: who may see what changed."""
    from wagtail.models import BaseViewRestriction

    if isinstance(instance, BaseViewRestriction):
        empty()
